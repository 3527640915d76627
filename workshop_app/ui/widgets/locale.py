"""Dates and times in widgets, written the way the interface language writes them (QLocale,
never the process locale): "19 gennaio 2027", "19. Januar 2027"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale

from workshop_app.core.i18n import PSEUDO, SOURCE_LANGUAGE, interface_language


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


def shown_moment(moment: datetime) -> str:
    """A local moment with its weekday, to the second: a backup's time."""
    local = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))
    return interface_locale().toString(
        local, f"dddd {_long_date_format(local.date().day())}, HH:mm:ss"
    )
