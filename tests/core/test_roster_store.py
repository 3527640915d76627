"""Participants, pairs, codes and attendance."""

from __future__ import annotations

import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.roster.store import normalise_code
from workshop_app.core.store.workshop_file import WorkshopFile


def test_email_is_the_identity(new_workshop: WorkshopFile) -> None:
    roster = new_workshop.roster
    roster.add_participant(role="mentor", name="Ana", email=" Ana@X.example ")
    with pytest.raises(UserError, match="already in the roster"):
        roster.add_participant(role="mentee", name="Ana again", email="ana@x.example")
    assert roster.participant_by_email("ANA@x.example") is not None


def test_pairs_need_one_mentor_and_one_mentee(new_workshop: WorkshopFile) -> None:
    roster = new_workshop.roster
    a = roster.add_participant(role="mentor", name="A", email="a@x.example")
    b = roster.add_participant(role="mentor", name="B", email="b@x.example")
    c = roster.add_participant(role="mentee", name="C", email="c@x.example")
    d = roster.add_participant(role="mentee", name="D", email="d@x.example")
    with pytest.raises(UserError, match="a mentor and a mentee"):
        roster.make_pair(a.id, b.id)
    first = roster.make_pair(a.id, c.id)
    with pytest.raises(UserError, match="already in pair P01"):
        roster.make_pair(a.id, d.id)
    second = roster.make_pair(b.id, d.id)
    assert (first.code, second.code) == ("P01", "P02")
    with pytest.raises(UserError, match="break the pair"):
        roster.remove_participant(a.id)


def test_codes_are_unique_and_readable(new_workshop: WorkshopFile) -> None:
    roster = new_workshop.roster
    people = [
        roster.add_participant(role=r, name=f"{r}{i}", email=f"{r}{i}@x.example")
        for i in range(3)
        for r in ("mentor", "mentee")
    ]
    p1 = roster.make_pair(people[0].id, people[1].id, code="p7")
    assert p1.code == "P07"
    with pytest.raises(UserError, match="already taken"):
        roster.make_pair(people[2].id, people[3].id, code="P07")
    p2 = roster.make_pair(people[2].id, people[3].id)
    assert p2.code == "P08"
    with pytest.raises(UserError, match="already taken"):
        roster.rename_pair(p2.id, "P07")
    assert normalise_code(" b-12 ") == "B-12"
    with pytest.raises(UserError, match="1 to 12 letters"):
        normalise_code("P/07")


def test_attendance_is_recorded_with_a_time(new_workshop: WorkshopFile) -> None:
    roster = new_workshop.roster
    a = roster.add_participant(role="mentor", name="A", email="a@x.example")
    assert roster.participant(a.id).present is None
    roster.set_attendance(a.id, True)
    person = roster.participant(a.id)
    assert person.present is True and person.checked_in_at
    roster.set_attendance(a.id, False)
    assert roster.participant(a.id).present is False


def test_update_participant_checks_email_clash(new_workshop: WorkshopFile) -> None:
    roster = new_workshop.roster
    a = roster.add_participant(role="mentor", name="A", email="a@x.example")
    roster.add_participant(role="mentee", name="B", email="b@x.example")
    with pytest.raises(UserError, match="already has the email"):
        roster.update_participant(a.id, email="b@x.example")
    updated = roster.update_participant(a.id, title="Director", name="Ann")
    assert (updated.title, updated.name) == ("Director", "Ann")
