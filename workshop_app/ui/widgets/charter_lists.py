"""The list parts of a charter: up to three SMART goals, and the troubleshooting plans."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charter_fields import BASELINE_CHOICES, GOAL_PARTS, MAX_GOALS
from workshop_app.core.i18n import _
from workshop_app.core.model import Goal, Plan
from workshop_app.ui.style import HELP_STYLE
from workshop_app.ui.widgets.date_field import DateField
from workshop_app.ui.widgets.fields import (
    ERROR_STYLE,
    ChoiceField,
    FieldWidget,
    LineField,
    TextField,
    add_form_row,
    charter_form,
    grow_with_text,
)

GOAL_LABELS = dict(GOAL_PARTS)


class GoalBox(QGroupBox):
    """One SMART goal. Emits `edited(part, value)`."""

    edited = Signal(str, object)
    remove_requested = Signal()

    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position
        self.parts: dict[str, FieldWidget] = {
            "goal": LineField(
                _("Goal {number}: the goal").format(number=position), _("What will be different?")
            ),
            "why": LineField(
                _("Goal {number}: why it matters").format(number=position),
                _("Link it to a program goal"),
            ),
            "measure": LineField(
                _("Goal {number}: how we will know").format(number=position),
                _("The success measure"),
            ),
            # The mentee's own rating at signing, to look back on at each checkpoint.
            "baseline": ChoiceField(
                _("Goal {number}: where I am today").format(number=position),
                BASELINE_CHOICES[1:],
                empty=_(BASELINE_CHOICES[0][1]),
            ),
            "target_date": DateField(_("Goal {number}: target date").format(number=position)),
            "first_steps": TextField(_("Goal {number}: first steps").format(number=position)),
        }
        form = charter_form(self)
        for part, widget in self.parts.items():
            add_form_row(form, _(GOAL_LABELS[part]), widget)
            widget.edited.connect(lambda v, p=part: self.edited.emit(p, v))
        # A short box and the why on a line of its own that wraps: a check box's text does
        # not, and the whole sentence made the form scroll sideways at 1.5x in German.
        self.private = QCheckBox(_("Private to the pair"))
        self.private_note = QLabel(_("Left out of staff exports."))
        self.private_note.setWordWrap(True)
        self.private_note.setStyleSheet(HELP_STYLE)
        self.private.setAccessibleName(
            _("Goal {number}: private to the pair").format(number=position)
        )
        self.private.toggled.connect(self._private_toggled)
        self.remove = QPushButton(_("Remove goal {number}").format(number=position))
        self.remove.setAccessibleName(_("Remove goal {number}").format(number=position))
        self.remove.setAutoDefault(True)  # Enter presses it, as Space does
        self.remove.clicked.connect(self.remove_requested.emit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form.addRow(self.private)
        form.addRow(self.private_note)
        form.addRow(self.error)
        form.addRow(self.remove)
        form.setAlignment(self.remove, Qt.AlignmentFlag.AlignRight)
        self._show_title()

    def _private_toggled(self, on: bool) -> None:
        self._show_title()
        self.edited.emit("private", on)

    def _show_title(self) -> None:
        private = self.private.isChecked()
        title = _("Goal {number}").format(number=self.position)
        self.setTitle(
            _("{section} · private to the pair").format(section=title) if private else title
        )

    def show_goal(self, goal: Goal | None) -> None:
        for part, widget in self.parts.items():
            widget.set_value(getattr(goal, part) if goal else "")
        self.private.blockSignals(True)
        self.private.setChecked(bool(goal and goal.private))
        self.private.blockSignals(False)
        self._show_title()
        self.show_error("")

    def show_error(self, text: str) -> None:
        """Why the private mark was not saved ("" once it is)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def focus_order(self) -> list[QWidget]:
        return [w.input for w in self.parts.values()] + [self.private, self.remove]


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
        self.add = QPushButton(_("Add a goal"))
        self.add.setAccessibleName(_("Add a SMART goal"))
        self.add.setAutoDefault(True)
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
        self.boxes[self._shown - 1].parts["goal"].input.setFocus(Qt.FocusReason.TabFocusReason)

    def _update_visible(self) -> None:
        for box in self.boxes:
            box.setVisible(box.position <= self._shown)
        self.add.setEnabled(self._shown < MAX_GOALS)

    def focus_order(self) -> list[QWidget]:
        """Every goal's inputs, then "Add a goal" (hidden and disabled ones are skipped)."""
        return [w for box in self.boxes for w in box.focus_order()] + [self.add]


class PlanRow(QWidget):
    edited = Signal(str, str, str)  # plan id, part, value
    remove_requested = Signal(str)

    def __init__(self, plan: Plan, scenarios: Sequence[str], number: int) -> None:
        super().__init__()
        self.plan_id = plan.id
        self.scenario = QComboBox()
        self.scenario.setEditable(True)
        self.scenario.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # As narrow as the form needs, not as wide as the longest scenario's title.
        self.scenario.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scenario.setMinimumContentsLength(16)
        self.scenario.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.scenario.addItems(list(scenarios))
        self.scenario.setCurrentText(plan.scenario)
        self.scenario.setAccessibleName(_("Plan {number}: if this happens").format(number=number))
        scenario_line = self.scenario.lineEdit()
        assert scenario_line is not None  # an editable combo box has one
        scenario_line.setPlaceholderText(_("If this happens… (pick or type)"))
        self.scenario.currentTextChanged.connect(
            lambda text: self.edited.emit(self.plan_id, "scenario", text)
        )
        self.plan = QPlainTextEdit(plan.plan)
        self.plan.setTabChangesFocus(True)
        self.plan.setPlaceholderText(_("we will…"))
        self.plan.setAccessibleName(_("Plan {number}: we will").format(number=number))
        grow_with_text(self.plan)
        self.plan.textChanged.connect(
            lambda: self.edited.emit(self.plan_id, "plan", self.plan.toPlainText())
        )
        self.remove = QPushButton(_("Remove"))
        self.remove.setAccessibleName(_("Remove plan {number}").format(number=number))
        self.remove.setAutoDefault(True)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.plan_id))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        title = QLabel(_("Plan {number}").format(number=number))
        title.setStyleSheet("font-weight: 600;")
        form = charter_form(self)
        form.setContentsMargins(0, 4, 0, 4)
        form.addRow(title)
        add_form_row(form, _("If this happens"), self.scenario)
        add_form_row(form, _("we will"), self.plan)
        form.addRow(self.error)
        form.addRow(self.remove)
        form.setAlignment(self.remove, Qt.AlignmentFlag.AlignRight)

    def widget_for(self, part: str) -> QWidget:
        return self.scenario if part == "scenario" else self.plan

    def set_part(self, part: str, value: str) -> None:
        widget = self.widget_for(part)
        widget.blockSignals(True)
        if part == "scenario":
            self.scenario.setCurrentText(value)
        elif self.plan.toPlainText() != value:
            self.plan.setPlainText(value)
        widget.blockSignals(False)

    def show_error(self, text: str) -> None:
        """Why the last change to this plan was not saved ("" once it is)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def focus_order(self) -> list[QWidget]:
        return [self.scenario, self.plan, self.remove]


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
        self.add = QPushButton(_("Add a troubleshooting plan"))
        self.add.setAccessibleName(_("Add a troubleshooting plan"))
        self.add.setAutoDefault(True)
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
            row.show()  # now, not on the next turn of the event loop: focus goes to it next
            self.rows.append(row)

    def row(self, plan_id: str) -> PlanRow | None:
        return next((r for r in self.rows if r.plan_id == plan_id), None)

    def focus_order(self) -> list[QWidget]:
        """Every plan's inputs, then "Add a troubleshooting plan"."""
        return [w for row in self.rows for w in row.focus_order()] + [self.add]
