"""A spin box for an agenda's minutes: "10 min", "7.5 min", never "10.0 min"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from workshop_app.core.i18n import _

MAX_MINUTES = 600


class MinutesSpinBox(QDoubleSpinBox):
    """Minutes in half minutes, the unit agendas plan in. (The wheel over it changes it only
    once it has focus: see `wheel_guard`.)"""

    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0.5, MAX_MINUTES)
        self.setDecimals(1)
        self.setSingleStep(5)
        self.setSuffix(" " + _("min"))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def textFromValue(self, value: float) -> str:
        halves = round(value * 2)
        if halves % 2 == 0:
            return self.locale().toString(halves // 2)
        return self.locale().toString(halves / 2, "f", 1)

    def valueFromText(self, text: str) -> float:
        value = super().valueFromText(text)
        return round(value * 2) / 2 or 0.5

    def setAccessibleName(self, name: str) -> None:
        """Name the box and the line edit inside it, which is what takes the keyboard focus."""
        super().setAccessibleName(name)
        self.lineEdit().setAccessibleName(name)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()
