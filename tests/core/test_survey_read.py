"""Reading check-in survey exports as the tools write them, and refusing what is not one.

Every refusal is one line that names the file (and the row and column where there is one).
"""

from __future__ import annotations

import codecs
import io
import zipfile
from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.followup.survey_dates import day_first_for, parse_when
from workshop_app.core.followup.survey_read import MAX_CELL, read_survey

DATA = Path(__file__).resolve().parents[1] / "data" / "checkins"


@pytest.mark.parametrize(
    ("name", "tool", "header_rows", "rows", "questions"),
    [
        ("ms_forms_en.xlsx", "ms_forms", 1, [2, 3, 4], 13),
        ("ms_forms_it.xlsx", "ms_forms", 1, [2, 3], 10),
        ("google_forms_pt.csv", "google_forms", 1, [2, 3], 10),
        ("google_forms_de.csv", "google_forms", 1, [2, 3], 10),
        ("qualtrics_text.csv", "qualtrics", 3, [4, 5, 6], 12),
        ("qualtrics_codes.csv", "qualtrics", 3, [4, 5, 6], 12),
        ("qualtrics.tsv", "qualtrics", 3, [4, 5, 6], 12),
    ],
)
def test_each_tools_export_is_told_by_its_headers(
    name: str, tool: str, header_rows: int, rows: list[int], questions: int
) -> None:
    table = read_survey(DATA / name)
    assert table.shape.tool == tool
    assert table.shape.header_rows == header_rows
    assert [number for number, _ in table.rows] == rows
    assert len(table.questions) == questions
    # The tool's own columns are never questions.
    own = {table.headers[i] for i in table.shape.own_columns}
    assert not own & {q.header for q in table.questions}


def test_microsoft_forms_own_columns_in_italian_include_the_last_modified_time() -> None:
    table = read_survey(DATA / "ms_forms_it.xlsx")
    assert [table.headers[i] for i in sorted(table.shape.own_columns)] == [
        "ID",
        "Ora di inizio",
        "Ora di completamento",
        "Posta elettronica",
        "Nome",
        "Ora dell'ultima modifica",
    ]
    assert table.shape.day_first
    assert table.rows[0][1][3] == "anonymous"


def test_qualtrics_questions_are_read_by_their_text_in_the_second_header_row() -> None:
    table = read_survey(DATA / "qualtrics_text.csv")
    first = table.questions[0]
    assert (first.header, first.text) == ("Q1", "Your pair code (on your charter, e.g. P07)")
    assert table.headers[0] == "StartDate"  # the BOM is not part of the first header


def test_the_utf16_tsv_reads_as_the_utf8_csv_does() -> None:
    assert read_survey(DATA / "qualtrics.tsv").rows == read_survey(DATA / "qualtrics_text.csv").rows


def test_a_comment_over_two_lines_stays_in_its_row() -> None:
    table = read_survey(DATA / "qualtrics_text.csv")
    assert table.rows[0][1][-1] == "Hélène is\nmaking real progress, ahead of plan."


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("19/01/2027 14:03:22", True, datetime(2027, 1, 19, 14, 3, 22)),
        ("19.01.2027 14:03:22", True, datetime(2027, 1, 19, 14, 3, 22)),
        ("1/19/2027 14:03:22", False, datetime(2027, 1, 19, 14, 3, 22)),
        ("05/02/2027 09:10:00", True, datetime(2027, 2, 5, 9, 10)),
        ("05/02/2027 09:10:00", False, datetime(2027, 5, 2, 9, 10)),
        ("2027/01/19 2:03:22 PM GMT", False, datetime(2027, 1, 19, 14, 3, 22, tzinfo=UTC)),
        (
            "2027/01/19 2:03:22 AM GMT+1",
            True,
            datetime(2027, 1, 19, 2, 3, 22, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("2027/01/19 12:03:22 AM GMT-05:30", False, None),  # checked below: midnight, -05:30
        ("2027-01-19 14:03:22", True, datetime(2027, 1, 19, 14, 3, 22)),
        ("2027-01-19", True, datetime(2027, 1, 19)),
        ("31/02/2027", True, None),
        ("next Tuesday", True, None),
        ("2027/01/19 13:03:22 PM GMT", False, None),
    ],
)
def test_dates_as_the_tools_write_them(
    text: str, day_first: bool, expected: datetime | None
) -> None:
    when = parse_when(text, day_first=day_first)
    if text.endswith("-05:30"):
        assert when == datetime(
            2027, 1, 19, 0, 3, 22, tzinfo=timezone(-timedelta(hours=5, minutes=30))
        )
    else:
        assert when == expected


def test_a_day_over_12_decides_the_order_for_the_whole_column() -> None:
    assert day_first_for(["03/04/2027", "19/04/2027"], hint=False)
    assert not day_first_for(["03/04/2027", "04/19/2027"], hint=True)
    assert day_first_for(["03/04/2027"], hint=True)


# -- what is not a survey export -----------------------------------------------------------


def refused(path: Path) -> str:
    with pytest.raises(UserError) as caught:
        read_survey(path)
    message = caught.value.message
    assert "\n" not in message
    return message


def test_a_file_that_is_not_there_and_a_folder(tmp_path: Path) -> None:
    assert refused(tmp_path / "gone.csv") == f"There is no survey export {tmp_path / 'gone.csv'}."
    assert "is a folder" in refused(tmp_path)


def test_a_roster_is_not_a_survey_and_says_so() -> None:
    message = refused(DATA / "roster.csv")
    assert message.startswith("roster.csv, row 1: this is not a survey export")
    assert "It looks like a roster" in message


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "check-in.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a workbook")
    path.write_bytes(buffer.getvalue())
    assert refused(path).startswith("check-in.xlsx is not a readable Excel workbook")


def test_a_truncated_workbook(tmp_path: Path) -> None:
    data = (DATA / "ms_forms_en.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert refused(path).startswith("cut.xlsx is not a readable Excel workbook")


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


MS_HEADERS = ["ID", "Start time", "Completion time", "Email", "Name"]


def _with_shared_strings(source: Path, out: Path, shared: bytes) -> Path:
    """`source` (openpyxl's, which writes its strings inline) with a shared strings part, as
    Excel and Microsoft Forms write a workbook, holding `shared`; cell A1 uses its first string."""
    with zipfile.ZipFile(source) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["xl/sharedStrings.xml"] = shared
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats'
        b'-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    sheet = parts["xl/worksheets/sheet1.xml"]
    first = sheet.index(b'<c r="A1"')
    parts["xl/worksheets/sheet1.xml"] = (
        sheet[:first] + b'<c r="A1" t="s"><v>0</v></c>' + sheet[sheet.index(b"</c>", first) + 4 :]
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out


SST = (
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1">'
)


def test_shared_strings_are_read_as_excel_writes_them(tmp_path: Path) -> None:
    path = _with_shared_strings(
        DATA / "ms_forms_en.xlsx", tmp_path / "shared.xlsx", SST + b"<si><t>ID</t></si></sst>"
    )
    assert read_survey(path).shape.tool == "ms_forms"


def test_entities_in_the_shared_strings_are_refused_not_expanded(tmp_path: Path) -> None:
    entities = b"".join(
        b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1)) * 10 if i else b"lol") for i in range(10)
    )
    laughs = b'<?xml version="1.0"?><!DOCTYPE sst [' + entities + b"]>" + SST
    laughs += b"<si><t>&l9;</t></si></sst>"
    bomb = _with_shared_strings(DATA / "ms_forms_en.xlsx", tmp_path / "laughs.xlsx", laughs)
    assert refused(bomb).startswith("laughs.xlsx is not a readable Excel workbook")


def test_a_huge_cell_is_named_by_row_and_column(tmp_path: Path) -> None:
    big = "x" * 1_000_000
    csv_path = tmp_path / "huge.csv"
    csv_path.write_text(f"Timestamp,Anything else?\n19/01/2027 14:03:22,{big}\n", encoding="utf-8")
    assert refused(csv_path) == (
        "huge.csv, row 2, column 'Anything else?': the cell holds 1,000,000 characters; an "
        f"answer is at most {MAX_CELL:,} (a spreadsheet cell's limit)."
    )
    # openpyxl writes no cell over Excel's limit, so the megabyte goes into the sheet's XML.
    source = _workbook(
        tmp_path / "small.xlsx", [[*MS_HEADERS, "Comment"], [1, "a", "b", "c", "d", "HUGE"]]
    )
    xlsx = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            data = src.read(name)
            out.writestr(name, data.replace(b"HUGE", big.encode()))
    message = refused(xlsx)
    assert message.startswith("huge.xlsx, row 2, column 'Comment': the cell holds"), message


def test_the_csv_field_limit_is_put_back_after_reading(tmp_path: Path) -> None:
    import csv

    before = csv.field_size_limit()
    path = tmp_path / "huge.csv"
    path.write_text(
        "Timestamp,Comment\n19/01/2027 14:03:22," + "x" * 200_000 + "\n", encoding="utf-8"
    )
    refused(path)
    assert csv.field_size_limit() == before


def test_formula_cells_read_as_their_own_text_never_evaluated(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "formulas.xlsx",
        [
            [*MS_HEADERS, "Comment", "Satisfaction"],
            [1, "a", "b", "c", "d", '=HYPERLINK("https://example.com","click")', "=1+1"],
        ],
    )
    cells = read_survey(path).rows[0][1]
    assert cells[5:] == ['=HYPERLINK("https://example.com","click")', "=1+1"]


def test_a_hundred_thousand_empty_rows_are_skipped(tmp_path: Path) -> None:
    lines = ["Timestamp,Your pair code (on your charter, e.g. P07)"] + [","] * 100_000
    lines.append("19/01/2027 14:03:22,P01")
    path = tmp_path / "gaps.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [n for n, _ in read_survey(path).rows] == [100_002]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*MS_HEADERS, "Your pair code (on your charter, e.g. P07)"])
    sheet.append([1, "a", "b", "c", "d", "P01"])
    sheet.cell(row=100_002, column=1, value=None)
    sheet.cell(row=100_003, column=6, value=" ")
    xlsx = tmp_path / "gaps.xlsx"
    book.save(xlsx)
    assert [n for n, _ in read_survey(xlsx).rows] == [2]


def test_headers_without_responses(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("Timestamp,Email Address,Your pair code\n", encoding="utf-8")
    assert refused(path) == "empty.csv has the headers of a Google Forms export but no responses."


# -- the sheet's XML read straight (survey_xlsx), checked against openpyxl ------------------

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# Cells of every kind a sheet can hold, as Excel writes them: a shared string, rich text runs
# (shared and inline), a number, a date-time and a date (style 1 and 2), a duration (style 3),
# booleans, an error, a formula with its last value, a shared formula's cells, a formula's
# cached text, cells without a reference (after the cell before), a row without a number, a
# gap of rows, a cell past the first ones, an empty value.
EVERY_KIND = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" t="inlineStr"><is><t xml:space="preserve">in </t><r><rPr><b/></rPr><t>line'
    '</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c><c r="D1"><v>42</v></c>'
    '<c r="E1"><v>2.5</v></c>'
    '<c r="F1" s="1"><v>46406.58541666667</v></c><c r="G1" s="2"><v>46406</v></c>'
    '<c r="H1" s="3"><v>1.0625</v></c></row>'
    '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c>'
    '<c r="C2" t="e"><v>#N/A</v></c><c r="D2"><f>1+1</f><v>2</v></c>'
    '<c r="E2"><f t="shared" ref="E2:E3" si="0">D2*2</f><v>4</v></c>'
    '<c r="F2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="G2" t="str"><v>cached</v></c></row>'
    '<row r="3"><c r="E3"><f t="shared" si="0"/><v>8</v></c><c><v>7</v></c><c t="s"><v>2</v>'
    '</c><c r="J3"><v></v></c></row>'
    '<row><c r="B4" t="s"><v>3</v></c></row>'
    '<row r="7"><c r="A7"><v>1E3</v></c><c r="AB7" t="s"><v>4</v></c></row>'
    '<row r="8"><c r="A8" s="4"><v>46406.5</v></c><c r="B8" s="5"><v>12</v></c>'
    '<c r="C8" s="6"><v>3.5</v></c><c r="D8" s="7"><v>0.75</v></c><c r="E8" s="8"><v>0.01</v>'
    '</c><c r="F8" s="9"><v>5</v></c><c r="G8" s="1"><v>0.5</v></c><c r="H8" s="2"><v>59</v>'
    '</c><c r="I8" s="2"><v>61</v></c></row>'
)
EVERY_STRING = [
    "ID",
    '<r><t xml:space="preserve">rich </t></r><r><rPr><i/></rPr><t>text</t></r>',
    "after a gap",
    "no row number",
    "far right_x005F_",
]
# Number formats of cell styles 3 to 9: a duration, a date, text in quotes, a colour, a
# locale's time, minutes as a duration, an escaped letter: dates only where openpyxl sees them.
CUSTOM_FORMATS = ["[h]:mm", "dd/mm/yyyy;@", '"day "0', "[Red]0.00", "[$-409]h:mm AM/PM",
                  "[mm]:ss", "0.0_d"]  # fmt: skip
STYLES = (
    f'<styleSheet xmlns="{MAIN_NS}"><numFmts count="7">'
    + "".join(
        f'<numFmt numFmtId="{164 + i}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
        for i, code in enumerate(CUSTOM_FORMATS)
    )
    + '</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill>'
    '<patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="10">'
    + "".join(
        f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        for n in (0, 22, 14, 164, 165, 166, 167, 168, 169, 170)
    )
    + '</cellXfs><cellStyles count="1">'
    '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def _sheet_workbook(
    path: Path,
    rows: str,
    *,
    strings: list[str] = EVERY_STRING,
    dimension: str = "",
    date1904: bool = False,
    sheet_head: bytes = b'<?xml version="1.0" encoding="UTF-8"?>',
) -> Path:
    """A workbook of one sheet of `rows`, its parts as Excel writes them."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{rel}">'
            + ('<workbookPr date1904="1"/>' if date1904 else "")
            + '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": STYLES,
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN_NS}">'
        + "".join(f"<si>{s if s.startswith('<r>') else f'<t>{s}</t>'}</si>" for s in strings)
        + "</sst>",
    }
    sheet = (
        sheet_head
        + f'<worksheet xmlns="{MAIN_NS}">'.encode()
        + (f'<dimension ref="{dimension}"/>' if dimension else "").encode()
        + f"<sheetData>{rows}</sheetData></worksheet>".encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def _openpyxl_rows(path: Path) -> list[tuple[int, list[object]]]:
    """The rows as the reader before survey_xlsx read them (openpyxl, read-only, formulas as
    their text): each row's values to its last cell, rows without a value left out."""
    from workshop_app.core.roster.read import xlsx_rows

    rows = []
    for number, row in enumerate(xlsx_rows(path.name, path.read_bytes(), formula_text=True), 1):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        if values:
            rows.append((number, values))
    return rows


def _lean_rows(path: Path) -> list[tuple[int, list[object]]]:
    from workshop_app.core.followup.survey_xlsx import xlsx_sheet_rows

    return list(xlsx_sheet_rows(path.name, path.read_bytes(), max_columns=256))


def _every_workbook(tmp_path: Path) -> list[Path]:
    tests = Path(__file__).resolve().parents[1]
    made = [
        _sheet_workbook(tmp_path / "every-kind.xlsx", EVERY_KIND),
        _sheet_workbook(tmp_path / "every-kind-1904.xlsx", EVERY_KIND, date1904=True),
        _sheet_workbook(tmp_path / "declared.xlsx", EVERY_KIND, dimension="A1:E3"),
        _workbook(
            tmp_path / "openpyxl.xlsx",
            [
                [*MS_HEADERS, "When", "Comment"],
                [1, datetime(2027, 1, 19, 14, 3, 22), "b", "c", None, timedelta(hours=3), "=1+1"],
                [],
                [2, True, 3.25, "x" * 5000, "d", datetime(2027, 1, 19), ""],
            ],
        ),
    ]
    return sorted(tests.rglob("*.xlsx")) + made


def test_the_sheet_read_straight_gives_openpyxls_values_row_by_row(tmp_path: Path) -> None:
    workbooks = _every_workbook(tmp_path)
    assert len(workbooks) >= 7  # the tests' own workbooks are found
    for path in workbooks:
        assert _lean_rows(path) == _openpyxl_rows(path), path.name


def test_every_kind_of_cell_reads_as_excel_shows_it(tmp_path: Path) -> None:
    rows = dict(_lean_rows(_sheet_workbook(tmp_path / "every.xlsx", EVERY_KIND)))
    assert rows[1] == [
        "ID",
        "rich text",
        "in line",
        42,
        2.5,
        datetime(2027, 1, 19, 14, 3),
        datetime(2027, 1, 19),
        timedelta(hours=25, minutes=30),
    ]
    assert rows[2] == [True, False, "#N/A", "=1+1", "=D2*2", '="a"&"b"', "cached"]
    assert rows[3] == [None, None, None, None, "=D3*2", 7, "after a gap"]
    assert rows[4] == [None, "no row number"]
    assert rows[7][0] == 1000.0 and rows[7][27] == "far right_"
    assert rows[8] == [
        datetime(2027, 1, 19, 12, 0),
        12,
        3.5,
        time(18, 0),
        timedelta(seconds=864),
        5,
        time(12, 0),
        datetime(1900, 2, 28),
        datetime(1900, 3, 1),
    ]
    # A date past any calendar: openpyxl's text for it, without openpyxl's warning.
    far = _sheet_workbook(tmp_path / "far.xlsx", '<row r="1"><c r="A1" s="1"><v>1e9</v></c></row>')
    assert _lean_rows(far) == [(1, ["#VALUE!"])]
    in_1904 = dict(_lean_rows(_sheet_workbook(tmp_path / "mac.xlsx", EVERY_KIND, date1904=True)))
    assert in_1904[1][6] == datetime(2031, 1, 20)


def test_a_sheet_read_straight_keeps_to_its_declared_size(tmp_path: Path) -> None:
    rows = _lean_rows(_sheet_workbook(tmp_path / "small.xlsx", EVERY_KIND, dimension="A1:C2"))
    assert [n for n, _ in rows] == [1, 2]
    assert all(len(values) <= 3 for _, values in rows)


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?><!DOCTYPE worksheet>',
        b'<?xml version="1.0"?><!DOCTYPE worksheet SYSTEM "file:///etc/passwd">',
        b'<?xml version="1.0"?><!-- a comment --><!DOCTYPE worksheet [<!ENTITY e "x">]>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet>'.encode("utf-16"),
    ],
)
def test_a_doctype_anywhere_in_a_workbook_is_refused_before_it_is_parsed(
    tmp_path: Path, head: bytes
) -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    if head.startswith(codecs.BOM_UTF16_LE):
        sheet = _sheet_workbook(tmp_path / "x.xlsx", rows)
        with zipfile.ZipFile(sheet) as src:
            parts = {n: src.read(n) for n in src.namelist()}
        text = (
            parts["xl/worksheets/sheet1.xml"]
            .decode()
            .replace('<?xml version="1.0" encoding="UTF-8"?>', "")
        )
        parts["xl/worksheets/sheet1.xml"] = head + text.encode("utf-16-le")
        path = tmp_path / "doctype.xlsx"
        with zipfile.ZipFile(path, "w") as out:
            for n, data in parts.items():
                out.writestr(n, data)
    else:
        path = _sheet_workbook(tmp_path / "doctype.xlsx", rows, sheet_head=head)
    assert refused(path) == (
        "doctype.xlsx is not a readable Excel workbook (it declares a DOCTYPE, which a "
        "workbook never does)."
    )


@pytest.mark.parametrize(
    ("rows", "why"),
    [
        ('<row r="1"><c r="1A"><v>1</v></c></row>', "'1A' is not a cell reference"),
        ('<row r="1"><c r="A1"><v>one</v></c></row>', "could not convert string to float: 'one'"),
        ('<row r="1"><c r="A1" t="s"><v>99</v></c></row>', "list index out of range"),
        ('<row r="1.5"><c r="A1"><v>1</v></c></row>', "1.5 is not a valid row number"),
        ('<row r="1"><c r="A1"><v>1</v></c>', "mismatched tag"),
    ],
)
def test_a_damaged_sheet_is_refused_in_one_line(tmp_path: Path, rows: str, why: str) -> None:
    message = refused(_sheet_workbook(tmp_path / "bad.xlsx", rows))
    assert message.startswith("bad.xlsx is not a readable Excel workbook ("), message
    assert why in message, message


def test_a_qualtrics_export_without_its_question_rows_is_refused(tmp_path: Path) -> None:
    """Row 2 would be read as the questions' texts: the first response's answers would become
    the questions and be lost, and the mapping would guess from them."""
    import csv

    with (DATA / "qualtrics_text.csv").open(encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f))
    cut = tmp_path / "cut.csv"
    with cut.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([records[0], *records[3:]])  # no question texts, no ImportIds
    with pytest.raises(UserError, match=r"^cut\.csv, row 2: this Qualtrics export lacks its"):
        read_survey(cut)
    legacy = tmp_path / "legacy.csv"  # the older export: two header rows, still read
    with legacy.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([records[0], records[1], *records[3:]])
    assert [number for number, _ in read_survey(legacy).rows] == [3, 4, 5]


def test_an_export_mixing_utf8_and_cp1252_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "responses.csv"
    path.write_bytes(
        "Timestamp,Email Address,Anything else?\n"
        "1/19/2027 14:03:22,zoe@example.com,Très bien\n".encode()
        + "1/19/2027 14:05:00,rene@example.com,Ça va\n".encode("cp1252")
    )
    with pytest.raises(UserError) as refused:
        read_survey(path)
    assert refused.value.message == (
        "responses.csv, line 3 is not UTF-8 text, and other lines are: the file mixes two "
        "encodings (export it again)."
    )
