"""The list parts of a charter: up to three SMART goals, and the troubleshooting plans."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charter_fields import GOAL_PARTS, MAX_GOALS
from workshop_app.core.model import Goal, Plan
from workshop_app.ui.field_widgets import DateField, FieldWidget, LineField, TextField

GOAL_LABELS = dict(GOAL_PARTS)


class GoalBox(QGroupBox):
    """One SMART goal. Emits `edited(part, value)`."""

    edited = Signal(str, object)
    remove_requested = Signal()

    def __init__(self, position: int) -> None:
        super().__init__(f"Goal {position}")
        self.position = position
        self.parts: dict[str, FieldWidget] = {
            "goal": LineField(f"Goal {position}: the goal", "What will be different?"),
            "why": LineField(f"Goal {position}: why it matters", "Link it to a program goal"),
            "measure": LineField(f"Goal {position}: how we will know", "The success measure"),
            "target_date": DateField(f"Goal {position}: target date"),
            "first_steps": TextField(f"Goal {position}: first steps"),
        }
        form = QFormLayout(self)
        for part, widget in self.parts.items():
            form.addRow(GOAL_LABELS[part], widget)
            widget.edited.connect(lambda v, p=part: self.edited.emit(p, v))
        self.private = QCheckBox("Private to the pair (left out of staff exports)")
        self.private.setAccessibleName(f"Goal {position}: private")
        self.private.toggled.connect(lambda on: self.edited.emit("private", on))
        self.remove = QPushButton(f"Remove goal {position}")
        self.remove.clicked.connect(self.remove_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.private, 1)
        row.addWidget(self.remove)
        form.addRow(row)

    def show_goal(self, goal: Goal | None) -> None:
        for part, widget in self.parts.items():
            widget.set_value(getattr(goal, part) if goal else "")
        self.private.blockSignals(True)
        self.private.setChecked(bool(goal and goal.private))
        self.private.blockSignals(False)


class GoalsEditor(QWidget):
    """Goals 1..3; an empty goal box stays until removed, a new one is added on request."""

    edited = Signal(int, str, object)  # position, part, value
    remove_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.boxes = [GoalBox(n) for n in range(1, MAX_GOALS + 1)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes:
            layout.addWidget(box)
            box.edited.connect(lambda part, v, p=box.position: self.edited.emit(p, part, v))
            box.remove_requested.connect(lambda p=box.position: self.remove_requested.emit(p))
        self.add = QPushButton("Add a goal")
        self.add.setAccessibleName("Add a SMART goal")
        self.add.clicked.connect(self._reveal_next)
        layout.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        self._shown = 1

    def show_goals(self, goals: Sequence[Goal]) -> None:
        by_position = {g.position: g for g in goals}
        self._shown = max(1, len(goals))
        for box in self.boxes:
            box.show_goal(by_position.get(box.position))
        self._update_visible()

    def _reveal_next(self) -> None:
        self._shown = min(MAX_GOALS, self._shown + 1)
        self._update_visible()
        self.boxes[self._shown - 1].parts["goal"].input.setFocus()

    def _update_visible(self) -> None:
        for box in self.boxes:
            box.setVisible(box.position <= self._shown)
        self.add.setEnabled(self._shown < MAX_GOALS)


class PlanRow(QWidget):
    edited = Signal(str, str, str)  # plan id, part, value
    remove_requested = Signal(str)

    def __init__(self, plan: Plan, scenarios: Sequence[str], number: int) -> None:
        super().__init__()
        self.plan_id = plan.id
        self.scenario = QComboBox()
        self.scenario.setEditable(True)
        self.scenario.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scenario.addItems(list(scenarios))
        self.scenario.setCurrentText(plan.scenario)
        self.scenario.setAccessibleName(f"Plan {number}: if this happens")
        self.scenario.lineEdit().setPlaceholderText("If this happens… (pick or type)")
        self.scenario.currentTextChanged.connect(
            lambda text: self.edited.emit(self.plan_id, "scenario", text)
        )
        self.plan = QPlainTextEdit(plan.plan)
        self.plan.setTabChangesFocus(True)
        self.plan.setPlaceholderText("we will…")
        self.plan.setAccessibleName(f"Plan {number}: we will")
        self.plan.setMaximumHeight(70)
        self.plan.textChanged.connect(
            lambda: self.edited.emit(self.plan_id, "plan", self.plan.toPlainText())
        )
        remove = QPushButton("Remove")
        remove.setAccessibleName(f"Remove plan {number}")
        remove.clicked.connect(lambda: self.remove_requested.emit(self.plan_id))
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 4)
        form.addRow("If", self.scenario)
        row = QHBoxLayout()
        row.addWidget(self.plan, 1)
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("we will", row)

    def set_part(self, part: str, value: str) -> None:
        widget = self.scenario if part == "scenario" else self.plan
        widget.blockSignals(True)
        if part == "scenario":
            self.scenario.setCurrentText(value)
        elif self.plan.toPlainText() != value:
            self.plan.setPlainText(value)
        widget.blockSignals(False)


class PlansEditor(QWidget):
    edited = Signal(str, str, str)
    add_requested = Signal()
    remove_requested = Signal(str)

    def __init__(self, scenarios: Callable[[], Sequence[str]]) -> None:
        super().__init__()
        self._scenarios = scenarios
        self.rows: list[PlanRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.add = QPushButton("Add a troubleshooting plan")
        self.add.clicked.connect(self.add_requested.emit)
        self._layout.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)

    def show_plans(self, plans: Sequence[Plan]) -> None:
        for row in self.rows:
            # Not setParent(None): that makes the row a window of its own for a moment,
            # which takes the activation (and the keyboard focus) from the app's window.
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        names = list(self._scenarios())
        for number, plan in enumerate(plans, start=1):
            row = PlanRow(plan, names, number)
            row.edited.connect(self.edited.emit)
            row.remove_requested.connect(self.remove_requested.emit)
            self._layout.insertWidget(self._layout.count() - 1, row)
            self.rows.append(row)

    def row(self, plan_id: str) -> PlanRow | None:
        return next((r for r in self.rows if r.plan_id == plan_id), None)
