"""Write output files so that a failure leaves nothing half-written behind.

Everything is written to a temporary name in the target's own folder (so the final move is a
rename on one disk; `temp_files` names it), flushed to the disk with every file and folder in
it, then moved into place with `os.replace`, and the rename flushed too. Any error, including
one raised by a progress callback to cancel, removes the temporary file or folder.
Errors of the operating system (full disk, no permission, read-only disk) become a `UserError`
that says what happened and that nothing was written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workshop_app.core import temp_files
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Temporary files are private (0600/0700); an export gets the usual permissions. (Read once:
# reading the umask means setting it, which is not safe while other threads create files.)
_UMASK = _read_umask()


def os_error_message(exc: OSError, path: Path) -> str:
    """A sentence for a person about an OSError met while writing `path`."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("The disk is full: nothing was written to {path}.").format(path=path)
    if (code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError)) and path.exists():
        return _(
            "{path} could not be replaced: it may be open in another program (close it "
            "there and try again), or you may not have permission to change it. "
            "Nothing was written."
        ).format(path=path)
    if code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return _(
            "You do not have permission to write in {folder}: nothing was written to {path}."
        ).format(folder=path.parent, path=path)
    if code == errno.EROFS:
        return _("{folder} is on a read-only disk: nothing was written to {path}.").format(
            folder=path.parent, path=path
        )
    reason = exc.strerror or str(exc)
    return _("Could not write {path} ({reason}): nothing was written.").format(
        path=path, reason=reason
    )


def check_target(path: Path, *, folder: bool = False) -> Path:
    """Refuse, before any work, a target that cannot be written. Returns it made absolute."""
    path = Path(path).expanduser().absolute()
    if not path.parent.is_dir():
        raise UserError(
            _("The folder {folder} does not exist: nothing was written.").format(folder=path.parent)
        )
    if folder:
        if path.is_file():
            raise UserError(
                _("{path} is a file; give the name of a new folder for the export.").format(
                    path=path
                )
            )
        if path.is_dir() and any(path.iterdir()):
            raise UserError(
                _(
                    "The folder {path} already exists and is not empty; choose a new folder name."
                ).format(path=path)
            )
    elif path.is_dir():
        raise UserError(_("{path} is a folder; give a file name for the export.").format(path=path))
    return path


@contextmanager
def atomic_file(path: Path, *, private: bool = False, batch: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block succeeds it becomes `path`.

    The temporary file is 0600 while it is written; the file it becomes gets the usual
    permissions (the user's umask: they chose where to save it), or stays 0600 if `private`.
    Temporary files that killed processes left in the folder are removed first, and the
    rename is flushed to the disk, unless `batch`: a caller writing many files into one
    folder does both once (`temp_files.remove_stale`, `fsync_folder`).
    """
    path = check_target(path)
    if not batch:
        temp_files.remove_stale(path.parent)
    try:
        temp = temp_files.new_file(path.parent, path.name)
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    try:
        yield temp
        _fsync_file(temp)
        if not private:
            os.chmod(temp, 0o666 & ~_UMASK)
        os.replace(temp, path)
        if not batch:
            fsync_folder(path.parent)
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """Yield a temporary folder beside `path`; when the block succeeds it becomes `path`.

    `path` must not exist or be an empty folder (an export never mixes with older files).
    Every file and folder in it is flushed to the disk, deepest first, before the rename.
    """
    path = check_target(path, folder=True)
    temp_files.remove_stale(path.parent)
    try:
        temp = temp_files.new_folder(path.parent, path.name)
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    try:
        yield temp
        _fsync_tree(temp)
        os.chmod(temp, 0o777 & ~_UMASK)
        if path.is_dir():
            path.rmdir()  # empty, checked above; rename cannot replace a folder everywhere
        os.replace(temp, path)
        fsync_folder(path.parent)
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def write_bytes(path: Path, data: bytes, *, private: bool = False, batch: bool = False) -> None:
    """Write `data` to `path` atomically (see `atomic_file`)."""
    with atomic_file(path, private=private, batch=batch) as temp:
        temp.write_bytes(data)


def fsync_folder(folder: Path) -> None:
    """Make the names just written in `folder` durable (POSIX; Windows has no folder handles
    to flush). As much as the file system allows: some refuse to flush a folder, and the
    rename is done by then."""
    if sys.platform == "win32":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Flush every file and folder under `root`, deepest first, `root` last: a folder's entry
    is durable only once what it names is."""
    for folder, _dirs, files in os.walk(root, topdown=False):
        for name in files:
            _fsync_file(Path(folder, name))
        fsync_folder(Path(folder))


def _fsync_file(path: Path) -> None:
    if not path.is_file():
        return
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
