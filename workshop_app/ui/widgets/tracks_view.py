"""A parallel segment's tracks for the facilitator, side by side: a column each headed
"Mentors" and "Mentees", with the track's current step (or its steps) and its room prompt.
The runner's Room prompt tab and the Agenda page show it above the together part."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.content.model import Exercise, minutes_text, track_timelines
from workshop_app.core.i18n import _
from workshop_app.core.model import Workshop
from workshop_app.core.runner.room_text import track_prompts


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
        for _round in range(2):
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
            # However little height the page has, the headings and steps keep theirs.
            prompt.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
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
            heading.setAccessibleName(_("Track: {title}").format(title=title))
            step.setAccessibleName(_("{title}: step").format(title=title))
            prompt.setAccessibleName(_("{title}: room prompt").format(title=title))
            prompt.setMarkdown(markdown)

    def show_steps(self, steps: Sequence[str]) -> None:
        """What each track is doing now (or will do), in column order."""
        for text, label in zip(steps, self.steps, strict=True):
            label.setText(text)
            label.setVisible(bool(text))


class ParallelPreview(QScrollArea):
    """The Agenda page's look at a parallel segment, at the minutes the agenda gives it:
    both tracks side by side (each one's steps and room prompt), then the together part.
    It scrolls when the page is short (1.5x on a small screen), rather than squeeze."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("The parallel segment's tracks"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.setWidget(content)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.tracks = TracksView("The tracks, side by side")
        self.together = QLabel()
        self.together.setWordWrap(True)
        self.together.setAccessibleName(_("Then together"))
        for prompt in self.tracks.prompts:  # a few lines of each, whatever the page's height
            prompt.setMinimumHeight(prompt.fontMetrics().lineSpacing() * 3)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tracks, 1)
        layout.addWidget(self.together)

    def show_exercise(self, exercise: Exercise, minutes: float, workshop: Workshop) -> None:
        timeline = exercise.timeline(minutes)
        apart = sum(s.minutes for s in timeline if s.tracks)
        self.summary.setText(
            _(
                "In parallel: mentors and mentees apart for {apart}, then together for {together}"
            ).format(apart=minutes_text(apart), together=minutes_text(minutes - apart))
        )
        self.tracks.show_tracks(track_prompts(exercise, workshop, minutes=minutes))
        self.tracks.show_steps(track_steps_text(exercise, minutes))
        self.together.setText(together_text(exercise, minutes))


def track_steps_text(exercise: Exercise, minutes: float) -> list[str]:
    """Each track's steps at `minutes` for the exercise, in a line: "Alone 1 min · ..."."""
    return [
        " · ".join(f"{s.label} {minutes_text(s.minutes)}" for s in steps)
        for _track, steps in track_timelines(exercise.timeline(minutes))
    ]


def together_text(exercise: Exercise, minutes: float) -> str:
    """The together part after the tracks, in a line: "Then together: Compare 3 min · ..."."""
    together = [s for s in exercise.timeline(minutes) if not s.tracks]
    steps = " · ".join(f"{s.label} {minutes_text(s.minutes)}" for s in together)
    return _("Then together: {steps}").format(steps=steps)
