"""Where the app keeps its own data (backups, settings, log), its cache and its temporary files
on this machine. All of them are private to the user (see `private_files`)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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


def backups_dir() -> Path:
    return user_data_dir() / "backups"


def temp_dir() -> Path:
    """The app's own temporary folder: work files that are not written beside a target."""
    return user_cache_dir() / "tmp"
