"""Text cut to fit a fixed space, by characters, so the same data always gives the same page.

The summary must stay one page at any data: a label is cut with an ellipsis, a list stops at
a character budget and says how many it left out. The budgets are set by the template's
widths (about 95 characters to a line of the page's full width at the summary's type size);
CSS clamps lines as well, for scripts whose characters run wider than Latin ones."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from workshop_app.core.charters.context import clean
from workshop_app.core.i18n import translations

ELLIPSIS = "…"


def cut(value: Any, limit: int) -> str:
    """`value` cleaned, on one line, and at most `limit` characters: cut ends in "…"."""
    text = re.sub(r"\s+", " ", clean(value))
    if len(text) <= limit:
        return text
    return text[: max(1, limit - 1)].rstrip() + ELLIPSIS


def listed(items: Sequence[str], budget: int, *, none: str = "", lang: str = "en") -> str:
    """`items` joined with commas while they fit in `budget` characters, then "… and N more";
    the first item always shows (cut to fit). `none` (default "None", in `lang`) when there
    are no items."""
    if not items:
        return none or translations(lang).gettext("None")
    shown: list[str] = []
    used = 0
    for i, item in enumerate(items):
        left_after = len(items) - i - 1
        room = budget - (len(more_text(left_after, lang)) + 1 if left_after else 0)
        if shown and used + 2 + len(item) > room:
            break
        shown.append(item if shown else cut(item, max(8, room)))
        used += len(shown[-1]) + (2 if len(shown) > 1 else 0)
    rest = len(items) - len(shown)
    return ", ".join(shown) + (f" {more_text(rest, lang)}" if rest else "")


def more_text(n: int, lang: str = "en") -> str:
    return translations(lang).ngettext("… and {n} more", "… and {n} more", n).format(n=n)
