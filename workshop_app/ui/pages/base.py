"""What every page of the main window offers the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.read_only import ReadOnlyGuard
from workshop_app.ui.style import HEADING_STYLE


class WorkshopPage(QWidget):
    """A page shown in the main window's navigation.

    The window calls `set_workshop()` when a workshop is opened or closed, `refresh()` when
    another page changed the workshop, and `flush()` before closing the file (then
    `settle_unsaved()` if a save was refused). Pages emit
    `saved` after writing to the file (the status bar says when) and `changed` when what they
    wrote may matter to other pages (e.g. a new pair).

    For a workshop open read-only the window calls `set_read_only(True)`: every input, button
    and shortcut of the page stops editing, except those marked with `read_only.read_only_safe()`
    (filters, preview, print, export), and keys the page itself handles do nothing.
    """

    title = ""
    saved = Signal()
    changed = Signal()
    status = Signal(str)  # a message for the status bar
    _read_only: ReadOnlyGuard | None = None  # events arrive before __init__ has made it

    def __init__(self) -> None:
        super().__init__()
        self.wf: WorkshopFile | None = None
        self._read_only = ReadOnlyGuard(self)

    def set_workshop(self, wf: WorkshopFile | None) -> None:
        self.wf = wf
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the page shows from the workshop."""

    def flush(self) -> bool:
        """Save whatever is still pending. False if something could not be saved."""
        return True

    def settle_unsaved(self) -> bool:
        """Before the workshop closes, after `flush()` returned False: ask the person what to
        do with what could not be saved. False: they chose to keep the workshop open."""
        return True

    # -- read-only ---------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._read_only is not None and self._read_only.active

    def set_read_only(self, read_only: bool) -> None:
        assert self._read_only is not None
        if read_only:
            self._read_only.lock()
        else:
            self._read_only.release()

    def lock_new_inputs(self) -> None:
        """Make read-only what the page has built since (rows of a form made per pair)."""
        if self.read_only:
            self.set_read_only(True)

    def event(self, event: QEvent) -> bool:
        if self.read_only:
            if event.type() == QEvent.Type.Show:
                self.set_read_only(True)  # lock what was built while the page was hidden
            elif event.type() == QEvent.Type.KeyPress:
                return True  # the page's own keys edit (the runner's Space, arrows, + and -)
        return super().event(event)


def page_heading(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setStyleSheet(HEADING_STYLE)
    return heading


def page_column(max_width: int) -> tuple[QWidget, QVBoxLayout]:
    """The column a page's form is built in, at most `max_width` wide (a form reads badly
    across a whole wide screen); `fill_with_scrolling` puts it on the page once built."""
    content = QWidget()
    content.setMaximumWidth(max_width)
    column = QVBoxLayout(content)
    column.setContentsMargins(24, 16, 24, 24)
    column.setSpacing(14)
    return content, column


def fill_with_scrolling(page: QWidget, content: QWidget, *, name: str) -> QScrollArea:
    """Fill `page` with `content`, centred, in a scroll area named `name` that takes no focus
    itself (its contents do). Called once `content` is built: the scroll area shows it, and
    what were added to it later would stay hidden."""
    holder = QWidget()
    centred = QHBoxLayout(holder)
    centred.setContentsMargins(0, 0, 0, 0)
    centred.addStretch(1)
    centred.addWidget(content, 100)
    centred.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(holder)
    scroll.setAccessibleName(name)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll
