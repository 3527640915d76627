"""The choices a person makes when printing a room's charters: double-sided, labelled copies.

A pair signs several paper copies at the workshop; each says whose it is at the top of every
page, so that the mentor, the mentee and the program office each take theirs. The label is the
charter context's `copy_label` ("" on a charter printed alone). Copies come in the order of
`COPIES`, the order in which they are handed round the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workshop_app.core.i18n import N_, translations

# Printed in the charter's language (`labelled`); the print dialog shows them in the
# interface's.
COPIES: dict[str, str] = {
    "mentor": N_("Mentor's copy"),
    "mentee": N_("Mentee's copy"),
    "program": N_("Program's copy"),
}


@dataclass(frozen=True)
class PrintOptions:
    """How a room's charters are printed: each charter on a front page (`duplex`, for
    double-sided printing), and each pair's labelled `copies` (keys of COPIES; none is one
    copy without a label). They shape 'All charters.pdf'; the per-pair files are one plain
    copy each, printed alone."""

    duplex: bool = True
    copies: tuple[str, ...] = ()


def ordered(copies: Iterable[str]) -> tuple[str, ...]:
    """`copies` (keys of COPIES) once each, in the order of COPIES. ValueError if unknown."""
    chosen = set(copies)
    unknown = chosen - COPIES.keys()
    if unknown:
        raise ValueError(f"unknown copies: {', '.join(sorted(unknown))}")
    return tuple(key for key in COPIES if key in chosen)


def labelled(contexts: Sequence[dict], copies: Sequence[str]) -> list[dict]:
    """Every charter once per copy, pair by pair (a pair's copies lie together in the stack
    that is signed at its table)."""
    return [
        {**c, "copy_label": translations(c["lang"]).gettext(COPIES[key])}
        for c in contexts
        for key in ordered(copies)
    ]
