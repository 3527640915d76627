"""Dates and times in widgets, written the way the interface language writes them (QLocale,
never the process locale): "19 gennaio 2027", "19. Januar 2027", and in numbers "19.01.2027"."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from workshop_app.core.i18n import PSEUDO, SOURCE_LANGUAGE, interface_language, pgettext


def interface_locale() -> QLocale:
    """The QLocale of the interface language (the pseudo-locale writes dates in English)."""
    lang = interface_language()
    return QLocale(SOURCE_LANGUAGE if lang == PSEUDO else lang)


# The day and month in words, in each language's order ("19. Januar" has its dot in German);
# QLocale's own long format puts the weekday first, and English in US order.
LONG_DATE = {"de": "d. MMMM yyyy"}
LONG_DATE_DEFAULT = "d MMMM yyyy"


# French writes the first of the month as an ordinal: "1er février 2027".
FIRST_OF_MONTH = {"fr": "d'er' MMMM yyyy"}


def _language() -> str:
    return interface_locale().name().split("_")[0]


# English keeps ISO dates in fields: "01/02/2027" is January on a US desktop and February on
# a UK one, and English is the language of both.
ISO_DATE = "yyyy-MM-dd"
ISO_TIME = "HH:mm"
ISO_LANGUAGES = frozenset({"en"})


def shown_date_format() -> str:
    """How date fields show a date: the interface language's numeric short date with a
    four-digit year ("dd.MM.yyyy" in German, "dd/MM/yyyy" in Italian and French), ISO in
    English."""
    if _language() in ISO_LANGUAGES:
        return ISO_DATE
    short = interface_locale().dateFormat(QLocale.FormatType.ShortFormat)
    return re.sub(r"y+", "yyyy", short)  # "dd.MM.yy": a two-digit year is a guess


def shown_time_format() -> str:
    """How date-and-time fields show a time: as the interface language writes it ("HH:mm")."""
    if _language() in ISO_LANGUAGES:
        return ISO_TIME
    return interface_locale().timeFormat(QLocale.FormatType.ShortFormat)


def shown_moment_format() -> str:
    return f"{shown_date_format()} {shown_time_format()}"


def shown_short_date(day: date | QDate) -> str:
    """A date in numbers, as date fields show it: "2027-01-19", "19.01.2027", "19/01/2027"."""
    if isinstance(day, date):
        day = QDate(day.year, day.month, day.day)
    return interface_locale().toString(day, shown_date_format())


def shown_short_moment(moment: datetime | QDateTime) -> str:
    """A date and time in numbers, as date-and-time fields show it: "19.01.2027 14:30"."""
    if isinstance(moment, datetime):
        moment = QDateTime(
            QDate(moment.year, moment.month, moment.day),
            QTime(moment.hour, moment.minute, moment.second),
        )
    return interface_locale().toString(moment, shown_moment_format())


def _long_date_format(day: int) -> str:
    """The format of a date in words on the `day` of its month."""
    language = _language()
    if day == 1 and language in FIRST_OF_MONTH:
        return FIRST_OF_MONTH[language]
    return LONG_DATE.get(language, LONG_DATE_DEFAULT)


def shown_long_date(date: QDate) -> str:
    """A date in words: "19 January 2027", "19 gennaio 2027", "19. Januar 2027", "1er février
    2027"."""
    return interface_locale().toString(date, _long_date_format(date.day()))


# The day, the month shortened and the year, in each language's order (German has its dot).
BRIEF_DATE = {"de": "d. MMM yyyy"}
BRIEF_DATE_DEFAULT = "d MMM yyyy"


def shown_brief_date(day: date | QDate) -> str:
    """A date with its month shortened, where room is short: "19 Apr 2027", "19 apr 2027",
    "19. Apr. 2027"."""
    if isinstance(day, date):
        day = QDate(day.year, day.month, day.day)
    return interface_locale().toString(day, BRIEF_DATE.get(_language(), BRIEF_DATE_DEFAULT))


def shown_brief_moment(moment: datetime) -> str:
    """A moment in local time, its month shortened, to the minute: "20 Jan 2027, 14:30"."""
    local = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))
    shape = BRIEF_DATE.get(_language(), BRIEF_DATE_DEFAULT)
    return interface_locale().toString(local, f"{shape}, HH:mm")


def shown_moment(moment: datetime) -> str:
    """A local moment with its weekday, to the second: a backup's time."""
    local = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))
    return interface_locale().toString(
        local, f"dddd {_long_date_format(local.date().day())}, HH:mm:ss"
    )


def date_pattern(shown: str) -> str:
    """A date format as a person reads it: "YYYY-MM-DD", "TT.MM.JJJJ", "GG/MM/AAAA HH:MM"."""
    letters = {
        "y": pgettext("the letter for a year's digit in a date pattern (YYYY)", "Y"),
        "M": pgettext("the letter for a month's digit in a date pattern (MM)", "M"),
        "d": pgettext("the letter for a day's digit in a date pattern (DD)", "D"),
        "H": pgettext("the letter for an hour's digit in a time pattern (HH)", "H"),
        "m": pgettext("the letter for a minute's digit in a time pattern (MM)", "M"),
    }
    # A one-letter day or month is written with one or two digits: shown as two.
    return re.sub(
        r"y+|M+|d+|H+|h+|m+",
        lambda token: letters[token[0][0].replace("h", "H")] * max(2, len(token[0])),
        shown,
    )
