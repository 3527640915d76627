"""SIGTERM (a logout, a shutdown, `kill`) closes the app as its close button does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop_app.core.demo import create_demo
from workshop_app.core.store.file_lock import lock_holder


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is how POSIX ends a program")
def test_sigterm_closes_the_workshop_and_quits_cleanly(tmp_path: Path) -> None:
    room = tmp_path / "room.workshop"
    create_demo(room).close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WORKSHOP_APP_DATA_DIR": str(tmp_path / "data"),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "workshop_app", "open", str(room)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while lock_holder(room) is None:  # the window has the workshop open
            assert app.poll() is None and time.monotonic() < deadline, app.stderr
            time.sleep(0.1)
        time.sleep(1)  # its pages and the preview process are starting
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=120)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err and "leaked" not in err, err
    assert lock_holder(room) is None  # closed as the close button closes it
