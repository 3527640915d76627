"""`workshop-app checkins import|form`, as staff run them: exit status, messages, the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cli_runner import run

from workshop_app.cli import main
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

DATA = Path(__file__).resolve().parent / "data" / "checkins"


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "program.workshop"
    with WorkshopFile.create(
        path, program="Accelerate", organisation="Harbourline", date="2026-12-01"
    ) as wf:
        apply_import(wf, plan_import(wf, DATA / "roster.csv"))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checkin_count(path: Path) -> int:
    with WorkshopFile.open(path, readonly=True) as wf:
        return int(wf.conn.execute("SELECT COUNT(*) FROM checkins").fetchone()[0])


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    if args[:2] == ("checkins", "import"):  # judged after the exports were sent (in 2027)
        args = (*args, "--today", "2027-06-01")
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_again(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "checkins", "import", workshop, DATA / "ms_forms_en.xlsx")
    assert (code, err) == (0, "")
    assert out == (
        "Imported ms_forms_en.xlsx (mapping 'ms_forms_en'): 3 responses imported, 1 meeting "
        "logged; 0 responses already imported.\n"
    )
    code, out, _ = cli(capsys, "checkins", "import", workshop, DATA / "ms_forms_en.xlsx")
    assert code == 0 and "0 responses imported" in out and "3 responses already imported" in out
    assert checkin_count(workshop) == 3


def test_dry_run_shows_the_mapping_and_the_pairs_and_changes_nothing(
    workshop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(workshop)
    code, out, err = cli(
        capsys, "checkins", "import", workshop, DATA / "google_forms_de.csv", "--dry-run"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == [
        "Dry run, nothing imported. Would import:",
        "google_forms_de.csv: a Google Forms export, a new mapping, saved as 'google_forms_de'",
        "  2 responses to import, from 1 pair; 0 responses already imported",
    ]
    assert "  Wie gut passt euer Tandem? -> Fit (good, still deciding, not a fit)" in out
    assert "  + row 2: P02 mentor (Anna Schmidt)" in out
    assert "  + row 3: P02 mentee (Lukas Müller)" in out
    assert digest(workshop) == before


def test_problems_exit_1_with_every_row_listed(
    workshop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "check-in.csv"
    export.write_text(
        'Timestamp,Email Address,"Your pair code (on your charter, e.g. P07)",'
        '"How far has goal 1 of your charter moved? (1 = not started, 5 = achieved)"\n'
        "1/19/2027 14:03:22,giulia.rossi@harbourline.example,P01,7\n"
        "1/19/2027 15:03:22,nobody@elsewhere.example,P42,3\n",
        encoding="utf-8",
    )
    before = digest(workshop)
    code, out, err = cli(capsys, "checkins", "import", workshop, export)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "workshop-app: check-in.csv has 2 problems; nothing was imported.",
        "  check-in.csv, row 2, column 'How far has goal 1 of your charter moved? (1 = not "
        "started, 5 = achieved)': '7' is not from 1 to 5",
        "  check-in.csv, row 3, column 'Your pair code (on your charter, e.g. P07)': matches no "
        "pair in this workshop (code 'P42', email nobody@elsewhere.example)",
    ]
    assert digest(workshop) == before


@pytest.mark.parametrize(
    ("export", "message"),
    [
        ("missing.xlsx", "workshop-app: There is no survey export {dir}/missing.xlsx."),
        (".", "workshop-app: {dir} is a folder; pick a survey export (.xlsx, .csv or .tsv)."),
    ],
)
def test_a_file_that_is_not_there_or_a_folder(
    workshop: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    export: str,
    message: str,
) -> None:
    path = tmp_path / export if export != "." else tmp_path
    code, _, err = cli(capsys, "checkins", "import", workshop, path)
    assert (code, err) == (1, message.format(dir=tmp_path) + "\n")


def test_mapping_by_name(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(
        capsys, "checkins", "import", workshop, DATA / "qualtrics_text.csv", "--mapping", "x"
    )
    assert (code, err) == (
        1,
        "workshop-app: There is no saved mapping named 'x' (saved mappings: none yet).\n",
    )
    cli(capsys, "checkins", "import", workshop, DATA / "qualtrics_text.csv")
    code, out, _ = cli(
        capsys,
        "checkins",
        "import",
        workshop,
        DATA / "qualtrics.tsv",
        "--mapping",
        "qualtrics_text",
        "--dry-run",
    )
    assert code == 0 and "the saved mapping 'qualtrics_text'" in out


def test_form_prints_the_ready_form(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(workshop)
    code, out, err = cli(capsys, "checkins", "form", workshop)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Accelerate: check-in"
    assert "1. Your pair code (on your charter, e.g. P07) (short text, required)" in lines
    assert "   - Still deciding" in lines
    assert digest(workshop) == before


def test_the_ready_forms_questions_map_themselves(
    workshop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Google Forms export of the printed form, its headers copied from the printout."""
    cli(capsys, "checkins", "form", workshop)
    code, out, _ = cli(capsys, "checkins", "form", workshop)
    questions = [
        line.split(". ", 1)[1].rsplit(" (", 1)[0]
        for line in out.splitlines()
        if line[:1].isdigit() and ". " in line
    ]
    export = tmp_path / "ready.csv"
    export.write_text("Timestamp," + ",".join(f'"{q}"' for q in questions) + "\n", encoding="utf-8")
    with open(export, "a", encoding="utf-8") as f:
        f.write("1/19/2027 14:03:22,P05,Mentee,Day 90,4,1/12/2027,2,3,4,Not a fit,2,")
        f.write('"Yes, we\'d like help from the program team",Thanks\n')
    code, out, _ = cli(capsys, "checkins", "import", workshop, export, "--dry-run")
    assert code == 0
    assert "columns not used" not in out
    assert "  + row 2: P05 mentee (Alex Morgan)" in out


def test_bad_usage_exits_2(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["checkins"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["checkins", "import", str(workshop)])
    assert exit_.value.code == 2


def test_the_real_command(workshop: Path, app_data: Path) -> None:
    done = run(
        "checkins",
        "import",
        str(workshop),
        str(DATA / "qualtrics.tsv"),
        "--today",
        "2027-06-01",
        data=app_data,
    )
    assert done.returncode == 0, done.stderr
    assert "3 responses imported" in done.stdout
    assert checkin_count(workshop) == 3
