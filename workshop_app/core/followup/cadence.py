"""How often a pair agreed to meet, as a number of days: what its health is judged against.

The charter's choices are exact (weekly 7, every two weeks 14, monthly 30); a custom cadence is
the pair's own words, read when they say it plainly ("every 3 weeks", "twice a month", "every
10 days", "fortnightly"). Words that give no interval ("when we can") give no cadence, and the
pair is not judged by one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workshop_app.core.charter_fields import choice_label
from workshop_app.core.charters.context import clean

CHOICE_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 30}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "once": 1, "two": 2, "twice": 2, "other": 2, "three": 3,
    "thrice": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_NUMBER = r"(\d+|" + "|".join(_NUMBERS) + r")"
_UNIT = r"(day|week|fortnight|month)s?"
# "every 3 weeks", "every other week", "each fortnight"
_EVERY = re.compile(rf"\b(?:every|each)\s+(?:{_NUMBER}\s+)?{_UNIT}\b")
# "twice a month", "3 times a month", "once per week", "two times every month"
_TIMES = re.compile(rf"\b{_NUMBER}(?:\s+times?)?\s+(?:a|an|per|every|each)\s+{_UNIT}\b")
# "weekly", "fortnightly", "monthly", "bi-weekly"
_ADVERB = re.compile(r"\b(bi-?weekly|weekly|fortnightly|monthly|daily)\b")
_ADVERB_DAYS = {"daily": 1, "weekly": 7, "biweekly": 14, "fortnightly": 14, "monthly": 30}


def _number(word: str | None) -> int:
    if not word:
        return 1
    return int(word) if word.isdigit() else _NUMBERS[word]


def custom_days(text: str) -> int | None:
    """The interval in days that a pair's own words give, or None."""
    words = text.casefold()
    if m := _EVERY.search(words):
        n = _number(m.group(1))
        return n * _UNIT_DAYS[m.group(2)] if 0 < n <= 366 else None
    if m := _TIMES.search(words):
        n = _number(m.group(1))
        span = _UNIT_DAYS[m.group(2)]
        return max(1, round(span / n)) if 0 < n <= span else None
    if m := _ADVERB.search(words):
        return _ADVERB_DAYS[m.group(1).replace("-", "")]
    return None


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
