"""The contact and meeting log: entries per pair, checked, audited, newest first."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.followup.contact_log import MAX_TEXT, ContactLog
from workshop_app.core.store.workshop_file import WorkshopFile

TODAY = date(2027, 4, 30)  # the workshop (the program's launch) was on 2027-01-19


@pytest.fixture
def pair_id(new_workshop: WorkshopFile) -> str:
    roster = new_workshop.roster
    mentor = roster.add_participant(role="mentor", name="Ana", email="ana@x.example")
    mentee = roster.add_participant(role="mentee", name="Ben", email="ben@x.example")
    return roster.make_pair(mentor.id, mentee.id).id


def rows(wf: WorkshopFile) -> list[tuple[str, str, str, str]]:
    return wf.conn.execute(
        "SELECT on_date, kind, who, text FROM contacts ORDER BY on_date"
    ).fetchall()


def test_entries_are_added_audited_and_listed_newest_first(
    new_workshop: WorkshopFile, pair_id: str
) -> None:
    log = ContactLog(new_workshop)
    log.add(pair_id, on_date="2027-02-02", kind="meeting", who="both", text="", today=TODAY)
    concern = log.add(
        pair_id, on_date=date(2027, 3, 9), kind="concern", who="mentee", text=" Quiet ", today=TODAY
    )
    assert concern.text == "Quiet"
    assert [e.on_date for e in log.entries(pair_id)] == [date(2027, 3, 9), date(2027, 2, 2)]
    assert rows(new_workshop) == [
        ("2027-02-02", "meeting", "both", ""),
        ("2027-03-09", "concern", "mentee", "Quiet"),
    ]
    created = [h for h in new_workshop.history(pair_id=pair_id) if h.table_name == "contacts"]
    assert [h.field for h in created] == ["*created*", "*created*"]
    assert created[0].record_id == concern.id


def test_an_edit_changes_only_what_changed_and_says_so_in_the_audit(
    new_workshop: WorkshopFile, pair_id: str
) -> None:
    log = ContactLog(new_workshop)
    entry = log.add(pair_id, on_date="2027-02-02", kind="note", text="Called", today=TODAY)
    edited = log.edit(entry.id, kind="cancelled", text="Called", today=TODAY)
    assert (edited.kind, edited.text) == ("cancelled", "Called")
    fields = [h.field for h in new_workshop.history(pair_id=pair_id) if h.record_id == entry.id]
    assert fields == ["kind", "*created*"]
    removed = log.remove(entry.id)
    assert removed.kind == "cancelled" and rows(new_workshop) == []
    last = new_workshop.history(pair_id=pair_id)[0]
    assert last.field == "*removed*" and '"cancelled"' in (last.old_value or "")


@pytest.mark.parametrize(
    ("on_date", "message"),
    [
        ("2027-05-01", "after today"),
        ("2026-01-18", "more than a year before the program's launch"),
        ("2027-02-30", "is not a date"),
        ("next tuesday", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_a_date_must_be_a_date_between_a_year_before_launch_and_today(
    new_workshop: WorkshopFile, pair_id: str, on_date: str, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        ContactLog(new_workshop).add(pair_id, on_date=on_date, kind="meeting", today=TODAY)
    assert rows(new_workshop) == []


def test_the_edges_of_the_dates_allowed_are_saved(new_workshop: WorkshopFile, pair_id: str) -> None:
    log = ContactLog(new_workshop)
    log.add(pair_id, on_date="2026-01-19", kind="meeting", today=TODAY)
    log.add(pair_id, on_date=TODAY, kind="meeting", today=TODAY)
    assert len(rows(new_workshop)) == 2


def test_kind_who_and_text_are_checked(new_workshop: WorkshopFile, pair_id: str) -> None:
    log = ContactLog(new_workshop)
    with pytest.raises(UserError, match="not 'checkin'"):
        log.add(pair_id, on_date=TODAY, kind="checkin", today=TODAY)
    with pytest.raises(UserError, match="not 'boss'"):
        log.add(pair_id, on_date=TODAY, kind="meeting", who="boss", today=TODAY)
    with pytest.raises(UserError, match="Write what the concern is"):
        log.add(pair_id, on_date=TODAY, kind="concern", text="   ", today=TODAY)
    with pytest.raises(UserError, match="keep it under 2,000"):
        log.add(pair_id, on_date=TODAY, kind="note", text="x" * (MAX_TEXT + 1), today=TODAY)
    assert rows(new_workshop) == []


def test_text_is_stored_as_the_file_can_hold_it(new_workshop: WorkshopFile, pair_id: str) -> None:
    entry = ContactLog(new_workshop).add(
        pair_id, on_date=TODAY, kind="note", text="pasted \ud83d quote", today=TODAY
    )
    assert entry.text == "pasted \ufffd quote"


def test_a_pair_broken_meanwhile_gets_a_message_and_nothing_is_saved(
    new_workshop: WorkshopFile, pair_id: str
) -> None:
    log = ContactLog(new_workshop)
    new_workshop.roster.break_pair(pair_id)
    with pytest.raises(UserError, match="no longer in the workshop"):
        log.add(pair_id, on_date=TODAY, kind="meeting", today=TODAY)
    assert rows(new_workshop) == []


def test_an_entry_from_a_check_in_changes_only_with_the_check_in(
    new_workshop: WorkshopFile, pair_id: str
) -> None:
    checkin = str(uuid.uuid4())
    new_workshop.conn.execute(
        "INSERT INTO checkins (id, pair_id, role, response_key, submitted_at, updated_at)"
        " VALUES (?, ?, 'mentee', 'ms:1', '2027-03-01T09:00', '2027-03-01T09:00')",
        (checkin, pair_id),
    )
    new_workshop.conn.execute(
        "INSERT INTO contacts (id, pair_id, on_date, kind, text, checkin_id, updated_at)"
        " VALUES ('c1', ?, '2027-03-01', 'checkin', 'Mentee checked in', ?, '2027-03-01')",
        (pair_id, checkin),
    )
    log = ContactLog(new_workshop)
    (entry,) = log.entries(pair_id)
    assert entry.from_checkin
    with pytest.raises(UserError, match="remove the check-in"):
        log.edit(entry.id, text="changed", today=TODAY)
    with pytest.raises(UserError, match="remove the check-in"):
        log.remove(entry.id)
    new_workshop.conn.execute("DELETE FROM checkins WHERE id = ?", (checkin,))
    assert log.entries(pair_id) == []


def test_a_read_only_workshop_refuses_with_its_message(
    new_workshop: WorkshopFile, pair_id: str
) -> None:
    path = new_workshop.path
    new_workshop.close()
    with WorkshopFile.open(path, readonly=True) as wf, pytest.raises(UserError, match="read-only"):
        ContactLog(wf).add(pair_id, on_date=TODAY, kind="meeting", today=TODAY)
