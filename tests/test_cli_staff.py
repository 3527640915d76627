"""`workshop-app export` and `workshop-app merge`, run as the real command in a subprocess."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from cli_runner import run

from workshop_app.core.demo import CHARTERS
from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture
def demo(tmp_path: Path, app_data: Path) -> Path:
    path = tmp_path / "demo.workshop"
    done = run("demo", str(path), data=app_data)
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize(
    "fmt,name", [("csv", "records.zip"), ("xlsx", "records.xlsx"), ("json", "records.json"),
                 ("ics", "meetings.ics")],
)  # fmt: skip
def test_export_each_format(
    demo: Path, tmp_path: Path, app_data: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    done = run("export", str(demo), "--format", fmt, "--out", str(out), "--timezone",
               "Europe/London", data=app_data)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.is_file() and out.stat().st_size > 0
    assert "left out" in done.stdout and "--include-confidential" in done.stdout
    data = out.read_bytes()
    if zipfile.is_zipfile(out):
        with zipfile.ZipFile(out) as zf:
            data += b"".join(zf.read(n) for n in zf.namelist())
    for charter in CHARTERS:  # every pair's boundaries are private to it
        if "boundaries" in charter.fields:
            assert charter.fields["boundaries"].encode() not in data


def test_export_with_confidential_content_says_so(
    demo: Path, tmp_path: Path, app_data: Path
) -> None:
    out = tmp_path / "all.json"
    done = run("export", str(demo), "--format", "json", "--out", str(out),
               "--include-confidential", data=app_data)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "INCLUDES" in done.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["_about"]["confidential_included"] is True
    assert [p["charter"]["fields"]["boundaries"] for p in doc["pairs"][:5]] == [
        c.fields["boundaries"] for c in CHARTERS[:5]
    ]


def test_export_errors_are_one_line(demo: Path, tmp_path: Path, app_data: Path) -> None:
    done = run("export", str(demo), "--format", "json", "--out",
               str(tmp_path / "missing" / "x.json"), data=app_data)  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("workshop-app: The folder") and "does not exist" in done.stderr
    bad = run("export", str(demo), "--format", "pdf", "--out", "x", data=app_data)
    assert bad.returncode == 2  # argparse: bad usage


def test_merge_prints_the_report(demo: Path, tmp_path: Path, app_data: Path) -> None:
    copy = tmp_path / "room2.workshop"
    shutil.copy(demo, copy)
    out = tmp_path / "merged"
    done = run("merge", str(out), str(demo), str(copy), data=app_data)
    assert done.returncode == 0, done.stderr
    assert "Merged 2 files" in done.stdout and "No conflicts." in done.stdout
    assert (tmp_path / "merged.workshop").is_file()
    again = run("merge", str(tmp_path / "merged.workshop"), str(demo), data=app_data)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_merge_refuses_another_launch(demo: Path, tmp_path: Path, app_data: Path) -> None:
    other = tmp_path / "other.workshop"
    made = run("new", str(other), "--program", "Lift", "--organisation", "Acme", "--date",
               "2027-03-01", data=app_data)  # fmt: skip
    assert made.returncode == 0, made.stderr
    done = run("merge", str(tmp_path / "m.workshop"), str(demo), str(other), data=app_data)
    assert done.returncode == 1
    assert "not from the same launch" in done.stderr
    assert not (tmp_path / "m.workshop").exists()


def test_export_archive(demo: Path, tmp_path: Path, app_data: Path) -> None:
    out = tmp_path / "archive.zip"
    done = run("export", str(demo), "--format", "archive", "--out", str(out), data=app_data)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert {"README.txt", "Workshop summary.pdf", "workshop.json"} <= set(names)
    assert sum(1 for n in names if n.startswith("charters/P")) == 12


def test_merge_lists_every_changed_code_on_one_line_each(
    demo: Path, tmp_path: Path, app_data: Path
) -> None:
    """A room that made its own file is listed first: its new pair took P01, and it holds the
    demo's signed P01 pair under P03. The signed code stays; every change is one line."""
    room = tmp_path / "room-b.workshop"
    sheet = tmp_path / "room-b.csv"
    sheet.write_text(
        "Pair Code,Mentor Name,Mentor Email,Mentee Name,Mentee Email\n"
        "P01,Zoe King,zoe.king@northwind.example,Omar Said,omar.said@northwind.example\n"
        "P03,Margaret Osei,margaret.osei@northwind.example,Daniel Kowalski,"
        "daniel.kowalski@northwind.example\n",
        encoding="utf-8",
    )
    for args in (("new", str(room), "--program", "Accelerate Mentoring Program",
                  "--organisation", "Northwind Logistics", "--date", "2027-01-19"),
                 ("import", str(room), str(sheet))):  # fmt: skip
        done = run(*args, data=app_data)
        assert done.returncode == 0, done.stderr
    done = run("merge", str(tmp_path / "merged.workshop"), str(room), str(demo), data=app_data)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    start = lines.index("Pair codes renamed (charters already printed show the old code):")
    assert lines[start + 1 : start + 4] == [
        "  P01 -> P01-2: Zoe King & Omar Said (from room-b.workshop)",
        "  P03 -> P01: Margaret Osei & Daniel Kowalski (from room-b.workshop)",
        "",
    ]
    assert "No conflicts." in lines  # the demo's check-ins and titles beat the bare import
    with WorkshopFile.open(tmp_path / "merged.workshop", readonly=True) as wf:
        margaret = wf.roster.participant_by_email("margaret.osei@northwind.example")
        assert margaret is not None and margaret.present and margaret.title
        assert wf.workshop().venue  # the demo's program details, not the new file's blanks


@pytest.mark.parametrize(
    "lang,left_out,checkbox,pairs",
    [("de", "Vertrauliche Inhalte der Vereinbarungen wurden ausgelassen.",
      "„Vertrauliche Inhalte einschließen“", "pairs.csv - Tandems und Vereinbarungen ("),
     ("it", "I contenuti riservati degli accordi sono stati esclusi.",
      "“Includi i contenuti riservati”", "pairs.csv - Coppie e accordi (")],
)  # fmt: skip
def test_export_speaks_one_word_for_private_content(
    demo: Path, tmp_path: Path, app_data: Path, monkeypatch: pytest.MonkeyPatch,
    lang: str, left_out: str, checkbox: str, pairs: str,
) -> None:  # fmt: skip
    """A German (Italian) trainer with a German (Italian) workshop: the command's message and
    the README use the tick box's word and quote the tick box as the Export page shows it."""
    with WorkshopFile.open(demo) as wf:
        wf.set_workshop_field("language", lang)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANGUAGE", lang)
    out = tmp_path / "records.zip"
    done = run("export", str(demo), "--format", "csv", "--out", str(out), data=app_data)
    assert done.returncode == 0, done.stderr
    assert left_out in done.stdout
    with zipfile.ZipFile(out) as zf:
        readme = zf.read("README.txt").decode("utf-8-sig")
    assert checkbox in readme and pairs in readme
