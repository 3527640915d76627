"""`workshop-app relaunch`: the re-launch's file from the program's, as staff run it."""

from __future__ import annotations

from pathlib import Path

from cli_runner import run

from workshop_app.core.store.workshop_file import WorkshopFile


def test_relaunch_makes_the_file_and_refuses_a_date_before(tmp_path: Path, app_data: Path) -> None:
    launch = tmp_path / "spring.workshop"
    assert run("demo", str(launch), data=app_data).returncode == 0
    out = tmp_path / "spring-relaunch"
    done = run("relaunch", str(launch), "--out", str(out), "--date", "2027-06-08", data=app_data)
    assert done.returncode == 0, done.stderr
    assert "spring-relaunch.workshop for the re-launch on 2027-06-08" in done.stdout
    with WorkshopFile.open(out.with_suffix(".workshop"), readonly=True) as wf:
        assert wf.workshop().date == "2027-06-08"
        assert wf.charters.overview()[0].signed_version == 1
    early = run("relaunch", str(launch), "--out", str(tmp_path / "x"), "--date", "2026-01-01",
                data=app_data)  # fmt: skip
    assert early.returncode == 1
    assert early.stderr.strip().splitlines() == [
        "workshop-app: The re-launch must be after the launch (2027-01-19), not on 2026-01-01."
    ]
    assert not (tmp_path / "x.workshop").exists()
