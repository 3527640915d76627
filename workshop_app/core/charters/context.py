"""What a printed charter shows, as plain data: the bridge from the workshop file to a template.

`charter_context()` reads one pair's charter (or a signed version of it) and returns nested
dicts, lists and strings only, so the result pickles cheaply into a render worker and the
template never touches the database. Values are formatted for people here (dates, choice
labels, review checkpoints), in the workshop's charter language (`translations(lang)`);
the template only lays them out. Text typed by participants is cleaned of control
characters but otherwise kept as typed: the template escapes it.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from workshop_app.core.charter_fields import (
    DEFAULT_REVIEW_DAYS,
    GOAL_PARTS,
    GOALS_LIST,
    MAX_GOALS,
    PLAN_PARTS,
    SECTIONS,
    TROUBLESHOOTING_LIST,
    CharterField,
    choice_label,
)
from workshop_app.core.charters.dates import format_date, format_datetime, format_number, parse_date
from workshop_app.core.completeness import section_status
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, translations
from workshop_app.core.model import Goal, Participant, Plan, Signoff, Workshop

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

# Kinds printed as a short "label: value" row; the rest are paragraphs.
SHORT_KINDS = frozenset({"line", "choice", "int", "date", "datetime", "days"})
# Program wording printed inside the pair's own sections.
PROGRAM_WORDING = {
    "confidentiality": ("confidentiality_text", N_("The program's confidentiality terms")),
    "boundaries": ("mentor_boundary", N_("The program's boundary for every mentor")),
    "duration": ("no_fault_text", N_("Voluntary, and ended without fault")),
    "program": ("program_commitments_text", N_("What the program asks of every pair")),
}
# Printed beside the no-fault clause on every charter, whatever the program's wording.
VOLUNTARY = N_(
    "We enter into this agreement voluntarily. Either of us may end it at any time, "
    "without giving a reason and without fault."
)
# Labels that read better on paper than in the form (the value carries the unit).
PRINTED_LABELS = {"meeting_minutes": N_("Length")}
# Meetings a month for each agreed cadence (52 weeks over 12 months); custom is unknown.
MEETINGS_PER_MONTH = {"weekly": 52 / 12, "biweekly": 26 / 12, "monthly": 1.0}
DEFAULT_ACCENT = "#1f4e79"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


@dataclass(frozen=True, slots=True)
class WorkshopParts:
    """What every charter of a workshop shows alike, worked out once for a batch of charters:
    their contexts then share these dicts (a logo is encoded, pickled and hashed once)."""

    workshop: Workshop
    program: dict
    brand: dict


def workshop_parts(wf: WorkshopFile) -> WorkshopParts:
    workshop = wf.workshop()
    return WorkshopParts(workshop, program_context(workshop), brand_context(workshop))


def charter_context(
    wf: WorkshopFile,
    pair_id: str,
    *,
    version: int | None = None,
    parts: WorkshopParts | None = None,
) -> dict:
    """Everything `charter.html.j2` needs for one pair, as plain picklable data.

    `version` prints a signed version from its snapshot; None prints the charter as it is now.
    `parts` (from `workshop_parts`) saves reading and formatting the workshop's own details
    again for each charter of a batch.
    """
    parts = parts or workshop_parts(wf)
    workshop = parts.workshop
    pair = wf.roster.pair(pair_id)
    mentor = wf.roster.participant(pair.mentor_id)
    mentee = wf.roster.participant(pair.mentee_id)
    charter = wf.charters.charter(pair_id)
    if version is None or version == charter.version:
        version = charter.version
        values: Mapping[str, Any] = charter.fields
        goals, plans = charter.goals, charter.plans
        changed = (charter.updated_at, workshop.updated_at, pair.updated_at)
        stamp = max(
            (t for t in (*changed, mentor.updated_at, mentee.updated_at) if t),
            default=workshop.date,
        )
    else:
        snapshot = wf.charters.signed_snapshot(pair_id, version)
        if snapshot is None:
            raise UserError(
                translations(workshop.language)
                .gettext("Pair {code} has no signed version {version}.")
                .format(code=pair.code, version=version)
            )
        values = snapshot["fields"]
        goals = [Goal(id="", position=i, **g) for i, g in enumerate(snapshot["goals"], 1)]
        plans = [Plan(id="", position=i, **p) for i, p in enumerate(snapshot["plans"], 1)]
        stamp = ""
    signoffs = [s for s in charter.signoffs if s.version == version]
    if signoffs:
        stamp = max(s.signed_at for s in signoffs)
    status = section_status(values, goals, plans)
    missing = [s.number for s in SECTIONS if status.get(s.key, "complete") != "complete"]
    lang = workshop.language or "en"
    t = translations(lang)
    replaces = _replaced_version(charter.signoffs, version, lang)
    program = parts.program
    names = f"{mentor.name} & {mentee.name}"
    paper_completed = next(
        (s.paper_completed for s in signoffs if s.paper_completed is not None), None
    )
    acknowledged = program["manager_acknowledgement"]
    managers = [clean(p.manager) for p in (mentor, mentee) if clean(p.manager)]
    return {
        "kind": "charter",
        "lang": lang,
        "paper": workshop.paper_size,
        "title": clean(
            t.gettext("Mentoring charter {code}: {names}").format(code=pair.code, names=names)
        ),
        "author": clean(f"{workshop.organisation}, {workshop.program}"),
        "created": w3c_datetime(stamp or workshop.date),
        "brand": parts.brand,
        "program": program,
        "pair": {
            "id": pair.id,
            "code": clean(pair.code),
            "names": clean(names),
            "mentor": _person(mentor, line=acknowledged),
            "mentee": _person(mentee, line=True),
            # The row is left out when neither has a manager, unless managers sign below.
            "manager_row": bool(managers) or acknowledged,
            # One acknowledgement per manager named in the roster, else one to name by hand.
            "managers": list(dict.fromkeys(managers)) or [""],
        },
        "version": version,
        "current_version": charter.version,
        "signed_version": charter.signed_version,
        "signed": {
            s.role: {"name": clean(s.name), "date": format_date(s.signed_at, lang)}
            for s in signoffs
        },
        "missing": missing,
        "copy_label": "",  # "Mentor's copy"... when printed as labelled copies
        "status": status_line(
            missing,
            version=version,
            signed=bool(signoffs),
            signed_version=charter.signed_version,
            paper_completed=paper_completed,
            replaces=replaces,
            lang=lang,
        ),
        "sections": [
            _section(s.key, values, goals, plans, status, workshop, program, lang)
            for s in SECTIONS
            if s.fields
        ],
    }


def draft_note(missing: Sequence[int], lang: str = "en") -> str:
    """The discreet header line of an incomplete charter ('' when complete)."""
    if not missing:
        return ""
    t = translations(lang)
    return t.ngettext(
        "Draft: {sections} still open", "Draft: {sections} still open", len(missing)
    ).format(sections=open_sections(missing, lang))


def status_line(
    missing: Sequence[int],
    *,
    version: int,
    signed: bool,
    signed_version: int | None,
    paper_completed: bool | None,
    replaces: str = "",
    lang: str = "en",
) -> dict:
    """The header of every page: {"draft": ..., "version": ...}, either part ''.

    A signed version with open sections is not a draft: it says whether the pair completed
    those sections by hand on the paper they signed, or signed with them left open.
    `replaces` names the signed version this one replaces ("version 1, signed 14 March
    2026"), so a revised charter (a re-launch) says on every page what it supersedes."""
    t = translations(lang)
    if signed:
        # Translators: {replaced} is "version 1, signed 14 March 2026"; the space after
        # "replaces" never breaks.
        after = (
            t.gettext(" · replaces\N{NO-BREAK SPACE}{replaced}").format(replaced=replaces)
            if replaces
            else ""
        )
        if not missing:
            note = t.gettext("Version {version}, signed").format(version=version)
            return {"draft": "", "version": note + after}
        listed = open_sections(missing, lang)
        if paper_completed:
            note = t.ngettext(
                "Version {version}, signed · {sections} completed by hand",
                "Version {version}, signed · {sections} completed by hand",
                len(missing),
            ).format(version=version, sections=listed)
            return {"draft": "", "version": note + after}
        note = t.ngettext(
            "Version {version}, signed with {sections} left open",
            "Version {version}, signed with {sections} left open",
            len(missing),
        ).format(version=version, sections=listed)
        return {"draft": "", "version": note + after}
    if replaces:
        note = t.gettext("Version {version}, replacing\N{NO-BREAK SPACE}{replaced}").format(
            version=version, replaced=replaces
        )
    elif signed_version:
        note = t.gettext("Version {version} (version {signed} was signed)").format(
            version=version, signed=signed_version
        )
    elif version > 1:
        # Translators: a charter's version, not the app's (German: "Fassung").
        note = t.pgettext("charter", "Version {version}").format(version=version)
    else:
        note = ""
    return {"draft": draft_note(missing, lang), "version": note}


def _replaced_version(signoffs: Sequence[Signoff], version: int, lang: str) -> str:
    """'version 1, signed 14 March 2026': the newest version signed by both partners before
    `version`, with the day it was signed; '' when there is none."""
    roles: dict[int, set[str]] = {}
    for s in signoffs:
        if s.version < version:
            roles.setdefault(s.version, set()).add(s.role)
    earlier = [v for v, signed in roles.items() if {"mentor", "mentee"} <= signed]
    if not earlier:
        return ""
    previous = max(earlier)
    when = max(s.signed_at for s in signoffs if s.version == previous)
    # Unbroken: the page header has two short lines, and this is the second one whole.
    text = translations(lang).gettext("version {version}, signed {date}")
    return text.format(version=previous, date=format_date(when, lang)).replace(
        " ", "\N{NO-BREAK SPACE}"
    )


def open_sections(missing: Sequence[int], lang: str = "en") -> str:
    """'section 4', 'sections 4 and 7', 'sections 2–5 and 9' ('' when none)."""
    if not missing:
        return ""
    t = translations(lang)
    runs: list[list[int]] = []
    for number in sorted(missing):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [f"{r[0]}\u2013{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
    listed = ", ".join(parts)
    if len(missing) == 1:
        return t.gettext("section {number}").format(number=listed)
    head, _, last = listed.rpartition(", ")
    if head:
        # Translators: the last two of a list of section numbers, "2, 4 and 7".
        listed = t.gettext("{numbers} and {last}").format(numbers=head, last=last)
    return t.gettext("sections {numbers}").format(numbers=listed)


def return_copy_line(to: str, by: str, lang: str = "en") -> str:
    """Where the signed copy goes and by when, from whichever of the two is set."""
    t = translations(lang)
    if to and by:
        return t.gettext("Return a signed copy to {to} by {date}.").format(to=to, date=by)
    if to:
        return t.gettext("Return a signed copy to {to}.").format(to=to)
    if by:
        return t.gettext("Return a signed copy by {date}.").format(date=by)
    return ""


def time_commitment(frequency: Any, minutes: Any, months: int | None, lang: str = "en") -> str:
    """The time the pair signs up for, in plain words: 'about 2 hours a month for 9 months'.
    '' when the cadence or the meeting length is unknown (a custom cadence is free text)."""
    per_month = MEETINGS_PER_MONTH.get(str(frequency or ""))
    try:
        length = int(minutes)
    except (TypeError, ValueError):
        return ""
    if per_month is None or length <= 0:
        return ""
    t = translations(lang)
    monthly = per_month * length
    if monthly < 60:
        rounded = max(5, round(monthly / 5) * 5)
        amount = t.ngettext("{n} minute", "{n} minutes", rounded).format(n=rounded)
    else:
        halves = round(monthly / 30)
        whole, half = divmod(halves, 2)
        number = f"{whole}\u00bd" if half else str(whole)
        # "1½ hours": plural from 1½ up, as "2 hours" (the count is in half hours).
        amount = t.ngettext("{n} hour", "{n} hours", 1 if halves == 2 else 2).format(n=number)
    if months:
        return t.ngettext(
            "about {amount} a month for {n} month",
            "about {amount} a month for {n} months",
            months,
        ).format(amount=amount, n=months)
    return t.gettext("about {amount} a month").format(amount=amount)


def program_context(workshop: Workshop) -> dict:
    lang = workshop.language or "en"
    return {
        "name": clean(workshop.program),
        "organisation": clean(workshop.organisation),
        "cohort": clean(workshop.cohort),
        "date": format_date(workshop.date, lang),
        "venue": clean(workshop.venue),
        "facilitator": clean(workshop.facilitator),
        "coordinator": clean(workshop.coordinator),
        "sponsor_name": clean(workshop.sponsor_name),
        "sponsor_title": clean(workshop.sponsor_title),
        "endorsement": paragraphs(workshop.endorsement),
        "goals": [clean(g) for g in workshop.program_goal_list],
        "length_months": workshop.program_length_months,
        "support": [clean(line) for line in workshop.support_contacts.splitlines() if line.strip()],
        "return_copy": return_copy_line(
            clean(workshop.return_copy_to), format_date(workshop.return_copy_by, lang), lang
        ),
        "manager_acknowledgement": workshop.manager_acknowledgement == "yes",
    }


def brand_context(workshop: Workshop) -> dict:
    """Rules and bars (`accent`) get the same darkening as text (`accent_text`): a light
    brand colour would otherwise vanish in black and white (pale bars on a pale track)."""
    accent = readable_colour(safe_colour(workshop.accent_colour))
    return {
        "organisation": clean(workshop.organisation),
        "logo": logo_data_uri(workshop.logo, workshop.logo_mime),
        "accent": accent,
        "accent_text": accent,
    }


# -- one section -------------------------------------------------------------------------


def _section(
    key: str,
    values: Mapping[str, Any],
    goals: Sequence[Goal],
    plans: Sequence[Plan],
    status: Mapping[str, str],
    workshop: Workshop,
    program: dict,
    lang: str,
) -> dict:
    section = next(s for s in SECTIONS if s.key == key)
    t = translations(lang)
    out: dict[str, Any] = {
        "key": key,
        "number": section.number,
        "title": t.gettext(section.title),
        "status": status.get(key, "complete"),
        "wording": None,
        "wording_title": "",
        "short": [],
        "long": [],
        "goals": None,
        "plans": None,
        "checkpoints": None,
        "program_goals": program["goals"] if key == "purpose" else [],
    }
    if key in PROGRAM_WORDING:
        name, title = PROGRAM_WORDING[key]
        out["wording"] = paragraphs(getattr(workshop, name))
        if key == "duration":
            out["wording"].insert(0, t.gettext(VOLUNTARY))
        out["wording_title"] = t.gettext(title)
    for field in section.fields:
        if field.name == GOALS_LIST:
            out["goals"] = _goals(goals, lang)
        elif field.name == TROUBLESHOOTING_LIST:
            out["plans"] = _plans(plans)
        elif field.name == "meeting_frequency_custom":
            continue  # folded into "How often"
        elif field.kind in SHORT_KINDS:
            out["short"].append(_short(field, values, lang))
        else:
            out["long"].append(
                {
                    "name": field.name,
                    "label": t.gettext(field.label),
                    "text": clean(values.get(field.name)),
                }
            )
    if key == "purpose":
        # An empty charter offers every goal card there is room for, to fill in by hand.
        out["goal_cards"] = len(out["goals"]) or MAX_GOALS
    if key == "troubleshooting":
        out["blank_plans"] = 3 if not out["plans"] else (0 if out["status"] == "complete" else 1)
    if key == "meetings":
        commitment = time_commitment(
            values.get("meeting_frequency"),
            values.get("meeting_minutes"),
            workshop.program_length_months,
            lang,
        )
        if commitment:
            out["short"].append(
                {"name": "commitment", "label": t.gettext("Time together"), "text": commitment}
            )
    if key == "reviews":
        out["checkpoints"] = checkpoints(
            values.get("review_days"), values.get("first_meeting"), lang
        )
        out["short"] = [f for f in out["short"] if f["name"] != "review_days"]
    if key == "duration" and workshop.program_length_months:
        months = workshop.program_length_months
        out["short"].insert(
            0,
            {
                "name": "program_length",
                "label": t.gettext("Program length"),
                "text": t.ngettext("{n} month", "{n} months", months).format(n=months),
            },
        )
    return out


def _short(field: CharterField, values: Mapping[str, Any], lang: str) -> dict:
    raw = values.get(field.name)
    t = translations(lang)
    text: str
    if field.kind == "choice":
        label = choice_label(field.name, raw)
        # A stored value the field does not offer (an older file) is printed as stored.
        text = t.gettext(label) if label != raw else label
        if field.name == "meeting_frequency" and raw == "custom":
            text = clean(values.get("meeting_frequency_custom")) or t.gettext("Custom")
    elif field.kind == "int":  # the one number field, a meeting's length
        text = "" if raw in (None, "") else _minutes(raw, lang)
    elif field.kind == "date":
        text = format_date(clean(raw), lang)
    elif field.kind == "datetime":
        text = format_datetime(clean(raw), lang)
    else:
        text = clean(raw)
    label = t.gettext(PRINTED_LABELS.get(field.name, field.label))
    return {"name": field.name, "label": label, "text": clean(text)}


def _minutes(raw: Any, lang: str) -> str:
    """A meeting's length: "45 minutes", the number in the language's digits and plural."""
    t = translations(lang)
    try:
        n = int(raw)
    except (TypeError, ValueError):
        return t.ngettext("{n} minute", "{n} minutes", 2).format(n=clean(raw))
    return t.ngettext("{n} minute", "{n} minutes", n).format(n=format_number(n, lang))


def _goals(goals: Sequence[Goal], lang: str) -> list[dict]:
    out = []
    for goal in sorted(goals, key=lambda g: g.position)[:MAX_GOALS]:
        parts = {
            name: (
                format_date(clean(getattr(goal, name)), lang)
                if name == "target_date"
                else clean(getattr(goal, name))
            )
            for name, _ in GOAL_PARTS
        }
        if any(parts.values()):
            out.append(parts)
    return out


def _plans(plans: Sequence[Plan]) -> list[dict]:
    out = []
    for plan in sorted(plans, key=lambda p: p.position):
        parts = {name: clean(getattr(plan, name)) for name, _ in PLAN_PARTS}
        if any(parts.values()):
            out.append(parts)
    return out


def checkpoints(days_text: Any, first_meeting: Any, lang: str) -> list[dict]:
    """Review checkpoints as days after the first meeting, with dates when that date is set.

    Without agreed days the program's default days are printed, each with a blank for its
    date (`agreed` False): the pair writes the dates in when they agree them."""
    days = sorted({int(d) for d in re.findall(r"\d+", str(days_text or "")) if 0 < int(d) < 10000})
    if not days:
        return [
            {"days": d, "label": _day(d, lang), "date": "", "agreed": False}
            for d in DEFAULT_REVIEW_DAYS
        ]
    start = parse_date(first_meeting)
    out = []
    for day in days:
        when = format_date((start + timedelta(days=day)).isoformat(), lang) if start else ""
        out.append({"days": day, "label": _day(day, lang), "date": when, "agreed": True})
    return out


def _day(number: int, lang: str) -> str:
    # Translators: a review checkpoint, counted in days from the pair's first meeting.
    return translations(lang).gettext("Day {n}").format(n=number)


def _person(p: Participant, *, line: bool) -> dict:
    """`manager_line`: an empty line-manager cell offers a line to write on. The mentee's
    manager is part of the mentee's development; the mentor's is asked for only when line
    managers sign the acknowledgement."""
    return {
        "name": clean(p.name),
        "title": clean(p.title),
        "department": clean(p.department),
        "email": clean(p.email),
        "manager": clean(p.manager),
        "manager_line": line,
    }


# -- text, dates, colours, logos ---------------------------------------------------------


def clean(value: Any) -> str:
    """Text safe to lay out: str, NFC, newlines kept, control characters and lone surrogates
    gone. Escaping is the template's job, not this one."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if text.isascii():  # no surrogates, nothing to compose: the common case, done quickly
        return _CONTROL.sub("", text).strip()
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text).strip()


def paragraphs(value: Any) -> list[str]:
    """Blank-line separated paragraphs (single newlines stay inside a paragraph)."""
    return [p.strip() for p in re.split(r"\n\s*\n", clean(value)) if p.strip()]


def w3c_datetime(stamp: str) -> str:
    """An ISO timestamp as a W3C date-time in UTC (what WeasyPrint puts in CreationDate)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return "2000-01-01T00:00:00Z"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def safe_colour(value: str | None) -> str:
    """A `#rrggbb` colour, or the default accent: only this ever reaches the CSS."""
    m = _HEX.match((value or "").strip())
    if not m:
        return DEFAULT_ACCENT
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits.lower()}"


def readable_colour(colour: str) -> str:
    """The accent darkened until text in it reads on white and prints dark in greyscale."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    while 0.299 * r + 0.587 * g + 0.114 * b > 110:
        r, g, b = (int(c * 0.85) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def logo_data_uri(logo: bytes | None, mime: str = "") -> str:
    """The logo as a data: URI when it really is a PNG or an SVG, else ''."""
    if not logo:
        return ""
    if logo.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "image/png"
    elif b"<svg" in logo[:4096]:  # the bytes decide, not the stored media type
        kind = "image/svg+xml"
    else:
        return ""
    return f"data:{kind};base64,{base64.b64encode(logo).decode('ascii')}"
