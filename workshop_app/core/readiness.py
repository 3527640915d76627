"""Is the workshop ready for the day? The next steps, and warnings about the program context.

A new workshop has only its program, organisation and date. Before the event the facilitator
fills in the program context, imports the roster and pairs, and picks an agenda; the Overview
lists those steps until they are done, and the Program page warns beside the fields concerned.
The confidentiality and no-fault wording print on every charter, so an empty one is offered
the standard wording below rather than printing a charter without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from workshop_app.core.charters.dates import format_date
from workshop_app.core.content.model import hours_minutes_text
from workshop_app.core.i18n import N_, _, interface_language, ngettext, translations
from workshop_app.core.model import Segment, Workshop

STANDARD_CONFIDENTIALITY = N_(
    "What the mentor and mentee say to each other in their mentoring conversations stays "
    "between them. Neither passes on what the other has shared (about themselves, colleagues, "
    "performance or career plans) without the other's permission, and any notes either of "
    "them keeps are private.\n\n"
    "There are three exceptions: a risk of harm to anyone, something the law requires to be "
    "reported, and a serious breach of company policy such as harassment, discrimination, "
    "fraud or a danger to safety. Where it is safe to do so, the partner who must speak up "
    "tells the other first, and then raises it only with the person who needs to know.\n\n"
    "Line managers and program staff are told whether the pair meets and how the program is "
    "working for them, never what is discussed, unless both partners agree."
)
STANDARD_NO_FAULT = N_(
    "Either partner may end the mentoring relationship at any time, for any reason, without "
    "blame and without having to justify it. If the match is not working (different "
    "expectations, too little time, or simply a poor fit), the partners say so openly, ideally "
    "in one last conversation about what each has learned, and tell the program coordinator, "
    "who will offer a new match where possible. Ending a match early is a normal part of "
    "mentoring and is never held against either partner, in the program or at work."
)
# The wording each charter prints, with the standard text offered when it is empty.
STANDARD_WORDING = {
    "confidentiality_text": STANDARD_CONFIDENTIALITY,
    "no_fault_text": STANDARD_NO_FAULT,
}


def standard_wording(name: str, lang: str) -> str:
    """The standard text for the wording field `name`, in the charter language `lang`: it is
    printed on the charters, so it is written in their language, not the interface's."""
    return translations(lang).gettext(STANDARD_WORDING[name])


# What the program step needs beyond the required fields: what the charters and the room
# prompts print, and who pairs turn to.
KEY_FIELDS = (
    "facilitator",
    "sponsor_name",
    "program_goals",
    "program_length_months",
    "support_contacts",
    "confidentiality_text",
    "no_fault_text",
)
# Each key field as a sentence names it ("Still to fill in: sponsor, support contacts.").
_SHORT_LABELS = {
    "facilitator": N_("facilitator"),
    "sponsor_name": N_("sponsor"),
    "program_goals": N_("program goals"),
    "program_length_months": N_("program length"),
    "support_contacts": N_("support contacts"),
    "confidentiality_text": N_("confidentiality wording"),
    "no_fault_text": N_("no-fault clause"),
}


@dataclass(frozen=True, slots=True)
class ProgramWarning:
    field: str  # the workshop field it is about
    message: str


@dataclass(frozen=True, slots=True)
class NextStep:
    page: str  # the page where it is done: "program", "roster" or "agenda"
    title: str
    detail: str  # one line per point
    done: bool


def program_warnings(
    workshop: Workshop, *, today: date, held: bool = False
) -> list[ProgramWarning]:
    """What would make the day or its charters go wrong: a past date (unless the workshop was
    `held`: someone checked in or a charter is signed), missing wording."""
    warnings = []
    try:
        when = date.fromisoformat(workshop.date)
    except ValueError:
        when = None
    if when is not None and when < today and not held:
        warnings.append(
            ProgramWarning(
                "date",
                _(
                    "The workshop date, {date}, is in the past: every charter prints "
                    "it. Change it if the workshop is still to come."
                ).format(date=format_date(when, interface_language())),
            )
        )
    if not workshop.confidentiality_text.strip():
        warnings.append(
            ProgramWarning(
                "confidentiality_text",
                _(
                    "There is no confidentiality wording: the charters would print without the "
                    "program's confidentiality terms."
                ),
            )
        )
    if not workshop.no_fault_text.strip():
        warnings.append(
            ProgramWarning(
                "no_fault_text",
                _("There is no no-fault conclusion clause: the charters would print without it."),
            )
        )
    return warnings


def missing_fields(workshop: Workshop) -> list[str]:
    """The key fields still empty, by name."""
    return [name for name in KEY_FIELDS if not _filled(getattr(workshop, name))]


def next_steps(
    workshop: Workshop,
    *,
    pairs: int,
    participants: int,
    segments: Sequence[Segment],
    today: date,
    held: bool = False,
) -> list[NextStep]:
    """The three steps before the event, each with what is left or what was done."""
    return [
        _program_step(workshop, today, held),
        _roster_step(pairs, participants),
        _agenda_step(segments),
    ]


def _program_step(workshop: Workshop, today: date, held: bool) -> NextStep:
    warnings = program_warnings(workshop, today=today, held=held)
    warned = {w.field for w in warnings}
    missing = [n for n in missing_fields(workshop) if n not in warned]  # said once, not twice
    parts = [w.message for w in warnings]
    if missing:
        names = [_(_SHORT_LABELS[n]) for n in missing]
        parts.insert(0, _("Still to fill in: {fields}.").format(fields=", ".join(names)))
    if not parts:
        parts = [_("Sponsor, goals, support contacts and wording are filled in.")]
    done = not missing and not warnings
    # One line each: run together, a German list of missing fields and warnings read as one block.
    return NextStep("program", _("Fill in the program context"), "\n".join(parts), done=done)


def _roster_step(pairs: int, participants: int) -> NextStep:
    if pairs:
        detail = _("{pairs} from {participants}.").format(
            pairs=ngettext("{n} pair", "{n} pairs", pairs).format(n=f"{pairs:,}"),
            participants=ngettext("{n} participant", "{n} participants", participants).format(
                n=f"{participants:,}"
            ),
        )
    elif participants:
        detail = ngettext(
            "{n} participant, no pairs yet: make the pairs that matching produced, or import "
            "a roster that has them.",
            "{n} participants, no pairs yet: make the pairs that matching produced, or import "
            "a roster that has them.",
            participants,
        ).format(n=f"{participants:,}")
    else:
        detail = _("No roster yet: import it from a CSV or Excel file, or add people one by one.")
    return NextStep("roster", _("Import the roster and pairs"), detail, done=pairs > 0)


def _agenda_step(segments: Sequence[Segment]) -> NextStep:
    planned = [s for s in segments if not s.skipped]
    if planned:
        length = hours_minutes_text(round(sum(s.planned_minutes for s in planned)))
        detail = ngettext(
            "{n} segment, {length} planned.", "{n} segments, {length} planned.", len(planned)
        ).format(n=len(planned), length=length)
    else:
        detail = _("No agenda yet: start from the half-day launch or the 90-minute express launch.")
    return NextStep("agenda", _("Choose the agenda"), detail, done=bool(planned))


def _filled(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else value is not None
