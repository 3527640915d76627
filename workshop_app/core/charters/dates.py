"""Dates and numbers as a document prints them, in the workshop's charter language and never
the process's.

Qt's start-up sets the process locale from the desktop (`setlocale(LC_ALL, "")`), so `%B` and
`%A` would print "Januar" in the app under a German desktop and "January" in the CLI: different
bytes for the same data. Every word of a date comes from Babel's locale data instead, chosen by
`Workshop.language` alone.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_date
from babel.dates import format_interval, parse_pattern
from babel.dates import format_time as babel_time
from babel.numbers import format_decimal

# The app's plain "en" has always printed day-month-year ("19 January 2027"), as British
# English does; Babel's bare "en" is American.
_HOUSE_LOCALES = {"en": "en_GB"}
_FALLBACK = "en_GB"
# French writes the first of the month as an ordinal, "1er février" (Babel gives "1 février").
_FRENCH_FIRST = re.compile(r"(?<!\d)1(?!\d)")
# The dash between the two ends of a range, in every language's interval patterns.
_RANGE_DASH = "–"
# A range's skeleton: the day, the month shortened and the year; and its day's letters.
_RANGE_SKELETON = "yMMMd"
_DAY = re.compile(r"(?<!d)d{1,2}(?!d)")
# Italian joins the article or the preposition before a date to a day read with a vowel (uno,
# otto, undici): "l'1 febbraio", "dall'8 marzo", "entro l'11 aprile", never "il 1 febbraio".
_ITALIAN_JOINED = {"il": "l'", "dal": "dall'", "al": "all'", "del": "dell'", "nel": "nell'",
                   "sul": "sull'"}  # fmt: skip
_ITALIAN_MONTHS = (
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
)
_ITALIAN_BEFORE_DATE = re.compile(
    rf"\b(il|dal|al|del|nel|sul) (1|8|11) (?=(?:{_ITALIAN_MONTHS})\b)", re.IGNORECASE
)


@cache
def babel_locale(lang: str) -> Locale:
    """The Babel locale for a charter language ("en", "en-GB", "en-US", "de"...); British
    English for anything Babel does not know, so a stray value never stops a print."""
    tag = (lang or "").strip().replace("-", "_")
    try:
        return Locale.parse(_HOUSE_LOCALES.get(tag.lower(), tag) or _FALLBACK)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(_FALLBACK)


def parse_date(value: Any) -> date | None:
    """The date in an ISO date or date-time ("2027-01-19", "2027-01-19T14:30"), else None."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


def format_date(value: Any, lang: str = "en") -> str:
    """19 January 2027 (January 19, 2027 in US English; 1er février 2027 in French); text that
    is not a date, as given."""
    day = parse_date(value)
    if day is None:
        return "" if value is None else str(value).strip()
    locale = babel_locale(lang)
    return _ordinal_first(babel_date(day, format="long", locale=locale), day, locale)


def format_date_range(first: date, last: date, lang: str = "en") -> str:
    """Two days as one short range, as Babel writes it ("2–9 Feb 2027", "19. Jan. – 1. Feb.
    2027"), with each day written as the language writes it in a single date ("1–15 feb 2027":
    Babel's Italian ranges pad it, "01–15 feb 2027") and French's "1er" at either end ("1er–15
    févr. 2027")."""
    locale = babel_locale(lang)
    text = _interval(first, last, locale)
    if locale.language != "fr" or _RANGE_DASH not in text:
        return text
    start, end = text.split(_RANGE_DASH, 1)
    return _RANGE_DASH.join(
        (_ordinal_first(start, first, locale), _ordinal_first(end, last, locale))
    )


def _interval(first: date, last: date, locale: Locale) -> str:
    """Babel's interval of the "yMMMd" skeleton, its day as wide as in the language's single
    date of the same skeleton ("d MMM y" in Italian, where the interval patterns say "dd")."""
    patterns = locale.interval_formats.get(_RANGE_SKELETON)
    single = locale.datetime_skeletons.get(_RANGE_SKELETON)
    if first == last or not patterns or single is None:
        return format_interval(first, last, _RANGE_SKELETON, locale=locale)
    day = "dd" if "dd" in single.pattern else "d"
    # The largest part that differs picks the pattern (CLDR's rule, as format_interval's).
    differs = {"y": first.year != last.year, "M": first.month != last.month, "d": True}
    field = next(f for f in ("y", "M", "d") if differs[f] and f in patterns)
    return "".join(
        parse_pattern(_DAY.sub(day, pattern)).apply(instant, locale)
        for pattern, instant in zip(patterns[field], (first, last), strict=True)
    )


def _ordinal_first(text: str, day: date, locale: Locale) -> str:
    """`text`, a date in words, with French's "1er" for the first of the month."""
    if day.day != 1 or locale.language != "fr":
        return text
    return _FRENCH_FIRST.sub("1er", text, count=1)


def italian_articles(text: str) -> str:
    """Italian `text` with every article or preposition before a date joined to a day that
    begins with a vowel sound: "il 1 febbraio" reads "l'1 febbraio", "Dal 8 marzo" "Dall'8
    marzo". A sentence is written with "il {date}" for any day; this makes it right."""

    def joined(match: re.Match[str]) -> str:
        word = _ITALIAN_JOINED[match[1].lower()]
        return (word.capitalize() if match[1][0].isupper() else word) + match[2] + " "

    return _ITALIAN_BEFORE_DATE.sub(joined, text)


def format_datetime(value: Any, lang: str = "en") -> str:
    """Tuesday 19 January 2027, 14:30 (Tuesday January 19, 2027, 2:30 PM in US English); the
    weekday and date alone for a bare date; text that is not a date, as given."""
    text = "" if value is None else str(value).strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return format_date(text, lang)
    locale = babel_locale(lang)
    if locale.language == "en":
        # The app's English has always printed "Tuesday 19 January 2027", without Babel's comma.
        when = (
            f"{babel_date(moment, format='EEEE', locale=locale)} {format_date(moment.date(), lang)}"
        )
    else:  # "martedì 19 gennaio 2027", "Dienstag, 19. Januar 2027": each language's own
        when = _ordinal_first(
            babel_date(moment, format="full", locale=locale), moment.date(), locale
        )
    if len(text) <= 10:
        return when
    return f"{when}, {babel_time(moment, format='short', locale=locale)}"


def format_number(value: float, lang: str = "en", *, places: int = 0) -> str:
    """A number in the charter language's digits and separators ("1,234" / "1.234" /
    "1 234"), with up to `places` decimals."""
    pattern = "#,##0" + ("." + "#" * places if places else "")
    return format_decimal(value, format=pattern, locale=babel_locale(lang))
