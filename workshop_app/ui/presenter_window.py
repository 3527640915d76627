"""The projector's window: the room prompt, the timer and the current step, in large type.

It is given only what the room may see. The facilitator's notes and participant data never
reach it: `show_segment()` takes the room prompt and nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

TIMER_COLOURS = {
    "ready": "#ffffff",
    "running": "#ffffff",
    "paused": "#b8c4d0",
    "warning": "#ffc24d",
    "overrun": "#ff6b5e",
    "finished": "#ffffff",
}


class PresenterWindow(QWidget):
    closed = Signal()
    key_pressed = Signal(QKeyEvent)  # runner keys typed while the projector window has focus

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Presenter view")
        self.setObjectName("presenter")
        self.setStyleSheet("#presenter { background: #0f1b2d; } QLabel { color: #ffffff; }")
        self.scale = 1.0
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.MarkdownText)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.timer = QLabel()
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        bottom = QHBoxLayout()
        bottom.addWidget(self.step, 1, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 30)
        layout.addWidget(self.heading)
        layout.addWidget(self.prompt, 1)
        layout.addLayout(bottom)
        self._apply_scale()
        self.resize(1280, 720)

    def set_scale(self, scale: float) -> None:
        self.scale = max(0.5, min(scale, 3.0))
        self._apply_scale()

    def _apply_scale(self) -> None:
        s = self.scale
        self.heading.setStyleSheet(f"font-size: {int(20 * s)}pt; font-weight: 600; color: #9fd3ff;")
        self.step.setStyleSheet(f"font-size: {int(22 * s)}pt; color: #9fd3ff;")
        self._timer_size = int(80 * s)
        self.timer.setStyleSheet(f"font-size: {self._timer_size}pt; font-weight: 700;")
        self._fit_prompt()

    def show_segment(self, title: str, room_prompt: str) -> None:
        self.heading.setText(title)
        self.prompt.setText(room_prompt)
        self._fit_prompt()

    def _fit_prompt(self) -> None:
        """The largest type (up to the chosen scale) at which the whole prompt fits."""
        available = self.prompt.height()
        width = self.prompt.width()
        size = int(28 * self.scale)
        while True:
            self.prompt.setStyleSheet(f"font-size: {size}pt;")
            if size <= 12 or width <= 0 or self.prompt.heightForWidth(width) <= available:
                break
            size -= 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_prompt()

    def show_time(self, text: str, state: str, step: str) -> None:
        self.timer.setText(text)
        self.timer.setStyleSheet(
            f"font-size: {self._timer_size}pt; font-weight: 700; "
            f"color: {TIMER_COLOURS.get(state, '#ffffff')};"
        )
        self.step.setText(step)
        self.step.setVisible(bool(step))

    def present(self) -> None:
        """Full screen on the second screen when there is one; a normal window otherwise."""
        screens = QGuiApplication.screens()
        main = self.parent() or None
        current = main.screen() if isinstance(main, QWidget) else QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not current]
        if others:
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc or F5 leaves presenter mode; other keys (a presentation clicker's Right and
        Left, Space) drive the runner as if typed in the facilitator's window."""
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.close()
            return
        self.key_pressed.emit(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
