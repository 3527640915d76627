"""Temporary files and folders: one recognisable name, private, removed once their process is gone.

Every temporary file or folder the app makes is called

    .TARGET.workshop-app-PID-HOST-RANDOM.tmp      (a database's -journal/-wal/-shm beside it)

and lives beside the file it becomes (so the final move is a rename on one disk), or in the
app's own temporary folder (`paths.temp_dir()`). It is made 0600 (a folder 0700): it may hold
a merged workshop or charters with their private sections. A process killed mid-write leaves
its temporary files behind; the next run of the same kind (an export to that folder, a merge,
a print, the app's start for its own folder) removes those whose process is gone. A name made
on another machine (a synced or network folder) is left to that machine: its pid means
nothing here. A live process's files are never touched.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
import shutil
import socket
from functools import cache
from pathlib import Path

from workshop_app.core.parent_watch import process_alive
from workshop_app.core.paths import temp_dir
from workshop_app.core.private_files import make_private_dir

log = logging.getLogger(__name__)

MARK = "workshop-app"
LABEL_BYTES = 80  # the target's name is kept this far: a long name still fits in 255 bytes
_NAME = re.compile(
    rf"^\..*\.{MARK}-(?P<pid>\d+)-(?P<host>[0-9a-f]{{6}})-[0-9a-f]{{8}}\.tmp"
    r"(-journal|-wal|-shm)?$",
    re.DOTALL,
)


@cache
def host_tag() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def temp_name(target_name: str) -> str:
    """A temporary name for `target_name`, unique, carrying this process's pid."""
    label = target_name.encode("utf-8", "surrogateescape")[:LABEL_BYTES]
    text = label.decode("utf-8", "ignore")
    return f".{text}.{MARK}-{os.getpid()}-{host_tag()}-{secrets.token_hex(4)}.tmp"


def new_file(folder: Path, target_name: str) -> Path:
    """An empty new temporary file in `folder` (mode 0600). Raises OSError."""
    path = Path(folder) / temp_name(target_name)
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(path, flags, 0o600))
    return path


def new_folder(folder: Path, target_name: str) -> Path:
    """A new empty temporary folder in `folder` (mode 0700). Raises OSError."""
    path = Path(folder) / temp_name(target_name)
    path.mkdir(mode=0o700)
    return path


def is_stale(name: str) -> bool:
    """A temporary name of this app, made on this machine by a process that is gone."""
    match = _NAME.match(name)
    if match is None or match["host"] != host_tag():
        return False
    return not process_alive(int(match["pid"]))


def remove_stale(folder: Path) -> int:
    """Remove what dead processes left in `folder`; how many entries. Never raises."""
    removed = 0
    try:
        with os.scandir(folder) as entries:
            stale = [e for e in entries if e.name.startswith(".") and is_stale(e.name)]
    except OSError:
        return 0
    for entry in stale:
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed += 1
        except OSError as exc:
            log.info("could not remove the stale temporary %s: %s", entry.path, exc)
    if removed:
        log.info("removed %d stale temporary files in %s", removed, folder)
    return removed


def app_temp_dir() -> Path:
    """The app's own temporary folder, private, without what dead processes left there."""
    folder = temp_dir()
    make_private_dir(folder)
    remove_stale(folder)
    return folder
