"""Every write of the charter store on a pair that is no longer in the workshop (broken in
this window while another page still showed it) is refused the same way: one clear
`UserError`, nothing written, never an IntegrityError or a TypeError."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workshop_app.core.charters.store import CharterStore
from workshop_app.core.errors import UserError
from workshop_app.core.roster.store import PAIR_GONE
from workshop_app.core.store.workshop_file import WorkshopFile

# Each public method that writes, called on a pair id that is gone.
WRITES: dict[str, Callable[[CharterStore, str], Any]] = {
    "create_empty": lambda store, pair: store.create_empty(pair, at="2027-01-19T09:00:00Z"),
    "set_field": lambda store, pair: store.set_field(pair, "purpose", "Grow"),
    "set_goal_part": lambda store, pair: store.set_goal_part(pair, 1, "goal", "Lead"),
    "remove_goal": lambda store, pair: store.remove_goal(pair, 1),
    "add_plan": lambda store, pair: store.add_plan(pair, scenario="If", plan="Then"),
    "sign": lambda store, pair: store.sign(pair, mentor="Ana", mentee="Bo"),
    "reopen": lambda store, pair: store.reopen(pair),
}
# Methods that take a plan's id, not a pair's: a plan goes with its pair.
PLAN_WRITES = {"set_plan_part", "remove_plan"}
READS = {"forget", "invalidate", "charter", "goals", "plans", "signoffs", "overview",
         "snapshot", "signed_snapshot"}  # fmt: skip


@pytest.fixture
def gone(tmp_path: Path) -> tuple[WorkshopFile, str]:
    wf = WorkshopFile.create(tmp_path / "w.workshop", program="Accelerate",
                             organisation="Northwind", date="2027-01-19")  # fmt: skip
    ana = wf.roster.add_participant(role="mentor", name="Ana", email="ana@x.example")
    bo = wf.roster.add_participant(role="mentee", name="Bo", email="bo@x.example")
    pair = wf.roster.make_pair(ana.id, bo.id)
    wf.charters.set_goal_part(pair.id, 1, "goal", "Lead a meeting")
    wf.roster.break_pair(pair.id)
    return wf, pair.id


def test_every_public_method_is_listed_here() -> None:
    public = {n for n, _ in inspect.getmembers(CharterStore, inspect.isfunction)
              if not n.startswith("_")}  # fmt: skip
    assert public == set(WRITES) | PLAN_WRITES | READS


@pytest.mark.parametrize("method", list(WRITES))
def test_a_write_on_a_pair_that_is_gone_is_one_clear_refusal(
    gone: tuple[WorkshopFile, str], method: str
) -> None:
    wf, pair_id = gone
    with wf:
        before = wf.conn.execute("SELECT count(*) FROM audit").fetchone()
        with pytest.raises(UserError) as raised:
            WRITES[method](wf.charters, pair_id)
        assert raised.value.message == PAIR_GONE
        assert "\n" not in raised.value.message
        assert wf.conn.execute("SELECT count(*) FROM audit").fetchone() == before
        for table in ("charters", "goals", "plans", "charter_versions", "signoffs"):
            assert wf.conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)


def test_reading_a_pair_that_is_gone_says_the_same(gone: tuple[WorkshopFile, str]) -> None:
    wf, pair_id = gone
    with wf, pytest.raises(UserError, match=PAIR_GONE.replace(".", r"\.")):
        wf.charters.charter(pair_id)
