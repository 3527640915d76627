"""Everything a keyboard or a screen reader can reach in the window's own parts has a name."""

from __future__ import annotations

from pathlib import Path

from a11y import unnamed

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.preview_window import PreviewWindow


def test_the_start_page_and_the_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.create_workshop(
        tmp_path / "a.workshop", program="Lift", organisation="Acme", date="2027-03-01"
    )
    window.close_workshop()
    window.show()
    assert window.start_page.recent.isVisibleTo(window)
    assert unnamed(window) == []


def test_the_overview_program_page_and_read_only_banner(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    holder = WorkshopFile.open(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        window.open_path(path, read_only=True)
        assert window.banner.isVisible()
        for name in ("overview", "program"):
            window.go_to(window._index(name))
            assert unnamed(window) == [], name
    finally:
        window.close_workshop()
        holder.close()


def test_a_new_workshop_s_steps(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.create_workshop(
        tmp_path / "new.workshop", program="Lift", organisation="Acme", date="2020-01-01"
    )
    assert window.overview.steps.isVisible()
    assert unnamed(window) == []
    window.go_to(window._index("program"))
    assert window.program.warnings.isVisible()
    assert unnamed(window) == []
    window.close_workshop()


def test_the_new_workshop_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []


def test_the_preview(qtbot) -> None:  # type: ignore[no-untyped-def]
    preview = PreviewWindow()
    qtbot.addWidget(preview)
    preview.show()
    assert unnamed(preview) == []
