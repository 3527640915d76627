"""The one-page staff summary of a workshop, as plain data for `summary.html.j2`.

Counts only: attendance, pairs, charters complete and signed, which sections are still open,
how goals map onto the program's goals, and the meeting cadences pairs chose. No charter
content appears, so the page can go to the sponsor without breaking any pair's confidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workshop_app.core.charter_fields import CONTENT_SECTIONS, FREQUENCIES, MEETING_FORMATS
from workshop_app.core.charters.context import (
    brand_context,
    clean,
    program_context,
    w3c_datetime,
)
from workshop_app.core.charters.dates import format_date
from workshop_app.core.completeness import goal_complete, section_status

if TYPE_CHECKING:
    from workshop_app.core.charters.store import PairOverview
    from workshop_app.core.store.workshop_file import WorkshopFile

_WORD = re.compile(r"[^\W\d_]{4,}")
_PROGRAM_GOAL_REF = re.compile(r"program goal\s*(\d+)", re.IGNORECASE)
# Words too common to say what a goal is about.
_STOP = frozenset(
    re.findall(
        r"\w+",
        "with from that this their them they your have will into about more most than what "
        "when which while whom whose across other some such only also each every",
    )
)


def summary_context(wf: WorkshopFile, *, overview: list[PairOverview] | None = None) -> dict:
    """Everything `summary.html.j2` needs, as plain picklable data. `overview` saves reading
    `wf.charters.overview()` again when the caller has it."""
    workshop = wf.workshop()
    lang = workshop.language or "en"
    overview = wf.charters.overview() if overview is None else overview
    people = wf.roster.participants()
    charters = [wf.charters.charter(o.pair_id) for o in overview]
    program = program_context(workshop)

    attendance = []
    for role, title in (("mentor", "Mentors"), ("mentee", "Mentees")):
        group = [p for p in people if p.role == role]
        attendance.append(
            {
                "role": title,
                "total": len(group),
                "present": sum(1 for p in group if p.present),
                "absent": sum(1 for p in group if p.present is False),
                "unknown": sum(1 for p in group if p.present is None),
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
            "title": s.title,
            "complete": len(charters) - open_by_section[s.key],
            "total": len(charters),
        }
        for s in CONTENT_SECTIONS
    ]

    goals = [g for c in charters for g in c.goals if g.goal.strip()]
    themes = goal_themes([(g.goal, g.why) for g in goals], program["goals"])

    frequencies: Counter[str] = Counter(c.fields.get("meeting_frequency") or "" for c in charters)
    formats: Counter[str] = Counter(c.fields.get("meeting_format") or "" for c in charters)
    stamps = [
        workshop.updated_at,
        *(c.updated_at for c in charters),
        *(p.updated_at for p in people),
    ]
    return {
        "kind": "summary",
        "lang": lang,
        "paper": workshop.paper_size,
        "title": clean(f"Workshop summary: {workshop.program}, {format_date(workshop.date, lang)}"),
        "author": clean(f"{workshop.organisation}, {workshop.program}"),
        "created": w3c_datetime(max((s for s in stamps if s), default=workshop.date)),
        "brand": brand_context(workshop),
        "program": program,
        "figures": {
            "participants": len(people),
            "present": sum(1 for p in people if p.present),
            "pairs": len(overview),
            "complete": sum(1 for o in overview if o.complete),
            "signed": sum(1 for o in overview if o.signed_version is not None),
            "edited_since": sum(
                1 for o in overview if o.signed_version is not None and o.version > o.signed_version
            ),
            "unpaired": max(0, len(people) - 2 * len(overview)),
        },
        "attendance": attendance,
        "sections": sections,
        "goals": {
            "total": len(goals),
            "smart": sum(1 for g in goals if goal_complete(g)),
            "pairs_with_goal": sum(1 for c in charters if any(g.goal.strip() for g in c.goals)),
            "themes": themes,
        },
        "cadence": {
            "frequencies": _counted(frequencies, FREQUENCIES),
            "formats": _counted(formats, MEETING_FORMATS),
            "first_meetings": sum(1 for c in charters if c.fields.get("first_meeting")),
        },
        "open_pairs": [clean(o.code) for o in overview if not o.complete],
        "unsigned_pairs": [clean(o.code) for o in overview if o.signed_version is None],
    }


def goal_themes(goals: Sequence[tuple[str, str]], program_goals: Sequence[str]) -> list[dict]:
    """How many goals serve each program goal: by an explicit "program goal N" in why it
    matters, else by shared words with the program goal; the rest are "not linked"."""
    counts = [0] * len(program_goals)
    unlinked = 0
    program_words = [_words(g) for g in program_goals]
    for goal, why in goals:
        index = program_goal_index(why, program_goals)
        if index is None:
            words = _words(f"{goal} {why}")
            overlaps = [len(words & pw) for pw in program_words]
            best = max(overlaps, default=0)
            index = overlaps.index(best) if best >= 2 else None
        if index is None:
            unlinked += 1
        else:
            counts[index] += 1
    themes = [
        {"label": clean(g), "count": n, "number": i + 1}
        for i, (g, n) in enumerate(zip(program_goals, counts, strict=True))
    ]
    themes.append({"label": "Not linked to a program goal", "count": unlinked, "number": None})
    return themes


def program_goal_index(why: str, goals: Sequence[str]) -> int | None:
    """Which program goal (0-based) a goal's "why it matters" names, as in "program goal 2"."""
    m = _PROGRAM_GOAL_REF.search(why)
    if m and 1 <= int(m.group(1)) <= len(goals):
        return int(m.group(1)) - 1
    return None


def _words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _WORD.findall(text) if w.lower() not in _STOP}


def _counted(counts: Counter[str], choices: Sequence[tuple[str, str]]) -> list[dict]:
    rows = [{"label": label, "count": counts.get(value, 0)} for value, label in choices]
    rows.append({"label": "Not agreed yet", "count": counts.get("", 0)})
    return rows
