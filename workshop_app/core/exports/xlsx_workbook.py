"""Excel export: the same tables as the CSV export, one sheet each, behind a README sheet.

Headers are bold and frozen, columns sized to their content, dates and times are real Excel
dates (record times in UTC, as the header says). Every text cell is stored as a string, never
as a formula, whatever it starts with. Written with openpyxl's streaming (write-only) mode,
each sheet streamed to a file in the app's own private temporary folder (not an `openpyxl.*`
file in the system's, which a killed export left there for good).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml.etree import SerialisationError
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter

from workshop_app.core import temp_files
from workshop_app.core.errors import UserError
from workshop_app.core.exports.tables import (
    ExportData,
    Table,
    about_lines,
    build_tables,
    code_lines,
    names_note,
)
from workshop_app.core.i18n import translations
from workshop_app.core.jobs import Progress
from workshop_app.core.paths import temp_dir
from workshop_app.core.store.atomic import atomic_file

README_SHEET = "README"
NUMBER_FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "timestamp": "yyyy-mm-dd hh:mm:ss",
}
# Widths in characters: wide enough for a date or an email, capped for paragraphs.
MIN_WIDTH, MAX_WIDTH, DATE_WIDTH = 8, 60, 19
SAMPLE_ROWS = 200


def write_xlsx(data: ExportData, *, out: Path, progress: Progress | None = None) -> list[str]:
    tables = build_tables(data)
    total = len(tables) + 1
    wb = Workbook(write_only=True)
    try:
        folder = temp_files.app_temp_dir()
        _readme(wb.create_sheet(README_SHEET), data, tables, folder)
        for done, table in enumerate(tables, start=1):
            if progress is not None:
                progress(done, total)
            _sheet(wb.create_sheet(table.title[:31]), table, folder)
        with atomic_file(out) as temp:
            wb.save(temp)
    except (OSError, SerialisationError) as exc:
        # openpyxl streams each sheet to a file in the temporary folder first (through lxml,
        # which reports a failed write as "IO_ENOSPC" and the like, not as an OSError).
        _discard(wb)
        raise _temporary_folder_error(exc, out) from exc
    except BaseException:
        _discard(wb)
        raise
    if progress is not None:
        progress(total, total)
    return [out.name]


def _temporary_folder_error(exc: OSError | SerialisationError, out: Path) -> UserError:
    if isinstance(exc, OSError):
        code: int | None = exc.errno
    else:
        code = getattr(errno, str(exc).removeprefix("IO_"), None)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        reason = "the disk is full"
    elif isinstance(code, int):
        reason = os.strerror(code)
    else:
        reason = str(exc)
    return UserError(
        f"Could not prepare {out.name} in the app's temporary folder {temp_dir()} "
        f"({reason}): nothing was written."
    )


def _discard(wb: Workbook) -> None:
    """Close the sheets openpyxl streams to temporary files, and delete those files."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


class _SheetStream(WorksheetWriter):
    """openpyxl's sheet writer, streaming to a private file named by `temp_files`."""

    def __init__(self, ws: WriteOnlyWorksheet, folder: Path) -> None:
        super().__init__(ws, out=str(temp_files.new_file(folder, f"{ws.title}.xml")))

    def cleanup(self) -> None:
        Path(self.out).unlink(missing_ok=True)


def _stream(ws: WriteOnlyWorksheet, folder: Path) -> None:
    """Give `ws` its writer before its first row (openpyxl would make its own otherwise); its
    columns and panes are set by then, as the sheet's head is written now."""
    ws._writer = _SheetStream(ws, folder)
    ws._writer.write_top()


def _readme(ws: WriteOnlyWorksheet, data: ExportData, tables: list[Table], folder: Path) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    _stream(ws, folder)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    # The README sheet speaks the workshop's charter language; sheet and column names stay.
    lang = data.workshop.language or "en"
    words = translations(lang)
    title = words.gettext("Mentoring workshop export")
    ws.append([_text(ws, title, font=Font(bold=True, size=14))])
    rows = [
        *about_lines(data, lang),
        (
            words.gettext("True/false"),
            # Translators: how Excel in your language shows a true/false cell (WAHR / FALSCH).
            words.gettext("True/false cells, which Excel shows as TRUE / FALSE"),
        ),
        (
            words.gettext("Formulas"),
            words.gettext("Every cell is stored as text or a value; nothing is a formula."),
        ),
        ("", ""),
        ("", names_note(lang)),
    ]
    for t in tables:
        counted = words.ngettext("{n} row", "{n} rows", len(t.rows)).format(n=len(t.rows))
        rows.append(
            (
                t.title[:31],
                f"{words.gettext(t.title)} ({counted}): " + ", ".join(c.name for c in t.columns),
            )
        )
    rows += [("", ""), ("", words.gettext("What some columns hold:")), *code_lines(lang)]
    for key, value in rows:
        ws.append([_text(ws, key, font=bold), _text(ws, value, alignment=wrap)])


def _sheet(ws: WriteOnlyWorksheet, table: Table, folder: Path) -> None:
    for index in range(len(table.columns)):
        ws.column_dimensions[get_column_letter(index + 1)].width = _width(table, index)
    ws.freeze_panes = "A2"
    _stream(ws, folder)
    bold = Font(bold=True)
    ws.append([_text(ws, c.name, font=bold) for c in table.columns])
    formats = [NUMBER_FORMATS.get(c.kind) for c in table.columns]
    for row in table.rows:
        ws.append([_value(ws, v, f) for v, f in zip(row, formats, strict=True)])


def _value(ws: WriteOnlyWorksheet, value: Any, number_format: str | None) -> Any:
    if isinstance(value, str):
        if not value:
            return None  # an empty cell, not an empty string: smaller and the same to read
        if value.startswith("=") or value.startswith("#") or ILLEGAL_CHARACTERS_RE.search(value):
            return _text(ws, value)
        return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.replace(tzinfo=None)  # already UTC; Excel has no time zones
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = number_format or NUMBER_FORMATS["timestamp"]
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = NUMBER_FORMATS["date"]
        return cell
    return value


def _text(ws: WriteOnlyWorksheet, text: str, **style: Any) -> WriteOnlyCell:
    """A cell that is a string whatever it looks like (openpyxl reads a leading = as a formula)."""
    cell = WriteOnlyCell(ws, value=None)
    cell._value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"
    for name, value in style.items():
        setattr(cell, name, value)
    return cell


def _width(table: Table, index: int) -> float:
    column = table.columns[index]
    longest = len(column.name)
    if column.kind in NUMBER_FORMATS:
        longest = max(longest, DATE_WIDTH)
    for row in table.rows[:SAMPLE_ROWS]:
        value = row[index]
        if isinstance(value, str):
            longest = max(longest, max((len(line) for line in value.splitlines()), default=0))
        elif value is not None and not isinstance(value, date):
            longest = max(longest, len(str(value)))
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


# -- workbooks of ready rows (the outcomes report) -----------------------------------------


@dataclass(frozen=True, slots=True)
class Sheet:
    """A sheet of ready rows: `head` in bold and frozen above them (none when empty), each
    column `widths` characters wide. Every string is written as text, never as a formula."""

    title: str
    widths: Sequence[float]
    head: Sequence[str]
    rows: Sequence[Sequence[str | int | float | None]]


def write_workbook(sheets: Sequence[Sheet], *, out: Path) -> None:
    """Write `sheets` in order to `out` (replaced whole, or not at all), streamed through the
    app's private temporary folder as `write_xlsx` does."""
    wb = Workbook(write_only=True)
    try:
        folder = temp_files.app_temp_dir()
        for sheet in sheets:
            ws = wb.create_sheet(sheet.title[:31])
            for index, width in enumerate(sheet.widths):
                ws.column_dimensions[get_column_letter(index + 1)].width = width
            if sheet.head:
                ws.freeze_panes = "A2"
            _stream(ws, folder)
            bold = Font(bold=True)
            wrap = Alignment(wrap_text=True, vertical="top")
            if sheet.head:
                ws.append([_text(ws, name, font=bold) for name in sheet.head])
            for row in sheet.rows:
                ws.append([_ready(ws, value, wrap) for value in row])
        with atomic_file(out) as temp:
            wb.save(temp)
    except (OSError, SerialisationError) as exc:
        _discard(wb)
        raise _temporary_folder_error(exc, out) from exc
    except BaseException:
        _discard(wb)
        raise


def _ready(ws: WriteOnlyWorksheet, value: str | int | float | None, wrap: Alignment) -> Any:
    if isinstance(value, str):
        return _text(ws, value, alignment=wrap) if value else None
    return value
