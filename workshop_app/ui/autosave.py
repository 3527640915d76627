"""Save as the user types: a short debounce after each change, and at once on focus-out.

`FieldSaver` owns one pending value per field key. A change restarts the field's timer; when it
fires (or the widget loses focus, or `flush()` is called before anything else touches the
file) the save callback runs. A `UserError` from the callback is shown next to the field and
nothing is saved; the user's text stays where it is so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from workshop_app.core.errors import UserError

DEBOUNCE_MS = 400

SaveFn = Callable[[Any], None]


class FieldSaver(QObject):
    saved = Signal(object)  # the key that was saved
    failed = Signal(object, str)  # key, message for a person
    cleared = Signal(object)  # key whose earlier failure is now fixed

    def __init__(self, parent: QObject | None = None, *, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._delay = delay_ms
        self._pending: dict[Hashable, tuple[SaveFn, Any]] = {}
        self._timers: dict[Hashable, QTimer] = {}
        self._failing: set[Hashable] = set()

    def change(self, key: Hashable, value: Any, save: SaveFn) -> None:
        """The user changed field `key` to `value`; save it soon."""
        self._pending[key] = (save, value)
        timer = self._timers.get(key)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda k=key: self._on_timer(k))
            self._timers[key] = timer
        timer.start(self._delay)

    def flush(self, key: Hashable | None = None) -> bool:
        """Save now: one field, or every pending one. False if a save was refused."""
        keys = [key] if key is not None else list(self._pending)
        ok = True
        for k in keys:
            item = self._pending.pop(k, None)
            timer = self._timers.get(k)
            if timer is not None:
                timer.stop()
            if item is None:
                continue
            save, value = item
            try:
                save(value)
            except UserError as exc:
                ok = False
                self._failing.add(k)
                self.failed.emit(k, exc.message)
                continue
            if k in self._failing:
                self._failing.discard(k)
                self.cleared.emit(k)
            self.saved.emit(k)
        return ok

    def _on_timer(self, key: Hashable) -> None:
        self.flush(key)

    def discard(self) -> None:
        """Forget unsaved changes (the workshop they belong to is going away)."""
        for timer in self._timers.values():
            timer.stop()
        self._pending.clear()
        self._failing.clear()

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def flush_on_focus_out(self, widget: QWidget, key: Hashable) -> None:
        widget.installEventFilter(_FocusOut(self, key, widget))


class _FocusOut(QObject):
    def __init__(self, saver: FieldSaver, key: Hashable, parent: QWidget) -> None:
        super().__init__(parent)
        self._saver = saver
        self._key = key

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._saver.flush(self._key)
        return False
