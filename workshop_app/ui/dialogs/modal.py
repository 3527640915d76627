"""Running a modal dialog, the one way:

    with deleted_after(SomeDialog(..., parent=self)) as dialog:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            use(dialog.values())

A dialog made with a parent belongs to it: without this it stays alive, hidden, with its
workshop and its signal connections, until the window closes, one more for every opening
(a stale roster import dialog crashed the app). `deleteLater` waits for the event loop, so what
the dialog holds can be read until the block ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


@contextmanager
def deleted_after(dialog: W) -> Iterator[W]:
    """`dialog`, deleted once the block that shows it ends, however it ends."""
    try:
        yield dialog
    finally:
        dialog.deleteLater()
