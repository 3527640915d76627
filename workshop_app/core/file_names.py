"""File names made from data (a pair's code and names, a program's title): the one cleaner.

Whatever the text holds (a pair code edited to `../../escaped` or `/abs/evil`, control or
bidi-override characters, a name Windows reserves), the result is one plain name inside the
folder it is written to, on every system the app runs on:

- no path separators or other characters Windows refuses (`<>:"/\\|?*`): each becomes "-";
- no control, format (bidi overrides, zero-width) or separator characters: each becomes a
  space, and runs of spaces one space;
- no leading dots (no hidden file, never `.` or `..`), no trailing dots or spaces (Windows
  drops them);
- not a device name Windows reserves (CON, NUL, COM1, LPT¹, CONIN$, ... in any case, with
  any extension): such a name gets a leading "_";
- at most MAX_NAME_CHARS characters and MAX_NAME_BYTES bytes of UTF-8 before the suffix,
  leaving room under the usual 255-byte limit for the temporary prefix and suffix; an
  ending that tells files apart (a checkpoint's "Day 30 review") is kept whole, and what
  comes before it is shortened instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 200
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{d}{i}" for d in ("COM", "LPT") for i in (*"0123456789", "¹", "²", "³")}
)


def safe_filename(
    text: str, *, suffix: str = ".pdf", fallback: str = "charter", ending: str = ""
) -> str:
    """`text` as a file name any file system accepts, kept recognisable, plus `suffix`.

    Most names made from data are PDFs (charters, sign-in sheets), hence the defaults;
    `fallback` is the name when nothing of `text` is left. An `ending` ("Day 30 review")
    follows `text` after " - " and is never shortened: a long name gives way to it, so that
    files told apart by their ending stay told apart.
    """
    end = f" - {_clean(ending)}" if _clean(ending) else ""
    text = _clean(text)[: MAX_NAME_CHARS - len(end)]
    while len(text.encode("utf-8")) > MAX_NAME_BYTES - len(end.encode("utf-8")):
        text = text[:-1]
    text = (text.rstrip(" .-") or fallback) + end
    if text.split(".")[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        text = f"_{text}"
    return text + suffix


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    text = _FORBIDDEN.sub("-", text)
    return re.sub(r"\s+", " ", text).strip(" .-")[: MAX_NAME_CHARS * 4]


def unique_names(names: Sequence[str], *, taken: Sequence[str] = ()) -> list[str]:
    """The names made unique, ignoring case (as Windows and macOS file systems do)."""
    seen = {n.casefold() for n in taken}
    out = []
    for name in names:
        stem, dot, ext = name.rpartition(".")
        candidate, n = name, 2
        while candidate.casefold() in seen:
            candidate = f"{stem} ({n}){dot}{ext}"
            n += 1
        seen.add(candidate.casefold())
        out.append(candidate)
    return out
