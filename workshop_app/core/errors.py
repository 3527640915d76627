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
