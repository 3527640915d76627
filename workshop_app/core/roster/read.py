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
from workshop_app.core.i18n import _, ngettext
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


def read_input(path: Path, *, missing: str, folder: str, too_big: str, empty: str) -> bytes:
    """The bytes of a file a person chose to import (a roster, a survey export), or a
    one-line message in the interface language, the caller's for its kind of file: not there
    (`missing`, with {path}), a folder (`folder`, with {path}), over MAX_BYTES (`too_big`, with
    {file}, {size} and {limit} in MB), unreadable, or `empty` (with {file})."""
    resolved(path)  # a loop of links is named as one, not as a missing file
    if not path.exists():
        raise UserError(missing.format(path=path))
    if path.is_dir():
        raise UserError(folder.format(path=path))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(
                too_big.format(file=path.name, size=size // 1_000_000, limit=MAX_BYTES // MB)
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise UserError(_("You do not have permission to read {path}.").format(path=path)) from exc
    except OSError as exc:
        raise UserError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
    if not data.strip():
        raise UserError(empty.format(file=path.name))
    return data


def read_table(path: Path) -> RawTable:
    data = read_input(
        path,
        missing=_("There is no roster file {path}."),
        folder=_("{path} is a folder; pick a CSV or Excel (.xlsx) roster file."),
        too_big=_("{file} is {size} MB; a roster is at most {limit} MB."),
        empty=_("{file} is empty: there is no roster in it."),
    )
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(path, data)
    if path.suffix.lower() in (".xls", ".xlsm", ".ods", ".numbers"):
        raise UserError(
            _("{file}: this kind of spreadsheet cannot be read; save it as .xlsx or CSV.").format(
                file=path.name
            )
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
        """The refusal, in the interface language; `fix` (translated) says what to do."""
        return _(
            "{file}, line {line} is not UTF-8 text, and other lines are: the file mixes two "
            "encodings ({fix})."
        ).format(file=name, line=self.line, fix=fix)


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
        raise UserError(exc.message(name, _("save it again as CSV UTF-8"))) from exc
    except UnicodeDecodeError as exc:  # a byte-order mark promised an encoding the rest breaks
        raise UserError(
            _(
                "{file} is marked as {encoding} text but is not valid {encoding} (at byte "
                "{byte}); save it again as CSV UTF-8."
            ).format(file=name, encoding=exc.encoding.upper(), byte=exc.start)
        ) from exc
    if "\x00" in text:
        raise UserError(
            _("{file} does not look like a text roster (it contains binary data).").format(
                file=name
            )
        )
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise UserError(
            _("{file}, row {row}: the CSV cannot be read ({error}).").format(
                file=name, row=reader.line_num, error=exc
            )
        ) from exc
    return _table(name, records, encoding=encoding, delimiter=delimiter)


def _table(
    name: str, records: list[list[str]], *, encoding: str = "", delimiter: str = ""
) -> RawTable:
    numbered = [(i, [c.strip() for c in rec]) for i, rec in enumerate(records, start=1)]
    numbered = [(i, cells) for i, cells in numbered if any(cells)]
    if not numbered:
        raise UserError(_("{file} has no rows.").format(file=name))
    (_header_row, headers), *rows = numbered
    if not rows:
        raise UserError(
            _("{file} has a header row but no participants under it.").format(file=name)
        )
    return RawTable(source=name, headers=headers, rows=rows, encoding=encoding, delimiter=delimiter)


def _read_xlsx(path: Path, data: bytes) -> RawTable:
    check_xlsx_archive(path.name, data, what=_("roster"))
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


def check_xlsx_archive(name: str, data: bytes, *, what: str) -> None:
    """Refuse, before unpacking anything, a workbook that would unpack to far more than any
    roster (or survey export: `what`, translated): the sizes are the archive's own, which
    zipfile holds every part to as it reads."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:  # zip's kinds of damage
        raise UserError(_not_a_workbook(name, one_line(str(exc)))) from exc

    def refuse(reason: str) -> UserError:
        return UserError(
            _("{file} is refused as a {what} (it may be a zip bomb): {reason}").format(
                file=name, what=what, reason=reason
            )
        )

    if len(parts) > XLSX_MAX_PARTS:
        raise refuse(_("it has {n} parts; a workbook has a few dozen.").format(n=len(parts)))
    for part in parts:
        part_name = one_line(part.filename, limit=60)
        if part.file_size > XLSX_MAX_PART:
            raise refuse(
                _(
                    "its part {part} unpacks to {size} MB; a part may unpack to at most {limit} MB."
                ).format(part=part_name, size=part.file_size // MB, limit=XLSX_MAX_PART // MB)
            )
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > XLSX_RATIO_FROM and ratio > XLSX_MAX_RATIO:
            raise refuse(
                _(
                    "its part {part} unpacks {ratio} times larger than it is packed; a part "
                    "may unpack at most {limit} times larger."
                ).format(part=part_name, ratio=int(ratio), limit=XLSX_MAX_RATIO)
            )
    total = sum(part.file_size for part in parts)
    if total > XLSX_MAX_TOTAL:
        raise refuse(
            _("it unpacks to {size} MB; a workbook may unpack to at most {limit} MB.").format(
                size=total // MB, limit=XLSX_MAX_TOTAL // MB
            )
        )


def _not_a_workbook(name: str, reason: str) -> str:
    return _("{file} is not a readable Excel workbook ({reason}).").format(file=name, reason=reason)


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
        raise UserError(_not_a_workbook(name, one_line(str(exc)) or type(exc).__name__)) from exc


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
