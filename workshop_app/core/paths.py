"""Where the app keeps its own data (backups, settings, log), its cache and its temporary files
on this machine, all of them private to the user (see `private_files`); and how a path a
person gave is resolved."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import platformdirs

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _

APP_NAME = "workshop-app"
LOG_NAME = "workshop-app.log"
SETTINGS_NAME = "settings.ini"


def user_data_dir() -> Path:
    """`WORKSHOP_APP_DATA_DIR` if set (tests, portable installs), else the platform's place."""
    override = os.environ.get("WORKSHOP_APP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """Where the app logs what went wrong (bugs with their tracebacks)."""
    return user_data_dir() / LOG_NAME


def user_cache_dir() -> Path:
    """Inside the data folder when `WORKSHOP_APP_DATA_DIR` is set, else the platform's place."""
    if os.environ.get("WORKSHOP_APP_DATA_DIR"):
        return user_data_dir() / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def cache_root() -> Path | None:
    """Where rendered charters are cached (`charters.render_cache`), or None when caching is off."""
    override = os.environ.get("WORKSHOP_APP_CACHE_DIR")
    if override:
        return None if override.strip().lower() == "off" else Path(override)
    return user_cache_dir()


def backups_dir() -> Path:
    return user_data_dir() / "backups"


def temp_dir() -> Path:
    """The app's own temporary folder: work files that are not written beside a target."""
    return user_cache_dir() / "tmp"


def resolved(path: Path) -> Path:
    """`path` made absolute with its symbolic links followed, as `Path.resolve()` does.

    Symbolic links that lead back to themselves (`a -> b -> a`, or a folder on the way that
    does) are the user's to fix, so they are a UserError naming the path; pathlib would raise
    RuntimeError (OSError from Python 3.13) or, for a file that is only written to, nothing
    until the write. The kernel reports a loop as ELOOP on the way to any path through it.
    """
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(
                _(
                    "{path} cannot be used: its symbolic links lead round in a loop. "
                    "Point the link at a real file or folder, or choose another name."
                ).format(path=path)
            ) from exc
    return path.resolve()
