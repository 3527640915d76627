"""The sponsor's outcomes report as a workbook: the same figures as the page, all of them.

A README sheet says what each figure means and the suppression rule; then the figures, the
program's measures of success, the breakdowns by role and department, goal progress per goal,
the closures, and the comments when they were asked for. Suppressed counts say "fewer than 5"
(or "not shown", for a complement); every text is written as text, never as a formula.
"""

from __future__ import annotations

from pathlib import Path

from workshop_app.core.charters.dates import format_date
from workshop_app.core.exports.xlsx_workbook import Sheet, write_workbook
from workshop_app.core.followup.outcomes import NOT_MEASURED, Breakdown, Figure, Outcomes, Words
from workshop_app.core.followup.outcomes_suppress import (
    COMPLEMENT_TEXT,
    MINIMUM,
    SMALL_TEXT,
    SUPPRESSION_RULE,
)
from workshop_app.core.words import count

CLOSURE_FIGURES = ("closed", "asked_by", "rematched", "goal_outcomes")
FIGURE_HEAD = ("Section", "Figure", "Part", "Count", "Out of", "Share (%)", "Unit", "Note")


def write_outcomes_xlsx(result: Outcomes, *, out: Path) -> None:
    figures = [f for f in result.figures if f.key not in CLOSURE_FIGURES]
    closures = [result.figure(key) for key in CLOSURE_FIGURES]
    sheets = [
        _readme(result),
        Sheet("Figures", (20, 34, 26, 13, 13, 10, 9, 44), FIGURE_HEAD, _figure_rows(figures)),
        Sheet(
            "Measures of success",
            (70, 90),
            ("The program's measure", "What the app knows of it"),
            [(m.text, m.answer) for m in result.measures]
            or [("The program has not set its measures of success.", NOT_MEASURED)],
        ),
        *(_breakdown_sheet(b) for b in result.breakdowns),
        Sheet(
            "Goal progress",
            (12, 12, 12, 12, 16, 44),
            ("Goal", "Moved up", "Same", "Moved down", "Goals compared", "Average change"),
            [_goal_row(f) for f in (*result.goals_by_position, result.figure("goals"))],
        ),
        Sheet("Closures", (20, 34, 30, 13, 13, 10, 9, 44), FIGURE_HEAD, _figure_rows(closures)),
    ]
    for words, title, noun, head in (
        (result.comments, "Comments", "comment", "Comment from a check-in (one per person)"),
        (result.reasons, "Closure reasons", "reason", "Reason given for a no-fault closure"),
    ):
        if words is not None:
            sheets.append(Sheet(title, (110,), (f"{head}, sorted",), _word_rows(words, noun)))
    write_workbook(sheets, out=out)


def _readme(result: Outcomes) -> Sheet:
    lang = result.language
    rows: list[tuple[str, str]] = [
        ("Program", result.program),
        ("Organisation", result.organisation),
        ("Cohort", result.cohort),
        ("Launched", format_date(result.workshop_date, lang)),
        ("As of", format_date(result.today.isoformat(), lang)),
        ("People", f"{result.people} ({result.mentors} mentors, {result.mentees} mentees)"),
        ("Pairs", str(result.pairs)),
    ]
    rows = [row for row in rows if row[1]]  # no "Cohort" line without one
    if result.anonymised:
        rows.append(
            ("Personal data", "Removed by the program's retention step; the figures are kept.")
        )
    rows += [
        ("", ""),
        ("Suppression", SUPPRESSION_RULE),
        (SMALL_TEXT, f"A count of 1 to {MINIMUM - 1}."),
        (
            COMPLEMENT_TEXT,
            "A count hidden so that a small one beside it cannot be worked out "
            "from the total; it may be any size.",
        ),
        ("Medians, averages", f"Shown only when made of at least {MINIMUM} answers or goals."),
        (
            "Comments and reasons",
            "Included, with the export's confirmation (one per "
            f"person, only when at least {MINIMUM} wrote one)."
            if result.comments is not None
            else "Not included: free text comes only with the export's confirmation.",
        ),
        ("Formulas", "Every cell is stored as text or a value; nothing is a formula."),
        ("", ""),
        ("What each figure means", ""),
    ]
    seen = set()
    for figure in result.figures:
        if figure.title not in seen:
            seen.add(figure.title)
            rows.append((figure.title, figure.meaning))
    return Sheet("README", (30, 100), (), [("Sponsor's outcomes report", ""), *rows])


def _figure_rows(figures: list[Figure]) -> list[tuple]:
    rows: list[tuple] = []
    for f in figures:
        total = f.table.sizes[0]
        for i, label in enumerate(f.labels):
            value = f.table.cells[0][i]
            share = round(100 * value / total, 1) if value is not None and total else None
            rows.append(
                (
                    f.section,
                    f.title,
                    label,
                    value if value is not None else f.table.text(0, i),
                    total if total is not None else f.table.size_text(0),
                    share,
                    f.unit,
                    f.note if i == 0 else "",
                )
            )
    return rows


def _breakdown_sheet(b: Breakdown) -> Sheet:
    head = ("By " + b.by.lower(), "People", *(f"{t}: {p}" for t, p in b.columns), "Satisfaction")
    rows = []
    for r, group in enumerate(b.groups):
        size = b.table.sizes[r]
        cells = [v if v is not None else b.table.text(r, c) for c, v in enumerate(b.table.cells[r])]
        rows.append(
            (
                group,
                size if size is not None else b.table.size_text(r),
                *cells,
                b.medians[r] or SMALL_TEXT,
            )
        )
    return Sheet(f"By {b.by.lower()}", (30, 12, *(16 for _ in b.columns), 34), head, rows)


def _goal_row(f: Figure) -> tuple:
    cells = [v if v is not None else f.table.text(0, i) for i, v in enumerate(f.table.cells[0])]
    total = f.total if f.total is not None else f.table.size_text(0)
    label = f.title if f.key != "goals" else "All goals"
    return (label, *cells, total, f.note)


def _word_rows(words: Words, noun: str) -> list[tuple[str]]:
    if words.texts:
        return [(text,) for text in words.texts]
    if words.writers:
        return [(f"Not shown: {count(words.writers, noun)}, fewer than {MINIMUM}.",)]
    return [("None yet.",)]
