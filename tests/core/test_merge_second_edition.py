"""The charter's second edition merges like the rest: the program's return address, mentor
boundary and acknowledgement, a goal's baseline and a signature's paper answer come from the
room that set them, and the report names them in words."""

from __future__ import annotations

import shutil
from pathlib import Path

from workshop_app.core.merge.report import Conflict
from workshop_app.core.merge.rooms import merge_workshops
from workshop_app.core.store.workshop_file import WorkshopFile

LAUNCH = {"program": "Accelerate", "organisation": "Northwind", "date": "2027-01-19"}


def prepared(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "base.workshop"
    with WorkshopFile.create(base, **LAUNCH) as wf:
        ana = wf.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
        bo = wf.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
        pair = wf.roster.make_pair(ana.id, bo.id)
        wf.charters.set_goal_part(pair.id, 1, "goal", "Lead a meeting")
    a, b = tmp_path / "room-a.workshop", tmp_path / "room-b.workshop"
    shutil.copy(base, a)
    shutil.copy(base, b)
    return a, b


def pair_id(wf: WorkshopFile) -> str:
    pair = wf.roster.pair_by_code("P01")
    assert pair is not None
    return pair.id


def test_each_new_field_comes_from_the_room_that_set_it(tmp_path: Path) -> None:
    a, b = prepared(tmp_path)
    with WorkshopFile.open(a) as wf:
        wf.set_workshop_field("return_copy_to", "Priya Nair, People team")
        wf.set_workshop_field("manager_acknowledgement", "yes")
        wf.charters.set_goal_part(pair_id(wf), 1, "baseline", "2")
        wf.charters.sign(pair_id(wf), mentor="Ana Souza", mentee="Bo Li", paper_completed=True)
    with WorkshopFile.open(b) as wf:
        wf.set_workshop_field("return_copy_by", "2027-02-05")
        wf.set_workshop_field("mentor_boundary", "No advocacy for promotion.")
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[b, a])
    assert report.conflicts == []
    with WorkshopFile.open(out, readonly=True) as wf:
        w = wf.workshop()
        assert (w.return_copy_to, w.return_copy_by) == ("Priya Nair, People team", "2027-02-05")
        assert (w.mentor_boundary, w.manager_acknowledgement) == (
            "No advocacy for promotion.",
            "yes",
        )
        charter = wf.charters.charter(pair_id(wf))
        assert [g.baseline for g in charter.goals] == ["2"]
        assert {(s.paper_completed, s.open_sections) for s in charter.signoffs} == {
            (True, "2,3,4,5,6,7,8,9,10,11")
        }
    assert ("  the workshop's program details: Return the signed copy to from room-a.workshop,"
            " Return it by from room-b.workshop, Default mentor boundary from room-b.workshop,"
            " Line manager's acknowledgement from room-a.workshop") in report.lines()  # fmt: skip


def test_two_rooms_rating_one_goal_differently_is_a_conflict_in_words(tmp_path: Path) -> None:
    a, b = prepared(tmp_path)
    for path, rating in ((a, "2"), (b, "4")):
        with WorkshopFile.open(path) as wf:
            wf.charters.set_goal_part(pair_id(wf), 1, "baseline", rating)
    report = merge_workshops(out=tmp_path / "all.workshop", inputs=[a, b])
    [conflict] = report.conflicts
    assert isinstance(conflict, Conflict)
    assert conflict.field == "Where I am today"
    assert (conflict.kept, conflict.kept_from) == ("'4'", "room-b.workshop")
