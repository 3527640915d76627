"""Date fields in the interface language (issue 17 §1): in German, Italian and French they show
and take the language's own numeric date with a four-digit year (19.01.2027, 19/01/2027) and
its 24-hour time; English keeps ISO. ISO typed still works in every language, and the file
always holds ISO. Typed key by key, as a person does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QWidget

from workshop_app.core import i18n
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.sign import SignDialog
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.pages.program import ProgramPage
from workshop_app.ui.widgets.date_edit import DateEdit
from workshop_app.ui.widgets.date_field import DateField


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The interface language of the test's parameter, back to English afterwards."""
    lang = request.param
    i18n.set_interface_language(lang)
    yield lang
    i18n.set_interface_language("en")


def active(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.fixture
def charters(qtbot, demo: WorkshopFile, language: str) -> ChartersPage:  # type: ignore[no-untyped-def]
    p = ChartersPage(["A partner who goes silent"])
    qtbot.addWidget(p)
    p.resize(1200, 700)
    active(qtbot, p)
    p.set_workshop(demo)
    p.select_pair(pid(demo))
    return p


def pid(wf: WorkshopFile) -> str:
    pair = wf.roster.pair_by_code("P11")  # an empty charter
    assert pair is not None
    return pair.id


def stored(wf: WorkshopFile, name: str) -> str | None:
    return wf.charters.charter(pid(wf)).value(name)


def tab_into(qtbot, page: ChartersPage, before: str, field: str) -> DateField:  # type: ignore[no-untyped-def]
    page.editor.field(before).input.setFocus()
    qtbot.keyClick(page.editor.field(before).input, Qt.Key.Key_Tab)
    widget = page.editor.field(field)
    assert isinstance(widget, DateField)
    assert widget.input.hasFocus()
    return widget


def leave(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [
        ("de", "30.09.2027", "30.09.2027"),
        ("de", "30.9.2027", "30.09.2027"),
        ("de", "2027-09-30", "30.09.2027"),
        ("it", "30/09/2027", "30/09/2027"),
        ("it", "2027-09-30", "30/09/2027"),
        ("fr", "30/09/2027", "30/09/2027"),
        ("en", "2027-09-30", "2027-09-30"),
    ],
    indirect=["language"],
)
def test_a_date_typed_in_the_language_s_form_or_iso_is_stored_as_iso(  # type: ignore[no-untyped-def]
    qtbot, charters: ChartersPage, demo: WorkshopFile, typed: str, shown: str
) -> None:
    end = tab_into(qtbot, charters, "feedback_method", "end_date")
    qtbot.keyClicks(end.input, typed)
    leave(qtbot, end.input)
    assert stored(demo, "end_date") == "2027-09-30"
    assert end.input.text() == shown
    assert not end.message.isVisibleTo(charters)


@pytest.mark.parametrize(
    ("language", "placeholder", "typed", "shown"),
    [
        ("de", "TT.MM.JJJJ HH:MM", "03.02.2027 18:30", "03.02.2027 18:30"),
        ("it", "GG/MM/AAAA HH:MM", "2027-02-03 18:30", "03/02/2027 18:30"),
        ("fr", "JJ/MM/AAAA HH:MM", "03/02/2027 18:30", "03/02/2027 18:30"),
        ("en", "YYYY-MM-DD HH:MM", "2027-02-03 18:30", "2027-02-03 18:30"),
    ],
    indirect=["language"],
)
def test_a_date_and_time_in_the_language_s_form(  # type: ignore[no-untyped-def]
    qtbot, charters: ChartersPage, demo: WorkshopFile, placeholder: str, typed: str, shown: str
) -> None:
    first = tab_into(qtbot, charters, "who_sets_agenda", "first_meeting")
    assert first.input.placeholderText() == placeholder
    qtbot.keyClicks(first.input, typed)
    leave(qtbot, first.input)
    assert stored(demo, "first_meeting") == "2027-02-03T18:30"
    assert first.input.text() == shown


@pytest.mark.parametrize(
    ("language", "workshop", "next_day", "next_month"),
    [
        ("de", "19.01.2027", "20.01.2027", "20.02.2027"),
        ("it", "19/01/2027", "20/01/2027", "20/02/2027"),
        ("en", "2027-01-19", "2027-01-20", "2027-02-20"),
    ],
    indirect=["language"],
)
def test_up_starts_from_the_workshop_date_and_steps_the_part_under_the_cursor(  # type: ignore[no-untyped-def]
    qtbot,
    charters: ChartersPage,
    demo: WorkshopFile,
    workshop: str,
    next_day: str,
    next_month: str,
) -> None:
    end = tab_into(qtbot, charters, "feedback_method", "end_date")
    qtbot.keyClick(end.input, Qt.Key.Key_Up)
    assert end.input.text() == workshop
    qtbot.keyClick(end.input, Qt.Key.Key_Up)  # the cursor is on the day, wherever it is
    assert end.input.text() == next_day
    end.input.setCursorPosition(next_day.index("01") + 1)  # in the month
    qtbot.keyClick(end.input, Qt.Key.Key_Up)
    assert end.input.text() == next_month
    leave(qtbot, end.input)
    assert stored(demo, "end_date") == "2027-02-20"


@pytest.mark.parametrize("language", ["de"], indirect=True)
def test_an_early_date_is_flagged_with_the_workshop_date_in_the_language_s_form(  # type: ignore[no-untyped-def]
    qtbot, charters: ChartersPage, demo: WorkshopFile
) -> None:
    end = tab_into(qtbot, charters, "feedback_method", "end_date")
    qtbot.keyClicks(end.input, "01.12.2026")
    leave(qtbot, end.input)
    assert stored(demo, "end_date") == "2026-12-01"
    assert end.message.isVisibleTo(charters)
    assert "(19.01.2027)" in end.message.text()
    assert "2027-01-19" not in end.message.text()


@pytest.fixture
def program(qtbot, new_workshop: WorkshopFile, language: str) -> ProgramPage:  # type: ignore[no-untyped-def]
    p = ProgramPage()
    qtbot.addWidget(p)
    p.set_workshop(new_workshop)
    active(qtbot, p)
    return p


def saved_date(wf: WorkshopFile) -> str:
    other = WorkshopFile.open(wf.path, readonly=True)
    try:
        return other.workshop().date
    finally:
        other.close()


@pytest.mark.parametrize(
    ("language", "shown_before", "typed", "shown"),
    [
        ("de", "19.01.2027", "09.03.2027", "09.03.2027"),
        ("de", "19.01.2027", "2027-03-09", "09.03.2027"),
        ("it", "19/01/2027", "09/03/2027", "09/03/2027"),
        ("it", "19/01/2027", "2027-03-09", "09/03/2027"),
        ("fr", "19/01/2027", "9/3/2027", "09/03/2027"),
        ("en", "2027-01-19", "2027-03-09", "2027-03-09"),
    ],
    indirect=["language"],
)
def test_the_workshop_date_typed_then_tab_lands_in_the_start_time(  # type: ignore[no-untyped-def]
    qtbot,
    program: ProgramPage,
    new_workshop: WorkshopFile,
    shown_before: str,
    typed: str,
    shown: str,
) -> None:
    edit = program.fields["date"].widget
    assert isinstance(edit, DateEdit)
    assert edit.text() == shown_before
    cohort = program.fields["cohort"].widget
    cohort.setFocus()
    qtbot.keyClick(cohort, Qt.Key.Key_Tab)
    assert edit.hasFocus()
    qtbot.keyClicks(edit, typed)
    assert edit.text() == shown
    assert not edit.refused()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert program.fields["start_time"].widget.hasFocus()
    assert saved_date(new_workshop) == "2027-03-09"


@pytest.mark.parametrize(
    ("language", "typed", "refusal"),
    [
        ("de", "2027-02-30", "30.02.2027"),
        ("it", "30/02/2027", "30/02/2027"),
        ("en", "2027-02-30", "2027-02-30"),
    ],
    indirect=["language"],
)
def test_an_impossible_date_is_refused_in_the_language_s_form(  # type: ignore[no-untyped-def]
    qtbot, program: ProgramPage, new_workshop: WorkshopFile, typed: str, refusal: str
) -> None:
    edit = program.fields["date"].widget
    assert isinstance(edit, DateEdit)
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    edit.selectAll()
    qtbot.keyClicks(edit, typed)
    assert edit.refused().startswith(refusal)
    assert saved_date(new_workshop) != "2027-02-30"


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [
        ("de", "21.01.2027 16:45", "21.01.2027 16:45"),
        ("de", "2027-01-21 16:45", "21.01.2027 16:45"),
        ("it", "2027-01-21 16:45", "21/01/2027 16:45"),
        ("en", "2027-01-21 16:45", "2027-01-21 16:45"),
    ],
    indirect=["language"],
)
def test_the_signing_time_typed_whole(qtbot, language: str, typed: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    d = SignDialog(
        code="P11",
        version=1,
        mentor="Yuki Tanaka",
        mentee="Ben Carter",
        coordinator="Anita Kaur",
        workshop_date="2027-01-19",
    )
    qtbot.addWidget(d)
    active(qtbot, d)
    d.when.setDateTime(QDateTime(QDate(2027, 1, 20), QTime(14, 30)))
    d.when.setFocus(Qt.FocusReason.TabFocusReason)
    d.when.selectAll()
    qtbot.keyClicks(d.when, typed)
    assert d.when.text() == shown
    assert d.when.dateTime() == QDateTime(QDate(2027, 1, 21), QTime(16, 45))
    assert d.values()["signed_at"] == d.when.dateTime().toUTC().toString(
        "yyyy-MM-ddTHH:mm:00+00:00"
    )


@pytest.mark.parametrize("language", ["it"], indirect=True)
def test_the_29th_of_february_typed_day_first_waits_for_its_leap_year(  # type: ignore[no-untyped-def]
    qtbot, program: ProgramPage, new_workshop: WorkshopFile
) -> None:
    """Qt moved the 29th to the 28th as soon as the month was typed (in 2027), and kept it."""
    edit = program.fields["date"].widget
    assert isinstance(edit, DateEdit)
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    edit.selectAll()
    qtbot.keyClicks(edit, "29/02/2028")
    assert edit.text() == "29/02/2028"
    assert not edit.refused()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert saved_date(new_workshop) == "2028-02-29"
