"""The runner page's parts: its buttons, the coloured banners that say what mode the page is
in (a rehearsal, the projector blank or frozen, looking at another segment than the one that
runs), and the box that writes a pair's plan into its charter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from workshop_app.core.i18n import _


def runner_button(text: str, name: str, *, checkable: bool = False) -> QPushButton:
    """A button of the runner: it never takes the focus, so Space, the arrows and the other
    runner keys keep driving the timer after a click."""
    button = QPushButton(text)
    button.setToolTip(name)
    button.setAccessibleName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCheckable(checkable)
    return button


def on_click(button: QPushButton, slot: Callable[[], object]) -> None:
    """Run `slot` when `button` is clicked (whether or not it is checkable)."""
    button.clicked.connect(lambda _checked=False: slot())


class Banner(QFrame):
    """A coloured strip across the top of the page: a sentence and its buttons."""

    def __init__(self, name: str, *, background: str, foreground: str = "#1a1a1a") -> None:
        super().__init__()
        self.setObjectName(name)
        self.setStyleSheet(
            f"#{name} {{ background: {background}; border-radius: 4px; }}"
            f" #{name} QLabel {{ color: {foreground}; font-weight: 600; }}"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(name.replace("_", " "))
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(10, 6, 10, 6)
        self._row.addWidget(self.label, 1)
        self.hide()

    def add_button(self, text: str, name: str) -> QPushButton:
        button = runner_button(text, name)
        self._row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return button

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))


class PlanBox(QGroupBox):
    """Write a pair's "if this happens, we will ..." plan for the scenario into its charter."""

    def __init__(self) -> None:
        super().__init__("Record a pair's plan for this scenario")
        self.pair = QComboBox()
        self.pair.setAccessibleName(_("Pair"))
        self.pair.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pair.setMinimumContentsLength(16)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(_("If this happens, we will"))
        self.text.setPlaceholderText(_("If this happens, we will …"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        self.add = QPushButton(_("Add to the pair's charter"))
        self.add.setAccessibleName(_("Add to the pair's charter"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pair)
        layout.addWidget(self.text)
        layout.addWidget(self.add)
        layout.addWidget(self.result)
