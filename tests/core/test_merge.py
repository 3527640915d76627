"""Merging rooms: union, conflicts (newer wins, listed), idempotence, refusals, renamed codes,
people unified by email, removals kept, inputs never modified."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.merge import MergeReport, merge_workshops
from workshop_app.core.workshop_file import WorkshopFile

LAUNCH = {"program": "Accelerate", "organisation": "Northwind", "date": "2027-01-19"}
TABLES = ("workshop", "participants", "pairs", "charters", "goals", "plans",
          "charter_versions", "signoffs", "agenda_segments")  # fmt: skip


def room(path: Path, people: list[tuple[str, str]], **launch: str) -> Path:
    """A workshop with one pair per (mentor, mentee) name, emails from the names."""
    with WorkshopFile.create(path, **(LAUNCH | launch)) as wf:
        for mentor, mentee in people:
            a = wf.roster.add_participant(role="mentor", name=mentor, email=_email(mentor))
            b = wf.roster.add_participant(role="mentee", name=mentee, email=_email(mentee))
            wf.roster.make_pair(a.id, b.id)
    return path


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@x.example"


def edit(path: Path, code: str, **fields: Any) -> None:
    with WorkshopFile.open(path) as wf:
        pair = wf.roster.pair_by_code(code)
        assert pair is not None
        for name, value in fields.items():
            wf.charters.set_field(pair.id, name, value)


def content(path: Path) -> dict[str, set[tuple[Any, ...]]]:
    """Every record of a file (audit without its sequence number), for comparing files."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {t: set(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}
        out["audit"] = set(conn.execute("SELECT id, at, table_name, record_id, pair_id, field,"
                                        " old_value, new_value FROM audit").fetchall())  # fmt: skip
    finally:
        conn.close()
    return out


def charter_value(path: Path, code: str, name: str) -> Any:
    with WorkshopFile.open(path, readonly=True) as wf:
        pair = wf.roster.pair_by_code(code)
        assert pair is not None
        return wf.charters.charter(pair.id).value(name)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The facilitator's prepared file, copied to two rooms."""
    return room(tmp_path / "base.workshop",
                [("Ana Souza", "Bo Li"), ("Cy Doe", "Di Roe"), ("Ed Poe", "Fay Wu")])  # fmt: skip


@pytest.fixture
def rooms(base: Path, tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "room-a.workshop", tmp_path / "room-b.workshop"
    shutil.copy(base, a)
    shutil.copy(base, b)
    return a, b


def test_edits_in_different_rooms_combine_without_conflict(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = rooms
    edit(a, "P01", purpose="Grow into a team lead")
    edit(b, "P02", purpose="Learn finance")
    edit(b, "P01", review_days="30")  # P01 edited in both rooms, in different fields...
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    # ...is a conflict (per record): the newer edit, B's, wins and the report says so.
    assert [c.record for c in report.conflicts] == ["charter of pair P01 (Ana Souza & Bo Li)"]
    conflict = report.conflicts[0]
    assert (conflict.kept_from, conflict.other_from) == ("room-b.workshop", "room-a.workshop")
    assert {d.field for d in conflict.fields} == {
        "Purpose of the mentoring relationship", "Review checkpoints (days after start)"
    }  # fmt: skip
    assert charter_value(out, "P02", "purpose") == "Learn finance"
    assert charter_value(out, "P01", "review_days") == "30"
    assert report.counts["pairs"] == 3 and report.renamed == []
    assert "Grow into a team lead" in report.text() and "room-b.workshop" in report.text()


def test_a_file_further_along_wins_even_against_a_later_touch(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = rooms
    edit(a, "P01", purpose="From room A")
    with WorkshopFile.open(b) as wf:  # later, B adds a goal: P01's charter row is touched
        pair = wf.roster.pair_by_code("P01")
        assert pair is not None
        wf.charters.set_goal_part(pair.id, 1, "goal", "Lead a meeting")
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    assert report.conflicts == []
    assert charter_value(out, "P01", "purpose") == "From room A"
    with WorkshopFile.open(out, readonly=True) as wf:
        pair = wf.roster.pair_by_code("P01")
        assert pair is not None
        assert [g.goal for g in wf.charters.goals(pair.id)] == ["Lead a meeting"]


def test_merging_the_same_file_twice_changes_nothing(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = rooms
    edit(a, "P01", purpose="A", boundaries="private")
    with WorkshopFile.open(a) as wf:
        wf.roster.set_attendance(wf.roster.participants()[0].id, True)
    twice = merge_workshops(out=tmp_path / "twice.workshop", inputs=[a, a])
    assert twice.conflicts == [] and twice.updated == 0
    assert content(tmp_path / "twice.workshop") == content(a)
    edit(b, "P03", purpose="B")
    merged = tmp_path / "ab.workshop"
    merge_workshops(out=merged, inputs=[a, b])
    again = merge_workshops(out=tmp_path / "again.workshop", inputs=[merged, a, b])
    assert again.conflicts == [] and again.renamed == []
    assert content(tmp_path / "again.workshop") == content(merged)


def test_inputs_are_never_modified(rooms: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = rooms
    edit(a, "P01", purpose="A")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (a, b)}
    listing = sorted(p.name for p in tmp_path.iterdir())
    merge_workshops(out=tmp_path / "all.workshop", inputs=[a, b])
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (a, b)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*listing, "all.workshop"])


def test_refusals_are_clear_and_write_nothing(rooms: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = rooms
    other = room(tmp_path / "other.workshop", [], program="Lift", date="2027-02-01")
    with pytest.raises(UserError, match="not from the same launch") as caught:
        merge_workshops(out=tmp_path / "x.workshop", inputs=[a, other])
    assert "'Accelerate' and 'Lift'" in str(caught.value) and "2027-02-01" in str(caught.value)
    same = room(tmp_path / "same.workshop", [], program="  accelerate ", organisation="NORTHWIND")
    merge_workshops(out=tmp_path / "ok.workshop", inputs=[a, same])  # case and spaces ignored
    with pytest.raises(UserError, match="already exists"):
        merge_workshops(out=b, inputs=[a, tmp_path / "ok.workshop"])
    with pytest.raises(UserError, match="one of the files to merge"):
        merge_workshops(out=a, inputs=[a, b])
    newer = tmp_path / "newer.workshop"
    shutil.copy(b, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(UserError, match=r"newer version of the workshop app.*Nothing was merged"):
        merge_workshops(out=tmp_path / "y.workshop", inputs=[a, newer])
    older = tmp_path / "older.workshop"
    shutil.copy(b, older)
    conn = sqlite3.connect(older)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    with pytest.raises(UserError, match="older format"):
        merge_workshops(out=tmp_path / "y.workshop", inputs=[older, a])
    foreign = tmp_path / "notes.workshop"
    foreign.write_text("not a workshop", encoding="utf-8")
    with pytest.raises(UserError, match="Cannot merge"):
        merge_workshops(out=tmp_path / "z.workshop", inputs=[a, foreign])
    assert not any((tmp_path / n).exists() for n in ("x.workshop", "y.workshop", "z.workshop"))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_colliding_pair_codes_are_renamed_and_reported(tmp_path: Path) -> None:
    a = room(tmp_path / "a.workshop", [("Ana Souza", "Bo Li"), ("Cy Doe", "Di Roe")])
    b = room(tmp_path / "b.workshop", [("Gil Hay", "Ivy Jo")])
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    assert [(r.old_code, r.new_code, r.names, r.source) for r in report.renamed] == [
        ("P01", "P01-2", "Gil Hay & Ivy Jo", "b.workshop")
    ]
    assert "P01 -> P01-2: Gil Hay & Ivy Jo (from b.workshop)" in report.text()
    with WorkshopFile.open(out) as wf:  # the merged file opens for writing, codes unique
        codes = {p.code: wf.roster.participant(p.mentor_id).name for p in wf.roster.pairs()}
        assert codes == {"P01": "Ana Souza", "P02": "Cy Doe", "P01-2": "Gil Hay"}
        assert wf.history(limit=5)[0].field == "code"
    again = merge_workshops(out=tmp_path / "again.workshop", inputs=[out, b])
    assert again.renamed == [] and again.conflicts == []


def test_the_same_person_in_two_rooms_is_one_participant(tmp_path: Path) -> None:
    a = room(tmp_path / "a.workshop", [("Ana Souza", "Bo Li")])
    b = room(tmp_path / "b.workshop", [("Ana Souza", "Bo Li")])  # the whole roster in each room
    with WorkshopFile.open(b) as wf:
        person = wf.roster.participant_by_email("ana.souza@x.example")
        assert person is not None
        wf.roster.update_participant(person.id, title="Director")
    edit(a, "P01", purpose="Only room A hosted this pair")
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    assert report.counts["participants"] == 2 and report.counts["pairs"] == 1
    assert report.renamed == []
    with WorkshopFile.open(out, readonly=True) as wf:
        ana = wf.roster.participant_by_email("ana.souza@x.example")
        assert ana is not None and ana.title == "Director"  # the newer record's fields
    assert charter_value(out, "P01", "purpose") == "Only room A hosted this pair"
    assert [c.record for c in report.conflicts] == ["Ana Souza <ana.souza@x.example>"]


def test_a_pair_broken_in_one_room_stays_broken(rooms: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = rooms
    with WorkshopFile.open(a) as wf:  # re-match: Ana now mentors Fay, Ed mentors Bo
        p1, p3 = wf.roster.pair_by_code("P01"), wf.roster.pair_by_code("P03")
        assert p1 is not None and p3 is not None
        wf.roster.break_pair(p1.id)
        wf.roster.break_pair(p3.id)
        wf.roster.make_pair(p1.mentor_id, p3.mentee_id, code="P04")
        wf.roster.make_pair(p3.mentor_id, p1.mentee_id, code="P05")
    edit(b, "P02", purpose="B")
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    with WorkshopFile.open(out, readonly=True) as wf:
        assert [p.code for p in wf.roster.pairs()] == ["P02", "P04", "P05"]
    assert report.removed == 2 and report.conflicts == []


def test_one_person_in_two_pairs_is_refused(tmp_path: Path) -> None:
    a = room(tmp_path / "a.workshop", [("Ana Souza", "Bo Li")])
    b = room(tmp_path / "b.workshop", [("Ana Souza", "Cy Doe")])
    with pytest.raises(UserError, match="one pair only") as caught:
        merge_workshops(out=tmp_path / "all.workshop", inputs=[a, b])
    assert any("Ana Souza" in line and "mentor" in line for line in caught.value.details)
    assert not (tmp_path / "all.workshop").exists()


def test_private_text_is_not_shown_in_the_report(rooms: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = rooms
    edit(a, "P01", boundaries="SecretFromA")
    edit(b, "P01", boundaries="SecretFromB")
    report = merge_workshops(out=tmp_path / "all.workshop", inputs=[a, b])
    assert "(private, not shown)" in report.text()
    assert "SecretFrom" not in report.text()
    assert charter_value(tmp_path / "all.workshop", "P01", "boundaries") == "SecretFromB"


def test_audit_trails_are_unioned(rooms: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = rooms
    edit(a, "P01", purpose="A")
    edit(b, "P02", purpose="B")
    out = tmp_path / "all.workshop"
    merge_workshops(out=out, inputs=[a, b])
    ids = {p: {row[0] for row in content(p)["audit"]} for p in (a, b, out)}
    assert ids[out] == ids[a] | ids[b]
    with WorkshopFile.open(out, readonly=True) as wf:
        pair = wf.roster.pair_by_code("P02")
        assert pair is not None
        assert [h.new_value for h in wf.history(pair_id=pair.id) if h.field == "purpose"] == ["B"]


def test_separately_created_rooms_keep_the_filled_program_details(tmp_path: Path) -> None:
    a = room(tmp_path / "a.workshop", [("Ana Souza", "Bo Li")])
    with WorkshopFile.open(a) as wf:
        wf.set_workshop_field("venue", "Harbour House")
    b = room(tmp_path / "b.workshop", [("Cy Doe", "Di Roe")])  # created later, no venue
    with WorkshopFile.open(b) as wf:
        wf.set_workshop_field("facilitator", "Priya")
    out = tmp_path / "all.workshop"
    report: MergeReport = merge_workshops(out=out, inputs=[a, b], progress=lambda d, t: None)
    with WorkshopFile.open(out, readonly=True) as wf:
        w = wf.workshop()
        assert (w.venue, w.facilitator) == ("Harbour House", "Priya")
    assert report.conflicts == []
