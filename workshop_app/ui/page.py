"""What every page of the main window offers the window."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from workshop_app.core.workshop_file import WorkshopFile
from workshop_app.ui.wheel_guard import install_wheel_guard


class WorkshopPage(QWidget):
    """A page shown in the main window's navigation.

    The window calls `set_workshop()` when a workshop is opened or closed, `refresh()` when
    another page changed the workshop, and `flush()` before closing the file (then
    `settle_unsaved()` if a save was refused). Pages emit
    `saved` after writing to the file (the status bar says when) and `changed` when what they
    wrote may matter to other pages (e.g. a new pair).
    """

    title = ""
    saved = Signal()
    changed = Signal()
    status = Signal(str)  # a message for the status bar

    def __init__(self) -> None:
        super().__init__()
        install_wheel_guard()  # the app installs it at start-up; pages made in tests need it too
        self.wf: WorkshopFile | None = None

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
