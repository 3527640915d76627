"""The wheel carries the exercises and templates, and the installed app finds them there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_content_and_templates(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT), "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(unpacked)
    code_files = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "workshop_app").rglob("*.py")
        if "_shipped" not in p.parts
    )
    missing = [name for name in code_files if name not in names]
    assert missing == []  # every module of every sub-package is in the wheel
    shipped = [n for n in names if n.startswith("workshop_app/_shipped/")]
    assert any(n.startswith("workshop_app/_shipped/exercises/agendas/") for n in shipped)
    assert any(n.startswith("workshop_app/_shipped/report_templates/") for n in shipped)
    # The translations ship too, each language in its own folder.
    assert "workshop_app/_shipped/exercises/it/feedback-sbi.md" in names
    assert "workshop_app/_shipped/exercises/it/agendas/half-day-launch.yaml" in names
    for source in (ROOT / "exercises").rglob("*"):
        if source.is_file():
            rel = source.relative_to(ROOT / "exercises").as_posix()
            assert f"workshop_app/_shipped/exercises/{rel}" in names, rel
    code = (
        "from workshop_app.resources import shipped_dir;"
        "print(shipped_dir('exercises')); print(shipped_dir('report_templates'))"
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    ).stdout.split()
    assert all(Path(p).is_relative_to(unpacked) for p in out)
    assert all(Path(p).is_dir() for p in out)
    # The installed app itself runs: a demo workshop, checked and summarised.
    demo = tmp_path / "demo.workshop"
    for command in (["demo", str(demo)], ["info", str(demo)], ["check-content"]):
        run = subprocess.run(
            [sys.executable, "-m", "workshop_app", *command],
            capture_output=True,
            text=True,
            env={**env, "WORKSHOP_APP_DATA_DIR": str(tmp_path / "data")},
            cwd=tmp_path,
        )
        assert run.returncode == 0, run.stderr[-2000:]
    # The installed app reads them: check-content counts the Italian agendas, and the
    # library in Italian has the Italian title.
    assert "it: " in run.stdout and "4 of 4 agendas" in run.stdout, run.stdout
    code = (
        "from workshop_app.core.content.library import load_library;"
        "print(load_library(language='it-IT').exercise('feedback-sbi').title)"
    )
    title = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert title.startswith("Dare e ricevere feedback"), title
