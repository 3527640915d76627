"""The summary's times: the moment the data was last changed ("as of"), the next milestones
of the program, and whether the workshop's agenda ran to time."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from workshop_app.core.charters.dates import (
    format_date,
    format_date_range,
    format_datetime,
    parse_date,
)
from workshop_app.core.charters.fit import cut, listed
from workshop_app.core.i18n import translations
from workshop_app.core.model import Segment

# The check-ins the program asks pairs for when their charters do not agree on others.
DEFAULT_CHECK_IN_DAYS = (30, 90, 180)
# A segment is "over time" once it ran this much past its planned minutes.
OVER_BY_SECONDS = 60


def latest_change(stamps: Iterable[str | None]) -> datetime | None:
    """The latest of ISO timestamps (naive ones are UTC, as the app records them), in UTC."""
    moments = []
    for stamp in stamps:
        if not stamp:
            continue
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            continue
        moments.append(moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment)
    return max(moments).astimezone(UTC) if moments else None


def as_of(moment: datetime | None, lang: str) -> str:
    """ "Tuesday 19 January 2027, 17:05": the data's own time, never the clock's, so the same
    data prints the same page, in the machine's local time, as the reader's watch says it (a
    sponsor in Munich reads 17:05, not 16:05 UTC)."""
    if moment is None:
        return ""
    local = moment.astimezone().replace(tzinfo=None)
    return format_datetime(local.isoformat(timespec="minutes"), lang)


def add_months(day: date, months: int) -> date:
    """`day` plus whole months; the 31st becomes the month's last day where it has fewer."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def milestones(
    workshop_date: str,
    length_months: int | None,
    first_meetings: Sequence[str],
    check_in_days: Sequence[int],
    pairs: int,
    lang: str,
) -> list[dict]:
    """The program's next dates: when first meetings fall, each check-in counted from the
    workshop date, the mid-point review and the end (from the program's length)."""
    t = translations(lang)
    start = parse_date(workshop_date)
    out = []
    booked = sorted(d for d in (parse_date(m) for m in first_meetings) if d)
    if booked:
        window = (
            format_date(booked[0], lang)
            if booked[0] == booked[-1]
            else format_date_range(booked[0], booked[-1], lang)
        )
        note = t.ngettext(
            "{booked} of {n} pair booked", "{booked} of {n} pairs booked", pairs
        ).format(booked=len(booked), n=pairs)
    else:
        window = t.gettext("Not booked yet")
        note = t.ngettext("0 of {n} pair", "0 of {n} pairs", pairs).format(n=pairs)
    out.append({"label": t.gettext("First meetings"), "date": window, "note": note})
    if start is None:
        return out
    for days in check_in_days:
        when = start + timedelta(days=days)
        label = t.gettext("Day {n} check-in").format(n=days)
        out.append({"label": label, "date": format_date(when, lang), "note": ""})
    if length_months:
        end = add_months(start, length_months)
        out.append(
            {
                "label": t.gettext("Mid-point review"),
                "date": format_date(start + (end - start) / 2, lang),
                "note": "",
            }
        )
        out.append(
            {
                "label": t.gettext("Program ends"),
                "date": format_date(end, lang),
                "note": t.ngettext("{n} month", "{n} months", length_months).format(
                    n=length_months
                ),
            }
        )
    return out


def agenda_timing(segments: Sequence[Segment], lang: str = "en") -> dict:
    """Planned against actual minutes for the segments that ran, and which ran over."""
    t = translations(lang)
    ran = [s for s in segments if s.ran and not s.skipped]
    skipped = sum(1 for s in segments if s.skipped)
    planned_all = round(sum(s.planned_minutes for s in segments if not s.skipped))
    if not ran:
        return {"ran": False, "sentence": "", "planned": planned_all, "segments": len(segments)}
    planned = sum(s.planned_minutes * 60 for s in ran)
    actual = sum(s.actual_seconds or 0 for s in ran)
    over = [s for s in ran if (s.actual_seconds or 0) - s.planned_minutes * 60 >= OVER_BY_SECONDS]
    delta = round((actual - planned) / 60)
    if delta > 0:
        verdict = t.ngettext("{n} minute over", "{n} minutes over", delta).format(n=delta)
    elif delta < 0:
        verdict = t.ngettext("{n} minute under", "{n} minutes under", -delta).format(n=-delta)
    else:
        verdict = t.gettext("on time")
    not_run = len(segments) - len(ran) - skipped
    parts = [t.ngettext("{n} segment ran", "{n} segments ran", len(ran)).format(n=len(ran))]
    if skipped:
        parts.append(t.gettext("{n} skipped").format(n=skipped))
    if not_run:
        parts.append(t.gettext("{n} not run").format(n=not_run))
    over_labels = [
        t.gettext("{title} (+{n} min)").format(title=cut(s.title, 40), n=_minutes_over(s))
        for s in over
    ]
    return {
        "ran": True,
        "planned": round(planned / 60),
        "actual": round(actual / 60),
        "verdict": verdict,
        "on_time": delta <= 0,
        "sentence": ", ".join(parts),
        "over_count": len(over),
        "over": listed(over_labels, 150, lang=lang),
    }


def _minutes_over(segment: Segment) -> int:
    return round(((segment.actual_seconds or 0) - segment.planned_minutes * 60) / 60)
