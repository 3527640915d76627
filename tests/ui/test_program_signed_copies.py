"""The program page's fields of the charter's second edition: where the signed copy goes and
by when, the manager's acknowledgement, and the default mentor boundary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QGroupBox, QPlainTextEdit

from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.program import ProgramPage
from workshop_app.ui.widgets.date_field import DateField


@pytest.fixture
def page(qtbot, new_workshop: WorkshopFile):  # type: ignore[no-untyped-def]
    p = ProgramPage()
    qtbot.addWidget(p)
    p.set_workshop(new_workshop)
    p.show()
    return p


def reopened(wf: WorkshopFile):  # type: ignore[no-untyped-def]
    other = WorkshopFile.open(wf.path, readonly=True)
    try:
        return other.workshop()
    finally:
        other.close()


def box_of(page: ProgramPage, name: str) -> str:
    widget = page.fields[name].widget
    return next(b.title() for b in page.findChildren(QGroupBox) if b.isAncestorOf(widget))


def test_the_new_fields_sit_in_their_groups(page: ProgramPage) -> None:
    assert box_of(page, "mentor_boundary") == "Support and wording"
    for name in ("return_copy_to", "return_copy_by", "manager_acknowledgement"):
        assert box_of(page, name) == "Signed copies"


def test_typed_and_chosen_from_the_keyboard_and_saved(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile
) -> None:
    to = page.fields["return_copy_to"].widget
    to.setFocus()
    qtbot.keyClicks(to, "Priya Nair, People team, 4th floor")
    qtbot.keyClick(to, Qt.Key.Key_Tab)
    by = page.fields["return_copy_by"].widget
    assert isinstance(by, DateField)
    assert by.input.hasFocus()  # Tab goes from the line to the date, not into its buttons
    qtbot.keyClicks(by.input, "2027-02-05")
    qtbot.keyClick(by.input, Qt.Key.Key_Tab)
    ack = page.fields["manager_acknowledgement"].widget
    assert isinstance(ack, QComboBox) and ack.hasFocus()
    assert ack.currentText() == "Not printed"
    qtbot.keyClick(ack, Qt.Key.Key_Down)
    assert ack.currentText() == "Printed on each charter"
    stored = reopened(new_workshop)
    assert stored.return_copy_to == "Priya Nair, People team, 4th floor"
    assert stored.return_copy_by == "2027-02-05"
    assert stored.manager_acknowledgement == "yes"
    qtbot.keyClick(ack, Qt.Key.Key_Up)
    assert reopened(new_workshop).manager_acknowledgement == ""


def test_the_mentor_boundary_is_written_in_several_lines(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile
) -> None:
    boundary = page.fields["mentor_boundary"].widget
    assert isinstance(boundary, QPlainTextEdit)
    boundary.setFocus()
    qtbot.keyClicks(boundary, "The mentor does not advocate for the mentee's promotion.")
    qtbot.keyClick(boundary, Qt.Key.Key_Tab)
    assert reopened(new_workshop).mentor_boundary == (
        "The mentor does not advocate for the mentee's promotion."
    )


def test_a_half_typed_date_is_refused_beside_it_and_an_empty_one_saved(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile
) -> None:
    new_workshop.set_workshop_field("return_copy_by", "2027-02-05")
    page.refresh()
    by = page.fields["return_copy_by"].widget
    assert isinstance(by, DateField)
    by.input.setFocus()
    qtbot.keyClick(by.input, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(by.input, "2027-02")
    qtbot.keyClick(by.input, Qt.Key.Key_Tab)
    error = page.fields["return_copy_by"].error
    qtbot.waitUntil(lambda: not error.isHidden())
    assert "“2027-02” is not a date" in error.text()
    assert reopened(new_workshop).return_copy_by == "2027-02-05"
    by.input.setFocus()
    qtbot.keyClick(by.input, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(by.input, Qt.Key.Key_Delete)
    qtbot.keyClick(by.input, Qt.Key.Key_Tab)
    assert error.isHidden()
    assert reopened(new_workshop).return_copy_by == ""


def test_a_return_date_before_the_workshop_is_flagged(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile
) -> None:
    by = page.fields["return_copy_by"].widget
    assert isinstance(by, DateField)
    by.input.setFocus()
    qtbot.keyClicks(by.input, "2020-01-01")
    qtbot.keyClick(by.input, Qt.Key.Key_Tab)
    assert "Before the workshop" in by.message.text() and by.message.isVisible()
    assert reopened(new_workshop).return_copy_by == "2020-01-01"
    assert QApplication.focusWidget() is page.fields["manager_acknowledgement"].widget
