"""One writer per workshop file, across processes.

The lock is an OS lock on `FILE.lock` beside the workshop, which also says who holds it. The
OS releases it when the process ends, however it ends, so a crash never leaves a workshop
locked for good. The lock file is opened without following a symbolic link and only if it is
a regular file of its own, so a planted link never gets another file overwritten.

On POSIX the holder also locks the workshop file itself (`flock`), because a lock file can be
deleted out from under its holder: the next writer would make a new one and get in. Deleting
the workshop file instead would take the workshop with it. On Windows an open file cannot be
deleted, so the lock file alone holds.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
from pathlib import Path

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _lock_workshop(workshop: Path, *, create: bool) -> int | None:
        # An open lock file cannot be deleted on Windows: it is enough, and the workshop is
        # left to SQLite (msvcrt locks are mandatory: they would block SQLite's own reads).
        if create:
            os.close(os.open(workshop, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666))
        return None

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _lock_workshop(workshop: Path, *, create: bool) -> int | None:
        """A descriptor of the workshop file holding its flock; BlockingIOError if another
        holds it.

        flock and SQLite's own (POSIX record) locks do not interact. But closing *any*
        descriptor of a file drops every POSIX lock this process holds on it, SQLite's
        included, so a workshop this process already holds is recognised by its inode and
        not opened a second time here. The descriptor is not inherited (Python's default, and
        the app's workers are spawned), so the flock ends when the holder closes it."""
        if create:
            flags = os.O_RDWR | os.O_CREAT | os.O_EXCL
        else:
            flags = os.O_RDONLY
            if _inode(workshop) in _HELD:
                raise BlockingIOError(errno.EWOULDBLOCK, "held by this process")
        fd = os.open(workshop, flags, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # this process has no connection to it: no lock of SQLite's drops
            raise
        _HELD.add(_inode(fd))
        return fd


# The workshops (device, inode) this process holds the writer lock of.
_HELD: set[tuple[int, int]] = set()
# Never through a symbolic link (Windows has no such flag: checked before opening there), and
# never waiting on a FIFO planted at the lock file's name.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_SAFE_OPEN = _NO_FOLLOW | getattr(os, "O_NONBLOCK", 0)


def _inode(what: Path | int) -> tuple[int, int]:
    info = os.fstat(what) if isinstance(what, int) else os.stat(what)
    return info.st_dev, info.st_ino


class LockedError(UserError):
    """The workshop is open for writing elsewhere; `holder` says where (process and host)."""

    def __init__(self, workshop: Path, holder: str) -> None:
        super().__init__(
            _(
                "{name} is already open in {holder}. Close it there first; "
                "two windows writing to one workshop would mix up their changes."
            ).format(name=workshop.name, holder=holder)
        )
        self.workshop = workshop
        self.holder = holder


def lock_path(workshop: Path) -> Path:
    return workshop.with_name(workshop.name + ".lock")


def lock_holder(workshop: Path) -> str | None:
    """Who holds the writer lock of `workshop`, as the holder wrote it; None if nobody does."""
    try:
        fd = os.open(lock_path(workshop), os.O_RDONLY | _SAFE_OPEN)
    except OSError:
        return None
    try:
        if not _is_own_regular_file(fd) or _try_lock(fd):  # a lock file left behind
            return None
        return _holder(fd)
    finally:
        os.close(fd)


class WriterLock:
    """Held for as long as a workshop is open for writing. With `create`, the workshop file is
    made (empty, for SQLite to fill) under the lock; it must not exist yet."""

    def __init__(self, workshop: Path, *, create: bool = False) -> None:
        self.path = lock_path(workshop)
        self._workshop = workshop
        self._fd: int | None = None
        self._workshop_fd: int | None = None
        for _attempt in range(5):
            fd = self._open()
            if not _try_lock(fd):
                holder = _holder(fd)
                os.close(fd)
                raise LockedError(workshop, holder)
            if _same_file(fd, self.path):
                break
            # The holder we waited on removed the lock file as we took it: take the new one.
            os.close(fd)
        else:
            raise UserError(
                _("Could not lock {name} for writing; try again.").format(name=workshop.name)
            )
        self._fd = fd
        try:
            self._workshop_fd = _lock_workshop(workshop, create=create)
        except BlockingIOError as exc:
            # We could take a lock file, so the holder's was deleted while it had this open.
            self.release()
            raise LockedError(
                workshop,
                _("another program (its lock file {name} was deleted)").format(name=self.path.name),
            ) from exc
        except OSError as exc:
            self.release()
            cannot = (
                _("Cannot create {name}: {reason}.")
                if create
                else _("Cannot open {name}: {reason}.")
            )
            raise UserError(cannot.format(name=workshop.name, reason=exc.strerror)) from exc
        os.ftruncate(fd, 0)
        os.write(fd, f"workshop-app (process {os.getpid()} on {socket.gethostname()})".encode())

    def _open(self) -> int:
        """The lock file, made if need be: never through a symbolic link, never a file that is
        not a regular file of its own (a link to it elsewhere would be overwritten)."""
        name, folder = self.path.name, self._workshop.parent
        symlink = UserError(
            _(
                "Cannot open {workshop} for writing: its lock file {name} is a "
                "symbolic link, which this app never makes. Delete it, then try again."
            ).format(workshop=self._workshop.name, name=name)
        )
        if not _NO_FOLLOW and self.path.is_symlink():
            raise symlink
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _SAFE_OPEN, 0o666)
        except OSError as exc:
            if exc.errno == errno.ELOOP or self.path.is_symlink():
                raise symlink from exc
            if isinstance(exc, PermissionError) and self.path.exists():
                raise self._unwritable_lock_file() from exc
            if isinstance(exc, PermissionError):
                raise UserError(
                    _(
                        "Cannot open {workshop} for writing: the folder {folder} "
                        "is read-only for you."
                    ).format(workshop=self._workshop.name, folder=folder)
                ) from exc
            raise UserError(
                _(
                    "Cannot open {workshop} for writing: its lock file {name} cannot "
                    "be made or opened ({reason})."
                ).format(workshop=self._workshop.name, name=name, reason=exc.strerror)
            ) from exc
        if not _is_own_regular_file(fd):
            os.close(fd)
            raise UserError(
                _(
                    "Cannot open {workshop} for writing: its lock file {name} is not a "
                    "lock file this app made (it is not a regular file, or it is linked to another "
                    "file). Delete it, then try again."
                ).format(workshop=self._workshop.name, name=name)
            )
        return fd

    def _unwritable_lock_file(self) -> UserError:
        """The lock file exists and cannot be written: held by someone (another account's
        app), or a read-only leftover."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _SAFE_OPEN)
        except OSError:
            fd = None
        if fd is not None:
            try:
                if _is_own_regular_file(fd) and not _try_lock(fd):
                    return LockedError(self._workshop, _holder(fd))
            finally:
                os.close(fd)
        return UserError(
            _(
                "Cannot open {workshop} for writing: its lock file {name} is "
                "read-only for you. If the workshop is not open anywhere, delete the lock file, "
                "then try again."
            ).format(workshop=self._workshop.name, name=self.path.name)
        )

    def release(self) -> None:
        if self._fd is None:
            return
        # The workshop first (closing its descriptor ends its flock), while the lock file
        # still keeps the next writer out: it would otherwise find the workshop still locked.
        if self._workshop_fd is not None:
            _HELD.discard(_inode(self._workshop_fd))
            os.close(self._workshop_fd)
            self._workshop_fd = None
        # Remove the file while still holding the lock, so whoever opens it next either
        # finds no file or notices (by inode) that the one it locked is gone. Only our own:
        # after ours was deleted, the file at the path may be a newer holder's.
        try:
            if _same_file(self._fd, self.path):
                self.path.unlink()
        except OSError:
            pass
        finally:
            os.close(self._fd)
            self._fd = None


def _is_own_regular_file(fd: int) -> bool:
    info = os.fstat(fd)
    return stat.S_ISREG(info.st_mode) and info.st_nlink == 1


def _holder(fd: int) -> str:
    """Who holds the lock, as the holder wrote it in the lock file."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 400).decode("utf-8", "replace").strip()
    except OSError:  # Windows: the holder's lock keeps others from reading the locked byte
        text = ""
    return text or "another program"


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.lstat(path))
    except OSError:
        return False
