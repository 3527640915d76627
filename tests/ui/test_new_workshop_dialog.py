"""The New workshop dialog takes a whole date however it is typed, and fits its text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QStyle

from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.widgets.date_edit import DateEdit

# How a person starts typing over the date that is there: select all, Tab into the field
# (which selects the year), Home, or a click at the left of the text.
Start = Callable[[DateEdit], None]


def select_all(edit: DateEdit) -> None:
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def tab_in(edit: DateEdit) -> None:
    edit.clearFocus()
    edit.setFocus(Qt.FocusReason.TabFocusReason)


def home(edit: DateEdit) -> None:
    QTest.keyClick(edit, Qt.Key.Key_Home)


def click_left(edit: DateEdit) -> None:
    line = edit.lineEdit()
    QTest.mouseClick(
        line,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(3, line.height() // 2),
    )


STARTS = {"select all": select_all, "tab in": tab_in, "home": home, "click": click_left}
# (what is typed, then a key that ends the typing or None)
TYPINGS = [
    ("{:%Y-%m-%d}", None),
    ("{:%Y%m%d}", None),
    ("{:%Y/%m/%d}", None),
    ("{d.year}-{d.month}-{d.day}", Qt.Key.Key_Tab),
]
DATES = [QDate(2027, 3, 9), QDate(2027, 12, 31), QDate(2028, 2, 29), QDate(2030, 10, 3)]
WAS = [QDate(2026, 12, 1), QDate(2026, 1, 31), QDate(2024, 2, 29)]


@pytest.fixture
def dialog(qtbot):  # type: ignore[no-untyped-def]
    d = NewWorkshopDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def typed(template: str, date: QDate) -> str:
    d = date.toPython()
    return template.format(d, d=d)


@pytest.mark.parametrize("start", sorted(STARTS))
@pytest.mark.parametrize(
    ("template", "end"), TYPINGS, ids=["iso", "digits only", "slashes", "short then Tab"]
)
def test_a_whole_date_typed_over_any_date_is_that_date(  # type: ignore[no-untyped-def]
    dialog: NewWorkshopDialog, qtbot, start: str, template: str, end: Qt.Key | None
) -> None:
    edit = dialog.date
    for was in WAS:
        for date in DATES:
            edit.setDate(was)
            edit.setFocus()
            STARTS[start](edit)
            # 60 ms a key, as the bug was found: the delay must not matter.
            qtbot.keyClicks(edit, typed(template, date), delay=1 if date.day() % 2 else 60)
            if end is not None:
                qtbot.keyClick(edit, end)
            assert edit.date() == date, f"typed {typed(template, date)} over {was.toString()}"


def test_the_issue_s_typing_makes_the_workshop_of_that_date(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+N, the program, Tab, the organisation, Tab, Ctrl+A, 2027-03-09, Enter."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = tmp_path / "lift.workshop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen: list[NewWorkshopDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewWorkshopDialog):
            QTimer.singleShot(10, fill)
            return
        seen.append(dialog)
        try:
            QTest.keyClicks(dialog.program, "Lift")
            QTest.keyClick(dialog.program, Qt.Key.Key_Tab)
            QTest.keyClicks(dialog.organisation, "Acme")
            QTest.keyClick(dialog.organisation, Qt.Key.Key_Tab)
            QTest.keyClick(dialog.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClicks(dialog.date, "2027-03-09", delay=60)
            QTest.keyClick(dialog.date, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():  # Return did not accept it: fail the test, do not hang
                dialog.reject()

    QTimer.singleShot(0, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen
    assert window.wf is not None
    assert window.wf.workshop().date == "2027-03-09"
    window.close_workshop()
    with WorkshopFile.open(target, readonly=True) as wf:
        workshop = wf.workshop()
        assert (workshop.program, workshop.organisation, workshop.date) == (
            "Lift",
            "Acme",
            "2027-03-09",
        )


def test_the_dialog_shows_all_its_text(dialog: NewWorkshopDialog) -> None:
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), label.text()
    for edit in (dialog.program, dialog.organisation):  # the example fits in its field
        frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        room = edit.width() - 2 * frame
        assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 8 <= room
    assert dialog.width() >= dialog.sizeHint().width()
    assert dialog.height() >= dialog.sizeHint().height()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # until the program and organisation are filled
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
