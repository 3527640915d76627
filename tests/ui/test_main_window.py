"""The main window opens workshops, refuses bad files with a dialog, and remembers them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bad_files import BAD_FILES
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTabWidget,
)

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import PAGES, MainWindow, demo_path
from workshop_app.ui.screen_fit import FRAME_ALLOWANCE


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_workshop()


def answer_next_message_box(qtbot, seen: list[str]) -> None:
    """Close the next modal message box, noting its text (as a person would read it)."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def test_start_page_offers_demo_and_opens_it(window: MainWindow, qtbot) -> None:
    assert window.stack.currentWidget() is window.start_page
    window.open_demo()
    assert window.wf is not None and window.wf.path == demo_path()
    assert window.stack.currentWidget() is window.workspace
    assert window.current_page() is window.overview
    assert "Accelerate Mentoring Program" in window.windowTitle()
    assert "5 of 12" in window.overview.board.text()
    assert window.overview.model.rowCount() == 12


def test_filter_narrows_the_pairs(window: MainWindow, qtbot) -> None:
    window.open_demo()
    qtbot.keyClicks(window.overview.filter, "ravi")
    proxy = window.overview.proxy
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data() == "P12"
    assert "absent" in proxy.index(0, 5).data()


def test_sorting_by_charter_state(window: MainWindow, qtbot) -> None:
    window.open_demo()
    window.overview.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert window.overview.proxy.index(0, 3).data() == "10 sections to fill"


def test_a_foreign_file_gets_a_dialog_and_stays_untouched(
    window: MainWindow,
    qtbot,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "notes.workshop"
    bad.write_text("just some notes\n")
    seen: list[str] = []
    answer_next_message_box(qtbot, seen)
    assert window.open_path(bad) is False
    assert seen and "not a workshop file" in seen[0]
    assert bad.read_text() == "just some notes\n"
    assert window.wf is None
    window.open_demo()  # and the app is still usable
    assert window.wf is not None


def test_a_locked_file_gets_a_dialog(window: MainWindow, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    holder = WorkshopFile.open(path)
    try:
        seen: list[str] = []
        answer_next_message_box(qtbot, seen)
        assert window.open_path(path) is False
        assert "already open" in seen[0]
    finally:
        holder.close()
    assert window.open_path(path) is True


def test_recent_files_and_last_file_are_remembered(
    window: MainWindow,
    tmp_path: Path,
) -> None:
    path = tmp_path / "room.workshop"
    assert window.create_workshop(path, program="Lift", organisation="Acme", date="2027-03-01")
    assert window.settings.last_file() == path.resolve()
    window.recent_menu.aboutToShow.emit()
    assert str(path.resolve()) in [a.text() for a in window.recent_menu.actions()]
    assert window.windowTitle().startswith("Lift")


def test_closing_releases_the_file(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "room.workshop"
    window.create_workshop(path, program="Lift", organisation="Acme", date="2027-03-01")
    window.close()
    WorkshopFile.open(path).close()  # no longer locked


def test_every_page_is_reachable_by_keyboard(window: MainWindow, qtbot) -> None:
    window.open_demo()
    for number, page in enumerate(window.pages, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is page
        assert page.isVisible()


def test_a_charter_edit_is_saved_and_survives_reopening(
    window: MainWindow,
    qtbot,
    tmp_path: Path,
) -> None:
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    window.open_path(path)
    window.go_to(window._index("charters"))
    editor = window.charters.editor
    window.charters.select_pair(window.wf.roster.pair_by_code("P10").id)
    field = editor.field("purpose").input
    field.setFocus()
    with qtbot.waitSignal(window.charters.saved, timeout=3000):
        qtbot.keyClicks(field, "Learn how the warehouse really works")
    assert window.saved_label.text().startswith("All changes saved at")
    window.close_workshop()
    window.open_path(path)
    with WorkshopFile.open(path, readonly=True) as wf:
        pair = wf.roster.pair_by_code("P10")
        assert wf.charters.charter(pair.id).value("purpose") == (
            "Learn how the warehouse really works"
        )


def test_undo_from_the_edit_menu(window: MainWindow, qtbot) -> None:
    window.open_demo()
    window.go_to(window._index("charters"))
    editor = window.charters.editor
    window.charters.select_pair(window.wf.roster.pair_by_code("P12").id)
    qtbot.keyClicks(editor.field("renewal").input, "Decide at 180 days")
    editor.saver.flush()
    window.undo_action.trigger()
    pair = window.wf.roster.pair_by_code("P12")
    assert window.wf.charters.charter(pair.id).value("renewal") == ""
    window.redo_action.trigger()
    assert window.wf.charters.charter(pair.id).value("renewal") == "Decide at 180 days"


def test_organisation_content_folder(window: MainWindow, qtbot, tmp_path: Path) -> None:
    from workshop_app.resources import shipped_dir

    own = tmp_path / "ours"
    own.mkdir()
    source = (shipped_dir("exercises") / "scenario-chronic-lateness.md").read_text()
    (own / "scenario-hybrid-drift.md").write_text(
        source.replace("id: scenario-chronic-lateness", "id: scenario-hybrid-drift").replace(
            "title: ", "title: Hybrid drift and ", 1
        )
    )
    assert window.use_content_dir(own)
    assert any(t.startswith("Hybrid drift and") for t in window.charters._scenarios)
    assert window.settings.content_dirs() == [own.resolve()]


def test_restore_a_backup_from_the_app(window: MainWindow, tmp_path: Path) -> None:
    from workshop_app.core.store import backups

    path = tmp_path / "room.workshop"
    create_demo(path).close()
    window.open_path(path)  # the backup taken here holds the demo as created
    pair = window.wf.roster.pair_by_code("P01")
    window.wf.charters.set_field(pair.id, "boundaries", "A mistake typed over everything")
    (first, *_) = backups.list_backups(path)
    dialog_backups = backups.list_backups(path)
    assert dialog_backups
    assert window.restore_backup(dialog_backups[-1].path)
    assert window.wf is not None and window.wf.path == path
    restored = window.wf.charters.charter(window.wf.roster.pair_by_code("P01").id)
    assert restored.value("boundaries") != "A mistake typed over everything"
    # the state before the restore is itself kept, so the restore can be undone
    assert len(backups.list_backups(path)) >= 2
    assert first.path.exists()


def test_a_big_workshop_opens_in_the_background(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_app.ui import main_window

    path = tmp_path / "big.workshop"
    create_demo(path).close()
    monkeypatch.setattr(main_window, "BIG_FILE_BYTES", 0)
    with qtbot.waitSignal(window.workshop_opened, timeout=30000):
        assert window.open_path(path)
        assert window.wf is None  # still opening: the window is free meanwhile
    assert window.wf is not None and window.overview.model.rowCount() == 12
    window.go_to(window._index("charters"))
    pair = window.wf.roster.pair_by_code("P10")
    window.charters.select_pair(pair.id)
    window.charters.editor.field("purpose").set_value("")
    window.wf.charters.set_field(pair.id, "purpose", "Written after a background open")
    assert window.wf.charters.charter(pair.id).value("purpose").startswith("Written")


def test_closing_the_window_while_a_big_workshop_opens_waits_and_lets_go_of_it(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the window a moment after opening a big file: the window waits for the
    opening, closes the file again, and leaves it free for the next program to open."""
    from workshop_app.core.store.file_lock import lock_holder
    from workshop_app.ui import main_window

    path = tmp_path / "big.workshop"
    create_demo(path).close()
    monkeypatch.setattr(main_window, "BIG_FILE_BYTES", 0)
    window.show()
    assert window.open_path(path)
    assert window._opening is not None and window._opening.running
    window.close()  # the title bar's close button, or File > Quit
    assert window._opening is None and not window.isVisible()
    assert window.wf is None
    assert lock_holder(path) is None  # nobody holds the file any more
    WorkshopFile.open(path).close()  # and a writer can open it


def test_a_big_bad_file_in_the_background_gets_a_dialog(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_app.ui import main_window

    bad = tmp_path / "big.workshop"
    bad.write_bytes(b"not a workshop" * 100)
    monkeypatch.setattr(main_window, "BIG_FILE_BYTES", 0)
    seen: list[str] = []
    answer_next_message_box(qtbot, seen)
    window.open_path(bad)
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    assert "not a workshop file" in seen[0]
    assert window.wf is None and window._opening is None


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_every_bad_file_gets_a_dialog_and_the_app_stays_usable(
    window: MainWindow, qtbot, tmp_path: Path, kind: str
) -> None:
    import hashlib

    make, message = BAD_FILES[kind]
    bad = make(tmp_path / "bad.workshop")
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    listing = sorted(p.name for p in tmp_path.iterdir())
    seen: list[str] = []
    answer_next_message_box(qtbot, seen)
    assert window.open_path(bad) is False
    assert seen and message in seen[0]
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    assert window.wf is None
    window.open_demo()
    assert window.wf is not None and window.overview.model.rowCount() == 12


def test_a_read_only_workshop_gets_a_dialog(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from workshop_app.core.store import workshop_file

    path = tmp_path / "room.workshop"
    create_demo(path).close()

    def refuse(conn: sqlite3.Connection) -> None:
        # SQLite's own refusal (SQLITE_READONLY), as it gives for a file it cannot write.
        conn.execute("PRAGMA query_only = ON")
        conn.execute("CREATE TABLE refused (x)")

    monkeypatch.setattr(workshop_file, "_configure", refuse)  # root ignores file modes
    seen: list[str] = []
    answer_next_message_box(qtbot, seen)
    assert window.open_path(path) is False
    assert "cannot be written" in seen[0] or "read-only" in seen[0]
    monkeypatch.undo()
    assert window.open_path(path) is True


def shown_text(text: str) -> str:
    """A menu or button text as a person sees it: "&&" is "&", a lone "&" marks a key."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_menus_show_every_ampersand(window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "Tom & Ann").mkdir()
    path = tmp_path / "Tom & Ann" / "room.workshop"
    window.create_workshop(path, program="Lift", organisation="Acme", date="2027-03-01")
    go = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Go")
    assert [shown_text(a.text()) for a in go.actions()] == [title for title, _ in PAGES]
    window.recent_menu.aboutToShow.emit()
    assert str(path.resolve()) in [shown_text(a.text()) for a in window.recent_menu.actions()]
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            # A lone "&" before a space or at the end would vanish from the menu.
            assert not re.search(r"(?<!&)&(?=\s|$)", action.text().replace("&&", "")), action.text()


def test_no_button_or_label_swallows_an_ampersand(window: MainWindow, qtbot) -> None:
    window.open_demo()
    for page in window.pages:
        window.go_to(window.pages.index(page))
    texts = [b.text() for b in window.findChildren(QAbstractButton)]
    texts += [g.title() for g in window.findChildren(QGroupBox)]
    texts += [
        tabs.tabText(i) for tabs in window.findChildren(QTabWidget) for i in range(tabs.count())
    ]
    texts += [lbl.text() for lbl in window.findChildren(QLabel) if lbl.buddy() is not None]
    swallowed = [t for t in texts if re.search(r"(?<!&)&(?=\s|$)", t.replace("&&", ""))]
    assert swallowed == []


def test_the_first_window_fits_the_screen(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    screen = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: screen.contains(window.frameGeometry()))
    assert window.statusBar().isVisible()


def test_a_geometry_from_a_bigger_monitor_is_brought_back(qtbot) -> None:
    big = MainWindow()
    qtbot.addWidget(big)
    big.show()
    screen = big.screen().availableGeometry()
    big.setGeometry(screen.right() + 400, 300, screen.width() + 1000, screen.height() + 700)
    big.close()  # saves its geometry, as at the end of a day on the big monitor
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: screen.contains(window.frameGeometry()))


def test_the_start_page_lists_recent_workshops(window: MainWindow, qtbot, tmp_path: Path) -> None:
    first, second, gone = (tmp_path / f"{n}.workshop" for n in ("spring", "autumn", "gone"))
    for path in (gone, first, second):
        window.create_workshop(path, program="Lift", organisation="Acme", date="2027-03-01")
    window.close()
    gone.unlink()
    window = MainWindow()  # the next day
    qtbot.addWidget(window)
    window.show()
    start = window.start_page
    recent = start.recent
    assert window.stack.currentWidget() is start and recent.isVisible()
    lines = [recent.item(i).text() for i in range(recent.count())]
    assert lines[0].startswith("autumn\n" + str(tmp_path.resolve()) + " · last opened ")
    assert lines[1].startswith("spring\n")
    assert lines[2].startswith("gone  (not found)")  # missing ones last, and said so
    # Keyboard: Alt+R to the list, Down, Enter opens the second.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert recent.hasFocus()
    qtbot.keyClick(recent, Qt.Key.Key_End)
    qtbot.keyClick(recent, Qt.Key.Key_Delete)  # the missing one, off the list
    assert recent.count() == 2
    assert gone.resolve() not in window.settings.recent_files()
    qtbot.keyClick(recent, Qt.Key.Key_Home)
    qtbot.keyClick(recent, Qt.Key.Key_Down)
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.wf is not None and window.wf.path == first


def test_a_missing_recent_workshop_can_be_taken_off_the_list(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    gone = tmp_path / "gone.workshop"
    window.create_workshop(gone, program="Lift", organisation="Acme", date="2027-03-01")
    window.close()
    gone.unlink()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    recent = window.start_page.recent
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        forget = next(b for b in box.buttons() if b.accessibleName() == "Remove from the list")
        qtbot.mouseClick(forget, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    rect = recent.visualItemRect(recent.item(0))
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen and "gone.workshop is no longer in" in seen[0]
    assert window.wf is None
    assert gone.resolve() not in window.settings.recent_files()
    assert not recent.isVisible()  # nothing left to list


# 1366 pixels at 1.5x scaling leave this much width, in Qt's pixels, for a window and frame.
ROOM_AT_150_PERCENT = int(1366 / 1.5) - FRAME_ALLOWANCE.width()


@pytest.mark.parametrize("name", ["overview", "program", "charters", "export"])
def test_a_page_asks_only_for_its_own_width(window: MainWindow, qtbot, name: str) -> None:
    """A wide page made earlier (the runner) does not keep the others off a small screen."""
    window.open_demo()
    window.go_to(window._index("runner"))
    window.go_to(window._index(name))
    assert window.minimumSizeHint().width() <= ROOM_AT_150_PERCENT


def test_the_charters_page_is_made_while_the_window_is_idle(window: MainWindow, qtbot) -> None:
    """After opening, the Charters page is built a section per turn of the event loop, so
    that going there does not hold up the window; it is complete when the person arrives."""
    window.open_demo()
    charters = window._index("charters")
    qtbot.waitUntil(lambda: charters in window._pages, timeout=15000)
    page = window._pages[charters]
    assert not page.editor._to_build  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is page
    assert page.editor.heading.text().startswith("P01")  # type: ignore[attr-defined]


def test_a_change_on_one_page_shows_on_another(window: MainWindow, qtbot) -> None:
    """Pages re-read the workshop on a visit only after a write: a write must still show."""
    window.open_demo()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert "5 of 12" in window.overview.board.text()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    editor = window.charters.editor
    window.charters.select_pair(window.wf.roster.pair_by_code("P06").id)  # type: ignore[union-attr]
    field = editor.field("boundaries").input
    field.setFocus()
    qtbot.keyClicks(field, "Salaries and the reorganisation stay out of it")
    editor.saver.flush()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    rows = window.overview.model
    p06 = next(r for r in range(rows.rowCount()) if rows.index(r, 0).data() == "P06")
    assert rows.index(p06, 3).data() == "7 sections to fill"


def test_another_workshop_opens_on_its_overview_with_nothing_left_over(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """The walk: with the demo running on the Run workshop page, a new workshop opened on Run
    workshop with the demo's "Projected finish … running 239 min late", and once an agenda
    was chosen the runner looked at the end of it."""
    create_demo(tmp_path / "demo.workshop").close()
    assert window.open_path(tmp_path / "demo.workshop")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    runner_page = window.runner
    qtbot.keyClick(runner_page, Qt.Key.Key_Space)
    assert runner_page.view.finish.text()
    WorkshopFile.create(
        tmp_path / "new.workshop", program="P", organisation="O", date="2027-03-09"
    ).close()
    assert window.open_path(tmp_path / "new.workshop")
    assert window.current_page() is window.overview
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    view = runner_page.view
    assert view.finish.text() == "" and view.state_label.text() == ""
    assert view.empty.isVisible()
    from workshop_app.core.content.library import load_library
    from workshop_app.core.runner.agenda_store import planned_from

    library = load_library()
    assert window.wf is not None
    window.wf.agenda.choose(
        "express-launch", planned_from(library.agenda("express-launch"), library)
    )
    runner_page.refresh()  # what coming back to the page after the Agenda page does
    assert runner_page.runner is not None and not runner_page.runner.browsing
    assert view.segment_title.text() == runner_page.runner.segments[0].title


def test_open_starts_in_the_last_workshops_folder(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second walk: with no workshop open, the file dialogs started in the home folder,
    not where the trainer keeps workshops."""
    from workshop_app.ui import main_window

    folder = tmp_path / "workshops"
    folder.mkdir()
    create_demo(folder / "spring.workshop").close()
    window.settings.add_recent(folder / "spring.workshop")
    started: list[str] = []

    def remember(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        started.append(start)
        return "", ""

    monkeypatch.setattr(main_window.QFileDialog, "getOpenFileName", remember)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert started == [str(folder)]
