"""The merge carries the records after the launch with their pairs: check-in forms,
check-ins (one per response, whichever rooms imported it), the log, reviews, closures (a
closure wins over "open"; two different closures are a conflict in the report) and the
program's close-out."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from tests.core.follow_up_rows import add_checkin, add_contact, add_review
from workshop_app.core.followup import close_out, closing
from workshop_app.core.merge.report import Conflict
from workshop_app.core.merge.rooms import merge_workshops
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import WorkshopFile

LAUNCH = {"program": "Accelerate", "organisation": "Northwind", "date": "2027-01-19"}
TODAY = date(2027, 4, 1)


def room(path: Path, people: list[tuple[str, str]]) -> Path:
    with WorkshopFile.create(path, **LAUNCH) as wf:
        for mentor, mentee in people:
            a = wf.roster.add_participant(role="mentor", name=mentor, email=_email(mentor))
            b = wf.roster.add_participant(role="mentee", name=mentee, email=_email(mentee))
            wf.roster.make_pair(a.id, b.id)
    return path


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@x.example"


def pair_of(wf: WorkshopFile, mentor: str) -> str:
    person = wf.roster.participant_by_email(_email(mentor))
    assert person is not None
    pairs = wf.roster.pairs_of(person.id)  # a closed one too
    assert len(pairs) == 1
    return pairs[0].id


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def add_form(wf: WorkshopFile, name: str) -> str:
    record = {"id": new_id(), "name": name, "source": "ms_forms", "signature": "id|start|p1",
              "mapping": '{"P1": "pair_code"}', "updated_at": utc_now()}  # fmt: skip
    with wf.transaction():
        wf.insert("checkin_forms", record)
        wf.audit("checkin_forms", record["id"], "*created*", None, record)
    return str(record["id"])


def test_follow_up_records_travel_with_their_renumbered_pairs(tmp_path: Path) -> None:
    """Two rooms made their files apart: both pairs are P01, so the second becomes P01-2; its
    check-ins, log, review and closure go with it."""
    a = room(tmp_path / "a.workshop", [("Ana Souza", "Bo Li")])
    b = room(tmp_path / "b.workshop", [("Cy Doe", "Di Roe")])
    with WorkshopFile.open(a) as wf:
        p = pair_of(wf, "Ana Souza")
        form = add_form(wf, "Day 30 check-in")
        add_checkin(wf, p, form_id=form, response_key="ms_forms:f:1")
        add_review(wf, p, checkpoint_day=30)
    with WorkshopFile.open(b) as wf:
        p = pair_of(wf, "Cy Doe")
        checkin = add_checkin(wf, p, response_key="ms_forms:f:2", comment="=HYPERLINK(1)")
        add_contact(wf, p, kind="checkin", checkin_id=checkin, on_date="2027-02-20")
        add_contact(wf, p, kind="concern", text="Di is worried", on_date="2027-03-01")
        closing.close_pairing(wf, p, closed_on=date(2027, 3, 3), reason="Moved abroad",
                              asked_by="mentee", rematched=False, today=TODAY)  # fmt: skip
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    by_code = dict(rows(out, "SELECT p.code, m.email FROM pairs p JOIN participants m"
                             " ON m.id = p.mentor_id"))  # fmt: skip
    assert by_code == {"P01": _email("Ana Souza"), "P01-2": _email("Cy Doe")}
    per_pair = rows(
        out,
        """
        SELECT p.code, (SELECT count(*) FROM checkins c WHERE c.pair_id = p.id),
               (SELECT count(*) FROM contacts c WHERE c.pair_id = p.id),
               (SELECT count(*) FROM reviews r WHERE r.pair_id = p.id),
               (SELECT kind || ':' || reason FROM closures c WHERE c.pair_id = p.id)
        FROM pairs p ORDER BY p.code""",
    )
    assert per_pair == [("P01", 1, 0, 1, None), ("P01-2", 1, 2, 0, "no_fault:Moved abroad")]
    assert rows(out, "SELECT name FROM checkin_forms") == [("Day 30 check-in",)]
    assert rows(out, "SELECT count(*) FROM checkins WHERE form_id IS NOT NULL") == [(1,)]
    assert report.counts["checkins"] == 2 and report.counts["closures"] == 1
    with WorkshopFile.open(out) as wf:  # the closed pair's charter is read-only in OUT too
        p = pair_of(wf, "Cy Doe")
        assert closing.closed_refusal(wf.conn, p) == (
            "Pair P01-2 was closed on 3 March 2027; its charter is kept as it was."
        )


def test_the_same_check_in_imported_in_two_rooms_counts_once(tmp_path: Path) -> None:
    base = room(tmp_path / "base.workshop", [("Ana Souza", "Bo Li"), ("Cy Doe", "Di Roe")])
    a, b = tmp_path / "a.workshop", tmp_path / "b.workshop"
    shutil.copy(base, a)
    shutil.copy(base, b)
    for path in (a, b):  # each room imported the same export: new ids, the same response
        with WorkshopFile.open(path) as wf:
            p = pair_of(wf, "Ana Souza")
            form = add_form(wf, "Check-in")
            checkin = add_checkin(wf, p, form_id=form, response_key="ms_forms:f:7")
            add_contact(wf, p, kind="checkin", checkin_id=checkin, on_date="2027-02-20")
            add_contact(wf, p, kind="meeting", checkin_id=checkin, on_date="2027-02-18")
    with WorkshopFile.open(b) as wf:
        add_review(wf, pair_of(wf, "Cy Doe"))
    out = tmp_path / "ab.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    assert rows(out, "SELECT count(*) FROM checkins") == [(1,)]
    assert rows(out, "SELECT kind FROM contacts ORDER BY kind") == [("checkin",), ("meeting",)]
    assert rows(out, "SELECT count(*) FROM checkin_forms") == [(1,)]
    assert rows(out, "SELECT count(*) FROM reviews") == [(1,)]
    assert report.conflicts == []
    again = tmp_path / "again.workshop"
    merge_workshops(out=again, inputs=[out, a, b])  # merging a merge again adds nothing
    assert rows(again, "SELECT count(*) FROM checkins") == [(1,)]
    assert rows(again, "SELECT count(*) FROM contacts") == [(2,)]


def test_a_closure_wins_over_open_and_two_closures_are_a_conflict(tmp_path: Path) -> None:
    base = room(tmp_path / "base.workshop", [("Ana Souza", "Bo Li"), ("Cy Doe", "Di Roe")])
    a, b = tmp_path / "a.workshop", tmp_path / "b.workshop"
    shutil.copy(base, a)
    shutil.copy(base, b)
    with WorkshopFile.open(a) as wf:
        closing.close_pairing(wf, pair_of(wf, "Ana Souza"), closed_on=date(2027, 3, 3),
                              reason="Moved abroad", asked_by="mentee", rematched=False,
                              today=TODAY)  # fmt: skip
        closing.close_pairing(wf, pair_of(wf, "Cy Doe"), closed_on=date(2027, 3, 1),
                              reason="Not a fit", asked_by="both", rematched=True,
                              today=TODAY)  # fmt: skip
    with WorkshopFile.open(b) as wf:
        closing.close_pairing(wf, pair_of(wf, "Cy Doe"), closed_on=date(2027, 3, 10),
                              reason="Mentor left", asked_by="program", rematched=False,
                              today=TODAY)  # fmt: skip
    out = tmp_path / "ab.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    closed = rows(
        out,
        "SELECT p.code, c.closed_on, c.reason, c.asked_by, c.rematched"
        " FROM closures c JOIN pairs p ON p.id = c.pair_id ORDER BY p.code",
    )
    assert closed[0] == ("P01", "2027-03-03", "Moved abroad", "mentee", 0)
    # Never half of each room's closure: the one made last is kept whole, and reported.
    assert closed[1] == ("P02", "2027-03-10", "Mentor left", "program", 0)
    conflicts = [c for c in report.conflicts if isinstance(c, Conflict)]
    assert len(conflicts) == 1
    line = conflicts[0].line()
    assert "closure of pair P02" in line and "Mentor left" in line and "Not a fit" in line


def test_the_close_out_and_the_retention_months_are_merged(tmp_path: Path) -> None:
    base = room(tmp_path / "base.workshop", [("Ana Souza", "Bo Li")])
    a, b = tmp_path / "a.workshop", tmp_path / "b.workshop"
    shutil.copy(base, a)
    shutil.copy(base, b)
    with WorkshopFile.open(a) as wf:
        p = pair_of(wf, "Ana Souza")
        wf.charters.set_goal_part(p, 1, "goal", "Lead a project")
        close_out.close_program(wf, closed_on=date(2027, 12, 1), today=date(2027, 12, 1),
                                outcomes={p: ["met"]}, retention_months=6)  # fmt: skip
    out = tmp_path / "ab.workshop"
    merge_workshops(out=out, inputs=[b, a])
    assert rows(out, "SELECT program_closed_on, retention_months FROM workshop") == [
        ("2027-12-01", 6)
    ]
    assert rows(out, "SELECT kind, goal1_outcome FROM closures") == [("completed", "met")]


def test_a_check_in_comment_is_never_shown_in_the_report(tmp_path: Path) -> None:
    a = room(tmp_path / "a.workshop", [("Ana Souza", "Bo Li")])
    b = tmp_path / "b.workshop"
    shutil.copy(a, b)
    ids = {}
    for path, words in ((a, "My mentor is never there"), (b, "Fine really")):
        with WorkshopFile.open(path) as wf:
            key = ids.setdefault("checkin", new_id())
            add_checkin(wf, pair_of(wf, "Ana Souza"), id=key, response_key="k", comment=words)
    report = merge_workshops(out=tmp_path / "ab.workshop", inputs=[a, b])
    text = report.text()
    assert "never there" not in text and "Fine really" not in text
    assert "(private, not shown)" in text
