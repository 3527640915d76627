"""The app's own folders at start-up: there, private, and without what dead processes left."""

from __future__ import annotations

import logging

from workshop_app.core.paths import (
    LOG_NAME,
    SETTINGS_NAME,
    cache_root,
    user_cache_dir,
    user_data_dir,
)
from workshop_app.core.private_files import create_private_file, make_private_dir, tighten
from workshop_app.core.temp_files import app_temp_dir

log = logging.getLogger(__name__)


def secure_app_folders() -> None:
    """At start-up: the data folder (with the log and settings files the app will write) and
    the cache folder exist and are private, with everything in them, and the app's temporary
    folder holds nothing that dead processes left. Never raises: a folder that cannot be
    tightened is logged, and the app starts all the same."""
    try:
        data = make_private_dir(user_data_dir())
        for name in (LOG_NAME, SETTINGS_NAME):
            create_private_file(data / name)
        roots = {data, make_private_dir(user_cache_dir())}
        cache = cache_root()
        if cache is not None and cache.is_dir():
            roots.add(cache)
        for root in roots:
            tighten(root)
        app_temp_dir()
    except OSError as exc:
        log.warning("could not make the app's folders private: %s", exc)
