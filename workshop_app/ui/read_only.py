"""Read-only pages: every input under a page stops editing, whatever kind of page it is.

Pages belong to several people and change often, so read-only is not written page by page:
the guard finds the page's inputs by their kind and locks them: text fields, spin boxes and
date fields become read-only (their text can still be selected and copied), buttons, check
boxes, combo boxes and sliders are disabled, the page's actions and shortcuts are switched
off, item views stop editing and dragging. What only reads (a filter, Preview, Print, Export)
is marked with `read_only_safe()` and keeps working, with everything inside it.

Pages enable their own buttons as the selection changes; the guard notices and keeps them
locked, remembering what the page asked for so that it can be put back on `release()`.
Inputs a page builds later (a form's rows per pair) are locked when the page is shown, when
one of them gets the focus, or when the page calls `WorkshopPage.lock_new_inputs()`. Anything
that still slips through is refused by the workshop file itself, with a message.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

SAFE_PROPERTY = "readOnlySafe"
# Inputs that only have a read-only flag; everything else that edits is disabled.
TEXT_KINDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
DISABLED_KINDS = (QAbstractButton, QComboBox, QAbstractSlider, QCalendarWidget)
# Qt's own parts of a composite widget (a spin box's text, a tab bar's scroll arrows, a line
# edit's clear button) follow their owner and are left alone.
COMPOSITES = (QAbstractSpinBox, QComboBox, QTabBar, QLineEdit, QCalendarWidget)

_Lockable = QWidget | QAction | QShortcut
# Read-only text looks it: on the window's colour rather than the white of a field to type in.
LOCKED_STYLE = (
    '\nQLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"],'
    ' QAbstractSpinBox[readOnly="true"] { background: palette(window); }'
)


def read_only_safe(*objects: QObject) -> None:
    """Keep these (and what is inside them) working in a read-only workshop: they only read."""
    for obj in objects:
        obj.setProperty(SAFE_PROPERTY, True)


class ReadOnlyGuard(QObject):
    """Locks the inputs under `page` while active; puts back what the page wanted after."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.active = False
        # Each locked input, and whether the page wants it usable (enabled, or editable).
        self._wanted: dict[_Lockable, bool] = {}
        self._views: dict[
            QAbstractItemView,
            tuple[QAbstractItemView.EditTrigger, QAbstractItemView.DragDropMode],
        ] = {}
        self._locking = False
        self._own_style = ""

    # -- turning it on and off -------------------------------------------------------------

    def lock(self) -> None:
        if not self.active:
            self.active = True
            _app().focusChanged.connect(self._focus_changed)
            self._own_style = self.page.styleSheet()
            self.page.setStyleSheet(self._own_style + LOCKED_STYLE)
        self._locking = True
        try:
            # Forget what the page has deleted: a new widget may get the same address.
            self._wanted = {o: u for o, u in self._wanted.items() if isValid(o)}
            self._views = {v: m for v, m in self._views.items() if isValid(v)}
            for obj in self._inputs():
                if obj not in self._wanted and obj not in self._views:
                    self._lock(obj)
        finally:
            self._locking = False

    def release(self) -> None:
        if not self.active:
            return
        self.active = False
        _app().focusChanged.disconnect(self._focus_changed)
        self.page.setStyleSheet(self._own_style)
        wanted, self._wanted = self._wanted, {}
        for obj, usable in wanted.items():
            if not isValid(obj):  # the page has since deleted it (rebuilt a table, say)
                continue
            if isinstance(obj, QWidget):
                obj.removeEventFilter(self)
            if isinstance(obj, QAction):
                obj.enabledChanged.disconnect(self._action_changed)
            _set_usable(obj, usable)
        views, self._views = self._views, {}
        for view, (triggers, drag) in views.items():
            if not isValid(view):
                continue
            view.setEditTriggers(triggers)
            view.setDragDropMode(drag)

    # -- finding and locking ---------------------------------------------------------------

    def _inputs(self) -> list[_Lockable]:
        found: list[_Lockable] = []
        for widget in self.page.findChildren(QWidget):
            if (
                isinstance(widget, QScrollBar)  # scrolling only reads
                or self._safe(widget)
                or _inside_composite(widget, self.page)
            ):
                continue
            if isinstance(widget, (*TEXT_KINDS, *DISABLED_KINDS, QAbstractItemView)):
                found.append(widget)
        found.extend(a for a in self.page.findChildren(QAction) if not self._safe(a))
        found.extend(s for s in self.page.findChildren(QShortcut) if not self._safe(s))
        for widget in [self.page, *self.page.findChildren(QWidget)]:
            found.extend(a for a in widget.actions() if not self._safe(a) and a not in found)
        return found

    def _safe(self, obj: QObject | None) -> bool:
        while obj is not None and obj is not self.page:
            if obj.property(SAFE_PROPERTY):
                return True
            obj = obj.parent()
        return False

    def _lock(self, obj: _Lockable) -> None:
        if isinstance(obj, QAbstractItemView):
            self._views[obj] = (obj.editTriggers(), obj.dragDropMode())
            obj.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            obj.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
            return
        self._wanted[obj] = _usable(obj)
        if isinstance(obj, QWidget):
            obj.installEventFilter(self)
        elif isinstance(obj, QAction):
            obj.enabledChanged.connect(self._action_changed)
        _set_usable(obj, False)

    # -- keeping them locked ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            self.active
            and not self._locking
            and kind in (QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange)
            and watched in self._wanted
            and _usable(watched)
        ):
            # The page made it usable again (a new selection, say): note that, keep it locked.
            self._wanted[watched] = True
            self._locking = True
            try:
                _set_usable(watched, False)
            finally:
                self._locking = False
        return False

    def _action_changed(self, enabled: bool) -> None:
        action = self.sender()
        if self.active and not self._locking and enabled and action in self._wanted:
            self._wanted[action] = True
            self._locking = True
            try:
                action.setEnabled(False)
            finally:
                self._locking = False

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.page.isAncestorOf(new):
            self.lock()


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _inside_composite(widget: QWidget, page: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _usable(obj: _Lockable) -> bool:
    """Whether `obj` itself allows editing now (not counting a disabled parent)."""
    if isinstance(obj, TEXT_KINDS):
        return not obj.isReadOnly()
    if isinstance(obj, QWidget):
        return not obj.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
    return obj.isEnabled()


def _set_usable(obj: _Lockable, usable: bool) -> None:
    if isinstance(obj, TEXT_KINDS):
        obj.setReadOnly(not usable)
    else:
        obj.setEnabled(usable)
