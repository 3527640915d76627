"""Choose and adjust the agenda before (or during) the workshop; the planned finish follows."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.agenda_store import PlannedSegment, planned_from
from workshop_app.core.content import Library
from workshop_app.core.errors import UserError
from workshop_app.core.model import Segment
from workshop_app.ui.dialogs import show_user_error
from workshop_app.ui.page import WorkshopPage

KIND_LABEL = {
    "expectations": "Expectations",
    "skills": "Skills practice",
    "scenario": "Troubleshooting",
    "charter": "Charter",
    "logistics": "Logistics",
    "break": "Break",
}


class AddExerciseDialog(QDialog):
    """Pick an exercise from the library (or a break) to add to the agenda."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add to the agenda")
        self.list = QListWidget()
        self.list.setAccessibleName("Exercises")
        item = QListWidgetItem("Break (15 min)")
        item.setData(Qt.ItemDataRole.UserRole, None)
        self.list.addItem(item)
        for exercise in sorted(library.exercises.values(), key=lambda e: (e.kind, e.title)):
            label = f"{KIND_LABEL.get(exercise.kind, exercise.kind)}: {exercise.title}"
            item = QListWidgetItem(f"{label} ({exercise.minutes:g} min)")
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            item.setToolTip(exercise.summary)
            self.list.addItem(item)
        self.list.setCurrentRow(1)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 520)

    def chosen(self, library: Library) -> PlannedSegment:
        exercise_id = self.list.currentItem().data(Qt.ItemDataRole.UserRole)
        if exercise_id is None:
            return PlannedSegment("Break", 15, None, "break")
        exercise = library.exercise(exercise_id)
        return PlannedSegment(exercise.title, exercise.minutes, exercise.id, exercise.kind)


class AgendaPage(WorkshopPage):
    title = "Agenda"

    def __init__(self, library: Library | None) -> None:
        super().__init__()
        self.library = library
        self.choice = QComboBox()
        self.choice.setAccessibleName("Agendas in the library")
        for agenda in library.agendas.values() if library else ():
            self.choice.addItem(f"{agenda.title} ({agenda.total_minutes:g} min)", agenda.id)
        self.use_button = QPushButton("&Use this agenda")
        self.use_button.clicked.connect(self.use_selected)
        self.summary = QLabel()
        self.summary.setAccessibleName("Planned start and finish")
        self.summary.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Agenda segments")
        self.table.setHorizontalHeaderLabels(["Segment", "Kind", "Minutes", "Planned at"])
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.up = QPushButton("Move &up")
        self.down = QPushButton("Move &down")
        self.skip = QPushButton("&Skip / include")
        self.add = QPushButton("&Add…")
        self.remove = QPushButton("&Remove")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(+1))
        self.skip.clicked.connect(self._toggle_skip)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        QShortcut(QKeySequence("Alt+Up"), self.table, lambda: self._move(-1))
        QShortcut(QKeySequence("Alt+Down"), self.table, lambda: self._move(+1))
        top = QHBoxLayout()
        top.addWidget(QLabel("Start from:"))
        top.addWidget(self.choice, 1)
        top.addWidget(self.use_button)
        buttons = QHBoxLayout()
        for b in (self.up, self.down, self.skip, self.add, self.remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._segments: list[Segment] = []

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.table.setRowCount(0)
        if self.wf is None:
            return
        self._segments = self.wf.agenda.segments()
        workshop = self.wf.workshop()
        if workshop.agenda_id:
            index = self.choice.findData(workshop.agenda_id)
            if index >= 0:
                self.choice.setCurrentIndex(index)
        start = datetime.fromisoformat(f"{workshop.date}T{workshop.start_time or '09:00'}")
        at = start
        self.table.setRowCount(len(self._segments))
        for row, segment in enumerate(self._segments):
            title = QTableWidgetItem(segment.title + ("  (skipped)" if segment.skipped else ""))
            if segment.skipped:
                font = title.font()
                font.setStrikeOut(True)
                title.setFont(font)
            kind = QTableWidgetItem(KIND_LABEL.get(segment.kind, segment.kind))
            planned = QTableWidgetItem("" if segment.skipped else at.strftime("%H:%M"))
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, kind)
            self.table.setItem(row, 3, planned)
            spin = QDoubleSpinBox()
            spin.setRange(0.5, 600)
            spin.setDecimals(1)
            spin.setSingleStep(5)
            spin.setSuffix(" min")
            spin.setValue(segment.planned_minutes)
            spin.setAccessibleName(f"Minutes for {segment.title}")
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, s=segment.id: self._set_minutes(s, v))
            self.table.setCellWidget(row, 2, spin)
            if not segment.skipped:
                at += timedelta(minutes=segment.planned_minutes)
        total = sum(s.planned_minutes for s in self._segments if not s.skipped)
        if self._segments:
            self.summary.setText(
                f"Starts {start:%H:%M} · planned finish {at:%H:%M} · {total:g} minutes"
            )
        else:
            self.summary.setText("No agenda yet: pick one above and press Use this agenda.")

    # -- changing --------------------------------------------------------------------------

    def _selected(self) -> Segment | None:
        row = self.table.currentRow()
        return self._segments[row] if 0 <= row < len(self._segments) else None

    def _after_change(self, select: str | None = None) -> None:
        self.refresh()
        if select is not None:
            ids = [s.id for s in self._segments]
            if select in ids:
                self.table.selectRow(ids.index(select))
        self.saved.emit()
        self.changed.emit()

    def _try(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except UserError as exc:
            show_user_error(self, "Cannot change the agenda", exc)
            return False
        return True

    def use_selected(self, *, confirm: bool = True) -> None:
        if self.wf is None or self.library is None:
            return
        agenda = self.library.agenda(self.choice.currentData())
        if confirm and self._segments:
            answer = QMessageBox.question(
                self,
                "Replace the agenda?",
                f"Replace the current agenda with “{agenda.title}”? Your changes to the "
                "current one will be lost.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        planned = planned_from(agenda, self.library)
        if self._try(lambda: self.wf.agenda.choose(agenda.id, planned)):  # type: ignore[union-attr]
            self._after_change()

    def _set_minutes(self, segment_id: str, minutes: float) -> None:
        if self.wf is not None and self._try(
            lambda: self.wf.agenda.set_minutes(segment_id, minutes)  # type: ignore[union-attr]
        ):
            self._after_change(segment_id)

    def _move(self, step: int) -> None:
        segment = self._selected()
        if self.wf is None or segment is None:
            return
        position = self._segments.index(segment) + 1 + step
        if self._try(lambda: self.wf.agenda.move(segment.id, position)):  # type: ignore[union-attr]
            self._after_change(segment.id)

    def _toggle_skip(self) -> None:
        segment = self._selected()
        if self.wf is None or segment is None:
            return
        if self._try(
            lambda: self.wf.agenda.set_skipped(segment.id, not segment.skipped)  # type: ignore[union-attr]
        ):
            self._after_change(segment.id)

    def _add(self) -> None:
        if self.wf is None or self.library is None:
            return
        dialog = AddExerciseDialog(self.library, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_segment(dialog.chosen(self.library))

    def add_segment(self, item: PlannedSegment) -> None:
        if self.wf is None:
            return
        selected = self._selected()
        position = self._segments.index(selected) + 2 if selected else None
        new_id = ""

        def insert() -> None:
            nonlocal new_id
            new_id = self.wf.agenda.insert(item, position=position)  # type: ignore[union-attr]

        if self._try(insert):
            self._after_change(new_id)

    def _remove(self) -> None:
        segment = self._selected()
        if self.wf is None or segment is None:
            return
        if self._try(lambda: self.wf.agenda.remove(segment.id)):  # type: ignore[union-attr]
            self._after_change()
