"""Where the app keeps its own data (backups, settings) on this machine."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "workshop-app"


def user_data_dir() -> Path:
    """`WORKSHOP_APP_DATA_DIR` if set (tests, portable installs), else the platform's place."""
    override = os.environ.get("WORKSHOP_APP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """Where the app logs what went wrong (bugs with their tracebacks)."""
    return user_data_dir() / "workshop-app.log"


def backups_dir() -> Path:
    return user_data_dir() / "backups"
