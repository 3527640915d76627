"""A workshop open in another window: offered read-only, shown in full, changed nowhere."""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)

from workshop_app.core.demo import create_demo
from workshop_app.core.errors import UserError
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.read_only import SAFE_PROPERTY


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_workshop()


@pytest.fixture
def held(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A workshop open for writing elsewhere (here: in this process, as a second app would)."""
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    holder = WorkshopFile.open(path)
    yield path, holder
    holder.close()


def answer(qtbot, button_name: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click the button named `button_name` in the next message box, noting its text."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        chosen = [b for b in box.buttons() if b.accessibleName() == button_name]
        if chosen:
            qtbot.mouseClick(chosen[0], Qt.MouseButton.LeftButton)
        else:  # not offered: close the box, and the test fails on what it finds
            box.close()

    QTimer.singleShot(0, click)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_read_only(window: MainWindow, qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    answer(qtbot, "Open read-only", seen)
    assert window.open_path(path) is True
    assert seen and "already open for writing" in seen[0]
    assert f"process {os.getpid()} on {socket.gethostname()}" in seen[0]
    window.activateWindow()  # back from the message box (a window manager does this)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_locked_workshop_is_offered_read_only(window: MainWindow, qtbot, held) -> None:
    path, _holder = held
    open_read_only(window, qtbot, path)
    assert window.wf is not None and window.wf.readonly
    assert window.windowTitle().endswith("(read-only)")
    banner = window.banner.text.text()
    assert window.banner.isVisible()
    assert "Read-only" in banner and f"process {os.getpid()}" in banner
    assert window.overview.model.rowCount() == 12  # everything is there to see
    assert not window.sign_action.isEnabled() and not window.undo_action.isEnabled()
    assert not window.restore_action.isEnabled()


def test_cancel_leaves_it_closed(window: MainWindow, qtbot, held) -> None:
    path, _holder = held
    seen: list[str] = []
    answer(qtbot, "Cancel", seen)
    assert window.open_path(path) is False
    assert window.wf is None and seen


def editable(widget) -> bool:  # type: ignore[no-untyped-def]
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
        return widget.isEnabled() and not widget.isReadOnly()
    return widget.isEnabled()


def is_safe(widget, page) -> bool:  # type: ignore[no-untyped-def]
    while widget is not None and widget is not page:
        if widget.property(SAFE_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


def test_no_page_can_edit_it(window: MainWindow, qtbot, held) -> None:
    path, _holder = held
    before = digest(path)
    open_read_only(window, qtbot, path)
    for number, page in enumerate(window.pages, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is page
        inputs = [
            w
            for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QAbstractButton)
            for w in page.findChildren(kind)
            if w.isVisibleTo(page)
            and not is_safe(w, page)
            and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))
            and not isinstance(w.parentWidget().parentWidget(), QLineEdit)  # a clear button
            and w.objectName() != "ScrollLeftButton"
            and w.objectName() != "ScrollRightButton"
        ]
        still = [
            f"{type(w).__name__} {w.accessibleName() or w.objectName()}"
            for w in inputs
            if editable(w)
        ]
        assert still == [], page.title
    assert digest(path) == before


def test_typing_and_runner_keys_change_nothing(window: MainWindow, qtbot, held) -> None:
    path, holder = held
    open_read_only(window, qtbot, path)
    window.go_to(window._index("program"))
    venue = window.program.fields["venue"].widget
    venue.setFocus()
    qtbot.keyClicks(venue, "Somewhere else")
    assert venue.text() == "Harbour House, training room 2"
    window.go_to(window._index("runner"))
    runner = window.runner
    runner.setFocus()
    qtbot.keyClick(runner, Qt.Key.Key_Space)
    qtbot.keyClick(runner, Qt.Key.Key_Right)
    assert not runner.runner.running
    assert holder.conn.execute("SELECT count(*) FROM runner_state").fetchone()[0] == 0
    assert holder.workshop().venue == "Harbour House, training room 2"


def test_preview_print_and_export_still_work(window: MainWindow, qtbot, held) -> None:
    path, _holder = held
    open_read_only(window, qtbot, path)
    window.go_to(window._index("charters"))
    charters = window.charters
    for name in ("preview_button", "print_button", "board_button", "list_button"):
        assert getattr(charters, name).isEnabled(), name
    assert not charters.sign_button.isEnabled()
    qtbot.mouseClick(charters.board_button, Qt.MouseButton.LeftButton)
    assert charters.views.currentWidget() is charters.board
    window.go_to(window._index("export"))
    export = window.current_page()
    buttons = [b for b in export.findChildren(QPushButton) if b.isVisibleTo(export)]
    assert buttons and all(b.isEnabled() for b in buttons if b.text().startswith("Export"))


def test_a_write_that_slips_through_is_refused_with_a_message(
    window: MainWindow, qtbot, held
) -> None:
    path, _holder = held
    open_read_only(window, qtbot, path)
    pair = window.wf.roster.pair_by_code("P01")
    with pytest.raises(UserError, match="open read-only, so this change was not saved"):
        window.wf.charters.set_field(pair.id, "purpose", "Changed")
    with pytest.raises(UserError, match="read-only"):
        window.wf.set_workshop_field("venue", "Elsewhere")


def test_open_for_editing_once_the_other_window_lets_go(window: MainWindow, qtbot, held) -> None:
    path, holder = held
    open_read_only(window, qtbot, path)
    qtbot.mouseClick(window.banner.retry, Qt.MouseButton.LeftButton)
    assert window.wf.readonly  # still held: it stays read-only and says so
    assert "still open" in window.statusBar().currentMessage()
    holder.close()
    qtbot.mouseClick(window.banner.retry, Qt.MouseButton.LeftButton)
    assert not window.wf.readonly
    assert not window.banner.isVisible() and "(read-only)" not in window.windowTitle()
    window.go_to(window._index("program"))
    venue = window.program.fields["venue"].widget
    assert not venue.isReadOnly()
    assert window.sign_action.isEnabled()
    with qtbot.waitSignal(window.program.saved, timeout=3000):
        qtbot.keyClicks(venue, ", upstairs")
    with WorkshopFile.open(path, readonly=True) as wf:
        assert wf.workshop().venue.endswith(", upstairs")


def test_a_big_locked_workshop_is_offered_read_only_too(
    window: MainWindow, qtbot, held, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_app.ui import main_window

    path, _holder = held
    monkeypatch.setattr(main_window, "BIG_FILE_BYTES", 0)  # opened on a worker thread
    seen: list[str] = []
    answer(qtbot, "Open read-only", seen)
    with qtbot.waitSignal(window.workshop_opened, timeout=30000):
        assert window.open_path(path)
    assert seen and "already open for writing" in seen[0]
    assert window.wf is not None and window.wf.readonly and window.banner.isVisible()
    assert window.overview.model.rowCount() == 12


def test_a_refused_write_that_no_page_catches_is_a_message_not_a_bug(
    qtbot, held, app_data: Path
) -> None:
    """What Python calls when a slot raises: a UserError is shown as it is, not as a bug."""
    from workshop_app.ui.launch import _log_bug

    path, _holder = held
    with WorkshopFile.open(path, readonly=True) as wf, pytest.raises(UserError) as caught:
        wf.set_workshop_field("venue", "Elsewhere")
    refused = caught.value
    seen: list[str] = []

    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, close)
            return
        seen.append(box.text())
        box.close()

    QTimer.singleShot(0, close)
    _log_bug(UserError, refused, refused.__traceback__)
    assert seen == [refused.message]
    assert "read-only, so this change was not saved" in seen[0]
    log = app_data / "workshop-app.log"
    assert not log.exists() or "Unexpected error" not in log.read_text()
