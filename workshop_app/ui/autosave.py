"""Save as the user types: a short debounce after each change, and at once on focus-out.

`FieldSaver` owns one pending value per field key. A change restarts the field's timer; when it
fires (or the widget loses focus, or `flush()` is called before anything else touches the
file) the save callback runs. A `UserError` from the callback is shown next to the field and
nothing is saved; the user's text stays where it is, and the value stays pending: every later
flush tries it again, and until one succeeds `refused()` lists it, so that nothing typed is
dropped without the person knowing (closing the workshop asks what to do with it).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.ui.dialogs.ask import CANCEL, ask

DEBOUNCE_MS = 400

SaveFn = Callable[[Any], None]
# The button that copies a refused text and goes on, by what the form does next.
COPY_AND = {
    "close": N_("Copy the text to the clipboard and close"),
    "switch pair": N_("Copy the text to the clipboard and switch pair"),
}
K = TypeVar("K", bound=Hashable)  # what names a field: its name, or a tuple for a charter's


class FieldSaver(QObject, Generic[K]):
    saved = Signal(object)  # the key that was saved
    failed = Signal(object, str)  # key, message for a person
    cleared = Signal(object)  # key whose earlier failure is now fixed

    def __init__(self, parent: QObject | None = None, *, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._delay = delay_ms
        # Changed and not saved yet: waiting for the timer, or refused (then in _refused too).
        self._pending: dict[K, tuple[SaveFn, Any]] = {}
        self._timers: dict[K, QTimer] = {}
        self._refused: dict[K, str] = {}  # key: why its save was refused

    def change(self, key: K, value: Any, save: SaveFn) -> None:
        """The user changed field `key` to `value`; save it soon."""
        self._pending[key] = (save, value)
        timer = self._timers.get(key)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda k=key: self._on_timer(k))
            self._timers[key] = timer
        timer.start(self._delay)

    def flush(self, key: K | None = None) -> bool:
        """Save now: one field, or every pending one. False if a save was refused (the value
        is kept, to be tried again)."""
        keys = [key] if key is not None else list(self._pending)
        ok = True
        for k in keys:
            timer = self._timers.get(k)
            if timer is not None:
                timer.stop()
            item = self._pending.get(k)
            if item is None:
                continue
            save, value = item
            try:
                save(value)
            except UserError as exc:
                ok = False
                self._refused[k] = exc.message
                self.failed.emit(k, exc.message)
                continue
            del self._pending[k]
            if self._refused.pop(k, None) is not None:
                self.cleared.emit(k)
            self.saved.emit(k)
        return ok

    def _on_timer(self, key: K) -> None:
        self.flush(key)

    def discard(self) -> None:
        """Forget unsaved changes (the workshop they belong to is going away, or the person
        chose to take the refused ones elsewhere)."""
        for timer in self._timers.values():
            timer.stop()
        self._pending.clear()
        self._refused.clear()

    @property
    def pending(self) -> bool:
        """Whether any change is not saved yet (waiting for its timer, or refused)."""
        return bool(self._pending)

    def refused(self) -> dict[K, tuple[Any, str]]:
        """The changes whose last save was refused: key -> (value, why)."""
        return {k: (self._pending[k][1], why) for k, why in self._refused.items()}

    def flush_on_focus_out(self, widget: QWidget, key: K) -> None:
        widget.installEventFilter(_FocusOut(lambda: self.flush(key), widget))


class _FocusOut(QObject):
    def __init__(self, flush: Callable[[], object], parent: QWidget) -> None:
        super().__init__(parent)
        self._flush = flush

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._flush()
        return False


def ask_about_refused(parent: QWidget, *, heading: str, reasons: list[str], then: str) -> str:
    """Ask what to do with changes the file refused, before letting go of them (`then`:
    "close", "switch pair", see COPY_AND): "retry", "copy" (the text to the clipboard, then
    go on) or "stay"."""
    answer = ask(
        parent,
        _("Not saved"),
        heading,
        detail="\n".join(reasons),
        answers=[
            ("retry", _("Retry")),
            ("copy", _(COPY_AND[then]) if then in COPY_AND else then),
            (CANCEL, ""),
        ],
        default="retry",
        destructive="copy",
        icon=QMessageBox.Icon.Warning,
    )
    return "stay" if answer == CANCEL else answer
