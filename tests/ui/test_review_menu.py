"""Follow-up → "Enter a review…" in the app's window, by keyboard: the review is saved, and
the Charters page, open on that pair, shows the charter's version 2 with the new goal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from workshop_app.core.demo import create_demo
from workshop_app.ui.dialogs.review_entry import ReviewEntryDialog
from workshop_app.ui.dialogs.review_packets import ReviewPacketsDialog
from workshop_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_workshop()


def open_menu(qtbot, window: MainWindow, item: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), item)


def test_a_review_from_the_menu_shows_version_2_on_the_charters_page(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.workshop"
    create_demo(path).close()
    assert window.open_path(path)
    assert window.wf is not None
    p01 = window.wf.roster.pair_by_code("P01")
    assert p01 is not None
    window.go_to(window._index("charters"))
    window.charters.select_pair(p01.id)
    goal = next(
        e
        for e in window.charters.editor.findChildren(QLineEdit)
        if e.text().startswith("Lead my shift")
    )

    def enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReviewEntryDialog)
        edit = next(e for e in dialog.goal_words if e.accessibleName() == "Goal 1 in the charter")
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(edit, "Lead the planning twice a month")
        save = next(
            b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Save review"
        )
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, enter)
    open_menu(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: goal.text() == "Lead the planning twice a month")
    row = window.charters.list_model.rows()[window.charters.list_model.row_of(p01.id)]
    assert row.signature_state == "version 2, to sign"
    charter = window.wf.charters.charter(p01.id)
    assert (charter.version, charter.signed_version) == (2, 1)


def test_the_packets_dialog_opens_from_the_menu(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.workshop"
    create_demo(path).close()
    assert window.open_path(path)
    seen: list[str] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReviewPacketsDialog)
        seen.append(dialog.checkpoint.currentText())
        dialog.reject()

    QTimer.singleShot(0, close)
    open_menu(qtbot, window, Qt.Key.Key_R)
    assert seen == ["Day 30 (12 pairs)"]


def test_entering_a_review_is_off_while_read_only_or_closed(window: MainWindow) -> None:
    assert not window.follow_up_actions["enter_review"].isEnabled()


def test_a_closed_pair_gets_no_review_from_the_menu_but_the_reason(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from workshop_app.core.demo_follow_up import create_after_launch

    path = tmp_path / "after.workshop"
    create_after_launch(path, today=date(2027, 4, 29)).close()  # P06 closed
    assert window.open_path(path)
    assert window.wf is not None
    before = window.wf.conn.execute("SELECT count(*) FROM reviews").fetchone()
    window.go_to(window._index("follow_up"))
    page = window.current_page()
    qtbot.waitUntil(lambda: page.follow_up is not None)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(5):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_pair().code == "P06" and page.selected_pair().closed
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_and_close)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    open_menu(qtbot, window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0].startswith("Pair P06 was closed on ")
    assert seen[0].endswith("; its charter is kept as it was.")
    assert window.wf.conn.execute("SELECT count(*) FROM reviews").fetchone() == before
