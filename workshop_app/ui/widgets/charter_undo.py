"""Undo and redo for charter edits: each saved edit is one step, replayed through the core."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QWidget

from workshop_app.core.i18n import _

Key = tuple[Any, ...]
Apply = Callable[[Key, Any], None]

_MERGE_ID = 0x43_48  # "CH"


class EditCommand(QUndoCommand):
    """A value changed from `old` to `new`. It is pushed after the save, so the first
    redo() (which QUndoStack.push calls) has nothing to do."""

    def __init__(self, apply: Apply, key: Key, old: Any, new: Any, label: str) -> None:
        super().__init__(
            _("change to “{field}”").format(field=label)
        )  # "Undid: change to “End date”"
        self._apply = apply
        self.key = key
        self.old = old
        self.new = new
        self._done = True

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive saves of one field while typing are one undo step."""
        if not isinstance(other, EditCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.key, self.new)

    def undo(self) -> None:
        self._apply(self.key, self.old)


class ActionCommand(QUndoCommand):
    """A structural change (a plan added or removed, a goal removed) with its inverse.
    `key` says where in the form it shows (set once known: a new plan's id comes from doing
    it)."""

    def __init__(self, label: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(label)
        self._do = do
        self._undo = undo
        self.key: Key = ()

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()


class UndoKeys(QObject):
    """Ctrl+Z / Ctrl+Shift+Z in a charter field undo the charter edit, not just the
    widget's own text, so undo works the same in every kind of field."""

    def __init__(self, undo: Callable[[], None], redo: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._undo = undo
        self._redo = redo

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            key_event = event
            assert isinstance(key_event, QKeyEvent)
            if key_event.matches(QKeySequence.StandardKey.Undo):
                if event.type() == QEvent.Type.KeyPress:
                    self._undo()
                event.accept()
                return True
            if key_event.matches(QKeySequence.StandardKey.Redo):
                if event.type() == QEvent.Type.KeyPress:
                    self._redo()
                event.accept()
                return True
        return False
