"""The two tracks of a parallel segment as the projector shows them: side by side, a column
each ("Mentors", "Mentees") with its room prompt and its current step, the prompts set in
one type size (the largest at which both fit whole), so that neither group's text looks
more important than the other's. The one timer stays the presenter window's own."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from workshop_app.core.i18n import _
from workshop_app.ui.widgets.room_prompt import Fit, RoomPrompt

TRACK_HEADING_COLOUR = "#ffd27a"  # apart from the segment's heading, in the room's eyes
RULE_COLOUR = "#3a4d66"


class RoomTracks(QWidget):
    def __init__(self, watcher: QObject | None = None) -> None:
        """`watcher` is told of the prompts' resizes (the presenter refits them)."""
        super().__init__()
        self.setAccessibleName(_("The tracks, side by side"))
        self.headings: list[QLabel] = []
        self.prompts: list[RoomPrompt] = []
        self.steps: list[QLabel] = []
        self.fit = Fit(px=10, columns=1, fits=True)
        self._smallest = 10
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self._row = row
        for i in range(2):
            if i:
                rule = QFrame()
                rule.setFrameShape(QFrame.Shape.VLine)
                rule.setStyleSheet(f"color: {RULE_COLOUR};")
                row.addWidget(rule)
            heading = QLabel()
            heading.setStyleSheet(f"color: {TRACK_HEADING_COLOUR};")
            prompt = RoomPrompt()
            prompt.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            if watcher is not None:
                prompt.installEventFilter(watcher)
            step = QLabel()
            step.setWordWrap(True)
            step.setStyleSheet("color: #9fd3ff;")
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            step.setSizePolicy(policy)
            column = QVBoxLayout()
            column.addWidget(heading)
            column.addWidget(prompt, 1)
            column.addWidget(step)
            row.addLayout(column, 1)
            self.headings.append(heading)
            self.prompts.append(prompt)
            self.steps.append(step)

    def set_tracks(self, tracks: Sequence[tuple[str, str]]) -> None:
        """Each track's heading and room prompt (Markdown), in column order."""
        for (title, markdown), heading, prompt in zip(
            tracks, self.headings, self.prompts, strict=True
        ):
            heading.setText(title)
            heading.setAccessibleName(_("Track: {title}").format(title=title))
            prompt.set_markdown(markdown)
            prompt.setAccessibleName(_("Room prompt: {title}").format(title=title))

    def set_steps(self, steps: Sequence[str]) -> bool:
        """Each track's current step; True if that changed any (the prompts' room)."""
        changed = False
        for text, label in zip(steps, self.steps, strict=False):
            changed |= label.text() != text
            label.setText(text)
            label.setVisible(bool(text))
        return changed

    def set_type(self, heading_px: int, step_px: int, gap: int) -> None:
        for heading in self.headings:
            _set_px(heading, heading_px, bold=True)
        for step in self.steps:
            _set_px(step, step_px)
        self._row.setSpacing(gap)

    # -- fitting: one size for both prompts -----------------------------------------------

    def best_fit(self, *, cap: int, smallest: int) -> Fit:
        """The largest type up to `cap` at which both prompts fit their columns whole."""
        self._smallest = smallest
        fits = [p.best_fit(p.size(), cap=cap, smallest=smallest) for p in self.prompts]
        px = min(f.px for f in fits)
        return Fit(px=px, columns=max(f.columns for f in fits), fits=all(f.fits for f in fits))

    def use(self, fit: Fit) -> None:
        """Both prompts at `fit`'s size (each in one column or two, as it needs)."""
        self.fit = fit
        for prompt in self.prompts:
            prompt.use(
                prompt.best_fit(prompt.size(), cap=fit.px, smallest=min(fit.px, self._smallest))
            )

    def fits(self) -> bool:
        return all(p.fits(p.size()) for p in self.prompts)

    def shown_text(self) -> str:
        lines = []
        for heading, prompt, step in zip(self.headings, self.prompts, self.steps, strict=True):
            lines += [heading.text(), prompt.text()] + ([step.text()] if step.text() else [])
        return "\n".join(lines)

    def sizeHint(self) -> QSize:  # the window decides; the prompts take what is left
        return QSize(0, 0)


def _set_px(label: QLabel, px: int, *, bold: bool = False) -> None:
    font = QFont(label.font())
    font.setPixelSize(px)
    font.setBold(bold)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
