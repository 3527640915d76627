"""The app's own folders are the user's alone: folders 0700, files 0600.

The backups are whole workshop files (with the audit trail of every value ever typed), the
render cache holds pairs' charters with their private sections, the temporary files hold
merges and exports in the making, the log and the settings name files and people. On a
training laptop shared by several accounts the default umask (folders 755, files 644) would let
any of them read all of it, so the data, cache and temporary folders are created 0700 and their
files 0600, as browsers, ssh and GnuPG do with their profiles; what an older version made is
tightened at start-up (`app_folders.secure_app_folders`, run by the command line and so by
the app).

Workshop files and exports the user saves where they choose keep the user's umask: where to
share them is their choice. Windows keeps a profile's folders private by their ACLs; there this
module changes nothing.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

log = logging.getLogger(__name__)

DIR_MODE = 0o700  # what the app creates; existing entries lose the group's and others' rights
FILE_MODE = 0o600
_POSIX = sys.platform != "win32"


def make_private_dir(folder: Path) -> Path:
    """Create `folder` and every missing folder above it 0700 (an existing one is kept as it
    is: `app_folders.secure_app_folders` tightens the app's own). Raises OSError."""
    folder = Path(folder)
    missing = [p for p in (folder, *folder.parents) if not p.is_dir()]
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
    return folder


def create_private_file(path: Path) -> None:
    """Create `path` empty and 0600 if it does not exist (never a symlink's target)."""
    flags = os.O_CREAT | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(path, flags, FILE_MODE))


def tighten(root: Path) -> int:
    """Make `root` and everything under it private, without following symlinks. How many
    entries were changed.

    A root that is private already is left as it is: nobody else can enter it, whatever the
    modes below, and walking a full render cache (20,000 entries) at every start would cost
    the app 0.4 s. One that was open (an older version's, or loosened by hand) is walked."""
    if not _POSIX:
        return 0
    try:
        if stat.S_IMODE(os.lstat(root).st_mode) & 0o077 == 0:
            return 0
    except OSError:
        return 0
    changed = 0
    for folder, _dirs, files in os.walk(root):  # symlinked folders are listed, not entered
        changed += _restrict(folder)
        changed += sum(_restrict(os.path.join(folder, name)) for name in files)
    return changed


def _restrict(path: str) -> int:
    """Take away the group's and others' rights on `path`, unless it is a symlink (its target
    may be anything) or someone else's."""
    try:
        info = os.lstat(path)
        mode = stat.S_IMODE(info.st_mode)
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid() or mode & 0o077 == 0:
            return 0
        os.chmod(path, mode & ~0o077)
    except OSError as exc:
        log.info("could not make %s private: %s", path, exc)
        return 0
    return 1
