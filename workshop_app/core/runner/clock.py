"""Time as the app sees it: stored timestamps, new ids, and a clock the runner can be given.

Stored timestamps are ISO 8601, UTC, with microseconds. The runner measures with a monotonic
clock (never fooled by the laptop's clock changing) and persists wall-clock times so that a
reopened app knows how long it was away.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    """A random (version 4) UUID's text, as `str(uuid.uuid4())` writes it, made without the
    UUID object (an import of 10,000 check-ins makes 30,000 ids: 3.7 µs each that way, 1.3
    here)."""
    h = os.urandom(16).hex()
    # The version nibble is 4; the variant's two top bits are 10 (8, 9, a or b).
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


_VARIANT = "89ab"


class Clock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock(Clock):
    """A clock that moves only when told: tests run a whole agenda without waiting."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2027, 1, 19, 9, 0, tzinfo=UTC)
        self._mono = 1000.0

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._now
