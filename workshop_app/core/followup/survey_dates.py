"""Dates and times as survey tools write them, in the form owner's locale.

ISO (`2027-01-19 14:03:22`, Qualtrics and Excel's own dates), Google Forms' download
(`2027/01/19 2:03:22 PM GMT+1`) and the sheet's local forms (`19/01/2027 14:03:22`,
`19.01.2027 14:03:22`, `1/19/2027 14:03:22`). Whether `03/04/2027` is 3 April or 4 March is
decided for a whole column: a value whose first number is over 12 settles it for all of them,
else the header language does (day first but in English).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)
_YMD = re.compile(
    r"(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?"
    r"(?:\s*(?:GMT|UTC)([+-]\d{1,2}(?::?\d{2})?)?)?"
)
_LOCAL = re.compile(
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s*([AaPp]\.?[Mm]\.?)?)?"
)


def day_first_for(values: Iterable[str], *, hint: bool) -> bool:
    """Whether the column's d/m/y-or-m/d/y dates put the day first."""
    for value in values:
        m = _LOCAL.fullmatch(value.strip())
        if m is None:
            continue
        if int(m.group(1)) > 12:
            return True
        if int(m.group(2)) > 12:
            return False
    return hint


def parse_when(text: str, *, day_first: bool) -> datetime | None:
    """The date and time in `text` (midnight for a date alone), or None if it is not one. An
    offset the tool wrote (GMT+1) is kept; without one the time is the form's local time."""
    value = text.strip()
    try:
        if m := _ISO.fullmatch(value):
            year, month, day, hour, minute, second, zone = m.groups()
            return _made(year, month, day, hour, minute, second, None, _offset(zone))
        if m := _YMD.fullmatch(value):
            year, month, day, hour, minute, second, half, zone = m.groups()
            return _made(year, month, day, hour, minute, second, half, _offset(zone or "+0"))
        if m := _LOCAL.fullmatch(value):
            first, second_part, year, hour, minute, second, half = m.groups()
            day, month = (first, second_part) if day_first else (second_part, first)
            return _made(year, month, day, hour, minute, second, half, None)
    except ValueError:  # 31 February, hour 25
        return None
    return None


@lru_cache(maxsize=4096)  # a program's check-ins report their meetings on a few hundred days
def parse_day(text: str, *, day_first: bool) -> date | None:
    when = parse_when(text, day_first=day_first)
    return when.date() if when is not None else None


def iso_when(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def _offset(zone: str | None) -> timezone | None:
    if not zone:
        return None
    if zone == "Z":
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def _made(
    year: str,
    month: str,
    day: str,
    hour: str | None,
    minute: str | None,
    second: str | None,
    half: str | None,
    zone: timezone | None,
) -> datetime:
    h = int(hour or 0)
    if half:
        if not 1 <= h <= 12:
            raise ValueError(half)
        h = h % 12 + (12 if half[0] in "Pp" else 0)
    return datetime(
        int(year), int(month), int(day), h, int(minute or 0), int(second or 0), tzinfo=zone
    )
