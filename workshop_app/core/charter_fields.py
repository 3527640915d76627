"""The vocabulary of a mentoring charter: its twelve sections and the fields in each.

Labels and titles are English, marked with `N_()`: a printed charter shows them in the
workshop's charter language (`translations(lang).gettext(label)`), the windows in the
interface language (`_(label)`).

Everything that names a charter field (the store's columns, the completeness rule, the
exercise library's `captures`, the templates, the exports) takes the names from here, so a
field added here is a field known everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workshop_app.core.i18n import N_

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
    ("weekly", N_("Weekly")),
    ("biweekly", N_("Every two weeks")),
    ("monthly", N_("Monthly")),
    ("custom", N_("Custom")),
)
MEETING_FORMATS = (
    ("in_person", N_("In person")),
    ("video", N_("Video call")),
    ("phone", N_("Phone")),
    ("mixed", N_("Mixed")),
)
WHO = (
    ("mentor", N_("The mentor")),
    ("mentee", N_("The mentee")),
    ("both", N_("Both, taking turns")),
)

# Sections whose content lives in their own tables rather than in charter columns.
GOALS_LIST = "goals"
TROUBLESHOOTING_LIST = "troubleshooting"
MAX_GOALS = 3
# The review checkpoints (days after the first meeting) a charter prints until the pair
# agrees its own: the program's usual 30-, 90- and 180-day check-ins.
DEFAULT_REVIEW_DAYS = (30, 90, 180)

SECTIONS: tuple[CharterSection, ...] = (
    CharterSection("parties", 1, N_("The parties"), ()),
    CharterSection(
        "purpose",
        2,
        N_("Purpose and goals"),
        (
            CharterField("purpose", N_("Purpose of the mentoring relationship")),
            CharterField(GOALS_LIST, N_("SMART goals (up to 3)"), kind="list"),
        ),
    ),
    CharterSection(
        "roles",
        3,
        N_("Roles and commitments"),
        (
            CharterField("mentor_commitments", N_("The mentor commits to")),
            CharterField("mentee_commitments", N_("The mentee commits to")),
        ),
    ),
    CharterSection(
        "meetings",
        4,
        N_("Meetings"),
        (
            CharterField("meeting_frequency", N_("How often"), kind="choice", choices=FREQUENCIES),
            CharterField(
                "meeting_frequency_custom", N_("Custom frequency"), kind="line", required=False
            ),
            CharterField("meeting_minutes", N_("Length (minutes)"), kind="int"),
            CharterField("meeting_format", N_("Format"), kind="choice", choices=MEETING_FORMATS),
            CharterField("meeting_place", N_("Place or link"), kind="line"),
            CharterField("who_schedules", N_("Who schedules"), kind="choice", choices=WHO),
            CharterField("who_sets_agenda", N_("Who sets the agenda"), kind="choice", choices=WHO),
            CharterField("first_meeting", N_("First meeting"), kind="datetime"),
        ),
    ),
    CharterSection(
        "between",
        5,
        N_("Between meetings"),
        (
            CharterField("contact_channels", N_("How we reach each other"), kind="line"),
            CharterField("response_time", N_("Expected response time"), kind="line"),
            CharterField("cancellation_notice", N_("Notice if we must cancel"), kind="line"),
        ),
    ),
    CharterSection(
        "confidentiality",
        6,
        N_("Confidentiality"),
        (
            CharterField("confidentiality_scope", N_("What stays between us")),
            CharterField("confidentiality_exceptions", N_("Exceptions (safety, law, ethics)")),
            CharterField("shared_with_others", N_("What may be shared with managers or staff")),
        ),
    ),
    CharterSection(
        "boundaries",
        7,
        N_("Boundaries"),
        (CharterField("boundaries", N_("Boundaries and off-limits topics"), private=True),),
    ),
    CharterSection(
        "troubleshooting",
        8,
        N_("Troubleshooting plans"),
        (CharterField(TROUBLESHOOTING_LIST, N_("If this happens, we will ..."), kind="list"),),
    ),
    CharterSection(
        "reviews",
        9,
        N_("Reviews and feedback"),
        (
            CharterField("review_days", N_("Review checkpoints (days after start)"), kind="days"),
            CharterField("feedback_method", N_("How we give each other feedback")),
        ),
    ),
    CharterSection(
        "duration",
        10,
        N_("Duration and conclusion"),
        (
            CharterField("end_date", N_("End date"), kind="date"),
            CharterField("renewal", N_("Renewal"), kind="line"),
        ),
    ),
    CharterSection(
        "program",
        11,
        N_("Program commitments"),
        (CharterField("program_commitments", N_("We commit to the program")),),
    ),
    CharterSection("signatures", 12, N_("Signatures"), ()),
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
    ("goal", N_("The goal")),
    ("why", N_("Why it matters (link to a program goal)")),
    ("measure", N_("How we will know (success measure)")),
    ("target_date", N_("Target date")),
    ("first_steps", N_("First steps")),
    ("baseline", N_("Where I am today (1-5)")),
)
# The mentee's self-rating per goal at signing ("where am I today"), compared at each
# checkpoint; optional: a goal without one is still complete.
BASELINE_CHOICES = (
    ("", N_("Not rated yet")),
    ("1", N_("1 – just starting")),
    ("2", N_("2 – finding my feet")),
    ("3", N_("3 – getting there")),
    ("4", N_("4 – confident most of the time")),
    ("5", N_("5 – already strong")),
)
BASELINE_VALUES = tuple(value for value, _ in BASELINE_CHOICES)
PLAN_PARTS = (("scenario", N_("If this happens")), ("plan", N_("we will")))

# Names an exercise's `captures` may use: a section key, a field name, or a goal part.
CAPTURE_NAMES = frozenset(
    {s.key for s in SECTIONS} | set(FIELD_BY_NAME) | {name for name, _ in GOAL_PARTS}
)

# Sections that the pair fills in (the rest come from the roster or from signing).
CONTENT_SECTIONS = tuple(s for s in SECTIONS if s.fields)


def choice_label(field_name: str, value: str | None) -> str:
    """The (English) label of a stored choice value (the value itself if unknown): translate
    it where it is shown."""
    if not value:
        return ""
    field = FIELD_BY_NAME[field_name]
    return dict(field.choices).get(value, value)
