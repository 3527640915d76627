"""Read a roster file (CSV in any common encoding and delimiter, or XLSX) into rows of text.

Nothing here knows what the columns mean; `roster_import` does. Row numbers are the ones a
person sees when they open the file in a spreadsheet: the header is row 1.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from workshop_app.core.errors import UserError
from workshop_app.core.paths import resolved

MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawTable:
    source: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]
    """(row number as seen in a spreadsheet, cells), blank rows left out."""
    encoding: str = ""
    delimiter: str = ""


def read_table(path: Path) -> RawTable:
    resolved(path)  # a loop of links is named as one, not as a missing file
    if not path.exists():
        raise UserError(f"There is no roster file {path}.")
    if path.is_dir():
        raise UserError(f"{path} is a folder; pick a CSV or Excel (.xlsx) roster file.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(f"{path.name} is {size // 1_000_000} MB; a roster is at most 50 MB.")
        data = path.read_bytes()
    except PermissionError as exc:
        raise UserError(f"You do not have permission to read {path}.") from exc
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror}.") from exc
    if not data.strip():
        raise UserError(f"{path.name} is empty: there is no roster in it.")
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(path, data)
    if path.suffix.lower() in (".xls", ".xlsm", ".ods", ".numbers"):
        raise UserError(
            f"{path.name}: this kind of spreadsheet cannot be read; save it as .xlsx or CSV."
        )
    return _read_csv(path.name, data)


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: BOM first, then UTF-16 without BOM, UTF-8, cp1252."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    # Before UTF-8: ASCII text in UTF-16 is also valid UTF-8 (NUL is a valid UTF-8 character),
    # so only the many NULs tell UTF-16 without a BOM apart.
    sample = data[:2000]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        encoding = "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def _sniff_delimiter(text: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(name: str, data: bytes) -> RawTable:
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError as exc:  # a byte-order mark promised an encoding the rest breaks
        raise UserError(
            f"{name} is marked as {exc.encoding.upper()} text but is not valid "
            f"{exc.encoding.upper()} (at byte {exc.start}); save it again as CSV UTF-8."
        ) from exc
    if "\x00" in text:
        raise UserError(f"{name} does not look like a text roster (it contains binary data).")
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise UserError(f"{name}, row {reader.line_num}: the CSV cannot be read ({exc}).") from exc
    return _table(name, records, encoding=encoding, delimiter=delimiter)


def _table(
    name: str, records: list[list[str]], *, encoding: str = "", delimiter: str = ""
) -> RawTable:
    numbered = [(i, [c.strip() for c in rec]) for i, rec in enumerate(records, start=1)]
    numbered = [(i, cells) for i, cells in numbered if any(cells)]
    if not numbered:
        raise UserError(f"{name} has no rows.")
    (_, headers), *rows = numbered
    if not rows:
        raise UserError(f"{name} has a header row but no participants under it.")
    return RawTable(source=name, headers=headers, rows=rows, encoding=encoding, delimiter=delimiter)


def _read_xlsx(path: Path, data: bytes) -> RawTable:
    import openpyxl  # imported here: only Excel rosters need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UserError(f"{path.name} is not a readable Excel workbook ({exc}).") from exc
    try:
        sheet = book.worksheets[0]
        records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table(path.name, records)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
