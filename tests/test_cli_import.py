"""`workshop-app import` run for real, as a separate process, the way staff run it."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.core.store.workshop_file import WorkshopFile

ROSTERS = Path(__file__).resolve().parent / "data" / "rosters"


def run(
    tmp_path: Path, *args: str | Path, language: str = "en"
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "WORKSHOP_APP_DATA_DIR": str(tmp_path / "appdata"),
        "LANGUAGE": language,
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "launch.workshop"
    done = run(
        tmp_path, "new", path, "--program", "Accelerate", "--organisation", "Harbourline",
        "--date", "2026-12-01",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert path.exists()
    return path


def counts(path: Path) -> tuple[int, int]:
    with WorkshopFile.open(path, readonly=True) as wf:
        return len(wf.roster.participants()), len(wf.roster.pairs())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_of_a_good_roster(tmp_path: Path, workshop: Path) -> None:
    done = run(tmp_path, "import", workshop, ROSTERS / "participants_pair_codes.csv")
    assert done.returncode == 0, done.stderr
    assert "12 participants added" in done.stdout
    assert "6 pairs made" in done.stdout
    assert done.stderr == ""
    assert counts(workshop) == (12, 6)

    again = run(tmp_path, "import", workshop, ROSTERS / "participants_pair_codes.csv")
    assert again.returncode == 0, again.stderr
    assert "0 participants added, 0 updated, 0 pairs made" in again.stdout
    assert counts(workshop) == (12, 6)


def test_import_of_an_xlsx_roster(tmp_path: Path, workshop: Path) -> None:
    done = run(tmp_path, "import", workshop, ROSTERS / "pairs.xlsx")
    assert done.returncode == 0, done.stderr
    assert "6 participants added" in done.stdout and "3 pairs made" in done.stdout
    assert counts(workshop) == (6, 3)


def test_dry_run_prints_what_would_be_imported_and_changes_nothing(
    tmp_path: Path, workshop: Path
) -> None:
    before = digest(workshop)
    done = run(tmp_path, "import", workshop, ROSTERS / "cp1252_accents.csv", "--dry-run")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "nothing imported" in out.lower()
    assert "6 participants to add" in out
    assert "3 pairs to make" in out
    assert "José Muñoz <jose.munoz@iberica.example>" in out
    assert "Zoë O’Connor <zoe.oconnor@iberica.example>" in out
    assert "P01: jose.munoz@iberica.example + juergen.mueller@iberica.example" in out
    assert counts(workshop) == (0, 0)
    assert digest(workshop) == before


def test_dry_run_shows_updates_of_a_second_import(tmp_path: Path, workshop: Path) -> None:
    roster = ROSTERS / "participants_pair_codes.csv"
    assert run(tmp_path, "import", workshop, roster).returncode == 0
    text = roster.read_text(encoding="utf-8")
    changed = tmp_path / "roster_v2.csv"
    changed.write_text(text.replace("Shift Supervisor", "Production Manager"), encoding="utf-8")
    done = run(tmp_path, "import", workshop, changed, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "0 participants to add, 1 to update, 11 already up to date" in done.stdout
    assert "Priya Raman: title -> Production Manager" in done.stdout
    with WorkshopFile.open(workshop, readonly=True) as wf:
        priya = wf.roster.participant_by_email("priya.raman@harbourline.example")
        assert priya is not None and priya.title == "Shift Supervisor"


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
def test_bad_roster_exits_1_naming_file_row_and_column(
    tmp_path: Path, workshop: Path, dry_run: bool
) -> None:
    extra = ["--dry-run"] if dry_run else []
    done = run(tmp_path, "import", workshop, ROSTERS / "one_invalid_email.csv", *extra)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "nothing was imported" in done.stderr
    assert (
        "one_invalid_email.csv, row 7, column 'Email': 'mathieu.lefebvre@cobaltair'"
        " is not an email address" in done.stderr
    )
    assert done.stdout == ""
    assert counts(workshop) == (0, 0)


def test_one_pair_is_one_pair(tmp_path: Path, workshop: Path) -> None:
    roster = tmp_path / "one pair.csv"
    roster.write_text(
        "Mentor Name,Mentor Email,Mentee Name,Mentee Email\n"
        "Ana Souza,ana@example.org,Bo Li,bo@example.org\n",
        encoding="utf-8",
    )
    done = run(tmp_path, "import", workshop, roster)
    assert done.returncode == 0, done.stderr
    assert "2 participants added, 0 updated, 1 pair made." in done.stdout


def test_roster_with_many_problems_lists_them_all(tmp_path: Path, workshop: Path) -> None:
    done = run(tmp_path, "import", workshop, ROSTERS / "bad_roles.csv")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "bad_roles.csv has 3 problems; nothing was imported." in done.stderr
    for row in (3, 5, 6):
        assert f"bad_roles.csv, row {row}, column 'Participant Type':" in done.stderr


@pytest.mark.parametrize(
    ("roster", "message"),
    [
        ("no_such_roster.csv", "There is no roster file"),
        ("empty.csv", "empty.csv is empty"),
    ],
)
def test_unreadable_roster_exits_1_with_a_message(
    tmp_path: Path, workshop: Path, roster: str, message: str
) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    done = run(tmp_path, "import", workshop, tmp_path / roster)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["import"],
        ["import", "launch.workshop"],
        ["import", "launch.workshop", "roster.csv", "--no-such-option"],
    ],
    ids=["no-arguments", "no-roster", "unknown-option"],
)
def test_bad_usage_exits_2(tmp_path: Path, args: list[str]) -> None:
    done = run(tmp_path, *args)
    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "roster", ["it_hr_participants.csv", "de_hr_participants.csv", "fr_pairs.xlsx"]
)
def test_import_of_an_italian_german_or_french_export(
    tmp_path: Path, workshop: Path, roster: str
) -> None:
    done = run(tmp_path, "import", workshop, ROSTERS / roster)
    assert done.returncode == 0, done.stderr
    assert "4 participants added" in done.stdout and "2 pairs made" in done.stdout
    assert "columns not used" not in done.stdout
    assert counts(workshop) == (4, 2)


# What `import` says in Italian and German: the columns its --help names, a column missing, a
# field updated and a person added by a dry run, and a file that is not there.
SAID = {
    "it": (
        "Le colonne: Ruolo, Nominativo, Email e una colonna Codice coppia o Email del partner",
        "elenco.csv, riga 1: manca la colonna Ruolo o Role (mentor o mentee)",
        ["~ Marta Ricci: reparto -> Finanza", "+ mentor Paolo Greco <p@x.example>"],
        "workshop-app: Il file dell'elenco dei partecipanti {path} non esiste.",
    ),
    "de": (
        "Die Spalten: Rolle, Name, E-Mail und eine Spalte Tandem-Nr. oder E-Mail Tandempartner",
        "elenco.csv, Zeile 1: die Spalte Rolle oder Role (Mentor oder Mentee) fehlt",
        ["~ Marta Ricci: Abteilung -> Finanza", "+ Mentor Paolo Greco <p@x.example>"],
        "workshop-app: Die Teilnehmerliste {path} gibt es nicht.",
    ),
}


@pytest.mark.parametrize("language", SAID)
def test_import_names_the_columns_in_the_interface_language(
    tmp_path: Path, workshop: Path, language: str
) -> None:
    columns, missing, updated, not_there = SAID[language]
    shown = run(tmp_path, "import", "--help", language=language)
    assert columns in " ".join(shown.stdout.split()), shown.stdout
    roster = tmp_path / "elenco.csv"
    roster.write_text("Ruolo;Nominativo;Email;Reparto\nMentee;Marta Ricci;m@x.example;Vendite\n")
    assert run(tmp_path, "import", workshop, roster).returncode == 0
    roster.write_text("Nominativo;Email;Reparto\nMarta Ricci;m@x.example;Finanza\n")
    refused = run(tmp_path, "import", workshop, roster, language=language)
    assert (refused.returncode, refused.stderr.splitlines()[1:]) == (1, [f"  {missing}"])
    roster.write_text(
        "Ruolo;Nominativo;Email;Reparto\nMentee;Marta Ricci;m@x.example;Finanza\n"
        "Mentor;Paolo Greco;p@x.example;Vendite\n"
    )
    dry = run(tmp_path, "import", workshop, roster, "--dry-run", language=language)
    lines = [" ".join(line.split()) for line in dry.stdout.splitlines()]
    assert all(line in lines for line in updated), dry.stdout
    gone = tmp_path / "nessuno.csv"
    absent = run(tmp_path, "import", workshop, gone, language=language)
    assert absent.stderr == not_there.format(path=gone) + "\n"
