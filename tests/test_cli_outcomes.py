"""`workshop-app outcomes`, run as the real command in a subprocess: the format from the name
or --format, the report's date, comments only when asked, one-line messages for what the user
can fix (exit 1) and bad usage (exit 2), and the workshop never changed."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from cli_runner import run, unprivileged
from outcomes_program import make_program
from pypdf import PdfReader


@pytest.fixture
def program(tmp_path: Path) -> Path:
    return make_program(tmp_path / "program.workshop")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_pdf_and_a_workbook(program: Path, tmp_path: Path, app_data: Path) -> None:
    before = digest(program)
    pdf = tmp_path / "outcomes.pdf"
    done = run("outcomes", str(program), "--out", str(pdf), "--today", "2027-05-01",
               data=app_data)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Wrote {pdf}: the outcomes report for 10 pairs, as of 2027-05-01\n"
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "As of 1 May 2027" in text and "COMMENT" not in text

    book = tmp_path / "figures"
    done = run("outcomes", str(program), "--out", str(book), "--format", "XLSX",
               "--include-comments", "--today", "2027-05-01", data=app_data)  # fmt: skip
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(tmp_path / "figures.xlsx")
    assert wb["Comments"]["A2"].value == "=COMMENT 0 it helps"
    assert wb["Comments"]["A2"].data_type == "s"
    assert digest(program) == before  # opened read-only


def test_the_same_data_and_date_give_the_same_bytes(program, tmp_path, app_data) -> None:
    outs = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for out in outs:
        done = run("outcomes", str(program), "--out", str(out), "--today", "2027-05-01",
                   data=app_data)  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "{tmp}/report.txt"],
         "report.txt: name the report .pdf or .xlsx, or choose --format pdf or xlsx."),
        (["--out", "{tmp}/report.pdf", "--format", "xlsx"],
         "report.pdf is named for PDF, not XLSX."),
        (["--out", "{tmp}/missing/report.pdf"],
         "The folder {tmp}/missing does not exist: nothing was written."),
        (["--out", "{tmp}/folder.pdf"],
         "{tmp}/folder.pdf is a folder; give a file name for the export."),
    ],
)  # fmt: skip
def test_one_line_for_what_the_user_can_fix(program, tmp_path, app_data, args, message) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    (tmp_path / "folder.pdf").mkdir()
    done = run("outcomes", str(program), *args, data=app_data)
    assert done.returncode == 1
    assert done.stderr == f"workshop-app: {message.replace('{tmp}', str(tmp_path))}\n"
    assert not list(tmp_path.glob("report*")) and not any((tmp_path / "folder.pdf").iterdir())


def test_a_workshop_that_is_not_there_or_not_a_workshop(tmp_path, app_data) -> None:
    done = run("outcomes", str(tmp_path / "none.workshop"), "--out", str(tmp_path / "r.pdf"),
               data=app_data)  # fmt: skip
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    junk = tmp_path / "junk.workshop"
    junk.write_bytes(b"\x00" * 4096)
    done = run("outcomes", str(junk), "--out", str(tmp_path / "r.pdf"), data=app_data)
    assert done.returncode == 1 and done.stderr.startswith("workshop-app: ")
    assert not (tmp_path / "r.pdf").exists()


def test_a_folder_that_cannot_be_written(program: Path, tmp_path: Path, app_data) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        prefix = unprivileged()
        env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(app_data)}
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "workshop_app", "outcomes", str(program), "--out",
             str(folder / "r.pdf"), "--today", "2027-05-01"],
            capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
    finally:
        os.chmod(folder, 0o700)
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        f"workshop-app: You do not have permission to write in {folder}: nothing was written "
        f"to {folder / 'r.pdf'}.\n"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("today", ["2027-13-01", "tomorrow", ""])
def test_bad_usage(program: Path, tmp_path: Path, app_data: Path, today: str) -> None:
    done = run("outcomes", str(program), "--out", str(tmp_path / "r.pdf"), "--today", today,
               data=app_data)  # fmt: skip
    assert done.returncode == 2
    assert "is not a date: use YYYY-MM-DD" in done.stderr
    done = run("outcomes", str(program), data=app_data)
    assert done.returncode == 2 and "--out" in done.stderr
