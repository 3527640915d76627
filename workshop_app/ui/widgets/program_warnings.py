"""The warnings at the top of the Program page, each with its fix one click away."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton

from workshop_app.core.i18n import _
from workshop_app.core.model import WORKSHOP_FIELDS
from workshop_app.core.readiness import ProgramWarning

STYLE = (
    "#programWarnings { background: #fff4d6; border: 1px solid #e0c16c; border-radius: 6px; }"
    "#programWarnings QLabel { color: #4a3800; }"
)
_LABELS = {f.name: f.label for f in WORKSHOP_FIELDS}


class ProgramWarnings(QFrame):
    """One line per warning: what is wrong, and "Use the standard wording" where there is
    one, or a button that takes the focus to the field."""

    use_wording = Signal(str)  # the field's name
    show_field = Signal(str)

    def __init__(self, wording: Mapping[str, str]) -> None:
        super().__init__()
        self.setObjectName("programWarnings")
        self.setStyleSheet(STYLE)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(12, 8, 12, 8)
        self.grid.setColumnStretch(0, 1)
        self.rows: dict[str, tuple[QLabel, QPushButton]] = {}
        for row, name in enumerate(("date", *wording)):
            text = QLabel()
            text.setWordWrap(True)
            label = _(_LABELS[name])
            text.setAccessibleName(_("Warning about {field}").format(field=label))
            if name in wording:
                button = QPushButton(_("Use the standard wording"))
                button.setAccessibleName(_("Use the standard wording: {field}").format(field=label))
                button.setToolTip(_("Fills in wording you can then edit to fit your program"))
                button.clicked.connect(lambda _=False, n=name: self.use_wording.emit(n))
            else:
                button = QPushButton(_("Change the date"))
                button.setAccessibleName(_("Change the date"))
                button.clicked.connect(lambda _=False, n=name: self.show_field.emit(n))
            self.grid.addWidget(text, row, 0)
            self.grid.addWidget(button, row, 1)
            self.rows[name] = (text, button)
        self.hide()

    def show_warnings(self, warnings: list[ProgramWarning]) -> None:
        by_field = {w.field: w for w in warnings}
        for name, (text, button) in self.rows.items():
            warning = by_field.get(name)
            text.setVisible(warning is not None)
            button.setVisible(warning is not None)
            text.setText(f"⚠ {warning.message}" if warning else "")
        self.setVisible(bool(by_field.keys() & self.rows.keys()))
