"""What the roster, charter and agenda stores use of an open workshop file.

`WorkshopFile` makes the three stores and hands each one itself; the stores know it only by
this description, so the workshop file imports the stores and no store imports it back (no
import circle, and no import hidden inside a function to break one).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any, Protocol


class PairCharters(Protocol):
    """What the roster does to a pair's charter: makes it with the pair, keeps it when the
    pair is broken up."""

    def create_empty(self, pair_id: str, *, at: str) -> None: ...

    def snapshot(self, pair_id: str) -> dict[str, Any]: ...


class OpenWorkshop(Protocol):
    """The open workshop file, as a store sees it: its connection, one way to write (a
    transaction, with an audit row per change), and the charters of its pairs."""

    conn: sqlite3.Connection

    @property
    def readonly(self) -> bool: ...

    @property
    def charters(self) -> PairCharters: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def insert(self, table: str, record: dict[str, Any]) -> None: ...

    def insert_all(self, table: str, records: Iterable[dict[str, Any]]) -> None: ...

    def audit(
        self,
        table: str,
        record_id: str,
        field: str,
        old: Any,
        new: Any,
        *,
        pair_id: str | None = None,
        at: str | None = None,
    ) -> None: ...

    def set_workshop_field(self, name: str, value: Any) -> None: ...
