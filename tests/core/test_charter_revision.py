"""A re-launch revises a signed charter as its next version: version 1 and its signatures stay
in the file, version 2 prints saying what it replaces, is signed again, and exports and merges
carry both versions."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from workshop_app.core.charters.context import charter_context
from workshop_app.core.demo import FULL
from workshop_app.core.errors import UserError
from workshop_app.core.exports.formats import export_workshop
from workshop_app.core.exports.tables import read_export_data
from workshop_app.core.merge.rooms import merge_workshops
from workshop_app.core.store.workshop_file import WorkshopFile

LAUNCH = {"program": "Accelerate", "organisation": "Northwind", "date": "2027-01-19"}
V1_SIGNED = "2027-01-19T16:05:00+00:00"
V2_SIGNED = "2027-06-08T11:20:00+00:00"


def launch_file(path: Path) -> Path:
    """One pair, complete and signed at the launch (version 1)."""
    with WorkshopFile.create(path, **LAUNCH) as wf:
        a = wf.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
        b = wf.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
        pair_id = wf.roster.make_pair(a.id, b.id).id
        for name, value in FULL.items():
            wf.charters.set_field(pair_id, name, value)
        for part, value in (
            ("goal", "Lead the weekly planning"),
            ("measure", "Four meetings led"),
            ("target_date", "2027-05-31"),
        ):
            wf.charters.set_goal_part(pair_id, 1, part, value)
        wf.charters.add_plan(pair_id, scenario="We both get busy", plan="we move the slot")
        wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li", signed_at=V1_SIGNED)
    return path


def relaunch(path: Path, *, goal: str = "Chair the June planning review") -> str:
    """At the re-launch: reopen as version 2, revise the goal, sign again."""
    with WorkshopFile.open(path) as wf:
        pair_id = wf.roster.pair_by_code("P01").id  # type: ignore[union-attr]
        assert wf.charters.reopen(pair_id) == 2
        wf.charters.set_goal_part(pair_id, 1, "goal", goal)
        wf.charters.set_goal_part(pair_id, 1, "target_date", "2027-09-30")
        assert wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li", signed_at=V2_SIGNED)
    return pair_id


@pytest.fixture
def launched(tmp_path: Path) -> Path:
    return launch_file(tmp_path / "launch.workshop")


def test_reopening_keeps_version_1_and_its_signatures(launched: Path) -> None:
    with WorkshopFile.open(launched) as wf:
        pair_id = wf.roster.pair_by_code("P01").id  # type: ignore[union-attr]
        before = wf.charters.signed_snapshot(pair_id, 1)
        assert wf.charters.reopen(pair_id) == 2
        charter = wf.charters.charter(pair_id)
        assert (charter.version, charter.signed_version) == (2, 1)
        assert wf.charters.signed_snapshot(pair_id, 1) == before
        assert {(s.version, s.role) for s in charter.signoffs} == {(1, "mentor"), (1, "mentee")}
        # Reopened on purpose, it is not signed yet, and cannot be reopened twice.
        with pytest.raises(UserError, match="not signed yet"):
            wf.charters.reopen(pair_id)


def test_a_reopened_version_stands_when_an_edit_is_undone(launched: Path) -> None:
    """An edit typed back after reopening does not turn the charter into version 1 again (as
    it would after an edit without reopening): the pair may sign the same agreement again."""
    with WorkshopFile.open(launched) as wf:
        pair_id = wf.roster.pair_by_code("P01").id  # type: ignore[union-attr]
        wf.charters.reopen(pair_id)
        wf.charters.set_field(pair_id, "purpose", "Something else")
        wf.charters.set_field(pair_id, "purpose", FULL["purpose"])
        assert wf.charters.charter(pair_id).version == 2
        assert wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li") == 2


def test_without_reopening_an_undone_edit_is_still_the_signed_version(launched: Path) -> None:
    with WorkshopFile.open(launched) as wf:
        pair_id = wf.roster.pair_by_code("P01").id  # type: ignore[union-attr]
        wf.charters.set_field(pair_id, "purpose", "Something else")
        assert wf.charters.charter(pair_id).version == 2
        wf.charters.set_field(pair_id, "purpose", FULL["purpose"])
        assert wf.charters.charter(pair_id).version == 1


def test_an_unsigned_charter_cannot_be_reopened(tmp_path: Path) -> None:
    with WorkshopFile.create(tmp_path / "w.workshop", **LAUNCH) as wf:
        a = wf.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
        b = wf.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
        pair_id = wf.roster.make_pair(a.id, b.id).id
        with pytest.raises(UserError, match="Version 1 of this charter is not signed yet"):
            wf.charters.reopen(pair_id)
        assert wf.charters.charter(pair_id).version == 1


def test_version_2_says_what_it_replaces(launched: Path) -> None:
    with WorkshopFile.open(launched) as wf:
        pair_id = wf.roster.pair_by_code("P01").id  # type: ignore[union-attr]
        wf.charters.reopen(pair_id)
        draft = charter_context(wf, pair_id)["status"]["version"].replace("\xa0", " ")
        assert draft == "Version 2, replacing version 1, signed 19 January 2027"
        wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li", signed_at=V2_SIGNED)
        signed = charter_context(wf, pair_id)["status"]["version"].replace("\xa0", " ")
        assert signed == "Version 2, signed · replaces version 1, signed 19 January 2027"
        # Version 1 prints as it was signed, replacing nothing.
        first = charter_context(wf, pair_id, version=1)
        assert first["status"]["version"] == "Version 1, signed"
        assert first["sections"][0]["goals"][0]["goal"] == "Lead the weekly planning"


def test_the_printed_version_2_says_so(launched: Path) -> None:
    from pypdf import PdfReader

    from workshop_app.core.charters.pdf_render import render_charter_pdf

    with WorkshopFile.open(launched) as wf:
        pair_id = wf.roster.pair_by_code("P01").id  # type: ignore[union-attr]
        wf.charters.reopen(pair_id)
        pdf = render_charter_pdf(charter_context(wf, pair_id))
    out = launched.with_suffix(".pdf")
    out.write_bytes(pdf)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Version 2, replacing version 1, signed 19 January 2027" in " ".join(text.split())


def test_exports_carry_both_signed_versions(launched: Path, tmp_path: Path) -> None:
    relaunch(launched)
    with WorkshopFile.open(launched, readonly=True) as wf:
        export_workshop(wf, format="json", out=tmp_path / "w.json")
        export_workshop(wf, format="csv", out=tmp_path / "csv")
        from workshop_app.core.exports.archive import write_archive

        data = read_export_data(wf, include_confidential=False)
        write_archive(wf, data, out=tmp_path / "archive", workers=0)
    doc = json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))
    (pair,) = doc["pairs"]
    assert (pair["charter"]["version"], pair["charter"]["signed_version"]) == (2, 2)
    versions = {v["version"]: v for v in pair["signed_versions"]}
    assert versions[1]["goals"][0]["goal"] == "Lead the weekly planning"
    assert versions[2]["goals"][0]["goal"] == "Chair the June planning review"
    assert sorted((s["version"], s["role"]) for s in pair["signoffs"]) == [
        (1, "mentee"), (1, "mentor"), (2, "mentee"), (2, "mentor"),
    ]  # fmt: skip
    with (tmp_path / "csv" / "signoffs.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted((r["version"], r["role"]) for r in rows) == [
        ("1", "mentee"), ("1", "mentor"), ("2", "mentee"), ("2", "mentor"),
    ]  # fmt: skip
    readme = (tmp_path / "archive" / "README.txt").read_text(encoding="utf-8-sig")
    assert "the signed version 2" in readme


def test_merge_carries_both_versions(launched: Path, tmp_path: Path) -> None:
    """The program's file from the launch (version 1 only) merged with the re-launch room's
    file (version 2 signed): both versions and all four signatures, version 2 in force."""
    room = tmp_path / "relaunch.workshop"
    shutil.copy(launched, room)
    pair_id = relaunch(room)
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[launched, room])
    assert report.conflicts == []
    with WorkshopFile.open(out, readonly=True) as wf:
        charter = wf.charters.charter(pair_id)
        assert (charter.version, charter.signed_version) == (2, 2)
        assert charter.goals[0].goal == "Chair the June planning review"
        assert len(charter.signoffs) == 4
        first = wf.charters.signed_snapshot(pair_id, 1)
        assert first is not None and first["goals"][0]["goal"] == "Lead the weekly planning"
    again = tmp_path / "again.workshop"
    assert merge_workshops(out=again, inputs=[out, room, launched]).conflicts == []
    assert _records(again) == _records(out)


def test_merge_of_a_reopened_charter_not_yet_signed(launched: Path, tmp_path: Path) -> None:
    """Reopened in the re-launch room and left unsigned: the merge keeps version 2 open and
    version 1 signed, as the room had it."""
    room = tmp_path / "relaunch.workshop"
    shutil.copy(launched, room)
    with WorkshopFile.open(room) as wf:
        pair_id = wf.roster.pair_by_code("P01").id  # type: ignore[union-attr]
        wf.charters.reopen(pair_id)
    out = tmp_path / "all.workshop"
    merge_workshops(out=out, inputs=[launched, room])
    with WorkshopFile.open(out) as wf:
        charter = wf.charters.charter(pair_id)
        assert (charter.version, charter.signed_version) == (2, 1)
        # Still reopened on purpose in the merged file: typing back keeps version 2.
        wf.charters.set_field(pair_id, "purpose", "Something else")
        wf.charters.set_field(pair_id, "purpose", FULL["purpose"])
        assert wf.charters.charter(pair_id).version == 2


def _records(path: Path) -> dict[str, set[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = ("pairs", "charters", "goals", "plans", "charter_versions", "signoffs")
        return {t: set(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}
    finally:
        conn.close()
