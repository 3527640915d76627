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
from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language
from workshop_app.core.merge.report import Conflict
from workshop_app.core.merge.rooms import MergeReport, merge_workshops
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

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
    edit(b, "P01", review_days="30")  # P01 edited in both rooms, in different fields:
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    # both edits are kept (B's newer charter row does not wipe out A's purpose).
    assert report.conflicts == []
    assert charter_value(out, "P01", "purpose") == "Grow into a team lead"
    assert charter_value(out, "P01", "review_days") == "30"
    assert charter_value(out, "P02", "purpose") == "Learn finance"
    assert report.counts["pairs"] == 3 and report.renamed == []


def test_one_field_set_differently_in_two_rooms_is_one_conflict_line(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = rooms
    edit(a, "P01", purpose="Grow into a team lead", review_days="30")
    edit(b, "P01", purpose="Learn finance")  # later: B's purpose wins, A's review days stay
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    [conflict] = report.conflicts
    assert isinstance(conflict, Conflict)
    assert conflict.record == "charter of pair P01 (Ana Souza & Bo Li)"
    assert conflict.field == "Purpose of the mentoring relationship"
    assert (conflict.kept, conflict.kept_from) == ("'Learn finance'", "room-b.workshop")
    assert [(o.source, o.value) for o in conflict.others] == [
        ("room-a.workshop", "'Grow into a team lead'")
    ]
    assert charter_value(out, "P01", "purpose") == "Learn finance"
    assert charter_value(out, "P01", "review_days") == "30"
    [line] = [line for line in report.lines() if "kept the version" in line]
    assert line.startswith("  charter of pair P01 (Ana Souza & Bo Li), Purpose of the mentoring "
                           "relationship: kept the version from room-b.workshop ('Learn finance'"
                           ", set ")  # fmt: skip
    assert "; room-a.workshop had 'Grow into a team lead' (set " in line
    assert "1 conflict (where the files disagree" in report.text()


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
        assert ana is not None and ana.title == "Director"
    assert charter_value(out, "P01", "purpose") == "Only room A hosted this pair"
    assert report.conflicts == []  # A's empty title is a default nobody set: no conflict


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
    with pytest.raises(UserError, match="one open pair only") as caught:
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


def test_the_facilitators_own_notes_are_not_shown_in_the_report(base: Path, tmp_path: Path) -> None:
    from workshop_app.core.runner.agenda_store import PlannedSegment

    with WorkshopFile.open(base) as wf:
        wf.agenda.choose("half-day", [PlannedSegment("Welcome", 15), PlannedSegment("Skills", 45)])
    a, b = tmp_path / "room-a.workshop", tmp_path / "room-b.workshop"
    shutil.copy(base, a)
    shutil.copy(base, b)
    for path, note in ((a, "Watch Bo, NotesFromA"), (b, "Start late, NotesFromB")):
        with WorkshopFile.open(path) as wf:
            wf.agenda.set_private_notes(wf.agenda.segments()[0].id, note)
    report = merge_workshops(out=tmp_path / "all.workshop", inputs=[a, b])
    assert "(private, not shown)" in report.text()
    assert "NotesFrom" not in report.text()


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


def test_a_signed_version_changed_in_another_room_becomes_a_new_version(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = rooms
    edit(a, "P01", purpose="Lead the Leeds hub")
    with WorkshopFile.open(a) as wf:
        pair = wf.roster.pair_by_code("P01")
        assert pair is not None
        wf.charters.sign(pair.id, mentor="Ana Souza", mentee="Bo Li")
        signed = wf.charters.signed_snapshot(pair.id, 1)
    edit(b, "P01", review_days="30")  # room B's copy, never signed there
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    with WorkshopFile.open(out, readonly=True) as wf:
        pair = wf.roster.pair_by_code("P01")
        assert pair is not None
        charter = wf.charters.charter(pair.id)
        assert (charter.version, charter.signed_version) == (2, 1)
        assert charter.value("review_days") == "30"
        assert wf.charters.signed_snapshot(pair.id, 1) == signed  # as it was signed
    assert [c.line() for c in report.conflicts] == [
        "charter of pair P01 (Ana Souza & Bo Li): version 1 was signed, and changes made to it "
        "in another room came in with the merge; it is now version 2, not signed (the signed "
        "version 1 is kept as it was signed)"
    ]
    again = merge_workshops(out=tmp_path / "again.workshop", inputs=[out, a, b])
    assert again.conflicts == [] and content(tmp_path / "again.workshop") == content(out)


def test_a_workshop_default_never_beats_a_value_someone_set(tmp_path: Path) -> None:
    a = room(tmp_path / "a.workshop", [("Ana Souza", "Bo Li")])
    with WorkshopFile.open(a) as wf:
        wf.set_workshop_field("start_time", "08:30")
        wf.set_workshop_field("language", "en-GB")
        wf.set_workshop_field("logo", b"\x89PNG-logo")
        wf.set_workshop_field("logo_mime", "image/png")
    b = room(tmp_path / "b.workshop", [("Cy Doe", "Di Roe")])  # made later: 09:00, A4, ''
    with WorkshopFile.open(b) as wf:
        wf.set_workshop_field("paper_size", "letter")
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[b, a])
    with WorkshopFile.open(out, readonly=True) as wf:
        w = wf.workshop()
        assert (w.start_time, w.language, w.paper_size) == ("08:30", "en-GB", "letter")
        assert (w.logo, w.logo_mime) == (b"\x89PNG-logo", "image/png")
    assert report.conflicts == []
    with WorkshopFile.open(b) as wf:  # both set a start time: the later one, listed
        wf.set_workshop_field("start_time", "09:15")
    report = merge_workshops(out=tmp_path / "again.workshop", inputs=[a, b])
    [conflict] = report.conflicts
    assert conflict.line().startswith(
        "the workshop's program details, Start time: kept the version from b.workshop ('09:15'"
    )
    assert "a.workshop had '08:30' (set " in conflict.line()


def test_not_checked_in_is_never_an_answer(rooms: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = rooms
    with WorkshopFile.open(a) as wf:  # A marks Bo absent
        bo = wf.roster.participant_by_email("bo.li@x.example")
        assert bo is not None
        wf.roster.set_attendance(bo.id, False)
    with WorkshopFile.open(b) as wf:  # later B ticks Bo in by mistake and clears it again
        wf.roster.set_attendance(bo.id, True)
        wf.roster.set_attendance(bo.id, None)
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[b, a])
    with WorkshopFile.open(out, readonly=True) as wf:
        assert wf.roster.participant(bo.id).present is False
    assert report.conflicts == []
    with WorkshopFile.open(out) as wf:  # but clearing it in a file that had the answer counts
        wf.roster.set_attendance(bo.id, None)
    report = merge_workshops(out=tmp_path / "cleared.workshop", inputs=[a, out])
    with WorkshopFile.open(tmp_path / "cleared.workshop", readonly=True) as wf:
        assert wf.roster.participant(bo.id).present is None


def test_two_imports_with_different_titles_are_a_conflict(tmp_path: Path) -> None:
    def imported(path: Path, title: str) -> Path:
        sheet = path.with_suffix(".csv")
        sheet.write_text("Role,Name,Email,Title,Pair Code\n"
                         f"Mentor,Ana Souza,ana@x.example,{title},P01\n"
                         "Mentee,Bo Li,bo@x.example,,P01\n", encoding="utf-8")  # fmt: skip
        with WorkshopFile.create(path, **LAUNCH) as wf:
            apply_import(wf, plan_import(wf, sheet))
        return path

    a = imported(tmp_path / "a.workshop", "Director")
    b = imported(tmp_path / "b.workshop", "Managing Director")
    report = merge_workshops(out=tmp_path / "all.workshop", inputs=[a, b])
    [conflict] = report.conflicts
    assert isinstance(conflict, Conflict) and (conflict.record, conflict.field) == (
        "Ana Souza <ana@x.example>", "title"
    )  # fmt: skip
    assert (conflict.kept, conflict.others[0].value) == ("'Managing Director'", "'Director'")


def test_the_report_names_fields_in_the_interface_language(
    rooms: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = rooms
    edit(a, "P01", purpose="Grow into a team lead")
    edit(b, "P01", purpose="Learn finance")
    with WorkshopFile.open(a) as wf:
        ana = wf.roster.participant_by_email(_email("Ana Souza"))
        assert ana is not None
        wf.roster.update_participant(ana.id, title="Head of Sales")
    set_interface_language("it")
    try:
        report = merge_workshops(out=tmp_path / "all.workshop", inputs=[a, b])
        text = report.text()
    finally:
        set_interface_language(SOURCE_LANGUAGE)
    [conflict] = report.conflicts
    assert isinstance(conflict, Conflict)
    assert conflict.field == "Finalità del rapporto di mentoring"
    assert ", Finalità del rapporto di mentoring: " in text
    assert ": qualifica da room-a.workshop" in text
