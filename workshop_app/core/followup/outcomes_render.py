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
from workshop_app.core.charters.dates import format_date, format_number, parse_date
from workshop_app.core.charters.fit import cut
from workshop_app.core.errors import UserError
from workshop_app.core.followup.outcomes import (
    Breakdown,
    Figure,
    Outcomes,
    Words,
    fewer_unit,
    figure_parts,
    none_unit,
    of_unit,
    outcomes,
)
from workshop_app.core.followup.outcomes_lines import people_line, words_none
from workshop_app.core.followup.outcomes_suppress import (
    MINIMUM,
    small_text,
    suppression_rule,
)
from workshop_app.core.i18n import _, translations
from workshop_app.core.jobs import CancelCheck, Cancelled, Progress
from workshop_app.core.model import Workshop

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
# The breakdown's columns on the page, by their place in `Breakdown.columns`: attended,
# answered a check-in, good fit, not a fit.
BREAKDOWN_COLUMNS = (0, 2, 4, 6)


def outcomes_context(result: Outcomes, workshop: Workshop) -> dict:
    """Everything `outcomes.html.j2` needs, as plain data in the workshop's language, cut to
    fit one page."""
    lang = result.language
    t = translations(lang)
    today = format_date(result.today.isoformat(), lang)
    launched = parse_date(result.workshop_date)
    day = (result.today - launched).days if launched else None
    figure = result.figure
    return {
        "lang": lang,
        "paper": result.paper,
        "title": clean(
            t.gettext("Outcomes report: {program}, {date}").format(
                program=result.program, date=today
            )
        ),
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
        "day": _day_text(day, lang),
        "footer": [cut(result.organisation, 40), cut(result.program, 50)],
        "anonymised": result.anonymised,
        "key": [
            _key(t.gettext("People"), result.roster.size_text(0, lang), people_line(result)),
            _key_figure(
                figure("signed"), t.gettext("Charters"), t.gettext("charters signed"), lang
            ),
            _key_figure(
                figure("cadence"),
                t.gettext("Cadence"),
                t.gettext("open pairs meeting at their agreed cadence"),
                lang,
            ),
            _key_figure(
                figure("goals"),
                t.gettext("Goals"),
                t.gettext("goals moved up from their baseline"),
                lang,
            ),
        ],
        "measures": _measure_rows(result),
        "left": [
            _bars(figure("cadence"), lang),
            _bars(figure("goals"), lang),
            _bars(figure("response"), lang),
            _bars(figure("attended"), lang),
        ],
        "right": [
            _bars(figure("fit"), lang),
            _bars(figure("satisfaction"), lang),
            _bars(figure("closed"), lang),
            _bars(figure("goal_outcomes"), lang),
        ],
        "closures": _closure_lines(result),
        "breakdown": _breakdown(result.breakdowns[-1], lang) if result.breakdowns else None,
        "words": [
            w
            for w in (
                _words(result.comments, t.gettext("Check-in comments"), lang),
                _words(result.reasons, t.gettext("Reasons for no-fault closures"), lang),
            )
            if w is not None
        ],
        "rule": suppression_rule(lang),
    }


def _day_text(day: int | None, lang: str) -> str:
    t = translations(lang)
    if day is None:
        return ""
    if day < 0:
        return t.ngettext("the launch is in {n} day", "the launch is in {n} days", -day).format(
            n=format_number(-day, lang)
        )
    if day == 0:
        return t.gettext("the day of the launch")
    return t.gettext("day {n} after the launch").format(n=format_number(day, lang))


def _key(label: str, big: str, under: str) -> dict:
    return {"label": label, "big": big, "hidden": False, "of": "", "under": under}


def _key_figure(figure: Figure, label: str, what: str, lang: str) -> dict:
    """A key figure: its first part, out of its whole."""
    table = figure.table
    return {
        "label": label,
        "big": table.text(0, 0, lang),
        "hidden": table.cells[0][0] is None,
        # A whole of fewer than 5: its part is "fewer than 5" too, said once.
        "of": translations(lang).gettext("of {n}").format(n=format_number(table.sizes[0], lang))
        if table.sizes[0] is not None
        else "",
        "under": what,
    }


def _bars(figure: Figure, lang: str) -> dict:
    """A figure as bars, one per part; one line instead when there is nothing to break out."""
    table = figure.table
    total = table.sizes[0]
    bars = {"title": figure.title, "of": "", "rows": [], "note": "", "instead": ""}
    if total is None:
        if table.small_sizes[0]:
            return bars | {"instead": fewer_unit(figure.unit, lang)}
        return bars | {"instead": _not_shown_whole(lang)}
    if total == 0:
        return bars | {"instead": none_unit(figure.unit, lang)}
    rows = []
    for i, label in enumerate(figure.labels):
        value = table.cells[0][i]
        rows.append(
            {
                "label": cut(label, 40),
                "shown": table.text(0, i, lang),
                "hidden": value is None,
                "width": round(100 * value / total) if value is not None and total else 0,
            }
        )
    # A sentence's first letter, without lowering the rest (German nouns keep theirs).
    note = figure.note[:1].upper() + figure.note[1:]
    return bars | {"of": of_unit(figure.unit, total, lang), "rows": rows, "note": note}


def _not_shown_whole(lang: str) -> str:
    return translations(lang).gettext(
        "Not shown: it would let a smaller figure beside it be worked out."
    )


def _closure_lines(result: Outcomes) -> list[dict]:
    """Who asked for the no-fault closures and whether they were re-matched, as short lines
    under the closures' bars."""
    lang = result.language
    t = translations(lang)
    return [
        {"label": t.gettext("Who asked"), "text": _parts(result.figure("asked_by"), lang)},
        {"label": t.gettext("Re-matched"), "text": _parts(result.figure("rematched"), lang)},
    ]


def _parts(f: Figure, lang: str) -> str:
    """A small figure on one line: "Mentor: 6; Mentee: 3", or why it is not broken out."""
    if f.total is None:
        return fewer_unit(f.unit, lang) if f.table.small_sizes[0] else _not_shown_whole(lang)
    if not f.total:
        return translations(lang).gettext("none yet")
    return figure_parts(f, lang)


def _breakdown(b: Breakdown, lang: str) -> dict:
    """The by-department table (or by role, when the roster has no departments): the first
    groups by name, then one line for the rest."""
    t = translations(lang)
    rows = [
        {
            "group": cut(group, 34),
            "size": b.table.size_text(r, lang),
            "cells": [b.table.text(r, c, lang) for c in BREAKDOWN_COLUMNS],
            "median": b.medians[r] or small_text(lang),
        }
        for r, group in enumerate(b.groups)
    ]
    more = len(rows) - GROUPS_SHOWN
    if all(size is None for size in b.table.sizes):
        rows, more = [], 0
    n = format_number(MINIMUM, lang)
    if not b.groups:
        instead = t.gettext("Nobody on the roster yet.")
    elif not rows and b.key == "role":
        instead = t.gettext("Each role has fewer than {n} people: not broken out.").format(n=n)
    elif not rows:
        instead = t.gettext("Each department has fewer than {n} people: not broken out.").format(
            n=n
        )
    else:
        instead = ""
    if more <= 0:
        more_line = ""
    elif b.key == "role":
        more_line = t.ngettext(
            "… and {n} more role in the workbook", "… and {n} more roles in the workbook", more
        ).format(n=format_number(more, lang))
    else:
        more_line = t.ngettext(
            "… and {n} more department in the workbook",
            "… and {n} more departments in the workbook",
            more,
        ).format(n=format_number(more, lang))
    return {
        "title": t.gettext("By role") if b.key == "role" else t.gettext("By department"),
        "by": b.by,
        "instead": instead,
        "heads": [
            t.gettext("People"),
            t.gettext("Attended the launch"),
            t.gettext("Answered a check-in"),
            t.gettext("Good fit"),
            t.gettext("Not a fit"),
            t.gettext("Satisfaction"),
        ],
        "rows": rows[:GROUPS_SHOWN] if more > 0 else rows,
        "more": more_line,
    }


def _measure_rows(result: Outcomes) -> dict:
    lang = result.language
    rows = [{"text": m.text, "answer": m.answer} for m in result.measures]
    more = len(rows) - MEASURES_SHOWN
    return {
        "rows": rows[:MEASURES_SHOWN] if more > 0 else rows,
        "more": translations(lang)
        .ngettext(
            "… and {n} more measure in the workbook",
            "… and {n} more measures in the workbook",
            more,
        )
        .format(n=format_number(more, lang))
        if more > 0
        else "",
    }


def _words(words: Words | None, title: str, lang: str) -> dict | None:
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
    more = (
        translations(lang)
        .ngettext("… and {n} more in the workbook", "… and {n} more in the workbook", rest)
        .format(n=format_number(rest, lang))
    )
    return {
        "title": title,
        "lines": lines,
        "more": more if rest else "",
        "none": "" if words.texts else words_none(words, lang),
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
                _("{name}: name the report .pdf or .xlsx, or choose --format pdf or xlsx.").format(
                    name=out.name
                )
            )
        return out, suffix
    if chosen not in FORMATS:
        raise UserError(
            _("{format} is not a report format: choose pdf or xlsx.").format(format=repr(chosen))
        )
    if suffix in FORMATS and suffix != chosen:
        raise UserError(
            _("{name} is named for {suffix}, not {format}.").format(
                name=out.name, suffix=suffix.upper(), format=chosen.upper()
            )
        )
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
