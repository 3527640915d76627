"""Attendance check-in from the runner: tick people in as they arrive, late ones included."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.workshop_file import WorkshopFile


class CheckInDialog(QDialog):
    def __init__(self, wf: WorkshopFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        self.setWindowTitle("Check in")
        self.summary = QLabel()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type a name to find someone")
        self.filter.setAccessibleName("Find a participant")
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setAccessibleName("Participants: ticked means here")
        for person in wf.roster.participants():
            pair = wf.roster.pair_of(person.id)
            item = QListWidgetItem(
                f"{person.name} ({person.role}{', ' + pair.code if pair else ''})"
            )
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._changed)
        self.absent_button = QPushButton("Mark everyone not ticked as &absent")
        self.absent_button.clicked.connect(self.mark_rest_absent)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.absent_button)
        layout.addWidget(buttons)
        self.resize(420, 560)
        self._update_summary()

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(text.lower() not in item.text().lower())

    def _changed(self, item: QListWidgetItem) -> None:
        """Each tick is saved at once."""
        here = item.checkState() == Qt.CheckState.Checked
        self.wf.roster.set_attendance(item.data(Qt.ItemDataRole.UserRole), True if here else None)
        self._update_summary()

    def mark_rest_absent(self) -> None:
        with self.wf.transaction():
            for i in range(self.list.count()):
                item = self.list.item(i)
                if item.checkState() != Qt.CheckState.Checked:
                    self.wf.roster.set_attendance(item.data(Qt.ItemDataRole.UserRole), False)
        self._update_summary()

    def _update_summary(self) -> None:
        people = self.wf.roster.participants()
        here = sum(1 for p in people if p.present)
        absent = sum(1 for p in people if p.present is False)
        self.summary.setText(f"{here} of {len(people)} here · {absent} marked absent")
