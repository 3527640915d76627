"""Timestamps as stored in the workshop file: ISO 8601, UTC, microseconds."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())
