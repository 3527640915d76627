"""Pair codes are file names in the per-pair exports: a code edited into the file outside the
app (`../../escaped`, an absolute path, a Windows device name, a terminal escape) must never
lead a write outside the export's target, through the real `workshop-app` command, and merge
must not carry such a code into the file it writes. Where codes are stored, they are checked."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.cli_runner import run
from workshop_app.core.errors import UserError
from workshop_app.core.merge.rooms import merge_workshops
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.core.validation import is_pair_code

LAUNCH = {"program": "Accelerate", "organisation": "Northwind", "date": "2027-01-19"}


def hostile_codes(tmp_path: Path) -> list[str]:
    (tmp_path / "abs").mkdir()
    return ["../../escaped", str(tmp_path / "abs" / "evil"), "..\\..\\win", "CON", "..",
            "\x1b]0;owned\x07", "p01", "P01"]  # fmt: skip


def make_room(path: Path, names: list[str], codes: list[str] | None = None) -> Path:
    """A room with a pair per name (mentor NAME-a, mentee NAME-b), each with a first meeting;
    `codes` then written straight into the file, as an editor outside the app would."""
    with WorkshopFile.create(path, **LAUNCH) as wf:
        for name in names:
            a, b = (wf.roster.add_participant(role=role, name=f"{name} {x}",
                                              email=f"{name}.{x}@x.example")
                    for role, x in (("mentor", "A"), ("mentee", "B")))  # fmt: skip
            pair = wf.roster.make_pair(a.id, b.id)
            wf.charters.set_field(pair.id, "first_meeting", "2027-02-02T17:00")
            wf.charters.set_field(pair.id, "meeting_frequency", "weekly")
    if codes is not None:
        conn = sqlite3.connect(path)
        with conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM pairs ORDER BY code")]
            for pair_id, code in zip(ids, codes, strict=True):
                conn.execute("UPDATE pairs SET code = ? WHERE id = ?", (code, pair_id))
        conn.close()
    return path


def every_file(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, list[str]]:
    codes = hostile_codes(tmp_path)
    room = tmp_path / "rooms" / "a" / "room.workshop"
    room.parent.mkdir(parents=True)
    make_room(room, [f"p{i}" for i in range(len(codes))], codes)
    return room, codes


def app_files_left_out(paths: set[Path], data: Path) -> set[Path]:
    """What a command wrote, less the app's own folder (its log, settings and cache)."""
    return {p for p in paths if p != data and data not in p.parents}


def assert_plain_names(names: list[str], count: int) -> None:
    assert len(names) == len(set(n.casefold() for n in names)) == count, names
    for name in names:
        assert "/" not in name and "\\" not in name and not name.startswith("."), name
        assert name.endswith(".ics") and name.isprintable(), name
        assert name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}, name


def test_per_pair_calendars_in_a_folder_stay_in_it(
    hostile: tuple[Path, list[str]], tmp_path: Path
) -> None:
    room, codes = hostile
    out = tmp_path / "rooms" / "a" / "exports" / "calendars.ics"
    out.parent.mkdir()
    before = every_file(tmp_path)
    done = run("export", str(room), "--format", "ics", "--per-pair", "--out", str(out),
               "--timezone", "UTC", data=tmp_path / "data")  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = app_files_left_out(every_file(tmp_path) - before, tmp_path / "data")
    assert all(p == out or p.parent == out for p in written), sorted(written)
    assert_plain_names([p.name for p in out.iterdir()], len(codes))
    assert "escaped.ics" in {p.name for p in out.iterdir()}  # still recognisable
    assert list((tmp_path / "abs").iterdir()) == []


def test_per_pair_calendars_in_a_zip_have_plain_entries(
    hostile: tuple[Path, list[str]], tmp_path: Path
) -> None:
    room, codes = hostile
    out = tmp_path / "calendars.zip"
    before = every_file(tmp_path)
    done = run("export", str(room), "--format", "ics", "--per-pair", "--out", str(out),
               "--timezone", "UTC", data=tmp_path / "data")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert app_files_left_out(every_file(tmp_path) - before, tmp_path / "data") == {out}
    with zipfile.ZipFile(out) as zf:
        assert_plain_names(zf.namelist(), len(codes))
        extracted = tmp_path / "extracted"
        zf.extractall(extracted)  # where an unzip tool would put them
    assert {p.parent for p in every_file(extracted)} == {extracted}


def test_merge_gives_hostile_codes_new_ones_and_says_which_pair(
    hostile: tuple[Path, list[str]], tmp_path: Path
) -> None:
    room, codes = hostile
    other = make_room(tmp_path / "rooms" / "other.workshop", ["q0", "q1"])  # P01, P02
    out = tmp_path / "rooms" / "all.workshop"
    done = run("merge", str(out), str(room), str(other), data=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    with WorkshopFile.open(out, readonly=True) as wf:
        merged = {p.code for p in wf.roster.pairs()}
    assert len(merged) == len(codes) + 2 and all(is_pair_code(c.upper()) for c in merged), merged
    report = done.stdout
    assert "\x1b" not in report  # an escape in a code is shown, not sent to the terminal
    assert "'../../escaped' -> P" in report
    assert "pair code: '../../escaped' in room.workshop is not a pair code" in report
    assert "pair code: 'CON' " not in report  # CON is letters: a valid code, kept
    # The merged file's calendars carry the new codes.
    cal = tmp_path / "merged.zip"
    again = run("export", str(out), "--format", "ics", "--per-pair", "--out", str(cal),
                "--timezone", "UTC", data=tmp_path / "data")  # fmt: skip
    assert again.returncode == 0, again.stderr
    with zipfile.ZipFile(cal) as zf:
        assert set(zf.namelist()) == {f"{c}.ics" for c in merged - {"CON"}} | {"_CON.ics"}


def test_a_hostile_code_in_a_roster_is_refused_with_its_row_and_column(tmp_path: Path) -> None:
    room = make_room(tmp_path / "room.workshop", [])
    sheet = tmp_path / "roster.csv"
    sheet.write_text("Pair Code,Mentor Name,Mentor Email,Mentee Name,Mentee Email\n"
                     "../../escaped,Ana,ana@x.example,Bo,bo@x.example\n",
                     encoding="utf-8")  # fmt: skip
    done = run("import", str(room), str(sheet), data=tmp_path / "data")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    first, *details = done.stderr.strip().splitlines()
    assert first == "workshop-app: roster.csv has 1 problem; nothing was imported."
    [detail] = details
    assert "row 2" in detail and "Pair Code" in detail and "'../../ESCAPED'" in detail


def test_the_stores_refuse_a_code_that_is_not_one(tmp_path: Path) -> None:
    room = make_room(tmp_path / "room.workshop", ["p0"])
    with WorkshopFile.open(room) as wf:
        a = wf.roster.add_participant(role="mentor", name="Cy", email="cy@x.example")
        b = wf.roster.add_participant(role="mentee", name="Di", email="di@x.example")
        for bad in ("../../escaped", "/abs/evil", "P01/x", "A" * 13, "-P1"):
            with pytest.raises(UserError, match="A pair code is 1 to 12 letters"):
                wf.roster.make_pair(a.id, b.id, code=bad)
            [pair] = wf.roster.pairs()
            with pytest.raises(UserError, match="A pair code is 1 to 12 letters"):
                wf.roster.rename_pair(pair.id, bad)
        assert [p.code for p in wf.roster.pairs()] == ["P01"]


def test_a_signed_pair_with_a_hostile_code_is_told_what_to_write(tmp_path: Path) -> None:
    room = make_room(tmp_path / "room.workshop", ["p0"])
    with WorkshopFile.open(room) as wf:
        [pair] = wf.roster.pairs()
        wf.charters.sign(pair.id, mentor="p0 A", mentee="p0 B")
    conn = sqlite3.connect(room)
    with conn:
        conn.execute("UPDATE pairs SET code = '../x'")
    conn.close()
    other = make_room(tmp_path / "other.workshop", ["q0"])
    report = merge_workshops(out=tmp_path / "all.workshop", inputs=[room, other])
    assert [n.line() for n in report.conflicts] == [
        "pair P02 (p0 A & p0 B), pair code: its charter was signed on paper as '../x' in "
        "room.workshop, but that is not a pair code; write P02 on the signed charter"
    ]
