"""A copy of the workshop is taken each time it is opened for writing, before anything changes.

Copies go to the user data folder (`backups/NAME-HASH/`), never beside the workshop, so a
shared or synced folder is not cluttered. They are made with SQLite's backup API (a consistent
copy even of a WAL database) and the newest `KEEP` are kept. A copy is skipped when nothing
changed since the last one, so reopening a file ten times does not push real history out.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from workshop_app.core.errors import UserError
from workshop_app.core.paths import backups_dir

KEEP = 10


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: datetime
    fingerprint: str


def folder_for(workshop: Path) -> Path:
    digest = hashlib.sha256(str(workshop.resolve()).encode()).hexdigest()[:10]
    return backups_dir() / f"{workshop.stem}-{digest}"


def list_backups(workshop: Path) -> list[Backup]:
    """Backups of `workshop`, newest first."""
    folder = folder_for(workshop)
    found = []
    for path in folder.glob("*.workshop"):
        parts = path.stem.rsplit("_", 2)
        if len(parts) != 3:
            continue
        try:
            taken = datetime.strptime(parts[1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path=path, taken_at=taken, fingerprint=parts[2]))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def take_backup(source: sqlite3.Connection, workshop: Path, *, fingerprint: str) -> Path | None:
    """Copy the open database to the backup folder, unless the newest copy has `fingerprint`."""
    existing = list_backups(workshop)
    if existing and existing[0].fingerprint == fingerprint:
        return None
    folder = folder_for(workshop)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{workshop.stem}_{stamp}_{fingerprint}.workshop"
    partial = target.with_suffix(".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise UserError(
            f"Could not back up {workshop.name} before opening it ({exc}). "
            f"Check there is free space in {folder}."
        ) from exc
    for old in list_backups(workshop)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return target
