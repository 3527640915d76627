"""For Python users: `pipx install` of the built wheel gives the `workshop-app` command, which
makes the demo and prints a charter (the system libraries it checks are this machine's)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from frozen import ROOT, TIMEOUT, clean_env

pytestmark = pytest.mark.bundle


@pytest.mark.slow
def test_pipx_installs_the_wheel_and_its_command_prints_a_charter(tmp_path: Path) -> None:
    pipx = shutil.which("pipx")
    if not pipx:
        pytest.fail("pipx is missing: `bash scripts/check-system.sh --bundle` installs it.")
    wheels = sorted((ROOT / "dist").glob("workshop_app-*.whl"))
    if not wheels:
        pytest.fail("No wheel in dist/: `make test-bundle` builds it first (`make wheel`).")
    home = tmp_path / "home"
    bin_dir = tmp_path / "bin"
    env = clean_env(home, PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(bin_dir))
    # pip's download cache is the user's, so a second run does not fetch PySide6 again.
    env["PIP_CACHE_DIR"] = str(Path.home() / ".cache" / "pip")
    installed = subprocess.run(
        [pipx, "install", str(wheels[-1])],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT * 3,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    command = bin_dir / "workshop-app"
    assert command.is_file()
    env = clean_env(home, WORKSHOP_APP_DATA_DIR=str(tmp_path / "data"))
    for args in (
        ["--version"],
        ["demo", str(tmp_path / "demo.workshop")],
        [
            "charters",
            str(tmp_path / "demo.workshop"),
            "--pair",
            "P01",
            "--out",
            str(tmp_path / "out"),
        ],
    ):
        done = subprocess.run(
            [str(command), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert done.returncode == 0, (args, done.stderr[-2000:])
    assert len(list((tmp_path / "out").glob("P01 *.pdf"))) == 1
