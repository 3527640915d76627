"""Read a roster file (CSV in any common encoding and delimiter, or XLSX) into rows of text.

Nothing here knows what the columns mean; `roster.importer` does. Row numbers are the ones a
person sees when they open the file in a spreadsheet: the header is row 1.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from workshop_app.core.errors import UserError, one_line
from workshop_app.core.i18n import ngettext
from workshop_app.core.paths import resolved

MAX_BYTES = 50 * 1024 * 1024
MB = 1024 * 1024
# An .xlsx is a zip of XML parts, checked before anything is unpacked or parsed. A real
# 5,000-row roster's sheet is about 2 MB of XML packed 11 to 1 (20 to 1 if every row is the
# same), in a dozen parts: the limits are far above that and far below what would exhaust
# memory. A zip bomb packs hundreds of megabytes 1000 to 1.
XLSX_MAX_PARTS = 1000
XLSX_MAX_PART = 100 * MB
XLSX_MAX_TOTAL = 200 * MB
XLSX_MAX_RATIO = 100  # for parts over XLSX_RATIO_FROM; a small part may pack as it likes
XLSX_RATIO_FROM = 1 * MB
# A sheet names its size itself, and a single cell at XFD1048576 makes openpyxl fill in 17
# billion empty ones: only this many are read (columns after the 256th, old Excel's last,
# are not), and a roster with more rows than this is refused.
XLSX_MAX_COLUMNS = 256
XLSX_MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class RawTable:
    source: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]
    """(row number as seen in a spreadsheet, cells), blank rows left out."""
    encoding: str = ""
    delimiter: str = ""


def read_input(path: Path, *, what: str, pick: str, one: str, empty: str) -> bytes:
    """The bytes of a file a person chose to import (a roster, a survey export), or a
    one-line message: not there, a folder (`pick` what instead), over MAX_BYTES (`one` is at
    most…), unreadable, or `empty` of what it should hold."""
    resolved(path)  # a loop of links is named as one, not as a missing file
    if not path.exists():
        raise UserError(f"There is no {what} {path}.")
    if path.is_dir():
        raise UserError(f"{path} is a folder; pick {pick}.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(
                f"{path.name} is {size // 1_000_000} MB; {one} is at most "
                f"{MAX_BYTES // 1024 // 1024} MB."
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise UserError(f"You do not have permission to read {path}.") from exc
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror}.") from exc
    if not data.strip():
        raise UserError(f"{path.name} is empty: {empty}.")
    return data


def read_table(path: Path) -> RawTable:
    data = read_input(
        path,
        what="roster file",
        pick="a CSV or Excel (.xlsx) roster file",
        one="a roster",
        empty="there is no roster in it",
    )
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(path, data)
    if path.suffix.lower() in (".xls", ".xlsm", ".ods", ".numbers"):
        raise UserError(
            f"{path.name}: this kind of spreadsheet cannot be read; save it as .xlsx or CSV."
        )
    return _read_csv(path.name, data)


# A character of two to four bytes as UTF-8 writes it. In cp1252 text these pairs are
# letters no one writes side by side ("Ã©"), so finding one means the file was UTF-8.
_UTF8_CHARACTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


class MixedEncodings(ValueError):
    """UTF-8 text with some lines in another encoding (pasted in from another program):
    read as cp1252 it would turn every accented UTF-8 name into mojibake, so it is refused."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line} is not UTF-8")
        self.line = line

    def message(self, name: str, fix: str) -> str:
        return (
            f"{name}, line {self.line} is not UTF-8 text, and other lines are: the file "
            f"mixes two encodings ({fix})."
        )


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: BOM first, then UTF-16 without BOM, UTF-8, cp1252;
    MixedEncodings for UTF-8 with a few bytes of another encoding."""
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
    except UnicodeDecodeError as exc:
        if _UTF8_CHARACTER.search(data):
            raise MixedEncodings(data.count(b"\n", 0, exc.start) + 1) from exc
    return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(name: str, data: bytes) -> RawTable:
    try:
        text, encoding = decode(data)
    except MixedEncodings as exc:
        raise UserError(exc.message(name, "save it again as CSV UTF-8")) from exc
    except UnicodeDecodeError as exc:  # a byte-order mark promised an encoding the rest breaks
        raise UserError(
            f"{name} is marked as {exc.encoding.upper()} text but is not valid "
            f"{exc.encoding.upper()} (at byte {exc.start}); save it again as CSV UTF-8."
        ) from exc
    if "\x00" in text:
        raise UserError(f"{name} does not look like a text roster (it contains binary data).")
    delimiter = sniff_delimiter(text)
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
    check_xlsx_archive(path.name, data)
    records: list[list[str]] = []
    for number, row in enumerate(xlsx_rows(path.name, data), start=1):
        if number > XLSX_MAX_ROWS:
            raise UserError(
                ngettext(
                    "{file} has more than {n} row; a roster has fewer. Check for a stray cell "
                    "far below the list, or split the roster.",
                    "{file} has more than {n} rows; a roster has fewer. Check for a stray cell "
                    "far below the list, or split the roster.",
                    XLSX_MAX_ROWS,
                ).format(file=path.name, n=f"{XLSX_MAX_ROWS:,}")
            )
        # A gap in the sheet is a row of None: kept as an empty row (for the row numbers),
        # without a cell for each column.
        records.append([] if row.count(None) == len(row) else [cell_text(v) for v in row])
    return _table(path.name, records)


def check_xlsx_archive(name: str, data: bytes, *, what: str = "roster") -> None:
    """Refuse, before unpacking anything, a workbook that would unpack to far more than any
    roster (or survey export, `what`): the sizes are the archive's own, which zipfile holds
    every part to as it reads."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:  # zip's kinds of damage
        raise UserError(f"{name} is not a readable Excel workbook ({one_line(str(exc))}).") from exc
    refused = f"{name} is refused as a {what} (it may be a zip bomb):"
    if len(parts) > XLSX_MAX_PARTS:
        raise UserError(f"{refused} it has {len(parts)} parts; a workbook has a few dozen.")
    for part in parts:
        part_name = one_line(part.filename, limit=60)
        if part.file_size > XLSX_MAX_PART:
            raise UserError(
                f"{refused} its part {part_name} unpacks to {part.file_size // MB} MB; "
                f"a {what}'s parts are at most {XLSX_MAX_PART // MB} MB."
            )
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > XLSX_RATIO_FROM and ratio > XLSX_MAX_RATIO:
            raise UserError(
                f"{refused} its part {part_name} unpacks {int(ratio)} times larger than it is "
                f"packed; a {what}'s parts at most {XLSX_MAX_RATIO} times."
            )
    total = sum(part.file_size for part in parts)
    if total > XLSX_MAX_TOTAL:
        raise UserError(
            f"{refused} it unpacks to {total // MB} MB; a {what} to at most "
            f"{XLSX_MAX_TOTAL // MB} MB."
        )


def xlsx_rows(
    name: str, data: bytes, *, formula_text: bool = False
) -> Iterator[tuple[object, ...]]:
    """The first sheet's rows, as openpyxl reads them (lazily, as they are asked for). A
    formula cell is never evaluated: it reads as the value Excel last saved with it, or, with
    `formula_text`, as the formula's own text ("=1+1")."""
    import openpyxl  # imported here: only Excel rosters need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=not formula_text)
        try:
            sheet = book.worksheets[0]
            # Every row is filled out to the sheet's width, as the sheet declares it.
            width = min(sheet.max_column or XLSX_MAX_COLUMNS, XLSX_MAX_COLUMNS)
            yield from sheet.iter_rows(max_col=width, values_only=True)
        finally:
            book.close()
    # Only openpyxl runs in here, and it raises many kinds for a damaged or hostile workbook,
    # at opening or at any row: XML that does not parse (an entity bomb, an external entity,
    # a sheet cut short), a part missing, a value it cannot convert.
    except Exception as exc:
        reason = one_line(str(exc)) or type(exc).__name__
        raise UserError(f"{name} is not a readable Excel workbook ({reason}).") from exc


def cell_text(value: object) -> str:
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
