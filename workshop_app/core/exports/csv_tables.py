"""CSV export: one file per table, in a folder or a zip, readable by Excel and by scripts.

UTF-8 with a BOM (so Excel shows accents), comma-separated, CRLF line ends, ISO dates, `yes`/`no`
for true/false. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets
a leading apostrophe, so no spreadsheet runs it as a formula (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

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
from workshop_app.core.store.atomic import atomic_file, atomic_folder

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
README_NAME = "README.txt"


def neutralise(text: str) -> str:
    """Text that no spreadsheet will read as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_text(value: Any) -> str:
    """How one value is written in a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.isoformat().replace("+00:00", "Z")
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def table_csv(table: Table) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([cell_text(v) for v in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig")


def readme_text(data: ExportData, tables: list[Table]) -> str:
    """The export's README, in the workshop's charter language; file and column names as
    the files have them."""
    lang = data.workshop.language or "en"
    words = translations(lang)
    lines = [words.gettext("Mentoring workshop export (CSV)"), ""]
    lines += [f"{key}: {value}" for key, value in about_lines(data, lang)]
    lines += [
        # Translators: "yes" and "no" are what the CSV cells hold; keep them in English.
        words.gettext("True/false: yes / no"),
        words.gettext(
            "Cells that begin with = + - @ are written with a leading ' so that no spreadsheet "
            "runs them as formulas."
        ),
        words.gettext(
            "The values are separated by commas. Excel in Italian, German or French expects "
            "semicolons, and shows a whole row in one column when a CSV file is opened with a "
            "double-click: to read these records in Excel, export the Excel workbook (.xlsx) "
            "and open that instead."
        ),
        "",
        names_note(lang),
        "",
        words.gettext("Files:"),
    ]
    for t in tables:
        rows = words.ngettext("{n} row", "{n} rows", len(t.rows)).format(n=len(t.rows))
        lines.append(f"  {t.name}.csv - {words.gettext(t.title)} ({rows})")
        lines.append("    " + ", ".join(c.name for c in t.columns))
    lines += ["", words.gettext("What some columns hold:")]
    lines += [f"  {code}: {meaning}" for code, meaning in code_lines(lang)]
    return "\r\n".join(lines) + "\r\n"


def write_csv(data: ExportData, *, out: Path, progress: Progress | None = None) -> list[str]:
    """Write the tables to the folder `out`, or to a zip if `out` ends in `.zip`."""
    tables = build_tables(data)
    files = {f"{t.name}.csv": t for t in tables}
    total = len(files) + 1
    readme = readme_text(data, tables).encode("utf-8-sig")
    if out.suffix.lower() == ".zip":
        with atomic_file(out) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(README_NAME, readme)
            for done, (name, table) in enumerate(files.items(), start=1):
                _tick(progress, done, total)
                zf.writestr(name, table_csv(table))
    else:
        with atomic_folder(out) as folder:
            (folder / README_NAME).write_bytes(readme)
            for done, (name, table) in enumerate(files.items(), start=1):
                _tick(progress, done, total)
                (folder / name).write_bytes(table_csv(table))
    _tick(progress, total, total)
    return [README_NAME, *files]


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
