"""Closing a pairing (no fault), undoing it, Break pair refused for the program's record,
and the program's close-out with an outcome per goal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.core.follow_up_rows import add_checkin, add_contact, add_review
from workshop_app.core.errors import UserError
from workshop_app.core.followup import close_out, closing
from workshop_app.core.store.workshop_file import WorkshopFile

TODAY = date(2027, 4, 1)


@pytest.fixture
def wf(tmp_path: Path):
    with WorkshopFile.create(
        tmp_path / "p.workshop", program="Accelerate", organisation="Northwind", date="2027-01-19"
    ) as wf:
        for n in (1, 2, 3):
            a = wf.roster.add_participant(role="mentor", name=f"Mentor Person{n}",
                                          email=f"mentor{n}@x.example")  # fmt: skip
            b = wf.roster.add_participant(role="mentee", name=f"Mentee Person{n}",
                                          email=f"mentee{n}@x.example")  # fmt: skip
            wf.roster.make_pair(a.id, b.id)
        yield wf


def pair_id(wf: WorkshopFile, code: str) -> str:
    pair = wf.roster.pair_by_code(code)
    assert pair is not None
    return pair.id


def close(wf: WorkshopFile, code: str, **kw: object) -> closing.Closure:
    args: dict = {"closed_on": date(2027, 3, 3), "reason": "New role abroad",
                  "asked_by": "mentee", "rematched": False, "today": TODAY} | kw  # fmt: skip
    return closing.close_pairing(wf, pair_id(wf, code), **args)


def test_a_closed_pair_keeps_every_record_and_its_charter_is_read_only(wf: WorkshopFile) -> None:
    p = pair_id(wf, "P01")
    wf.charters.set_field(p, "purpose", "Grow into a lead role")
    wf.charters.sign(p, mentor="Mentor Person1", mentee="Mentee Person1")
    add_checkin(wf, p, comment="going well")
    add_contact(wf, p)
    c = close(wf, "P01")
    assert (c.kind, c.asked_by, c.rematched, c.closed_on) == ("no_fault", "mentee", False,
                                                              "2027-03-03")  # fmt: skip
    assert closing.describe(c) == (
        "Closed (no fault) on 3 March 2027, asked by the mentee, not re-matched: New role abroad"
    )
    message = "Pair P01 was closed on 3 March 2027; its charter is kept as it was."
    for write in (
        lambda: wf.charters.set_field(p, "purpose", "changed"),
        lambda: wf.charters.set_goal_part(p, 1, "goal", "a goal"),
        lambda: wf.charters.add_plan(p, scenario="Silence", plan="we call"),
        lambda: wf.charters.sign(p, mentor="A", mentee="B"),
        lambda: wf.charters.reopen(p),
    ):
        with pytest.raises(UserError) as exc:
            write()
        assert exc.value.message == message
    charter = wf.charters.charter(p)
    assert charter.value("purpose") == "Grow into a lead role" and charter.signed_version == 1
    counts = [wf.conn.execute(f"SELECT count(*) FROM {t} WHERE pair_id = ?", (p,)).fetchone()[0]
              for t in ("checkins", "contacts", "charter_versions", "closures")]  # fmt: skip
    assert counts == [1, 1, 1, 1]
    assert wf.roster.pair(p).code == "P01"


def test_a_plan_written_by_its_id_is_refused_on_a_closed_pair(wf: WorkshopFile) -> None:
    p = pair_id(wf, "P02")
    plan = wf.charters.add_plan(p, scenario="Silence", plan="we call")
    close(wf, "P02")
    with pytest.raises(UserError, match="Pair P02 was closed"):
        wf.charters.set_plan_part(plan.id, "plan", "we email")
    with pytest.raises(UserError, match="Pair P02 was closed"):
        wf.charters.remove_plan(plan.id)
    assert wf.charters.plans(p)[0].plan == "we call"


def test_a_closure_can_be_undone_while_the_program_is_open(wf: WorkshopFile) -> None:
    p = pair_id(wf, "P01")
    close(wf, "P01")
    closing.reopen_pairing(wf, p)
    assert closing.closure(wf.conn, p) is None
    wf.charters.set_field(p, "purpose", "Editable again")
    assert [e.field for e in wf.history(pair_id=p)][:2] == ["purpose", "*removed*"]
    with pytest.raises(UserError, match="Pair P01 is not closed"):
        closing.reopen_pairing(wf, p)


def test_closing_is_refused_with_one_line_for_what_cannot_be(wf: WorkshopFile) -> None:
    close(wf, "P01")
    cases = [
        (lambda: close(wf, "P01"), "Pair P01 was closed on 3 March 2027"),
        (lambda: close(wf, "P02", asked_by="hr"), "Who asked to close is the mentor"),
        (lambda: close(wf, "P02", closed_on=date(2027, 5, 1)), "2027-05-01 is ahead"),
        (lambda: close(wf, "P02", closed_on=date(2026, 5, 1)), "the workshop was after that"),
        (lambda: close(wf, "P02", reason="x" * 2001), "keep it under 2,000"),
        (lambda: closing.close_pairing(wf, "no-such-pair", closed_on=TODAY, reason="",
                                       asked_by="both", rematched=True, today=TODAY),
         "no longer in the workshop"),
    ]  # fmt: skip
    before = wf.change_mark()
    for attempt, words in cases:
        with pytest.raises(UserError, match=words):
            attempt()
    assert wf.change_mark() == before


def test_break_pair_is_refused_for_the_programs_record_and_allowed_for_a_draft(
    wf: WorkshopFile,
) -> None:
    p1, p2, p3 = (pair_id(wf, c) for c in ("P01", "P02", "P03"))
    wf.charters.sign(p1, mentor="M", mentee="E")
    add_checkin(wf, p2)
    add_checkin(wf, p2)
    add_review(wf, p2)
    with pytest.raises(UserError) as exc:
        wf.roster.break_pair(p1)
    assert exc.value.message == (
        "Pair P01 has a signed charter: the program's record, so it is not broken. "
        "Close this pairing instead."
    )
    with pytest.raises(UserError, match="Pair P02 has 2 check-ins and 1 review: "):
        wf.roster.break_pair(p2)
    assert closing.pair_records(wf.conn, p3) == []
    wf.roster.break_pair(p3)  # a draft charter only: breaking it loses nothing on record
    assert [p.code for p in wf.roster.pairs()] == ["P01", "P02"]


def test_the_close_out_completes_every_open_pair_with_its_goal_outcomes(wf: WorkshopFile) -> None:
    p1, p2, p3 = (pair_id(wf, c) for c in ("P01", "P02", "P03"))
    for p in (p1, p2):
        wf.charters.set_goal_part(p, 1, "goal", "Lead a project")
        wf.charters.set_goal_part(p, 2, "goal", "Present to the board")
    close(wf, "P03")
    asked = close_out.pairs_to_close(wf)
    assert [(t.code, t.goals, t.closed) for t in asked] == [
        ("P01", (1, 2), False), ("P02", (1, 2), False), ("P03", (), True)
    ]  # fmt: skip
    closed = close_out.close_program(
        wf,
        closed_on=date(2027, 12, 1),
        today=date(2027, 12, 2),
        outcomes={p1: ["met", "partly"], p2: ["not_met"]},
        retention_months=12,
    )
    assert closed == 2
    found = closing.closures(wf.conn)
    assert (found[p1].kind, found[p1].outcomes) == ("completed", ("met", "partly", ""))
    assert (found[p2].kind, found[p2].outcomes) == ("completed", ("not_met", "", ""))
    assert (found[p3].kind, found[p3].closed_on) == ("no_fault", "2027-03-03")
    w = wf.workshop()
    assert (w.program_closed_on, w.retention_months) == ("2027-12-01", 12)
    refusal = "The program was closed on 1 December 2027; the file is its record"
    for attempt in (
        lambda: closing.reopen_pairing(wf, p3),
        lambda: close(wf, "P01"),
        lambda: close_out.close_program(wf, closed_on=date(2027, 12, 1), today=date(2027, 12, 2),
                                        outcomes={}, retention_months=12),
    ):  # fmt: skip
        with pytest.raises(UserError, match=refusal):
            attempt()
    with pytest.raises(UserError, match="Pair P01 was closed on 1 December 2027"):
        wf.charters.set_field(p1, "purpose", "after the end")


def test_the_close_out_checks_what_it_is_given_and_changes_nothing(wf: WorkshopFile) -> None:
    p1 = pair_id(wf, "P01")
    before = wf.change_mark()
    cases = [
        ({"outcomes": {p1: ["great"]}}, "not 'great'"),
        ({"outcomes": {"gone": ["met"]}}, "1 pair in the close-out is no longer"),
        ({"retention_months": 121}, "0 to 120 whole months"),
        ({"closed_on": date(2026, 1, 1)}, "its workshop was on 2027-01-19"),
        ({"closed_on": date(2028, 1, 1)}, "is ahead"),
    ]
    for change, words in cases:
        args: dict = {"closed_on": date(2027, 12, 1), "today": date(2027, 12, 2),
                      "outcomes": {}, "retention_months": 6} | change  # fmt: skip
        with pytest.raises(UserError, match=words):
            close_out.close_program(wf, **args)
    assert wf.change_mark() == before and closing.closures(wf.conn) == {}


def test_retention_months_is_a_program_field_checked_when_set(wf: WorkshopFile) -> None:
    wf.set_workshop_field("retention_months", 24)
    assert wf.workshop().retention_months == 24
    with pytest.raises(UserError, match="0 to 120 whole months"):
        wf.set_workshop_field("retention_months", 500)


@pytest.fixture
def italian():
    from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language

    set_interface_language("it")
    yield
    set_interface_language(SOURCE_LANGUAGE)


def test_closing_speaks_the_interface_language_with_its_plurals(
    wf: WorkshopFile, italian: None
) -> None:
    """Refusals are shown to the person at the keyboard: in the interface language, whatever
    the workshop's, their dates too ("l'1 febbraio": the article joins the day)."""
    p1, p2, p3 = (pair_id(wf, c) for c in ("P01", "P02", "P03"))
    add_checkin(wf, p2)
    add_checkin(wf, p2)
    add_review(wf, p2)
    with pytest.raises(UserError) as exc:
        wf.roster.break_pair(p2)
    assert exc.value.message.startswith("La coppia P02 ha 2 check-in e 1 verifica: ")
    c = close(wf, "P01", closed_on=date(2027, 2, 1), asked_by="both", rematched=True)
    assert closing.describe(c) == (
        "Chiusa senza colpe l'1 febbraio 2027, su richiesta di entrambi, con nuovo "
        "abbinamento: New role abroad"
    )
    with pytest.raises(UserError) as exc:
        wf.charters.set_field(p1, "purpose", "changed")
    assert exc.value.message.startswith("La coppia P01 è stata chiusa l'1 febbraio 2027;")
    with pytest.raises(UserError) as exc:
        closing.reopen_pairing(wf, p3)
    assert exc.value.message == "La coppia P03 non è chiusa; non è stato modificato nulla."
    with pytest.raises(UserError) as exc:
        close(wf, "P03", reason="x" * 2001)
    assert exc.value.message == "Il motivo è lungo 2.001 caratteri; lo tenga sotto i 2.000."
    cases = [
        (["gone"], "1 coppia della chiusura del programma non è più"),
        (["gone", "lost"], "2 coppie della chiusura del programma non sono più"),
    ]
    for gone, words in cases:
        with pytest.raises(UserError, match=words):
            close_out.close_program(
                wf, closed_on=date(2027, 3, 8), today=TODAY, outcomes=dict.fromkeys(gone, ()),
                retention_months=6,
            )  # fmt: skip
    close_out.close_program(
        wf, closed_on=date(2027, 3, 8), today=TODAY, outcomes={}, retention_months=6
    )
    with pytest.raises(UserError) as exc:
        closing.reopen_pairing(wf, p1)
    assert exc.value.message == (
        "Il programma è stato chiuso l'8 marzo 2027; il file ne è l'archivio e le sue coppie "
        "restano come sono state chiuse. Non è stato modificato nulla."
    )
