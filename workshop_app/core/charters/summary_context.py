"""The one-page staff summary of a workshop, as plain data for `summary.html.j2`.

Counts and names only: attendance, pairs, charters complete and signed, which sections are
still open, how goals map onto the program's goals, the meeting cadences pairs chose, the
program's next dates and who follows up what. No charter content appears (no goal, plan or
boundary text), so the page can go to the sponsor without breaking any pair's confidence.

The page is one page at any data: every list and label is cut here, by characters (see
`fit.py`), so the same data always gives the same page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workshop_app.core.charter_fields import CONTENT_SECTIONS, FREQUENCIES, MEETING_FORMATS
from workshop_app.core.charters.context import (
    brand_context,
    checkpoints,
    clean,
    program_context,
    w3c_datetime,
)
from workshop_app.core.charters.dates import format_date, format_number, parse_date
from workshop_app.core.charters.fit import cut, listed
from workshop_app.core.charters.goal_words import (
    checkable_measure,
    program_goal_number,
    speaks_of_mixing,
    theme_words,
)
from workshop_app.core.charters.summary_timeline import (
    DEFAULT_CHECK_IN_DAYS,
    agenda_timing,
    as_of,
    latest_change,
    milestones,
)
from workshop_app.core.completeness import section_status
from workshop_app.core.i18n import N_, translations
from workshop_app.core.model import Charter, Goal, Participant, Workshop

if TYPE_CHECKING:
    from workshop_app.core.charters.store import PairOverview
    from workshop_app.core.store.workshop_file import WorkshopFile

SMART_RULE = N_(
    "Counted as SMART: a goal, why it matters, a measure with a number or a yes/no outcome, "
    "and a target date"
)
MIX_RULE = N_("the mentor's department or site differs from the mentee's")
# Character budgets: see fit.py (a full-width line holds about 95 characters).
LINE = 95
NAME = 44
# Program goals listed by name; the rest share one line ("… and 3 more program goals").
SHOWN = 5


def summary_context(wf: WorkshopFile, *, overview: list[PairOverview] | None = None) -> dict:
    """Everything `summary.html.j2` needs, as plain picklable data. `overview` saves reading
    `wf.charters.overview()` again when the caller has it."""
    workshop = wf.workshop()
    lang = workshop.language or "en"
    overview = wf.charters.overview() if overview is None else overview
    people = wf.roster.participants()
    pairs = wf.roster.pairs()
    charters = [wf.charters.charter(o.pair_id) for o in overview]
    segments = wf.agenda.segments()
    program = program_context(workshop)
    t = translations(lang)

    attendance = []
    for role, title in (("mentor", t.gettext("mentors")), ("mentee", t.gettext("mentees"))):
        group = [p for p in people if p.role == role]
        attendance.append(
            {
                "role": title,
                "total": len(group),
                "present": sum(1 for p in group if p.present),
            }
        )

    open_by_section: Counter[str] = Counter()
    for c in charters:
        for key, state in section_status(c.fields, c.goals, c.plans).items():
            if state != "complete":
                open_by_section[key] += 1
    sections = [
        {
            "number": s.number,
            "label": t.gettext(s.title),
            "count": len(charters) - open_by_section[s.key],
            "shown": f"{len(charters) - open_by_section[s.key]}/{len(charters)}",
            "total": len(charters),
        }
        for s in CONTENT_SECTIONS
    ]

    goals = [g for c in charters for g in c.goals if g.goal.strip()]
    themes = goal_themes([(g.goal, g.why) for g in goals], program["goals"], lang)
    frequencies: Counter[str] = Counter(c.fields.get("meeting_frequency") or "" for c in charters)
    formats: Counter[str] = Counter(c.fields.get("meeting_format") or "" for c in charters)
    moment = latest_change(
        [
            workshop.updated_at,
            *(c.updated_at for c in charters),
            *(g.updated_at for c in charters for g in c.goals),
            *(p.updated_at for c in charters for p in c.plans),
            *(s.signed_at for c in charters for s in c.signoffs),
            *(p.updated_at for p in people),
            *(p.checked_in_at for p in people),
            *(p.updated_at for p in pairs),
            *(s.started_at for s in segments),
            *(s.ended_at for s in segments),
        ]
    )
    complete = sum(1 for o in overview if o.complete)
    signed = sum(1 for o in overview if o.signed_version is not None)
    paired = {p.mentor_id for p in pairs} | {p.mentee_id for p in pairs}
    absent = [p for p in people if p.present is False]
    unpaired = [p for p in people if p.id not in paired]
    return {
        "kind": "summary",
        "lang": lang,
        "paper": workshop.paper_size,
        "title": clean(
            t.gettext("Workshop summary: {program}, {date}").format(
                program=workshop.program, date=format_date(workshop.date, lang)
            )
        ),
        "author": clean(f"{workshop.organisation}, {workshop.program}"),
        "created": w3c_datetime(moment.isoformat() if moment else workshop.date),
        "as_of": as_of(moment, lang),
        "brand": brand_context(workshop) | {"organisation": cut(workshop.organisation, 70)},
        "program": program
        | {
            "name": cut(workshop.program, 80),
            "cohort": cut(workshop.cohort, 40),
            "venue": cut(workshop.venue, 60),
            "facilitator": cut(workshop.facilitator, NAME),
        },
        "footer": [cut(workshop.organisation, 40), cut(workshop.program, 50)],
        "headline": headline(len(overview), complete, signed, lang),
        "figures": {
            "participants": len(people),
            "present": sum(1 for p in people if p.present),
            "unknown": sum(1 for p in people if p.present is None),
            "pairs": len(overview),
            "complete": complete,
            "signed": signed,
            "edited_since": sum(
                1 for o in overview if o.signed_version is not None and o.version > o.signed_version
            ),
        },
        "attendance": attendance,
        "sections": sections,
        "goals": {
            "total": len(goals),
            "smart": sum(1 for g in goals if strictly_smart(g)),
            "smart_rule": t.gettext(SMART_RULE),
            "pairs_with_goal": sum(1 for c in charters if any(g.goal.strip() for g in c.goals)),
            "themes": themes,
        },
        "success_metrics": cut(workshop.success_metrics, 3 * LINE),
        "cadence": {
            "frequencies": _counted(frequencies, FREQUENCIES, lang),
            "formats": _counted(formats, MEETING_FORMATS, lang),
        },
        "mix": pair_mix(workshop, pairs, people, lang),
        "milestones": milestones(
            workshop.date,
            workshop.program_length_months,
            [c.fields.get("first_meeting") or "" for c in charters],
            check_in_days(charters),
            len(overview),
            lang,
        ),
        "agenda": agenda_timing(segments, lang),
        "owner": follow_up_owner(workshop, lang),
        "follow_up": [
            {
                "label": t.gettext("Charters still open"),
                "text": listed([_pair(o) for o in overview if not o.complete], 2 * LINE, lang=lang),
            },
            {
                "label": t.gettext("Not yet signed"),
                "text": listed(
                    [_pair(o) for o in overview if o.signed_version is None], 2 * LINE, lang=lang
                ),
            },
            {
                "label": t.gettext("Edited since signing"),
                "text": listed(
                    [
                        clean(o.code)
                        for o in overview
                        if o.signed_version is not None and o.version > o.signed_version
                    ],
                    LINE,
                    lang=lang,
                ),
            },
            {"label": t.gettext("Absent"), "text": listed(_names(absent), 2 * LINE, lang=lang)},
            {
                "label": t.gettext("No pair"),
                "text": listed(_names(unpaired), 2 * LINE, lang=lang),
            },
        ],
    }


def headline(pairs: int, complete: int, signed: int, lang: str = "en") -> str:
    """One line for the sponsor: "11 of 12 pairs have a complete charter; 9 signed"."""
    t = translations(lang)
    if not pairs:
        return t.gettext("No pairs yet: the roster has no mentor-mentee pairs.")
    # The verb agrees with the complete ones ("1 of 12 pairs has"), the noun with all pairs.
    if complete == 1:
        text = t.ngettext(
            "{complete} of {n} pair has a complete charter; {signed} signed",
            "{complete} of {n} pairs has a complete charter; {signed} signed",
            pairs,
        )
    else:
        text = t.ngettext(
            "{complete} of {n} pair have a complete charter; {signed} signed",
            "{complete} of {n} pairs have a complete charter; {signed} signed",
            pairs,
        )
    return text.format(complete=complete, n=format_number(pairs, lang), signed=signed)


def strictly_smart(goal: Goal) -> bool:
    """SMART_RULE: what, why, a measure one can check (a number or an outcome that is met or
    not), and a target date that is a date."""
    measure = goal.measure.strip()
    return (
        bool(goal.goal.strip() and goal.why.strip() and measure)
        and checkable_measure(measure)
        and parse_date(goal.target_date) is not None
    )


def pair_mix(
    workshop: Workshop, pairs: Sequence, people: Sequence[Participant], lang: str = "en"
) -> dict | None:
    """How many pairs join two departments or sites (MIX_RULE), when the program's goals
    speak of working across them (`speaks_of_mixing`); None otherwise."""
    if not speaks_of_mixing(workshop.program_goals):
        return None
    by_id = {p.id: p for p in people}
    across = same = unknown = 0
    for pair in pairs:
        mentor, mentee = by_id.get(pair.mentor_id), by_id.get(pair.mentee_id)
        a, b = (_department(p) for p in (mentor, mentee))
        if not a or not b:
            unknown += 1
        elif a == b:
            same += 1
        else:
            across += 1
    return {
        "across": across,
        "same": same,
        "unknown": unknown,
        "pairs": len(pairs),
        "rule": translations(lang).gettext(MIX_RULE),
    }


def check_in_days(charters: Sequence[Charter]) -> tuple[int, ...]:
    """The check-in days most charters agreed, or the program's usual 30, 90 and 180."""
    agreed: Counter[tuple[int, ...]] = Counter()
    for c in charters:
        days = tuple(d["days"] for d in checkpoints(c.fields.get("review_days"), "", "en"))
        if days:
            agreed[days] += 1
    if not agreed:
        return DEFAULT_CHECK_IN_DAYS
    return max(agreed.items(), key=lambda item: (item[1], item[0]))[0][:4]


def follow_up_owner(workshop: Workshop, lang: str = "en") -> str:
    """Who follows up: the program coordinator, else the facilitator."""
    t = translations(lang)
    if workshop.coordinator.strip():
        return t.gettext("{name}, program coordinator").format(name=cut(workshop.coordinator, NAME))
    if workshop.facilitator.strip():
        return t.gettext("{name}, facilitator (no program coordinator is set)").format(
            name=cut(workshop.facilitator, NAME)
        )
    return t.gettext("Nobody yet: set a program coordinator on the program page")


def _department(person: Participant | None) -> str:
    return re.sub(r"\s+", " ", person.department).strip().casefold() if person else ""


def _pair(o: PairOverview) -> str:
    return f"{clean(o.code)} {cut(f'{o.mentor_name} & {o.mentee_name}', NAME)}"


def _names(people: Sequence[Participant]) -> list[str]:
    return [cut(p.name, NAME) for p in sorted(people, key=lambda p: p.name.casefold())]


def goal_themes(
    goals: Sequence[tuple[str, str]], program_goals: Sequence[str], lang: str = "en"
) -> list[dict]:
    """How many goals serve each program goal: by an explicit "program goal N" in why it
    matters, else by shared words with the program goal; the rest are "not linked"."""
    counts = [0] * len(program_goals)
    unlinked = 0
    program_words = [theme_words(g) for g in program_goals]
    for goal, why in goals:
        index = program_goal_index(why, program_goals)
        if index is None:
            words = theme_words(f"{goal} {why}")
            overlaps = [len(words & pw) for pw in program_words]
            best = max(overlaps, default=0)
            index = overlaps.index(best) if best >= 2 else None
        if index is None:
            unlinked += 1
        else:
            counts[index] += 1
    t = translations(lang)
    shown = len(program_goals) if len(program_goals) <= SHOWN + 1 else SHOWN
    themes: list[dict] = [
        {"label": cut(g, 76), "count": n, "number": i + 1}
        for i, (g, n) in enumerate(zip(program_goals[:shown], counts, strict=False))
    ]
    if shown < len(program_goals):
        rest = len(program_goals) - shown
        themes.append(
            {
                "label": t.ngettext(
                    "… and {n} more program goal", "… and {n} more program goals", rest
                ).format(n=rest),
                "count": sum(counts[shown:]),
                "number": None,
            }
        )
    themes.append(
        {"label": t.gettext("Not linked to a program goal"), "count": unlinked, "number": None}
    )
    return themes


def program_goal_index(why: str, goals: Sequence[str]) -> int | None:
    """Which program goal (0-based) a goal's "why it matters" names, as in "program goal 2"
    or "obiettivo 2 del programma"."""
    number = program_goal_number(why)
    if number is not None and 1 <= number <= len(goals):
        return number - 1
    return None


def _counted(counts: Counter[str], choices: Sequence[tuple[str, str]], lang: str) -> list[dict]:
    t = translations(lang)
    rows = [{"label": t.gettext(label), "count": counts.get(value, 0)} for value, label in choices]
    rows.append({"label": t.gettext("Not agreed yet"), "count": counts.get("", 0)})
    return rows
