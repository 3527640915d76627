"""Re-matching after a no-fault closure: a person is in at most one open pair; once their pair
is closed they can be paired again (Roster page, roster import), the closed pair keeps every
record, and its closure then says re-matched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.core.follow_up_rows import add_checkin
from workshop_app.core.errors import UserError
from workshop_app.core.exports.json_document import json_document
from workshop_app.core.exports.tables import read_export_data
from workshop_app.core.followup import close_out, closing
from workshop_app.core.followup.health import follow_up
from workshop_app.core.merge.rooms import merge_workshops
from workshop_app.core.model import pair_by_person
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

TODAY = date(2027, 4, 1)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSHOP_APP_DATA_DIR", str(tmp_path / "appdata"))


@pytest.fixture
def wf(tmp_path: Path):
    with WorkshopFile.create(
        tmp_path / "p.workshop", program="Accelerate", organisation="Northwind", date="2027-01-19"
    ) as wf:
        for n in (1, 2):
            a = wf.roster.add_participant(role="mentor", name=f"Mentor Person{n}",
                                          email=f"mentor{n}@x.example")  # fmt: skip
            b = wf.roster.add_participant(role="mentee", name=f"Mentee Person{n}",
                                          email=f"mentee{n}@x.example")  # fmt: skip
            wf.roster.make_pair(a.id, b.id)
        wf.roster.add_participant(role="mentor", name="New Mentor", email="new@x.example")
        yield wf


def person(wf: WorkshopFile, email: str) -> str:
    found = wf.roster.participant_by_email(email)
    assert found is not None
    return found.id


def close(wf: WorkshopFile, code: str) -> str:
    pair = wf.roster.pair_by_code(code)
    assert pair is not None
    closing.close_pairing(wf, pair.id, closed_on=date(2027, 3, 3), reason="New role abroad",
                          asked_by="mentor", rematched=False, today=TODAY)  # fmt: skip
    return pair.id


def test_a_partner_of_a_closed_pair_is_paired_again_and_the_closure_says_re_matched(
    wf: WorkshopFile,
) -> None:
    old = close(wf, "P01")
    add_checkin(wf, old, comment="before the closure")
    mentee = person(wf, "mentee1@x.example")
    new = wf.roster.make_pair(person(wf, "new@x.example"), mentee)
    assert new.code == "P03" and not new.closed_on
    assert wf.roster.pair_of(mentee) == new  # the open one
    assert [p.code for p in wf.roster.pairs_of(mentee)] == ["P01", "P03"]
    assert wf.roster.pair(old).closed_on == "2027-03-03"
    found = closing.closure(wf.conn, old)
    assert found is not None and found.rematched  # made so by the new pair, without asking
    assert wf.conn.execute(
        "SELECT new_value FROM audit WHERE table_name = 'closures' AND field = 'rematched'"
    ).fetchall() == [("1",)]
    assert wf.conn.execute(
        "SELECT count(*) FROM checkins WHERE pair_id = ?", (old,)
    ).fetchone() == (1,)
    assert closing.closed_refusal(wf.conn, old) is not None  # the old charter stays read-only
    assert closing.closed_refusal(wf.conn, new.id) is None
    wf.charters.set_field(new.id, "purpose", "Lead the Q3 review")


def test_a_person_in_an_open_pair_is_still_refused_naming_that_pair(wf: WorkshopFile) -> None:
    close(wf, "P01")
    wf.roster.make_pair(person(wf, "new@x.example"), person(wf, "mentee1@x.example"))
    with pytest.raises(UserError, match="Mentee Person1 is already in pair P03"):
        wf.roster.make_pair(person(wf, "mentor1@x.example"), person(wf, "mentee1@x.example"))
    with pytest.raises(UserError, match="Mentee Person2 is already in pair P02"):
        wf.roster.make_pair(person(wf, "mentor1@x.example"), person(wf, "mentee2@x.example"))


def test_the_same_two_people_are_not_paired_again_but_their_pair_reopened(
    wf: WorkshopFile,
) -> None:
    close(wf, "P01")
    with pytest.raises(UserError) as caught:
        wf.roster.make_pair(person(wf, "mentor1@x.example"), person(wf, "mentee1@x.example"))
    assert caught.value.message == (
        "Mentor Person1 and Mentee Person1 were pair P01; reopen that pairing instead of "
        "making a new one."
    )
    assert len(wf.roster.pairs()) == 2


def test_a_closure_whose_partner_was_re_matched_cannot_be_undone(wf: WorkshopFile) -> None:
    old = close(wf, "P01")
    new = wf.roster.make_pair(person(wf, "new@x.example"), person(wf, "mentee1@x.example"))
    with pytest.raises(UserError) as caught:
        closing.reopen_pairing(wf, old)
    assert caught.value.message == (
        "Pair P01 cannot be reopened: Mentee Person1 is now in pair P03. Nothing was changed."
    )
    assert wf.roster.pair(old).closed_on == "2027-03-03"
    wf.roster.break_pair(new.id)  # a new pair with nothing in it yet can go again
    closing.reopen_pairing(wf, old)
    assert wf.roster.pair(old).closed_on == ""


def test_the_close_out_completes_the_new_pair_and_keeps_the_first_closure(
    wf: WorkshopFile,
) -> None:
    old = close(wf, "P01")
    new = wf.roster.make_pair(person(wf, "new@x.example"), person(wf, "mentee1@x.example"))
    close_out.close_program(wf, closed_on=date(2027, 12, 1), today=date(2027, 12, 2),
                            outcomes={}, retention_months=12)  # fmt: skip
    found = closing.closures(wf.conn)
    assert (found[old].kind, found[old].closed_on) == ("no_fault", "2027-03-03")
    assert (found[new.id].kind, wf.roster.pair(new.id).closed_on) == ("completed", "2027-12-01")


def test_a_roster_import_re_matches_a_closed_pairs_partner_and_keeps_the_old_pair(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    old = close(wf, "P01")
    roster = tmp_path / "pairs.csv"
    header = "Mentor Name,Mentor Email,Mentee Name,Mentee Email\n"
    roster.write_text(  # the launch's roster again: the closed pair is that row, nothing new
        header + "Mentor Person1,mentor1@x.example,Mentee Person1,mentee1@x.example\n",
        encoding="utf-8",
    )
    plan = plan_import(wf, roster)
    assert [str(p) for p in plan.problems] == [] and plan.existing_pairs == 1
    assert apply_import(wf, plan).pairs_made == 0
    roster.write_text(
        header + "New Mentor,new@x.example,Mentee Person1,mentee1@x.example\n", encoding="utf-8"
    )
    plan = plan_import(wf, roster)
    assert [str(p) for p in plan.problems] == []
    assert apply_import(wf, plan).pairs_made == 1
    mentee = person(wf, "mentee1@x.example")
    assert [p.code for p in wf.roster.pairs_of(mentee)] == ["P01", "P03"]
    found = closing.closure(wf.conn, old)
    assert found is not None and found.rematched
    # and the mentee is now in an open pair: another new mentor for them is refused by row
    roster.write_text(
        header + "Mentor Person2,mentor2@x.example,Mentee Person1,mentee1@x.example\n",
        encoding="utf-8",
    )
    plan = plan_import(wf, roster)
    assert any("Mentee Person1 is already in pair P03" in str(p) for p in plan.problems)


def test_every_reader_tells_a_re_matched_persons_two_pairs_apart(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    old = close(wf, "P01")
    mentee = person(wf, "mentee1@x.example")
    new = wf.roster.make_pair(person(wf, "new@x.example"), mentee)
    data = read_export_data(wf, include_confidential=False)
    assert data.pair_code_of[mentee] == "P03"  # their open pair
    assert data.pair_code_of[person(wf, "mentor1@x.example")] == "P01"  # only the closed one
    document = json_document(data)
    assert [(p["code"], p["id"], p["mentee"]["email"]) for p in document["pairs"]] == [
        ("P01", old, "mentee1@x.example"),
        ("P02", document["pairs"][1]["id"], "mentee2@x.example"),
        ("P03", new.id, "mentee1@x.example"),
    ]
    assert document["pairs"][0]["closure"]["rematched"] in (1, True)
    assert document["pairs"][2]["closure"] is None
    fu = follow_up(wf, today=TODAY)
    assert {h.code: h.closed for h in fu.pairs} == {"P01": True, "P02": False, "P03": False}
    assert pair_by_person(wf.roster.pairs())[mentee].id == new.id


def test_a_merge_keeps_the_closed_pair_and_the_re_match(tmp_path: Path) -> None:
    path = tmp_path / "room.workshop"
    with WorkshopFile.create(path, program="A", organisation="N", date="2027-01-19") as room:
        a = room.roster.add_participant(role="mentor", name="Ana Souza", email="a@x.example")
        b = room.roster.add_participant(role="mentee", name="Bo Li", email="b@x.example")
        c = room.roster.add_participant(role="mentor", name="Cy Doe", email="c@x.example")
        first = room.roster.make_pair(a.id, b.id)
        closing.close_pairing(room, first.id, closed_on=date(2027, 3, 3), reason="",
                              asked_by="mentee", rematched=False, today=TODAY)  # fmt: skip
        room.roster.make_pair(c.id, b.id)
    out = tmp_path / "all.workshop"
    merge_workshops(out=out, inputs=[path])
    with WorkshopFile.open(out) as merged:
        assert [(p.code, p.closed_on) for p in merged.roster.pairs()] == [
            ("P01", "2027-03-03"),
            ("P02", ""),
        ]
        found = closing.closure(merged.conn, first.id)
        assert found is not None and found.rematched
