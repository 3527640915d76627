"""The form for one pair's charter: every section, saved as it is typed, with undo and redo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charter_fields import (
    GOAL_PARTS,
    GOALS_LIST,
    SECTIONS,
    TROUBLESHOOTING_LIST,
    CharterSection,
)
from workshop_app.core.completeness import Status, section_status
from workshop_app.core.model import Charter
from workshop_app.core.workshop_file import WorkshopFile
from workshop_app.ui.autosave import FieldSaver
from workshop_app.ui.charter_lists import GoalsEditor, PlansEditor
from workshop_app.ui.charter_undo import ActionCommand, EditCommand, Key
from workshop_app.ui.field_widgets import FieldWidget, widget_for

BADGE = {"complete": "✓ complete", "partial": "◐ partly filled", "empty": "○ empty"}
BADGE_COLOUR = {"complete": "#1b7a3d", "partial": "#a15c00", "empty": "#6b6b6b"}


class CharterEditor(QScrollArea):
    """Edits one charter at a time. `set_pair()` switches pair (saving what is pending)."""

    saved = Signal()
    status = Signal(str)
    sign_requested = Signal(str)  # pair id
    completeness_changed = Signal(str)  # pair id

    def __init__(self, scenarios: Callable[[], Sequence[str]]) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.wf: WorkshopFile | None = None
        self.pair_id: str | None = None
        self.saver = FieldSaver(self)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.saver.cleared.connect(lambda key: self._error_label(key).hide())
        self._stacks: dict[str, QUndoStack] = {}
        self.undo_stack = QUndoStack(self)
        self._committed: dict[Key, Any] = {}
        self._fields: dict[str, FieldWidget] = {}
        self._errors: dict[Key, QLabel] = {}
        self._boxes: dict[str, QGroupBox] = {}
        self._undo_keys = _UndoKeys(self)
        self._build(scenarios)

    # -- layout ----------------------------------------------------------------------------

    def _build(self, scenarios: Callable[[], Sequence[str]]) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signature_banner = QLabel()
        self.signature_banner.setWordWrap(True)
        self.signature_banner.setStyleSheet(
            "background: #fff4e0; border: 1px solid #e0b060; padding: 6px; border-radius: 4px;"
        )
        layout.addWidget(self.heading)
        layout.addWidget(self.signature_banner)
        for section in SECTIONS:
            box = QGroupBox()
            self._boxes[section.key] = box
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            self._build_section(section, form, scenarios)
            layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(body)

    def _build_section(
        self, section: CharterSection, form: QFormLayout, scenarios: Callable[[], Sequence[str]]
    ) -> None:
        if section.key == "parties":
            self.parties = QLabel()
            self.parties.setWordWrap(True)
            self.parties.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(self.parties)
            return
        if section.key == "signatures":
            self.signatures = QLabel()
            self.signatures.setWordWrap(True)
            self.sign_button = QPushButton("Mark as signed…")
            self.sign_button.setAccessibleName("Mark this charter as signed")
            self.sign_button.clicked.connect(self._request_sign)
            form.addRow(self.signatures)
            form.addRow(self.sign_button)
            return
        for field in section.fields:
            if field.name == GOALS_LIST:
                self.goals = GoalsEditor()
                self.goals.edited.connect(lambda pos, part, v: self._edit(("goal", pos, part), v))
                self.goals.remove_requested.connect(self._remove_goal)
                form.addRow(self.goals)
                continue
            if field.name == TROUBLESHOOTING_LIST:
                self.plans = PlansEditor(scenarios)
                self.plans.edited.connect(lambda pid, part, v: self._edit(("plan", pid, part), v))
                self.plans.add_requested.connect(self._add_plan)
                self.plans.remove_requested.connect(self._remove_plan)
                form.addRow(self.plans)
                continue
            widget = widget_for(field)
            self._fields[field.name] = widget
            widget.edited.connect(lambda v, n=field.name: self._edit(("field", n), v))
            self.saver.flush_on_focus_out(widget.input, ("field", field.name))
            self._undo_keys.watch(widget.input)
            label = field.label + ("" if field.required else " (optional)")
            form.addRow(label, widget)
            form.addRow("", self._error_label(("field", field.name)))
        for box in self.goals.boxes if section.key == "purpose" else ():
            for part, widget in box.parts.items():
                self.saver.flush_on_focus_out(widget.input, ("goal", box.position, part))
                self._undo_keys.watch(widget.input)

    def _request_sign(self) -> None:
        if self.pair_id:
            self.sign_requested.emit(self.pair_id)

    def _error_label(self, key: Key) -> QLabel:
        label = self._errors.get(key)
        if label is None:
            label = QLabel()
            label.setStyleSheet("color: #b3261e;")
            label.setWordWrap(True)
            label.hide()
            self._errors[key] = label
        return label

    # -- showing a charter ------------------------------------------------------------------

    def set_workshop(self, wf: WorkshopFile | None) -> None:
        self.saver.discard()
        self.wf = wf
        self.pair_id = None
        self._stacks.clear()
        self.undo_stack.clear()

    def set_pair(self, pair_id: str | None) -> None:
        self.saver.flush()
        self.pair_id = pair_id
        self.setEnabled(pair_id is not None)
        if pair_id is None or self.wf is None:
            self.heading.setText("Pick a pair on the left")
            self.signature_banner.hide()
            return
        self.undo_stack = self._stacks.setdefault(pair_id, QUndoStack(self))
        self.show_charter()

    def show_charter(self) -> None:
        assert self.wf is not None and self.pair_id is not None
        wf, pair = self.wf, self.wf.roster.pair(self.pair_id)
        charter = wf.charters.charter(pair.id)
        mentor, mentee = (
            wf.roster.participant(pair.mentor_id),
            wf.roster.participant(pair.mentee_id),
        )
        self.heading.setText(f"{pair.code}  ·  {mentor.name} and {mentee.name}")
        self.parties.setText(
            "\n".join(
                f"{role}: {p.name}"
                + "".join(f", {x}" for x in (p.title, p.department) if x)
                + f" <{p.email}>"
                + (f" (manager: {p.manager})" if p.manager else "")
                for role, p in (("Mentor", mentor), ("Mentee", mentee))
            )
        )
        self._committed = {}
        for name, widget in self._fields.items():
            widget.set_value(charter.fields.get(name))
            self._committed[("field", name)] = widget.value()
        self.goals.show_goals(charter.goals)
        for goal in charter.goals:
            for part, _ in GOAL_PARTS:
                self._committed[("goal", goal.position, part)] = getattr(goal, part)
            self._committed[("goal", goal.position, "private")] = goal.private
        self.plans.show_plans(charter.plans)
        self._hook_plan_rows()
        for plan in charter.plans:
            self._committed[("plan", plan.id, "scenario")] = plan.scenario
            self._committed[("plan", plan.id, "plan")] = plan.plan
        for label in self._errors.values():
            label.hide()
        self._show_state(charter)

    def _show_state(self, charter: Charter | None = None) -> None:
        assert self.wf is not None and self.pair_id is not None
        charter = charter or self.wf.charters.charter(self.pair_id)
        status = section_status(charter.fields, charter.goals, charter.plans)
        for section in SECTIONS:
            state: Status | None = status.get(section.key)
            title = f"{section.number}. {section.title}"
            box = self._boxes[section.key]
            box.setTitle(title + (f"   {BADGE[state]}" if state else ""))
            box.setStyleSheet(
                f"QGroupBox::title {{ color: {BADGE_COLOUR[state]}; }}" if state else ""
            )
        self._show_signatures(charter)

    def _show_signatures(self, charter: Charter) -> None:
        signed = charter.signed_version
        lines = [
            f"v{s.version}: {s.role} {s.name}, {s.signed_at[:16].replace('T', ' ')}"
            for s in charter.signoffs
        ]
        self.signatures.setText("\n".join(lines) or "Not signed yet.")
        self.sign_button.setEnabled(signed != charter.version)
        if signed is None:
            self.signature_banner.hide()
            return
        when = max(s.signed_at for s in charter.signoffs if s.version == signed)[:10]
        text = f"Signed v{signed} on {when}."
        if charter.edited_since_signing:
            text += (
                f" Edited since: this is version {charter.version}. Print it and have it "
                "signed again to make it the record; the signed version is kept."
            )
        else:
            text += f" Editing now starts version {signed + 1}; the signed version is kept."
        self.signature_banner.setText(text)
        self.signature_banner.show()

    # -- editing ----------------------------------------------------------------------------

    def _edit(self, key: Key, value: Any) -> None:
        pair_id = self.pair_id
        if pair_id is None:
            return
        self.saver.change(key, value, lambda v, k=key, p=pair_id: self._save(p, k, v))

    def _save(self, pair_id: str, key: Key, value: Any) -> None:
        assert self.wf is not None
        charters = self.wf.charters
        if key[0] == "field":
            charters.set_field(pair_id, key[1], value)
        elif key[0] == "goal":
            charters.set_goal_part(pair_id, key[1], key[2], value)
        else:
            charters.set_plan_part(key[1], key[2], value)
        if pair_id == self.pair_id:
            old = self._committed.get(key, "" if key[2:] != ("private",) else False)
            self._committed[key] = value
            if old != value:
                self.undo_stack.push(EditCommand(self._apply, key, old, value, _label(key)))

    def _on_saved(self, key: Key) -> None:
        if self.pair_id is not None:
            self._show_state()
            self.completeness_changed.emit(self.pair_id)
        self.saved.emit()

    def _on_failed(self, key: Key, message: str) -> None:
        label = self._error_label(key)
        label.setText(message)
        label.show()
        self.status.emit(f"Not saved: {message}")

    def _apply(self, key: Key, value: Any) -> None:
        """Undo/redo: write `value` for `key` and show it."""
        assert self.wf is not None and self.pair_id is not None
        self.saver.flush()
        charters = self.wf.charters
        if key[0] == "field":
            charters.set_field(self.pair_id, key[1], value)
            self._fields[key[1]].set_value(value)
        elif key[0] == "goal":
            charters.set_goal_part(self.pair_id, key[1], key[2], value)
            self.goals.show_goals(charters.goals(self.pair_id))
        else:
            charters.set_plan_part(key[1], key[2], value)
            row = self.plans.row(key[1])
            if row is not None:
                row.set_part(key[2], value)
        self._committed[key] = value
        self._on_saved(key)

    def _add_plan(self) -> None:
        assert self.wf is not None and self.pair_id is not None
        pair_id, charters = self.pair_id, self.wf.charters
        created: list[str] = []

        def do() -> None:
            plan = charters.add_plan(pair_id, plan_id=created[0] if created else None)
            created[:] = [plan.id]
            self._reload_plans()

        def undo() -> None:
            charters.remove_plan(created[0])
            self._reload_plans()

        self.saver.flush()
        self.undo_stack.push(ActionCommand("Add a troubleshooting plan", do, undo))
        row = self.plans.row(created[0])
        if row is not None:
            row.scenario.setFocus()

    def _remove_plan(self, plan_id: str) -> None:
        assert self.wf is not None and self.pair_id is not None
        pair_id, charters = self.pair_id, self.wf.charters
        self.saver.flush()
        plan = next(p for p in charters.plans(pair_id) if p.id == plan_id)

        def do() -> None:
            charters.remove_plan(plan.id)
            self._reload_plans()

        def undo() -> None:
            charters.add_plan(
                pair_id,
                scenario=plan.scenario,
                plan=plan.plan,
                exercise_id=plan.exercise_id,
                plan_id=plan.id,
                position=plan.position,
            )
            self._reload_plans()

        self.undo_stack.push(ActionCommand("Remove a troubleshooting plan", do, undo))

    def _remove_goal(self, position: int) -> None:
        assert self.wf is not None and self.pair_id is not None
        pair_id, charters = self.pair_id, self.wf.charters
        self.saver.flush()
        before = charters.goals(pair_id)

        def do() -> None:
            charters.remove_goal(pair_id, position)
            self._reload_goals()

        def undo() -> None:
            assert self.wf is not None
            with self.wf.transaction():
                for goal in before:
                    for part, _ in (*GOAL_PARTS, ("private", "")):
                        charters.set_goal_part(pair_id, goal.position, part, getattr(goal, part))
            self._reload_goals()

        self.undo_stack.push(ActionCommand(f"Remove goal {position}", do, undo))

    def _reload_plans(self) -> None:
        assert self.wf is not None and self.pair_id is not None
        plans = self.wf.charters.plans(self.pair_id)
        self.plans.show_plans(plans)
        self._hook_plan_rows()
        for plan in plans:
            self._committed[("plan", plan.id, "scenario")] = plan.scenario
            self._committed[("plan", plan.id, "plan")] = plan.plan
        self._on_saved(("plans",))

    def _hook_plan_rows(self) -> None:
        for row in self.plans.rows:
            for part, widget in (("scenario", row.scenario), ("plan", row.plan)):
                self.saver.flush_on_focus_out(widget, ("plan", row.plan_id, part))
                self._undo_keys.watch(widget)

    def _reload_goals(self) -> None:
        assert self.wf is not None and self.pair_id is not None
        goals = self.wf.charters.goals(self.pair_id)
        self.goals.show_goals(goals)
        self._committed = {k: v for k, v in self._committed.items() if k[0] != "goal"}
        for goal in goals:
            for part, _ in GOAL_PARTS:
                self._committed[("goal", goal.position, part)] = getattr(goal, part)
            self._committed[("goal", goal.position, "private")] = goal.private
        self._on_saved(("goals",))

    def undo(self) -> None:
        self.saver.flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.saver.flush()
        self.undo_stack.redo()

    def field(self, name: str) -> FieldWidget:
        return self._fields[name]


def _label(key: Key) -> str:
    if key[0] == "field":
        from workshop_app.core.charter_fields import FIELD_BY_NAME

        return FIELD_BY_NAME[key[1]].label.lower()
    if key[0] == "goal":
        return f"goal {key[1]}"
    return "troubleshooting plan"


class _UndoKeys(QObject):
    """Ctrl+Z / Ctrl+Shift+Z in a charter field undo the charter edit, not just the
    widget's own text, so undo works the same in every kind of field."""

    def __init__(self, editor: CharterEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            key_event = event
            assert isinstance(key_event, QKeyEvent)
            if key_event.matches(QKeySequence.StandardKey.Undo):
                if event.type() == QEvent.Type.KeyPress:
                    self._editor.undo()
                event.accept()
                return True
            if key_event.matches(QKeySequence.StandardKey.Redo):
                if event.type() == QEvent.Type.KeyPress:
                    self._editor.redo()
                event.accept()
                return True
        return False
