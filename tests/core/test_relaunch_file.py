"""A re-launch file made from the program's file: the same pairs and every signed version,
a new date, no agenda, nobody checked in; the launch's file untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from workshop_app.core.content.library import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.errors import UserError
from workshop_app.core.runner.agenda_store import planned_from
from workshop_app.core.store.relaunch import start_relaunch
from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture
def launched(tmp_path: Path) -> Path:
    """The demo after its launch: the agenda has run (its first segment recorded)."""
    path = tmp_path / "launch.workshop"
    wf = create_demo(path)
    first = wf.agenda.segments()[0]
    wf.agenda.record_timing(first.id, started_at="2027-01-19T09:00:00+00:00",
                            ended_at="2027-01-19T09:10:00+00:00", actual_seconds=600)  # fmt: skip
    wf.close()
    return path


def test_the_relaunch_file_carries_the_charters_forward(launched: Path, tmp_path: Path) -> None:
    with WorkshopFile.open(launched) as wf:
        library = load_library()
        with pytest.raises(UserError, match="can no longer be replaced"):  # why a new file
            wf.agenda.choose("relaunch", planned_from(library.agenda("relaunch"), library))
        launch_id = wf.workshop().id
    before = hashlib.sha256(launched.read_bytes()).hexdigest()
    out = start_relaunch(launched, out=tmp_path / "relaunch.workshop", date="2027-06-08")
    assert hashlib.sha256(launched.read_bytes()).hexdigest() == before
    with WorkshopFile.open(out) as wf:
        workshop = wf.workshop()
        assert (workshop.date, workshop.agenda_id) == ("2027-06-08", "")
        assert workshop.id != launch_id and workshop.program == "Accelerate Mentoring Program"
        assert wf.agenda.segments() == []
        assert all(p.present is None for p in wf.roster.participants())
        p01 = wf.roster.pair_by_code("P01")
        assert p01 is not None
        assert wf.charters.charter(p01.id).signed_version == 1
        # The re-launch agenda can be chosen, and P01 revised as version 2 of its charter.
        library = load_library()
        wf.agenda.choose("relaunch", planned_from(library.agenda("relaunch"), library))
        assert wf.charters.reopen(p01.id) == 2
        assert wf.charters.signed_snapshot(p01.id, 1) is not None


def test_the_relaunch_comes_after_the_launch_and_never_overwrites(
    launched: Path, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="after the launch"):
        start_relaunch(launched, out=tmp_path / "r.workshop", date="2027-01-19")
    with pytest.raises(UserError, match="a date like"):
        start_relaunch(launched, out=tmp_path / "r.workshop", date="June")
    with pytest.raises(UserError, match="already exists"):
        start_relaunch(launched, out=launched, date="2027-06-08")
    assert not (tmp_path / "r.workshop").exists()
