"""The "Export & merge" page: the records for program staff, and several rooms in one file.

Exports run as a `Job` that waits on a child process, which opens its own read-only connection
to the workshop (SQLite lets it read while the app writes). Cancel stops the export before
anything is moved into place. Private content (boundaries, goals marked private) goes in only
when "Include private content" is ticked and the confirmation that follows is accepted;
declining the confirmation exports nothing at all, so nobody ends up with a file that lacks
what they asked for without noticing.

No file is replaced without asking: when the target exists, the page asks Replace, Choose another
name or Cancel before anything runs, and passes the answer on (`replace=`), so the export never
replaces a file that appeared after the question. A folder that exists and is not empty cannot be
a target (an export never mixes with older files): the page offers a new name beside it.

The folder and the choices (format, zip or folder, one calendar per pair) are remembered per
workshop, across visits to the page and restarts; private content always starts unticked.
"""

from __future__ import annotations

import html
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.exports.formats import (
    FILE_SUFFIX,
    FORMAT_LABELS,
    FORMATS,
    ExportResult,
    export_file,
    included_labels,
    left_out_labels,
    suggested_word,
)
from workshop_app.core.file_names import safe_filename
from workshop_app.core.i18n import N_, _, interface_language
from workshop_app.core.jobs import CancelCheck, Progress, run_in_child
from workshop_app.core.store.workshop_file import SUFFIX
from workshop_app.ui.dialogs.ask import CANCEL, ask
from workshop_app.ui.jobs import Job, JobRow, Work
from workshop_app.ui.pages.base import WorkshopPage, fill_with_scrolling, page_column, page_heading
from workshop_app.ui.print_jobs import open_folder
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.style import ERROR_STYLE, HELP_STYLE, WARNING_COLOUR
from workshop_app.ui.widgets.merge_panel import MergePanel

FORMAT_HELP = {
    "csv": N_(
        "One file per table (participants, pairs and charters, goals, troubleshooting "
        "plans, attendance, agenda timings, sign-offs, and after the launch check-ins, the contact "
        "log, reviews and closures), for spreadsheets and HR systems."
    ),
    "xlsx": N_("The same tables as sheets of one workbook, after a README sheet."),
    "json": N_("The whole workshop in one document, for HR systems and scripts."),
    "ics": N_(
        "Each pair's meetings from their first meeting on, and their review checkpoints: "
        "one calendar for all pairs, or one per pair."
    ),
    "archive": N_(
        "Every charter as a PDF (as signed, where signed), the sponsor's one-page "
        "summary and the JSON. The app renders the charters in the background while the "
        "workshop is open; those not ready yet are rendered when you export."
    ),
}
KNOWN_SUFFIXES = {".zip", *FILE_SUFFIX.values()}
FILE_FILTERS = {".xlsx": N_("Excel workbook (*.xlsx)"), ".json": N_("JSON (*.json)"),
                ".ics": N_("Calendar (*.ics)"), ".zip": N_("Zip file (*.zip)")}  # fmt: skip
# What the progress row says while each kind of export runs.
EXPORTING = {
    "csv": N_("Exporting the CSV files…"),
    "xlsx": N_("Exporting the Excel workbook…"),
    "json": N_("Exporting the JSON document…"),
    "ics": N_("Exporting the calendar…"),
    "ics-per-pair": N_("Exporting the calendars…"),
    "archive": N_("Exporting the archive…"),
}
INCLUDES_STYLE = f"color: {WARNING_COLOUR}; font-weight: 600;"


def export_job(
    path: Path,
    *,
    format: str,
    out: Path,
    include_confidential: bool,
    per_pair: bool,
    replace: bool,
) -> Work:
    """The work of one export: a child process exports (`core.jobs.run_in_child`), the job's
    thread waits for it, so neither the window nor the projector's timer waits on it."""

    def work(progress: Progress, cancelled: CancelCheck) -> ExportResult:
        args = (str(path), format, str(out), include_confidential, per_pair, replace)
        result: ExportResult = run_in_child(
            export_file, *args, progress=progress, cancelled=cancelled
        )
        return result

    return work


def free_name(target: Path) -> Path:
    """`target` itself if nothing is there, else the first of "NAME (2)", "NAME (3)", ..."""
    suffix = target.suffix if target.suffix.lower() in KNOWN_SUFFIXES else ""
    stem = target.name[: len(target.name) - len(suffix)]
    candidate, number = target, 2
    while candidate.exists():
        candidate = target.with_name(f"{stem} ({number}){suffix}")
        number += 1
    return candidate


class ExportPage(WorkshopPage):
    title = N_("Export & merge")
    open_requested = Signal(Path)  # the merged file, to open in the window

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.result: ExportResult | None = None
        self._target_for: Path | None = None
        self._base = "workshop"
        self._lang = "en"  # the workshop's: the suggested names are in it
        self._folder: Path | None = None  # where exports go
        self._names: dict[str, str] = {}  # a name of the user's own, per kind of export
        self._restoring = False
        intro = QLabel(
            _(
                "Give program staff the records of this workshop, and combine the files of "
                "several rooms. The workshop file is only read; exports leave out what is private "
                "to the pairs unless you ask for it."
            )
        )
        intro.setWordWrap(True)
        self.export_box = self._export_box()
        self.merge_panel = MergePanel()
        self.merge_panel.open_requested.connect(self.open_requested)
        self.merge_panel.status.connect(self.status)
        for box in (self.export_box, self.merge_panel):
            box.setStyleSheet(
                "QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }"
            )

        content, column = page_column(900)
        column.addWidget(page_heading(_("Export & merge")))
        column.addWidget(intro)
        column.addWidget(self.export_box)
        column.addWidget(self.merge_panel)
        column.addStretch(1)
        self.scroll_area = fill_with_scrolling(self, content, name=_("Export and merge"))
        order = [*self.format_buttons.values(), self.per_pair, self.as_zip, self.as_folder,
                 self.destination, self.choose_button, self.include_private, self.export_button,
                 self.progress.cancel_button, self.summary, self.open_folder_button,
                 *self.merge_panel.focus_order]  # fmt: skip
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self._format_changed()
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _export_box(self) -> QGroupBox:
        box = QGroupBox(_("Export the records"))
        column = QVBoxLayout(box)
        column.setSpacing(6)
        self.formats = QButtonGroup(box)
        self.format_buttons: dict[str, QRadioButton] = {}
        self.per_pair = QCheckBox(_("One calendar &per pair (a folder or a .zip)"))
        self.per_pair.setAccessibleName(_("One calendar per pair"))
        self.per_pair.toggled.connect(self._format_changed)
        self.archive_status = _note("", indent=26)
        self.archive_status.setAccessibleName(_("Archive preparation"))
        self.archive_status.hide()
        for fmt in FORMATS:
            button = QRadioButton(_(FORMAT_LABELS[fmt]))
            button.setAccessibleName(_(FORMAT_LABELS[fmt]))
            button.setAccessibleDescription(_(FORMAT_HELP[fmt]))
            self.formats.addButton(button)
            self.format_buttons[fmt] = button
            column.addWidget(button)
            column.addWidget(_note(_(FORMAT_HELP[fmt]), indent=26))
            if fmt == "ics":
                column.addWidget(_indented(self.per_pair, 26))
            if fmt == "archive":
                column.addWidget(self.archive_status)
        self.format_buttons["csv"].setChecked(True)
        self.formats.buttonToggled.connect(self._format_toggled)

        self.as_zip = QRadioButton(_("a .&zip file"))
        self.as_zip.setAccessibleName(_("Save as one zip file"))
        self.as_folder = QRadioButton(_("a &new folder"))
        self.as_folder.setAccessibleName(_("Save as a new folder"))
        self.packaging = QButtonGroup(box)
        self.packaging.addButton(self.as_zip)
        self.packaging.addButton(self.as_folder)
        self.as_zip.setChecked(True)
        self.as_zip.toggled.connect(self._packaging_changed)
        self.packaging_label = QLabel(_("Several files go in:"))
        packaging = QHBoxLayout()
        packaging.addWidget(self.packaging_label)
        packaging.addWidget(self.as_zip)
        packaging.addWidget(self.as_folder)
        packaging.addStretch(1)

        self.destination = QLineEdit()
        self.destination.setAccessibleName(_("Export to"))
        self.destination.textEdited.connect(self._destination_typed)
        self.destination.editingFinished.connect(self._remember)
        self.choose_button = QPushButton(_("Ch&oose…"))
        self.choose_button.setAccessibleName(_("Choose where to export"))
        self.choose_button.clicked.connect(self.choose_destination)
        destination_label = QLabel(_("Sa&ve to:"))
        destination_label.setBuddy(self.destination)
        destination = QHBoxLayout()
        destination.addWidget(destination_label)
        destination.addWidget(self.destination, 1)
        destination.addWidget(self.choose_button)

        self.include_private = QCheckBox(
            _("&Include private content (boundaries, goals marked private)")
        )
        self.include_private.setAccessibleName(_("Include private content"))
        self.private_note = _note("", indent=26)
        self.private_note.setAccessibleName(_("What private content is"))
        self.include_private.toggled.connect(self._describe_private)
        self._describe_private(False)
        self.export_button = QPushButton(_("E&xport"))
        self.export_button.setAccessibleName(_("Export"))
        self.export_button.setDefault(True)
        self.export_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.export_button.clicked.connect(self.export)
        self.progress = JobRow(_("Export"), button=self.export_button)
        action = QHBoxLayout()
        action.addWidget(self.export_button)
        action.addWidget(self.progress, 1)
        action.addStretch(0)  # keeps the button at the left while nothing runs
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(_("Export problem"))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Export result"))
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.open_folder_button = QPushButton(_("Open fol&der"))
        self.open_folder_button.setAccessibleName(_("Open the folder of the export"))
        self.open_folder_button.clicked.connect(self.open_result_folder)
        result = QHBoxLayout()
        result.addWidget(self.summary, 1)
        result.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        for widget in (self.error, self.summary, self.open_folder_button):
            widget.hide()

        column.addSpacing(6)
        column.addLayout(packaging)
        column.addLayout(destination)
        column.addSpacing(6)
        column.addWidget(self.include_private)
        column.addWidget(self.private_note)
        column.addSpacing(6)
        column.addLayout(action)
        column.addWidget(self.error)
        column.addLayout(result)
        return box

    # -- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.export_box.setEnabled(self.wf is not None)
        path = self.wf.path if self.wf is not None else None
        if path != self._target_for:
            self._target_for = path
            self._base = self._base_name()
            self._lang = self.wf.workshop().language if self.wf is not None else "en"
            self._names = {}
            self._folder = path.parent if path else None
            if path is not None:
                self._restore(self.settings.export_choices(path))
            self._retarget()
            merged = f"{self._base} - {suggested_word('merged', self._lang)}{SUFFIX}"
            self.merge_panel.set_current(path, path.parent / merged if path else None)

    def _restore(self, choices: dict[str, str]) -> None:
        """Put back what was chosen for this workshop last time (a folder only if it still
        exists); a workshop without any starts from the defaults."""
        self._restoring = True
        try:
            folder = Path(choices["folder"]) if choices["folder"] else None
            if folder is not None and folder.is_dir():
                self._folder = folder
            fmt = choices["format"] if choices["format"] in self.format_buttons else FORMATS[0]
            self.format_buttons[fmt].setChecked(True)
            self.per_pair.setChecked(choices["per_pair"] == "yes")
            (self.as_folder if choices["packaging"] == "folder" else self.as_zip).setChecked(True)
        finally:
            self._restoring = False

    def _remember(self) -> None:
        if self.wf is None or self._restoring:
            return
        self._destination_typed(self.destination.text())
        self.settings.set_export_choices(
            self.wf.path,
            {
                "folder": str(self._folder) if self._folder else "",
                "format": self.chosen_format(),
                "packaging": "folder" if self.as_folder.isChecked() else "zip",
                "per_pair": "yes" if self.per_pair.isChecked() else "no",
            },
        )

    def _describe_private(self, included: bool) -> None:
        """The help under the tick box says what the export will do with private content."""
        if included:
            text = _(
                "Will be included: {what}. You will be asked to confirm before anything is "
                "written, and every file will say that it includes private content."
            ).format(what="; ".join(included_labels(interface_language())))
        else:
            left_out = left_out_labels(interface_language())
            text = _("Left out unless ticked: {what}.").format(what="; ".join(left_out))
        self.private_note.setText(text)
        self.private_note.setStyleSheet(INCLUDES_STYLE if included else HELP_STYLE)
        self.include_private.setAccessibleDescription(text)

    def set_archive_status(self, text: str) -> None:
        """What the background preparation of the archive is doing (see `archive_prep`)."""
        self.archive_status.setText(text)
        self.archive_status.setVisible(bool(text))

    @property
    def busy(self) -> bool:
        return self.progress.busy or self.merge_panel.progress.busy

    def chosen_format(self) -> str:
        return next(fmt for fmt, b in self.format_buttons.items() if b.isChecked())

    def _writes_several(self) -> bool:
        fmt = self.chosen_format()
        return fmt in ("csv", "archive") or (fmt == "ics" and self.per_pair.isChecked())

    def _format_toggled(self, _button: QRadioButton, on: bool) -> None:
        if on:
            self._format_changed()

    def _format_changed(self) -> None:
        self.per_pair.setEnabled(self.chosen_format() == "ics")
        several = self._writes_several()
        for widget in (self.packaging_label, self.as_zip, self.as_folder):
            widget.setEnabled(several)
        self._retarget()
        self._remember()

    def _packaging_changed(self) -> None:
        self._retarget()
        self._remember()

    def _base_name(self) -> str:
        """The start of every suggested name: the program and the date of the workshop."""
        if self.wf is None:
            return "workshop"
        w = self.wf.workshop()
        return safe_filename(f"{w.program} {w.date}", suffix="", fallback="workshop")

    def _kind(self) -> str:
        """The kind of export chosen: a format, or the calendars one per pair."""
        fmt = self.chosen_format()
        return "ics-per-pair" if fmt == "ics" and self.per_pair.isChecked() else fmt

    def _stem(self, kind: str) -> str:
        return f"{self._base} - {suggested_word(kind, self._lang)}"

    def _suffix(self) -> str:
        fmt = self.chosen_format()
        if not self._writes_several():
            return FILE_SUFFIX[fmt]
        return ".zip" if self.as_zip.isChecked() else ""

    def _writes_folder(self) -> bool:
        return self._writes_several() and self.as_folder.isChecked()

    def _destination_typed(self, text: str) -> None:
        """Take the folder, and the name if it is not the one suggested, from what was typed."""
        text = text.strip()
        if not text or self.wf is None:
            return
        typed = Path(text).expanduser()
        stem = typed.name
        if Path(stem).suffix.lower() in KNOWN_SUFFIXES:
            stem = Path(stem).stem
        kind = self._kind()
        if stem and stem != self._stem(kind):
            self._names[kind] = stem
        else:
            self._names.pop(kind, None)
        self._folder = typed.parent

    def _retarget(self) -> None:
        """Show the target for the chosen kind of export: the folder in use, the kind's own
        name (the suggested one, or one the user gave it) and the suffix it needs."""
        if self.wf is None or self._folder is None:
            self.destination.setText("")
            return
        kind = self._kind()
        stem = self._names.get(kind, self._stem(kind))
        self.destination.setText(str(self._folder / (stem + self._suffix())))

    def choose_destination(self) -> bool:
        """Ask where to export with the system's dialog. False if the user cancelled it."""
        self._destination_typed(self.destination.text())
        self._retarget()
        current = Path(self.destination.text())
        if self._writes_folder():
            folder = QFileDialog.getExistingDirectory(
                self, _("Choose where to create the export folder"), str(current.parent)
            )
            chosen = str(Path(folder) / current.name) if folder else ""
        else:
            # The page asks before replacing (one question, whichever way the name was given).
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                _("Export to"),
                str(current),
                _(FILE_FILTERS[self._suffix()]),
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
        if not chosen:
            return False
        self._destination_typed(chosen)
        self._retarget()
        self._remember()
        return True

    # -- exporting --------------------------------------------------------------------------

    def export(self) -> None:
        """What the Export button does: export with the choices on the page, asking first if
        something is already where the export would go."""
        if self.wf is None or self.progress.busy:
            return
        self._destination_typed(self.destination.text())
        self._retarget()
        self._remember()
        out = Path(self.destination.text())
        replace = False
        if self._cannot_replace(out):
            if not self._offer_new_name(out):
                return
            out = Path(self.destination.text())
        elif out.is_file():
            answer = self._ask_replace(out)
            if answer == "cancel":
                self._show_summary(
                    _("Nothing was exported: {name} was kept as it is.").format(name=out.name)
                )
                return
            if answer == "other":
                if self.choose_destination():
                    self.export()  # the name chosen gets the same question if it exists
                return
            replace = True
        self.export_to(
            out,
            self.chosen_format(),
            include_confidential=self.include_private.isChecked(),
            per_pair=self.per_pair.isChecked(),
            replace=replace,
        )

    def _cannot_replace(self, out: Path) -> bool:
        """Whether something is at `out` that an export may not replace: for a folder export,
        a file or a folder with files in it; for a file export, a folder."""
        if self._writes_folder():
            return out.is_file() or (out.is_dir() and any(out.iterdir()))
        return out.is_dir()

    def _ask_replace(self, out: Path) -> str:
        """ "replace", "other" (choose another name) or "cancel", for a file already there."""
        return ask(
            self,
            _("Replace the existing file?"),
            _("“{name}” already exists in {folder}.").format(name=out.name, folder=out.parent),
            detail=_(
                "Replacing it removes what it holds now. If the export fails or is cancelled, "
                "the file stays as it is."
            ),
            answers=[("replace", _("Replace")), ("other", _("Choose another name…")), (CANCEL, "")],
            default=CANCEL,
            destructive="replace",
            icon=QMessageBox.Icon.Warning,
        )

    def _offer_new_name(self, out: Path) -> bool:
        """Something that cannot be replaced is at `out` (a folder with files in it, or a
        folder where a file should go): offer a free name beside it. True to export there."""
        if out.is_dir():
            what = (
                _("The folder “{name}” already exists in {folder} and is not empty.")
                if self._writes_folder()
                else _("The folder “{name}” already exists in {folder}.")
            )
        else:
            what = _("A file named “{name}” already exists in {folder}.")
        what = what.format(name=out.name, folder=out.parent)
        new = free_name(out)
        answer = ask(
            self,
            _("Choose a new name"),
            what,
            detail=_(
                "An export never mixes with older files and never replaces a folder. It can go "
                "in a new one beside it."
            ),
            answers=[
                ("new", _("Export to “{name}”").format(name=new.name)),
                ("other", _("Choose another name…")),
                (CANCEL, ""),
            ],
            default="new",
            icon=QMessageBox.Icon.Warning,
        )
        if answer == "new":
            self.destination.setText(str(new))
            self._destination_typed(str(new))
            self._remember()
            return True
        if answer == "other" and self.choose_destination():
            self.export()
            return False
        if answer != "other":
            self._show_summary(
                _("Nothing was exported: {name} was kept as it is.").format(name=out.name)
            )
        return False

    def export_to(
        self,
        out: Path,
        format: str,
        *,
        include_confidential: bool,
        per_pair: bool = False,
        replace: bool = False,
    ) -> bool:
        """Start exporting to `out`; private content only once confirmed; a file at `out` only
        replaced if `replace`. True if started."""
        if self.wf is None or self.progress.busy:
            return False
        self.error.hide()
        self.summary.hide()
        self.open_folder_button.hide()
        if include_confidential and not self.confirm_private():
            self._show_summary(
                _(
                    "Nothing was exported: including private content was not confirmed. Untick "
                    "“Include private content” to export without it."
                )
            )
            return False
        self.result = None
        per_pair = per_pair and format == "ics"
        job = Job(
            export_job(
                self.wf.path,
                format=format,
                out=out,
                include_confidential=include_confidential,
                per_pair=per_pair,
                replace=replace,
            ),
            done=self._exported,
            cancelled=lambda: self._show_summary(_("Export cancelled: nothing was written.")),
            failed=self._failed,
            what=_("The export"),
        )
        self.progress.run(_(EXPORTING["ics-per-pair" if per_pair else format]), job)
        return True

    def confirm_private(self) -> bool:
        included = "".join(
            f"<li>{html.escape(label[0].upper() + label[1:])}</li>"
            for label in included_labels(interface_language())
        )
        answer = ask(
            self,
            _("Include private content?"),
            _("This export will include content that is private to the pairs."),
            detail=_(
                "It will hold:<ul>{included}</ul>Mentors and mentees agreed that this stays "
                "between them. Every file will say that it INCLUDES private content; share it "
                "only with people the pairs agreed may see it."
            ).format(included=included),
            answers=[("include", _("Include private content")), (CANCEL, "")],
            default=CANCEL,
            icon=QMessageBox.Icon.Warning,
        )
        return answer == "include"

    def _exported(self, result: ExportResult) -> None:
        self.result = result
        self._show_summary(result.summary())
        self.summary.setStyleSheet(INCLUDES_STYLE if result.confidential_included else "")
        self.open_folder_button.show()

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.status.emit(message)

    def _show_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("")
        self.summary.show()
        self.status.emit(text)

    def open_result_folder(self) -> None:
        if self.result is not None:
            path = self.result.path
            open_folder(path if path.is_dir() else path.parent)


def _note(text: str, *, indent: int) -> QLabel:
    note = QLabel(text)
    note.setWordWrap(True)
    note.setStyleSheet(HELP_STYLE)
    note.setContentsMargins(indent, 0, 0, 4)
    return note


def _indented(widget: QWidget, indent: int) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(indent, 0, 0, 0)
    row.addWidget(widget)
    return holder
