"""A big program after its launch, for the follow-up benchmarks and tests.

`make_program(path, pairs=2000, today=...)` writes a workshop launched 105 days before `today`:
every pair with a signed charter (cadences weekly, every two weeks, monthly and custom; review
days 30, 90, 180; goals with baselines; troubleshooting plans from the library's cards), and the
records a program has by then, about ten a pair: both partners' check-ins at the checkpoints
reached with the log entries an import writes for them, meetings the coordinator logged,
cancellations, concerns, reviews and closures. One pair in twenty is each of: gone quiet, asking
for help, not a fit, closed, cancelling, stalled, never heard from, reviewed.

The rows are written as the app writes them (same columns, one transaction, an audit row for
each) but in bulk, so 2,000 pairs take seconds rather than the minutes of typing them in.

    python benchmarks/follow_up_program.py OUT.workshop [PAIRS]
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import WorkshopFile

LAUNCH_DAYS_AGO = 105
# (meeting_frequency, custom words, days between meetings)
CADENCES = (
    ("weekly", "", 7),
    ("biweekly", "", 14),
    ("monthly", "", 30),
    ("custom", "every 3 weeks", 21),
)
PLANS = (
    ("scenario-partner-goes-silent", "One of us goes quiet for two weeks",
     "the other sends one short message, then calls; after a month we tell the coordinator."),
    ("scenario-repeated-cancellations", "We cancel twice in a row",
     "we book the next three dates there and then, and keep them even if shorter."),
    ("scenario-stalled-goals", "A goal stops moving",
     "we break it into one step we can take before the next meeting."),
)  # fmt: skip
# What the pair does, by its number modulo 20: anything else is a pair meeting as agreed.
QUIET, HELP, NOT_A_FIT, CLOSED, CANCELLING, STALLED, SILENT, REVIEWED = range(12, 20)


def make_program(path: Path | str, pairs: int = 2000, *, today: date) -> Path:
    """Write the program to `path` (which must not exist) and return the path."""
    path = Path(path)
    launch = today - timedelta(days=LAUNCH_DAYS_AGO)
    with WorkshopFile.create(
        path,
        program="Bench Mentoring Program",
        organisation="Bench Co",
        date=launch.isoformat(),
        coordinator="Sam Coordinator",
        support_contacts="Sam Coordinator, program coordinator: sam@bench.example",
        program_length_months=9,
    ) as wf:
        rows: dict[str, list[dict[str, Any]]] = {
            t: []
            for t in (
                "participants", "pairs", "charters", "goals", "plans", "signoffs",
                "checkins", "contacts", "reviews", "closures",
            )
        }  # fmt: skip
        now = utc_now()
        for i in range(pairs):
            _pair(rows, i, launch=launch, today=today, now=now)
        with wf.transaction():
            for table, records in rows.items():
                wf.insert_all(table, records)
            wf.audit_many(
                (
                    (table, r["id"], "*created*", None, r.get("code", ""), r.get("pair_id"))
                    for table, records in rows.items()
                    for r in records
                ),
                at=now,
            )
    return path


def _pair(
    rows: dict[str, list[dict[str, Any]]], i: int, *, launch: date, today: date, now: str
) -> None:
    n = i + 1
    kind = i % 20
    mentor, mentee, pair_id = new_id(), new_id(), new_id()
    for pid, role, name in ((mentor, "mentor", "Mentor"), (mentee, "mentee", "Mentee")):
        rows["participants"].append(
            {
                "id": pid,
                "role": role,
                "name": f"{name} Number{n}",
                "email": f"{role}{n}@bench.example",
                "updated_at": now,
            }
        )
    rows["pairs"].append(
        {"id": pair_id, "code": f"P{n:02d}", "mentor_id": mentor, "mentee_id": mentee,
         "updated_at": now}
    )  # fmt: skip
    frequency, custom, interval = CADENCES[i % len(CADENCES)]
    first = launch + timedelta(days=7 + i % 7)
    rows["charters"].append(
        {
            "id": new_id(),
            "pair_id": pair_id,
            "version": 1,
            "purpose": f"Pair {n}'s purpose",
            "meeting_frequency": frequency,
            "meeting_frequency_custom": custom,
            "meeting_minutes": 60,
            "first_meeting": f"{first.isoformat()}T09:00",
            "review_days": "30, 90, 180",
            "updated_at": now,
        }
    )
    for position in (1, 2):
        rows["goals"].append(
            {
                "id": new_id(),
                "pair_id": pair_id,
                "position": position,
                "goal": f"Goal {position} of pair {n}",
                "measure": "Measured",
                "baseline": str(2 + position % 2),
                "private": int(position == 2 and i % 3 == 0),
                "updated_at": now,
            }
        )
    for position, (exercise_id, scenario, plan) in enumerate(PLANS, start=1):
        rows["plans"].append(
            {
                "id": new_id(),
                "pair_id": pair_id,
                "position": position,
                "scenario": scenario,
                "plan": plan,
                "exercise_id": exercise_id,
                "updated_at": now,
            }
        )
    signed_at = f"{launch.isoformat()}T16:00:00+00:00"
    for role, name in (("mentor", f"Mentor Number{n}"), ("mentee", f"Mentee Number{n}")):
        rows["signoffs"].append(
            {
                "id": new_id(),
                "pair_id": pair_id,
                "version": 1,
                "role": role,
                "name": name,
                "signed_at": signed_at,
                "updated_at": now,
            }
        )
    if kind == SILENT:
        return

    def contact(on: date, what: str, who: str = "", text: str = "", checkin: str | None = None
                ) -> None:  # fmt: skip
        rows["contacts"].append(
            {
                "id": new_id(),
                "pair_id": pair_id,
                "on_date": on.isoformat(),
                "kind": what,
                "who": who,
                "text": text,
                "checkin_id": checkin,
                "updated_at": now,
            }
        )

    checkpoints = [d for d in (30, 90) if first + timedelta(days=d) <= today]
    if kind == QUIET:
        checkpoints = checkpoints[:1]
    for number, day in enumerate(checkpoints):
        # Meetings fall every interval from the first; a check-in counts those since the last.
        sent_day = day + 2
        before = checkpoints[number - 1] + 2 if number else -1
        held = sent_day // interval - (before // interval if before >= 0 else -1)
        sent = first + timedelta(days=sent_day)
        last = first + timedelta(days=sent_day // interval * interval)
        for role in ("mentor", "mentee"):
            checkin_id = new_id()
            progress = 2 + position_gain(kind, number)
            rows["checkins"].append(
                {
                    "id": checkin_id,
                    "pair_id": pair_id,
                    "role": role,
                    "response_key": f"bench:{n}:{day}:{role}",
                    "submitted_at": f"{sent.isoformat()}T10:00:00+00:00",
                    "checkpoint_day": day,
                    "meetings_held": held,
                    "last_meeting": last.isoformat(),
                    "goal1_progress": progress,
                    "goal2_progress": progress + 1 if progress < 5 else 5,
                    "goal3_progress": None,
                    "fit": "not_a_fit" if kind == NOT_A_FIT and role == "mentor" else "good",
                    "satisfaction": 2 if kind == STALLED else 4,
                    "wants_help": int(kind == HELP and role == "mentee" and number == 1),
                    "comment": "",
                    "updated_at": now,
                }
            )
            contact(sent, "checkin", role, f"{role} checked in (day {day})", checkin_id)
        contact(last, "meeting", "both", "", None)
    if kind == QUIET:
        return
    # The meetings since the last check-in, as the coordinator logged them.
    counted = first + timedelta(days=checkpoints[-1] + 2) if checkpoints else first
    stop = today - timedelta(days=2 * interval if kind == CANCELLING else 1)
    on = first
    while on <= stop:
        if on > counted or not checkpoints:
            contact(on, "meeting", "both")
        on += timedelta(days=interval)
    if kind == CANCELLING:
        contact(today - timedelta(days=4), "cancelled", "mentor", "Mentor travelling")
        contact(today - timedelta(days=2), "cancelled", "mentee", "Peak week")
    if kind == NOT_A_FIT:
        contact(today - timedelta(days=20), "concern", "staff", "Mentor says the goals do not fit")
    if kind == REVIEWED and 90 in checkpoints:
        rows["reviews"].append(
            {
                "id": new_id(),
                "pair_id": pair_id,
                "checkpoint_day": 90,
                "held_on": (first + timedelta(days=92)).isoformat(),
                "cadence_kept": "yes",
                "goal1_progress": 4,
                "goal2_progress": 4,
                "goal3_progress": None,
                "plans_used": "We booked three dates ahead",
                "changes": "",
                "charter_version": None,
                "updated_at": now,
            }
        )
    if kind == CLOSED:
        rows["closures"].append(
            {
                "id": new_id(),
                "pair_id": pair_id,
                "closed_on": (first + timedelta(days=60)).isoformat(),
                "kind": "no_fault",
                "reason": "Mentee moved to another site",
                "asked_by": "mentee",
                "rematched": 1,
                "updated_at": now,
            }
        )


def position_gain(kind: int, number: int) -> int:
    """How far a goal has come by the pair's `number`th check-in: nowhere for a stalled pair."""
    return 0 if kind == STALLED else number + 1


if __name__ == "__main__":
    out = Path(sys.argv[1])
    made = make_program(out, int(sys.argv[2]) if len(sys.argv) > 2 else 2000, today=date.today())
    print(f"wrote {made}")
