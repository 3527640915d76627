"""The records of a workshop, as plain data. The store reads and writes these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from workshop_app.core.i18n import N_

Role = Literal["mentor", "mentee"]
SignerRole = Literal["mentor", "mentee", "coordinator"]
PaperSize = Literal["a4", "letter"]


@dataclass(frozen=True, slots=True)
class WorkshopField:
    name: str
    label: str
    kind: Literal["line", "text", "date", "int", "choice", "colour"] = "line"
    choices: tuple[tuple[str, str], ...] = ()
    required: bool = False


# The program context, in the order the program page shows it. Labels and choices are
# marked N_: the page shows them in the interface language.
WORKSHOP_FIELDS: tuple[WorkshopField, ...] = (
    WorkshopField("program", N_("Program"), required=True),
    WorkshopField("organisation", N_("Organisation"), required=True),
    WorkshopField("cohort", N_("Cohort")),
    WorkshopField("date", N_("Workshop date"), kind="date", required=True),
    WorkshopField("start_time", N_("Start time (HH:MM)")),
    WorkshopField("venue", N_("Venue")),
    WorkshopField("facilitator", N_("Facilitator")),
    WorkshopField("coordinator", N_("Program coordinator")),
    WorkshopField("sponsor_name", N_("Sponsor")),
    WorkshopField("sponsor_title", N_("Sponsor's title")),
    WorkshopField("endorsement", N_("Sponsor's endorsement"), kind="text"),
    WorkshopField("program_goals", N_("Program goals (one per line)"), kind="text"),
    WorkshopField("strategy_link", N_("How the program serves the company strategy"), kind="text"),
    WorkshopField("program_length_months", N_("Program length (months)"), kind="int"),
    WorkshopField("success_metrics", N_("How success is measured"), kind="text"),
    WorkshopField(
        "retention_months", N_("Keep personal data after the close-out (months)"), kind="int"
    ),
    WorkshopField("support_contacts", N_("Support contacts"), kind="text"),
    WorkshopField("confidentiality_text", N_("Standard confidentiality wording"), kind="text"),
    WorkshopField("no_fault_text", N_("No-fault conclusion clause"), kind="text"),
    WorkshopField("program_commitments_text", N_("Program commitments"), kind="text"),
    WorkshopField("mentor_boundary", N_("Default mentor boundary"), kind="text"),
    WorkshopField("return_copy_to", N_("Return the signed copy to")),
    WorkshopField("return_copy_by", N_("Return it by"), kind="date"),
    WorkshopField(
        "manager_acknowledgement",
        N_("Line manager's acknowledgement"),
        kind="choice",
        choices=(("", N_("Not printed")), ("yes", N_("Printed on each charter"))),
    ),
    WorkshopField(
        "paper_size",
        N_("Paper size"),
        kind="choice",
        choices=(("a4", "A4"), ("letter", N_("Letter"))),
    ),
    WorkshopField(
        "language",
        N_("Charter language"),
        kind="choice",
        # Each language by its own name (whoever reads the form, the charters are in it).
        # A file's older "en" still prints British English; the list shows it as UK.
        choices=(
            ("en-GB", "English (UK)"),
            ("en-US", "English (US)"),
            ("it", "Italiano"),
            ("de", "Deutsch"),
            ("fr", "Français"),
        ),
    ),
    WorkshopField("accent_colour", N_("Accent colour"), kind="colour"),
)
WORKSHOP_FIELD_NAMES = frozenset(f.name for f in WORKSHOP_FIELDS)


@dataclass(slots=True, kw_only=True)
class Workshop:
    id: str
    program: str
    organisation: str
    date: str
    cohort: str = ""
    venue: str = ""
    facilitator: str = ""
    coordinator: str = ""
    sponsor_name: str = ""
    sponsor_title: str = ""
    endorsement: str = ""
    program_goals: str = ""
    strategy_link: str = ""
    program_length_months: int | None = None
    success_metrics: str = ""
    support_contacts: str = ""
    confidentiality_text: str = ""
    no_fault_text: str = ""
    program_commitments_text: str = ""
    paper_size: PaperSize = "a4"
    language: str = "en"
    accent_colour: str = ""
    logo: bytes | None = None
    logo_mime: str = ""
    agenda_id: str = ""
    start_time: str = "09:00"
    return_copy_to: str = ""  # "Priya Nair, People team, 4th floor"
    return_copy_by: str = ""  # ISO date or ""
    mentor_boundary: str = ""  # printed as every charter's default boundary for the mentor
    manager_acknowledgement: str = ""  # "yes": each charter carries the manager's line
    program_closed_on: str = ""  # ISO date of the program's close-out, or ""
    retention_months: int | None = None  # personal data kept this long after the close-out
    anonymised_on: str = ""  # ISO date personal data was removed, or ""
    updated_at: str = ""

    @property
    def program_goal_list(self) -> list[str]:
        return [line.strip() for line in self.program_goals.splitlines() if line.strip()]


@dataclass(slots=True, kw_only=True)
class Participant:
    id: str
    role: Role
    name: str
    email: str
    title: str = ""
    department: str = ""
    manager: str = ""
    present: bool | None = None
    checked_in_at: str | None = None
    updated_at: str = ""


PARTICIPANT_FIELDS = ("role", "name", "email", "title", "department", "manager")


@dataclass(slots=True, kw_only=True)
class Pair:
    id: str
    code: str
    mentor_id: str
    mentee_id: str
    updated_at: str = ""
    closed_on: str = ""  # ISO date of the pair's closure; "" while it is open


def pair_by_person(pairs: list[Pair]) -> dict[str, Pair]:
    """Participant id -> their pair: the open one, or when all of theirs are closed, the one
    closed last. A person re-matched after a no-fault closure is in two pairs (or more); where
    one pair per person is shown (an export's pair_code, the sign-in sheet, a check-in without
    a code), it is this one."""
    out: dict[str, Pair] = {}
    for pair in sorted(pairs, key=lambda p: (not p.closed_on, p.closed_on)):  # the open last
        out[pair.mentor_id] = out[pair.mentee_id] = pair
    return out


@dataclass(slots=True, kw_only=True)
class Goal:
    id: str
    position: int
    goal: str = ""
    why: str = ""
    measure: str = ""
    target_date: str = ""
    first_steps: str = ""
    baseline: str = ""  # "" or "1".."5": the mentee's self-rating at signing
    private: bool = False
    updated_at: str = ""


@dataclass(slots=True, kw_only=True)
class Plan:
    id: str
    position: int
    scenario: str = ""
    plan: str = ""
    exercise_id: str = ""
    updated_at: str = ""


@dataclass(slots=True, kw_only=True)
class Signoff:
    id: str
    version: int
    role: SignerRole
    name: str
    signed_at: str
    # None: the charter was complete when signed. True: the sections open at signing were
    # completed by hand on the paper copy; False: signed with them left open.
    paper_completed: bool | None = None
    open_sections: str = ""  # the open sections' numbers at signing, e.g. "4,5,11"


@dataclass(slots=True, kw_only=True)
class Charter:
    id: str
    pair_id: str
    version: int
    fields: dict[str, Any]
    goals: list[Goal] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    signoffs: list[Signoff] = field(default_factory=list)
    updated_at: str = ""

    def value(self, name: str) -> Any:
        return self.fields.get(name)

    @property
    def signed_version(self) -> int | None:
        """The newest version that both partners signed, if any."""
        signed: dict[int, set[str]] = {}
        for s in self.signoffs:
            signed.setdefault(s.version, set()).add(s.role)
        complete = [v for v, roles in signed.items() if {"mentor", "mentee"} <= roles]
        return max(complete) if complete else None

    @property
    def edited_since_signing(self) -> bool:
        signed = self.signed_version
        return signed is not None and self.version > signed


@dataclass(slots=True, kw_only=True)
class Segment:
    id: str
    position: int
    exercise_id: str | None
    title: str
    kind: str
    planned_minutes: float
    skipped: bool = False
    started_at: str | None = None
    ended_at: str | None = None
    actual_seconds: float | None = None
    extra_seconds: float = 0.0  # added (or, negative, taken off) while running it
    private_notes: str = ""  # the facilitator's own, never shown to the room

    @property
    def ran(self) -> bool:
        """Whether this segment was run and ended: only then is its actual time a record."""
        return bool(self.started_at and self.ended_at and self.actual_seconds)


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    at: str
    table_name: str
    record_id: str
    pair_id: str | None
    field: str
    old_value: str | None
    new_value: str | None
