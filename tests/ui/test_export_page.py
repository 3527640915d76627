"""The export & merge page, driven as program staff would: pick, type, click, then the files."""

from __future__ import annotations

import contextlib
import shutil
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from workshop_app.core.demo import FULL, create_demo
from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages import export as export_page
from workshop_app.ui.pages.export import ExportPage

SECRET = "pay review or of named colleagues"  # from the demo's boundaries, private to the pairs
BASE = "Accelerate Mentoring Program 2027-01-19"
LONG = 120_000  # the archive renders twelve charters, on a busy machine too


@pytest.fixture
def room_a(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "room-a.workshop")
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, room_a: WorkshopFile) -> ExportPage:  # type: ignore[no-untyped-def]
    page = ExportPage()
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.set_workshop(room_a)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def when_shown(qtbot):  # type: ignore[no-untyped-def]
    """`when_shown(kind, act)`: run `act` on the next modal `kind` to open (it blocks the test)."""
    stopped = [False]

    def when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        def poll() -> None:
            if stopped[0]:
                return
            widget = QApplication.activeModalWidget()
            if isinstance(widget, kind) and widget.isVisible():
                try:
                    act(widget)
                finally:
                    widget.close()
            else:
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)

    yield when_shown
    stopped[0] = True


def press(box: QWidget, text: str) -> None:
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text().replace("&", "") == text).click()


def all_bytes(path: Path) -> bytes:
    """Every byte of an export: files in a folder, members of a zip (xlsx is a zip too), and
    calendars unfolded so that a folded line cannot hide a word."""
    if path.is_dir():
        return b"".join(all_bytes(p) for p in sorted(path.rglob("*")) if p.is_file())
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            data += b"".join(zf.read(name) for name in zf.namelist())
    return data + data.replace(b"\r\n ", b"")


def type_into(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def click(qtbot, page: ExportPage, button: QAbstractButton) -> str:  # type: ignore[no-untyped-def]
    """Click `button` and wait for the page to say how it went (its status message)."""
    with qtbot.waitSignal(page.status, timeout=LONG) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not page.busy
    return str(blocker.args[0])


def test_the_demo_has_private_text_to_leave_out() -> None:
    assert SECRET in FULL["boundaries"]


def test_destination_follows_the_format(page: ExportPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def shown() -> str:
        return Path(page.destination.text()).name

    assert Path(page.destination.text()).parent == tmp_path  # beside the workshop file
    assert shown() == f"{BASE} - records.zip"
    page.format_buttons["xlsx"].click()
    assert shown() == f"{BASE} - records.xlsx"
    assert not page.as_zip.isEnabled() and not page.per_pair.isEnabled()
    page.format_buttons["ics"].click()
    assert shown() == f"{BASE} - calendar.ics"
    page.per_pair.click()
    assert shown() == f"{BASE} - calendars.zip" and page.as_folder.isEnabled()
    page.as_folder.click()
    assert shown() == f"{BASE} - calendars"
    assert page.merge_panel.output.text() == str(tmp_path / f"{BASE} - all rooms.workshop")
    assert "room-a.workshop" in page.merge_panel.include_current.text()


SUGGESTED = {
    "de": ["Daten.zip", "Daten.xlsx", "Daten.json", "Kalender.ics", "Kalender der Tandems.zip",
           "Archiv.zip", "alle Räume.workshop"],
    "it": ["dati.zip", "dati.xlsx", "dati.json", "calendario.ics", "calendari.zip",
           "archivio.zip", "tutte le aule.workshop"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "it"])
def test_suggested_names_are_in_the_workshops_language(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, lang: str
) -> None:
    """A German (Italian) room's exports are saved under German (Italian) names, whatever
    the interface speaks: a person finds the file by them."""
    wf = create_demo(tmp_path / "room-a.workshop")
    wf.set_workshop_field("language", lang)
    page = ExportPage()
    qtbot.addWidget(page)
    page.set_workshop(wf)
    page.show()
    shown = []
    for fmt, per_pair in (("csv", False), ("xlsx", False), ("json", False), ("ics", False),
                          ("ics", True), ("archive", False)):  # fmt: skip
        page.format_buttons[fmt].click()
        if per_pair != page.per_pair.isChecked():
            page.per_pair.click()
        shown.append(Path(page.destination.text()).name)
    shown.append(Path(page.merge_panel.output.text()).name)
    assert shown == [f"{BASE} - {name}" for name in SUGGESTED[lang]]
    wf.close()


def test_every_format_suggests_its_own_name(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path
) -> None:
    """CSV, the archive and the calendars all go in a zip: no two may share a name, and a
    name typed for one is not given to another."""
    names = {}
    for fmt in ("csv", "archive", "ics"):
        page.format_buttons[fmt].click()
        if fmt == "ics":
            page.per_pair.click()
        names[fmt] = Path(page.destination.text()).name
    assert len(set(names.values())) == 3 and all(n.endswith(".zip") for n in names.values())

    page.format_buttons["csv"].click()
    type_into(qtbot, page.destination, str(out_dir / "records"))  # a name of the user's own
    page.format_buttons["archive"].click()
    assert page.destination.text() == str(out_dir / f"{BASE} - archive.zip")  # its own name
    page.format_buttons["xlsx"].click()
    assert page.destination.text() == str(out_dir / f"{BASE} - records.xlsx")
    page.format_buttons["csv"].click()  # the name typed for CSV comes back with it
    assert page.destination.text() == str(out_dir / "records.zip")
    page.as_folder.click()
    assert page.destination.text() == str(out_dir / "records")


def test_an_existing_file_is_replaced_only_when_the_user_says_so(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path, monkeypatch, when_shown
) -> None:
    page.format_buttons["json"].click()
    target = out_dir / "records.json"
    target.write_text("an older export", encoding="utf-8")
    type_into(qtbot, page.destination, str(target))
    asked: list[str] = []

    def answer(text: str) -> Callable[[QWidget], None]:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            press(box, text)

        return act

    when_shown(QMessageBox, answer("Cancel"))
    message = click(qtbot, page, page.export_button)
    assert asked == [f"“records.json” already exists in {out_dir}."]
    assert message == "Nothing was exported: records.json was kept as it is."
    assert target.read_text(encoding="utf-8") == "an older export"

    other = out_dir / "records for HR.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    when_shown(QMessageBox, answer("Choose another name…"))
    message = click(qtbot, page, page.export_button)
    assert other.is_file() and str(other) in message
    assert target.read_text(encoding="utf-8") == "an older export"
    assert page.destination.text() == str(other)

    type_into(qtbot, page.destination, str(target))
    when_shown(QMessageBox, answer("Replace"))
    message = click(qtbot, page, page.export_button)
    assert message.startswith(f"Exported the JSON document to {target}.")
    assert b"Margaret Osei" in target.read_bytes()
    assert len(asked) == 3


def test_a_folder_that_is_not_empty_gets_a_new_name(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path, when_shown
) -> None:
    page.as_folder.click()
    folder = out_dir / "records"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    type_into(qtbot, page.destination, str(folder))
    offered: list[str] = []

    def take_the_new_name(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        offered.append(box.text())
        press(box, "Export to “records (2)”")

    when_shown(QMessageBox, take_the_new_name)
    message = click(qtbot, page, page.export_button)
    assert offered == [f"The folder “records” already exists in {out_dir} and is not empty."]
    assert (out_dir / "records (2)" / "pairs.csv").is_file() and "records (2)" in message
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert page.destination.text() == str(out_dir / "records (2)")


def test_the_page_stays_scrolled_where_the_user_was(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path, when_shown
) -> None:
    page.resize(900, 420)  # a small screen: the page scrolls
    type_into(qtbot, page.destination, str(out_dir / "records.zip"))
    bar = page.scroll_area.verticalScrollBar()
    page.scroll_area.ensureWidgetVisible(page.export_button)
    where = bar.value()
    assert 0 < where < bar.maximum()
    page.export_button.setFocus()
    click(qtbot, page, page.export_button)
    assert bar.value() == where and page.export_button.hasFocus()
    when_shown(QMessageBox, lambda box: press(box, "Replace"))  # the zip is there now
    with qtbot.waitSignal(page.status, timeout=LONG):
        qtbot.keyClick(page.export_button, Qt.Key.Key_Space)  # again, from the keyboard
    assert bar.value() == where


def test_save_to_and_the_choices_are_remembered_per_workshop(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, room_a: WorkshopFile, out_dir: Path, tmp_path: Path
) -> None:
    page.format_buttons["archive"].click()
    page.as_folder.click()
    type_into(qtbot, page.destination, str(out_dir / "anything"))
    qtbot.keyClick(page.destination, Qt.Key.Key_Tab)  # leaving the field keeps it
    page.include_private.setChecked(True)

    page.set_workshop(None)  # another workshop, or none, in between
    page.set_workshop(room_a)
    assert page.chosen_format() == "archive" and page.as_folder.isChecked()
    assert Path(page.destination.text()).parent == out_dir

    restarted = ExportPage()  # a new start of the app reads the same settings
    qtbot.addWidget(restarted)
    restarted.set_workshop(room_a)
    assert restarted.chosen_format() == "archive" and restarted.as_folder.isChecked()
    assert restarted.destination.text() == str(out_dir / f"{BASE} - archive")
    assert not restarted.include_private.isChecked()  # private content is asked for each time

    other = create_demo(tmp_path / "room-b.workshop")  # its own choices: none yet
    try:
        restarted.set_workshop(other)
        assert restarted.chosen_format() == "csv"
        assert Path(restarted.destination.text()).parent == tmp_path
    finally:
        restarted.set_workshop(None)
        other.close()


def test_the_help_says_what_ticking_private_content_will_do(page: ExportPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert page.private_note.text().startswith("Left out unless ticked: Boundaries")
    page.include_private.setFocus()
    qtbot.keyClick(page.include_private, Qt.Key.Key_Space)
    assert page.private_note.text().startswith("Will be included: Boundaries")
    assert "the goals pairs marked private, in full" in page.private_note.text()
    assert "left out" not in page.private_note.text().lower()
    assert "its text is not" not in page.private_note.text()
    assert "asked to confirm" in page.private_note.text()
    qtbot.keyClick(page.include_private, Qt.Key.Key_Space)
    assert page.private_note.text().startswith("Left out unless ticked")


def test_csv_as_zip_then_as_folder_leaves_private_text_out(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, tmp_path: Path, monkeypatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(export_page, "open_folder", opened.append)
    message = click(qtbot, page, page.export_button)
    target = tmp_path / f"{BASE} - records.zip"
    assert zipfile.is_zipfile(target)
    with zipfile.ZipFile(target) as zf:
        assert "pairs.csv" in zf.namelist() and "README.txt" in zf.namelist()
    assert SECRET.encode() not in all_bytes(target)
    # The 7 tables of the launch, the 4 after it (check-ins, log, reviews, closures), README.
    assert message.startswith(f"Exported the CSV files to {target} (12 files).")
    assert "left out" in message and page.summary.text() == message
    assert page.summary.isVisible() and not page.error.isVisible()
    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]

    page.as_folder.click()
    click(qtbot, page, page.export_button)
    folder = tmp_path / f"{BASE} - records"
    assert (folder / "participants.csv").is_file()
    assert b"Margaret Osei" in all_bytes(folder)
    assert SECRET.encode() not in all_bytes(folder)
    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path, folder]


@pytest.mark.parametrize(
    "fmt,per_pair,written",
    [("xlsx", False, "records.xlsx"), ("json", False, "records.json"),
     ("ics", False, "records.ics"), ("ics", True, "records.zip")],
)  # fmt: skip
def test_each_format_is_written_without_private_text(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path, fmt: str, per_pair: bool, written: str
) -> None:
    page.format_buttons[fmt].click()
    if per_pair:
        page.per_pair.click()
    type_into(qtbot, page.destination, str(out_dir / "records"))  # the suffix is added
    message = click(qtbot, page, page.export_button)
    assert [p.name for p in out_dir.iterdir()] == [written]
    data = all_bytes(out_dir / written)
    assert SECRET.encode() not in data
    assert (b"BEGIN:VCALENDAR" if fmt == "ics" else b"Margaret Osei") in data
    assert str(out_dir / written) in message and "left out" in message


def test_private_content_goes_in_only_once_confirmed(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path, when_shown
) -> None:
    page.format_buttons["json"].click()
    type_into(qtbot, page.destination, str(out_dir / "with-private.json"))
    page.include_private.setFocus()
    qtbot.keyClick(page.include_private, Qt.Key.Key_Space)
    assert page.include_private.isChecked()
    asked: list[str] = []

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text() + box.informativeText())
        press(box, "Include private content")

    when_shown(QMessageBox, confirm)
    message = click(qtbot, page, page.export_button)
    assert "Boundaries and off-limits topics" in asked[0] and "private to the pairs" in asked[0]
    assert "The goals pairs marked private, in full" in asked[0]
    assert "its text is not" not in asked[0]  # what it will hold, not what others leave out
    assert SECRET.encode() in (out_dir / "with-private.json").read_bytes()
    assert "INCLUDES private charter content" in message


def test_declining_the_confirmation_exports_nothing(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path, when_shown
) -> None:
    type_into(qtbot, page.destination, str(out_dir / "records.zip"))
    page.include_private.setChecked(True)
    when_shown(QMessageBox, lambda box: press(box, "Cancel"))
    message = click(qtbot, page, page.export_button)
    assert message.startswith("Nothing was exported")
    assert list(out_dir.iterdir()) == []
    assert page.export_button.isEnabled() and not page.open_folder_button.isVisible()


def test_cancel_during_an_export_leaves_no_file(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path
) -> None:
    """Cancel pressed while the export's process is still starting: it stops at its first
    step, whatever the machine's speed."""
    page.format_buttons["xlsx"].click()
    type_into(qtbot, page.destination, str(out_dir / "records.xlsx"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.progress.isVisible() and not page.export_button.isEnabled()
    with qtbot.waitSignal(page.status, timeout=LONG) as blocker:
        qtbot.mouseClick(page.progress.cancel_button, Qt.MouseButton.LeftButton)
        assert page.progress.label.text() == "Cancelling…"
    assert blocker.args == ["Export cancelled: nothing was written."]
    assert list(out_dir.iterdir()) == []
    assert not page.progress.isVisible() and page.export_button.isEnabled()


@contextlib.contextmanager
def files_limited_to(size: int) -> Iterator[None]:
    """No file may grow past `size` bytes, for this process and the export's child (which
    inherits the limit): a real write error in the middle of the export, as on a full disk.
    (Python ignores SIGXFSZ, so the write fails with EFBIG instead of ending the process.)"""
    import resource

    before = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, before[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, before)


@pytest.mark.parametrize("problem", ["inside a file", "a write that fails"])
def test_a_failing_destination_says_why_and_leaves_nothing(  # type: ignore[no-untyped-def]
    page: ExportPage, qtbot, out_dir: Path, problem: str
) -> None:
    page.format_buttons["json"].click()
    if problem == "inside a file":
        (out_dir / "notes.txt").write_text("not a folder", encoding="utf-8")
        type_into(qtbot, page.destination, str(out_dir / "notes.txt" / "records.json"))
        expected = "does not exist: nothing was written"
        message = click(qtbot, page, page.export_button)
    else:
        if sys.platform == "win32":
            pytest.skip("RLIMIT_FSIZE is POSIX")
        type_into(qtbot, page.destination, str(out_dir / "records.json"))
        expected = "(File too large): nothing was written"
        with files_limited_to(4096):
            message = click(qtbot, page, page.export_button)
    assert expected in message
    assert "\n" not in message and "Traceback" not in message
    assert page.error.isVisible() and page.error.text() == message
    assert not page.summary.isVisible() and page.export_button.isEnabled()
    assert [p.name for p in out_dir.iterdir()] == (
        ["notes.txt"] if problem == "inside a file" else []
    )


@pytest.mark.slow
def test_the_archive_of_the_demo(page: ExportPage, qtbot, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    steps: list[int] = []
    page.progress.bar.valueChanged.connect(steps.append)
    page.format_buttons["archive"].click()
    type_into(qtbot, page.destination, str(out_dir / "archive"))
    message = click(qtbot, page, page.export_button)
    target = out_dir / "archive.zip"
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        assert f"({len(names)} files)" in message
        assert {"README.txt", "Workshop summary.pdf", "workshop.json"} <= set(names)
        charters = [n for n in names if n.startswith("charters/P")]
        assert len(charters) == 12
        zf.extractall(out_dir / "check")
        assert SECRET.encode() not in zf.read("workshop.json")
    pages = [p for n in charters for p in PdfReader(out_dir / "check" / n).pages]
    text = " ".join((p.extract_text() or "").replace("\n", " ") for p in pages)
    assert "Margaret Osei" in text and "Private to the pair" in text
    assert SECRET not in " ".join(text.split())
    assert steps and steps[-1] == page.progress.bar.maximum()


# -- merging ----------------------------------------------------------------------------------


def add_pair(wf: WorkshopFile, mentor: str, mentee: str) -> None:
    a = wf.roster.add_participant(role="mentor", name=mentor, email=f"{mentor[:3]}@x.example")
    b = wf.roster.add_participant(role="mentee", name=mentee, email=f"{mentee[:3]}@x.example")
    wf.roster.make_pair(a.id, b.id)


def set_purpose(wf: WorkshopFile, code: str, text: str) -> None:
    pair = wf.roster.pair_by_code(code)
    assert pair is not None
    wf.charters.set_field(pair.id, "purpose", text)


@pytest.fixture
def rooms(tmp_path: Path) -> Iterator[tuple[WorkshopFile, Path]]:
    """Room A (open in the app) and room B, both from the prepared demo: each changed P02's
    purpose and made a new pair that got the code P13 in its room."""
    prepared = tmp_path / "prepared.workshop"
    create_demo(prepared).close()
    a, b = tmp_path / "room-a.workshop", tmp_path / "room-b.workshop"
    shutil.copy(prepared, a)
    shutil.copy(prepared, b)
    with WorkshopFile.open(b) as wf:
        add_pair(wf, "Omar Said", "Zoe King")
    wf = WorkshopFile.open(a)
    add_pair(wf, "Anna Berg", "Leo Park")
    set_purpose(wf, "P02", "Room A's purpose")
    with WorkshopFile.open(b) as other:  # edited last: its version wins the conflict
        set_purpose(other, "P02", "Room B's purpose")
    yield wf, b
    wf.close()


@pytest.fixture
def merge_page(qtbot, rooms: tuple[WorkshopFile, Path]) -> ExportPage:  # type: ignore[no-untyped-def]
    page = ExportPage()
    qtbot.addWidget(page)
    page.resize(1000, 1300)
    page.set_workshop(rooms[0])
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_merging_two_rooms_lists_conflicts_and_renamed_codes(  # type: ignore[no-untyped-def]
    merge_page: ExportPage, qtbot, rooms: tuple[WorkshopFile, Path], tmp_path: Path, monkeypatch
) -> None:
    panel = merge_page.merge_panel
    room_b = rooms[1]
    assert not panel.merge_button.isEnabled()  # this workshop alone is nothing to merge
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(room_b)], ""))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)  # listed once only
    assert panel.inputs.count() == 1 and panel.merge_button.isEnabled()
    message = click(qtbot, merge_page, panel.merge_button)
    out = tmp_path / f"{BASE} - all rooms.workshop"
    assert out.is_file()
    assert "1 conflict" in message and "1 pair code renamed" in message
    banner = panel.renamed.text()
    assert panel.renamed.isVisible()
    assert "P13 → P13-2" in banner and "Omar Said &amp; Zoe King" in banner
    assert "printed carry the old code" in banner
    report = panel.report.toPlainText()
    assert "P13 -> P13-2: Omar Said & Zoe King (from room-b.workshop)" in report
    assert "1 conflict" in report and "Room B's purpose" in report
    assert "kept the version from room-b.workshop" in report
    with WorkshopFile.open(out, readonly=True) as merged:
        codes = {p.code for p in merged.roster.pairs()}
    assert {"P13", "P13-2"} <= codes and len(codes) == 14

    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == report
    with qtbot.waitSignal(merge_page.open_requested) as opened:
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [out]


def test_a_refused_merge_says_why_and_writes_nothing(  # type: ignore[no-untyped-def]
    merge_page: ExportPage, qtbot, tmp_path: Path
) -> None:
    other = tmp_path / "other-launch.workshop"
    WorkshopFile.create(other, program="Other", organisation="Northwind", date="2027-01-19").close()
    panel = merge_page.merge_panel
    panel.add_inputs([other])
    type_into(qtbot, panel.output, str(tmp_path / "merged"))
    message = click(qtbot, merge_page, panel.merge_button)
    assert "not from the same launch" in message and "nothing was merged" in message
    assert panel.error.isVisible() and panel.error.text() == message
    assert panel.output.text() == str(tmp_path / "merged.workshop")  # the suffix shown
    assert not (tmp_path / "merged.workshop").exists()
    assert not panel.report.isVisible() and not panel.open_button.isVisible()
    panel.include_current.click()  # one file alone is not a merge
    assert not panel.merge_button.isEnabled()
    panel.inputs.setFocus()
    panel.inputs.setCurrentRow(0)
    qtbot.keyClick(panel.inputs, Qt.Key.Key_Delete)
    assert panel.inputs.count() == 0


# -- keyboard and screen readers --------------------------------------------------------------


def test_everything_has_a_name_and_tab_goes_in_reading_order(page: ExportPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    focusable = [w for w in page.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    kinds = (QAbstractButton, QLineEdit, QListWidget, QPlainTextEdit)
    assert sum(isinstance(w, kinds) for w in focusable) > 15
    assert unnamed(page) == []
    page.format_buttons["csv"].setFocus()
    seen: list[QWidget] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        if widget is not None and widget not in seen:
            seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    panel = page.merge_panel
    expected = [page.format_buttons["csv"], page.as_zip, page.destination, page.choose_button,
                page.include_private, page.export_button, panel.include_current, panel.inputs,
                panel.add_button, panel.output, panel.choose_button]  # fmt: skip
    positions = [seen.index(w) for w in expected]
    assert positions == sorted(positions)
    labels = {label.text(): label.buddy() for label in page.findChildren(QLabel) if label.buddy()}
    assert labels["Sa&ve to:"] is page.destination
    assert labels["Merged fi&le:"] is panel.output


def test_the_app_exports_in_a_child_process(page: ExportPage, qtbot, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    out = out_dir / "records.json"
    with qtbot.waitSignal(page.status, timeout=LONG):
        assert page.export_to(out, "json", include_confidential=False)
    assert out.exists() and page.result is not None


def test_the_help_is_in_the_interface_language_not_the_workshops(  # type: ignore[no-untyped-def]
    qtbot, room_a: WorkshopFile
) -> None:
    room_a.set_workshop_field("language", "de")  # the charters are German, the trainer Italian
    set_interface_language("it")
    try:
        page = ExportPage()
        qtbot.addWidget(page)
        page.set_workshop(room_a)
        page.show()
        left_out = page.private_note.text()
        page.include_private.setFocus()
        qtbot.keyClick(page.include_private, Qt.Key.Key_Space)
        included = page.private_note.text()
    finally:
        set_interface_language(SOURCE_LANGUAGE)
    assert left_out.startswith(
        "Esclusi se non selezionato: Limiti e argomenti esclusi (boundaries);"
    )
    assert "i commenti scritti nei check-in (comment)" in left_out
    assert included.startswith("Verranno inclusi: Limiti e argomenti esclusi (boundaries);")
    assert "gli obiettivi che le coppie hanno segnato come riservati, per intero" in included
