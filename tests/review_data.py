"""Workshops for the review tests: pairs with complete charters, signed or not, and closures."""

from __future__ import annotations

from workshop_app.core.demo import FULL
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import WorkshopFile


def charter_pair(
    wf: WorkshopFile,
    mentor: str = "Ana Souza",
    mentee: str = "Bo Li",
    *,
    goals: tuple[str, ...] = ("Lead the weekly planning", "Present to the board"),
    sign: bool = True,
    review_days: str = "30, 90, 180",
) -> str:
    """A pair whose charter is complete (first meeting 1 February 2027, every two weeks), with
    `goals` (baselines 2, 1, 3) and two plans; signed as version 1 if `sign`."""
    a = wf.roster.add_participant(role="mentor", name=mentor, email=f"{new_id()}@x.example")
    b = wf.roster.add_participant(role="mentee", name=mentee, email=f"{new_id()}@x.example")
    pair_id = wf.roster.make_pair(a.id, b.id).id
    for name, value in FULL.items():
        wf.charters.set_field(pair_id, name, value)
    wf.charters.set_field(pair_id, "meeting_frequency", "biweekly")
    wf.charters.set_field(pair_id, "first_meeting", "2027-02-01T10:00")
    wf.charters.set_field(pair_id, "review_days", review_days)
    for n, (words, baseline) in enumerate(zip(goals, ("2", "1", "3"), strict=False), 1):
        wf.charters.set_goal_part(pair_id, n, "goal", words)
        wf.charters.set_goal_part(pair_id, n, "measure", f"Measure of goal {n}")
        wf.charters.set_goal_part(pair_id, n, "target_date", "2027-06-30")
        wf.charters.set_goal_part(pair_id, n, "baseline", baseline)
    wf.charters.add_plan(pair_id, scenario="one of us goes quiet", plan="we call within a week")
    wf.charters.add_plan(pair_id, scenario="we both get busy", plan="we move the slot")
    if sign:
        wf.charters.sign(pair_id, mentor=mentor, mentee=mentee, signed_at="2027-01-19T16:05")
    return pair_id


def close(wf: WorkshopFile, pair_id: str) -> None:
    """A no-fault closure, written as the closing helper's store will."""
    with wf.transaction():
        wf.insert(
            "closures",
            {
                "id": new_id(),
                "pair_id": pair_id,
                "closed_on": "2027-03-01",
                "kind": "no_fault",
                "updated_at": utc_now(),
            },
        )
