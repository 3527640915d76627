"""Run the real `workshop-app` command in a subprocess, as staff and scripts do."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def run(
    *args: str,
    data: Path,
    timeout: float = 300,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`workshop-app ARGS` with its data folder (backups, settings) in `data`; `preexec_fn`
    runs in the child before the command (a resource limit, say)."""
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )


def unprivileged() -> list[str]:
    """A command prefix under which file modes apply: nothing when not root; as root, a user
    namespace (`unshare -U`: the same user, without root's power to ignore modes) where the
    kernel allows one. Skips the test where neither is possible."""
    if sys.platform == "win32":
        pytest.skip("file modes do not make files read-only on Windows")
    if os.geteuid() != 0:
        return []
    probe = subprocess.run(["unshare", "-U", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("running as root without user namespaces; simulated in-process above")
    return ["unshare", "-U"]
