"""The projector's window: the room prompt, the timer, the current step and the time of day.

It is given only what the room may see. The facilitator's notes and participant data never
reach it: `show_segment()` takes the room text (the prompt and any part of a scenario the
facilitator chose to reveal) and nothing else.

With a second screen it fills that screen. On a single laptop it is an ordinary window, in
the lower right corner at first, kept above the facilitator's window, that the facilitator
moves and sizes (and finds there again next time). Type sizes follow the window's height, so
it fits any screen: the prompt, what the room reads, gets the largest type that fits whole
(`RoomPrompt`), and the heading, the step and the timer give up some of their room to it
when it needs more. Like presentation software it can be blanked (a black screen) or frozen
(the room keeps seeing what it saw while the facilitator works on), and Esc does not close
it: a presenter display is not lost by a stray key.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStackedLayout, QVBoxLayout, QWidget

from workshop_app.core.i18n import _
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.widgets.room_prompt import Fit, RoomPrompt
from workshop_app.ui.widgets.room_tracks import RoomTracks

Tracks = tuple[tuple[str, str], ...]
"""A parallel segment's tracks as the room sees them: (heading, room prompt) each."""

TIMER_COLOURS = {
    "ready": "#ffffff",
    "running": "#ffffff",
    "paused": "#b8c4d0",
    "warning": "#ffc24d",
    "overrun": "#ff6b5e",
    "finished": "#ffffff",
}
BACKGROUND = "#0f1b2d"
# Type sizes as parts of the window's height (at scale 1); the prompt's is its largest.
HEADING, PROMPT, STEP, TIMER, CLOCK = 0.045, 0.06, 0.05, 0.19, 0.04
# How much of their room heading, step and timer keep when the prompt needs it.
SQUEEZES = (1.0, 0.85, 0.7, 0.55, 0.45)
# The least they keep of their size at scale 1, whatever A+ asks for the prompt: the room
# reads the timer and the step from the back too.
LEAST_SHARE = 0.5
READABLE_PROMPT = 14  # px; below this, two columns whenever they give larger type
# A prompt this close to its largest type takes no more room from the timer and the title.
COMFORTABLE_SHARE = 0.8
GEOMETRY_KEY = "presenter"
MINIMUM = QSize(288, 162)  # 16:9; fits below the controls of a 1366x768 laptop at 1.5x
TITLE_BAR = 32  # room left for the window manager's title bar above the window


class PresenterWindow(QWidget):
    closed = Signal()
    key_pressed = Signal(QKeyEvent)  # runner keys typed while the projector window has focus
    display_changed = Signal()  # blanked, frozen, or back to live

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(_("Presenter view"))
        self.setObjectName("presenter")
        self.setStyleSheet(
            f"#presenter, #live {{ background: {BACKGROUND}; }} QLabel {{ color: #ffffff; }}"
            " #blank { background: #000000; }"
        )
        self.setMinimumSize(MINIMUM)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one each time it opens
        self.scale = 1.0
        self._squeeze = 1.0  # how much of their room heading, step and timer keep
        self._facilitator: QWidget | None = None  # whose window Esc hands the keys back to
        self._sizing = False
        self.blank = False
        self.frozen = False
        # What was last sent, shown again when the projector is unfrozen.
        self._latest: tuple[tuple[str, str, Tracks], tuple[str, str, str, str, tuple[str, ...]]]
        self._latest = (("", "", ()), ("", "", "", "", ()))
        self.heading = self._label(wrap=True)
        self.time_of_day = self._label()
        self.time_of_day.setAccessibleName(_("Time of day"))
        self.time_of_day.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.prompt = RoomPrompt()
        # The prompt takes the room left over; its type is fitted to it (`_apply_sizes`).
        self.prompt.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.prompt.installEventFilter(self)  # its room changes with the lines around it
        # A parallel segment's tracks, in place of the prompt while the groups work apart.
        self.tracks = RoomTracks(watcher=self)
        self.tracks.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.tracks.hide()
        self.step = self._label(wrap=True)
        self.timer = self._label()
        self.timer.setAccessibleName(_("Time left"))
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)

        for label in (self.heading, self.time_of_day, self.step):
            label.setStyleSheet("color: #9fd3ff;")
        live = QWidget()
        live.setObjectName("live")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.time_of_day, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.step, 1, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignBottom)
        column = QVBoxLayout(live)
        self._column = column
        column.addLayout(top)
        column.addWidget(self.prompt, 1)
        column.addWidget(self.tracks, 1)
        column.addLayout(bottom)
        black = QWidget()
        black.setObjectName("blank")
        self.stack = QStackedLayout(self)
        self.stack.addWidget(live)
        self.stack.addWidget(black)
        self._apply_sizes()

    def _label(self, *, wrap: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(wrap)
        if wrap:  # the window decides the width; the text wraps to it, never the reverse
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            label.setSizePolicy(policy)
        return label

    # -- what the room sees ----------------------------------------------------------------

    def show_segment(self, title: str, room_text: str, tracks: Tracks = ()) -> None:
        """The segment's title and room prompt; with `tracks`, the tracks side by side in
        place of the prompt (the parallel part of a segment)."""
        self._latest = ((title, room_text, tracks), self._latest[1])
        if not self.frozen:
            self.heading.setText(title)
            self.prompt.set_markdown(room_text)
            if tracks:
                self.tracks.set_tracks(tracks)
            self.prompt.setVisible(not tracks)
            self.tracks.setVisible(bool(tracks))
            # The prompt's own heading is the room's title: the segment's is not said twice.
            self.heading.setVisible(
                bool(tracks) or not _similar(title, self.prompt.first_heading())
            )
            self._apply_sizes()

    def show_time(
        self,
        text: str,
        state: str,
        step: str,
        time_of_day: str,
        track_steps: tuple[str, ...] = (),
    ) -> None:
        """The timer, its state and step; `track_steps`: each track's own step."""
        self._latest = (self._latest[0], (text, state, step, time_of_day, track_steps))
        if self.frozen:
            return
        # A new step line, or a longer timer beside it, changes the prompt's room.
        resized = step != self.step.text() or len(text) != len(self.timer.text())
        resized |= self.tracks.set_steps(track_steps)
        self.timer.setText(text)
        self.timer.setProperty("state", state)
        self.step.setText(step)
        self.step.setVisible(bool(step))
        self.time_of_day.setText(time_of_day)
        if resized:
            self._apply_sizes()
        else:
            self._style_timer()

    def set_blank(self, blank: bool) -> None:
        """A black screen (the room looks at the facilitator, not the slide)."""
        self.blank = blank
        self.stack.setCurrentIndex(1 if blank else 0)
        self.display_changed.emit()

    def set_frozen(self, frozen: bool) -> None:
        """Keep showing what the room sees now; unfrozen, show what is live again."""
        self.frozen = frozen
        if not frozen:
            segment, time = self._latest
            self.show_segment(*segment)
            self.show_time(*time)
        self.display_changed.emit()

    def shown_text(self) -> str:
        """Everything the room can read on the projector now (nothing when blank)."""
        if self.blank:
            return ""
        labels = (self.heading, self.prompt, self.step, self.timer, self.time_of_day)
        shown = [label.text() for label in labels if label.isVisibleTo(self)]
        if self.tracks.isVisibleTo(self):
            shown.insert(1, self.tracks.shown_text())
        return "\n".join(shown)

    # -- sizes -----------------------------------------------------------------------------

    def set_scale(self, scale: float) -> bool:
        """Type at `scale` (A− / A+). False, and the type as it was, if that changes nothing
        the room would see (the prompt already fills the window, or is as small as it goes)."""
        before = self.scale, self._sizes()
        self.scale = max(0.5, min(scale, 3.0))
        self._apply_sizes()
        if self._sizes() == before[1]:
            self.scale = before[0]
            self._apply_sizes()
            return False
        return True

    def _sizes(self) -> tuple[object, ...]:
        labels = (self.heading, self.step, self.timer, self.time_of_day)
        fit = self.tracks.fit if self._in_tracks else self.prompt.fit
        return fit.px, fit.columns, *(w.font().pixelSize() for w in labels)

    @property
    def _in_tracks(self) -> bool:
        return not self.tracks.isHidden()

    def _px(self, part: float, *, squeezed: bool = True) -> int:
        squeeze = self._squeeze if squeezed else 1.0
        return max(10, int(self.height() * part * self.scale * squeeze))

    @staticmethod
    def _set_type(label: QLabel, px: int, *, bold: bool = False) -> None:
        font = label.font()
        font.setPixelSize(px)
        font.setBold(bold)
        label.setFont(font)

    def _apply_sizes(self) -> None:
        """Type sized to the window. The prompt comes first: when it does not get its
        largest type, the heading, the step and the timer give up some of their room, as
        far as that makes the prompt larger (`SQUEEZES`); it is never cut."""
        margin = max(8, self.height() // 24)
        self._column.setContentsMargins(margin * 3 // 2, margin, margin * 3 // 2, margin)
        cap = self._px(PROMPT, squeezed=False)
        comfortable = min(cap, max(READABLE_PROMPT, int(cap * COMFORTABLE_SHARE)))
        least = min(1.0, LEAST_SHARE / self.scale)  # as a share of their size at this scale
        squeezes = [s for s in SQUEEZES if s > least] + [least]
        self._sizing = True
        try:
            best: tuple[float, Fit] | None = None
            for squeeze in squeezes:
                self._squeeze_to(squeeze)
                if self._in_tracks:
                    fit = self.tracks.best_fit(cap=cap, smallest=READABLE_PROMPT)
                else:
                    fit = self.prompt.best_fit(
                        self.prompt.size(), cap=cap, smallest=READABLE_PROMPT
                    )
                if best is None or (fit.fits, fit.px) > (best[1].fits, best[1].px):
                    best = (squeeze, fit)
                if fit.fits and fit.px >= comfortable:
                    break  # the timer and the title keep their size for the last few px
            assert best is not None
            if best[0] != self._squeeze:
                self._squeeze_to(best[0])
            (self.tracks if self._in_tracks else self.prompt).use(best[1])
        finally:
            self._sizing = False

    def _squeeze_to(self, squeeze: float) -> None:
        self._squeeze = squeeze
        self._set_type(self.heading, self._px(HEADING), bold=True)
        self._set_type(self.time_of_day, self._px(CLOCK))
        self._set_type(self.step, self._px(STEP))
        # The groups find their column by its heading: it keeps its size.
        heading = self._px(HEADING, squeezed=False)
        self.tracks.set_type(heading, self._px(STEP), gap=heading)
        self._style_timer()
        self.stack.activate()  # the prompt's room, with these sizes
        self._column.activate()

    def _style_timer(self) -> None:
        """The timer as large as its share of the height allows, never wider than half the
        window, in the colour of its state."""
        size = self._px(TIMER)
        text = self.timer.text() or "00:00"
        self._set_type(self.timer, size, bold=True)
        while size > 12 and self.timer.fontMetrics().horizontalAdvance(text) > self.width() // 2:
            size -= 4
            self._set_type(self.timer, size, bold=True)
        colour = TIMER_COLOURS.get(str(self.timer.property("state") or ""), "#ffffff")
        self.timer.setStyleSheet(f"color: {colour};")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize and (
            watched is self.prompt or watched in self.tracks.prompts
        )
        if resized and not self._sizing and not self._fits_now():
            # e.g. a step line appeared below it: fit the prompt to what is left
            QTimer.singleShot(0, self, self._apply_sizes)
        return False

    def _fits_now(self) -> bool:
        if self._in_tracks:
            return self.tracks.fits()
        return self.prompt.fits(self.prompt.size())

    # -- where it goes ---------------------------------------------------------------------

    def present(self, facilitator: QWidget | None, *, keep_clear: QRect | None = None) -> None:
        """Full screen on a screen other than the facilitator's when there is one. Otherwise
        a window kept above the facilitator's (a tool window of it, so working the controls
        never hides it), where the facilitator last put it, or at first below `keep_clear`
        (the countdown and the controls, in screen coordinates) in the lower right corner."""
        self._facilitator = facilitator
        own = facilitator.screen() if facilitator else QGuiApplication.primaryScreen()
        others = [s for s in QGuiApplication.screens() if s is not own]
        if others:
            self.setParent(None, Qt.WindowType.Window)
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.setParent(facilitator, Qt.WindowType.Tool)
            self.setGeometry(self._window_place(own, keep_clear))
            self.showNormal()
        self.raise_()

    def _window_place(self, screen: QScreen, keep_clear: QRect | None) -> QRect:
        area = screen.availableGeometry()
        saved = AppSettings().geometry(GEOMETRY_KEY)
        if saved is not None and self.restoreGeometry(saved) and area.contains(self.geometry()):
            return self.geometry()
        top = area.top() if keep_clear is None else keep_clear.bottom() + TITLE_BAR
        height = max(MINIMUM.height(), min(area.height() * 2 // 5, area.bottom() - top - 8))
        width = max(MINIMUM.width(), height * 16 // 9)
        return QRect(area.right() - width - 8, area.bottom() - height - 8, width, height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc hands the keyboard back to the facilitator's window, and the room keeps its
        view (Esc is the key people press when lost, not a wish to show the room the app's
        controls). The window closes with the Presenter view button, F5 or its close
        button. Other keys (F5, a presentation clicker's PageDown and PageUp, its
        blank-screen key, Space) drive the runner as if typed in the facilitator's window."""
        if event.key() == Qt.Key.Key_Escape:
            if self._facilitator is not None:
                self._facilitator.activateWindow()
            event.accept()
            return
        self.key_pressed.emit(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.isFullScreen():
            settings = AppSettings()
            settings.set_geometry(GEOMETRY_KEY, self.saveGeometry())
            settings.sync()
        self.closed.emit()
        super().closeEvent(event)


def _similar(title: str, heading: str) -> bool:
    """The same or nearly the same words ("Drafting the charter", "Draft your charter"):
    those of one within the other's, or most of them shared, compared by their stems."""
    ours, theirs = _stems(title), _stems(heading)
    if not ours or not theirs:
        return False
    shared = len(ours & theirs)
    return ours <= theirs or theirs <= ours or shared * 2 >= len(ours | theirs)


def _stems(text: str) -> set[str]:
    """The words that carry the meaning, cut to their first letters so that "looks" and
    "look", "drafting" and "draft" match."""
    return {w[:4] for w in re.findall(r"[\w']+", text.lower()) if len(w) > 3 and w not in _SMALL}


_SMALL = {"what", "when", "your", "with", "this", "that", "from", "into", "does", "have"}
