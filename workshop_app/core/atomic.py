"""Write output files so that a failure leaves nothing half-written behind.

Everything is written to a temporary name in the target's own folder (so the final move is a
rename on one disk), flushed to the disk, then moved into place with `os.replace`. Any error,
including one raised by a progress callback to cancel, removes the temporary file or folder.
Errors of the operating system (full disk, no permission, read-only disk) become a `UserError`
that says what happened and that nothing was written.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workshop_app.core.errors import UserError


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp/mkdtemp make private files (0600/0700); an export gets the usual permissions.
_UMASK = _read_umask()


def os_error_message(exc: OSError, path: Path) -> str:
    """A sentence for a person about an OSError met while writing `path`."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"The disk is full: nothing was written to {path}."
    if (code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError)) and path.exists():
        return (
            f"{path} could not be replaced: it may be open in another program (close it "
            "there and try again), or you may not have permission to change it. "
            "Nothing was written."
        )
    if code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return (
            f"You do not have permission to write in {path.parent}: nothing was written to {path}."
        )
    if code == errno.EROFS:
        return f"{path.parent} is on a read-only disk: nothing was written to {path}."
    reason = exc.strerror or str(exc)
    return f"Could not write {path} ({reason}): nothing was written."


def check_target(path: Path, *, folder: bool = False) -> Path:
    """Refuse, before any work, a target that cannot be written. Returns it made absolute."""
    path = Path(path).expanduser().absolute()
    if not path.parent.is_dir():
        raise UserError(f"The folder {path.parent} does not exist: nothing was written.")
    if folder:
        if path.is_file():
            raise UserError(f"{path} is a file; give the name of a new folder for the export.")
        if path.is_dir() and any(path.iterdir()):
            raise UserError(
                f"The folder {path} already exists and is not empty; choose a new folder name."
            )
    elif path.is_dir():
        raise UserError(f"{path} is a folder; give a file name for the export.")
    return path


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block succeeds it becomes `path`."""
    path = check_target(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
        os.chmod(name, 0o666 & ~_UMASK)
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    temp = Path(name)
    try:
        yield temp
        _fsync(temp)
        os.replace(temp, path)
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """Yield a temporary folder beside `path`; when the block succeeds it becomes `path`.

    `path` must not exist or be an empty folder (an export never mixes with older files).
    """
    path = check_target(path, folder=True)
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
        os.chmod(temp, 0o777 & ~_UMASK)
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    try:
        yield temp
        for child in temp.iterdir():
            _fsync(child)
        if path.is_dir():
            path.rmdir()  # empty, checked above; rename cannot replace a folder everywhere
        os.replace(temp, path)
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically."""
    with atomic_file(path) as temp:
        temp.write_bytes(data)


def _fsync(path: Path) -> None:
    if not path.is_file():
        return
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
