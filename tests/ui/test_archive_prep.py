"""The archive's charters are rendered in the background while the workshop is open and quiet,
stop while charters print or files export, and the export then renders nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QThread

from workshop_app.core.charters.batch import charter_key
from workshop_app.core.charters.render_cache import default_cache
from workshop_app.core.demo import create_demo
from workshop_app.core.exports.archive import archive_contexts
from workshop_app.core.exports.tables import read_export_data
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui import jobs
from workshop_app.ui.archive_prep import ArchivePreparer

pytestmark = pytest.mark.slow
READY = "The archive's charters are ready"


@pytest.fixture
def wf(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "room.workshop")
    yield wf
    wf.close()


def missing(wf: WorkshopFile) -> int:
    """How many charters of the archive the render cache lacks."""
    cache = default_cache()
    assert cache is not None
    contexts = archive_contexts(wf, read_export_data(wf, include_confidential=False))
    return sum(1 for c in contexts if cache.lookup(charter_key(c, None)) is None)


def preparer(qtbot, busy: list[bool]) -> tuple[ArchivePreparer, list[str]]:  # type: ignore[no-untyped-def]
    prep = ArchivePreparer(lambda: busy[0], poll_ms=50, quiet_s=0.3)
    said: list[str] = []
    prep.status.connect(said.append)
    return prep, said


def test_prepares_when_quiet_and_again_after_an_edit(qtbot, wf: WorkshopFile) -> None:  # type: ignore[no-untyped-def]
    prep, said = preparer(qtbot, [False])
    assert missing(wf) == 12
    prep.set_workshop(wf)
    try:
        qtbot.waitUntil(lambda: prep.last_status.startswith(READY), timeout=120_000)
        assert missing(wf) == 0
        assert any("of 12 charters rendered" in text for text in said)
        pair = wf.roster.pairs()[0]
        wf.charters.set_field(pair.id, "purpose", "Changed after the room emptied.")
        assert missing(wf) == 1
        qtbot.waitUntil(lambda: prep.prepared_mark == wf.change_mark(), timeout=60_000)
        assert missing(wf) == 0
    finally:
        prep.set_workshop(None)
    assert prep.job is None and prep.last_status == ""
    qtbot.waitUntil(lambda: not live_threads())  # each preparation's thread is released


def live_threads() -> list[QThread]:
    main = QThread.currentThread()
    return [
        o
        for o in gc.get_objects()
        if isinstance(o, QThread) and shiboken6.isValid(o) and o is not main
    ]


def test_waits_while_charters_print_or_files_export(qtbot, wf: WorkshopFile) -> None:  # type: ignore[no-untyped-def]
    busy = [False]
    prep, said = preparer(qtbot, busy)
    prep.set_workshop(wf)
    try:
        qtbot.waitUntil(lambda: any("rendered" in text for text in said), timeout=60_000)
        busy[0] = True
        qtbot.waitUntil(lambda: prep.job is None, timeout=5_000)
        assert "waits while charters print" in prep.last_status
        qtbot.waitUntil(lambda: not jobs.any_running(), timeout=30_000)
        left = missing(wf)
        assert 0 < left < 12  # stopped part-way, what it finished is kept
        qtbot.wait(500)
        assert prep.job is None  # nothing starts while busy
        busy[0] = False
        qtbot.waitUntil(lambda: prep.last_status.startswith(READY), timeout=120_000)
        assert missing(wf) == 0
    finally:
        prep.set_workshop(None)


def test_in_the_app_the_archive_is_ready_when_staff_export(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window prepares the archive by itself; the Export page says so; exporting the
    archive then renders nothing and holds every charter."""
    import zipfile

    from PySide6.QtCore import Qt

    from workshop_app.ui.main_window import MainWindow

    create_demo(tmp_path / "demo.workshop").close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.archive_prep._quiet_s = 0.2
    window.archive_prep._timer.setInterval(50)
    assert window.open_path(tmp_path / "demo.workshop")
    window.go_to(window._index("export"))
    page = window.current_page()
    qtbot.waitUntil(lambda: page.archive_status.text().startswith(READY), timeout=120_000)  # type: ignore[attr-defined]
    assert not page.archive_status.isHidden()  # type: ignore[attr-defined]
    cache = default_cache()
    assert cache is not None

    def entries() -> list[tuple[str, int, int]]:
        """Each entry with its inode and time: a charter rendered again is a new file."""
        found = [(p.name, p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.folder.iterdir()]
        return sorted(found)

    before = entries()
    assert len(before) == 13  # twelve staff copies and the summary

    page.format_buttons["archive"].click()  # type: ignore[attr-defined]
    page.destination.setText(str(tmp_path / "archive.zip"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.status, timeout=120_000) as said:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert "Exported" in str(said.args[0])
    with zipfile.ZipFile(tmp_path / "archive.zip") as zf:
        assert len([n for n in zf.namelist() if n.startswith("charters/P")]) == 12
    assert entries() == before  # nothing was rendered: every charter came from the cache
    window.close_workshop()
    assert window.archive_prep.wf is None and page.archive_status.isHidden()  # type: ignore[attr-defined]
