"""Typed text made comparable across the program's languages: no accents, no case, single
spaces, one kind of apostrophe ("Qualità dell’abbinamento" -> "qualita dell'abbinamento",
"Regelmäßige Treffen" -> "regelmassige treffen").

Keyword rules over people's own words (measures of success, a custom cadence, survey answers,
SMART measures) match this form, so a word written with or without its accents, in capitals
or not, is the same word, and `\\b` stands between words as in English.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Curly apostrophes as straight ones; the ligatures that NFKD leaves whole ("mis en œuvre").
_FOLDS = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u0153": "oe", "\u00e6": "ae"}
)


@lru_cache(maxsize=8192)  # answers repeat: a choice's few texts, each person's name
def plain(text: str) -> str:
    """`text` for comparing: no accents, no case, single spaces, straight apostrophes, "oe"
    for "œ"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLDS))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
