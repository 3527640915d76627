"""The demo as a program under way: 100 days after its launch, with the follow-up records such
a program has by then.

`demo FILE --after-launch` makes the usual demo workshop, launched 100 days before `today`
(every date in it moved to match), with the charters that were complete at the launch signed
there, and then what the program team has heard since: both partners' check-ins at day 30 (and
the early ones for day 90), meetings the coordinator logged, a review held, and one pair in
each state a coordinator must act on. In pair order:

- P01 Margaret & Daniel, every two weeks: meeting on cadence, a day-30 review held, goals
  moving; both checked in early for day 90.
- P02 Rajesh & Chloé, monthly: on cadence; both goals moving (goal 2 at 2 of 5, baseline 1).
- P03 Susan & Kwame, every two weeks: gone quiet after day 30 (last meeting seven weeks ago).
- P04 Liam & Aisha, every two weeks: meeting, but Aisha asks the program team for help in
  her early day-90 check-in.
- P05 Elena & Marcus, every two weeks: Elena says it is not a fit at day 30; a concern logged.
- P06 David & Sofia: closed no-fault at day 45 (Sofia moved to the Lisbon office).
- P07 Catherine & Jamal, every two weeks: two cancellations in a row.
- P08 Gareth & Nina, monthly: meeting on cadence; Nina's satisfaction is low.
- P09 Fatima & Oliver: meeting, with no review days agreed (the program's defaults apply).
- P10 to P12: their charters were never started.

The rows are the ones the check-in import, the contact log, reviews and closures write, with an
audit row for each, in one transaction. Their words (a review's notes, comments, the log's
texts) are in the demo's language (core/demo_data), like the rest of it; the names above are
the English demo's, and each language has its own people in the same places.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from workshop_app.core.demo import create_demo
from workshop_app.core.demo_data import DEFAULT_LANGUAGE, FollowUpTexts, demo_texts
from workshop_app.core.followup.checkin_import import checkin_summary
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import WorkshopFile

DAYS_SINCE_LAUNCH = 100
# The launch signs every charter complete by the end of the day (P01 is signed in the demo).
SIGNED_AT_LAUNCH = ("P02", "P03", "P04", "P05")
# Charters agreed after the launch: first meeting (days after the launch) and review days.
AGREED_LATER = {"P06": (20, "30, 90, 180"), "P07": (16, "30, 90, 180"), "P08": (22, "45, 120")}


def create_after_launch(
    path: Path, *, today: date, language: str = DEFAULT_LANGUAGE
) -> WorkshopFile:
    """Create the demo at `path` in `language` as a program `DAYS_SINCE_LAUNCH` days after its
    launch on `today`, and return it open."""
    launch = today - timedelta(days=DAYS_SINCE_LAUNCH)
    wf = create_demo(path, launch=launch, language=language)
    texts = demo_texts(language)
    try:
        _after_launch(wf, launch, today, texts.follow_up, texts.coordinator_signature)
    except BaseException:
        wf.close()
        raise
    return wf


def _after_launch(
    wf: WorkshopFile, launch: date, today: date, words: FollowUpTexts, coordinator: str
) -> None:
    pairs = {p.code: p for p in wf.roster.pairs()}
    people = {p.id: p.name for p in wf.roster.participants()}
    with wf.transaction():
        for code in SIGNED_AT_LAUNCH:
            pair = pairs[code]
            wf.charters.sign(
                pair.id,
                mentor=people[pair.mentor_id],
                mentee=people[pair.mentee_id],
                coordinator=coordinator,
                signed_at=f"{launch.isoformat()}T16:10:00+00:00",
            )
        for code, (after, days) in AGREED_LATER.items():
            agreed = launch + timedelta(days=after)
            wf.charters.set_field(pairs[code].id, "first_meeting", f"{agreed.isoformat()}T09:00")
            wf.charters.set_field(pairs[code].id, "review_days", days)
        # Written from the library's card at their first meeting.
        wf.charters.add_plan(
            pairs["P07"].id,
            scenario=words.p07_scenario,
            plan=words.p07_plan,
            exercise_id="scenario-repeated-cancellations",
        )
    records = _Records(wf, today, words)
    for code, pair in pairs.items():
        first = records.first_meeting(pair.id)
        if first is not None:
            _STORIES.get(code, _meeting_on_cadence)(records, pair.id, first)
    records.save()


class _Records:
    """The follow-up rows of the demo, written together at the end."""

    def __init__(self, wf: WorkshopFile, today: date, words: FollowUpTexts) -> None:
        self.wf, self.today, self.now, self.words = wf, today, utc_now(), words
        self.language = wf.workshop().language
        self.rows: dict[str, list[dict[str, Any]]] = {
            "checkins": [],
            "contacts": [],
            "reviews": [],
            "closures": [],
        }

    def first_meeting(self, pair_id: str) -> date | None:
        value = self.wf.charters.charter(pair_id).fields["first_meeting"]
        return date.fromisoformat(value[:10]) if value else None

    def interval(self, pair_id: str) -> int:
        frequency = self.wf.charters.charter(pair_id).fields["meeting_frequency"]
        return {"weekly": 7, "monthly": 30}.get(frequency, 14)

    def meetings(self, pair_id: str, first: date, *, until: date) -> None:
        """A meeting every agreed interval from the first, logged by the coordinator."""
        on = first
        step = timedelta(days=self.interval(pair_id))
        while on <= min(until, self.today):
            self.contact(pair_id, on, "meeting", "both")
            on += step

    def contact(self, pair_id: str, on: date, kind: str, who: str, text: str = "",
                checkin_id: str | None = None) -> None:  # fmt: skip
        self.rows["contacts"].append(
            {
                "id": new_id(),
                "pair_id": pair_id,
                "on_date": on.isoformat(),
                "kind": kind,
                "who": who,
                "text": text,
                "checkin_id": checkin_id,
                "updated_at": self.now,
            }
        )

    def checkin(self, pair_id: str, role: str, sent: date, day: int, **answers: Any) -> None:
        """One response as the check-in import writes it, with its log entry."""
        checkin_id = new_id()
        row = {
            "id": checkin_id,
            "pair_id": pair_id,
            "role": role,
            "response_key": f"demo:{pair_id}:{day}:{role}",
            "form_id": None,
            "submitted_at": f"{sent.isoformat()}T12:30:00+00:00",
            "checkpoint_day": day,
            "meetings_held": None,
            "last_meeting": "",
            "goal1_progress": None,
            "goal2_progress": None,
            "goal3_progress": None,
            "fit": "good",
            "satisfaction": 4,
            "wants_help": 0,
            "comment": "",
            "updated_at": self.now,
        }
        row.update(answers)
        self.rows["checkins"].append(row)
        # The log line the import writes for the same answers (by their meanings).
        by_meaning = {
            "checkpoint": day,
            "meetings_held": row["meetings_held"],
            "goal1": row["goal1_progress"],
            "goal2": row["goal2_progress"],
            "goal3": row["goal3_progress"],
            "fit": row["fit"],
            "satisfaction": row["satisfaction"],
            "wants_help": row["wants_help"],
        }
        summary = checkin_summary(role, by_meaning, self.language)
        self.contact(pair_id, sent, "checkin", role, summary, checkin_id)

    def both_check_in(self, pair_id: str, first: date, day: int, **answers: Any) -> None:
        """Both partners answer the day's check-in on the eve of its date, or (a checkpoint
        due this week) yesterday and today, a few days early."""
        sent = min(first + timedelta(days=day - 1), self.today - timedelta(days=1))
        if sent >= first + timedelta(days=day - 7):
            self.checkin(pair_id, "mentee", sent, day, **answers)
            self.checkin(pair_id, "mentor", sent + timedelta(days=1), day, **answers)

    def save(self) -> None:
        wf = self.wf
        with wf.transaction():
            for table, rows in self.rows.items():
                wf.insert_all(table, rows)
            wf.audit_many(
                (
                    (table, r["id"], "*created*", None, r.get("kind", table), r["pair_id"])
                    for table, rows in self.rows.items()
                    for r in rows
                ),
                at=self.now,
            )


def _meeting_on_cadence(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=records.today)
    records.both_check_in(pair_id, first, 30, goal1_progress=3, goal2_progress=2)


def _p01(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=records.today)
    records.both_check_in(pair_id, first, 30, goal1_progress=3, satisfaction=5)
    records.rows["reviews"].append(
        {
            "id": new_id(),
            "pair_id": pair_id,
            "checkpoint_day": 30,
            "held_on": (first + timedelta(days=31)).isoformat(),
            "cadence_kept": "yes",
            "goal1_progress": 3,
            "goal2_progress": None,
            "goal3_progress": None,
            "plans_used": records.words.p01_plans_used,
            "changes": records.words.p01_changes,
            "charter_version": None,
            "updated_at": records.now,
        }
    )
    records.both_check_in(pair_id, first, 90, goal1_progress=4, satisfaction=5)


def _p02(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=records.today)
    records.both_check_in(pair_id, first, 30, goal1_progress=3, goal2_progress=2)


def _p03_gone_quiet(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=first + timedelta(days=40))
    records.both_check_in(pair_id, first, 30, goal1_progress=2, goal2_progress=3)


def _p04_asks_for_help(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=records.today)
    records.both_check_in(pair_id, first, 30, goal1_progress=3)
    records.checkin(
        pair_id,
        "mentee",
        records.today - timedelta(days=2),
        90,
        goal1_progress=4,
        wants_help=1,
        comment=records.words.p04_comment,
    )


def _p05_not_a_fit(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=first + timedelta(days=56))
    records.checkin(pair_id, "mentor", first + timedelta(days=29), 30, fit="not_a_fit")
    records.checkin(pair_id, "mentee", first + timedelta(days=30), 30, fit="deciding")
    records.contact(
        pair_id,
        first + timedelta(days=35),
        "concern",
        "staff",
        records.words.p05_concern,
    )


def _p06_closed(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=first + timedelta(days=40))
    records.both_check_in(pair_id, first, 30, goal1_progress=2)
    records.rows["closures"].append(
        {
            "id": new_id(),
            "pair_id": pair_id,
            "closed_on": (first + timedelta(days=45)).isoformat(),
            "kind": "no_fault",
            "reason": records.words.p06_reason,
            "asked_by": "mentee",
            "rematched": 0,
            "goal1_outcome": "partly",
            "goal2_outcome": "",
            "goal3_outcome": "",
            "updated_at": records.now,
        }
    )


def _p07_cancelling(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=records.today - timedelta(days=20))
    records.both_check_in(pair_id, first, 30, goal1_progress=2)
    records.contact(pair_id, records.today - timedelta(days=9), "cancelled", "mentor",
                    records.words.p07_mentor_cancels)  # fmt: skip
    records.contact(pair_id, records.today - timedelta(days=3), "cancelled", "mentee",
                    records.words.p07_mentee_cancels)  # fmt: skip


def _p08_unhappy(records: _Records, pair_id: str, first: date) -> None:
    records.meetings(pair_id, first, until=records.today)
    records.checkin(pair_id, "mentee", first + timedelta(days=44), 45, satisfaction=2)
    records.checkin(pair_id, "mentor", first + timedelta(days=45), 45, satisfaction=4)


_STORIES = {
    "P01": _p01,
    "P02": _p02,
    "P03": _p03_gone_quiet,
    "P04": _p04_asks_for_help,
    "P05": _p05_not_a_fit,
    "P06": _p06_closed,
    "P07": _p07_cancelling,
    "P08": _p08_unhappy,
}
