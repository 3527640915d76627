"""A copy of the workshop is taken each time it is opened for writing, before anything changes.

Copies go to the user data folder (`backups/NAME-HASH/`), never beside the workshop, so a
shared or synced folder is not cluttered. They are made with SQLite's backup API (a consistent
copy even of a WAL database) and the newest `KEEP` are kept. A copy is skipped when nothing
changed since the last one, so reopening a file ten times does not push real history out.
A backup holds every value ever typed (the audit trail): its folders are 0700 and its files
0600 (`private_files`).

`restore_backup` puts a backup back in the workshop's place, after keeping a copy of the file
it replaces, so a restore can itself be undone.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _
from workshop_app.core.paths import backups_dir
from workshop_app.core.private_files import create_private_file, make_private_dir

KEEP = 10
# A workshop this app cannot read (damaged, or saved by a newer version) that a restore
# replaces is kept byte for byte under this suffix: not listed as a backup, never pruned.
KEPT_SUFFIX = ".kept"
_SIDECARS = ("-wal", "-shm", "-journal")


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


def fingerprint(conn: sqlite3.Connection) -> str:
    """What identifies a workshop's state for backups: its format and its last audit entry."""
    (seq,) = conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    return f"v{version}s{seq}"


def take_backup(source: sqlite3.Connection, workshop: Path, *, fingerprint: str) -> Path | None:
    """Copy the open database to the backup folder, unless the newest copy has `fingerprint`.

    Called only by the holder of the workshop's writer lock, so a `.partial` copy found in the
    folder was left by a process that died while copying, and is removed."""
    existing = list_backups(workshop)
    if existing and existing[0].fingerprint == fingerprint:
        return None
    folder = folder_for(workshop)
    for stale in folder.glob("*.partial*"):
        stale.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{workshop.stem}_{stamp}_{fingerprint}.workshop"
    partial = target.with_suffix(".partial")
    try:
        make_private_dir(folder)
        create_private_file(partial)  # SQLite would make it with the umask's mode
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise UserError(
            _("Could not back up {name} ({reason}). Check there is free space in {folder}.").format(
                name=workshop.name, reason=exc, folder=folder
            )
        ) from exc
    for old in list_backups(workshop)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return target


def restore_backup(*, workshop: Path, backup: Path) -> Path:
    """Put `backup` in the place of `workshop`, in a way that can be undone.

    Refused while anyone has the workshop open for writing (the app closes it first, and
    reopens it after). In order: the backup is checked like any file the app opens; it is
    copied with SQLite's backup API to a temporary file beside the workshop and flushed to
    the disk; the workshop as it is now is backed up (its WAL folded in), or, if this app
    cannot read it, kept byte for byte as `NAME_TIME_before-restore.kept`; its `-wal`/`-shm`
    are removed; the copy is renamed over it in one step. A crash at any moment leaves either
    the old workshop or the restored one, never a mix of the two.

    Returns the copy of the replaced workshop: restoring it undoes this restore.
    """
    from workshop_app.core.store.file_check import check_workshop_file
    from workshop_app.core.store.file_lock import WriterLock
    from workshop_app.core.store.schema import schema_version

    workshop, backup = Path(workshop).absolute(), Path(backup).absolute()
    if not workshop.is_file():
        raise UserError(
            _("There is no workshop file {path} to restore a backup over.").format(path=workshop)
        )
    if workshop.resolve() == backup.resolve():
        raise UserError(
            _("{name} is the workshop itself, not a backup of it.").format(name=backup.name)
        )
    try:
        check_workshop_file(backup, schema_version=schema_version())
    except UserError as exc:
        reason = exc.message.split(". ")[0].rstrip(".")
        raise UserError(
            _(
                "This backup cannot be restored: {reason}. Pick another one; "
                "{name} has not been changed."
            ).format(reason=reason, name=workshop.name)
        ) from exc
    lock = WriterLock(workshop)
    try:
        temp = _copy_beside(backup, workshop)
        try:
            undo = _keep_current(workshop)
            for suffix in _SIDECARS:
                # With the current state kept and its WAL folded in (or kept), what is left
                # is stale: SQLite would replay an old -wal or -journal onto the new file.
                workshop.with_name(workshop.name + suffix).unlink(missing_ok=True)
            os.replace(temp, workshop)
            _fsync_folder(workshop.parent)
        except OSError as exc:
            raise UserError(
                _("Could not restore {name} ({reason}); the workshop has not been changed.").format(
                    name=workshop.name, reason=exc.strerror or exc
                )
            ) from exc
        finally:
            for leftover in (temp, *(temp.with_name(temp.name + s) for s in _SIDECARS)):
                leftover.unlink(missing_ok=True)
    finally:
        lock.release()
    return undo


def _copy_beside(backup: Path, workshop: Path) -> Path:
    """A checked copy of `backup` in a temporary file in the workshop's folder, on disk."""
    from workshop_app.core.store.file_check import read_only_connection

    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{workshop.name}.", suffix=".restoring", dir=workshop.parent
        )
        os.close(fd)
    except OSError as exc:
        raise UserError(
            _(
                "Cannot restore {name}: cannot write in {folder} ({reason}). "
                "The workshop has not been changed."
            ).format(name=workshop.name, folder=workshop.parent, reason=exc.strerror or exc)
        ) from exc
    temp = Path(name)
    try:
        source = read_only_connection(backup)
        try:
            dest = sqlite3.connect(temp)
            try:
                source.backup(dest)
                rows = dest.execute("PRAGMA quick_check").fetchall()
            finally:
                dest.close()
        finally:
            source.close()
        if rows != [("ok",)]:
            raise UserError(
                _("{name} could not be copied intact; nothing was restored.").format(
                    name=backup.name
                )
            )
        shutil.copymode(workshop, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
    except (OSError, sqlite3.Error) as exc:
        temp.unlink(missing_ok=True)
        raise UserError(
            _(
                "Could not copy the backup {name} ({reason}); the workshop has not been changed."
            ).format(name=backup.name, reason=exc)
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _keep_current(workshop: Path) -> Path:
    """Back up the workshop about to be replaced; returns where its state now lives."""
    from workshop_app.core.store.file_check import check_workshop_file
    from workshop_app.core.store.schema import schema_version

    try:
        check_workshop_file(workshop, schema_version=schema_version())
    except UserError:
        return _keep_bytes(workshop)
    try:
        conn = sqlite3.connect(workshop, isolation_level=None, timeout=2.0)
        try:
            taken = take_backup(conn, workshop, fingerprint=fingerprint(conn))
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise UserError(
            _(
                "Could not back up {name} before restoring ({reason}); "
                "the workshop has not been changed."
            ).format(name=workshop.name, reason=exc)
        ) from exc
    if busy:
        raise UserError(
            _(
                "{name} is being read by another program; try again when it is done. "
                "The workshop has not been changed."
            ).format(name=workshop.name)
        )
    if taken is not None:
        return taken
    return list_backups(workshop)[0].path  # the newest backup already holds this state


def _keep_bytes(workshop: Path) -> Path:
    folder = folder_for(workshop)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = folder / f"{workshop.stem}_{stamp}_before-restore{KEPT_SUFFIX}"
    try:
        make_private_dir(folder)
        for suffix in ("", "-wal"):
            source = workshop.with_name(workshop.name + suffix)
            if source.exists():
                copy = kept.with_name(kept.name + suffix)
                create_private_file(copy)  # copyfile keeps the mode of a file it writes over
                shutil.copyfile(source, copy)
    except OSError as exc:
        for suffix in ("", "-wal"):
            kept.with_name(kept.name + suffix).unlink(missing_ok=True)
        raise UserError(
            _(
                "Could not keep a copy of {name} before restoring ({reason}); "
                "the workshop has not been changed."
            ).format(name=workshop.name, reason=exc.strerror or exc)
        ) from exc
    return kept


def _fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no folder handles to flush)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
