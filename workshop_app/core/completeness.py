"""Which sections of a charter are filled in: the rule behind the badges and the board."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from workshop_app.core.charter_fields import (
    CONTENT_SECTIONS,
    GOALS_LIST,
    TROUBLESHOOTING_LIST,
)
from workshop_app.core.model import Goal, Plan

Status = Literal["complete", "partial", "empty"]


def _filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


def goal_complete(goal: Goal) -> bool:
    """A SMART goal counts once it says what, how we will know, and by when."""
    return all(_filled(v) for v in (goal.goal, goal.measure, goal.target_date))


def plan_complete(plan: Plan) -> bool:
    return _filled(plan.scenario) and _filled(plan.plan)


# Per section: its key and its fields as (name, required), worked out once.
_PLAN = tuple(
    (section.key, tuple((f.name, f.required) for f in section.fields))
    for section in CONTENT_SECTIONS
)


def section_status(
    values: Mapping[str, Any], goals: Sequence[Goal] = (), plans: Sequence[Plan] = ()
) -> dict[str, Status]:
    """For each section the pair fills in: complete, partial or empty.

    A section is complete when every required field is filled (goals: at least one complete
    SMART goal; troubleshooting: at least one plan with both halves), partial when something
    in it is filled, empty otherwise. This runs for every pair each time the list is drawn,
    so it is written for speed.
    """
    goals_done = any(goal_complete(g) for g in goals)
    goals_begun = any(_filled(g.goal) or _filled(g.measure) for g in goals)
    plans_done = any(plan_complete(p) for p in plans)
    plans_begun = any(_filled(p.scenario) or _filled(p.plan) for p in plans)
    status: dict[str, Status] = {}
    for key, fields in _PLAN:
        required_done = True
        started = False
        for name, required in fields:
            if name == GOALS_LIST:
                done, begun = goals_done, goals_begun
            elif name == TROUBLESHOOTING_LIST:
                done, begun = plans_done, plans_begun
            else:
                done = begun = _filled(values.get(name))
            started = started or begun
            if required and not done:
                required_done = False
        if key == "meetings" and values.get("meeting_frequency") == "custom":
            required_done = required_done and _filled(values.get("meeting_frequency_custom"))
        status[key] = "complete" if required_done else ("partial" if started else "empty")
    return status


def missing_sections(
    values: Mapping[str, Any], goals: Sequence[Goal] = (), plans: Sequence[Plan] = ()
) -> list[str]:
    """Keys of the sections still to fill in, in charter order."""
    return [k for k, s in section_status(values, goals, plans).items() if s != "complete"]
