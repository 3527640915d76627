"""Before charters are rendered for printing or saving: double-sided, and labelled copies."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charters.print_options import COPIES, PrintOptions
from workshop_app.core.words import count
from workshop_app.ui.style import HELP_STYLE

HINT_CHARS = 52  # the hints' width: a few short lines each
# Mnemonics that clash with neither the dialog's other keys nor each other.
COPY_TEXT = {"mentor": "&Mentor's copy", "mentee": "M&entee's copy", "program": "&Program's copy"}


class PrintOptionsDialog(QDialog):
    """Asks how to print `charters` charters, starting from `options` (the last choice)."""

    def __init__(
        self,
        *,
        charters: int,
        saving: bool,
        options: PrintOptions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.charters = charters
        self.setWindowTitle("Save charters as PDFs" if saving else "Print charters")
        self.duplex = QCheckBox("&Double-sided: start each charter on a front page")
        self.duplex.setAccessibleName("Double-sided")
        self.duplex.setChecked(options.duplex)
        duplex_hint = _hint(
            "A blank page follows a charter with an odd number of pages, so that no charter "
            "starts on the back of another. Turn this off to print on one side."
        )
        # A heading rather than a group box: a wrapped label inside a box is given too little
        # height (seen at 1.5x scaling).
        heading = QLabel("Labelled copies")
        heading.setStyleSheet("font-weight: 600;")
        copies_hint = _hint(
            "Each pair's charter is printed once for each copy ticked, its label at the foot of "
            "every page. With none ticked, one copy is printed without a label."
        )
        self.copies: dict[str, QCheckBox] = {}
        for key, label in COPIES.items():
            box = QCheckBox(COPY_TEXT[key])
            box.setAccessibleName(label)
            box.setChecked(key in options.copies)
            box.toggled.connect(self._update_total)
            self.copies[key] = box
        self.total = QLabel()
        self.total.setAccessibleName("What will be printed")
        self.total.setWordWrap(True)
        layout = QVBoxLayout(self)
        # Sized to its text, wrapped at the hints' width: a window the user may resize is not
        # given the height a wrapped text needs at a narrower width (seen at 1.5x scaling).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(self.duplex)
        layout.addWidget(duplex_hint)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(copies_hint)
        for box in self.copies.values():
            layout.addWidget(box)
        layout.addSpacing(8)
        layout.addWidget(self.total)
        if saving:
            layout.addWidget(
                _hint(
                    "These shape 'All charters.pdf'. Each pair's own PDF stays one copy "
                    "without a label or blank pages."
                )
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Choose a folder…" if saving else "Print…")
        ok.setAccessibleName("Save" if saving else "Print")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_total()

    def values(self) -> PrintOptions:
        chosen = tuple(key for key, box in self.copies.items() if box.isChecked())
        return PrintOptions(duplex=self.duplex.isChecked(), copies=chosen)

    def _update_total(self) -> None:
        """What the choice comes to: "12 charters, 3 labelled copies of each: 36 in all"."""
        copies = len(self.values().copies)
        charters = count(self.charters, "charter")
        labelled = count(copies, "labelled copy", "labelled copies")
        if not copies:
            each = "one copy" if self.charters == 1 else "one copy of each"
            self.total.setText(f"{charters}, {each} without a label.")
        elif self.charters == 1:
            self.total.setText(f"1 charter, {labelled}.")
        else:
            self.total.setText(
                f"{charters}, {labelled} of each: {count(self.charters * copies, 'copy', 'copies')}"
                " in all."
            )


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(label.fontMetrics().averageCharWidth() * HINT_CHARS)
    label.setStyleSheet(HELP_STYLE)
    return label
