"""The sponsor's outcomes report, as figures: what the program can show for itself.

Participation, charters signed, pairs meeting at their agreed cadence, goal progress against
baseline, fit and satisfaction, the check-in response rate, closures and what the goals came
to, and each of the program's own measures of success beside the figure that speaks to it.
Pair health (cadence, goals, closed or not) comes from `health.follow_up` and `board.board`,
the one computation of it; the check-in answers and closures are counted here.

Counts only, and each one suppressed below five (`outcomes_suppress`): no figure is about
fewer than five people. No charter text is read at all (goals, boundaries, confidentiality
exceptions, plans), so none can reach the report; free text (check-in comments, the reasons
given for closures) comes only when asked for, and only when at least five people wrote one.
So the report works the same on a file whose names and words were removed by the program's
retention step.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from workshop_app.core.charters.context import clean
from workshop_app.core.charters.fit import cut
from workshop_app.core.followup.board import Figure as BoardFigure
from workshop_app.core.followup.board import board
from workshop_app.core.followup.health import FollowUp, follow_up
from workshop_app.core.followup.outcomes_suppress import (
    MINIMUM,
    Suppressed,
    enough,
    suppress,
    suppress_side_by_side,
)
from workshop_app.core.model import Participant, pair_by_person
from workshop_app.core.words import count

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

FITS = (("good", "Good fit"), ("deciding", "Still deciding"), ("not_a_fit", "Not a fit"))
ASKED_BY = (
    ("mentor", "Mentor"),
    ("mentee", "Mentee"),
    ("both", "Both"),
    ("program", "Program team"),
    ("", "Not recorded"),
)
GOAL_OUTCOMES = (("met", "Met"), ("partly", "Partly met"), ("not_met", "Not met"))
NO_DEPARTMENT = "Department not recorded"
# Free comments are printed at this length at most, one line each.
COMMENT_LENGTH = 300
# A group's name is shown this long at most (it is told apart by all of it).
GROUP_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: the parts of a whole (`labels`, counted in `table` row 0), after
    suppression, and what it means."""

    key: str
    section: str
    title: str
    unit: str  # what the counts count: "people", "pairs", "goals", "closures"
    labels: tuple[str, ...]
    table: Suppressed
    meaning: str
    note: str = ""  # a figure made of the counts: a median, an average change

    @property
    def total(self) -> int | None:
        return self.table.sizes[0]

    def count(self, label: str) -> int | None:
        return self.table.cells[0][self.labels.index(label)]

    def text(self, label: str) -> str:
        return self.table.text(0, self.labels.index(label))

    def headline(self) -> str:
        """The first part "of" the whole, in words: "9 of 12 pairs", "fewer than 5 of 12"."""
        total = self.table.size_text(0)
        return f"{self.table.text(0, 0)} of {total} {self.unit}"


@dataclass(frozen=True, slots=True)
class Breakdown:
    """People's figures by a group (role, department): one row per group, the columns of
    each figure side by side; sizes and cells suppressed as one table."""

    by: str
    groups: tuple[str, ...]
    columns: tuple[tuple[str, str], ...]  # (figure title, part label), in order
    table: Suppressed
    medians: tuple[str, ...]  # the group's median satisfaction, or why it is not shown


@dataclass(frozen=True, slots=True)
class Measure:
    """One of the program's own measures of success, and what the app knows of it."""

    text: str
    figure: str  # the key of the figure that speaks to it, "" when none does
    answer: str  # the figure in words, or "not measured by the app"


@dataclass(frozen=True, slots=True)
class Words:
    """Free text people wrote, shared only when asked for: one per person (or closure),
    sorted (not in pair order), and none at all when fewer than five wrote."""

    texts: tuple[str, ...]  # () when fewer than `MINIMUM` wrote
    writers: int

    @classmethod
    def of(cls, texts: Sequence[str]) -> Words:
        shared = tuple(sorted(texts, key=str.casefold)) if enough(len(texts)) else ()
        return cls(shared, len(texts))


@dataclass(frozen=True, slots=True)
class Outcomes:
    program: str
    organisation: str
    cohort: str
    workshop_date: str  # ISO
    language: str
    paper: str
    today: date
    people: int
    mentors: int
    mentees: int
    pairs: int
    anonymised: bool
    figures: tuple[Figure, ...]
    goals_by_position: tuple[Figure, ...]  # the goal-progress figure for goal 1, 2, 3
    breakdowns: tuple[Breakdown, ...]
    measures: tuple[Measure, ...]
    comments: Words | None  # check-in comments; None: not asked for
    reasons: Words | None  # the reasons given for no-fault closures, in their own words

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


# -- the figures ------------------------------------------------------------------------


def outcomes(
    wf: WorkshopFile,
    *,
    today: date,
    include_comments: bool = False,
    fu: FollowUp | None = None,
) -> Outcomes:
    """The report's figures for the program as of `today`. `fu` saves computing the pairs'
    health again when the caller has it."""
    fu = follow_up(wf, today=today) if fu is None else fu
    figures_of_board = board(fu)
    workshop = wf.workshop()
    people = wf.roster.participants()
    pairs = wf.roster.pairs()
    paired = {  # a re-matched person's answers are those of their open pair
        person: (pair.id, "mentor" if pair.mentor_id == person else "mentee")
        for person, pair in pair_by_person(pairs).items()
    }
    answers = _latest_answers(wf)
    fit_of = {pid: answers.get(paired[pid], {}).get("fit", "") for pid in paired}
    rating_of = {pid: answers.get(paired[pid], {}).get("satisfaction") for pid in paired}
    answered = {pid for pid in paired if paired[pid] in answers}
    closures = _closures(wf)
    active = [h for h in fu.pairs if not h.closed]

    figures: list[Figure] = []

    def add(
        key: str,
        section: str,
        title: str,
        unit: str,
        parts: Sequence[tuple[str, int]],
        meaning: str,
        note: str = "",
    ) -> Figure:
        labels = tuple(label for label, _ in parts)
        figure = Figure(
            key, section, title, unit, labels, suppress([[n for _, n in parts]]), meaning, note
        )
        figures.append(figure)
        return figure

    add(
        "attended",
        "Participation",
        "Attended the launch",
        "people",
        [
            ("Attended", sum(1 for p in people if p.present is True)),
            ("Absent", sum(1 for p in people if p.present is False)),
            ("Not recorded", sum(1 for p in people if p.present is None)),
        ],
        "Everyone on the roster, by the attendance taken at the launch workshop.",
    )
    signed = figures_of_board.signed
    add(
        "signed",
        "Participation",
        "Charters signed",
        "pairs",
        [("Signed", signed.count), ("Not signed", signed.out_of - signed.count)],
        "Pairs whose charter both partners signed (any version).",
    )
    cadence = figures_of_board.on_cadence
    add(
        "cadence",
        "Meeting",
        "Meeting at their agreed cadence",
        "pairs",
        [
            ("On cadence", cadence.count),
            ("Behind", cadence.out_of - cadence.count),
            ("Not known yet", len(active) - cadence.out_of),
        ],
        "Open pairs whose meetings since their first one keep the frequency their own charter "
        "agreed (weekly, every two weeks, monthly...), from the meetings logged and reported "
        "in check-ins. Not known yet: no first meeting date, or no agreed frequency.",
    )
    changes = [
        (g.latest - g.baseline)
        for h in active
        for g in h.goals
        if g.baseline is not None and g.latest is not None
    ]
    goals = add(
        "goals",
        "Goals",
        "Goal progress against baseline",
        "goals",
        _progress(changes),
        "Goals of open pairs with the mentee's 1-5 rating at signing (the baseline) and a "
        "later rating (the latest check-in or review), comparing the two. Closed pairs' goals "
        "are counted in the goal outcomes at close-out.",
        note=_average_change(changes),
    )
    fits = Counter(fit_of.values())
    add(
        "fit",
        "Fit and satisfaction",
        "Fit, as the partners see it",
        "people",
        [*((label, fits.get(value, 0)) for value, label in FITS), ("No answer", fits.get("", 0))],
        "Each partner's latest check-in answer to how the match is working: a good fit, "
        "still deciding, or not a fit.",
    )
    ratings = [r for r in rating_of.values() if r is not None]
    add(
        "satisfaction",
        "Fit and satisfaction",
        "Satisfaction",
        "people",
        [
            *((f"{n} of 5", sum(1 for r in ratings if r == n)) for n in range(1, 6)),
            ("No answer", len(rating_of) - len(ratings)),
        ],
        "Each partner's latest check-in rating of the mentoring, 1 (poor) to 5 (excellent).",
        note=_median(ratings),
    )
    add(
        "response",
        "Check-ins",
        "Answered a check-in",
        "people",
        [("Answered", len(answered)), ("Not yet", len(paired) - len(answered))],
        "Mentors and mentees in a pair who have answered at least one check-in survey.",
        note=_response_rate(figures_of_board.checkins),
    )
    add(
        "closed",
        "Closures",
        "Pairings closed",
        "pairs",
        [
            ("No-fault closure", sum(1 for c in closures if c["kind"] == "no_fault")),
            ("Completed", sum(1 for c in closures if c["kind"] == "completed")),
            ("Open", len(pairs) - len(closures)),
        ],
        "No-fault: a pairing ended before the program's end, as the charter's conclusion "
        "clause allows. Completed: closed at the program's close-out.",
    )
    no_fault = [c for c in closures if c["kind"] == "no_fault"]
    asked = Counter(c["asked_by"] for c in no_fault)
    add(
        "asked_by",
        "Closures",
        "Who asked for a no-fault closure",
        "closures",
        [(label, asked.get(value, 0)) for value, label in ASKED_BY],
        "Who asked to end a pairing before the program's end.",
    )
    add(
        "rematched",
        "Closures",
        "Re-matched after a no-fault closure",
        "closures",
        [
            ("Re-matched", sum(1 for c in no_fault if c["rematched"])),
            ("Not re-matched", sum(1 for c in no_fault if not c["rematched"])),
        ],
        "Whether the program offered, and the partner took, a new match.",
    )
    results = Counter(
        c[f"goal{n}_outcome"] for c in closures for n in (1, 2, 3) if c[f"goal{n}_outcome"]
    )
    add(
        "goal_outcomes",
        "Closures",
        "Goal outcomes at close-out",
        "goals",
        [(label, results.get(value, 0)) for value, label in GOAL_OUTCOMES],
        "What each closed pair recorded for each of its goals when it closed.",
    )

    by_position = tuple(_goal_position(fu, position, goals.meaning) for position in (1, 2, 3))
    breakdowns = [_breakdown("Role", people, paired, answers, _role_of)]
    if any(p.department.strip() for p in people):
        breakdowns.append(_breakdown("Department", people, paired, answers, _department_of))
    result = Outcomes(
        program=workshop.program,
        organisation=workshop.organisation,
        cohort=workshop.cohort,
        workshop_date=workshop.date,
        language=workshop.language or "en",
        paper=workshop.paper_size,
        today=today,
        people=len(people),
        mentors=sum(1 for p in people if p.role == "mentor"),
        mentees=sum(1 for p in people if p.role == "mentee"),
        pairs=len(pairs),
        anonymised=bool(workshop.anonymised_on),
        figures=tuple(figures),
        goals_by_position=by_position,
        breakdowns=tuple(breakdowns),
        measures=(),
        comments=Words.of(_comments(wf)) if include_comments else None,
        reasons=Words.of([cut(c["reason"], COMMENT_LENGTH) for c in no_fault if c["reason"]])
        if include_comments
        else None,
    )
    return replace(result, measures=tuple(measures(workshop.success_metrics, result)))


def _latest_answers(wf: WorkshopFile) -> dict[tuple[str, str], dict]:
    """Each partner's latest check-in, by (pair id, role): fit and satisfaction, each from
    the latest response that gave it."""
    latest: dict[tuple[str, str], dict] = {}
    rows = wf.conn.execute(
        "SELECT pair_id, role, fit, satisfaction FROM checkins ORDER BY submitted_at, id"
    )
    for pair_id, role, fit, satisfaction in rows:
        known = latest.setdefault((pair_id, role), {"fit": "", "satisfaction": None})
        if fit:
            known["fit"] = fit
        if satisfaction is not None:
            known["satisfaction"] = int(satisfaction)
    return latest


def _comments(wf: WorkshopFile) -> list[str]:
    """Each partner's latest free comment (one per person, so that five comments are five
    people), on one line."""
    latest: dict[tuple[str, str], str] = {}
    rows = wf.conn.execute(
        "SELECT pair_id, role, comment FROM checkins WHERE trim(comment) != '' "
        "ORDER BY submitted_at, id"
    )
    for pair_id, role, comment in rows:
        latest[(pair_id, role)] = cut(comment, COMMENT_LENGTH)
    return [c for c in latest.values() if c]


def _closures(wf: WorkshopFile) -> list[dict]:
    columns = (
        "kind",
        "reason",
        "asked_by",
        "rematched",
        "goal1_outcome",
        "goal2_outcome",
        "goal3_outcome",
    )
    rows = wf.conn.execute(f"SELECT {', '.join(columns)} FROM closures ORDER BY closed_on, id")
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _response_rate(received: BoardFigure) -> str:
    """The board's check-ins received against those due (two per checkpoint reached)."""
    words = f"{count(received.count, 'check-in')} received"
    if not received.out_of:
        return f"{words}; none due yet"
    rate = round(100 * min(received.count, received.out_of) / received.out_of)
    return f"{words} of {received.out_of:,} due (two per checkpoint reached): {rate}%"


def _average_change(changes: Sequence[int]) -> str:
    if not changes:
        return ""
    if not enough(len(changes)):
        return f"average change: not shown for fewer than {MINIMUM} goals"
    mean = sum(changes) / len(changes)
    return f"average change {mean:+.1f} points on the 1-5 scale"


def _median(ratings: Sequence[int]) -> str:
    if not ratings:
        return ""
    if not enough(len(ratings)):
        return f"median: not shown for fewer than {MINIMUM} answers"
    return f"median {_number(statistics.median(ratings))} of 5"


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _progress(changes: Sequence[int]) -> list[tuple[str, int]]:
    """Goals' changes from their baseline, as the parts of the goal-progress figure."""
    return [
        ("Moved up", sum(1 for c in changes if c > 0)),
        ("Same", sum(1 for c in changes if c == 0)),
        ("Moved down", sum(1 for c in changes if c < 0)),
    ]


def _goal_position(fu: FollowUp, position: int, meaning: str) -> Figure:
    changes = [
        g.latest - g.baseline
        for h in fu.pairs
        if not h.closed
        for g in h.goals
        if g.position == position and g.baseline is not None and g.latest is not None
    ]
    parts = _progress(changes)
    return Figure(
        f"goal{position}",
        "Goals",
        f"Goal {position}",
        "goals",
        tuple(label for label, _ in parts),
        suppress([[n for _, n in parts]]),
        meaning,
        note=_average_change(changes),
    )


# -- breakdowns ---------------------------------------------------------------------------


def _role_of(person: Participant) -> str:
    return {"mentor": "Mentors", "mentee": "Mentees"}[person.role]


def _department_of(person: Participant) -> str:
    """The department as typed, on one line: departments are told apart by all of their
    words (two that begin alike are two groups), whatever their case."""
    return " ".join(clean(person.department).split()) or NO_DEPARTMENT


def _breakdown(
    by: str,
    people: Sequence[Participant],
    paired: dict[str, tuple[str, str]],
    answers: dict[tuple[str, str], dict],
    group_of: Callable[[Participant], str],
) -> Breakdown:
    """Attendance, check-ins answered and fit, per group of people, as one table."""
    grouped: dict[str, list[Participant]] = {}
    names: dict[str, str] = {}  # the first spelling seen of each group, by its folded form
    for person in people:
        name = group_of(person)
        key = names.setdefault(name.casefold(), name)
        grouped.setdefault(key, []).append(person)
    keys = sorted(grouped, key=lambda g: (g == NO_DEPARTMENT, g.casefold()))
    columns = (
        ("Attended the launch", "Attended"),
        ("Attended the launch", "Did not, or not recorded"),
        ("Answered a check-in", "Answered"),
        ("Answered a check-in", "Not yet, or not in a pair"),
        *(("Fit", label) for _, label in FITS),
        ("Fit", "No answer"),
    )
    rows = []
    medians = []
    for key in keys:
        members = grouped[key]
        answer = [answers.get(paired[p.id]) if p.id in paired else None for p in members]
        fits = Counter((a or {}).get("fit", "") for a in answer)
        attended = sum(1 for p in members if p.present is True)
        replied = sum(1 for a in answer if a is not None)
        rows.append(
            [
                attended,
                len(members) - attended,
                replied,
                len(members) - replied,
                *(fits.get(value, 0) for value, _ in FITS),
                fits.get("", 0),
            ]
        )
        ratings = [a["satisfaction"] for a in answer if a and a.get("satisfaction") is not None]
        medians.append(_median(ratings) or "no answers yet")
    table = suppress_side_by_side(rows, (2, 2, len(FITS) + 1))
    for r, size in enumerate(table.sizes):
        if size is None:
            medians[r] = ""
    groups = tuple(cut(key, GROUP_LENGTH) for key in keys)
    return Breakdown(by, groups, columns, table, tuple(medians))


# -- the program's own measures of success -------------------------------------------------

# Which figure speaks to a measure, by the words it uses; the first rule that matches wins.
MEASURE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "cadence",
        re.compile(
            r"\b(meet|meets|meeting|meetings|met|cadence|regular(ly)?|"
            r"monthly|weekly|fortnightly)\b",
            re.IGNORECASE,
        ),
    ),
    ("goals", re.compile(r"\b(goals?|progress|objectives?|development plan)\b", re.IGNORECASE)),
    (
        "satisfaction",
        re.compile(
            r"\b(satisf\w*|rat(e|ing)s? (the|their) (program|mentoring)|"
            r"nps|recommend)\b",
            re.IGNORECASE,
        ),
    ),
    ("fit", re.compile(r"\b(fit|match(es|ed|ing)?|re-?match\w*)\b", re.IGNORECASE)),
    ("response", re.compile(r"\b(check-?ins?|surveys?|respon\w+|feedback)\b", re.IGNORECASE)),
    (
        "closed",
        re.compile(
            r"\b(complet\w*|retention|retain\w*|drop[- ]?outs?|clos\w*|"
            r"finish\w*)\b",
            re.IGNORECASE,
        ),
    ),
    ("signed", re.compile(r"\b(charters?|agreements?|sign\w*)\b", re.IGNORECASE)),
    ("attended", re.compile(r"\b(attend\w*|particip\w*|enrol\w*|sign[- ]?ups?)\b", re.IGNORECASE)),
)
# Measures the app cannot see: outcomes recorded elsewhere (HR systems, pay, promotions).
OUTSIDE = re.compile(
    r"\b(promot\w*|pay|salar\w*|turnover|attrition|retention rate|engagement score|"
    r"after (\d+|twelve|six) months)\b",
    re.IGNORECASE,
)
NOT_MEASURED = "not measured by the app"


def measures(text: str, result: Outcomes) -> list[Measure]:
    """The program's measures of success, one per line (or per "; " in a one-line list),
    each with the figure that speaks to it, or `NOT_MEASURED`."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part.strip() for part in re.split(r";\s+", lines[0]) if part.strip()]
    found = []
    for line in lines:
        key = (
            ""
            if OUTSIDE.search(line)
            else next((k for k, rule in MEASURE_RULES if rule.search(line)), "")
        )
        answer = _answer(result.figure(key)) if key else NOT_MEASURED
        found.append(Measure(cut(line, 240), key, answer))
    return found


def _answer(figure: Figure) -> str:
    """A figure as one line: "9 of 11 pairs on cadence; 2 behind; 1 not known yet"."""
    if figure.total is None:
        return f"{figure.title}: fewer than {MINIMUM} {figure.unit} so far, not broken out"
    if not figure.total:
        return f"{figure.title}: no {figure.unit} to count yet"
    parts = [
        f"{figure.table.text(0, i)} {label.lower()}"
        for i, label in enumerate(figure.labels)
        if figure.table.cells[0][i] != 0
    ]
    total = figure.table.size_text(0)
    words = f"{figure.title}: " + ("; ".join(parts) if parts else "none yet")
    words += f" (of {total} {figure.unit})"
    return words + (f"; {figure.note}" if figure.note else "")
