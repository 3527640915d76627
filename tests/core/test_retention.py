"""Retention: once the period the program set has passed since the close-out, personal data
is removed in place (names, emails, every word written, the history's values, the backups),
the figures stay, nothing personal is left in the file's free pages, and a kill at any moment
leaves the file as it was."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.cli_runner import run
from tests.core.follow_up_rows import add_checkin, add_contact, add_review
from workshop_app.core.demo import create_demo
from workshop_app.core.errors import UserError
from workshop_app.core.followup import close_out, closing, retention
from workshop_app.core.store import backups
from workshop_app.core.store.workshop_file import WorkshopFile

KILL_AT = Path(__file__).with_name("kill_at.py")
CLOSED_ON = date(2027, 12, 1)
LATER = date(2028, 6, 1)  # six months after the close-out
WRITTEN = ("Tuesday walks by the river with Gwendolyn", "Aisha felt unheard in March")
# A long comment spans overflow pages, which emptying it frees: only VACUUM (or secure_delete)
# keeps its words from staying readable in the file's free pages.
LONG = " ".join(f"Gwendolyn's note {n} on her mentor" for n in range(800))


def closed_program(path: Path) -> dict[str, list[str]]:
    """The demo, with follow-up records holding personal words, closed with 6 months'
    retention. Returns the personal values it holds."""
    with create_demo(path) as wf:
        people = wf.roster.participants()
        pairs = wf.roster.pairs()
        p1, p2 = pairs[0].id, pairs[1].id
        key = "google_forms:f:2027-02-20T10:00:00:kwame@x.example"  # an email in the identity
        checkin = add_checkin(wf, p1, comment=WRITTEN[0], response_key=key)
        add_contact(wf, p1, kind="checkin", text=WRITTEN[1], checkin_id=checkin)
        add_checkin(wf, p2, comment=LONG)
        add_review(wf, p1, plans_used=WRITTEN[0], changes=WRITTEN[1])
        closing.close_pairing(
            wf, p2, closed_on=date(2027, 3, 3), reason=WRITTEN[1], asked_by="mentor",
            rematched=True, today=date(2027, 4, 1),
        )  # fmt: skip
        close_out.close_program(wf, closed_on=CLOSED_ON, today=CLOSED_ON,
                                outcomes={p1: ["met", "partly"]}, retention_months=6)  # fmt: skip
        signed = [r[0] for r in wf.conn.execute("SELECT name FROM signoffs")]
        w = wf.workshop()
        return {
            "names": [p.name for p in people] + signed,
            "emails": [p.email for p in people] + ["kwame@x.example"],
            "staff": [v for v in (w.facilitator, w.coordinator, w.sponsor_name) if v],
            "written": [*WRITTEN, "Gwendolyn's note 799"],
        }


def figures(path: Path) -> list[tuple]:
    """What the aggregate figures are made of."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [
            *conn.execute("SELECT code FROM pairs ORDER BY code"),
            *conn.execute("SELECT meeting_frequency, first_meeting, review_days FROM charters"
                          " ORDER BY pair_id"),
            *conn.execute("SELECT pair_id, position, baseline, target_date FROM goals"
                          " ORDER BY pair_id, position"),
            *conn.execute("SELECT pair_id, submitted_at, meetings_held, goal1_progress, fit,"
                          " satisfaction, wants_help FROM checkins"),
            *conn.execute("SELECT pair_id, closed_on, kind, asked_by, rematched, goal1_outcome,"
                          " goal2_outcome, goal3_outcome FROM closures ORDER BY pair_id"),
            *conn.execute("SELECT pair_id, checkpoint_day, cadence_kept, goal1_progress"
                          " FROM reviews"),
            *conn.execute("SELECT role, department FROM participants ORDER BY role, department"),
        ]  # fmt: skip
    finally:
        conn.close()


def found_in(path: Path, values: list[str]) -> list[str]:
    """The values whose bytes are anywhere in the file or beside it (-wal), case ignored."""
    blobs = [p.read_bytes().lower() for p in (path, path.with_name(path.name + "-wal"))
             if p.exists()]  # fmt: skip
    return [v for v in values if any(v.lower().encode() in b for b in blobs)]


def test_anonymising_leaves_no_name_or_email_of_the_roster_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "program.workshop"
    personal = closed_program(path)
    kept = figures(path)
    with WorkshopFile.open(path) as wf:  # opening takes a backup: it holds every name
        folder = backups.folder_for(path)
        assert list(folder.glob("*.workshop"))
        done = retention.anonymise(wf, today=LATER)
        assert done.people == 24 and done.backups >= 1
        assert wf.workshop().anonymised_on == "2028-06-01"
        mentors = sorted(p.name for p in wf.roster.participants() if p.role == "mentor")
        assert mentors[:3] == ["Mentor 1", "Mentor 10", "Mentor 11"]
        code_p01 = wf.roster.pair_by_code("P01")
        assert code_p01 is not None
        assert wf.roster.participant(code_p01.mentor_id).name == "Mentor 1"
        assert wf.roster.participant(code_p01.mentee_id).email == "mentee-1@anonymised.invalid"
    assert figures(path) == kept
    assert list(folder.iterdir()) == []
    values = [v for group in personal.values() for v in group]
    assert len(values) > 30
    assert found_in(path, values) == []
    if shutil.which("strings"):  # as a person would check it
        text = subprocess.run(["strings", "-n", "6", str(path)], capture_output=True,
                              text=True, check=True).stdout.lower()  # fmt: skip
        assert [v for v in personal["emails"] if v.lower() in text] == []
        assert [v for v in personal["names"] if v.isascii() and v.lower() in text] == []


def test_before_the_period_ends_it_is_refused_with_the_day_it_becomes_possible(
    tmp_path: Path,
) -> None:
    path = tmp_path / "program.workshop"
    closed_program(path)
    with WorkshopFile.open(path) as wf:
        before = wf.change_mark()
        with pytest.raises(UserError) as exc:
            retention.anonymise(wf, today=date(2028, 5, 31))
        assert exc.value.message == (
            "Personal data in program.workshop is kept until 1 June 2028 (6 months after the "
            "close-out); it can be removed from that day."
        )
        assert wf.change_mark() == before
        retention.anonymise(wf, today=LATER)
        with pytest.raises(UserError, match=r"already removed from program\.workshop on 1 June"):
            retention.anonymise(wf, today=LATER)


def test_a_program_not_closed_or_without_a_period_is_refused(tmp_path: Path) -> None:
    with create_demo(tmp_path / "open.workshop") as wf:
        with pytest.raises(UserError, match="the program is not closed yet"):
            retention.anonymise(wf, today=LATER)
        close_out.close_program(wf, closed_on=CLOSED_ON, today=CLOSED_ON, outcomes={},
                                retention_months=None)  # fmt: skip
        with pytest.raises(UserError, match="set no retention period"):
            retention.anonymise(wf, today=LATER)


def test_the_command_dry_run_changes_nothing_and_the_run_removes(
    tmp_path: Path, app_data: Path
) -> None:
    path = tmp_path / "program.workshop"
    personal = closed_program(path)
    early = run("anonymise", str(path), "--today", "2028-01-01", data=app_data)
    assert early.returncode == 1
    assert early.stderr.strip().endswith("it can be removed from that day.")
    dry = run("anonymise", str(path), "--dry-run", "--today", "2028-06-01", data=app_data)
    assert dry.returncode == 0, dry.stderr
    assert "24 people: names, emails, titles and managers replaced" in dry.stdout
    assert "nothing was changed" in dry.stdout
    assert found_in(path, personal["emails"]) == personal["emails"]
    done = run("anonymise", str(path), "--today", "2028-06-01", data=app_data)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Personal data removed from program.workshop:")
    assert found_in(path, personal["emails"] + personal["names"]) == []
    assert run("anonymise", str(path), "--today", "nonsense", data=app_data).returncode == 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL by itself is POSIX")
@pytest.mark.parametrize("step", ["_emptied", "_signed_versions", "_audit"])
def test_a_kill_half_way_leaves_the_file_as_it_was(
    tmp_path: Path, app_data: Path, step: str
) -> None:
    path = tmp_path / "program.workshop"
    personal = closed_program(path)
    before = _dump(path)
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(app_data), "QT_QPA_PLATFORM": "offscreen"}
    killed = subprocess.run(
        [sys.executable, str(KILL_AT), f"workshop_app.core.followup.retention:{step}",
         "anonymise", str(path), "--today", "2028-06-01"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert killed.returncode == -9 and "KILLED" in killed.stdout, killed.stderr
    assert _dump(path) == before
    with WorkshopFile.open(path) as wf:
        assert wf.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert wf.workshop().anonymised_on == ""
        assert sorted(personal["emails"][:-1]) == sorted(p.email for p in wf.roster.participants())


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_run_stopped_after_its_commit_leaves_no_backup_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped during the rewrite that follows the commit (killed, the disk full): the file is
    anonymised and a second run is refused as done, so no backup with every name may be left
    for it."""
    path = tmp_path / "program.workshop"
    closed_program(path)

    def stopped(wf: WorkshopFile) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(retention, "_rewrite", stopped)
    with WorkshopFile.open(path) as wf:  # opening takes a backup: it holds every name
        folder = backups.folder_for(path)
        assert list(folder.glob("*.workshop"))
        with pytest.raises(KeyboardInterrupt):
            retention.anonymise(wf, today=LATER)
        assert wf.workshop().anonymised_on == "2028-06-01"
    assert list(folder.glob("*.workshop")) == []
