"""The sign dialog: every field shown whole, a signing time that fits the workshop, a warning
for a date before it, and a name on everything that takes focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from workshop_app.core.demo import create_demo
from workshop_app.ui.dialogs.sign import SignDialog, default_signing_time
from workshop_app.ui.pages.charters import ChartersPage

COORDINATOR = "Anita Kaur (People & Culture, Leeds site)"


def dialog(qtbot, workshop_date: str) -> SignDialog:
    d = SignDialog(
        code="P11",
        version=1,
        mentor="Yuki Tanaka-Fitzgerald",
        mentee="Ben Carter",
        coordinator=COORDINATOR,
        workshop_date=workshop_date,
    )
    qtbot.addWidget(d)
    d.show()
    return d


def test_every_field_is_shown_whole(qtbot) -> None:
    d = dialog(qtbot, "2027-01-19")
    for edit in d.findChildren(QLineEdit):
        if edit.isVisible() and edit is not d.when.findChild(QLineEdit):
            needed = edit.fontMetrics().horizontalAdvance(edit.text())
            assert needed < edit.width() - 8, f"{edit.accessibleName()} is cut off"
    # It fits a 1366x768 screen at 1.5x scaling (910x512 device-independent pixels).
    assert d.sizeHint().width() <= 900 and d.sizeHint().height() <= 500


def test_the_default_is_now_at_or_after_the_workshop() -> None:
    now = QDateTime(QDate(2027, 1, 19), QTime(16, 5))
    assert default_signing_time(QDate(2027, 1, 19), now) == now
    assert default_signing_time(QDate(2027, 1, 10), now) == now


def test_before_the_workshop_the_default_is_its_date_at_this_time() -> None:
    now = QDateTime(QDate(2026, 12, 1), QTime(9, 41))
    assert default_signing_time(QDate(2027, 1, 19), now) == QDateTime(
        QDate(2027, 1, 19), QTime(9, 41)
    )


def test_the_dialog_starts_at_the_default(qtbot) -> None:
    later = QDate.currentDate().addDays(30)
    d = dialog(qtbot, later.toString("yyyy-MM-dd"))
    assert d.when.date() == later
    assert not d.warning.text().strip()
    earlier = QDate.currentDate().addDays(-30)
    d = dialog(qtbot, earlier.toString("yyyy-MM-dd"))
    assert d.when.date() == QDate.currentDate()


def test_a_date_before_the_workshop_is_flagged_but_allowed(qtbot) -> None:
    today = QDate.currentDate()
    d = dialog(qtbot, today.toString("yyyy-MM-dd"))
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    d.when.setFocus()
    d.when.setSelectedSection(d.when.Section.YearSection)  # (a day 1 cannot step down)
    qtbot.keyClick(d.when, Qt.Key.Key_Down)
    assert d.when.date() == today.addYears(-1)
    assert "before the workshop" in d.warning.text()
    ok = next(b for b in d.findChildren(QPushButton) if b.accessibleName() == "Mark as signed")
    assert ok.isEnabled()


def test_every_focusable_widget_has_a_name(qtbot) -> None:
    d = dialog(qtbot, "2027-01-19")
    assert unnamed(d) == []


def test_signing_from_the_page_records_the_chosen_time(qtbot, tmp_path: Path) -> None:
    wf = create_demo(tmp_path / "demo.workshop")
    try:
        page = ChartersPage([])
        qtbot.addWidget(page)
        page.show()
        page.set_workshop(wf)
        pair = wf.roster.pair_by_code("P02")
        assert pair is not None
        seen: list[str] = []

        def sign() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, SignDialog):
                QTimer.singleShot(20, sign)
                return
            seen.append(box.when.dateTime().toString("yyyy-MM-dd"))
            ok = next(
                b for b in box.findChildren(QPushButton) if b.accessibleName() == "Mark as signed"
            )
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, sign)
        page.sign(pair.id)
        workshop = QDate.fromString(wf.workshop().date, "yyyy-MM-dd")
        expected = max(workshop, QDate.currentDate()).toString("yyyy-MM-dd")
        assert seen == [expected]
        signed = wf.charters.charter(pair.id)
        assert signed.signed_version == 1
        when = QDateTime.fromString(signed.signoffs[0].signed_at, Qt.DateFormat.ISODate)
        assert when.toLocalTime().date().toString("yyyy-MM-dd") == expected
    finally:
        wf.close()


@pytest.mark.parametrize("start", ["select all", "home"])
def test_a_signing_time_typed_in_full_is_that_time(qtbot, start: str) -> None:
    """Typed at a normal pace over the suggested time: a QDateTimeEdit kept 2026 for 2027."""
    d = dialog(qtbot, "2026-11-20")
    d.when.setFocus()
    if start == "select all":
        qtbot.keyClick(d.when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(d.when, Qt.Key.Key_Home)
    qtbot.keyClicks(d.when, "2027-01-20 14:30", delay=60)
    assert d.when.dateTime().toString("yyyy-MM-dd HH:mm") == "2027-01-20 14:30"
