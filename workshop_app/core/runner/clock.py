"""Time as the app sees it: stored timestamps, new ids, and a clock the runner can be given.

Stored timestamps are ISO 8601, UTC, with microseconds. The runner measures with a monotonic
clock (never fooled by the laptop's clock changing) and persists wall-clock times so that a
reopened app knows how long it was away.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())


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
