"""Follow-up records for tests, made as a person makes them: a charter agreed through the
charter store, and check-ins and log entries as the check-in import and the contact log write
them (the same rows: a check-in, its `checkin` log entry, and a `meeting` entry for the last
meeting it reports)."""

from __future__ import annotations

from datetime import date
from typing import Any

from workshop_app.core.model import Pair
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import WorkshopFile


def agreed_pair(
    wf: WorkshopFile,
    n: int,
    *,
    frequency: str = "biweekly",
    custom: str = "",
    first_meeting: str = "2027-02-01T09:00",
    review_days: str = "30, 90, 180",
    baselines: tuple[str, ...] = ("2",),
    plans: tuple[tuple[str, str, str], ...] = (),
    private_goal: int | None = None,
) -> Pair:
    mentor = wf.roster.add_participant(
        role="mentor", name=f"Mentor {n}", email=f"mentor{n}@example.org"
    )
    mentee = wf.roster.add_participant(
        role="mentee", name=f"Mentee {n}", email=f"mentee{n}@example.org"
    )
    pair = wf.roster.make_pair(mentor.id, mentee.id)
    wf.charters.set_field(pair.id, "meeting_frequency", frequency)
    wf.charters.set_field(pair.id, "meeting_frequency_custom", custom)
    wf.charters.set_field(pair.id, "first_meeting", first_meeting)
    wf.charters.set_field(pair.id, "review_days", review_days)
    for position, baseline in enumerate(baselines, start=1):
        wf.charters.set_goal_part(pair.id, position, "goal", f"Secret goal words {position}")
        wf.charters.set_goal_part(pair.id, position, "baseline", baseline)
        if position == private_goal:
            wf.charters.set_goal_part(pair.id, position, "private", True)
    for exercise_id, scenario, plan in plans:
        wf.charters.add_plan(pair.id, scenario=scenario, plan=plan, exercise_id=exercise_id)
    return pair


def log(wf: WorkshopFile, pair: Pair, on: str, kind: str, who: str = "", text: str = "") -> None:
    """One entry of the contact and meeting log, as the coordinator records it."""
    row = {
        "id": new_id(),
        "pair_id": pair.id,
        "on_date": on,
        "kind": kind,
        "who": who,
        "text": text,
        "checkin_id": None,
        "updated_at": utc_now(),
    }
    with wf.transaction():
        wf.insert("contacts", row)
        wf.audit("contacts", row["id"], "*created*", None, kind, pair_id=pair.id)


def checkin(
    wf: WorkshopFile,
    pair: Pair,
    role: str,
    submitted: str,
    *,
    day: int | None = None,
    **answers: Any,
) -> None:
    """One check-in response as the import writes it, with its log entries."""
    checkin_id = new_id()
    now = utc_now()
    row = {
        "id": checkin_id,
        "pair_id": pair.id,
        "role": role,
        "response_key": f"test:{new_id()}",
        "submitted_at": f"{submitted}T10:00:00+00:00",
        "checkpoint_day": day,
        "meetings_held": None,
        "last_meeting": "",
        "goal1_progress": None,
        "goal2_progress": None,
        "goal3_progress": None,
        "fit": "",
        "satisfaction": None,
        "wants_help": None,
        "comment": "",
        "updated_at": now,
        **answers,
    }
    with wf.transaction():
        wf.insert("checkins", row)
        wf.audit("checkins", checkin_id, "*created*", None, row["response_key"], pair_id=pair.id)
        entries = [(submitted, "checkin", role, f"{role} checked in")]
        last = row["last_meeting"]
        logged = wf.conn.execute(
            "SELECT 1 FROM contacts WHERE pair_id = ? AND kind = 'meeting' AND on_date = ?",
            (pair.id, last),
        ).fetchone()
        if last and not logged:
            entries.append((last, "meeting", "both", ""))
        for on, kind, who, text in entries:
            wf.insert(
                "contacts",
                {
                    "id": new_id(),
                    "pair_id": pair.id,
                    "on_date": on,
                    "kind": kind,
                    "who": who,
                    "text": text,
                    "checkin_id": checkin_id,
                    "updated_at": now,
                },
            )


def review(wf: WorkshopFile, pair: Pair, day: int, held_on: str, **progress: Any) -> None:
    row = {
        "id": new_id(),
        "pair_id": pair.id,
        "checkpoint_day": day,
        "held_on": held_on,
        "cadence_kept": "yes",
        "goal1_progress": None,
        "goal2_progress": None,
        "goal3_progress": None,
        "plans_used": "",
        "changes": "",
        "charter_version": None,
        "updated_at": utc_now(),
        **progress,
    }
    with wf.transaction():
        wf.insert("reviews", row)
        wf.audit("reviews", row["id"], "*created*", None, str(day), pair_id=pair.id)


def close(wf: WorkshopFile, pair: Pair, closed_on: str, reason: str) -> None:
    row = {
        "id": new_id(),
        "pair_id": pair.id,
        "closed_on": closed_on,
        "kind": "no_fault",
        "reason": reason,
        "asked_by": "mentee",
        "rematched": 0,
        "updated_at": utc_now(),
    }
    with wf.transaction():
        wf.insert("closures", row)
        wf.audit("closures", row["id"], "*created*", None, reason, pair_id=pair.id)


def day(text: str) -> date:
    return date.fromisoformat(text)
