"""Merging two rooms' copies of one record field by field, against what they had in common:
a field changed in one room only is taken from that room, even where the other room typed in
it and then put back what was there (its audit trail holds changes, its value is the common
one); only a field left with different values in both rooms is a conflict. The report says
which field came from which file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop_app.core.merge.report import Conflict
from workshop_app.core.merge.rooms import merge_workshops
from workshop_app.core.store.workshop_file import WorkshopFile

LAUNCH = {"program": "Accelerate", "organisation": "Northwind", "date": "2027-01-19"}


@pytest.fixture
def rooms(tmp_path: Path) -> tuple[Path, Path]:
    """The facilitator's prepared file (venue, a pair with a meeting place and a goal),
    copied to two rooms."""
    base = tmp_path / "base.workshop"
    with WorkshopFile.create(base, **LAUNCH) as wf:
        wf.set_workshop_field("venue", "Old Hall")
        ana = wf.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
        bo = wf.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
        pair = wf.roster.make_pair(ana.id, bo.id)
        wf.charters.set_field(pair.id, "meeting_place", "Cafe")
        wf.charters.set_goal_part(pair.id, 1, "goal", "Lead a meeting")
    a, b = tmp_path / "room-a.workshop", tmp_path / "room-b.workshop"
    shutil.copy(base, a)
    shutil.copy(base, b)
    return a, b


def pair_id(wf: WorkshopFile) -> str:
    pair = wf.roster.pair_by_code("P01")
    assert pair is not None
    return pair.id


def room_a_edits(a: Path) -> None:
    with WorkshopFile.open(a) as wf:
        wf.set_workshop_field("venue", "New Hall")
        wf.charters.set_field(pair_id(wf), "meeting_place", "Zoom")
        wf.charters.set_goal_part(pair_id(wf), 1, "goal", "Chair the weekly meeting")
        bo = wf.roster.participant_by_email("bo@x.example")
        assert bo is not None
        wf.roster.set_attendance(bo.id, True)


def room_b_edits(b: Path) -> None:
    """Other fields of the same records, and the same fields typed in and put back."""
    with WorkshopFile.open(b) as wf:
        pid = pair_id(wf)
        wf.set_workshop_field("facilitator", "Priya")
        wf.set_workshop_field("venue", "Old Hall, room 2")
        wf.set_workshop_field("venue", "Old Hall")
        wf.charters.set_field(pid, "purpose", "Grow into a team lead")
        wf.charters.set_field(pid, "meeting_place", "Cafe by the station")
        wf.charters.set_field(pid, "meeting_place", "Cafe")
        wf.charters.set_goal_part(pid, 1, "why", "To be ready for a team")
        wf.charters.set_goal_part(pid, 1, "goal", "Lead a meeting a week")
        wf.charters.set_goal_part(pid, 1, "goal", "Lead a meeting")
        bo = wf.roster.participant_by_email("bo@x.example")
        assert bo is not None
        wf.roster.set_attendance(bo.id, False)  # ticked absent by mistake, then cleared
        wf.roster.set_attendance(bo.id, None)


@pytest.mark.parametrize("order", ["a first", "b first"])
def test_a_field_changed_in_one_room_only_is_taken_from_it(
    rooms: tuple[Path, Path], tmp_path: Path, order: str
) -> None:
    a, b = rooms
    room_a_edits(a)
    room_b_edits(b)  # later than every edit of room A
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b] if order == "a first" else [b, a])
    with WorkshopFile.open(out, readonly=True) as wf:
        w = wf.workshop()
        assert (w.venue, w.facilitator) == ("New Hall", "Priya")
        charter = wf.charters.charter(pair_id(wf))
        assert charter.value("meeting_place") == "Zoom"
        assert charter.value("purpose") == "Grow into a team lead"
        [goal] = charter.goals
        assert (goal.goal, goal.why) == ("Chair the weekly meeting", "To be ready for a team")
        bo = wf.roster.participant_by_email("bo@x.example")
        assert bo is not None and bo.present is True
    assert report.conflicts == []
    lines = report.lines()
    assert "4 records differed between the files without a conflict; each field was taken " \
           "from the file that changed it:" in lines  # fmt: skip
    assert ("  the workshop's program details: Venue from room-a.workshop, Facilitator from "
            "room-b.workshop") in lines  # fmt: skip
    assert ("  charter of pair P01 (Ana Souza & Bo Li): Purpose of the mentoring relationship "
            "from room-b.workshop, Place or link from room-a.workshop") in lines  # fmt: skip
    assert "  Bo Li <bo@x.example>: attendance from room-a.workshop" in lines


def test_a_field_left_different_in_both_rooms_is_still_a_conflict(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = rooms
    room_a_edits(a)
    room_b_edits(b)
    with WorkshopFile.open(b) as wf:  # now B really changes the meeting place too
        wf.charters.set_field(pair_id(wf), "meeting_place", "Library")
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    [conflict] = report.conflicts
    assert isinstance(conflict, Conflict)
    assert (conflict.record, conflict.field) == (
        "charter of pair P01 (Ana Souza & Bo Li)", "Place or link"
    )  # fmt: skip
    assert (conflict.kept, conflict.kept_from) == ("'Library'", "room-b.workshop")
    assert [(o.source, o.value) for o in conflict.others] == [("room-a.workshop", "'Zoom'")]
    with WorkshopFile.open(out, readonly=True) as wf:
        assert wf.workshop().venue == "New Hall"  # the rest of the record still merges
        assert wf.charters.charter(pair_id(wf)).value("purpose") == "Grow into a team lead"
    assert [t.line() for t in report.taken if t.record.startswith("charter")] == [
        "charter of pair P01 (Ana Souza & Bo Li): Purpose of the mentoring relationship from "
        "room-b.workshop"
    ]


def test_the_rooms_merged_again_with_their_merge_change_nothing(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = rooms
    room_a_edits(a)
    room_b_edits(b)
    out = tmp_path / "all.workshop"
    merge_workshops(out=out, inputs=[a, b])
    again = merge_workshops(out=tmp_path / "again.workshop", inputs=[out, a, b])
    assert again.conflicts == []  # what differs from a room's copy comes from the merge
    assert {source for t in again.taken for _, source in t.fields} == {"all.workshop"}
    with WorkshopFile.open(tmp_path / "again.workshop", readonly=True) as wf:
        assert wf.workshop().venue == "New Hall"
        assert wf.charters.charter(pair_id(wf)).value("meeting_place") == "Zoom"


def test_changes_merged_in_side_by_side_are_not_taken_as_put_back(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    """Room C changed the venue; room D typed in it and put it back. Their merge holds both
    trails, which together start and end at "Old Hall", but its venue is C's: against room
    A's own change, that is a conflict, not a merge that changed nothing."""
    a, c = rooms
    d = tmp_path / "room-d.workshop"
    shutil.copy(c, d)
    with WorkshopFile.open(c) as wf:
        wf.set_workshop_field("venue", "Annex")
    with WorkshopFile.open(d) as wf:
        wf.set_workshop_field("venue", "Old Hall, room 2")
        wf.set_workshop_field("venue", "Old Hall")
    cd = tmp_path / "c-and-d.workshop"
    merge_workshops(out=cd, inputs=[c, d])
    with WorkshopFile.open(a) as wf:
        wf.set_workshop_field("venue", "New Hall")
    report = merge_workshops(out=tmp_path / "all.workshop", inputs=[cd, a])
    [conflict] = report.conflicts
    assert isinstance(conflict, Conflict) and conflict.field == "Venue"
    assert {conflict.kept, *(o.value for o in conflict.others)} == {"'Annex'", "'New Hall'"}
