"""Save a checkpoint's review packets as PDFs: the checkpoint, the folder, one combined file or
not, then progress, Cancel, and one line saying what was written where.

The packets are rendered as the charters are printed: in a child process
(`core.jobs.run_in_child`, WeasyPrint never runs in the app's process, the projector's timer
keeps ticking) that hands them to the charters' worker processes
(`core.followup.review_render`). The dialog stays open while they render; closing it cancels
(the packets finished stay, each whole).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.followup.review_context import checkpoint_counts
from workshop_app.core.followup.review_render import COMBINED_NAME, PacketsWritten
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.jobs import CancelCheck, Progress, run_in_child
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.jobs import Job, JobRow, Work
from workshop_app.ui.print_jobs import open_folder
from workshop_app.ui.style import ERROR_STYLE, HELP_STYLE
from workshop_app.ui.widgets.fields import name_inner_parts

FOLDER_CHARS = 52


def packets_work(
    path: Path, day: int, folder: Path, combined: bool, duplex: bool, pair_ids: list[str] | None
) -> Work:
    def work(progress: Progress, cancelled: CancelCheck) -> PacketsWritten:
        from workshop_app.core.followup.review_render import write_review_packets

        written: PacketsWritten = run_in_child(
            write_review_packets,
            str(path),
            day,
            str(folder),
            combined,
            None,
            duplex,
            pair_ids,
            progress=progress,
            cancelled=cancelled,
        )
        return written

    return work


class ReviewPacketsDialog(QDialog):
    """The packets of one checkpoint, for every open pair that has it (or for `pair_id`)."""

    def __init__(
        self, wf: WorkshopFile, *, pair_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.wf = wf
        self.pair_ids = None if pair_id is None else [pair_id]
        self.written: PacketsWritten | None = None
        self._closing = False
        self.setWindowTitle(_("Print review packets"))
        intro = QLabel(
            _(
                "One packet per pair for a checkpoint review, pre-filled from the pair's signed "
                "charter: their goals with a 1-5 scale, their cadence, their plans, and room for "
                "what they change. Closed pairs are left out."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HELP_STYLE)
        self.checkpoint = QComboBox()
        self.checkpoint.setAccessibleName(_("Checkpoint"))
        counts = checkpoint_counts(wf, pair_ids=self.pair_ids)
        for day, pairs in counts.items():
            shown = ngettext("Day {day} ({n} pair)", "Day {day} ({n} pairs)", pairs)
            self.checkpoint.addItem(shown.format(day=day, n=f"{pairs:,}"), day)
        self.folder = QLineEdit(str(wf.path.parent / "Review packets"))
        self.folder.setAccessibleName(_("Folder"))
        self.folder.setMinimumWidth(self.folder.fontMetrics().averageCharWidth() * FOLDER_CHARS)
        self.folder.setCursorPosition(0)
        choose = QPushButton(_("C&hoose…"))
        choose.setAccessibleName(_("Choose the folder"))
        choose.setAutoDefault(False)  # Return in the folder field saves, it does not browse
        choose.clicked.connect(self._choose)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.combined = QCheckBox(
            _("Also &one PDF of all of them ({file})").format(file=COMBINED_NAME)
        )
        self.combined.setAccessibleName(_("Combined file"))
        self.combined.setChecked(pair_id is None)
        self.duplex = QCheckBox(_("&Double-sided: start each packet on a front page"))
        self.duplex.setAccessibleName(_("Double-sided"))
        self.duplex.setChecked(True)
        self.combined.toggled.connect(self.duplex.setEnabled)
        self.duplex.setEnabled(self.combined.isChecked())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(
            _("&Save packets"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(_("Save packets"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(close.text().replace("&", ""))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.row = JobRow(_("Printing review packets"), button=self.save_button)
        self.result_line = QLabel()
        self.result_line.setWordWrap(True)
        self.result_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_line.setAccessibleName(_("Result"))
        self.result_line.hide()
        self.open_button = QPushButton(_("Open the &folder"))
        self.open_button.setAccessibleName(_("Open the folder"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: open_folder(Path(self.folder.text())))
        self.open_button.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_buddy(_("Chec&kpoint"), self.checkpoint), self.checkpoint)
        form.addRow(_buddy(_("&Into the folder"), self.folder), folder_row)
        form.addRow(self.combined)
        form.addRow(self.duplex)
        layout = QVBoxLayout(self)
        # As big as what it shows, wrapped lines included (see the sign dialog).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.row)
        result = QHBoxLayout()
        result.addWidget(self.result_line, 1)
        result.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(result)
        layout.addWidget(self.buttons)
        if not counts:
            self._say(
                _("There is nobody to review: every pair is closed.")
                if wf.roster.pairs()
                else _("There are no pairs yet: import the roster first."),
                error=True,
            )
            self.save_button.setEnabled(False)
        # Return saves: the progress row's Cancel (made before Save) would otherwise be the
        # dialog's default button, hidden as it is.
        self.row.cancel_button.setAutoDefault(False)
        self.save_button.setDefault(True)
        name_inner_parts(self)
        intro.setMaximumWidth(self.sizeHint().width())

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Save the review packets in this folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)
            self.folder.setCursorPosition(0)

    def start(self) -> None:
        """Render the chosen checkpoint's packets into the folder."""
        if self.row.busy or self.checkpoint.currentIndex() < 0:
            return
        text = self.folder.text().strip()
        if not text:
            self._say(_("Choose a folder for the packets first."), error=True)
            return
        folder = Path(text).expanduser()
        if folder.exists() and not folder.is_dir():
            self._say(
                _("{folder} is a file: choose a folder for the packets.").format(folder=folder),
                error=True,
            )
            return
        day = int(self.checkpoint.currentData())
        self.result_line.hide()
        self.open_button.hide()
        job = Job(
            packets_work(
                self.wf.path,
                day,
                folder,
                self.combined.isChecked(),
                self.duplex.isChecked(),
                self.pair_ids,
            ),
            done=lambda written: self._done(written, folder),
            failed=lambda message: self._ended(message, error=True),
            cancelled=lambda: self._ended(
                _("Cancelled; the packets finished are kept, each whole.")
            ),
            what=_("Printing review packets"),
        )
        self.row.run(
            _("Rendering the day-{day} review packets…").format(day=day),
            job,
            counting=_("Rendering review packets"),
        )

    def _done(self, written: PacketsWritten, folder: Path) -> None:
        self.written = written
        n = len(written.files)
        values = {"n": f"{n:,}", "day": written.day, "folder": folder}
        if written.left_out:
            saved = ngettext(
                "Saved {n} review packet for day {day} in {folder}; {left_out}.",
                "Saved {n} review packets for day {day} in {folder}; {left_out}.",
                n,
            ).format(left_out=written.left_out, **values)
        else:
            saved = ngettext(
                "Saved {n} review packet for day {day} in {folder}.",
                "Saved {n} review packets for day {day} in {folder}.",
                n,
            ).format(**values)
        self._ended(saved)
        self.open_button.setVisible(not self._closing)

    def _ended(self, text: str, *, error: bool = False) -> None:
        if self._closing:
            super().reject()
            return
        self._say(text, error=error)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.result_line.setStyleSheet(ERROR_STYLE if error else "")
        self.result_line.setText(text)
        self.result_line.show()

    def reject(self) -> None:
        """Close; while packets render, cancel first and close once they have stopped."""
        if self.row.busy:
            self._closing = True
            self.row.cancel()
            return
        super().reject()


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def open_review_packets(parent: QWidget, wf: WorkshopFile, pair_id: str | None = None) -> bool:
    """Save review packets (of `pair_id`, or of every open pair); True when some were saved."""
    with deleted_after(ReviewPacketsDialog(wf, pair_id=pair_id, parent=parent)) as dialog:
        dialog.exec()
        return dialog.written is not None
