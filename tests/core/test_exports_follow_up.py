"""The staff exports carry the records after the launch: check-ins (their comments only with
--include-confidential), the contact and meeting log, reviews and closures, with the column
names of docs/exports.md and the same keys whatever the data; a comment that looks like a
formula stays text."""

from __future__ import annotations

import csv
import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.core.follow_up_rows import add_checkin, add_contact, add_review
from workshop_app.core.exports.formats import export_workshop
from workshop_app.core.exports.tables import FOLLOW_UP_COLUMNS
from workshop_app.core.followup import closing
from workshop_app.core.store.workshop_file import WorkshopFile

COMMENT = '=HYPERLINK("http://evil.example","my mentor is never there")'
DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def wf(new_workshop: WorkshopFile) -> WorkshopFile:
    wf = new_workshop
    for n in (1, 2):
        a = wf.roster.add_participant(role="mentor", name=f"Mentor {n}", email=f"m{n}@x.example")
        b = wf.roster.add_participant(role="mentee", name=f"Mentee {n}", email=f"e{n}@x.example")
        wf.roster.make_pair(a.id, b.id)
    p1 = wf.roster.pair_by_code("P01")
    assert p1 is not None
    checkin = add_checkin(wf, p1.id, comment=COMMENT, wants_help=1, goal2_progress=2)
    add_contact(wf, p1.id, kind="checkin", checkin_id=checkin, text="Mentee checked in",
                on_date="2027-02-20")  # fmt: skip
    add_contact(wf, p1.id, kind="cancelled", who="mentor", text="Mentor ill", on_date="2027-03-02")
    add_review(wf, p1.id, plans_used="The quiet plan", changes="Meet weekly", charter_version=2)
    closing.close_pairing(wf, p1.id, closed_on=date(2027, 4, 2), reason="Mentee moved abroad",
                          asked_by="mentee", rematched=True, today=date(2027, 5, 1))  # fmt: skip
    return wf


def export(wf: WorkshopFile, fmt: str, out: Path, **kw: Any) -> Path:
    return export_workshop(wf, format=fmt, out=out, timezone="Europe/London", **kw).path


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_carries_every_follow_up_table_without_comments(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    out = export(wf, "csv", tmp_path / "records")
    checkins = read_csv(out / "checkins.csv")
    assert list(checkins[0]) == ["pair_code", *(n for n, _ in FOLLOW_UP_COLUMNS["checkins"])]
    assert checkins == [
        {"pair_code": "P01", "role": "mentee", "submitted_at": "2027-02-20T10:00",
         "checkpoint_day": "30", "meetings_held": "2", "last_meeting": "2027-02-18",
         "goal1_progress": "3", "goal2_progress": "2", "goal3_progress": "", "fit": "good",
         "satisfaction": "4", "wants_help": "yes", "comment": ""}
    ]  # fmt: skip
    log = read_csv(out / "contact_log.csv")
    assert [(r["on_date"], r["kind"], r["who"], r["text"], r["from_checkin"]) for r in log] == [
        ("2027-02-20", "checkin", "both", "Mentee checked in", "yes"),
        ("2027-03-02", "cancelled", "mentor", "Mentor ill", "no"),
    ]
    (review,) = read_csv(out / "reviews.csv")
    assert (review["checkpoint_day"], review["cadence_kept"], review["changes"]) == (
        "90", "yes", "Meet weekly")  # fmt: skip
    (closure,) = read_csv(out / "closures.csv")
    assert closure == {"pair_code": "P01", "closed_on": "2027-04-02", "kind": "no_fault",
                       "reason": "Mentee moved abroad", "asked_by": "mentee", "rematched": "yes",
                       "goal1_outcome": "", "goal2_outcome": "", "goal3_outcome": ""}  # fmt: skip
    readme = (out / "README.txt").read_text("utf-8-sig")
    assert "check-ins (comment)" in readme and "contact_log.csv" in readme
    assert b"never there" not in b"".join(p.read_bytes() for p in out.iterdir())


def test_the_comment_is_included_when_asked_and_stays_text(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    out = export(wf, "csv", tmp_path / "records", include_confidential=True)
    assert read_csv(out / "checkins.csv")[0]["comment"] == "'" + COMMENT  # never run as formula
    book = export(wf, "xlsx", tmp_path / "records.xlsx", include_confidential=True)
    sheet = openpyxl.load_workbook(book)["Check-ins"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("comment") + 1)
    assert cell.value == COMMENT and cell.data_type == "s"  # a string, not a formula
    with zipfile.ZipFile(book) as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml
    assert sheet.cell(row=2, column=header.index("submitted_at") + 1).value == datetime(
        2027, 2, 20, 10, 0
    )


def test_xlsx_has_a_sheet_per_follow_up_table(wf: WorkshopFile, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export(wf, "xlsx", tmp_path / "records.xlsx"))
    for title, source in (("Check-ins", "checkins"), ("Contact and meeting log", "contacts"),
                          ("Checkpoint reviews", "reviews"), ("Closures", "closures")):  # fmt: skip
        header = [c.value for c in book[title][1]]
        assert header == ["pair_code", *(n for n, _ in FOLLOW_UP_COLUMNS[source])]
    rows = list(book["Check-ins"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1 and rows[0][-1] is None  # the comment left out


def test_json_carries_them_per_pair_with_stable_keys(wf: WorkshopFile, tmp_path: Path) -> None:
    doc = json.loads(export(wf, "json", tmp_path / "r.json").read_text("utf-8"))
    p1, p2 = doc["pairs"]
    assert (p1["checkins"][0]["comment"], p1["checkins"][0]["wants_help"]) == (None, True)
    assert set(p1["checkins"][0]) == {n for n, _ in FOLLOW_UP_COLUMNS["checkins"]}
    assert [e["kind"] for e in p1["log"]] == ["checkin", "cancelled"]
    assert p1["reviews"][0]["charter_version"] == 2
    assert p1["closure"] == {"closed_on": "2027-04-02", "kind": "no_fault",
                             "reason": "Mentee moved abroad", "asked_by": "mentee",
                             "rematched": True, "goal1_outcome": "", "goal2_outcome": "",
                             "goal3_outcome": ""}  # fmt: skip
    assert (p2["checkins"], p2["log"], p2["reviews"], p2["closure"]) == ([], [], [], None)
    assert "the comments written in check-ins (comment)" in doc["_about"]["left_out"]
    assert doc["workshop"]["program_closed_on"] == "" and doc["workshop"]["anonymised_on"] == ""
    included = json.loads(
        export(wf, "json", tmp_path / "c.json", include_confidential=True).read_text("utf-8")
    )
    assert included["pairs"][0]["checkins"][0]["comment"] == COMMENT


def test_the_docs_name_every_exported_column() -> None:
    exports, schema = (DOCS / "exports.md").read_text(), (DOCS / "json-schema.md").read_text()
    for columns in FOLLOW_UP_COLUMNS.values():
        for name, _ in columns:
            assert f"`{name}`" in exports, name
            assert f'"{name}"' in schema, name
