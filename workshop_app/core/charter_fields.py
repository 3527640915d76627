"""The vocabulary of a mentoring charter: its twelve sections and the fields in each.

Everything that names a charter field (the store's columns, the completeness rule, the
exercise library's `captures`, the templates, the exports) takes the names from here, so a
field added here is a field known everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldKind = Literal["text", "line", "choice", "int", "date", "datetime", "days", "list"]


@dataclass(frozen=True, slots=True)
class CharterField:
    name: str
    label: str
    kind: FieldKind = "text"
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    private: bool = False
    """Private to the pair: left out of staff exports unless asked for."""


@dataclass(frozen=True, slots=True)
class CharterSection:
    key: str
    number: int
    title: str
    fields: tuple[CharterField, ...]


FREQUENCIES = (
    ("weekly", "Weekly"),
    ("biweekly", "Every two weeks"),
    ("monthly", "Monthly"),
    ("custom", "Custom"),
)
MEETING_FORMATS = (
    ("in_person", "In person"),
    ("video", "Video call"),
    ("phone", "Phone"),
    ("mixed", "Mixed"),
)
WHO = (
    ("mentor", "The mentor"),
    ("mentee", "The mentee"),
    ("both", "Both, taking turns"),
)

# Sections whose content lives in their own tables rather than in charter columns.
GOALS_LIST = "goals"
TROUBLESHOOTING_LIST = "troubleshooting"
MAX_GOALS = 3
# The review checkpoints (days after the first meeting) a charter prints until the pair
# agrees its own: the program's usual 30-, 90- and 180-day check-ins.
DEFAULT_REVIEW_DAYS = (30, 90, 180)

SECTIONS: tuple[CharterSection, ...] = (
    CharterSection("parties", 1, "The parties", ()),
    CharterSection(
        "purpose",
        2,
        "Purpose and goals",
        (
            CharterField("purpose", "Purpose of the mentoring relationship"),
            CharterField(GOALS_LIST, "SMART goals (up to 3)", kind="list"),
        ),
    ),
    CharterSection(
        "roles",
        3,
        "Roles and commitments",
        (
            CharterField("mentor_commitments", "The mentor commits to"),
            CharterField("mentee_commitments", "The mentee commits to"),
        ),
    ),
    CharterSection(
        "meetings",
        4,
        "Meetings",
        (
            CharterField("meeting_frequency", "How often", kind="choice", choices=FREQUENCIES),
            CharterField(
                "meeting_frequency_custom", "Custom frequency", kind="line", required=False
            ),
            CharterField("meeting_minutes", "Length (minutes)", kind="int"),
            CharterField("meeting_format", "Format", kind="choice", choices=MEETING_FORMATS),
            CharterField("meeting_place", "Place or link", kind="line"),
            CharterField("who_schedules", "Who schedules", kind="choice", choices=WHO),
            CharterField("who_sets_agenda", "Who sets the agenda", kind="choice", choices=WHO),
            CharterField("first_meeting", "First meeting", kind="datetime"),
        ),
    ),
    CharterSection(
        "between",
        5,
        "Between meetings",
        (
            CharterField("contact_channels", "How we reach each other", kind="line"),
            CharterField("response_time", "Expected response time", kind="line"),
            CharterField("cancellation_notice", "Notice if we must cancel", kind="line"),
        ),
    ),
    CharterSection(
        "confidentiality",
        6,
        "Confidentiality",
        (
            CharterField("confidentiality_scope", "What stays between us"),
            CharterField("confidentiality_exceptions", "Exceptions (safety, law, ethics)"),
            CharterField("shared_with_others", "What may be shared with managers or staff"),
        ),
    ),
    CharterSection(
        "boundaries",
        7,
        "Boundaries",
        (CharterField("boundaries", "Boundaries and off-limits topics", private=True),),
    ),
    CharterSection(
        "troubleshooting",
        8,
        "Troubleshooting plans",
        (CharterField(TROUBLESHOOTING_LIST, "If this happens, we will ...", kind="list"),),
    ),
    CharterSection(
        "reviews",
        9,
        "Reviews and feedback",
        (
            CharterField("review_days", "Review checkpoints (days after start)", kind="days"),
            CharterField("feedback_method", "How we give each other feedback"),
        ),
    ),
    CharterSection(
        "duration",
        10,
        "Duration and conclusion",
        (
            CharterField("end_date", "End date", kind="date"),
            CharterField("renewal", "Renewal", kind="line"),
        ),
    ),
    CharterSection(
        "program",
        11,
        "Program commitments",
        (CharterField("program_commitments", "We commit to the program"),),
    ),
    CharterSection("signatures", 12, "Signatures", ()),
)

SECTION_BY_KEY = {s.key: s for s in SECTIONS}

# Plain charter columns (stored in the `charters` table), in section order.
CHARTER_COLUMNS: tuple[CharterField, ...] = tuple(
    f for s in SECTIONS for f in s.fields if f.kind != "list"
)
CHARTER_COLUMN_NAMES = frozenset(f.name for f in CHARTER_COLUMNS)
FIELD_BY_NAME = {f.name: f for s in SECTIONS for f in s.fields}

# The parts of one SMART goal and of one troubleshooting plan.
GOAL_PARTS = (
    ("goal", "The goal"),
    ("why", "Why it matters (link to a program goal)"),
    ("measure", "How we will know (success measure)"),
    ("target_date", "Target date"),
    ("first_steps", "First steps"),
    ("baseline", "Where I am today (1-5)"),
)
# The mentee's self-rating per goal at signing ("where am I today"), compared at each
# checkpoint; optional: a goal without one is still complete.
BASELINE_CHOICES = (
    ("", "Not rated yet"),
    ("1", "1 – just starting"),
    ("2", "2 – finding my feet"),
    ("3", "3 – getting there"),
    ("4", "4 – confident most of the time"),
    ("5", "5 – already strong"),
)
BASELINE_VALUES = tuple(value for value, _ in BASELINE_CHOICES)
PLAN_PARTS = (("scenario", "If this happens"), ("plan", "we will"))

# Names an exercise's `captures` may use: a section key, a field name, or a goal part.
CAPTURE_NAMES = frozenset(
    {s.key for s in SECTIONS} | set(FIELD_BY_NAME) | {name for name, _ in GOAL_PARTS}
)

# Sections that the pair fills in (the rest come from the roster or from signing).
CONTENT_SECTIONS = tuple(s for s in SECTIONS if s.fields)


def choice_label(field_name: str, value: str | None) -> str:
    """The label shown for a stored choice value (the value itself if unknown)."""
    if not value:
        return ""
    field = FIELD_BY_NAME[field_name]
    return dict(field.choices).get(value, value)
