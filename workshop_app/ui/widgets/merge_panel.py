"""Merging rooms, in the background.

The merge reads every input through its own read-only connection (`merge_workshops` opens each
file with `WorkshopFile.open(path, readonly=True)` on the worker thread), so the workshop open
in the app can be one of the inputs while the app keeps it open for writing. The first file
listed keeps its pair codes (`merge.codes`), so this workshop goes first when it is included.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.i18n import _, ngettext
from workshop_app.core.jobs import stop_when_cancelled
from workshop_app.core.merge.report import MergeReport, Renamed
from workshop_app.core.merge.rooms import merge_workshops
from workshop_app.core.store.workshop_file import SUFFIX
from workshop_app.ui.jobs import Job, JobRow
from workshop_app.ui.style import ERROR_STYLE

RENAMED_STYLE = (
    "QLabel { background: #fff4ce; border: 1px solid #c19c00; border-radius: 4px; padding: 8px; }"
)
PATH_ROLE = Qt.ItemDataRole.UserRole


class MergePanel(QGroupBox):
    """Pick the rooms' files and the new file, merge in the background, show the report."""

    open_requested = Signal(Path)
    status = Signal(str)

    def __init__(self) -> None:
        super().__init__(_("Merge rooms"))
        self.current: Path | None = None
        self.merged: Path | None = None
        intro = QLabel(
            _(
                "Combine the workshop files of several rooms of this launch (same program, "
                "organisation and date) into one new file. The files are only read, never "
                "changed. Pair codes change only where they must, and each change is listed: "
                "the first file listed keeps its codes, and a signed charter keeps its code."
            )
        )
        intro.setWordWrap(True)
        self.include_current = QCheckBox(_("Include &this workshop"))
        self.include_current.setChecked(True)
        self.include_current.setAccessibleName(_("Include this workshop"))
        self.include_current.toggled.connect(self._update_buttons)
        self.inputs = QListWidget()
        self.inputs.setAccessibleName(_("Other rooms' workshop files"))
        self.inputs.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.inputs.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.add_button = QPushButton(_("&Add files…"))
        self.add_button.setAccessibleName(_("Add other rooms' files"))
        self.add_button.clicked.connect(self.add_files)
        self.remove_button = QPushButton(_("&Remove"))
        self.remove_button.setAccessibleName(_("Remove the selected files"))
        self.remove_button.clicked.connect(self.remove_selected)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.inputs)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_selected)
        self.inputs.itemSelectionChanged.connect(self._update_buttons)
        self.output = QLineEdit()
        self.output.setAccessibleName(_("Merged file"))
        self.output.setPlaceholderText(_("The new .workshop file to write"))
        self.output.textChanged.connect(self._update_buttons)
        self.choose_button = QPushButton(_("Choo&se…"))
        self.choose_button.setAccessibleName(_("Choose the merged file"))
        self.choose_button.clicked.connect(self.choose_output)
        self.merge_button = QPushButton(_("&Merge"))
        self.merge_button.setAccessibleName(_("Merge"))
        self.merge_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.merge_button.clicked.connect(self.merge)
        self.progress = JobRow(_("Merging"), button=self.merge_button)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(_("Merge problem"))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.renamed = QLabel()
        self.renamed.setWordWrap(True)
        self.renamed.setStyleSheet(RENAMED_STYLE)
        self.renamed.setAccessibleName(_("Renamed pair codes"))
        self.renamed.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.renamed.hide()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(_("Merge report"))
        self.report.setTabChangesFocus(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # a line a conflict
        self.report.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.report.hide()
        self.copy_button = QPushButton(_("Cop&y report"))
        self.copy_button.setAccessibleName(_("Copy the merge report"))
        self.copy_button.clicked.connect(self.copy_report)
        self.open_button = QPushButton(_("Open the merge&d file"))
        self.open_button.setAccessibleName(_("Open the merged file"))
        self.open_button.clicked.connect(self._open_merged)
        self.result_row = QWidget()
        result_buttons = QHBoxLayout(self.result_row)
        result_buttons.setContentsMargins(0, 0, 0, 0)
        result_buttons.addWidget(self.copy_button)
        result_buttons.addWidget(self.open_button)
        result_buttons.addStretch(1)
        self.result_row.hide()

        files_label = QLabel(_("Other rooms' files:"))
        files_label.setBuddy(self.inputs)
        list_buttons = QVBoxLayout()
        list_buttons.addWidget(self.add_button)
        list_buttons.addWidget(self.remove_button)
        list_buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.inputs, 1)
        files.addLayout(list_buttons)
        output_label = QLabel(_("Merged fi&le:"))
        output_label.setBuddy(self.output)
        output_row = QHBoxLayout()
        output_row.addWidget(output_label)
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.choose_button)
        action_row = QHBoxLayout()
        action_row.addWidget(self.merge_button)
        action_row.addWidget(self.progress, 1)
        action_row.addStretch(0)
        column = QVBoxLayout(self)
        column.setSpacing(8)
        column.addWidget(intro)
        column.addWidget(self.include_current)
        column.addWidget(files_label)
        column.addLayout(files)
        column.addLayout(output_row)
        column.addLayout(action_row)
        column.addWidget(self.error)
        column.addWidget(self.renamed)
        column.addWidget(self.report)
        column.addWidget(self.result_row)
        self.focus_order: list[QWidget] = [
            self.include_current,
            self.inputs,
            self.add_button,
            self.remove_button,
            self.output,
            self.choose_button,
            self.merge_button,
            self.progress.cancel_button,
            self.renamed,
            self.report,
            self.copy_button,
            self.open_button,
        ]
        self._update_buttons()

    # -- choosing ---------------------------------------------------------------------------

    def set_current(self, path: Path | None, suggested_output: Path | None) -> None:
        """The workshop open in the app (None: none), and where a merge of it would go."""
        if path != self.current:
            self.output.setText(str(suggested_output) if suggested_output else "")
        self.current = path
        self.include_current.setEnabled(path is not None)
        self.include_current.setText(
            _("Include &this workshop ({file})").format(file=path.name)
            if path
            else _("Include &this workshop")
        )
        self._update_buttons()

    def input_paths(self) -> list[Path]:
        """The files to merge, in order: this workshop first when included."""
        others = [Path(self.inputs.item(i).data(PATH_ROLE)) for i in range(self.inputs.count())]
        first = [self.current] if self.current and self.include_current.isChecked() else []
        return first + others

    def add_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Add other rooms' workshop files"),
            self._folder(),
            _("Workshop files ({pattern})").format(pattern=f"*{SUFFIX}"),
        )
        self.add_inputs([Path(n) for n in names])

    def add_inputs(self, paths: Sequence[Path]) -> None:
        known = {p.resolve() for p in self.input_paths()}
        if self.current is not None:
            known.add(self.current.resolve())
        for path in paths:
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            item = QListWidgetItem(f"{path.name}    ({path.parent})")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.inputs.addItem(item)
        self._update_buttons()

    def remove_selected(self) -> None:
        for item in self.inputs.selectedItems():
            self.inputs.takeItem(self.inputs.row(item))
        self._update_buttons()

    def choose_output(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Write the merged workshop to"),
            self.output.text(),
            _("Workshop ({pattern})").format(pattern=f"*{SUFFIX}"),
        )
        if name:
            self.output.setText(name)

    def _folder(self) -> str:
        return str(self.current.parent) if self.current else ""

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.inputs.selectedItems()))
        self.merge_button.setEnabled(
            not self.progress.busy
            and bool(self.output.text().strip())
            and len(self.input_paths()) >= 2
        )

    # -- merging ----------------------------------------------------------------------------

    def merge(self) -> None:
        if self.progress.busy:
            return
        out = Path(self.output.text().strip()).expanduser()
        if not out.suffix:
            out = out.with_suffix(SUFFIX)
            self.output.setText(str(out))
        inputs = self.input_paths()
        self.error.hide()
        self.renamed.hide()
        self.report.hide()
        self.result_row.hide()
        self.merged = None
        job = Job(
            lambda progress, cancelled: merge_workshops(
                out=out, inputs=inputs, progress=stop_when_cancelled(progress, cancelled)
            ),
            done=self._merged,
            cancelled=lambda: self._stopped(_("Merge cancelled: nothing was written.")),
            failed=self._failed,
            what=_("The merge"),
        )
        merging = ngettext("Merging {n} file…", "Merging {n} files…", len(inputs))
        self.progress.run(merging.format(n=len(inputs)), job)

    def _merged(self, report: MergeReport) -> None:
        self.merged = report.out
        self.report.setPlainText(report.text())
        self.report.show()
        if report.renamed:
            count = len(report.renamed)
            items = "".join(_renamed_item(r) for r in report.renamed)
            self.renamed.setText(
                ngettext(
                    "<b>{n} pair code was renamed</b>: in the merged file each pair has one "
                    "code, and no two pairs share one.{list}Charters already printed carry the "
                    "old code: reprint them, or correct the code on the paper.",
                    "<b>{n} pair codes were renamed</b>: in the merged file each pair has one "
                    "code, and no two pairs share one.{list}Charters already printed carry the "
                    "old code: reprint them, or correct the code on the paper.",
                    count,
                ).format(n=count, list=f"<ul>{items}</ul>")
            )
            self.renamed.show()
        self.result_row.show()
        self._update_buttons()
        self.status.emit(
            _("Merged into {file}: {conflicts}, {renamed}.").format(
                file=report.out.name,
                conflicts=ngettext("{n} conflict", "{n} conflicts", len(report.conflicts)).format(
                    n=len(report.conflicts)
                ),
                renamed=ngettext(
                    "{n} pair code renamed", "{n} pair codes renamed", len(report.renamed)
                ).format(n=len(report.renamed)),
            )
        )

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self._stopped(message)

    def _stopped(self, message: str) -> None:
        self._update_buttons()
        self.status.emit(message)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report.toPlainText())
        self.status.emit(_("The merge report is on the clipboard."))

    def _open_merged(self) -> None:
        if self.merged is not None:
            self.open_requested.emit(self.merged)


def _renamed_item(r: Renamed) -> str:
    old, new = html.escape(r.old_code), html.escape(r.new_code)
    where = {"names": html.escape(r.names), "source": html.escape(r.source)}
    what = (
        _("{names} (from {source}): <b>its signed charter shows {old}</b>").format(old=old, **where)
        if r.signed
        else _("{names} (from {source})").format(**where)
    )
    return f"<li><b>{old} → {new}</b>: {what}</li>"
