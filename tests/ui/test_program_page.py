"""The program page saves each field as it is typed, and refuses bad values where they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from workshop_app.core.model import WORKSHOP_FIELDS
from workshop_app.core.readiness import STANDARD_CONFIDENTIALITY, STANDARD_NO_FAULT
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages import program as program_page
from workshop_app.ui.pages.program import ProgramPage


@pytest.fixture
def page(qtbot, new_workshop: WorkshopFile):  # type: ignore[no-untyped-def]
    p = ProgramPage()
    qtbot.addWidget(p)
    p.set_workshop(new_workshop)
    p.show()
    return p


def reopened(wf: WorkshopFile):  # type: ignore[no-untyped-def]
    """What another program would read from the file right now."""
    other = WorkshopFile.open(wf.path, readonly=True)
    try:
        return other.workshop()
    finally:
        other.close()


def test_every_model_field_has_a_labelled_widget(page: ProgramPage) -> None:
    assert set(page.fields) == {f.name for f in WORKSHOP_FIELDS}
    for spec in WORKSHOP_FIELDS:
        assert page.fields[spec.name].widget.accessibleName() == spec.label
    assert page.fields["program"].widget.text() == "Accelerate"  # type: ignore[attr-defined]


def test_every_field_is_labelled_in_german_from_the_catalogue(qtbot, new_workshop) -> None:  # type: ignore[no-untyped-def]
    """A German trainer reads every label in German: each one is in the catalogue (the
    charter language's label was left unmarked, so English) and the page shows it."""
    from babel.messages.pofile import read_po

    from workshop_app.core.i18n import SOURCE_LANGUAGE, catalogue_path, set_interface_language

    with catalogue_path("de").open("rb") as f:
        german = read_po(f, locale="de")
    set_interface_language("de")
    try:
        p = ProgramPage()
        qtbot.addWidget(p)
        p.set_workshop(new_workshop)
        p.show()
        for spec in WORKSHOP_FIELDS:
            entry = german.get(spec.label)
            assert entry is not None and entry.string, spec.label
            assert p.fields[spec.name].widget.accessibleName() == entry.string
        assert p.fields["language"].widget.accessibleName() == "Sprache der Vereinbarungen"
    finally:
        set_interface_language(SOURCE_LANGUAGE)


def test_a_field_without_a_group_still_appears(qtbot, monkeypatch, new_workshop) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delitem(program_page.GROUP_OF, "venue")  # as if "venue" were new in the model
    page = ProgramPage()
    qtbot.addWidget(page)
    page.set_workshop(new_workshop)
    boxes = [b for b in page.findChildren(QGroupBox) if b.title() == "More details"]
    assert len(boxes) == 1 and boxes[0].isAncestorOf(page.fields["venue"].widget)
    assert page.findChildren(QGroupBox)[-1] is boxes[0]  # the last box on the page


def test_opening_another_workshop_shows_its_values_everywhere(  # type: ignore[no-untyped-def]
    page: ProgramPage, tmp_path: Path
) -> None:
    page.fields["venue"].widget.setFocus()
    other = WorkshopFile.create(
        tmp_path / "other.workshop", program="Lift", organisation="Acme", date="2027-05-04"
    )
    other.set_workshop_field("venue", "Room 9")
    try:
        page.set_workshop(other)
        assert page.fields["venue"].widget.text() == "Room 9"  # type: ignore[attr-defined]
        assert page.fields["program"].widget.text() == "Lift"  # type: ignore[attr-defined]
    finally:
        page.set_workshop(None)
        other.close()


def test_every_control_has_an_accessible_name(page: ProgramPage) -> None:
    assert unnamed(page) == []


def test_typing_saves_after_the_debounce(page: ProgramPage, qtbot, new_workshop) -> None:  # type: ignore[no-untyped-def]
    venue = page.fields["venue"].widget
    with qtbot.waitSignal(page.saved, timeout=2000):
        qtbot.keyClicks(venue, "Harbour House")
        assert new_workshop.workshop().venue == ""  # not yet: the user is still typing
    assert reopened(new_workshop).venue == "Harbour House"


def test_leaving_a_field_saves_at_once(page: ProgramPage, qtbot, new_workshop) -> None:  # type: ignore[no-untyped-def]
    goals = page.fields["program_goals"].widget
    assert isinstance(goals, QPlainTextEdit)
    goals.setFocus()
    qtbot.keyClicks(goals, "Grow leaders")
    qtbot.keyClick(goals, Qt.Key.Key_Return)
    qtbot.keyClicks(goals, "Keep know-how")
    qtbot.keyClick(goals, Qt.Key.Key_Tab)  # Tab leaves the field, it types no tab character
    assert not goals.hasFocus()
    assert new_workshop.workshop().program_goal_list == ["Grow leaders", "Keep know-how"]


def test_an_empty_program_is_refused_beside_the_field(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop
) -> None:
    program = page.fields["program"].widget
    assert isinstance(program, QLineEdit)
    messages: list[str] = []
    page.status.connect(messages.append)
    program.selectAll()
    qtbot.keyClick(program, Qt.Key.Key_Delete)
    error = page.fields["program"].error
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=2000)
    assert "program cannot be empty" in error.text()
    assert messages and "cannot be empty" in messages[-1]
    assert reopened(new_workshop).program == "Accelerate"
    page.refresh()  # a refresh elsewhere does not put back the old text under the error
    assert program.text() == ""
    with qtbot.waitSignal(page.saved, timeout=2000):
        qtbot.keyClicks(program, "Lift")
    assert error.isHidden()
    assert reopened(new_workshop).program == "Lift"


def test_a_length_out_of_range_is_refused_and_stays_typed(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop
) -> None:
    months = page.fields["program_length_months"].widget
    months.setFocus()
    months.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(months, "99")
    qtbot.keyClick(months, Qt.Key.Key_Tab)
    error = page.fields["program_length_months"].error
    assert not error.isHidden() and "1 to 60" in error.text()
    assert months.value() == 99  # type: ignore[attr-defined]
    assert new_workshop.workshop().program_length_months is None


def test_the_date_picker_saves_an_iso_date(page: ProgramPage, qtbot, new_workshop) -> None:  # type: ignore[no-untyped-def]
    date = page.fields["date"].widget
    with qtbot.waitSignal(page.saved, timeout=2000):
        date.setDate(QDate(2027, 2, 3))  # type: ignore[attr-defined]
    assert new_workshop.workshop().date == "2027-02-03"


def test_choices_and_colour_save_at_once(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop, monkeypatch
) -> None:
    paper = page.fields["paper_size"].widget
    assert isinstance(paper, QComboBox)
    paper.setFocus()
    qtbot.keyClick(paper, Qt.Key.Key_Down)
    assert new_workshop.workshop().paper_size == "letter"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#aa3300"))
    colour = page.fields["accent_colour"].widget
    qtbot.mouseClick(colour, Qt.MouseButton.LeftButton)
    assert new_workshop.workshop().accent_colour == "#aa3300"
    assert colour.text().startswith("#aa3300")  # type: ignore[attr-defined]


def test_a_logo_is_picked_previewed_and_removed(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop, monkeypatch, tmp_path: Path
) -> None:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5f8b"))
    logo = tmp_path / "logo.png"
    assert image.save(str(logo))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    with qtbot.waitSignal(page.saved):
        qtbot.mouseClick(page.logo_choose, Qt.MouseButton.LeftButton)
    stored = reopened(new_workshop)
    assert stored.logo == logo.read_bytes() and stored.logo_mime == "image/png"
    assert not page.logo_preview.pixmap().isNull()
    qtbot.mouseClick(page.logo_remove, Qt.MouseButton.LeftButton)
    assert reopened(new_workshop).logo is None
    assert page.logo_preview.text() == "No logo"


def test_an_svg_logo_is_accepted(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop, monkeypatch, tmp_path
) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">'
        '<rect width="60" height="20" fill="#1f5f8b"/></svg>'
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    qtbot.mouseClick(page.logo_choose, Qt.MouseButton.LeftButton)
    assert new_workshop.workshop().logo_mime == "image/svg+xml"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100, "not a PNG or SVG image"),
        ("huge.png", b"\x89PNG\r\n\x1a\n" + b"0" * (2 * 1024 * 1024 + 1), "at most 2 MB"),
        ("broken.png", b"\x89PNG\r\n\x1a\nnot really", "not a PNG or SVG image"),
    ],
)
def test_a_bad_logo_is_refused_and_the_old_one_kept(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop, monkeypatch, tmp_path, name, content, expected
) -> None:
    new_workshop.set_workshop_field("logo", b"<svg/>")
    new_workshop.set_workshop_field("logo_mime", "image/svg+xml")
    bad = tmp_path / name
    bad.write_bytes(content)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(page.logo_choose, Qt.MouseButton.LeftButton)
    assert not page.logo_error.isHidden()
    assert expected in page.logo_error.text() and name in page.logo_error.text()
    assert reopened(new_workshop).logo == b"<svg/>"


def test_flush_saves_what_is_pending(page: ProgramPage, qtbot, new_workshop) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.fields["cohort"].widget, "Spring")
    assert page.flush() is True
    assert new_workshop.workshop().cohort == "Spring"


def test_without_a_workshop_the_page_is_disabled(page: ProgramPage) -> None:
    page.set_workshop(None)
    assert not page.isEnabled()


def named_button(page: ProgramPage, name: str) -> QPushButton:
    return next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)


def test_a_past_date_is_warned_about(page: ProgramPage, qtbot, new_workshop) -> None:  # type: ignore[no-untyped-def]
    date = page.fields["date"].widget
    past = QDate.currentDate().addDays(-3)
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(page.saved, timeout=3000):
        qtbot.keyClicks(date, past.toString("yyyy-MM-dd"), delay=60)
    # On a busy machine a pause between two keys saves a date half typed first: the last
    # save is the whole date.
    qtbot.waitUntil(lambda: new_workshop.workshop().date == past.toString(Qt.DateFormat.ISODate))
    assert new_workshop.workshop().date == past.toString(Qt.DateFormat.ISODate)
    warning = page.warnings.rows["date"][0]
    assert warning.isVisible() and "is in the past" in warning.text()
    qtbot.mouseClick(named_button(page, "Change the date"), Qt.MouseButton.LeftButton)
    assert date.hasFocus()
    later = QDate.currentDate().addDays(60)
    qtbot.keyClick(date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(page.saved, timeout=3000):
        qtbot.keyClicks(date, later.toString("yyyy-MM-dd"))
    assert not warning.isVisible()
    assert reopened(new_workshop).date == later.toString(Qt.DateFormat.ISODate)
    assert page.date_words.text() == QLocale().toString(later, QLocale.FormatType.LongFormat)


@pytest.mark.parametrize(
    ("name", "label", "standard"),
    [
        ("confidentiality_text", "Standard confidentiality wording", STANDARD_CONFIDENTIALITY),
        ("no_fault_text", "No-fault conclusion clause", STANDARD_NO_FAULT),
    ],
)
def test_empty_wording_is_warned_about_and_the_standard_one_offered(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop, name: str, label: str, standard: str
) -> None:
    warning = page.warnings.rows[name][0]
    assert warning.isVisible() and "print without" in warning.text()
    qtbot.mouseClick(
        named_button(page, f"Use the standard wording: {label}"), Qt.MouseButton.LeftButton
    )
    assert getattr(reopened(new_workshop), name) == standard
    field = page.fields[name].widget
    assert field.toPlainText() == standard and field.hasFocus()  # type: ignore[attr-defined]
    assert not warning.isVisible()
    # Emptied again by hand: the warning is back.
    field.selectAll()  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.saved, timeout=3000):
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert warning.isVisible()
    assert getattr(reopened(new_workshop), name) == ""
