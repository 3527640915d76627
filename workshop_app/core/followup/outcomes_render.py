"""The sponsor's outcomes report as one PDF page (`outcomes.html.j2`), and the one function
that writes the report in either format, for the CLI and the app's background job.

One page at any data, as the staff summary: every label is cut and every list stops at a
character or row budget here (`charters.fit`), so the same data always gives the same page;
the CSS clamps lines as well. The same data and date give the same bytes: the PDF's dates
come from the report's date, never the clock.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.core.charters.context import brand_context, clean, w3c_datetime
from workshop_app.core.charters.dates import format_date, parse_date
from workshop_app.core.charters.fit import cut, more_text
from workshop_app.core.errors import UserError
from workshop_app.core.followup.outcomes import Breakdown, Figure, Outcomes, Words, outcomes
from workshop_app.core.followup.outcomes_suppress import MINIMUM, SMALL_TEXT, SUPPRESSION_RULE
from workshop_app.core.jobs import CancelCheck, Cancelled, Progress
from workshop_app.core.model import Workshop
from workshop_app.core.words import count

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

TEMPLATE = "outcomes.html.j2"
FORMATS = ("pdf", "xlsx")
# Row budgets that keep the page one page (see outcomes.css): longer lists end in "… and N
# more", and the workbook has them all.
MEASURES_SHOWN = 4
GROUPS_SHOWN = 5
REASONS_SHOWN = 3
WORDS_SHOWN = 2
WORDS_BUDGET = 2 * 110


def outcomes_context(result: Outcomes, workshop: Workshop) -> dict:
    """Everything `outcomes.html.j2` needs, as plain data, cut to fit one page."""
    lang = result.language
    today = format_date(result.today.isoformat(), lang)
    launched = parse_date(result.workshop_date)
    day = (result.today - launched).days if launched else None
    figure = result.figure
    return {
        "lang": lang,
        "paper": result.paper,
        "title": clean(f"Outcomes report: {result.program}, {today}"),
        "author": clean(f"{result.organisation}, {result.program}"),
        # The report's date, as the moment it was made: the same data and date, the same bytes.
        "created": w3c_datetime(f"{result.today.isoformat()}T00:00:00+00:00"),
        "brand": brand_context(workshop) | {"organisation": cut(result.organisation, 70)},
        "program": {
            "name": cut(result.program, 80),
            "cohort": cut(result.cohort, 40),
            "launched": format_date(result.workshop_date, lang),
        },
        "as_of": today,
        "day": _day_text(day),
        "footer": [cut(result.organisation, 40), cut(result.program, 50)],
        "anonymised": result.anonymised,
        "key": [
            _key(
                "People",
                f"{result.people:,}",
                f"{result.mentors:,} mentors · "
                f"{result.mentees:,} mentees · {count(result.pairs, 'pair')}",
            ),
            _key_figure(figure("signed"), "Charters", "charters signed"),
            _key_figure(figure("cadence"), "Cadence", "open pairs meeting at their agreed cadence"),
            _key_figure(figure("goals"), "Goals", "goals moved up from their baseline"),
        ],
        "measures": _listed_rows(
            [{"text": m.text, "answer": m.answer} for m in result.measures],
            MEASURES_SHOWN,
            "measure",
        ),
        "left": [
            _bars(figure("cadence")),
            _bars(figure("goals")),
            _bars(figure("response")),
            _bars(figure("attended")),
        ],
        "right": [
            _bars(figure("fit")),
            _bars(figure("satisfaction")),
            _bars(figure("closed")),
            _bars(figure("goal_outcomes")),
        ],
        "closures": _closure_lines(result),
        "breakdown": _breakdown(result.breakdowns[-1]) if result.breakdowns else None,
        "words": [
            w
            for w in (
                _words(result.comments, "Check-in comments", "comment"),
                _words(result.reasons, "Reasons for no-fault closures", "reason"),
            )
            if w is not None
        ],
        "rule": SUPPRESSION_RULE,
    }


def _day_text(day: int | None) -> str:
    if day is None:
        return ""
    if day < 0:
        return f"the launch is in {count(-day, 'day')}"
    if day == 0:
        return "the day of the launch"
    return f"day {day:,} after the launch"


def _key(label: str, big: str, under: str) -> dict:
    return {"label": label, "big": big, "hidden": False, "of": "", "under": under}


def _key_figure(figure: Figure, label: str, what: str) -> dict:
    """A key figure: its first part, out of its whole."""
    table = figure.table
    return {
        "label": label,
        "big": table.text(0, 0),
        "hidden": table.cells[0][0] is None,
        # A whole of fewer than 5: its part is "fewer than 5" too, said once.
        "of": f"of {table.sizes[0]:,}" if table.sizes[0] is not None else "",
        "under": what,
    }


def _bars(figure: Figure) -> dict:
    """A figure as bars, one per part; one line instead when there is nothing to break out."""
    table = figure.table
    total = table.sizes[0]
    bars = {"title": figure.title, "of": "", "rows": [], "note": "", "instead": ""}
    if total is None:
        return bars | {"instead": f"Fewer than {MINIMUM} {figure.unit} so far: not broken out."}
    if total == 0:
        return bars | {"instead": f"No {figure.unit} to count yet."}
    rows = []
    for i, label in enumerate(figure.labels):
        value = table.cells[0][i]
        rows.append(
            {
                "label": cut(label, 40),
                "shown": table.text(0, i),
                "hidden": value is None,
                "width": round(100 * value / total) if value is not None and total else 0,
            }
        )
    return bars | {"of": f"of {total:,} {figure.unit}", "rows": rows, "note": figure.note}


def _closure_lines(result: Outcomes) -> list[dict]:
    """Who asked for the no-fault closures and whether they were re-matched, as short lines
    under the closures' bars."""
    lines = []
    for key, label in (("asked_by", "Who asked"), ("rematched", "Re-matched")):
        lines.append({"label": label, "text": _parts(result.figure(key))})
    return lines


def _parts(f: Figure) -> str:
    """A small figure on one line: "6 mentor; 3 mentee", or why it is not broken out."""
    if f.total is None:
        return f"fewer than {MINIMUM} {f.unit}: not broken out"
    if not f.total:
        return "none yet"
    return "; ".join(
        f"{f.table.text(0, i)} {label.lower()}"
        for i, label in enumerate(f.labels)
        if f.table.cells[0][i] != 0
    )


def _breakdown(b: Breakdown) -> dict:
    """The by-department table (or by role, when the roster has no departments): the first
    groups by name, then one line for the rest."""
    wanted = [
        ("Attended the launch", "Attended"),
        ("Answered a check-in", "Answered"),
        ("Fit", "Good fit"),
        ("Fit", "Not a fit"),
    ]
    index = [b.columns.index(w) for w in wanted]
    rows = [
        {
            "group": cut(group, 34),
            "size": b.table.size_text(r),
            "cells": [b.table.text(r, c) for c in index],
            "median": b.medians[r] or SMALL_TEXT,
        }
        for r, group in enumerate(b.groups)
    ]
    more = len(rows) - GROUPS_SHOWN
    if all(size is None for size in b.table.sizes):
        rows, more = [], 0
    if not b.groups:
        instead = "Nobody on the roster yet."
    elif not rows:
        instead = f"Every {b.by.lower()} has fewer than {MINIMUM} people: not broken out."
    else:
        instead = ""
    return {
        "by": b.by,
        "instead": instead,
        "heads": [
            "People",
            "Attended the launch",
            "Answered a check-in",
            "Good fit",
            "Not a fit",
            "Satisfaction",
        ],
        "rows": rows[:GROUPS_SHOWN] if more > 0 else rows,
        "more": f"{more_text(more)} {b.by.lower()}s in the workbook" if more > 0 else "",
    }


def _listed_rows(rows: list[dict], shown: int, noun: str) -> dict:
    more = len(rows) - shown
    return {
        "rows": rows[:shown] if more > 0 else rows,
        "more": f"{more_text(more)} {noun}s in the workbook" if more > 0 else "",
    }


def _words(words: Words | None, title: str, what: str) -> dict | None:
    """Free text shared with the confirmation: the first lines that fit, sorted."""
    if words is None:
        return None
    lines: list[str] = []
    used = 0
    for text in words.texts:
        if len(lines) >= WORDS_SHOWN or (lines and used + len(text) > WORDS_BUDGET):
            break
        lines.append(cut(text, 200))
        used += len(lines[-1])
    rest = len(words.texts) - len(lines)
    if words.texts:
        none = ""
    elif words.writers:
        none = f"Not shown: {count(words.writers, what)}, fewer than {MINIMUM}."
    else:
        none = "None yet."
    return {
        "title": title,
        "lines": lines,
        "more": f"{more_text(rest)} in the workbook" if rest else "",
        "none": none,
    }


def render_outcomes_pdf(context: dict, *, paper: str | None = None) -> bytes:
    from workshop_app.core.charters.pdf_render import render_document, write_pdf

    return write_pdf([render_document(TEMPLATE, context, paper=paper)])


# -- writing the report -------------------------------------------------------------------


def report_target(out: Path, chosen: str | None) -> tuple[Path, str]:
    """Where the report goes and in which format: the format asked for (its suffix added to
    a name without one), else the one `out`'s suffix names; a UserError otherwise."""
    suffix = out.suffix.lower().lstrip(".")
    if chosen is None:
        if suffix not in FORMATS:
            raise UserError(
                f"{out.name}: name the report .pdf or .xlsx, or choose --format pdf or xlsx."
            )
        return out, suffix
    if chosen not in FORMATS:
        raise UserError(f"{chosen!r} is not a report format: choose pdf or xlsx.")
    if suffix in FORMATS and suffix != chosen:
        raise UserError(f"{out.name} is named for {suffix.upper()}, not {chosen.upper()}.")
    return (out if suffix == chosen else out.with_name(f"{out.name}.{chosen}")), chosen


def write_report(
    wf: WorkshopFile,
    *,
    out: Path,
    format: str,
    today: date,
    include_comments: bool,
    paper: str | None = None,
) -> Outcomes:
    """Write the outcomes report to `out` (replaced whole, or not at all) and return its
    figures."""
    from workshop_app.core.store.atomic import check_target, write_bytes

    check_target(out)
    result = outcomes(wf, today=today, include_comments=include_comments)
    if format == "pdf":
        context = outcomes_context(result, wf.workshop())
        write_bytes(out, render_outcomes_pdf(context, paper=paper))
    else:
        from workshop_app.core.followup.outcomes_xlsx import write_outcomes_xlsx

        write_outcomes_xlsx(result, out=out)
    return result


def write_report_file(
    path: str,
    out: str,
    format: str,
    today: str,
    include_comments: bool,
    *,
    progress: Progress,
    cancelled: CancelCheck,
) -> str:
    """`write_report` as a job for a child process (plain arguments): opens the workshop
    read-only itself; returns the path written."""
    from workshop_app.core.store.workshop_file import WorkshopFile

    progress(0, 2)
    with WorkshopFile.open(Path(path), readonly=True) as wf:
        if cancelled():
            raise Cancelled
        progress(1, 2)
        write_report(
            wf,
            out=Path(out),
            format=format,
            today=date.fromisoformat(today),
            include_comments=include_comments,
        )
    progress(2, 2)
    return out
