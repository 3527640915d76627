"""Which sections of a charter are filled in: the rule behind the badges and the board."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from workshop_app.core.charter_fields import (
    CONTENT_SECTIONS,
    GOALS_LIST,
    TROUBLESHOOTING_LIST,
    CharterField,
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


def _field_state(
    field: CharterField, values: Mapping[str, Any], goals: Sequence[Goal], plans: Sequence[Plan]
) -> tuple[bool, bool]:
    """(complete, started) for one field."""
    if field.name == GOALS_LIST:
        return any(goal_complete(g) for g in goals), any(
            _filled(g.goal) or _filled(g.measure) for g in goals
        )
    if field.name == TROUBLESHOOTING_LIST:
        return any(plan_complete(p) for p in plans), any(
            _filled(p.scenario) or _filled(p.plan) for p in plans
        )
    filled = _filled(values.get(field.name))
    return filled, filled


def section_status(
    values: Mapping[str, Any], goals: Sequence[Goal] = (), plans: Sequence[Plan] = ()
) -> dict[str, Status]:
    """For each section the pair fills in: complete, partial or empty."""
    status: dict[str, Status] = {}
    for section in CONTENT_SECTIONS:
        required_done = True
        started = False
        for field in section.fields:
            done, begun = _field_state(field, values, goals, plans)
            started = started or begun
            if field.required and not done:
                required_done = False
        if values.get("meeting_frequency") == "custom" and section.key == "meetings":
            required_done = required_done and _filled(values.get("meeting_frequency_custom"))
        status[section.key] = "complete" if required_done else ("partial" if started else "empty")
    return status


def missing_sections(
    values: Mapping[str, Any], goals: Sequence[Goal] = (), plans: Sequence[Plan] = ()
) -> list[str]:
    """Keys of the sections still to fill in, in charter order."""
    return [k for k, s in section_status(values, goals, plans).items() if s != "complete"]
