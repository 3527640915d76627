"""A troubleshooting scenario as the facilitator runs it: the situation paragraph by paragraph,
what tends to go wrong, the plan prompts and the good plans, each part the room may see with
a button that shows it on the projector (or hides it again), and the box that writes a pair's
plan into its charter.

The room sees only the room prompt until the facilitator reveals a part: the notes for
"A partner who goes silent" say to reveal the last paragraph of the situation after the pairs
have talked; those for "Repeated cancellations" to read out a good plan if the room is quiet.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from workshop_app.core.content.library import Exercise
from workshop_app.core.i18n import N_, _
from workshop_app.core.runner.room_text import RevealablePart

SHOW, HIDE = N_("Show the room"), N_("Hide from the room")


class ScenarioPanel(QScrollArea):
    reveal_toggled = Signal(str, bool)  # part key, now shown

    def __init__(self, plan_box: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(_("The scenario, for the facilitator"))
        self.plan_box = plan_box
        self.reveal_buttons: dict[str, QPushButton] = {}
        self._parts_box = QWidget()
        self._parts = QVBoxLayout(self._parts_box)
        self._parts.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5a6570;")
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.hint)
        layout.addWidget(self._parts_box)
        layout.addWidget(plan_box)
        layout.addStretch(1)
        self.setWidget(content)

    def show_scenario(
        self,
        exercise: Exercise,
        parts: list[RevealablePart],
        revealed: Collection[str],
        *,
        can_reveal: bool,
        what_goes_wrong: str,
    ) -> None:
        """Lay out `exercise`'s parts; the reveal buttons work only when it is the segment
        on the projector."""
        while self._parts.count():
            item = self._parts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.reveal_buttons = {}
        self.hint.setText(
            _(
                "Show a part to the room when the time comes; the room sees only the prompt "
                "until then."
            )
            if can_reveal
            else _("This scenario is not on the projector: start it to show its parts to the room.")
        )
        heading_of = {
            "situation": _("Situation"),
            "plan": _("Plan prompts"),
            "good": _("Good plans"),
        }
        shown_heading = ""
        for part in parts:
            heading = heading_of[part.key.split("-")[0]]
            if heading != shown_heading:
                if heading == heading_of["plan"] and what_goes_wrong:
                    self._heading(_("What tends to go wrong (for you)"))
                    self._text(what_goes_wrong)
                self._heading(heading)
                shown_heading = heading
            self._text(part.text)
            button = QPushButton(_(HIDE) if part.key in revealed else _(SHOW))
            button.setCheckable(True)
            button.setChecked(part.key in revealed)
            button.setEnabled(can_reveal)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the timer
            label = part.label
            button.setAccessibleName(_("Show {part} on the projector").format(part=label.lower()))
            button.setToolTip(
                _("{part}: show it on the projector, or hide it again").format(part=label)
            )
            button.toggled.connect(lambda on, key=part.key, b=button: self._toggled(key, b, on))
            self._parts.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.reveal_buttons[part.key] = button
        self.setToolTip(exercise.title)

    def _heading(self, text: str) -> None:
        label = QLabel(text)
        label.setStyleSheet("font-size: 12pt; font-weight: 700; margin-top: 8px;")
        self._parts.addWidget(label)

    def _text(self, markdown: str) -> None:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.MarkdownText)
        label.setText(markdown)
        label.setWordWrap(True)
        label.setStyleSheet("font-size: 11pt;")
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # wraps to the panel's width, never widens it
        label.setSizePolicy(policy)
        self._parts.addWidget(label)

    def _toggled(self, key: str, button: QPushButton, on: bool) -> None:
        button.setText(_(HIDE) if on else _(SHOW))
        self.reveal_toggled.emit(key, on)
