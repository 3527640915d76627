"""The sponsor's outcomes report: choose PDF or workbook, whether what people wrote goes in
(only once confirmed), where to save it; it is written in the background, then "Saved …"
with a button that opens it.

The report is written by a child process that opens the workshop read-only
(`outcomes_render.write_report_file`), so the window and the projector's timer never wait on
it, and a read-only workshop gives the same report.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.file_names import safe_filename
from workshop_app.core.followup.outcomes_render import report_target, write_report_file
from workshop_app.core.followup.outcomes_suppress import MINIMUM
from workshop_app.core.i18n import N_, _, translations
from workshop_app.core.jobs import CancelCheck, Progress, run_in_child
from workshop_app.ui.dialogs.ask import CANCEL, ask, name_buttons
from workshop_app.ui.dialogs.checkin import open_file
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.jobs import Job, JobRow
from workshop_app.ui.style import DONE_COLOUR, ERROR_STYLE, HELP_STYLE
from workshop_app.ui.widgets.locale import shown_long_date

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

FILTERS = {"pdf": N_("PDF (*.pdf)"), "xlsx": N_("Excel workbook (*.xlsx)")}
# The hints wrap at this width, or at the dialog's when a line that cannot wrap (the comments
# box in French) makes it wider: a fixed width lost lines then, the dialog's height being
# reckoned at its own width.
HINT_WIDTH = 460


def open_outcomes_report(
    parent: QWidget | None,
    wf: WorkshopFile,
    pair_id: str | None = None,
    *,
    today: date | None = None,
) -> bool:
    """Show the dialog; True when a report was saved. The report is the whole program's and
    never names a pair, so `pair_id` (the pair selected where it was opened) changes nothing."""
    del pair_id
    with deleted_after(OutcomesReportDialog(wf, today=today or date.today(), parent=parent)) as d:
        d.exec()
        return d.saved is not None


class OutcomesReportDialog(QDialog):
    def __init__(self, wf: WorkshopFile, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        self.today = today
        self.saved: Path | None = None
        self.setWindowTitle(_("Outcomes report"))
        workshop = wf.workshop()
        intro = _hint(
            _(
                "The program's figures as of {date}, for the sponsor: participation, charters "
                "signed, pairs meeting at their agreed cadence, goal progress, fit, "
                "satisfaction and closures, beside the program's own measures of success. "
                "No count of fewer than {minimum} people is shown, and no charter content."
            ).format(
                date=shown_long_date(QDate(today.year, today.month, today.day)), minimum=MINIMUM
            )
        )
        self.pdf = QRadioButton(_("One-page &PDF, to send or print"))
        self.pdf.setAccessibleName(_("PDF"))
        self.xlsx = QRadioButton(_("Excel &workbook, with every figure"))
        self.xlsx.setAccessibleName(_("Excel workbook"))
        self.pdf.setChecked(True)
        formats = QButtonGroup(self)
        for button in (self.pdf, self.xlsx):
            formats.addButton(button)
            button.toggled.connect(self._format_changed)
        self.comments = QCheckBox(_("&Include what people wrote (comments, reasons for closures)"))
        self.comments.setAccessibleName(_("Include comments"))
        comments_hint = _hint(
            _(
                "Check-in comments and the reasons given for closures, one per person, in no "
                "particular order; none at all when fewer than {minimum} people wrote one. You "
                "are asked to confirm before they are saved."
            ).format(minimum=MINIMUM)
        )
        # The suggested name is in the workshop's language, as the report is.
        name = (
            translations(workshop.language)
            .pgettext("file name", "{program} outcomes {date}")
            .format(program=workshop.program, date=today.isoformat())
        )
        self.destination = QLineEdit(str(wf.path.parent / safe_filename(name, fallback="outcomes")))
        self.destination.setAccessibleName(_("Save the report as"))
        self.destination.returnPressed.connect(self.save)
        choose = QPushButton(_("C&hoose…"))
        choose.setAccessibleName(_("Choose where to save the report"))
        choose.clicked.connect(self.choose_destination)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(choose)

        self.save_button = QPushButton(_("&Save report"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        self.progress = JobRow(_("Saving the report"), button=self.save_button)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(_("What went wrong"))
        self.error.hide()
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setAccessibleName(_("Saved report"))
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(_("&Open"))
        self.open_button.setAccessibleName(_("Open the report"))
        self.open_button.clicked.connect(self.open_saved)
        done = QHBoxLayout()
        done.addWidget(self.saved_label, 1)
        done.addWidget(self.open_button)
        self.saved_label.hide()
        self.open_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        # Sized to its text: a wrapped hint is given the height it needs at any scaling.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(_heading(_("Format")))
        layout.addWidget(self.pdf)
        layout.addWidget(self.xlsx)
        layout.addSpacing(6)
        layout.addWidget(self.comments)
        layout.addWidget(comments_hint)
        layout.addSpacing(6)
        layout.addWidget(_heading(_("Save as")))
        layout.addLayout(where)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(done)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        name_buttons(self)

    # -- choosing -----------------------------------------------------------------------------

    def chosen_format(self) -> str:
        return "xlsx" if self.xlsx.isChecked() else "pdf"

    def _format_changed(self) -> None:
        """The name follows the format: report.pdf becomes report.xlsx."""
        path = Path(self.destination.text().strip())
        if path.suffix.lower() in (".pdf", ".xlsx"):
            self.destination.setText(str(path.with_suffix(f".{self.chosen_format()}")))

    def choose_destination(self) -> bool:
        format = self.chosen_format()
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the outcomes report as"),
            self.destination.text(),
            _(FILTERS[format]),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked once, on saving
        )
        if not chosen:
            return False
        self.destination.setText(chosen)
        return True

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Start writing the report; True if started."""
        if self.progress.busy:
            return False
        self.error.hide()
        self.saved_label.hide()
        self.open_button.hide()
        text = self.destination.text().strip()
        if not text:
            return self._refused(_("Give the report a file name first."))
        try:
            out, format = report_target(Path(text).expanduser(), self.chosen_format())
        except UserError as exc:
            return self._refused(exc.message)
        if out.is_dir():
            return self._refused(
                _("{path} is a folder: give the report a file name.").format(path=out)
            )
        if not out.parent.is_dir():
            return self._refused(
                _("The folder {folder} does not exist: nothing was saved.").format(
                    folder=out.parent
                )
            )
        include = self.comments.isChecked()
        if include and not self.confirm_comments():
            return self._refused(
                _(
                    "Nothing was saved: including what people wrote was not confirmed. Untick "
                    "“Include what people wrote” to save the report without it."
                )
            )
        if out.exists() and not self._replace(out):
            return self._refused(
                _("Nothing was saved: {file} was kept as it is.").format(file=out.name)
            )
        self.destination.setText(str(out))
        args = (str(self.wf.path), str(out), format, self.today.isoformat(), include)

        def work(progress: Progress, cancelled: CancelCheck) -> str:
            written: str = run_in_child(
                write_report_file, *args, progress=progress, cancelled=cancelled
            )
            return written

        job = Job(
            work,
            done=self._saved,
            failed=self._failed,
            cancelled=lambda: self._failed(_("Cancelled: nothing was saved.")),
            what=_("The outcomes report"),
        )
        self.progress.run(_("Saving the outcomes report…"), job)
        return True

    def confirm_comments(self) -> bool:
        answer = ask(
            self,
            _("Include what people wrote?"),
            _("The report will include what mentors and mentees wrote in their own words."),
            detail="<ul><li>{comments}</li><li>{reasons}</li></ul>{rest}".format(
                comments=_("Comments from check-in surveys"),
                reasons=_("The reasons given for no-fault closures"),
                rest=_(
                    "They are listed one per person, in no particular order, and only when at "
                    "least {minimum} people wrote one. Someone who knows a pair may still "
                    "recognise their words: share the report only with people the program "
                    "told participants would see it."
                ).format(minimum=MINIMUM),
            ),
            answers=[("include", _("Include what they wrote")), (CANCEL, "")],
            default=CANCEL,
            icon=QMessageBox.Icon.Warning,
        )
        return answer == "include"

    def _replace(self, out: Path) -> bool:
        answer = ask(
            self,
            _("Replace the file?"),
            _("{file} already exists in {folder}.").format(
                file=html.escape(out.name), folder=html.escape(str(out.parent))
            ),
            detail=_("Replacing it writes the new report in its place."),
            answers=[("replace", _("Replace")), (CANCEL, "")],
            default=CANCEL,
            destructive="replace",
        )
        return answer == "replace"

    def _saved(self, path: str) -> None:
        self.saved = Path(path)
        self.saved_label.setText(_("Saved {path}").format(path=path))
        self.saved_label.setStyleSheet(f"color: {DONE_COLOUR};")
        self.saved_label.show()
        self.open_button.show()
        self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _refused(self, message: str) -> bool:
        """Say why nothing was saved: False, for `save` to return."""
        self._failed(message)
        return False

    def open_saved(self) -> None:
        if self.saved is not None and not open_file(self.saved):
            self._failed(
                _("This computer has no program to open {file} with.").format(file=self.saved.name)
            )

    def reject(self) -> None:
        """Close, unless the report is still being written (Cancel stops it first)."""
        if self.progress.busy:
            self.progress.cancel()
            return
        super().reject()


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(HINT_WIDTH)
    label.setStyleSheet(HELP_STYLE)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600;")
    return label
