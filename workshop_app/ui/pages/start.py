"""What the window shows with no workshop open: the ways to get one, and the recent ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.i18n import _
from workshop_app.ui.pages.base import page_heading
from workshop_app.ui.settings import RecentFile

PATH_ROLE = Qt.ItemDataRole.UserRole
# The column of text and buttons, in average characters: readable lines on a wide screen.
COLUMN_CHARS = 100


class RecentList(QListWidget):
    """The recent workshops; Enter or a double-click opens one, Delete forgets it."""

    forget = Signal(object)  # Path

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Delete and item is not None:
            self.forget.emit(item.data(PATH_ROLE))
            event.accept()
            return
        super().keyPressEvent(event)


class StartPage(QWidget):
    """New, open, the demo, and the recent workshops as entries to click or pick by key."""

    open_requested = Signal(object)  # Path
    forget_requested = Signal(object)  # Path

    def __init__(self, actions: list[tuple[str, str, Callable[[], object]]]) -> None:
        """`actions`: (button text, accessible name, slot) for each way to get a workshop."""
        super().__init__()
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * COLUMN_CHARS)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(column)
        heading = page_heading(_("Run a mentoring program's launch workshop"))
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            _(
                "Create a workshop file for your event, open one you prepared, "
                "or explore the demo workshop."
            )
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(hint)
        self.buttons: list[QPushButton] = []
        for text, name, slot in actions:
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
            button.clicked.connect(slot)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
            self.buttons.append(button)
        self.recent_title = QLabel(_("&Recent workshops"))
        self.recent_title.setStyleSheet("font-size: 13pt; font-weight: 600; margin-top: 16px;")
        self.recent = RecentList()
        self.recent.setAccessibleName(_("Recent workshops"))
        self.recent.setAccessibleDescription(
            _("Enter or double-click opens a workshop; Delete takes it off the list")
        )
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent.setWordWrap(True)
        self.recent.setAlternatingRowColors(True)
        self.recent.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.recent.itemActivated.connect(self._activated)
        self.recent.forget.connect(self.forget_requested.emit)
        self.recent_title.setBuddy(self.recent)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent, 3)
        layout.addStretch(1)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addWidget(column, 20)
        row.addStretch(1)

    def show_recent(self, files: list[RecentFile]) -> None:
        """List `files`, those found first; missing ones stay listed, greyed, to forget."""
        self.recent.clear()
        for recent in sorted(files, key=lambda r: not r.exists):
            item = QListWidgetItem(_describe(recent))
            item.setData(PATH_ROLE, recent.path)
            item.setToolTip(str(recent.path))
            if not recent.exists:
                item.setForeground(self.palette().placeholderText())
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(files))
        self.recent.setVisible(bool(files))
        if files:
            self.recent.setCurrentRow(0)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(PATH_ROLE))


def _describe(recent: RecentFile) -> str:
    path: Path = recent.path
    if not recent.exists:
        return _(
            "{name}  (not found)\n{folder} · moved, renamed, or on a drive that is not connected"
        ).format(name=path.stem, folder=path.parent)
    if recent.opened_at is None:
        return f"{path.stem}\n{path.parent}"
    # The interface language's month names (QLocale), never the process locale's.
    at = recent.opened_at
    when = QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
    at_text = QLocale().toString(when, "d MMM yyyy, HH:mm")
    return _("{name}\n{folder} · last opened {when}").format(
        name=path.stem, folder=path.parent, when=at_text
    )
