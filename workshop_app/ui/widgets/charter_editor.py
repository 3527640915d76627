"""The form for one pair's charter: every section, saved as it is typed, with undo and redo."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from html import escape
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPaintEvent, QPalette, QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionGroupBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charter_fields import (
    FIELD_BY_NAME,
    GOAL_PARTS,
    GOALS_LIST,
    SECTIONS,
    TROUBLESHOOTING_LIST,
    CharterField,
    CharterSection,
)
from workshop_app.core.charters.dates import format_date
from workshop_app.core.completeness import Status, section_status
from workshop_app.core.errors import UserError
from workshop_app.core.followup import closing
from workshop_app.core.i18n import N_, _, interface_language, ngettext
from workshop_app.core.model import Charter, Participant
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.autosave import FieldSaver, ask_about_refused
from workshop_app.ui.read_only import ReadOnlyGuard
from workshop_app.ui.style import DONE_COLOUR, PENDING_COLOUR
from workshop_app.ui.widgets.charter_lists import GOAL_LABELS, GoalsEditor, PlansEditor
from workshop_app.ui.widgets.charter_undo import ActionCommand, EditCommand, Key, UndoKeys
from workshop_app.ui.widgets.date_field import DateField, Unfinished
from workshop_app.ui.widgets.fields import (
    PRIVATE_NOTE,
    PRIVATE_STYLE,
    ChoiceField,
    FieldWidget,
    LineField,
    MinutesField,
    TextField,
    add_form_row,
    charter_form,
    name_inner_parts,
    place_labels,
)
from workshop_app.ui.widgets.locale import shown_brief_moment, shown_long_date
from workshop_app.ui.widgets.roster_models import role_title, role_word

# Narrower than this (device-independent pixels), the labels go above their fields.
LABELS_ABOVE_BELOW = 560
BADGE = {"complete": N_("✓ complete"), "partial": N_("◐ partly filled"), "empty": N_("○ empty")}
BADGE_COLOUR = {"complete": DONE_COLOUR, "partial": PENDING_COLOUR, "empty": "#6b6b6b"}


class SectionBox(QGroupBox):
    """A section of the form, its title in the colour of its state. (A style sheet would
    colour it too, but setting one restyles every field in the section: 10 ms a section,
    each time a charter is shown.)"""

    _colour: QColor | None = None

    def set_title_colour(self, colour: str | None) -> None:
        new = QColor(colour) if colour else None
        if new != self._colour:
            self._colour = new
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # What QGroupBox.paintEvent draws, with the title's colour given.
        painter = QStylePainter(self)
        option = QStyleOptionGroupBox()
        self.initStyleOption(option)
        if self._colour is not None:
            # Fusion draws the title in the option's WindowText (the common style reads
            # textColor); this palette is the option's copy, so the fields keep theirs.
            option.textColor = self._colour
            option.palette.setColor(QPalette.ColorRole.WindowText, self._colour)
        painter.drawComplexControl(QStyle.ComplexControl.CC_GroupBox, option)


class CharterEditor(QScrollArea):
    """Edits one charter at a time. `set_pair()` switches pair (saving what is pending)."""

    saved = Signal()
    status = Signal(str)
    sign_requested = Signal(str)  # pair id
    revise_requested = Signal(str)  # pair id
    completeness_changed = Signal(str)  # pair id

    def __init__(self, scenarios: Callable[[], Sequence[str]]) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setAccessibleName(_("Charter form"))
        # No tab stop of its own: Tab goes from field to field, and the form scrolls to each.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.wf: WorkshopFile | None = None
        self.pair_id: str | None = None
        self.saver: FieldSaver[Key] = FieldSaver(self)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.saver.cleared.connect(lambda key: self._show_error(key, ""))
        self._stacks: dict[str, QUndoStack] = {}
        self.undo_stack = QUndoStack(self)
        self._committed: dict[Key, Any] = {}
        self._fields: dict[str, FieldWidget] = {}
        self._boxes: dict[str, SectionBox] = {}
        self._undo_keys = UndoKeys(self.undo, self.redo, self)
        self._labels_above = False
        self._build(scenarios)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._follow_focus)

    # -- layout ----------------------------------------------------------------------------

    def _build(self, scenarios: Callable[[], Sequence[str]]) -> None:
        """The form's frame; its sections follow, one per `build_next()` (see there)."""
        body = QWidget()
        layout = QVBoxLayout(body)
        self._body_layout = layout
        self._scenarios = scenarios
        self._to_build = list(SECTIONS)
        self.heading = QLabel()
        self.heading.setAccessibleName(_("Pair"))
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setWordWrap(True)  # long names wrap rather than widen the form
        self.signature_banner = QLabel()
        self.signature_banner.setWordWrap(True)
        # A signed charter is revised (at a re-launch) as its next version, on purpose: the
        # button sits beside what the banner says about the signed version.
        self.revise_button = QPushButton()
        self.revise_button.setAutoDefault(True)
        self.revise_button.clicked.connect(self._request_revise)
        self.signature_bar = QWidget()
        self.signature_bar.setObjectName("signatureBar")
        self.signature_bar.setStyleSheet(
            "#signatureBar { background: #fff4e0; border: 1px solid #e0b060; border-radius: 4px; }"
        )
        bar = QHBoxLayout(self.signature_bar)
        bar.setContentsMargins(6, 6, 6, 6)
        bar.addWidget(self.signature_banner, 1)
        bar.addWidget(self.revise_button, 0, Qt.AlignmentFlag.AlignVCenter)
        # A closed pairing's charter is the program's record: shown, never edited.
        self.closed_banner = QLabel()
        self.closed_banner.setObjectName("closedBanner")
        self.closed_banner.setAccessibleName(_("Closed pairing"))
        self.closed_banner.setWordWrap(True)
        self.closed_banner.setStyleSheet(
            "#closedBanner { background: #eceff3; border: 1px solid #9aa5b1; border-radius: 4px;"
            " padding: 6px; }"
        )
        self.closed_banner.hide()
        self._closed_guard = ReadOnlyGuard(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.closed_banner)
        layout.addWidget(self.signature_bar)
        layout.addStretch(1)
        self.setWidget(body)

    def build_next(self) -> bool:
        """Build one more section of the form; False once all are built. The window calls
        this once per turn of the event loop after opening a workshop, so that the Charters
        page is ready before anyone asks for it and no turn holds up the window for long (the
        whole form takes longer to build than a turn may); `ensure_built()` does the rest at
        once when the form is needed sooner."""
        if not self._to_build:
            return False
        section = self._to_build.pop(0)
        box = SectionBox()
        self._boxes[section.key] = box
        form = charter_form(box)
        self._build_section(section, form, self._scenarios)
        layout = self._body_layout
        layout.insertWidget(layout.count() - 1, box)  # before the closing stretch
        for inner in (form, *box.findChildren(QFormLayout)):  # a goal box has a form too
            place_labels(inner, above=self._labels_above)
        if self._to_build:
            return True
        self._chain_tab_order()
        body = self.widget()
        assert body is not None  # set once, in _build
        name_inner_parts(body)
        return False

    def ensure_built(self) -> None:
        while self.build_next():
            pass

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
            self.sign_button = QPushButton(_("Mark as signed…"))
            self.sign_button.setAccessibleName(_("Mark this charter as signed"))
            self.sign_button.setAutoDefault(True)  # Enter presses it, as Space does
            self.sign_button.clicked.connect(self._request_sign)
            row = QHBoxLayout()
            row.addWidget(self.sign_button)
            row.addStretch(1)
            form.addRow(self.signatures)
            form.addRow(row)
            return
        for field in section.fields:
            if field.name == GOALS_LIST:
                self.goals = GoalsEditor()
                self.goals.edited.connect(lambda pos, part, v: self._edit(("goal", pos, part), v))
                self.goals.remove_requested.connect(self._remove_goal)
                form.addRow(self.goals)
                for box in self.goals.boxes:
                    for part, widget in box.parts.items():
                        self._watch(widget.input, ("goal", box.position, part))
                    self._watch(box.private, ("goal", box.position, "private"))
                continue
            if field.name == TROUBLESHOOTING_LIST:
                self.plans = PlansEditor(scenarios)
                self.plans.edited.connect(lambda pid, part, v: self._edit(("plan", pid, part), v))
                self.plans.add_requested.connect(self._add_plan)
                self.plans.remove_requested.connect(self._remove_plan)
                form.addRow(self.plans)
                continue
            widget = _widget_for(field)
            self._fields[field.name] = widget
            widget.edited.connect(lambda v, n=field.name: self._edit(("field", n), v))
            self._watch(widget.input, ("field", field.name))
            if field.private:
                note = QLabel(_(PRIVATE_NOTE))
                note.setWordWrap(True)
                note.setStyleSheet(PRIVATE_STYLE)
                form.addRow(note)
            label = _(field.label)
            add_form_row(
                form,
                label if field.required else _("{field} (optional)").format(field=label),
                widget,
            )

    def _watch(self, widget: QWidget, key: Key) -> None:
        self.saver.flush_on_focus_out(widget, key)
        self._undo_keys.watch(widget)

    def _chain_tab_order(self) -> None:
        """Tab goes through the form in reading order. Goals shown and plans added later need
        this: a widget made later joins the end of the window's chain (after the sidebar)."""
        chain = [w for w in self._reading_order() if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _reading_order(self) -> list[QWidget]:
        order: list[QWidget] = []
        for section in SECTIONS:
            for field in section.fields:
                if field.name == GOALS_LIST:
                    order += self.goals.focus_order()
                elif field.name == TROUBLESHOOTING_LIST:
                    order += self.plans.focus_order()
                else:
                    order.append(self._fields[field.name].input)
        order.append(self.sign_button)
        return order

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        above = self.viewport().width() < LABELS_ABOVE_BELOW
        if above != self._labels_above:
            self._labels_above = above
            self._place_labels()

    def _place_labels(self) -> None:
        body = self.widget()
        for form in body.findChildren(QFormLayout) if body is not None else ():
            place_labels(form, above=self._labels_above)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the field being typed in on screen, however focus got there (Tab, a new
        goal, an undo)."""
        body = self.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.ensureWidgetVisible(new)

    def _request_sign(self) -> None:
        if self.pair_id:
            self.sign_requested.emit(self.pair_id)

    def _request_revise(self) -> None:
        if self.pair_id:
            self.flush()
            self.revise_requested.emit(self.pair_id)

    # -- showing a charter ------------------------------------------------------------------

    def set_workshop(self, wf: WorkshopFile | None) -> None:
        self.ensure_built()
        self.saver.discard()
        self.wf = wf
        self.pair_id = None
        self._stacks.clear()
        self.undo_stack.clear()

    def set_pair(self, pair_id: str | None) -> bool:
        """Show `pair_id`'s charter, after saving what is pending. False (and nothing changes)
        when a save was refused and the person chose to stay with it."""
        if not self.flush() and not self.settle_unsaved("switch pair"):
            return False
        self.pair_id = pair_id
        self.setEnabled(pair_id is not None)
        if pair_id is None or self.wf is None:
            self.heading.setText(_("Pick a pair on the left"))
            self.signature_bar.hide()
            self.closed_banner.hide()
            self._closed_guard.release()
            return True
        self.undo_stack = self._stacks.setdefault(pair_id, QUndoStack(self))
        self.show_charter()
        return True

    def show_charter(self) -> None:
        assert self.wf is not None and self.pair_id is not None
        wf, pair = self.wf, self.wf.roster.pair(self.pair_id)
        charter = wf.charters.charter(pair.id)
        mentor, mentee = (
            wf.roster.participant(pair.mentor_id),
            wf.roster.participant(pair.mentee_id),
        )
        self.heading.setText(
            _("{code}  ·  {mentor} and {mentee}").format(
                code=pair.code, mentor=mentor.name, mentee=mentee.name
            )
        )
        self.parties.setText(
            "\n".join(
                _party_line(role_title(role), p)
                for role, p in (("mentor", mentor), ("mentee", mentee))
            )
        )
        workshop_date = QDate.fromString(wf.workshop().date, "yyyy-MM-dd")
        reference = workshop_date if workshop_date.isValid() else QDate.currentDate()
        for date_widget in self._date_fields():
            date_widget.set_reference(reference)
        self._committed = {}
        for name, widget in self._fields.items():
            widget.set_value(charter.fields.get(name))
            self._committed[("field", name)] = widget.value()
        self.goals.show_goals(charter.goals)
        self._remember_goals(charter)
        self.plans.show_plans(charter.plans)
        self._hook_plan_rows()
        for plan in charter.plans:
            self._committed[("plan", plan.id, "scenario")] = plan.scenario
            self._committed[("plan", plan.id, "plan")] = plan.plan
        for widget in self._all_fields():
            widget.show_error("")
        self._show_state(charter)
        self._show_closure(wf, pair.code)

    def _show_closure(self, wf: WorkshopFile, code: str) -> None:
        found = closing.closure(wf.conn, self.pair_id or "")
        if found is None:
            self.closed_banner.hide()
            self._closed_guard.release()
            return
        self.closed_banner.setText(
            _(
                "<b>Pair {code} was closed on {date}; its charter is kept as it was.</b> {reason}."
            ).format(
                code=escape(code),
                date=format_date(found.closed_on, interface_language()),
                reason=escape(closing.describe(found)),
            )
        )
        self.closed_banner.show()
        self._closed_guard.lock()

    @property
    def closed(self) -> bool:
        return self.closed_banner.isVisibleTo(self)

    def _remember_goals(self, charter: Charter) -> None:
        self._committed = {k: v for k, v in self._committed.items() if k[0] != "goal"}
        for goal in charter.goals:
            for part, _title in GOAL_PARTS:
                self._committed[("goal", goal.position, part)] = getattr(goal, part)
            self._committed[("goal", goal.position, "private")] = goal.private

    def _all_fields(self) -> list[FieldWidget]:
        return list(self._fields.values()) + [
            w for box in self.goals.boxes for w in box.parts.values()
        ]

    def _date_fields(self) -> list[DateField]:
        return [w for w in self._all_fields() if isinstance(w, DateField)]

    def _show_state(self, charter: Charter | None = None) -> None:
        assert self.wf is not None and self.pair_id is not None
        charter = charter or self.wf.charters.charter(self.pair_id)
        status = section_status(charter.fields, charter.goals, charter.plans)
        for section in SECTIONS:
            state: Status | None = status.get(section.key)
            title = _("{number}. {section}").format(number=section.number, section=_(section.title))
            if section.fields and all(f.private for f in section.fields):
                title = _("{section} · private to the pair").format(section=title)
            box = self._boxes[section.key]
            box.setTitle(title + (f"   {_(BADGE[state])}" if state else ""))
            box.set_title_colour(BADGE_COLOUR[state] if state else None)
        self._show_signatures(charter)

    def _show_signatures(self, charter: Charter) -> None:
        signed = charter.signed_version
        lines = [
            _("v{version}: {role} {name}, {moment}").format(
                version=s.version,
                role=role_word(s.role),
                name=s.name,
                moment=_signed_moment(s.signed_at),
            )
            for s in charter.signoffs
        ]
        self.signatures.setText("\n".join(lines) or _("Not signed yet."))
        self.sign_button.setEnabled(signed != charter.version)
        if signed is None:
            self.signature_bar.hide()
            return
        signed_on = max(s.signed_at for s in charter.signoffs if s.version == signed)[:10]
        day = QDate.fromString(signed_on, Qt.DateFormat.ISODate)
        when = shown_long_date(day) if day.isValid() else signed_on
        if charter.edited_since_signing:
            text = _(
                "Signed v{signed} on {date}. Edited since: this is version {version}. Print it "
                "and have it signed again to make it the record; version {signed} and its "
                "signatures are kept."
            )
        else:
            text = _(
                "Signed v{signed} on {date}. Editing now starts version {next}; the signed "
                "version is kept. At a re-launch, revise it as the next version to sign again."
            )
        self.signature_banner.setText(
            text.format(signed=signed, date=when, version=charter.version, next=signed + 1)
        )
        self.revise_button.setText(_("Revise as version {next}…").format(next=signed + 1))
        self.revise_button.setAccessibleName(_("Revise as version {next}").format(next=signed + 1))
        self.revise_button.setVisible(not charter.edited_since_signing)
        self.signature_bar.show()

    # -- editing ----------------------------------------------------------------------------

    def _edit(self, key: Key, value: Any) -> None:
        pair_id = self.pair_id
        if pair_id is None:
            return
        self.saver.change(key, value, lambda v: self._save(pair_id, key, v))
        if isinstance(value, Unfinished):
            self.saver.flush(key)  # handed over as the field is left: say so at once

    def _save(self, pair_id: str, key: Key, value: Any) -> None:
        assert self.wf is not None
        if isinstance(value, Unfinished):
            raise UserError(value.message)  # a date still being typed is never saved
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
                self.undo_stack.push(EditCommand(self._apply, key, old, value, self._label(key)))

    def flush(self) -> bool:
        """Save everything pending now, a date still being typed included (refused, so it is
        kept and shown). False if a save was refused."""
        for widget in self._all_fields():
            widget.commit()
        return self.saver.flush()

    def _on_saved(self, key: Key) -> None:
        if self.pair_id is not None:
            self._show_state()
            self.completeness_changed.emit(self.pair_id)
        self.saved.emit()

    def _on_failed(self, key: Key, message: str) -> None:
        self._show_error(key, message)
        self.status.emit(f"{self._label(key)}: {message}")

    def _show_error(self, key: Key, message: str) -> None:
        if key[0] == "field":
            self._fields[key[1]].show_error(message)
        elif key[0] == "goal":
            box = self.goals.boxes[key[1] - 1]
            widget = box.parts.get(key[2])
            if widget is not None:
                widget.show_error(message)
            else:
                box.show_error(message)
        elif key[0] == "plan":
            row = self.plans.row(key[1])
            if row is not None:
                row.show_error(message)

    def settle_unsaved(self, then: str) -> bool:
        """After a refused save, before the form lets go of the text (closing, another pair):
        ask the person. True when nothing unsaved is left: saved on a retry, or copied to the
        clipboard and let go. False: they chose to stay, and everything stays as it is."""
        while refused := self.saver.refused():
            code = self.wf.roster.pair(self.pair_id).code if self.wf and self.pair_id else ""
            choice = ask_about_refused(
                self,
                heading=ngettext(
                    "{n} answer in {code}'s charter could not be saved.",
                    "{n} answers in {code}'s charter could not be saved.",
                    len(refused),
                ).format(n=len(refused), code=code),
                reasons=[f"{self._label(key)}: {why}" for key, (_value, why) in refused.items()],
                then=then,
            )
            if choice == "retry":
                self.flush()
            elif choice == "copy":
                QApplication.clipboard().setText(
                    "\n".join(
                        f"{code} · {self._label(key)}: {_as_text(value)}"
                        for key, (value, _why) in refused.items()
                    )
                )
                self.saver.discard()
                copied = ngettext(
                    "{n} unsaved answer copied to the clipboard.",
                    "{n} unsaved answers copied to the clipboard.",
                    len(refused),
                )
                self.status.emit(copied.format(n=len(refused)))
            else:
                return False
        return True

    # -- undo and redo ----------------------------------------------------------------------

    def _apply(self, key: Key, value: Any) -> None:
        """Undo/redo: write `value` for `key` and show it."""
        assert self.wf is not None and self.pair_id is not None
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

        self.flush()
        command = ActionCommand(_("adding a troubleshooting plan"), do, undo)
        if self._push(command):
            command.key = ("plan", created[0], "scenario")
            self._reveal(command.key)

    def _remove_plan(self, plan_id: str) -> None:
        assert self.wf is not None and self.pair_id is not None
        pair_id, charters = self.pair_id, self.wf.charters
        self.flush()
        plan = next((p for p in charters.plans(pair_id) if p.id == plan_id), None)
        if plan is None:
            return

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

        command = ActionCommand(_("removing a troubleshooting plan"), do, undo)
        command.key = ("plan", plan.id, "scenario")
        self._push(command)

    def _remove_goal(self, position: int) -> None:
        assert self.wf is not None and self.pair_id is not None
        pair_id, charters = self.pair_id, self.wf.charters
        self.flush()
        before = charters.goals(pair_id)

        def do() -> None:
            charters.remove_goal(pair_id, position)
            self._reload_goals()

        def undo() -> None:
            assert self.wf is not None
            with self.wf.transaction():
                for goal in before:
                    for part, _title in (*GOAL_PARTS, ("private", "")):
                        charters.set_goal_part(pair_id, goal.position, part, getattr(goal, part))
            self._reload_goals()

        command = ActionCommand(_("removing goal {number}").format(number=position), do, undo)
        command.key = ("goal", position, "goal")
        self._push(command)

    def _push(self, command: ActionCommand) -> bool:
        """Do `command` (pushing runs it), undoably. False if the file refused it."""
        try:
            self.undo_stack.push(command)
        except UserError as exc:
            self.status.emit(_("Not changed: {reason}").format(reason=exc.message))
            self.undo_stack.clear()  # it did not happen: its undo has nothing to undo
            self.show_charter()
            return False
        return True

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
                self._watch(widget, ("plan", row.plan_id, part))
        self._chain_tab_order()
        name_inner_parts(self.plans)
        self._place_labels()

    def _reload_goals(self) -> None:
        assert self.wf is not None and self.pair_id is not None
        charter = self.wf.charters.charter(self.pair_id)
        self.goals.show_goals(charter.goals)
        self._remember_goals(charter)
        self._on_saved(("goals",))

    def undo(self) -> None:
        self._travel(back=True)

    def redo(self) -> None:
        self._travel(back=False)

    def _travel(self, *, back: bool) -> None:
        """Undo or redo one step, then show it: the form scrolls to what changed, focuses
        it, and the status bar says what was undone or redone."""
        stack = self.undo_stack
        if self.pair_id is None or not (stack.canUndo() if back else stack.canRedo()):
            return
        self.flush()
        index = stack.index() - 1 if back else stack.index()
        command = stack.command(index)
        try:
            stack.undo() if back else stack.redo()
        except UserError as exc:
            # The file did not change: start again from what it holds.
            failed = _("Could not undo: {reason}") if back else _("Could not redo: {reason}")
            self.status.emit(failed.format(reason=exc.message))
            stack.clear()
            self.show_charter()
            return
        assert isinstance(command, EditCommand | ActionCommand)
        self._reveal(command.key)
        done = _("Undid: {what}") if back else _("Redid: {what}")
        self.status.emit(done.format(what=command.text()))

    def _reveal(self, key: Key) -> None:
        """Scroll to the widget for `key` and focus it (or, when it is gone, the nearest
        thing: a removed plan's section, a removed goal's list)."""
        widget: QWidget
        if key[0] == "field":
            widget = self._fields[key[1]].input
        elif key[0] == "goal":
            box = self.goals.boxes[key[1] - 1]
            widget = box.private if key[2] == "private" else box.parts[key[2]].input
            if not box.isVisibleTo(self):
                widget = self.goals.boxes[0].parts["goal"].input
        else:
            row = self.plans.row(key[1])
            widget = self.plans.add if row is None else row.widget_for(key[2])
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(widget)

    def _label(self, key: Key) -> str:
        """What a person calls the field `key` (for undo, and messages about saving)."""
        if key[0] == "field":
            return _(FIELD_BY_NAME[key[1]].label)
        if key[0] == "goal":
            part = _("private") if key[2] == "private" else _(GOAL_LABELS[key[2]]).lower()
            return _("Goal {number}: {part}").format(number=key[1], part=part)
        row = self.plans.row(key[1])
        plan = (
            _("Plan {number}").format(number=self.plans.rows.index(row) + 1)
            if row is not None
            else _("A removed plan")
        )
        part = _("if this happens") if key[2] == "scenario" else _("we will")
        return _("{plan}: {part}").format(plan=plan, part=part)

    def field(self, name: str) -> FieldWidget:
        self.ensure_built()
        return self._fields[name]

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)


def _widget_for(field: CharterField) -> FieldWidget:
    """The input for a field of this kind."""
    label = _(field.label)
    if field.kind == "text":
        return TextField(label)
    if field.kind == "choice":
        return ChoiceField(label, field.choices)
    if field.kind == "int":
        return MinutesField(label)
    if field.kind in ("date", "datetime"):
        return DateField(label, with_time=field.kind == "datetime")
    if field.kind == "days":
        return LineField(label, _("e.g. 30, 90, 180"))
    return LineField(label)


def _party_line(role: str, p: Participant) -> str:
    """One party of the charter: role, name, title and department, email, manager."""
    who = ", ".join(x for x in (p.name, p.title, p.department) if x)
    line = _("{role}: {person} <{email}>").format(role=role, person=who, email=p.email)
    if p.manager:
        line = _("{party} (manager: {manager})").format(party=line, manager=p.manager)
    return line


def _as_text(value: Any) -> str:
    if isinstance(value, Unfinished):
        return value.text
    if isinstance(value, bool):
        return _("private") if value else _("not private")
    return "" if value is None else str(value)


def _signed_moment(signed_at: str) -> str:
    """When a signature was given, in local time as the interface language writes it ("20 Jan
    2027, 14:30"): the file keeps it in UTC."""
    try:
        moment = datetime.fromisoformat(signed_at)
    except ValueError:
        return signed_at
    if moment.tzinfo is None:  # a moment written without its zone is taken as UTC
        moment = moment.replace(tzinfo=UTC)
    return shown_brief_moment(moment)
