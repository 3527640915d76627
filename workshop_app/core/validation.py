"""Small checks shared by the store and the roster import."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+$")


def normalise_email(email: str) -> str:
    """Emails are the identity of a person: compared without case or surrounding space."""
    return (email or "").strip().lower()


def valid_email(email: str) -> bool:
    return bool(_EMAIL.match(email)) and len(email) <= 254
