"""The runner's hold on the projector: opens and closes the presenter window, gives it the
room's text only when that changed, sizes its type, and blanks or freezes it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from workshop_app.ui.presenter_window import PresenterWindow, Tracks


class Projector(QObject):
    toggled = Signal(bool)  # the presenter window opened or closed
    display_changed = Signal()  # opened, closed, blanked, frozen, or back to live
    key_pressed = Signal(QKeyEvent)  # a runner key typed on the presenter window

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: PresenterWindow | None = None
        self.scale = 1.0
        self._shown: tuple[str, str, Tracks] | None = None

    @property
    def is_open(self) -> bool:
        return self.window is not None

    @property
    def blank(self) -> bool:
        return self.window is not None and self.window.blank

    @property
    def frozen(self) -> bool:
        return self.window is not None and self.window.frozen

    def open(self, facilitator: QWidget | None, *, keep_clear: QRect | None = None) -> None:
        """Open the presenter window, away from `facilitator`'s window or at least from
        `keep_clear` on it (see `PresenterWindow.present`)."""
        if self.window is not None:
            return
        window = PresenterWindow()
        window.set_scale(self.scale)
        window.closed.connect(self._closed)
        window.key_pressed.connect(self.key_pressed)
        window.display_changed.connect(self.display_changed)
        self.window = window
        self._shown = None
        window.present(facilitator, keep_clear=keep_clear)
        self.toggled.emit(True)
        self.display_changed.emit()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def _closed(self) -> None:
        self.window = None
        self.toggled.emit(False)
        self.display_changed.emit()

    def show(self, title: str, room_text: str, tracks: Tracks = ()) -> None:
        """What the room reads (with `tracks`, a parallel part's tracks side by side): sent
        on only when it changed (the runner asks every tick)."""
        if self.window is not None and (title, room_text, tracks) != self._shown:
            self._shown = (title, room_text, tracks)
            self.window.show_segment(title, room_text, tracks)

    def show_time(
        self, text: str, state: str, step: str, time_of_day: str, track_steps: tuple[str, ...] = ()
    ) -> None:
        if self.window is not None:
            self.window.show_time(text, state, step, time_of_day, track_steps)

    def set_blank(self, blank: bool) -> None:
        if self.window is not None and self.window.blank != blank:
            self.window.set_blank(blank)

    def set_frozen(self, frozen: bool) -> None:
        if self.window is not None and self.window.frozen != frozen:
            self.window.set_frozen(frozen)

    def live(self) -> None:
        """Neither blank nor frozen: the room sees what runs."""
        self.set_blank(False)
        self.set_frozen(False)

    def set_scale(self, step: float) -> bool:
        """A− / A+ by `step`; False when the room would see no change (nothing is counted,
        so the next press in the other direction has its effect at once)."""
        if self.window is None:
            return False
        scale = max(0.5, min(3.0, self.scale + step))
        if scale == self.scale or not self.window.set_scale(scale):
            return False
        self.scale = scale
        return True
