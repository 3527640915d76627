"""The frozen bundle that `make bundle` builds (dist/workshop-app/), and how its tests run it:
as a trainer's desktop would, with no venv, no PYTHONPATH and no project folder in sight."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "workshop-app"
EXECUTABLE = BUNDLE / "workshop-app"
INTERNAL = BUNDLE / "_internal"
TIMEOUT = 300


def bundle() -> Path:
    """The bundle's folder; the test fails (never skips) when it has not been built."""
    if not EXECUTABLE.is_file():
        pytest.fail(f"No bundle at {BUNDLE}: `make test-bundle` builds it first (`make bundle`).")
    return BUNDLE


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A desktop's environment: the system's PATH only, a home of its own, the English locale."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


def run_frozen(
    *args: str, cwd: Path, env: dict[str, str], command: Path = EXECUTABLE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(command), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
