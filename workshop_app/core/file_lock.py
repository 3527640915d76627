"""One writer per workshop file, across processes.

The lock is an OS lock on `FILE.lock` beside the workshop. The OS releases it when the
process ends, however it ends, so a crash never leaves a workshop locked for good.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import IO

from workshop_app.core.errors import UserError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


class LockedError(UserError):
    """The workshop is open for writing elsewhere; `holder` says where (process and host)."""

    def __init__(self, workshop: Path, holder: str) -> None:
        super().__init__(
            f"{workshop.name} is already open in {holder}. Close it there first; "
            "two windows writing to one workshop would mix up their changes."
        )
        self.workshop = workshop
        self.holder = holder


def lock_path(workshop: Path) -> Path:
    return workshop.with_name(workshop.name + ".lock")


def lock_holder(workshop: Path) -> str | None:
    """Who holds the writer lock of `workshop`, as the holder wrote it; None if nobody does."""
    try:
        with open(lock_path(workshop), encoding="utf-8") as handle:
            if _try_lock(handle):  # nobody holds it: a lock file left behind
                return None
            return handle.read().strip() or "another program"
    except OSError:
        return None


class WriterLock:
    """Held for as long as a workshop is open for writing."""

    def __init__(self, workshop: Path) -> None:
        self.path = lock_path(workshop)
        self._handle: IO[str] | None = None
        for _attempt in range(5):
            handle = self._open(workshop)
            if not _try_lock(handle):
                handle.seek(0)
                holder = handle.read().strip() or "another program"
                handle.close()
                raise LockedError(workshop, holder)
            if _same_file(handle, self.path):
                break
            # The holder we waited on removed the lock file as we took it: take the new one.
            handle.close()
        else:
            raise UserError(f"Could not lock {workshop.name} for writing; try again.")
        handle.seek(0)
        handle.truncate()
        handle.write(f"workshop-app (process {os.getpid()} on {socket.gethostname()})")
        handle.flush()
        self._handle = handle

    def _open(self, workshop: Path) -> IO[str]:
        try:
            return open(self.path, "a+", encoding="utf-8")
        except PermissionError as exc:
            raise UserError(
                f"Cannot open {workshop.name} for writing: the folder {workshop.parent} "
                "is read-only for you."
            ) from exc
        except OSError as exc:
            raise UserError(f"Cannot open {workshop.name} for writing: {exc.strerror}.") from exc

    def release(self) -> None:
        if self._handle is None:
            return
        # Remove the file while still holding the lock, so whoever opens it next either
        # finds no file or notices (by inode) that the one it locked is gone.
        try:
            self.path.unlink()
        except OSError:
            pass
        finally:
            self._handle.close()
            self._handle = None


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False
