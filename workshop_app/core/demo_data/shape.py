"""The demo's shape, the same in every language: the program's dates and choices, and for each
charter begun the fields that are not words (cadence, format, who schedules, dates, review
days), its goals' target dates and the mentee's ratings of them. A language's module gives the
words that go with them (core/demo_data/en.py and its translations)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PROGRAM: dict[str, Any] = {
    "date": "2027-01-19",
    "program_length_months": 9,
    "return_copy_by": "2027-01-29",
    "manager_acknowledgement": "yes",
    "paper_size": "a4",
    "accent_colour": "#1f5f8b",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class CharterShape:
    """`target_dates` and `baselines` are per goal, in order (no baselines: not rated yet)."""

    fields: dict[str, Any]
    target_dates: tuple[str, ...]
    baselines: tuple[str, ...] = ()


_TWICE_A_MONTH = {"meeting_frequency": "biweekly", "review_days": "30, 90, 180"}

# P01 to P05 are complete; P06 to P09 partly filled in (the first fields of the form and one
# goal each); P10 to P12 have not started.
CHARTERS: tuple[CharterShape, ...] = (
    CharterShape(
        fields={
            **_TWICE_A_MONTH,
            "meeting_minutes": 60,
            "meeting_format": "in_person",
            "who_schedules": "mentee",
            "who_sets_agenda": "mentee",
            "first_meeting": "2027-02-01T07:30",
            "end_date": "2027-10-19",
        },
        target_dates=("2027-05-31",),
        baselines=("2",),
    ),
    CharterShape(
        fields={
            "meeting_frequency": "monthly",
            "meeting_minutes": 90,
            "meeting_format": "video",
            "who_schedules": "mentor",
            "who_sets_agenda": "mentee",
            "first_meeting": "2027-02-09T14:00",
            "review_days": "30, 90, 180",
            "end_date": "2027-10-26",
        },
        target_dates=("2027-07-15", "2027-09-30"),
        baselines=("2", "1"),
    ),
    CharterShape(
        fields={
            **_TWICE_A_MONTH,
            "meeting_minutes": 60,
            "meeting_format": "mixed",
            "who_schedules": "mentee",
            "who_sets_agenda": "mentee",
            "first_meeting": "2027-02-02T08:30",
            "end_date": "2027-10-19",
        },
        target_dates=("2027-05-31", "2027-07-15", "2027-09-30"),
        baselines=("2", "3", "1"),
    ),
    CharterShape(
        fields={
            **_TWICE_A_MONTH,
            "meeting_minutes": 45,
            "meeting_format": "in_person",
            "who_schedules": "mentor",
            "who_sets_agenda": "both",
            "first_meeting": "2027-02-03T10:00",
            "end_date": "2027-11-02",
        },
        target_dates=("2027-08-31",),
        baselines=("3",),
    ),
    CharterShape(
        fields={
            **_TWICE_A_MONTH,
            "meeting_minutes": 60,
            "meeting_format": "video",
            "who_schedules": "mentee",
            "who_sets_agenda": "both",
            "first_meeting": "2027-02-04T16:00",
            "end_date": "2027-10-19",
        },
        target_dates=("2027-06-30", "2027-09-15"),
        baselines=("2", "4"),
    ),
    CharterShape(fields={"meeting_frequency": "monthly"}, target_dates=("2027-06-30",)),
    CharterShape(
        fields={"meeting_frequency": "biweekly", "meeting_minutes": 45, "meeting_format": "video"},
        target_dates=("2027-07-31",),
    ),
    CharterShape(
        fields={
            "meeting_frequency": "monthly",
            "meeting_minutes": 60,
            "meeting_format": "in_person",
            "who_schedules": "mentee",
        },
        target_dates=("2027-09-30",),
    ),
    CharterShape(
        fields={
            "meeting_frequency": "biweekly",
            "meeting_minutes": 30,
            "meeting_format": "mixed",
            "who_schedules": "mentee",
            "who_sets_agenda": "mentor",
            "first_meeting": "2027-02-08T09:00",
        },
        target_dates=("2027-08-31",),
    ),
)
