"""Errors a user can fix, as opposed to bugs.

A `UserError` carries a message written for a person (what is wrong and where). The CLI prints
it on one line and exits 1; the app shows it in a dialog. Anything else that escapes is a bug
and is logged with its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can put right: a bad file, a locked workshop, a full disk."""

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []

    def __str__(self) -> str:
        return self.message


def one_line(text: str, *, limit: int = 160) -> str:
    """Words about a hostile file (SQLite's, a parser's) fit to quote in a one-line message:
    line breaks and control characters become spaces, and it stops at `limit` characters.

    A damaged schema's error quotes the rest of the table's SQL, line breaks and all; a name
    inside a file can hold any character, a terminal's escape codes included."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= limit else flat[: limit - 3].rstrip() + "..."
