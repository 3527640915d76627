"""The charter's second edition in the staff exports: each goal's baseline (withheld with a
private goal), whether a signature's open sections were completed on paper, and the
program's new fields in the JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from workshop_app.core.exports.formats import export_workshop
from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture
def wf(new_workshop: WorkshopFile) -> WorkshopFile:
    """One pair, signed with sections open that were completed on paper; a rated goal and a
    private one, and the program's new fields filled."""
    w = new_workshop
    w.set_workshop_field("return_copy_to", "Priya Nair, People team")
    w.set_workshop_field("return_copy_by", "2027-02-05")
    w.set_workshop_field("mentor_boundary", "No advocacy for promotion.")
    w.set_workshop_field("manager_acknowledgement", "yes")
    ana = w.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
    bo = w.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
    pid = w.roster.make_pair(ana.id, bo.id).id
    for part, value in (("goal", "Lead the planning"), ("baseline", "3")):
        w.charters.set_goal_part(pid, 1, part, value)
    for part, value in (("goal", "A private aim"), ("baseline", "1"), ("private", True)):
        w.charters.set_goal_part(pid, 2, part, value)
    w.charters.set_field(pid, "purpose", "Grow into a team lead")
    w.charters.sign(pid, mentor="Ana Souza", mentee="Bo Li", paper_completed=True)
    return w


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_the_baseline_and_the_paper_answer(wf: WorkshopFile, tmp_path: Path) -> None:
    out = export_workshop(wf, format="csv", out=tmp_path / "records", timezone="UTC").path
    goals = read_csv(out / "goals.csv")
    assert [(g["position"], g["baseline"]) for g in goals] == [("1", "3"), ("2", "")]
    signed = read_csv(out / "signoffs.csv")
    assert {(s["role"], s["open_sections"], s["paper_completed"]) for s in signed} == {
        ("mentor", "2,3,4,5,6,7,8,9,10,11", "yes"),
        ("mentee", "2,3,4,5,6,7,8,9,10,11", "yes"),
    }


def test_xlsx_rates_as_numbers(wf: WorkshopFile, tmp_path: Path) -> None:
    out = export_workshop(wf, format="xlsx", out=tmp_path / "records.xlsx", timezone="UTC").path
    book = openpyxl.load_workbook(out)
    rows = list(book["SMART goals"].iter_rows(values_only=True))
    column = rows[0].index("baseline")
    assert [r[column] for r in rows[1:]] == [3, None]
    signed = list(book["Sign-offs"].iter_rows(values_only=True))
    assert signed[1][signed[0].index("paper_completed")] is True


def test_json_has_the_new_fields_and_withholds_a_private_goals_rating(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    out = export_workshop(wf, format="json", out=tmp_path / "w.json", timezone="UTC").path
    doc = json.loads(out.read_text(encoding="utf-8"))
    workshop = doc["workshop"]
    assert (workshop["return_copy_to"], workshop["return_copy_by"]) == (
        "Priya Nair, People team",
        "2027-02-05",
    )
    assert workshop["mentor_boundary"] == "No advocacy for promotion."
    assert workshop["manager_acknowledgement"] == "yes"
    [pair] = doc["pairs"]
    first, private = pair["charter"]["goals"]
    assert first["baseline"] == "3"
    assert private == {"id": private["id"], "position": 2, "private": True, "withheld": True}
    assert {(tuple(s["open_sections"]), s["paper_completed"]) for s in pair["signoffs"]} == {
        ((2, 3, 4, 5, 6, 7, 8, 9, 10, 11), True)
    }
    [signed] = pair["signed_versions"]
    assert [g.get("baseline") for g in signed["goals"]] == ["3", None]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_a_rating_edited_outside_the_app_is_exported_as_stored(
    wf: WorkshopFile, tmp_path: Path, fmt: str
) -> None:
    """A file changed with another tool, its check constraint bypassed: the export still
    runs, and the value the app never writes goes out as it is stored."""
    wf.conn.execute("PRAGMA ignore_check_constraints = 1")
    with wf.conn:
        wf.conn.execute("UPDATE goals SET baseline = '<b>9' WHERE position = 1")
    out = export_workshop(wf, format=fmt, out=tmp_path / f"records.{fmt}", timezone="UTC").path
    if fmt == "csv":
        assert read_csv(out / "goals.csv")[0]["baseline"] == "<b>9"
    elif fmt == "xlsx":
        rows = list(openpyxl.load_workbook(out)["SMART goals"].iter_rows(values_only=True))
        assert rows[1][rows[0].index("baseline")] == "<b>9"
    else:
        assert "<b>9" in out.read_text(encoding="utf-8")
