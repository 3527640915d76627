"""Restore a backup: the copies taken each time the workshop was opened, newest first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.i18n import _
from workshop_app.core.store.backups import Backup, list_backups
from workshop_app.ui.widgets.locale import interface_locale, shown_moment


class RestoreDialog(QDialog):
    """Pick one backup of `workshop`. The window does the restoring (it must close the file)."""

    def __init__(self, workshop: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore a backup"))
        self.backups: list[Backup] = list_backups(workshop)
        intro = QLabel(
            _(
                "A copy of {file} is kept each time it is opened (the newest 10). Restoring "
                "one puts it in the workshop's place; the workshop as it is now is kept as a "
                "backup too, so you can come back to it."
            ).format(file=workshop.name)
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Backups, newest first"))
        for backup in self.backups:
            size = backup.path.stat().st_size // 1024 if backup.path.exists() else 0
            item = QListWidgetItem(
                _("{moment}   ({size} KB)").format(
                    moment=shown_moment(backup.taken_at), size=interface_locale().toString(size)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        if not self.backups:
            self.list.addItem(_("There are no backups of this workshop yet."))
            self.list.setEnabled(False)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self._accept_item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Restore this backup"))
        ok.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 420)

    def _accept_item(self, _item: QListWidgetItem) -> None:
        if self.backups:
            self.accept()

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return Path(value) if value else None
