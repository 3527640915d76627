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

from workshop_app.core.charters.batch import COMBINED_NAME
from workshop_app.core.charters.print_options import COPIES, PrintOptions
from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.ui.style import HELP_STYLE

HINT_CHARS = 52  # the hints' width: a few short lines each
# Mnemonics that clash with neither the dialog's other keys nor each other.
COPY_TEXT = {
    "mentor": N_("&Mentor's copy"),
    "mentee": N_("M&entee's copy"),
    "program": N_("&Program's copy"),
}
# The copies' names for screen readers (and tests): `COPIES`' labels, translated.
COPY_NAME = {
    "mentor": N_("Mentor's copy"),
    "mentee": N_("Mentee's copy"),
    "program": N_("Program's copy"),
}


class PrintOptionsDialog(QDialog):
    """Asks how to print `charters` charters, starting from `options` (the last choice);
    saving, it names the file the options shape, `combined_name` (in the charters' language)."""

    def __init__(
        self,
        *,
        charters: int,
        saving: bool,
        options: PrintOptions,
        combined_name: str = COMBINED_NAME,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.charters = charters
        self.setWindowTitle(_("Save charters as PDFs") if saving else _("Print charters"))
        self.duplex = QCheckBox(_("&Double-sided: start each charter on a front page"))
        self.duplex.setAccessibleName(_("Double-sided"))
        self.duplex.setChecked(options.duplex)
        duplex_hint = _hint(
            _(
                "A blank page follows a charter with an odd number of pages, so that no "
                "charter starts on the back of another. Turn this off to print on one side."
            )
        )
        # A heading rather than a group box: a wrapped label inside a box is given too little
        # height (seen at 1.5x scaling).
        heading = QLabel(_("Labelled copies"))
        heading.setStyleSheet("font-weight: 600;")
        copies_hint = _hint(
            _(
                "Each pair's charter is printed once for each copy ticked, its label at the "
                "foot of every page. With none ticked, one copy is printed without a label."
            )
        )
        self.copies: dict[str, QCheckBox] = {}
        for key in COPIES:
            box = QCheckBox(_(COPY_TEXT[key]))
            box.setAccessibleName(_(COPY_NAME[key]))
            box.setChecked(key in options.copies)
            box.toggled.connect(self._update_total)
            self.copies[key] = box
        self.total = QLabel()
        self.total.setAccessibleName(_("What will be printed"))
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
                    _(
                        "These shape '{file}'. Each pair's own PDF stays one copy without a "
                        "label or blank pages."
                    ).format(file=combined_name)
                )
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Choose a &folder…") if saving else _("P&rint…"))
        ok.setAccessibleName(_("Save") if saving else _("Print"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
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
        n = self.charters
        if not copies:
            text = ngettext(
                "{n} charter, one copy without a label.",
                "{n} charters, one copy of each without a label.",
                n,
            )
        elif n == 1:
            text = ngettext(
                "1 charter, {copies} labelled copy.", "1 charter, {copies} labelled copies.", copies
            )
        else:
            # Translators: {copies} labelled copies of each of {n} charters, {total} in all.
            text = ngettext(
                "{n} charters, {copies} labelled copy of each: {total} copies in all.",
                "{n} charters, {copies} labelled copies of each: {total} copies in all.",
                copies,
            )
        self.total.setText(text.format(n=n, copies=copies, total=n * copies))


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(label.fontMetrics().averageCharWidth() * HINT_CHARS)
    label.setStyleSheet(HELP_STYLE)
    return label
