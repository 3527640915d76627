"""How often a pair agreed to meet, as a number of days: what its health is judged against.

The charter's choices are exact (weekly 7, every two weeks 14, monthly 30); a custom cadence is
the pair's own words, typed on the charter's Meetings section (and changed at a review), read
when they say it plainly, in English, Italian, German or French, numbers in digits or words:
"every 3 weeks", "twice a month", "ogni due settimane", "due volte al mese", "alle zwei Wochen",
"zweimal im Monat", "toutes les deux semaines", "deux fois par mois", "monthly", "mensile",
"vierzehntäglich", "bimensuel" (twice a month). Words that give no interval ("when we can",
"quando possiamo") give no cadence, and the pair is not judged by one; so do words that mean
twice a week to some and every two weeks to others ("bisettimanale", "bihebdomadaire").
"""

from __future__ import annotations

import re
from functools import lru_cache

from workshop_app.core.charter_fields import choice_label
from workshop_app.core.charters.context import clean
from workshop_app.core.number_words import NUMBER_WORDS
from workshop_app.core.plain_text import plain

CHOICE_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 30}
# Each unit's forms (after `plain`: no accents, lower case) and its length in days.
_UNIT_FORMS = {
    1: "days? giorn[oi] tag(?:e|en)? jours?",
    7: "weeks? settiman[ae] woch(?:e|en) semaines?",
    14: "fortnights? quindicin[ae] quinzaines?",
    30: "months? mes[ei] monat(?:e|en|s)? mois",
}
_UNITS = tuple(
    (re.compile(form), days) for days, forms in _UNIT_FORMS.items() for form in forms.split()
)
_UNIT = "(" + "|".join(rule.pattern for rule, _ in _UNITS) + ")"
# Numbers as words, and the ordinals and articles that count here too ("every second week",
# "jede zweite Woche", "a month", "every other week").
_NUMBERS = NUMBER_WORDS | {
    "a": 1, "an": 1, "other": 2, "second": 2, "third": 3, "fourth": 4,
    "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3, "vierte": 4, "vierten": 4,
}  # fmt: skip
_NUMBER = r"(\d+|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_TIMES_WORD = r"(?:\s*-?\s*(?:times?|volt[ae]|mal|fois|x))"
_EACH = r"(?:every|each|ogni|tutt[ei] (?:i|le)|alle|jede[nrs]?|tous les|toutes les|chaque)"
_PER = rf"(?:a|an|per|{_EACH}|al|alla|im|pro|die|in der|je|par)"
# "twice a month", "3 times every month", "once every two weeks", "una volta al mese",
# "due volte ogni tre settimane", "zweimal im Monat", "2x pro Woche", "deux fois par mois"
_TIMES = re.compile(rf"\b{_NUMBER}{_TIMES_WORD}?\s+{_PER}\s+(?:{_NUMBER}\s+)?{_UNIT}\b")
# "every 3 weeks", "every other week", "ogni due settimane", "alle 14 Tage",
# "jede zweite Woche", "toutes les deux semaines", "tous les quinze jours"
_EVERY = re.compile(rf"\b{_EACH}\s+(?:{_NUMBER}\s+)?{_UNIT}\b")
# "une semaine sur deux", "un mois sur deux"
_ONE_IN = re.compile(rf"\b(?:un|une) {_UNIT} sur {_NUMBER}\b")
# "una settimana sì e una no", "a settimane alterne"
_ALTERNATE = re.compile(rf"\b(?:una|un) {_UNIT} si e (?:una|uno|un) no\b|\b{_UNIT} altern[ei]\b")
# "im Zwei-Wochen-Rhythmus", "im 14-Tage-Takt", "im Monatsrhythmus"
_RHYTHM = re.compile(rf"\b(?:{_NUMBER}\s*-?\s*)?{_UNIT}\s*-?\s*(?:rhythmus|takt|turnus)\b")
# "14-tägig", "14-täglich"
_DAYS_ADJECTIVE = re.compile(r"\b(\d+)\s*-?\s*ta(?:e)?g(?:ig|lich)\b")
# Words that are a cadence on their own; compounds first, so that "bimensuel" is not "mensuel"
# ("\b" keeps "bisettimanale" and "bihebdomadaire" from being read as weekly).
_ADVERB_DAYS = {
    # English
    "bi-?weekly": 14, "weekly": 7, "fortnightly": 14, "monthly": 30, "daily": 1,
    # Italian
    "settimanal(?:e|i|mente)": 7, "quindicinal(?:e|i|mente)": 14,
    "bimensil(?:e|i|mente)": 15, "mensil(?:e|i|mente)": 30, "bimestral(?:e|i|mente)": 60,
    "trimestral(?:e|i|mente)": 90, "quotidian(?:o|a|i|e|amente)": 1,
    "giornalier(?:o|a|i|e|mente)": 1,
    # German (with or without umlauts: "wöchentlich", "woechentlich")
    "(?:zwei|2-?)wo(?:e)?chentlich\\w*": 14, "zweiwo(?:e)?chig\\w*": 14,
    "vierzehnta(?:e)?g(?:ig|lich)\\w*": 14, "halbmonatlich\\w*": 15,
    "zweimonatlich\\w*": 60, "vierteljahrlich\\w*|viertelja(?:e)hrlich\\w*": 90,
    "quartalsweise": 90, "wo(?:e)?chentlich\\w*": 7, "monatlich\\w*": 30,
    "ta(?:e)?glich\\w*": 1,
    # French
    "hebdomadaire(?:s|ment)?": 7, "bimensuel(?:le)?s?|bimensuellement": 15,
    "mensuel(?:le)?s?|mensuellement": 30, "bimestriel(?:le)?s?": 60,
    "trimestriel(?:le)?s?": 90, "quotidien(?:ne)?s?|quotidiennement": 1,
}  # fmt: skip
_ADVERBS = tuple((re.compile(rf"\b(?:{words})\b"), days) for words, days in _ADVERB_DAYS.items())
# "twice monthly", "zweimal wöchentlich", "deux fois mensuellement"
_TIMES_ADVERB = re.compile(rf"\b{_NUMBER}{_TIMES_WORD}?\s+(\w+)")


def _number(word: str | None) -> int:
    if not word:
        return 1
    return int(word) if word.isdigit() else _NUMBERS[word]


def _adverb_days(words: str) -> int | None:
    """The days of the first word in `words` that is a cadence on its own, or None."""
    found = [(m.start(), days) for rule, days in _ADVERBS if (m := rule.search(words))]
    return min(found)[1] if found else None


def _unit_days(form: str) -> int:
    return next(days for rule, days in _UNITS if rule.fullmatch(form))


def _every(n: int, unit: str) -> int | None:
    return n * _unit_days(unit) if 0 < n <= 366 else None


def _times(n: int, span: int) -> int | None:
    return max(1, round(span / n)) if 0 < n <= span else None


def custom_days(text: str) -> int | None:
    """The interval in days that a pair's own words give, or None."""
    words = plain(text)
    if m := _TIMES.search(words):
        return _times(_number(m.group(1)), _number(m.group(2)) * _unit_days(m.group(3)))
    for m in _TIMES_ADVERB.finditer(words):
        adverb = _adverb_days(m.group(2))
        if adverb is not None:
            return _times(_number(m.group(1)), adverb)
    if m := _EVERY.search(words):
        return _every(_number(m.group(1)), m.group(2))
    if m := _ONE_IN.search(words):
        return _every(_number(m.group(2)), m.group(1))
    if m := _ALTERNATE.search(words):
        return _every(2, m.group(1) or m.group(2))
    if m := _RHYTHM.search(words):
        return _every(_number(m.group(1)), m.group(2))
    if m := _DAYS_ADJECTIVE.search(words):
        return _every(int(m.group(1)), "days")
    return _adverb_days(words)


@lru_cache(maxsize=256)
def cadence(frequency: str | None, custom: str | None) -> tuple[str, int | None]:
    """The cadence in words as the charter says it ("every two weeks"; the pair's own words
    for a custom one; "" when not agreed) and in days (None when the words give none)."""
    if frequency in CHOICE_DAYS:
        return choice_label("meeting_frequency", frequency).lower(), CHOICE_DAYS[frequency]
    if frequency == "custom":
        text = " ".join(clean(custom).split())
        return text, custom_days(text) if text else None
    return "", None
