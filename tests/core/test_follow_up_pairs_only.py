"""Recomputing some pairs' health (a log entry recomputes its own pair) says exactly what a
recomputation of the whole program says of them."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.follow_up_program import make_program
from workshop_app.core.content.library import load_library
from workshop_app.core.followup.board import board
from workshop_app.core.followup.contact_log import ContactLog
from workshop_app.core.followup.health import follow_up
from workshop_app.core.store.workshop_file import WorkshopFile

TODAY = date(2027, 5, 1)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def program(tmp_path):  # type: ignore[no-untyped-def]
    with WorkshopFile.open(make_program(tmp_path / "p.workshop", 40, today=TODAY)) as wf:
        yield wf


def test_each_pair_alone_is_as_the_whole_program_has_it(program, library):
    whole = follow_up(program, today=TODAY, library=library)
    assert any(p.reasons for p in whole.pairs) and any(p.closed for p in whole.pairs)
    for pair in whole.pairs:
        alone = follow_up(program, today=TODAY, library=library, pair_ids=[pair.pair_id])
        assert alone.pairs == (pair,)
    some = [p.pair_id for p in whole.pairs[3:9]]
    assert follow_up(program, today=TODAY, library=library, pair_ids=some).pairs == tuple(
        p for p in whole.pairs if p.pair_id in some
    )
    assert follow_up(program, today=TODAY, pair_ids=[]).pairs == ()


def test_a_log_entry_and_its_pair_recomputed_equal_a_full_recompute(program, library):
    before = follow_up(program, today=TODAY, library=library)
    quiet = next(p for p in before.pairs if any(r.kind == "cadence" for r in p.reasons))
    ContactLog(program).add(quiet.pair_id, on_date=TODAY, kind="meeting", today=TODAY)
    part = follow_up(program, today=TODAY, library=library, pair_ids=[quiet.pair_id])
    after = before.updated(part, [quiet.pair_id])
    whole = follow_up(program, today=TODAY, library=library)
    assert after == whole
    assert board(after) == board(whole) != board(before)
    assert after.pair(quiet.pair_id) != quiet


def test_a_pair_broken_meanwhile_leaves_the_follow_up(program):
    # A pair made after the launch, with no record yet: the only kind Break pair allows.
    mentor = program.roster.add_participant(role="mentor", name="Late Mentor", email="lm@x.example")
    mentee = program.roster.add_participant(role="mentee", name="Late Mentee", email="le@x.example")
    gone = program.roster.make_pair(mentor.id, mentee.id).id
    before = follow_up(program, today=TODAY)
    assert before.pair(gone) is not None
    program.roster.break_pair(gone)
    after = before.updated(follow_up(program, today=TODAY, pair_ids=[gone]), [gone])
    assert after == follow_up(program, today=TODAY)
    assert after.pair(gone) is None and len(after.pairs) == len(before.pairs) - 1
