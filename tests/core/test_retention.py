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
from workshop_app.core.charter_fields import CHARTER_COLUMNS
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
            "staff": [
                v for v in (w.facilitator, w.coordinator, w.sponsor_name, w.sponsor_title) if v
            ],
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


# Every text column of the schema that anonymising leaves as it is, with why (reviewed: a new
# text column fails the test below until it is emptied by `retention` or listed here).
KEPT_TEXT = {
    "workshop": {
        "id": "an id", "program": "the program's name", "organisation": "the employer",
        "date": "a date", "cohort": "the cohort the figures are grouped by",
        "venue": "a place, not a person", "program_goals": "the program's own words",
        "strategy_link": "the program's own words", "success_metrics": "the report's measures",
        "confidentiality_text": "the program's standard clause",
        "no_fault_text": "the program's standard clause",
        "program_commitments_text": "the program's standard clause",
        "mentor_boundary": "the program's standard clause", "language": "a setting",
        "accent_colour": "a setting", "logo_mime": "a setting", "agenda_id": "a setting",
        "paper_size": "a setting", "updated_at": "a time", "start_time": "a time",
        "return_copy_by": "a date", "manager_acknowledgement": "a setting",
        "program_closed_on": "a date", "anonymised_on": "a date",
    },
    "participants": {"id": "an id", "role": "a figure", "department": "a figure (groups of "
                     "fewer than five are suppressed in the report)",
                     "checked_in_at": "a time", "updated_at": "a time"},
    "pairs": {"id": "an id", "code": "the pair's anonymous key", "mentor_id": "an id",
              "mentee_id": "an id", "updated_at": "a time", "closed_on": "a date"},
    "charters": {"id": "an id", "pair_id": "an id", "updated_at": "a time",
                 "meeting_frequency_custom": "the cadence health is measured against",
                 **{f.name: "a choice or date, not words" for f in CHARTER_COLUMNS
                    if f.kind not in ("text", "line", "int")}},
    "goals": {"id": "an id", "pair_id": "an id", "target_date": "a date",
              "baseline": "a figure", "updated_at": "a time"},
    "plans": {"id": "an id", "pair_id": "an id", "exercise_id": "the library's scenario",
              "updated_at": "a time"},
    "charter_versions": {"id": "an id", "pair_id": "an id", "updated_at": "a time"},
    "signoffs": {"id": "an id", "pair_id": "an id", "role": "a figure", "signed_at": "a time",
                 "open_sections": "section numbers", "updated_at": "a time"},
    "agenda_segments": {"id": "an id", "exercise_id": "the library's exercise",
                        "title": "the program's agenda, planned before the day",
                        "kind": "a setting", "started_at": "a time", "ended_at": "a time",
                        "updated_at": "a time"},
    "audit": {"id": "an id", "at": "a time", "table_name": "a name of the schema",
              "record_id": "an id", "pair_id": "an id", "field": "a name of the schema"},
    "runner_state": {"id": "an id", "segment_id": "an id", "running_since": "a time",
                     "step_extras": "seconds per step", "updated_at": "a time"},
    "checkin_forms": {"id": "an id", "name": "the staff's name for a form",
                      "source": "a setting", "signature": "the form's question headers",
                      "mapping": "question header -> meaning", "updated_at": "a time"},
    "checkins": {"id": "an id", "pair_id": "an id", "role": "a figure", "form_id": "an id",
                 "submitted_at": "a time", "last_meeting": "a date", "fit": "a figure",
                 "updated_at": "a time"},
    "contacts": {"id": "an id", "pair_id": "an id", "on_date": "a date", "kind": "a figure",
                 "who": "a role", "checkin_id": "an id", "updated_at": "a time"},
    "reviews": {"id": "an id", "pair_id": "an id", "held_on": "a date",
                "cadence_kept": "a figure", "updated_at": "a time"},
    "closures": {"id": "an id", "pair_id": "an id", "closed_on": "a date", "kind": "a figure",
                 "asked_by": "a figure", "goal1_outcome": "a figure",
                 "goal2_outcome": "a figure", "goal3_outcome": "a figure",
                 "updated_at": "a time"},
    "_sqlite_migrations": {"migration_set": "the app's", "name": "the app's",
                           "applied_at": "a time"},
}  # fmt: skip
# What anonymising replaces rather than empties (see the module's steps).
REPLACED = {
    "participants": ("name", "email", "title", "manager"),
    "signoffs": ("name",),
    "charter_versions": ("snapshot",),
    "checkins": ("response_key",),
    "audit": ("old_value", "new_value"),
}


def test_every_text_column_is_removed_or_on_the_reviewed_keep_list(tmp_path: Path) -> None:
    removed: dict[str, set[str]] = {t: set(c) for t, c in retention._EMPTIED.items()}
    removed.setdefault("workshop", set()).update(retention.WORKSHOP_PEOPLE)
    for table, columns in REPLACED.items():
        removed.setdefault(table, set()).update(columns)
    with WorkshopFile.create(tmp_path / "s.workshop", program="P", organisation="O",
                             date="2027-01-19") as wf:  # fmt: skip
        text = {
            (table, column)
            for (table,) in wf.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            for _, column, kind, *_ in wf.conn.execute(f"PRAGMA table_info({table})")
            if kind.upper() == "TEXT"
        }
    kept = {(t, c) for t, columns in KEPT_TEXT.items() for c in columns}
    gone = {(t, c) for t, columns in removed.items() for c in columns}
    assert kept & gone == set()
    assert sorted(text - kept - gone) == []  # a text column nobody decided about
    assert sorted((kept | gone) - text) == []  # a column the lists name that is not there
    assert ("workshop", "sponsor_title") in gone


def test_anonymising_deletes_the_cached_pdfs_that_hold_the_names(tmp_path: Path) -> None:
    """A charter previewed or printed stays in the render cache (the user's cache folder) with
    the pair's names in it; after anonymising no such PDF is left, nor a work file a killed
    print left in the app's temporary folder."""
    from pypdf import PdfReader

    from workshop_app.core import temp_files
    from workshop_app.core.charters import render_cache
    from workshop_app.core.charters.batch import cached_charter_pdf
    from workshop_app.core.charters.context import charter_context
    from workshop_app.core.paths import temp_dir
    from workshop_app.core.private_files import make_private_dir

    path = tmp_path / "program.workshop"
    closed_program(path)
    with WorkshopFile.open(path) as wf:
        pair = wf.roster.pairs()[0]
        mentor = wf.roster.participant(pair.mentor_id).name
        cached_charter_pdf(charter_context(wf, pair.id))  # the preview keeps it
        (entry,) = render_cache.cached_files()
        assert mentor in "".join(page.extract_text() for page in PdfReader(entry).pages)
        make_private_dir(temp_dir())
        dead = f"{temp_files.MARK}-999999999-{temp_files.host_tag()}-0badf00d"
        killed = temp_dir() / f".charters.{dead}.tmp"
        killed.write_bytes(entry.read_bytes())  # a print killed before it moved its PDF
        assert retention.plan(wf).cached_pdfs == 1
        done = retention.anonymise(wf, today=LATER)
    assert done.cached_pdfs == 1
    assert render_cache.cached_files() == [] and not killed.exists()
