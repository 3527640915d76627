"""Counted nouns for messages: "1 charter", "2 charters", never "charter(s)"."""

from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`n` and the noun in the form that goes with it (English; `plural` when not just +s)."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"
