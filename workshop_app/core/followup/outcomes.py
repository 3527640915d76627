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
from workshop_app.core.charters.dates import format_number
from workshop_app.core.charters.fit import cut
from workshop_app.core.followup.board import Figure as BoardFigure
from workshop_app.core.followup.board import board
from workshop_app.core.followup.health import FollowUp, follow_up
from workshop_app.core.followup.measure_words import measure_figure
from workshop_app.core.followup.outcomes_suppress import (
    MINIMUM,
    Suppressed,
    complement_text,
    enough,
    suppress,
    suppress_side_by_side,
)
from workshop_app.core.i18n import N_, translations
from workshop_app.core.model import Participant, pair_by_person

if TYPE_CHECKING:
    from gettext import NullTranslations

    from workshop_app.core.store.workshop_file import WorkshopFile

FITS = (
    ("good", N_("Good fit")),
    ("deciding", N_("Still deciding")),
    ("not_a_fit", N_("Not a fit")),
)
ASKED_BY = (
    ("mentor", N_("Mentor")),
    ("mentee", N_("Mentee")),
    ("both", N_("Both")),
    ("program", N_("Program team")),
    ("", N_("Not recorded")),
)
GOAL_OUTCOMES = (("met", N_("Met")), ("partly", N_("Partly met")), ("not_met", N_("Not met")))
NO_DEPARTMENT = N_("Department not recorded")
# Free comments are printed at this length at most, one line each.
COMMENT_LENGTH = 300
# A group's name is shown this long at most (it is told apart by all of it).
GROUP_LENGTH = 200


def of_unit(unit: str, total: int, lang: str) -> str:
    """ "of 12 pairs", in `lang`."""
    t, n = translations(lang), format_number(total, lang)
    if unit == "people":
        return t.ngettext("of {n} person", "of {n} people", total).format(n=n)
    if unit == "pairs":
        return t.ngettext("of {n} pair", "of {n} pairs", total).format(n=n)
    if unit == "goals":
        return t.ngettext("of {n} goal", "of {n} goals", total).format(n=n)
    return t.ngettext("of {n} closure", "of {n} closures", total).format(n=n)


def fewer_unit(unit: str, lang: str) -> str:
    """Why a figure of 1 to 4 is not broken out, as a sentence in `lang`."""
    t, n = translations(lang), format_number(MINIMUM, lang)
    if unit == "people":
        text = t.ngettext(
            "Fewer than {n} person so far: not broken out.",
            "Fewer than {n} people so far: not broken out.",
            MINIMUM,
        )
    elif unit == "pairs":
        text = t.ngettext(
            "Fewer than {n} pair so far: not broken out.",
            "Fewer than {n} pairs so far: not broken out.",
            MINIMUM,
        )
    elif unit == "goals":
        text = t.ngettext(
            "Fewer than {n} goal so far: not broken out.",
            "Fewer than {n} goals so far: not broken out.",
            MINIMUM,
        )
    else:
        text = t.ngettext(
            "Fewer than {n} closure so far: not broken out.",
            "Fewer than {n} closures so far: not broken out.",
            MINIMUM,
        )
    return text.format(n=n)


def none_unit(unit: str, lang: str) -> str:
    t = translations(lang)
    return {
        "people": t.gettext("No people to count yet."),
        "pairs": t.gettext("No pairs to count yet."),
        "goals": t.gettext("No goals to count yet."),
        "closures": t.gettext("No closures to count yet."),
    }[unit]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: the parts of a whole (`labels`, counted in `table` row 0), after
    suppression, and what it means; its words in the report's language."""

    key: str
    section: str
    title: str
    unit: str  # what the counts count: "people", "pairs", "goals" or "closures"
    labels: tuple[str, ...]
    table: Suppressed
    meaning: str
    note: str = ""  # a figure made of the counts: a median, an average change

    @property
    def total(self) -> int | None:
        return self.table.sizes[0]

    def count(self, label: str) -> int | None:
        return self.table.cells[0][self.labels.index(label)]


@dataclass(frozen=True, slots=True)
class Breakdown:
    """People's figures by a group (role, department): one row per group, the columns of
    each figure side by side; sizes and cells suppressed as one table. `key` is "role" or
    "department"; `by` the group's name in the report's language."""

    key: str
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
    roster: Suppressed  # one row: mentors, mentees; its size is everyone on the roster
    pairs: Suppressed  # one cell: the pairs
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
    """The report's figures for the program as of `today`, in the workshop's language. `fu`
    saves computing the pairs' health again when the caller has it."""
    fu = follow_up(wf, today=today) if fu is None else fu
    figures_of_board = board(fu)
    workshop = wf.workshop()
    lang = workshop.language or "en"
    t = translations(lang)
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
        *,
        hidden: bool = False,
    ) -> Figure:
        """A figure, its words translated; `hidden`: hidden whole, because its total is a
        part of another figure that was hidden."""
        labels = tuple(t.gettext(label) for label, _ in parts)
        table = suppress([[n for _, n in parts]], hide_rows=[hidden])
        figure = Figure(
            key,
            t.gettext(section),
            t.gettext(title),
            unit,
            labels,
            table,
            t.gettext(meaning),
            note if table.sizes[0] is not None else "",
        )
        figures.append(figure)
        return figure

    add(
        "attended",
        N_("Participation"),
        N_("Attended the launch"),
        "people",
        [
            (N_("Attended"), sum(1 for p in people if p.present is True)),
            (N_("Absent"), sum(1 for p in people if p.present is False)),
            (N_("Not recorded"), sum(1 for p in people if p.present is None)),
        ],
        N_("Everyone on the roster, by the attendance taken at the launch workshop."),
    )
    signed = figures_of_board.signed
    add(
        "signed",
        N_("Participation"),
        N_("Charters signed"),
        "pairs",
        [(N_("Signed"), signed.count), (N_("Not signed"), signed.out_of - signed.count)],
        N_("Pairs whose charter both partners signed (any version)."),
    )
    closed = add(
        "closed",
        N_("Closures"),
        N_("Pairings closed"),
        "pairs",
        [
            (N_("No-fault closure"), sum(1 for c in closures if c["kind"] == "no_fault")),
            (N_("Completed"), sum(1 for c in closures if c["kind"] == "completed")),
            (N_("Open"), len(pairs) - len(closures)),
        ],
        N_(
            "No-fault: a pairing ended before the program's end, as the charter's conclusion "
            "clause allows. Completed: closed at the program's close-out."
        ),
    )
    cadence = figures_of_board.on_cadence
    add(
        "cadence",
        N_("Meeting"),
        N_("Meeting at their agreed cadence"),
        "pairs",
        [
            (N_("On cadence"), cadence.count),
            (N_("Behind"), cadence.out_of - cadence.count),
            (N_("Not known yet"), len(active) - cadence.out_of),
        ],
        N_(
            "Open pairs whose meetings since their first one keep the frequency their own "
            "charter agreed (weekly, every two weeks, monthly...), from the meetings logged and "
            "reported in check-ins. Not known yet: no first meeting date, or no agreed frequency."
        ),
        # Its total is the open pairs: hidden with them.
        hidden=closed.table.cells[0][2] is None,
    )
    goals_meaning = N_(
        "Goals of open pairs with the mentee's 1-5 rating at signing (the baseline) and a "
        "later rating (the latest check-in or review), comparing the two. Closed pairs' goals "
        "are counted in the goal outcomes at close-out."
    )
    changes = [
        (g.latest - g.baseline)
        for h in active
        for g in h.goals
        if g.baseline is not None and g.latest is not None
    ]
    add(
        "goals",
        N_("Goals"),
        N_("Goal progress against baseline"),
        "goals",
        _progress(changes),
        goals_meaning,
        note=_average_change(changes, lang),
    )
    # The next three count the people in pairs, twice the pairs: hidden with them.
    pairs_table = suppress([[len(pairs)]])
    pairs_hidden = pairs_table.sizes[0] is None
    fits = Counter(fit_of.values())
    add(
        "fit",
        N_("Fit and satisfaction"),
        N_("Fit, as the partners see it"),
        "people",
        [
            *((label, fits.get(value, 0)) for value, label in FITS),
            (N_("No answer"), fits.get("", 0)),
        ],
        N_(
            "Each partner's latest check-in answer to how the match is working: a good fit, "
            "still deciding, or not a fit."
        ),
        hidden=pairs_hidden,
    )
    ratings = [r for r in rating_of.values() if r is not None]
    add(
        "satisfaction",
        N_("Fit and satisfaction"),
        N_("Satisfaction"),
        "people",
        [
            *((_rating_label(n), sum(1 for r in ratings if r == n)) for n in range(1, 6)),
            (N_("No answer"), len(rating_of) - len(ratings)),
        ],
        N_("Each partner's latest check-in rating of the mentoring, 1 (poor) to 5 (excellent)."),
        note=_median(ratings, lang),
        hidden=pairs_hidden,
    )
    add(
        "response",
        N_("Check-ins"),
        N_("Answered a check-in"),
        "people",
        [(N_("Answered"), len(answered)), (N_("Not yet"), len(paired) - len(answered))],
        N_("Mentors and mentees in a pair who have answered at least one check-in survey."),
        note=_response_rate(figures_of_board.checkins, lang),
        hidden=pairs_hidden,
    )
    no_fault = [c for c in closures if c["kind"] == "no_fault"]
    # Both figures below count the no-fault closures: hidden with them.
    no_fault_hidden = closed.table.cells[0][0] is None
    asked = Counter(c["asked_by"] for c in no_fault)
    add(
        "asked_by",
        N_("Closures"),
        N_("Who asked for a no-fault closure"),
        "closures",
        [(label, asked.get(value, 0)) for value, label in ASKED_BY],
        N_("Who asked to end a pairing before the program's end."),
        hidden=no_fault_hidden,
    )
    add(
        "rematched",
        N_("Closures"),
        N_("Re-matched after a no-fault closure"),
        "closures",
        [
            (N_("Re-matched"), sum(1 for c in no_fault if c["rematched"])),
            (N_("Not re-matched"), sum(1 for c in no_fault if not c["rematched"])),
        ],
        N_("Whether the program offered, and the partner took, a new match."),
        hidden=no_fault_hidden,
    )
    results = Counter(
        c[f"goal{n}_outcome"] for c in closures for n in (1, 2, 3) if c[f"goal{n}_outcome"]
    )
    add(
        "goal_outcomes",
        N_("Closures"),
        N_("Goal outcomes at close-out"),
        "goals",
        [(label, results.get(value, 0)) for value, label in GOAL_OUTCOMES],
        N_("What each closed pair recorded for each of its goals when it closed."),
    )

    # The roster's size is the attendance figure's total.
    roster = suppress(
        [
            [
                sum(1 for p in people if p.role == "mentor"),
                sum(1 for p in people if p.role == "mentee"),
            ]
        ]
    )
    hidden = _hidden_columns(figures, roster)
    # A group's median of a satisfaction figure hidden whole would say what it hid.
    medians_hidden = next(f for f in figures if f.key == "satisfaction").total is None
    by_position = _goal_positions(fu, t.gettext(goals_meaning), lang)
    breakdowns = [
        _breakdown("role", people, paired, answers, _role_of, lang, hidden, medians_hidden)
    ]
    if any(p.department.strip() for p in people):
        breakdowns.append(
            _breakdown(
                "department", people, paired, answers, _department_of, lang, hidden, medians_hidden
            )
        )
    result = Outcomes(
        program=workshop.program,
        organisation=workshop.organisation,
        cohort=workshop.cohort,
        workshop_date=workshop.date,
        language=lang,
        paper=workshop.paper_size,
        today=today,
        roster=roster,
        pairs=pairs_table,
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


def _response_rate(received: BoardFigure, lang: str) -> str:
    """The board's check-ins received against those due (two per checkpoint reached), each
    count suppressed as the figures' are, and the rate only when both are shown."""
    t = translations(lang)
    if not received.out_of:
        return t.gettext("no check-ins due yet")
    got = min(received.count, received.out_of)
    table = suppress([[got, received.out_of - got]])
    if table.sizes[0] is None:
        return t.ngettext(
            "check-ins: fewer than {n} due so far, not shown",
            "check-ins: fewer than {n} due so far, not shown",
            MINIMUM,
        ).format(n=format_number(MINIMUM, lang))
    words = t.gettext("check-ins received: {received}; due: {due} (two per checkpoint reached)")
    words = words.format(received=table.text(0, 0, lang), due=format_number(received.out_of, lang))
    if table.cells[0][0] is None:
        return words
    rate = format_number(round(100 * got / received.out_of), lang)
    return t.gettext("{words}; rate: {rate}%").format(words=words, rate=rate)


def _average_change(changes: Sequence[int], lang: str) -> str:
    if not changes:
        return ""
    t = translations(lang)
    if not enough(len(changes)):
        return t.ngettext(
            "average change: not shown for fewer than {n} goal",
            "average change: not shown for fewer than {n} goals",
            MINIMUM,
        ).format(n=format_number(MINIMUM, lang))
    mean = round(sum(changes) / len(changes), 1)
    sign = "+" if mean > 0 else ""
    return t.gettext("average change {change} points on the 1-5 scale").format(
        change=sign + format_number(mean, lang, places=1)
    )


def _median(ratings: Sequence[int], lang: str) -> str:
    t = translations(lang)
    if not ratings:
        return ""
    if not enough(len(ratings)):
        return t.ngettext(
            "median: not shown for fewer than {n} answer",
            "median: not shown for fewer than {n} answers",
            MINIMUM,
        ).format(n=format_number(MINIMUM, lang))
    median = format_number(statistics.median(ratings), lang, places=1)
    return t.gettext("median {median} of 5").format(median=median)


def _rating_label(n: int) -> str:
    return {1: N_("1 of 5"), 2: N_("2 of 5"), 3: N_("3 of 5"), 4: N_("4 of 5"), 5: N_("5 of 5")}[n]


def _progress(changes: Sequence[int]) -> list[tuple[str, int]]:
    """Goals' changes from their baseline, as the parts of the goal-progress figure."""
    return [
        (N_("Moved up"), sum(1 for c in changes if c > 0)),
        (N_("Same"), sum(1 for c in changes if c == 0)),
        (N_("Moved down"), sum(1 for c in changes if c < 0)),
    ]


def _goal_positions(fu: FollowUp, meaning: str, lang: str) -> tuple[Figure, ...]:
    """Goal progress for goal 1, 2 and 3: one table, whose columns add up to the program's
    goal-progress figure, so that none of its hidden parts follows from that one's."""
    t = translations(lang)
    changes = [
        [
            g.latest - g.baseline
            for h in fu.pairs
            if not h.closed
            for g in h.goals
            if g.position == position and g.baseline is not None and g.latest is not None
        ]
        for position in (1, 2, 3)
    ]
    parts = [_progress(c) for c in changes]
    table = suppress([[n for _, n in p] for p in parts])
    return tuple(
        Figure(
            f"goal{position}",
            t.gettext("Goals"),
            t.gettext("Goal {n}").format(n=position),
            "goals",
            tuple(t.gettext(label) for label, _ in parts[r]),
            Suppressed(
                cells=(table.cells[r],),
                sizes=(table.sizes[r],),
                small=(table.small[r],),
                small_sizes=(table.small_sizes[r],),
            ),
            meaning,
            note=_average_change(changes[r], lang) if table.sizes[r] is not None else "",
        )
        for r, position in enumerate((1, 2, 3))
    )


# -- breakdowns ---------------------------------------------------------------------------


def _role_of(person: Participant, t: NullTranslations) -> str:
    return {"mentor": t.gettext("Mentors"), "mentee": t.gettext("Mentees")}[person.role]


def _department_of(person: Participant, t: NullTranslations) -> str:
    """The department as typed, on one line: departments are told apart by all of their
    words (two that begin alike are two groups), whatever their case."""
    return " ".join(clean(person.department).split())


def _hidden_columns(figures: Sequence[Figure], roster: Suppressed) -> list[bool]:
    """Which of a breakdown's column totals the report neither prints nor lets one work out.
    Each column adds up to a part of a program-wide figure, or to everyone less such parts
    (the people without a pair: everyone less the fit figure's total), so a column whose
    total is hidden is hidden whole: its sum would give the hidden part away."""
    by_key = {f.key: f.table for f in figures}
    attended, response, fit = (by_key[k].cells[0] for k in ("attended", "response", "fit"))
    everyone = roster.sizes[0] is not None
    unpaired = everyone and by_key["fit"].sizes[0] is not None

    def shown(*values: int | None) -> bool:
        return all(v is not None for v in values)

    fits = [shown(fit[i]) for i in range(len(FITS))]
    return [
        not shown(attended[0]),
        not ((everyone and shown(attended[0])) or shown(attended[1], attended[2])),
        not shown(response[0]),
        not ((everyone and shown(response[0])) or (unpaired and shown(response[1]))),
        *(not f for f in fits),
        not ((everyone and all(fits)) or (unpaired and shown(fit[len(FITS)]))),
    ]


def _breakdown(
    key: str,
    people: Sequence[Participant],
    paired: dict[str, tuple[str, str]],
    answers: dict[tuple[str, str], dict],
    group_of: Callable[[Participant, NullTranslations], str],
    lang: str,
    hidden: Sequence[bool],
    medians_hidden: bool,
) -> Breakdown:
    """Attendance, check-ins answered and fit, per group of people, as one table."""
    t = translations(lang)
    grouped: dict[str, list[Participant]] = {}
    names: dict[str, str] = {}  # the first spelling seen of each group, by its folded form
    for person in people:
        name = group_of(person, t)
        folded = names.setdefault(name.casefold(), name)
        grouped.setdefault(folded, []).append(person)
    keys = sorted(grouped, key=lambda g: (g == "", g.casefold()))
    attended_title = t.gettext("Attended the launch")
    answered_title = t.gettext("Answered a check-in")
    fit_title = t.gettext("Fit")
    columns = (
        (attended_title, t.gettext("Attended")),
        (attended_title, t.gettext("Did not, or not recorded")),
        (answered_title, t.gettext("Answered")),
        (answered_title, t.gettext("Not yet, or not in a pair")),
        *((fit_title, t.gettext(label)) for _, label in FITS),
        (fit_title, t.gettext("No answer")),
    )
    rows = []
    medians = []
    for group in keys:
        members = grouped[group]
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
        medians.append(_median(ratings, lang) or t.gettext("no answers yet"))
    table = suppress_side_by_side(
        rows,
        (2, 2, len(FITS) + 1),
        totals_shown=[not h for h in hidden],
        hide_columns=hidden,
    )
    for r, size in enumerate(table.sizes):
        if size is None:
            medians[r] = ""
        elif medians_hidden:
            medians[r] = complement_text(lang)
    groups = tuple(cut(g or t.gettext(NO_DEPARTMENT), GROUP_LENGTH) for g in keys)
    by = t.gettext("Role") if key == "role" else t.gettext("Department")
    return Breakdown(key, by, groups, columns, table, tuple(medians))


# -- the program's own measures of success -------------------------------------------------

NOT_MEASURED = N_("not measured by the app")


def measures(text: str, result: Outcomes) -> list[Measure]:
    """The program's measures of success, one per line (or per "; " in a one-line list),
    each with the figure that speaks to it, or `NOT_MEASURED`, in the report's language."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part.strip() for part in re.split(r";\s+", lines[0]) if part.strip()]
    found = []
    for line in lines:
        key = measure_figure(line)
        answer = (
            _answer(result.figure(key), result.language)
            if key
            else translations(result.language).gettext(NOT_MEASURED)
        )
        found.append(Measure(cut(line, 240), key, answer))
    return found


def figure_parts(figure: Figure, lang: str) -> str:
    """A figure's parts on one line: "On cadence: 9; Behind: 2", its zeros left out."""
    t = translations(lang)
    return "; ".join(
        t.gettext("{label}: {count}").format(label=label, count=figure.table.text(0, i, lang))
        for i, label in enumerate(figure.labels)
        if figure.table.cells[0][i] != 0
    )


def _answer(figure: Figure, lang: str) -> str:
    """A figure as one line: "Meeting at their agreed cadence: On cadence: 9; Behind: 2 (of 11
    pairs)"."""
    t = translations(lang)
    if figure.total is None:
        if figure.table.small_sizes[0]:
            words = fewer_unit(figure.unit, lang)
        else:
            words = t.gettext("not shown, so that a smaller figure cannot be worked out.")
        return t.gettext("{figure}: {words}").format(figure=figure.title, words=words)
    if not figure.total:
        words = none_unit(figure.unit, lang)
        return t.gettext("{figure}: {words}").format(figure=figure.title, words=words)
    words = t.gettext("{figure}: {parts} ({of})").format(
        figure=figure.title,
        parts=figure_parts(figure, lang),
        of=of_unit(figure.unit, figure.total, lang),
    )
    return (
        t.gettext("{words}; {note}").format(words=words, note=figure.note) if figure.note else words
    )
