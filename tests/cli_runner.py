"""Run the real `workshop-app` command in a subprocess, as staff and scripts do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, data: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`workshop-app ARGS` with its data folder (backups, settings) in `data`."""
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
