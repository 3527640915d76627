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
from workshop_app.core.file_names import safe_filename
from workshop_app.core.i18n import N_, _, ngettext, translations
from workshop_app.core.jobs import CancelCheck, Progress, stop_when_cancelled
from workshop_app.core.paths import resolved

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
# The sentence that says where an export went, per format ("ics-several": one file per pair).
EXPORTED = {
    "csv": N_("Exported the CSV files to {path}"),
    "xlsx": N_("Exported the Excel workbook to {path}"),
    "json": N_("Exported the JSON document to {path}"),
    "ics": N_("Exported the calendar to {path}"),
    "ics-several": N_("Exported the calendars to {path}"),
    "archive": N_("Exported the archive to {path}"),
}


def suggested_word(kind: str, lang: str | None) -> str:
    """The word that ends the file name the app suggests for an export of `kind` (a format,
    "ics-per-pair", or "merged": the rooms in one workshop file), after the program and date:
    in the workshop's language `lang`, as a person saves and finds the file by it; no two
    kinds share one, so that no two exports meet in one folder."""
    t = translations(lang)
    records = t.pgettext("file name", "records")
    words = {
        "csv": records,
        "xlsx": records,
        "json": records,
        "ics": t.pgettext("file name", "calendar"),
        "ics-per-pair": t.pgettext("file name", "calendars"),
        "archive": t.pgettext("file name", "archive"),
        "merged": t.pgettext("file name", "all rooms"),
    }
    return safe_filename(words[kind], suffix="", fallback=kind)


def included_labels(lang: str = "en") -> list[str]:
    """What `include_confidential` puts in, in words (in `lang`): the counterpart of
    `left_out_labels`."""
    t = translations(lang)
    out = [f"{t.gettext(f.label)} ({f.name})" for f in private_fields()]
    out.append(
        t.gettext("all SMART goals")
        if goals_private()
        else t.gettext("the goals pairs marked private, in full")
    )
    if plans_private():
        out.append(t.gettext("all troubleshooting plans"))
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
        n = len(self.files)
        exported = _(EXPORTED["ics-several" if self.format == "ics" and n > 1 else self.format])
        text = exported.format(path=self.path)
        if n > 1:
            text += " (" + ngettext("{n} file", "{n} files", n).format(n=f"{n:,}") + ")"
        text += "."
        private = (
            _("It INCLUDES private charter content.")
            if self.confidential_included
            else _("Private charter content was left out.")
        )
        return " ".join([text, private, *self.notes])


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
        raise UserError(
            _("Unknown export format {format}: use one of {formats}.").format(
                format=repr(format), formats=", ".join(FORMATS)
            )
        )
    path = output_path(format, out).expanduser().absolute()
    if resolved(path) == resolved(Path(wf.path)):
        raise UserError(
            _("{name} is the workshop file itself; choose another name.").format(name=path.name)
        )
    if not replace and path.is_file():
        raise UserError(
            _("{path} already exists: nothing was written. Choose another name.").format(path=path)
        )
    if per_pair and format != "ics":
        raise UserError(_("One file per pair is only for the calendar (ics) export."))
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
            notes.append(
                ngettext(
                    "{n} pair has no first meeting yet and is not in the calendar.",
                    "{n} pairs have no first meeting yet and are not in the calendar.",
                    without,
                ).format(n=f"{without:,}")
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
