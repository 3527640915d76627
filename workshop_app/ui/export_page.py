"""The "Export & merge" page: the records for program staff, and several rooms in one file.

Exports run on a worker thread that opens its own read-only connection to the workshop (the
app's connection belongs to the GUI thread; SQLite lets the worker read while the app writes).
Cancel makes the progress callback raise, which stops the export before anything is moved into
place. Private content (boundaries, goals marked private) goes in only when "Include private
content" is ticked and the confirmation that follows is accepted; declining the confirmation
exports nothing at all, so nobody ends up with a file that lacks what they asked for without
noticing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.child_process import run_in_child
from workshop_app.core.export_formats import (
    FILE_SUFFIX,
    FORMAT_LABELS,
    FORMATS,
    ExportResult,
    export_file,
    left_out_labels,
)
from workshop_app.core.export_tables import Progress
from workshop_app.core.workshop_file import SUFFIX
from workshop_app.ui.merge_panel import ERROR_STYLE, HELP_STYLE, JobProgress, MergePanel
from workshop_app.ui.page import WorkshopPage
from workshop_app.ui.print_jobs import open_folder

FORMAT_HELP = {
    "csv": "One file per table (participants, pairs and charters, goals, troubleshooting "
    "plans, attendance, agenda timings, sign-offs), for spreadsheets and HR systems.",
    "xlsx": "The same tables as sheets of one workbook, after a README sheet.",
    "json": "The whole workshop in one document, for HR systems and scripts.",
    "ics": "Each pair's meetings from their first meeting on, and their review checkpoints: "
    "one calendar for all pairs, or one per pair.",
    "archive": "Every charter as a PDF (as signed, where signed), the sponsor's one-page "
    "summary and the JSON. The app renders the charters in the background while the "
    "workshop is open; those not ready yet are rendered when you export.",
}
STEMS = {"csv": "records", "xlsx": "records", "json": "records", "ics": "calendar",
         "archive": "archive"}  # fmt: skip
KNOWN_SUFFIXES = {".zip", *FILE_SUFFIX.values()}
FILE_FILTERS = {".xlsx": "Excel workbook (*.xlsx)", ".json": "JSON (*.json)",
                ".ics": "Calendar (*.ics)", ".zip": "Zip file (*.zip)"}  # fmt: skip
INCLUDES_STYLE = "color: #8a4b00; font-weight: 600;"


# Tests turn this off to run exports in their own process (like Picard's inline task pool),
# where they can stand in for a slow step or a full disk.
IN_CHILD_PROCESS = True


def export_job(
    path: Path, *, format: str, out: Path, include_confidential: bool, per_pair: bool
) -> Callable[[Progress], ExportResult]:
    """The work of one export, for a worker thread: it waits on a child process that does the
    exporting (see `core.child_process`), so the window never waits on it."""

    def work(progress: Progress) -> ExportResult:
        args = (str(path), format, str(out), include_confidential, per_pair)
        if not IN_CHILD_PROCESS:
            result: ExportResult = export_file(*args, progress=progress, cancelled=lambda: False)
            return result
        result = run_in_child(export_file, *args, progress=progress, cancelled=lambda: False)
        return result

    return work


def safe_name(text: str) -> str:
    """`text` usable as a file name on every system."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", text)
    return " ".join(cleaned.split()).strip(" .") or "workshop"


class ExportPage(WorkshopPage):
    title = "Export & merge"
    open_requested = Signal(Path)  # the merged file, to open in the window

    def __init__(self) -> None:
        super().__init__()
        self.result: ExportResult | None = None
        self._target_for: Path | None = None
        self._base = "workshop"
        heading = QLabel("Export & merge")
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        intro = QLabel(
            "Give program staff the records of this workshop, and combine the files of "
            "several rooms. The workshop file is only read; exports leave out what is private "
            "to the pairs unless you ask for it."
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

        content = QWidget()
        content.setMaximumWidth(900)
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 24)
        column.setSpacing(14)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addWidget(self.export_box)
        column.addWidget(self.merge_panel)
        column.addStretch(1)
        holder = QWidget()
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(1)
        centred.addWidget(content, 100)
        centred.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
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
        box = QGroupBox("Export the records")
        column = QVBoxLayout(box)
        column.setSpacing(6)
        self.formats = QButtonGroup(box)
        self.format_buttons: dict[str, QRadioButton] = {}
        self.per_pair = QCheckBox("One calendar &per pair (a folder or a .zip)")
        self.per_pair.setAccessibleName("One calendar per pair")
        self.per_pair.toggled.connect(self._format_changed)
        self.archive_status = _note("", indent=26)
        self.archive_status.setAccessibleName("Archive preparation")
        self.archive_status.hide()
        for fmt in FORMATS:
            button = QRadioButton(FORMAT_LABELS[fmt])
            button.setAccessibleName(FORMAT_LABELS[fmt])
            button.setAccessibleDescription(FORMAT_HELP[fmt])
            self.formats.addButton(button)
            self.format_buttons[fmt] = button
            column.addWidget(button)
            column.addWidget(_note(FORMAT_HELP[fmt], indent=26))
            if fmt == "ics":
                column.addWidget(_indented(self.per_pair, 26))
            if fmt == "archive":
                column.addWidget(self.archive_status)
        self.format_buttons["csv"].setChecked(True)
        self.formats.buttonToggled.connect(self._format_toggled)

        self.as_zip = QRadioButton("a .&zip file")
        self.as_zip.setAccessibleName("Save as one zip file")
        self.as_folder = QRadioButton("a &new folder")
        self.as_folder.setAccessibleName("Save as a new folder")
        self.packaging = QButtonGroup(box)
        self.packaging.addButton(self.as_zip)
        self.packaging.addButton(self.as_folder)
        self.as_zip.setChecked(True)
        self.as_zip.toggled.connect(self._retarget)
        self.packaging_label = QLabel("Several files go in:")
        packaging = QHBoxLayout()
        packaging.addWidget(self.packaging_label)
        packaging.addWidget(self.as_zip)
        packaging.addWidget(self.as_folder)
        packaging.addStretch(1)

        self.destination = QLineEdit()
        self.destination.setAccessibleName("Export to")
        self.choose_button = QPushButton("C&hoose…")
        self.choose_button.setAccessibleName("Choose where to export")
        self.choose_button.clicked.connect(self.choose_destination)
        destination_label = QLabel("Sa&ve to:")
        destination_label.setBuddy(self.destination)
        destination = QHBoxLayout()
        destination.addWidget(destination_label)
        destination.addWidget(self.destination, 1)
        destination.addWidget(self.choose_button)

        self.include_private = QCheckBox(
            "&Include private content (boundaries, goals marked private)"
        )
        self.include_private.setAccessibleName("Include private content")
        left_out = "; ".join(left_out_labels())
        self.include_private.setAccessibleDescription(f"Left out unless ticked: {left_out}.")
        self.export_button = QPushButton("E&xport")
        self.export_button.setAccessibleName("Export")
        self.export_button.setDefault(True)
        self.export_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.export_button.clicked.connect(self.export)
        self.progress = JobProgress("Export")
        action = QHBoxLayout()
        action.addWidget(self.export_button)
        action.addWidget(self.progress, 1)
        action.addStretch(0)  # keeps the button at the left while nothing runs
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName("Export problem")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Export result")
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.open_folder_button = QPushButton("Open fol&der")
        self.open_folder_button.setAccessibleName("Open the folder of the export")
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
        column.addWidget(_note(f"Left out unless ticked: {left_out}.", indent=26))
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
            self.destination.setText(str(self._default_target()) if path else "")
            self.merge_panel.set_current(
                path, path.parent / f"{self._base} - all rooms{SUFFIX}" if path else None
            )

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

    def _base_name(self) -> str:
        """The start of every suggested name: the program and the date of the workshop."""
        if self.wf is None:
            return "workshop"
        w = self.wf.workshop()
        return safe_name(f"{w.program} {w.date}")

    def _stem(self, fmt: str) -> str:
        return f"{self._base} - {STEMS[fmt]}"

    def _suffix(self) -> str:
        fmt = self.chosen_format()
        if not self._writes_several():
            return FILE_SUFFIX[fmt]
        return ".zip" if self.as_zip.isChecked() else ""

    def _default_target(self) -> Path:
        assert self.wf is not None
        return self.wf.path.parent / (self._stem(self.chosen_format()) + self._suffix())

    def _retarget(self) -> None:
        """Fit the destination to the format: its suffix, and the suggested name if unchanged."""
        if self.wf is None:
            return
        text = self.destination.text().strip()
        current = Path(text).expanduser() if text else self._default_target()
        stem = current.name
        if Path(stem).suffix.lower() in KNOWN_SUFFIXES:
            stem = Path(stem).stem
        if stem in {self._stem(fmt) for fmt in FORMATS}:
            stem = self._stem(self.chosen_format())
        self.destination.setText(str(current.parent / (stem + self._suffix())))

    def choose_destination(self) -> None:
        self._retarget()
        current = Path(self.destination.text())
        if self._writes_several() and self.as_folder.isChecked():
            folder = QFileDialog.getExistingDirectory(
                self, "Choose where to create the export folder", str(current.parent)
            )
            chosen = str(Path(folder) / current.name) if folder else ""
        else:
            suffix = self._suffix()
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export to", str(current), FILE_FILTERS[suffix]
            )
        if chosen:
            self.destination.setText(chosen)
            self._retarget()

    # -- exporting --------------------------------------------------------------------------

    def export(self) -> None:
        """What the Export button does: export with the choices on the page."""
        self._retarget()
        self.export_to(
            Path(self.destination.text()),
            self.chosen_format(),
            include_confidential=self.include_private.isChecked(),
            per_pair=self.per_pair.isChecked(),
        )

    def export_to(
        self, out: Path, format: str, *, include_confidential: bool, per_pair: bool = False
    ) -> bool:
        """Start exporting to `out`; private content only once confirmed. True if started."""
        if self.wf is None or self.progress.busy:
            return False
        self.error.hide()
        self.summary.hide()
        self.open_folder_button.hide()
        if include_confidential and not self.confirm_private():
            self._show_summary(
                "Nothing was exported: including private content was not confirmed. Untick "
                "“Include private content” to export without it."
            )
            return False
        self.result = None
        self.export_button.setEnabled(False)
        self.progress.start(
            f"Exporting {format.upper()}…",
            export_job(
                self.wf.path,
                format=format,
                out=out,
                include_confidential=include_confidential,
                per_pair=per_pair and format == "ics",
            ),
            done=self._exported,
            cancelled=lambda: self._show_summary("Export cancelled: nothing was written."),
            failed=self._failed,
        )
        return True

    def confirm_private(self) -> bool:
        included = "".join(
            f"<li>{html.escape(label[0].upper() + label[1:])}</li>" for label in left_out_labels()
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Include private content?",
            "This export will include content that is private to the pairs.",
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setInformativeText(
            f"It will hold:<ul>{included}</ul>Mentors and mentees agreed that this stays "
            "between them. Every file will say that it INCLUDES private content; share it only "
            "with people the pairs agreed may see it."
        )
        include = box.addButton("Include private content", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is include

    def _exported(self, result: ExportResult) -> None:
        self.result = result
        self._show_summary(result.summary())
        self.summary.setStyleSheet(INCLUDES_STYLE if result.confidential_included else "")
        self.open_folder_button.show()

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.export_button.setEnabled(True)
        self.status.emit(message)

    def _show_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("")
        self.summary.show()
        self.export_button.setEnabled(True)
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
