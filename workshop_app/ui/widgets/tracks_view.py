"""A parallel segment's tracks for the facilitator, side by side: a column each headed
"Mentors" and "Mentees", with the track's current step (or its steps) and its room prompt.
The runner's Room prompt tab and the Agenda page show it above the together part."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget


class TracksView(QWidget):
    def __init__(self, name: str = "The tracks, side by side") -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.headings: list[QLabel] = []
        self.steps: list[QLabel] = []
        self.prompts: list[QTextBrowser] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        for _ in range(2):
            heading = QLabel()
            heading.setStyleSheet("font-size: 13pt; font-weight: 700;")
            step = QLabel()
            step.setWordWrap(True)
            step.setStyleSheet("font-size: 11pt; color: #1f5f8b;")
            step.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            prompt = QTextBrowser()
            prompt.setOpenLinks(False)
            prompt.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            prompt.setStyleSheet("font-size: 12pt;")
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(heading)
            column.addWidget(step)
            column.addWidget(prompt, 1)
            row.addLayout(column, 1)
            self.headings.append(heading)
            self.steps.append(step)
            self.prompts.append(prompt)

    def show_tracks(self, tracks: Sequence[tuple[str, str]]) -> None:
        """Each track's heading and room prompt (Markdown), in column order."""
        for (title, markdown), heading, step, prompt in zip(
            tracks, self.headings, self.steps, self.prompts, strict=True
        ):
            heading.setText(title)
            heading.setAccessibleName(f"Track: {title}")
            step.setAccessibleName(f"{title}: step")
            prompt.setAccessibleName(f"{title}: room prompt")
            prompt.setMarkdown(markdown)

    def show_steps(self, steps: Sequence[str]) -> None:
        """What each track is doing now (or will do), in column order."""
        for text, label in zip(steps, self.steps, strict=True):
            label.setText(text)
            label.setVisible(bool(text))
