"""Staff exports: one entry point for every format, used by the CLI and the app.

    result = export_workshop(wf, format="xlsx", out=Path("records.xlsx"), progress=cb)

Private charter content is left out unless `include_confidential=True` (the app asks for an
explicit confirmation first). Every format is written to a temporary name and moved into place,
so a failure, or `jobs.Cancelled` raised by `progress` to cancel, leaves nothing behind. Errors a
person can fix (full disk, no permission, unknown time zone, nothing to export) are `UserError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.core.errors import UserError
from workshop_app.core.exports.tables import (
    goals_private,
    left_out_labels,
    plans_private,
    private_fields,
    read_export_data,
)
from workshop_app.core.i18n import N_
from workshop_app.core.jobs import CancelCheck, Progress, stop_when_cancelled
from workshop_app.core.paths import resolved
from workshop_app.core.words import count

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

FORMATS = ("csv", "xlsx", "json", "ics", "archive")
# Formats written to one file get this suffix when the name given has none; the others are a
# folder, or a zip when the name ends in .zip.
FILE_SUFFIX = {"xlsx": ".xlsx", "json": ".json", "ics": ".ics"}
FORMAT_LABELS = {
    "csv": N_("CSV files (a folder or a .zip)"),
    "xlsx": N_("Excel workbook (.xlsx)"),
    "json": N_("JSON document (.json)"),
    "ics": N_("Calendar (.ics)"),
    "archive": N_("Archive of charters as PDF, staff summary and JSON (a folder or a .zip)"),
}
# What each format is called in a sentence ("Exported the archive to ...").
FORMAT_NAMES = {
    "csv": "the CSV files",
    "xlsx": "the Excel workbook",
    "json": "the JSON document",
    "ics": "the calendar",
    "archive": "the archive",
}


def included_labels() -> list[str]:
    """What `include_confidential` puts in, in words: the counterpart of `left_out_labels`."""
    out = [f"{f.label} ({f.name})" for f in private_fields()]
    out.append("all SMART goals" if goals_private() else "the goals pairs marked private, in full")
    if plans_private():
        out.append("all troubleshooting plans")
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportResult:
    format: str
    path: Path
    files: tuple[str, ...]
    confidential_included: bool
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """One or two sentences for the CLI and the app's status line."""
        several = len(self.files) > 1
        name = "the calendars" if self.format == "ics" and several else FORMAT_NAMES[self.format]
        text = f"Exported {name} to {self.path}"
        text += f" ({count(len(self.files), 'file')})." if several else "."
        if self.confidential_included:
            text += " It INCLUDES private charter content."
        else:
            text += " Private charter content was left out."
        return " ".join([text, *self.notes])


def output_path(format: str, out: Path | str) -> Path:
    """`out` with the format's suffix added when it has none."""
    out = Path(out)
    if format in FILE_SUFFIX and out.suffix == "":
        return out.with_suffix(FILE_SUFFIX[format])
    return out


def export_workshop(
    wf: WorkshopFile,
    *,
    format: str,
    out: Path | str,
    include_confidential: bool = False,
    per_pair: bool = False,
    timezone: str | None = None,
    progress: Progress | None = None,
    replace: bool = True,
) -> ExportResult:
    """Write the workshop's records for program staff in `format` to `out`.

    A file already at `out` is replaced (as `cp` would: the command line's rule) unless
    `replace` is False; the app asks the user first and passes what they answered. A folder
    target must be new or empty whatever `replace` says: an export never mixes with older files.
    """
    if format not in FORMATS:
        raise UserError(f"Unknown export format {format!r}: use one of {', '.join(FORMATS)}.")
    path = output_path(format, out).expanduser().absolute()
    if resolved(path) == resolved(Path(wf.path)):
        raise UserError(f"{path.name} is the workshop file itself; choose another name.")
    if not replace and path.is_file():
        raise UserError(f"{path} already exists: nothing was written. Choose another name.")
    if per_pair and format != "ics":
        raise UserError("One file per pair is only for the calendar (ics) export.")
    staged = _staged(progress)
    if progress is not None:
        progress(0, 1)
    data = read_export_data(wf, include_confidential=include_confidential)
    notes: list[str] = []
    files: list[str]
    if format == "csv":
        from workshop_app.core.exports.csv_tables import write_csv

        files = write_csv(data, out=path, progress=staged)
    elif format == "xlsx":
        from workshop_app.core.exports.xlsx_workbook import write_xlsx

        files = write_xlsx(data, out=path, progress=staged)
    elif format == "json":
        from workshop_app.core.exports.json_document import write_json

        files = write_json(data, out=path, progress=staged)
    elif format == "ics":
        from workshop_app.core.exports.ics_calendar import write_ics

        files = write_ics(data, out=path, per_pair=per_pair, timezone=timezone, progress=staged)
        without = sum(
            1 for o in data.overview if not data.fields.get(o.pair_id, {}).get("first_meeting")
        )
        if without:
            has, is_ = ("has", "is") if without == 1 else ("have", "are")
            notes.append(
                f"{count(without, 'pair')} {has} no first meeting yet and {is_} not in the "
                "calendar."
            )
    else:
        from workshop_app.core.exports.archive import write_archive

        files = write_archive(wf, data, out=path, progress=staged)
    return ExportResult(
        format=format,
        path=path,
        files=tuple(files),
        confidential_included=include_confidential,
        notes=tuple(notes),
    )


def _staged(progress: Progress | None) -> Progress:
    """Reading the workshop counts as the first step of the writer's progress."""

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(done + 1, total + 1)

    return report


__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "FORMAT_NAMES",
    "ExportResult",
    "export_workshop",
    "included_labels",
    "left_out_labels",
]


def export_file(
    path: str,
    format: str,
    out: str,
    include_confidential: bool,
    per_pair: bool,
    replace: bool,
    *,
    progress: Progress,
    cancelled: CancelCheck,
) -> ExportResult:
    """`export_workshop` as a job for a child process (plain arguments, in order): opens the
    workshop read-only itself, and raises `Cancelled` once `cancelled()`, having written
    nothing."""
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(Path(path), readonly=True) as wf:
        return export_workshop(
            wf,
            format=format,
            out=Path(out),
            include_confidential=include_confidential,
            per_pair=per_pair,
            progress=stop_when_cancelled(progress, cancelled),
            replace=replace,
        )
