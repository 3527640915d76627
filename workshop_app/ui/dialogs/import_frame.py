"""What every import dialog has (a roster, a check-in survey export): an introduction, the file
chosen and a Choose file… button, a summary line, one area showing nothing chosen yet / what
will be imported / the problems, Copy problems, and Import (on only when the file can go in)
beside Cancel. Nothing is written until Import is pressed; `write` then writes all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.ask import name_buttons
from workshop_app.ui.screen_fit import fit_to_screen
from workshop_app.ui.style import ERROR_COLOUR


class ImportFrame(QDialog):
    """The frame; a subclass gives its words, what checks a chosen file (`check`: shows the
    preview or the problems) and what writes it (`write`: all or nothing, a UserError when
    nothing was written), and lays out `area` (or a widget holding it) with `lay_out`."""

    def __init__(
        self,
        wf: WorkshopFile,
        parent: QWidget | None,
        *,
        title: str,
        size: QSize,
        intro: str,
        what: str,  # "roster", "survey export", translated: names the file's field and button
        waiting: str,  # what the area says before a file is chosen
        file_filter: str,
        check: Callable[[Path], None],
        write: Callable[[], Any],
    ) -> None:
        super().__init__(parent)
        self.wf = wf
        self._check, self._write = check, write
        self.imported: Any = None  # what `apply` returned
        self._what, self._file_filter = what, file_filter
        self.setWindowTitle(title)
        fit_to_screen(self, size)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(_("No file chosen yet"))
        # Translators: {what} is "roster" or "survey export".
        self.path.setAccessibleName(_("The {what} file").format(what=what))
        self.choose_button = QPushButton(_("&Choose file…"))
        self.choose_button.setAccessibleName(_("Choose {what} file").format(what=what))
        self.choose_button.clicked.connect(self.choose_file)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Import summary"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        # Nothing chosen yet, what will be imported, or the problems: one area that takes the
        # room the dialog has, so the text above stays together at the top.
        self.waiting = QLabel(waiting)
        self.waiting.setWordWrap(True)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setStyleSheet("color: palette(placeholder-text);")
        self.preview = QTreeWidget()
        self.preview.setHeaderHidden(True)
        self.preview.setAccessibleName(_("What will be imported"))
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(_("Problems found in the {what}").format(what=what))
        self.area = QStackedWidget()
        for widget in (self.waiting, self.preview, self.problems):
            self.area.addWidget(widget)
        self.copy_button = QPushButton(_("Cop&y problems"))
        self.copy_button.setAccessibleName(_("Copy problems"))
        self.copy_button.clicked.connect(self.copy_problems)
        self.copy_button.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(_("Import"))
        self.import_button.setEnabled(False)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def lay_out(self, body: QWidget) -> None:
        """The dialog's layout, with `body` (the area, or a widget holding it) taking the room."""
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.choose_button.setFocus()

    def choose_file(self) -> None:
        start = self.path.text() or str(self.wf.path.parent)
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the {what}").format(what=self._what), start, self._file_filter
        )
        if name:
            self._check(Path(name))

    def show_problems(self, headline: str, lines: list[str]) -> None:
        self.summary.setText(headline)
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;")
        self.summary.show()
        self.problems.setPlainText("\n".join(lines))
        self.area.setCurrentWidget(self.problems)
        self.copy_button.show()
        self.import_button.setEnabled(False)

    def start_preview(self) -> None:
        """Before a preview is filled: the summary plain again, no problems, an empty tree."""
        self.summary.setStyleSheet("")
        self.summary.show()
        self.copy_button.hide()
        self.preview.clear()

    def offer_import(self, something: bool) -> None:
        """Import on (and the default button, with the focus) when there is something to
        import; off when not."""
        self.import_button.setEnabled(something)
        if something:
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(self.problems.toPlainText())

    def accept(self) -> None:
        if not self.import_button.isEnabled():
            return
        try:
            self.imported = self._write()
        except UserError as exc:
            self.show_problems(exc.message, [exc.message, *exc.details])
            return
        super().accept()
