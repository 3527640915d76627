"""A small program after its launch, for the outcomes report's tests: ten pairs in two
departments, through the roster and charter stores; check-ins, meetings and a closure
through the workshop file's own writes (one transaction, as the importers write them).

Every answer is chosen so that the expected figures can be counted by hand (see
tests/core/test_outcomes.py). Private charter content carries marker words that must never
reach a report."""

from __future__ import annotations

from pathlib import Path

from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import WorkshopFile

PAIRS = 10
DEPARTMENTS = ("Operations", "Finance")
PRIVATE = {
    "goal": "PRIVATEGOAL Move to the Lisbon office",
    "boundaries": "BOUNDARYTEXT Never discuss the reorganisation",
    "confidentiality_exceptions": "EXCEPTIONTEXT Anything about the tribunal",
    "plan": "PLANTEXT If one of us goes quiet we phone",
    "goal_words": "OPENGOALTEXT Lead the night shift",
}
REASON = "REASONTEXT Mentor moved to another site"


def fit_of(pair: int, role: str) -> str:
    """Mentors all a good fit; mentees 0-4 good, 5-6 still deciding, 7 not a fit, 8-9 no
    answer (they never checked in)."""
    if role == "mentor" or pair < 5:
        return "good"
    return {5: "deciding", 6: "deciding", 7: "not_a_fit"}.get(pair, "")


def make_program(path: Path, *, pairs: int = PAIRS) -> Path:
    with WorkshopFile.create(
        path,
        program="Accelerate",
        organisation="Northwind",
        date="2027-01-19",
        success_metrics="Pairs meet at least monthly\n"
        "80% of mentees report progress on a goal\n"
        "Promotion rate after 12 months\n"
        "=Everyone is satisfied with their mentor",
    ) as wf:
        made = []
        for i in range(pairs):
            department = DEPARTMENTS[i % 2]
            a = wf.roster.add_participant(
                role="mentor", name=f"Mentor {i}", email=f"mentor{i}@x.example",
                department=department,
            )  # fmt: skip
            b = wf.roster.add_participant(
                role="mentee", name=f"Mentee {i}", email=f"mentee{i}@x.example",
                department=department,
            )  # fmt: skip
            made.append(wf.roster.make_pair(a.id, b.id))
            wf.roster.set_attendance(a.id, True)
            wf.roster.set_attendance(b.id, i != 0)
        for i, pair in enumerate(made):
            wf.charters.set_field(pair.id, "meeting_frequency", "monthly")
            wf.charters.set_field(pair.id, "first_meeting", "2027-02-01T10:00")
            wf.charters.set_goal_part(pair.id, 1, "goal", f"{PRIVATE['goal_words']} {i}")
            wf.charters.set_goal_part(pair.id, 1, "baseline", "2")
            if i == 0:
                wf.charters.set_goal_part(pair.id, 2, "goal", PRIVATE["goal"])
                wf.charters.set_goal_part(pair.id, 2, "private", True)
                wf.charters.set_field(pair.id, "boundaries", PRIVATE["boundaries"])
                wf.charters.set_field(
                    pair.id, "confidentiality_exceptions", PRIVATE["confidentiality_exceptions"]
                )
                wf.charters.add_plan(pair.id, scenario="A partner goes silent",
                                     plan=PRIVATE["plan"])  # fmt: skip
            if i < 6:
                wf.charters.sign(pair.id, mentor=f"Mentor {i}", mentee=f"Mentee {i}")
        now = utc_now()
        with wf.transaction():
            for i, pair in enumerate(made):
                for role in ("mentor", "mentee"):
                    if role == "mentee" and i >= 8:
                        continue
                    wf.insert("checkins", {
                        "id": new_id(), "pair_id": pair.id, "role": role,
                        "response_key": f"test:{i}:{role}", "form_id": None,
                        "submitted_at": "2027-03-03T09:00:00+00:00", "checkpoint_day": 30,
                        "meetings_held": 2, "last_meeting": "2027-03-01",
                        "goal1_progress": 4 if role == "mentee" else None,
                        "goal2_progress": None, "goal3_progress": None,
                        "fit": fit_of(i, role),
                        "satisfaction": 5 if role == "mentor" else 4,
                        "wants_help": 0,
                        "comment": f"=COMMENT {i} it helps" if role == "mentor" and i < 6 else "",
                        "updated_at": now,
                    })  # fmt: skip
                wf.insert("contacts", {
                    "id": new_id(), "pair_id": pair.id, "on_date": "2027-03-01",
                    "kind": "meeting", "who": "both", "text": "", "checkin_id": None,
                    "updated_at": now,
                })  # fmt: skip
            wf.insert("closures", {
                "id": new_id(), "pair_id": made[9].id, "closed_on": "2027-04-01",
                "kind": "no_fault", "reason": REASON, "asked_by": "mentee", "rematched": 1,
                "goal1_outcome": "partly", "goal2_outcome": "", "goal3_outcome": "",
                "updated_at": now,
            })  # fmt: skip
    return path
