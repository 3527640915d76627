"""`workshop-app reviews`: the packets for a checkpoint, from the real command."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run
from review_data import charter_pair, close

from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture
def room(tmp_path: Path) -> Path:
    path = tmp_path / "room.workshop"
    wf = WorkshopFile.create(
        path, program="Accelerate", organisation="Northwind", date="2027-01-19"
    )
    charter_pair(wf)
    charter_pair(wf, "Carmen Ortiz", "Dev Patel", sign=False)
    close(wf, charter_pair(wf, "Eli Moss", "Fay Wong"))
    wf.close()
    return path


def test_packets_for_a_checkpoint_with_the_combined_file(
    room: Path, tmp_path: Path, app_data: Path
) -> None:
    out = tmp_path / "reviews"
    done = run(
        "reviews", str(room), "--checkpoint", "90", "--out", str(out), "--combined", data=app_data
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.splitlines()
    assert [Path(p).name for p in printed] == [
        "P01 - Ana Souza & Bo Li - Day 90 review.pdf",
        "P02 - Carmen Ortiz & Dev Patel - Day 90 review.pdf",
        "All review packets.pdf",
    ]
    assert all(Path(p).is_file() for p in printed)
    assert done.stderr.strip().splitlines()[-1] == (
        "2 review packets for day 90 (1 closed pair left out)."
    )


def test_a_checkpoint_no_pair_has_is_one_line_and_exit_1(
    room: Path, tmp_path: Path, app_data: Path
) -> None:
    out = tmp_path / "reviews"
    done = run("reviews", str(room), "--checkpoint", "45", "--out", str(out), data=app_data)
    assert done.returncode == 1
    assert done.stderr == (
        "workshop-app: No open pair has a day-45 checkpoint; the pairs' checkpoints are "
        "days 30, 90, 180.\n"
    )
    assert done.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize("days", ["ninety", "0", "-30", "99999"])
def test_a_checkpoint_that_is_not_a_number_of_days_is_bad_usage(
    days: str, room: Path, tmp_path: Path, app_data: Path
) -> None:
    done = run("reviews", str(room), "--checkpoint", days, "--out", str(tmp_path), data=app_data)
    assert done.returncode == 2
    assert "--checkpoint" in done.stderr


def test_out_that_is_a_file_and_a_missing_workshop(
    room: Path, tmp_path: Path, app_data: Path
) -> None:
    taken = tmp_path / "taken.pdf"
    taken.write_bytes(b"mine")
    done = run("reviews", str(room), "--checkpoint", "90", "--out", str(taken), data=app_data)
    assert (done.returncode, done.stderr.count("\n")) == (1, 1)
    assert "is a file; --out needs a folder" in done.stderr
    assert taken.read_bytes() == b"mine"
    missing = run(
        "reviews",
        str(tmp_path / "nope.workshop"),
        "--checkpoint",
        "90",
        "--out",
        str(tmp_path / "o"),
        data=app_data,
    )
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
