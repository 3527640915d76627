"""The sponsor's outcomes report as a workbook: the same figures as the page, all of them.

A README sheet says what each figure means and the suppression rule; then the figures, the
program's measures of success, the breakdowns by role and department, goal progress per goal,
the closures, and the comments when they were asked for. Suppressed counts say "fewer than 5"
(or "not shown", for a complement); every text is written as text, never as a formula.

The sheets' names and the columns' headings are keys that stay in English, whatever the
workshop's language (machines read them, as every export's columns); every value, and the
whole README sheet, is in the workshop's language.
"""

from __future__ import annotations

from pathlib import Path

from workshop_app.core.charters.dates import format_date, format_number
from workshop_app.core.exports.xlsx_workbook import Sheet, write_workbook
from workshop_app.core.followup.outcomes import NOT_MEASURED, Breakdown, Figure, Outcomes, Words
from workshop_app.core.followup.outcomes_lines import people_line, words_none
from workshop_app.core.followup.outcomes_suppress import (
    MINIMUM,
    complement_text,
    small_text,
    suppression_rule,
)
from workshop_app.core.i18n import translations

CLOSURE_FIGURES = ("closed", "asked_by", "rematched", "goal_outcomes")
FIGURE_HEAD = ("Section", "Figure", "Part", "Count", "Out of", "Share (%)", "Unit", "Note")
# The breakdowns' columns, in the order of `Breakdown.columns`.
BREAKDOWN_HEAD = (
    "Attended the launch: Attended",
    "Attended the launch: Did not, or not recorded",
    "Answered a check-in: Answered",
    "Answered a check-in: Not yet, or not in a pair",
    "Fit: Good fit",
    "Fit: Still deciding",
    "Fit: Not a fit",
    "Fit: No answer",
)


def write_outcomes_xlsx(result: Outcomes, *, out: Path) -> None:
    lang = result.language
    t = translations(lang)
    figures = [f for f in result.figures if f.key not in CLOSURE_FIGURES]
    closures = [result.figure(key) for key in CLOSURE_FIGURES]
    sheets = [
        _readme(result),
        Sheet("Figures", (20, 34, 26, 13, 13, 10, 9, 44), FIGURE_HEAD, _figure_rows(figures, lang)),
        Sheet(
            "Measures of success",
            (70, 90),
            ("The program's measure", "What the app knows of it"),
            [(m.text, m.answer) for m in result.measures]
            or [
                (
                    t.gettext("The program has not set its measures of success."),
                    t.gettext(NOT_MEASURED),
                )
            ],
        ),
        *(_breakdown_sheet(b, lang) for b in result.breakdowns),
        Sheet(
            "Goal progress",
            (12, 12, 12, 12, 16, 44),
            ("Goal", "Moved up", "Same", "Moved down", "Goals compared", "Average change"),
            [
                *(_goal_row(f, f.title, lang) for f in result.goals_by_position),
                _goal_row(result.figure("goals"), t.gettext("All goals"), lang),
            ],
        ),
        Sheet(
            "Closures", (20, 34, 30, 13, 13, 10, 9, 44), FIGURE_HEAD, _figure_rows(closures, lang)
        ),
    ]
    for words, title, head in (
        (result.comments, "Comments", "Comment from a check-in (one per person), sorted"),
        (result.reasons, "Closure reasons", "Reason given for a no-fault closure, sorted"),
    ):
        if words is not None:
            sheets.append(Sheet(title, (110,), (head,), _word_rows(words, lang)))
    write_workbook(sheets, out=out)


def _readme(result: Outcomes) -> Sheet:
    lang = result.language
    t = translations(lang)
    n = format_number(MINIMUM, lang)
    rows: list[tuple[str, str]] = [
        (t.gettext("Program"), result.program),
        (t.gettext("Organisation"), result.organisation),
        (t.gettext("Cohort"), result.cohort),
        (t.gettext("Launched"), format_date(result.workshop_date, lang)),
        (t.gettext("As of"), format_date(result.today.isoformat(), lang)),
        (t.gettext("People"), result.roster.size_text(0, lang) + " · " + people_line(result)),
    ]
    rows = [row for row in rows if row[1]]  # no "Cohort" line without one
    if result.anonymised:
        rows.append(
            (
                t.gettext("Personal data"),
                t.gettext("Removed by the program's retention step; the figures are kept."),
            )
        )
    rows += [
        ("", ""),
        (t.gettext("Suppression"), suppression_rule(lang)),
        (
            small_text(lang),
            t.gettext("A count of 1 to {n}.").format(n=format_number(MINIMUM - 1, lang)),
        ),
        (
            complement_text(lang),
            t.gettext(
                "A count hidden so that a small one beside it cannot be worked out "
                "from the total; it may be any size."
            ),
        ),
        (
            t.gettext("Medians, averages, shares"),
            t.gettext("Shown only when made of at least {n} answers or goals.").format(n=n),
        ),
        (
            t.gettext("Comments and reasons"),
            t.gettext(
                "Included, with the export's confirmation (one per person, only when at "
                "least {n} wrote one)."
            ).format(n=n)
            if result.comments is not None
            else t.gettext("Not included: free text comes only with the export's confirmation."),
        ),
        (
            t.gettext("Formulas"),
            t.gettext("Every cell is stored as text or a value; nothing is a formula."),
        ),
        (
            t.gettext("Sheets and columns"),
            t.gettext(
                "The names of the sheets and the headings of the columns stay in English in "
                "every language, so that programs that read the workbook find them."
            ),
        ),
        ("", ""),
        (t.gettext("What each figure means"), ""),
    ]
    seen = set()
    for figure in result.figures:
        if figure.title not in seen:
            seen.add(figure.title)
            rows.append((figure.title, figure.meaning))
    return Sheet("README", (30, 100), (), [(t.gettext("Sponsor's outcomes report"), ""), *rows])


def _unit(unit: str, lang: str) -> str:
    t = translations(lang)
    return {
        "people": t.gettext("people"),
        "pairs": t.gettext("pairs"),
        "goals": t.gettext("goals"),
        "closures": t.gettext("closures"),
    }[unit]


def _figure_rows(figures: list[Figure], lang: str) -> list[tuple]:
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
                    value if value is not None else f.table.text(0, i, lang),
                    total if total is not None else f.table.size_text(0, lang),
                    share,
                    _unit(f.unit, lang),
                    f.note if i == 0 else "",
                )
            )
    return rows


def _breakdown_sheet(b: Breakdown, lang: str) -> Sheet:
    by = "By role" if b.key == "role" else "By department"
    head = (by, "People", *BREAKDOWN_HEAD, "Satisfaction")
    rows = []
    for r, group in enumerate(b.groups):
        size = b.table.sizes[r]
        cells = [
            v if v is not None else b.table.text(r, c, lang) for c, v in enumerate(b.table.cells[r])
        ]
        rows.append(
            (
                group,
                size if size is not None else b.table.size_text(r, lang),
                *cells,
                b.medians[r] or small_text(lang),
            )
        )
    return Sheet(by, (30, 12, *(16 for _ in b.columns), 34), head, rows)


def _goal_row(f: Figure, label: str, lang: str) -> tuple:
    cells = [
        v if v is not None else f.table.text(0, i, lang) for i, v in enumerate(f.table.cells[0])
    ]
    total = f.total if f.total is not None else f.table.size_text(0, lang)
    return (label, *cells, total, f.note)


def _word_rows(words: Words, lang: str) -> list[tuple[str]]:
    if words.texts:
        return [(text,) for text in words.texts]
    return [(words_none(words, lang),)]
