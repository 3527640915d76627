"""An answer the file refused (a full disk) is never dropped without the person knowing:
closing the window or the workshop, or switching pair, asks what to do with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow

LONG_ANSWER = "We meet every other Tuesday and write down what we agreed. " * 400
FULL = "The disk holding room.workshop is full: the last change was not saved."


@pytest.fixture
def room(tmp_path: Path) -> Path:
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    return path


@pytest.fixture
def window(qtbot, room: Path):
    # Not qtbot.addWidget: pytest-qt closes those before this fixture's teardown, and with
    # an answer still refused (a test that failed half-way) closing would ask, and wait.
    w = MainWindow()
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert w.open_path(room)
    w.go_to(w._index("charters"))
    w.charters.select_pair(pair(w, "P11"))
    yield w
    if w.wf is not None:
        free_the_disk(w.wf)
    w.close()
    assert w.wf is None
    w.deleteLater()


def pair(window: MainWindow, code: str) -> str:
    assert window.wf is not None
    found = window.wf.roster.pair_by_code(code)
    assert found is not None
    return found.id


def fill_the_disk(wf: WorkshopFile) -> None:
    """From now on the file cannot grow by a single page, as on a full disk."""
    (pages,) = wf.conn.execute("PRAGMA page_count").fetchone()
    wf.conn.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(wf: WorkshopFile) -> None:
    wf.conn.execute("PRAGMA max_page_count = 1073741823")


def paste_a_long_answer_on_a_full_disk(qtbot, window: MainWindow) -> None:
    """Paste a long answer into "boundaries" (Ctrl+V, as from a document) and leave it."""
    assert window.wf is not None
    editor = window.charters.editor
    field = editor.field("boundaries")
    fill_the_disk(window.wf)
    QApplication.clipboard().setText(LONG_ANSWER)
    field.input.setFocus()
    qtbot.keyClick(field.input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field.input, Qt.Key.Key_Tab)
    assert field.message.isVisibleTo(window) and field.message.text() == FULL
    assert field.value() == LONG_ANSWER  # what was typed is still there


def answer(qtbot, button_name: str, seen: list[str], then: Callable[[], None] = lambda: None):
    """When the question comes up, read it and press the button named `button_name`."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        then()
        button = next(
            b for b in box.findChildren(QPushButton) if b.accessibleName().startswith(button_name)
        )
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def stored(room: Path, code: str = "P11") -> str:
    with WorkshopFile.open(room, readonly=True) as wf:
        found = wf.roster.pair_by_code(code)
        assert found is not None
        return wf.charters.charter(found.id).value("boundaries")


def test_closing_the_window_asks_and_cancel_keeps_everything(
    qtbot, window: MainWindow, room: Path
) -> None:
    paste_a_long_answer_on_a_full_disk(qtbot, window)
    seen: list[str] = []
    answer(qtbot, "Cancel", seen)
    window.close()
    assert seen and "1 answer in P11's charter could not be saved." in seen[0]
    assert f"Boundaries and off-limits topics: {FULL}" in seen[0]
    assert window.isVisible() and window.wf is not None
    assert window.charters.editor.field("boundaries").value() == LONG_ANSWER


def test_retry_once_there_is_room_saves_and_closes(qtbot, window: MainWindow, room: Path) -> None:
    paste_a_long_answer_on_a_full_disk(qtbot, window)
    wf = window.wf
    assert wf is not None
    seen: list[str] = []
    answer(qtbot, "Retry", seen, then=lambda: free_the_disk(wf))  # room made meanwhile
    window.close()
    assert len(seen) == 1
    assert not window.isVisible() and window.wf is None
    assert stored(room) == LONG_ANSWER


def test_copy_to_the_clipboard_and_close(qtbot, window: MainWindow, room: Path) -> None:
    before = stored(room)
    paste_a_long_answer_on_a_full_disk(qtbot, window)
    QApplication.clipboard().setText("something else")
    seen: list[str] = []
    answer(qtbot, "Copy the text to the clipboard", seen)
    window.close_action.trigger()  # File > Close workshop
    assert seen and window.wf is None
    assert QApplication.clipboard().text() == (
        f"P11 · Boundaries and off-limits topics: {LONG_ANSWER}"
    )
    assert stored(room) == before


def test_switching_pair_asks_too(qtbot, window: MainWindow) -> None:
    paste_a_long_answer_on_a_full_disk(qtbot, window)
    page = window.charters
    p11, p12 = pair(window, "P11"), pair(window, "P12")
    row = page.proxy.mapFromSource(page.list_model.index(page.list_model.row_of(p12)))
    seen: list[str] = []
    answer(qtbot, "Cancel", seen)
    page.pair_list.setCurrentIndex(row)  # as a click or an arrow key in the list does
    assert seen
    assert page.editor.pair_id == p11
    assert page.pair_list.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == p11
    assert page.editor.field("boundaries").value() == LONG_ANSWER
    answer(qtbot, "Copy the text to the clipboard", seen)
    page.pair_list.setCurrentIndex(row)
    assert len(seen) == 2
    assert page.editor.pair_id == p12
    assert "Boundaries and off-limits topics" in QApplication.clipboard().text()


def test_switching_page_keeps_the_refused_answer_and_saves_it_later(
    qtbot, window: MainWindow, room: Path
) -> None:
    paste_a_long_answer_on_a_full_disk(qtbot, window)
    assert window.wf is not None
    window.go_to(window._index("overview"))  # nothing is lost by looking elsewhere
    window.go_to(window._index("charters"))
    assert window.charters.editor.field("boundaries").value() == LONG_ANSWER
    free_the_disk(window.wf)
    window.close()  # the retry at closing saves it, with nothing to ask
    assert window.wf is None
    assert stored(room) == LONG_ANSWER
