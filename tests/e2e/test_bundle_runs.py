"""The frozen bundle runs as a trainer's desktop starts it, without the project's venv: it
paints its window on X, makes the demo, prints charters with its own Pango (to the same bytes
as the source tree), exports JSON and an archive, and exits 0 each time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from frozen import INTERNAL, ROOT, TIMEOUT, bundle, clean_env, run_frozen
from test_smoke_xcb import App, painted, window_named
from x_display import START_TIMEOUT, XDisplay

pytestmark = pytest.mark.bundle

PANGO = ("libpango-1.0.so.0", "libpangoft2-1.0.so.0", "libharfbuzz.so.0", "libfontconfig.so.1")


def _loaded(ld_debug: str) -> dict[str, str]:
    """soname -> the file the dynamic linker initialised, from LD_DEBUG=libs output."""
    loaded = {}
    for line in ld_debug.splitlines():
        _, found, path = line.partition("calling init: ")
        if found:
            loaded[Path(path.strip()).name] = path.strip()
    return loaded


def test_the_frozen_cli_makes_the_demo_prints_and_exports(tmp_path: Path) -> None:
    bundle()
    env = clean_env(tmp_path / "home", WORKSHOP_APP_DATA_DIR=str(tmp_path / "data"))
    demo = tmp_path / "demo.workshop"
    made = run_frozen("demo", str(demo), cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr

    # Every pair: more than two charters go to spawned worker processes, which start as the
    # bundle's own executable.
    printed = run_frozen(
        "charters",
        str(demo),
        "--out",
        str(tmp_path / "frozen"),
        cwd=tmp_path,
        env={**env, "LD_DEBUG": "libs"},
    )
    assert printed.returncode == 0, printed.stderr[-3000:]
    loaded = _loaded(printed.stderr)
    for soname in PANGO:
        assert loaded.get(soname, "").startswith(f"{INTERNAL}/"), (soname, loaded.get(soname))
    frozen = sorted((tmp_path / "frozen").glob("*.pdf"))
    assert len(frozen) == 12

    source = subprocess.run(
        [
            sys.executable,
            "-m",
            "workshop_app",
            "charters",
            str(demo),
            "--pair",
            "P01",
            "--out",
            str(tmp_path / "source"),
        ],
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "HOME": str(tmp_path / "source-home"),
            "WORKSHOP_APP_DATA_DIR": str(tmp_path / "source-data"),
        },
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert source.returncode == 0, source.stderr[-3000:]
    (from_source,) = (tmp_path / "source").glob("P01 *.pdf")
    assert (tmp_path / "frozen" / from_source.name).read_bytes() == from_source.read_bytes()

    records = tmp_path / "records.json"
    exported = run_frozen(
        "export", str(demo), "--format", "json", "--out", str(records), cwd=tmp_path, env=env
    )
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(records.read_text())["pairs"]) == 12
    archive = tmp_path / "archive.zip"
    archived = run_frozen(
        "export", str(demo), "--format", "archive", "--out", str(archive), cwd=tmp_path, env=env
    )
    assert archived.returncode == 0, archived.stderr
    with zipfile.ZipFile(archive) as opened:
        assert opened.testzip() is None
        assert any(name.endswith(".pdf") for name in opened.namelist())


@pytest.mark.slow
def test_the_frozen_app_paints_its_window_on_x_and_quits_on_ctrl_q(
    x_display: XDisplay, tmp_path: Path
) -> None:
    bundle()
    home, data = tmp_path / "home", tmp_path / "data"
    demo = tmp_path / "demo.workshop"
    made = run_frozen("demo", str(demo), cwd=tmp_path, env=clean_env(home))
    assert made.returncode == 0, made.stderr

    env = clean_env(home, DISPLAY=x_display.name)
    app = App(x_display, demo, data, command=[str(bundle() / "workshop-app")], env=env)
    try:
        window = app.wait_for(
            "a window showing demo.workshop", window_named(x_display, app.process.pid, demo.name)
        )
        shot = tmp_path / "window.png"
        app.wait_for(f"the window painted (see {shot})", painted(x_display, window, shot))
        x_display.run("xdotool", "windowactivate", "--sync", window)
        x_display.run("xdotool", "key", "--clearmodifiers", "ctrl+q")
        try:
            code = app.process.wait(timeout=START_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"The frozen app did not quit on Ctrl+Q. It said:\n{app.said()}")
    finally:
        app.stop()
    assert code == 0, app.said()
    log = (data / "workshop-app.log").read_text()
    assert not [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line], log
