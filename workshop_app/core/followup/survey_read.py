"""Read a check-in survey export (Microsoft Forms .xlsx, Google Forms .csv, Qualtrics .csv/.tsv).

The bytes are read as the roster import reads them (`core.roster.read`: its encoding and
delimiter detection, its checks of a workbook before anything is unpacked); a workbook's sheet
is read by `survey_xlsx` (its XML streamed, openpyxl's values without its cell objects, no
DTD). What is different is that a survey has its tool's header rows and that no formula is
ever evaluated: a formula cell reads as its own text. Row numbers are the ones a
person sees in a spreadsheet, header rows counted.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from workshop_app.core.errors import UserError, one_line
from workshop_app.core.followup.survey_shapes import Shape, detect_shape
from workshop_app.core.followup.survey_xlsx import xlsx_sheet_rows
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.roster.columns import field_for
from workshop_app.core.roster.read import (
    MAX_BYTES,
    XLSX_MAX_COLUMNS,
    XLSX_MAX_ROWS,
    MixedEncodings,
    cell_text,
    check_xlsx_archive,
    decode,
    read_input,
    sniff_delimiter,
)

# Excel's own limit for one cell: no tool exports a longer answer, so a longer cell is not one.
MAX_CELL = 32_767
# Rows looked at in a workbook, blank ones included: far more than any survey's responses, far
# fewer than a sheet that claims a million rows makes openpyxl produce.
XLSX_MAX_ROWS_READ = 2 * XLSX_MAX_ROWS


@dataclass(frozen=True, slots=True)
class SurveyColumn:
    index: int
    header: str  # the first header row's text: what a saved mapping is keyed by
    text: str  # the question as asked (Qualtrics' second header row; else the header)


@dataclass(frozen=True, slots=True)
class SurveyTable:
    source: str
    shape: Shape
    headers: list[str]
    questions: list[SurveyColumn]
    rows: list[tuple[int, list[str]]]
    """(row number as seen in a spreadsheet, cells), blank rows left out."""

    def header(self, index: int) -> str:
        return self.headers[index] if index < len(self.headers) else f"column {index + 1}"


def read_survey(path: Path) -> SurveyTable:
    name, data = _read_bytes(Path(path))
    workbook = data[:4] == b"PK\x03\x04"
    records = _xlsx_records(name, data) if workbook else _csv_records(name, data)
    return _survey(name, records, workbook=workbook)


def _read_bytes(path: Path) -> tuple[str, bytes]:
    data = read_input(
        path,
        missing=_("There is no survey export {path}."),
        folder=_("{path} is a folder; pick a survey export (.xlsx, .csv or .tsv)."),
        too_big=_("{file} is {size} MB; a survey export is at most {limit} MB."),
        empty=_("{file} is empty: there are no survey responses in it."),
    )
    if data[:4] != b"PK\x03\x04" and path.suffix.lower() in (".xls", ".xlsm", ".ods", ".numbers"):
        raise UserError(
            _(
                "{file}: this kind of spreadsheet cannot be read; export the responses "
                "again as .xlsx or CSV."
            ).format(file=path.name)
        )
    return path.name, data


def _csv_records(name: str, data: bytes) -> list[list[str]]:
    try:
        text, _encoding = decode(data)
    except MixedEncodings as exc:
        raise UserError(exc.message(name, _("export it again"))) from exc
    except UnicodeDecodeError as exc:  # a byte-order mark promised an encoding the rest breaks
        raise UserError(
            _(
                "{file} is marked as {encoding} text but is not valid {encoding} (at byte "
                "{byte}); export it again."
            ).format(file=name, encoding=exc.encoding.upper(), byte=exc.start)
        ) from exc
    if "\x00" in text:
        raise UserError(
            _("{file} does not look like a survey export (it contains binary data).").format(
                file=name
            )
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    # The csv module refuses a field over 128 KB with a message that names no column; the
    # whole file (50 MB at most) is let through so that an overlong cell is named below.
    limit = csv.field_size_limit(MAX_BYTES)
    try:
        return list(reader)
    except csv.Error as exc:
        raise UserError(
            _("{file}, row {row}: the CSV cannot be read ({error}).").format(
                file=name, row=reader.line_num, error=exc
            )
        ) from exc
    finally:
        csv.field_size_limit(limit)


def _xlsx_records(name: str, data: bytes) -> list[list[str]]:
    check_xlsx_archive(name, data, what=_("survey export"))
    records: list[list[str]] = []
    for number, row in xlsx_sheet_rows(name, data, max_columns=XLSX_MAX_COLUMNS):
        if number > XLSX_MAX_ROWS_READ:
            raise UserError(
                ngettext(
                    "{file} has more than {n} row; a survey export has fewer. Check for a "
                    "stray cell far below the responses.",
                    "{file} has more than {n} rows; a survey export has fewer. Check for a "
                    "stray cell far below the responses.",
                    XLSX_MAX_ROWS_READ,
                ).format(file=name, n=f"{XLSX_MAX_ROWS_READ:,}")
            )
        if number <= len(records):  # rows out of order: a sheet no tool writes
            raise UserError(
                _("{file} is not a readable Excel workbook (row {row} is repeated).").format(
                    file=name, row=number
                )
            )
        # A gap in the sheet is kept as empty rows, for the row numbers.
        records.extend([] for _ in range(number - 1 - len(records)))
        # Most values are shared strings, already the text: cell_text is for the others.
        records.append([v if type(v) is str else cell_text(v) for v in row])
    while records and not any(records[-1]):
        records.pop()
    return records


def _survey(name: str, records: list[list[str]], *, workbook: bool) -> SurveyTable:
    if not any(any(c.strip() for c in rec) for rec in records):
        raise UserError(_("{file} has no rows.").format(file=name))
    records = [[c.strip() for c in rec] for rec in records]
    shape = detect_shape(records, workbook=workbook)
    headers = records[0]
    _check_cell_sizes(name, records, headers)
    if shape is None:
        shown = ", ".join(repr(one_line(h, limit=40)) for h in headers[:8] if h)
        not_survey = _(
            "{file}, row 1: this is not a survey export from Microsoft Forms, Google Forms or "
            "Qualtrics (its headers are {headers})."
        ).format(file=name, headers=shown)
        if _roster(headers):
            roster = _(
                "It looks like a roster: rosters are imported with Import roster "
                "(workshop-app import)."
            )
            not_survey = f"{not_survey} {roster}"
        raise UserError(not_survey)
    if shape.tool == "qualtrics" and len(records) > 1 and _a_response(records[1], shape):
        # Without its question-text row the first response would be read as the questions
        # (and its answers lost): refused, as every export of the wrong shape is.
        raise UserError(
            _(
                "{file}, row 2: this Qualtrics export lacks its second and third header rows "
                "(row 2 is a response, not the questions' texts); export the data again as CSV "
                "or TSV with Qualtrics' default options."
            ).format(file=name)
        )
    texts = records[1] if shape.tool == "qualtrics" and len(records) > 1 else headers
    questions = []
    seen: dict[str, int] = {}
    for i, h in enumerate(headers):
        if not h or i in shape.own_columns:
            continue
        # A form may ask the same question twice (Google Forms allows it): each column is
        # mapped on its own, so the second one's key says which it is.
        seen[h] = seen.get(h, 0) + 1
        key = h if seen[h] == 1 else f"{h} ({seen[h]})"
        text = texts[i] if i < len(texts) and texts[i] else h
        questions.append(SurveyColumn(index=i, header=key, text=text))
    rows = [
        (number, cells)
        for number, cells in enumerate(records, start=1)
        if number > shape.header_rows and any(cells)
    ]
    if not rows:
        raise UserError(
            _("{file} has the headers of a {tool} export but no responses.").format(
                file=name, tool=shape.tool_name
            )
        )
    return SurveyTable(source=name, shape=shape, headers=headers, questions=questions, rows=rows)


_RESPONSE_ID = re.compile(r"R_[A-Za-z0-9]{6,}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}")


def _a_response(record: list[str], shape: Shape) -> bool:
    """Whether a Qualtrics row holds a response: its ResponseId or its date is a value, where
    the question-text row says "Response ID" and "Recorded Date"."""

    def cell(i: int | None) -> str:
        return record[i] if i is not None and i < len(record) else ""

    return bool(
        _RESPONSE_ID.fullmatch(cell(shape.id_column))
        or _DATE_TIME.match(cell(shape.submitted_column))
    )


def _check_cell_sizes(name: str, records: list[list[str]], headers: list[str]) -> None:
    for number, record in enumerate(records, start=1):
        if not record or max(map(len, record)) <= MAX_CELL:  # the usual case, at C speed
            continue
        index = next(i for i, cell in enumerate(record) if len(cell) > MAX_CELL)
        column = headers[index] if index < len(headers) else _("column {n}").format(n=index + 1)
        raise UserError(
            _(
                "{file}, row {row}, column '{column}': the cell holds {size} characters; an "
                "answer is at most {limit} (a spreadsheet cell's limit)."
            ).format(
                file=name,
                row=number,
                column=one_line(column, limit=60),
                size=f"{len(record[index]):,}",
                limit=f"{MAX_CELL:,}",
            )
        )


def _roster(headers: list[str]) -> bool:
    fields = {field_for(h) for h in headers}
    return bool({"role", "email"} <= fields or {"mentor_email", "mentee_email"} <= fields)
