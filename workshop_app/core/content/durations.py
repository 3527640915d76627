"""Finding a fixed "N minutes" in exercise text, where the agenda's minutes belong.

An agenda (or the facilitator, on the Agenda page) can give any exercise more or fewer
minutes than its own, so text that says "talk for 4 minutes" is wrong as soon as the timer
says 2:00. Such text uses the minutes placeholders instead. What the check leaves alone: the
placeholders themselves, lengths written in quotes (`{{ "60 minutes" }}`: a length that is
not the exercise's, such as how long pairs meet), and "a minute" or "a few minutes", which
are not numbers.
"""

from __future__ import annotations

import re

_BRACED = re.compile(r"\{\{.*?\}\}")

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# The same in Italian, the other language the shipped content is written in ("un minuto",
# like "a minute", is not a number).
_UNITS_IT = ("uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
             "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici",
             "diciassette", "diciotto", "diciannove")  # fmt: skip
_TENS_IT = ("venti", "trenta", "quaranta", "cinquanta", "sessanta")
_WORDS = (
    {word: n for n, word in enumerate(_UNITS, start=1)}
    | {word: 10 * n for n, word in enumerate(_TENS, start=2)}
    | {word: n for n, word in enumerate(_UNITS_IT, start=1)}
    | {word: 10 * n for n, word in enumerate(_TENS_IT, start=2)}
    | {"venticinque": 25, "trentacinque": 35, "quarantacinque": 45}
)
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
_NUMBER = (
    rf"(?:\d+(?:[.,]\d+)?\s*½?|½|(?:{_WORD})(?:[- ](?:{_WORD}))?)"
    r"(?:\s+(?:and\s+a\s+half|e\s+mezzo))?"
)
# English, Italian ("minuti", "minuto"), German ("Minuten") and French ("minutes").
_UNIT = r"(?:minutes?|mins?|minut[oi]|minuten)"
_DURATION = re.compile(
    rf"(?<![\w½.,])(?P<number>{_NUMBER})\s*[-\u2010\u2011]?\s*{_UNIT}\b"
    r"|\bhalf[- ](?:an?\s+)?minute\b|\bmezzo\s+minuto\b",
    re.IGNORECASE,
)


def fixed_minutes(line: str) -> list[tuple[str, float | None]]:
    """Each fixed length of time in minutes in `line`, as written, with its number (None if
    it cannot be read as one), outside placeholders and quoted lengths (and outside any
    other double braces: those are a problem of their own)."""
    text = _BRACED.sub(" ", line)
    return [(m.group(0), _value(m.group("number"))) for m in _DURATION.finditer(text)]


def _value(number: str | None) -> float | None:
    if number is None:
        return 0.5  # "half a minute"
    text = number.lower().strip()
    half = 0.5 if text.endswith(("half", "mezzo")) or "½" in text else 0.0
    text = re.sub(r"\s+(?:and\s+a\s+half|e\s+mezzo)$", "", text).replace("½", "").strip()
    if not text:
        return half
    if text[0].isdigit():
        try:
            return float(text.replace(",", ".")) + half
        except ValueError:
            return None
    words = re.split(r"[- ]", text)
    return sum(_WORDS.get(word, 0) for word in words) + half
