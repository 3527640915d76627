"""A pair's review checkpoints after the launch: when each is due and what is known of it.

The days come from the pair's charter ("30, 90, 180" in section 9), else the program's usual
DEFAULT_REVIEW_DAYS, counted from the charter's first meeting, as the printed charter counts
them (`charters.context.checkpoints`). A checkpoint is done when a review for it is entered or
either partner's check-in answers it; it is due within a week either side of its date, overdue
after that, upcoming before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from workshop_app.core.charter_fields import DEFAULT_REVIEW_DAYS
from workshop_app.core.charters.dates import format_date
from workshop_app.core.i18n import _, base_language, interface_language

# Days either side of a checkpoint's date in which it is "due".
DUE_WINDOW_DAYS = 7
_LAST_DAY = date.max.toordinal()


@dataclass(frozen=True, slots=True)
class Checkpoint:
    day: int  # days after the first meeting
    due: date | None  # None when the first meeting has no date
    state: str  # "done" | "due" | "overdue" | "upcoming" | "unknown"
    known: str  # "mentee checked in on 3 March 2027", "review held 4 March 2027", ""


@lru_cache(maxsize=256)
def review_days(text: Any) -> tuple[int, ...]:
    """The charter's agreed review days ("30, 90 and 180"), else the program's defaults."""
    days = sorted({int(d) for d in re.findall(r"\d+", str(text or "")) if 0 < int(d) < 10000})
    return tuple(days) or DEFAULT_REVIEW_DAYS


def checkpoint_of(
    checkpoint_day: int | None, submitted: date | None, days: Sequence[int], first: date | None
) -> int | None:
    """The pair's checkpoint a check-in answers: the day it says (a program-wide form's "day
    30" answers a pair's own nearest day, its 45, say), else the one whose date is nearest to
    when it was sent (None when neither is known)."""
    if checkpoint_day is not None:
        if checkpoint_day in days or not days:
            return checkpoint_day
        return min(days, key=lambda d: (abs(d - checkpoint_day), d))
    if first is None or submitted is None or not days:
        return None
    since = (submitted - first).days
    return min(days, key=lambda d: (abs(d - since), d))


def pair_checkpoints(
    *,
    days: Sequence[int],
    first: date | None,
    today: date,
    reviews: dict[int, date | None],
    answered: Iterable[tuple[int | None, str, date | None]],
    lang: str,
) -> tuple[Checkpoint, ...]:
    """Each checkpoint with its date, state and what is known of it. `reviews` maps a
    checkpoint day to the day its review was held (None: held, date not entered);
    `answered` is each check-in as (the checkpoint it answers, role, day sent)."""
    by_day: dict[int, list[tuple[str, date | None]]] = {}
    for day, role, submitted in answered:
        if day is not None:
            by_day.setdefault(day, []).append((role, submitted))
    out = []
    start = first.toordinal() if first else 0
    for day in days:
        # Day numbers, not timedeltas (a page of 2,000 pairs makes thousands of these); a
        # first meeting near the end of the calendar (a damaged file) has no dates after it.
        due = date.fromordinal(start + day) if first and start + day <= _LAST_DAY else None
        if day in reviews:
            held = reviews[day]
            known = (
                _("review held {date}").format(date=day_text(held, lang))
                if held
                else _("review held")
            )
        else:
            known = _checked_in(by_day.get(day), lang)
        if known:
            state = "done"
        elif due is None:
            state = "unknown"
        else:
            late = (today - due).days
            state = (
                "due"
                if -DUE_WINDOW_DAYS <= late <= DUE_WINDOW_DAYS
                else ("overdue" if late > 0 else "upcoming")
            )
        out.append(Checkpoint(day, due, state, known))
    return tuple(out)


def next_due(checkpoints: Sequence[Checkpoint]) -> Checkpoint | None:
    """The checkpoint to act on next: the first not done (overdue ones first, by date)."""
    return next((c for c in checkpoints if c.state != "done"), None)


def _checked_in(marks: Sequence[tuple[str, date | None]] | None, lang: str) -> str:
    """'mentee checked in on 3 March 2027', 'mentor and mentee checked in on ...'."""
    if not marks:
        return ""
    roles = {role for role, _sent in marks}
    latest = max((sent for _role, sent in marks if sent), default=None)
    on = day_text(latest, lang)
    if len(roles) > 1:
        if latest:
            return _("mentor and mentee checked in on {date}").format(date=on)
        return _("mentor and mentee checked in")
    if marks[0][0] == "mentor":
        return (
            _("mentor checked in on {date}").format(date=on) if latest else _("mentor checked in")
        )
    return _("mentee checked in on {date}").format(date=on) if latest else _("mentee checked in")


def screen_language(workshop_language: str | None) -> str:
    """The language of dates read on the coordinator's screen (the Follow-up page, the CLI):
    the interface's, so a sentence and its dates agree; the workshop's own variant when it is
    the same language ("en-GB" writes 3 March 2027, "en-US" March 3, 2027)."""
    lang = workshop_language or "en"
    shown = interface_language()
    return lang if base_language(shown) == base_language(lang) else shown


@lru_cache(maxsize=4096)
def day_text(day: date | None, lang: str) -> str:
    """A date as people read it in the workshop's language ("3 March 2027"); cached, since a
    program's few hundred distinct days are formatted thousands of times on one page."""
    return format_date(day.isoformat(), lang) if day else ""
