"""A realistic demo workshop: a launch at a logistics company, twelve pairs in every state, in
English or in one of the demo's other languages (`core/demo_data`: the shape, the same in every
language, and each language's words)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from workshop_app.core.demo_data import DEFAULT_LANGUAGE, DemoTexts, demo_texts, shape
from workshop_app.core.model import Pair
from workshop_app.core.store.workshop_file import WorkshopFile

# A goal as the charter form holds it: (goal, why, measure, target date, first steps).
Goal5 = tuple[str, str, str, str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoCharter:
    """One pair's charter as the demo fills it in: its shape and its words together.
    `baselines` are the mentee's ratings of the goals, in order."""

    fields: dict[str, Any]
    goals: tuple[Goal5, ...] = ()
    baselines: tuple[str, ...] = ()
    plans: tuple[tuple[str, str], ...] = ()


def demo_program(texts: DemoTexts, language: str) -> dict[str, Any]:
    """The workshop's program fields in `texts`' language, its charter language."""
    return {**texts.program, **shape.PROGRAM, "language": language}


def demo_charters(texts: DemoTexts) -> tuple[DemoCharter, ...]:
    """The charters begun (P01 to P09), in pair order, in `texts`' language."""
    return tuple(
        DemoCharter(
            fields={**form.fields, **words.fields},
            goals=tuple(
                (goal, why, measure, target, steps)
                for (goal, why, measure, steps), target in zip(
                    words.goals, form.target_dates, strict=True
                )
            ),
            baselines=form.baselines,
            plans=words.plans,
        )
        for form, words in zip(shape.CHARTERS, texts.charters, strict=True)
    )


# The English demo, which tests and benchmarks use as typical data.
_ENGLISH = demo_texts(DEFAULT_LANGUAGE)
PROGRAM = demo_program(_ENGLISH, DEFAULT_LANGUAGE)
PEOPLE = _ENGLISH.people
CHARTERS = demo_charters(_ENGLISH)

# A typical complete charter (P03, the demo's three-goal one), for tests and benchmarks that
# fill charters of their own.
FULL = dict(CHARTERS[2].fields)
GOALS = list(CHARTERS[2].goals)
PLANS = list(CHARTERS[2].plans)


def create_demo(
    path: Path, *, launch: date | None = None, language: str = DEFAULT_LANGUAGE
) -> WorkshopFile:
    """Create the demo workshop at `path` and return it open, written in `language` (one of
    demo_data.LANGUAGES), which is also its charter language. `launch` moves the workshop
    and every date in it (first meetings, target dates, signatures) by the same days, so the
    demo can be a program already under way (see demo_follow_up)."""
    texts = demo_texts(language)
    start = date.fromisoformat(shape.PROGRAM["date"])
    shift = timedelta(days=(launch - start).days if launch else 0)
    program = {
        name: _moved(value, shift) if name in _DATE_FIELDS else value
        for name, value in demo_program(texts, language).items()
    }
    wf = WorkshopFile.create(
        path,
        program=program.pop("program"),
        organisation=program.pop("organisation"),
        date=program.pop("date"),
        **program,
    )
    with wf.transaction():
        pairs: list[Pair] = []
        for (mentor, m_title, m_dept), (mentee, e_title, e_dept) in texts.people:
            a = wf.roster.add_participant(
                role="mentor",
                name=mentor,
                title=m_title,
                department=m_dept,
                email=_email(mentor, texts.email_domain),
            )
            b = wf.roster.add_participant(
                role="mentee",
                name=mentee,
                title=e_title,
                department=e_dept,
                email=_email(mentee, texts.email_domain),
                manager=texts.managers[len(pairs) % len(texts.managers)],
            )
            pairs.append(wf.roster.make_pair(a.id, b.id))
        # Attendance: everyone in, but for the last pair's mentee, who is running late.
        late = texts.people[-1][1][0]
        for person in wf.roster.participants():
            wf.roster.set_attendance(person.id, person.name != late)
        for pair, charter in zip(pairs, demo_charters(texts), strict=False):
            _fill(wf, pair.id, charter, shift)
    from workshop_app.core.content.library import load_library
    from workshop_app.core.runner.agenda_store import planned_from

    library = load_library(language=language)  # its breaks titled in the demo's language
    wf.agenda.choose("half-day-launch", planned_from(library.agenda("half-day-launch"), library))
    (mentor, _, _), (mentee, _, _) = texts.people[0]
    wf.charters.sign(
        pairs[0].id,
        mentor=mentor,
        mentee=mentee,
        coordinator=texts.coordinator_signature,
        signed_at=_moved("2027-01-19T16:05:00+00:00", shift),
    )
    return wf


def _fill(wf: WorkshopFile, pair_id: str, charter: DemoCharter, shift: timedelta) -> None:
    for name, value in charter.fields.items():
        wf.charters.set_field(
            pair_id, name, _moved(value, shift) if name in _DATE_FIELDS else value
        )
    for position, goal in enumerate(charter.goals, start=1):
        for part, value in zip(_GOAL_PARTS, goal, strict=True):
            moved = _moved(value, shift) if part in _DATE_FIELDS else value
            wf.charters.set_goal_part(pair_id, position, part, moved)
    for position, baseline in enumerate(charter.baselines, start=1):
        wf.charters.set_goal_part(pair_id, position, "baseline", baseline)
    for scenario, plan in charter.plans:
        wf.charters.add_plan(pair_id, scenario=scenario, plan=plan)


# The fields (program, charter and goal) that hold a date or a date and time.
_DATE_FIELDS = frozenset({"date", "return_copy_by", "first_meeting", "end_date", "target_date"})


def _moved(value: str, shift: timedelta) -> str:
    """An ISO date or date-time `shift` later, written as it was written."""
    if not shift or not value:
        return value
    if len(value) == 10:
        return (date.fromisoformat(value) + shift).isoformat()
    moment = datetime.fromisoformat(value) + shift
    return moment.isoformat(timespec="minutes" if len(value) == 16 else "seconds")


_GOAL_PARTS = ("goal", "why", "measure", "target_date", "first_steps")


def _email(name: str, domain: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    first, *rest = plain.lower().replace("'", "").replace("-", "").split()
    return f"{first}.{''.join(rest)}@{domain}"
