"""Small checks shared by the store and the roster import."""

from __future__ import annotations

import re

MAX_CODE = 12
# A pair code is printed on every page of a charter and becomes a file name in exports: letters,
# digits and dashes only, so it can never name a path.
_PAIR_CODE = re.compile(rf"[A-Z0-9][A-Z0-9-]{{0,{MAX_CODE - 1}}}")
PAIR_CODE_RULE = f"1 to {MAX_CODE} letters, digits or dashes"
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+$")


def normalise_email(email: str) -> str:
    """Emails are the identity of a person: compared without case or surrounding space."""
    return (email or "").strip().lower()


# The bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): one in a name
# or an answer reverses what follows it on screen and in every PDF ("\u202eenoD" shows as
# "Done"), so no stored text keeps them. Text in right-to-left scripts needs none of them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def storable_text(text: str) -> str:
    """`text` as the workshop file can hold it. A lone UTF-16 surrogate (which a paste from
    some programs carries) cannot be encoded for SQLite and becomes U+FFFD; a split pair is
    joined again; the bidi controls above are removed. Everything else, NUL and control
    characters included, is kept as typed."""
    text = text.translate(_BIDI_CONTROLS)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def valid_email(email: str) -> bool:
    return bool(_EMAIL.match(email)) and len(email) <= 254


def is_pair_code(code: str) -> bool:
    """Whether `code` (as stored: upper case) can be a pair code."""
    return _PAIR_CODE.fullmatch(code) is not None
