"""Enter what a pair reported and decided at a checkpoint review.

The pair and the checkpoint first (the checkpoints of the pair's charter, each with its date,
"entered" beside one already entered: choosing it again edits that review), then what the
review packet asked: the day it was held, whether the pair kept its cadence, where the mentee
is now on each goal (shown with its baseline), which troubleshooting plans they used, and what
they change. A change to the cadence, a goal or a plan becomes the charter's next version,
to sign (`core.followup.review_store`); the dialog says so before saving. Everything is
reachable from the keyboard: each field has a mnemonic, Tab goes through them in order.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charter_fields import BASELINE_CHOICES, FREQUENCIES, MAX_GOALS
from workshop_app.core.charters.dates import parse_date
from workshop_app.core.errors import UserError
from workshop_app.core.followup import closing
from workshop_app.core.followup.review_context import (
    cadence_words,
    closed_pairs,
    read_agreed,
)
from workshop_app.core.followup.review_store import CharterChanges, Review, ReviewStore
from workshop_app.core.i18n import N_, _, interface_language
from workshop_app.core.model import Charter
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.ask import show_user_error
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.screen_fit import fit_to_screen
from workshop_app.ui.style import ERROR_STYLE, HELP_STYLE
from workshop_app.ui.widgets.date_field import DateField
from workshop_app.ui.widgets.fields import name_inner_parts
from workshop_app.ui.widgets.locale import shown_long_date

# Mnemonics that clash with no other key of the dialog.
CADENCE_TEXT = (
    ("", N_("N&ot answered")),
    ("yes", N_("&Yes")),
    ("partly", N_("Pa&rtly")),
    ("no", N_("&No")),
)
TEXT_CHARS = 48  # the width of the typed lines: a goal's words fit in view
DIALOG_CHARS = 110
COMBO_CHARS = 36
LONG_WORD = 20
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def _shown(value: object) -> str:
    """A stored date as the interface language writes it ("19 gennaio 2027")."""
    day = parse_date(value)
    return shown_long_date(QDate(day.year, day.month, day.day)) if day else str(value or "")


class ReviewEntryDialog(QDialog):
    """One review: pick the pair (unless given) and the checkpoint, then the answers."""

    def __init__(
        self,
        wf: WorkshopFile,
        *,
        pair_id: str | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.wf = wf
        self.today = today or date.today()
        self.store = ReviewStore(wf)
        self.saved: Review | None = None
        self.setWindowTitle(_("Enter a checkpoint review"))
        closed = closed_pairs(wf)
        self.pairs = [p for p in wf.roster.pairs() if pair_id is None or p.id == pair_id]
        self.closed = {p.id for p in self.pairs if p.id in closed}
        people = {p.id: p.name for p in wf.roster.participants()}

        self.pair = _combo()
        self.pair.setAccessibleName(_("Pair"))
        for p in self.pairs:
            names = {
                "code": p.code,
                "mentor": people.get(p.mentor_id, ""),
                "mentee": people.get(p.mentee_id, ""),
            }
            shown = (
                _("{code} · {mentor} & {mentee} (closed)")
                if p.id in self.closed
                else _("{code} · {mentor} & {mentee}")
            )
            self.pair.addItem(shown.format(**names), p.id)
        self.pair.setEnabled(pair_id is None)
        self.checkpoint = _combo()
        self.checkpoint.setAccessibleName(_("Checkpoint"))
        self.held_on = DateField(_("Held on"))
        self.held_on.setAccessibleName(_("Held on"))
        # Checked against the workshop's date (a review before the launch is a slip), not today.
        self.held_on.set_reference(QDate.fromString(wf.workshop().date, "yyyy-MM-dd"))
        self.cadence_question = _typed("")
        self.cadence_kept = QButtonGroup(self)
        cadence_row = QHBoxLayout()
        for value, text in CADENCE_TEXT:
            button = QRadioButton(_(text))
            button.setAccessibleName(
                _("Cadence kept: {answer}").format(answer=_(text).replace("&", ""))
            )
            button.setProperty("value", value)
            self.cadence_kept.addButton(button)
            cadence_row.addWidget(button)
        cadence_row.addStretch(1)

        # Filled for the pair chosen (`_load_pair`): goals, plans, the charter's lines.
        self.plans_note = self._text(
            _("What happened, and did the plan work?"), _("Plans used: notes")
        )
        self.cadence_change = _combo()
        self.cadence_change.setAccessibleName(_("New cadence"))
        self.cadence_custom = QLineEdit()
        self.cadence_custom.setAccessibleName(_("New custom cadence"))
        self.cadence_custom.setPlaceholderText(_("in your words, like 'every third Friday'"))
        self.cadence_change.currentIndexChanged.connect(self._custom_shown)
        self.changes_box = QWidget()
        self.changes_grid = QGridLayout(self.changes_box)
        self.changes_grid.setContentsMargins(0, 0, 0, 0)
        self.changes_note = self._text(_("Anything else you decided"), _("What we change: notes"))
        self.version_note = QLabel()
        self.version_note.setWordWrap(True)
        self.version_note.setStyleSheet(HELP_STYLE)
        self.message = _typed("")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(_("Problem"))
        self.message.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_buddy(_("P&air"), self.pair), self.pair)
        form.addRow(_buddy(_("&Checkpoint"), self.checkpoint), self.checkpoint)
        form.addRow(_buddy(_("&Held on"), self.held_on), self.held_on)
        form.addRow(_heading(_("Our meetings")))
        form.addRow(self.cadence_question)
        form.addRow(cadence_row)
        # The goals' and plans' rows are the form's own, made for each pair chosen: only a
        # row of the dialog's form gets a wrapped label the height its width needs (nested in
        # a grid or a form of its own, a long goal's or plan's lines were cut off).
        goals_heading = _heading(_("Our goals: where the mentee is now"))
        form.addRow(goals_heading)
        self.goals_grid = _Rows(form, goals_heading)
        plans_heading = _heading(_("Our troubleshooting plans: did we use them?"))
        form.addRow(plans_heading)
        self.plans_grid = _Rows(form, plans_heading)
        form.addRow(_buddy(_("No&tes"), self.plans_note), self.plans_note)
        form.addRow(_heading(_("What we change")))
        cadence_line = QHBoxLayout()
        cadence_line.addWidget(self.cadence_change)
        cadence_line.addWidget(self.cadence_custom, 1)
        form.addRow(_buddy(_("Ca&dence"), self.cadence_change), cadence_line)
        form.addRow(self.changes_box)
        form.addRow(_buddy(_("Oth&er"), self.changes_note), self.changes_note)
        form.addRow(self.version_note)

        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setAccessibleName(_("The review"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(_("&Save review"))
        save.setAccessibleName(_("Save review"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.message)
        outer.addWidget(self.buttons)

        self.goal_progress: list[QComboBox] = []
        self.goal_words: list[QLineEdit] = []
        self.plan_used: list[QCheckBox] = []
        self.plan_words: list[tuple[QLineEdit, QLineEdit]] = []
        self._plan_scenarios: list[str] = []
        self.pair.currentIndexChanged.connect(self._load_pair)
        self.checkpoint.currentIndexChanged.connect(self._load_review)
        if not self.pairs:
            self._say(_("There is no such pair in this workshop: it may have been broken up."))
            save.setEnabled(False)
        else:
            self._load_pair()
        inner.adjustSize()
        hint = inner.sizeHint()
        bar = scroll.verticalScrollBar().sizeHint().width()
        # As tall as the form and wide enough for a goal's words on a line, within the screen
        # (the form scrolls when the screen is smaller; the plans' words wrap).
        width = max(hint.width(), self.fontMetrics().averageCharWidth() * DIALOG_CHARS)
        fit_to_screen(
            self, QSize(width + bar + 40, hint.height() + self.buttons.sizeHint().height() + 60)
        )

    # -- the pair and the checkpoint -------------------------------------------------------

    @property
    def pair_id(self) -> str:
        return str(self.pair.currentData())

    def _load_pair(self) -> None:
        pair_id = self.pair_id
        try:
            agreed = read_agreed(self.wf, pair_id)
            charter = self.wf.charters.charter(pair_id)
        except UserError as exc:
            self._say(exc.message)
            return
        entered = {r.checkpoint_day for r in self.store.reviews(pair_id)}
        days = sorted(set(agreed.review_days) | entered)
        self.checkpoint.blockSignals(True)
        self.checkpoint.clear()
        # The checkpoint shown first is the one a coordinator enters now: the latest whose
        # date is reached (or comes within the week), else the first.
        soon = self.today + timedelta(days=7)
        current = 0
        for index, day in enumerate(days):
            due = agreed.checkpoint_date(day)
            if due is None:
                shape = _("Day {day} (entered)") if day in entered else _("Day {day}")
            else:
                shape = (
                    _("Day {day}, {date} (entered)") if day in entered else _("Day {day}, {date}")
                )
            self.checkpoint.addItem(shape.format(day=day, date=_shown(due)), day)
            if due is not None and due <= soon:
                current = index
        self.checkpoint.setCurrentIndex(current)
        self.checkpoint.blockSignals(False)
        cadence = cadence_words(agreed.fields, interface_language())
        self.cadence_question.setText(
            breakable(
                _("Did we keep our cadence? (agreed: {cadence})").format(cadence=cadence)
                if cadence
                else _("Did we keep our cadence?")
            )
        )
        self._fill_goals(agreed.goals)
        self._fill_plans(agreed.plans)
        self._fill_changes(charter)
        closed = pair_id in self.closed
        for widget in (self.cadence_change, self.cadence_custom, *self.goal_words):
            widget.setEnabled(not closed)
        for pair in self.plan_words:
            for edit in pair:
                edit.setEnabled(not closed)
        signed = charter.signed_version
        if closed:
            self.version_note.setText(_("This pairing is closed: its charter stays as it is."))
        elif signed is not None and not charter.edited_since_signing:
            self.version_note.setText(
                _(
                    "A change to the cadence, a goal or a plan becomes version {next} of the "
                    "charter, to sign; version {signed} stays as it was signed."
                ).format(next=charter.version + 1, signed=signed)
            )
        elif signed is not None:
            self.version_note.setText(
                _(
                    "Changes go into version {version}, not signed yet; version {signed} stays "
                    "as it was signed."
                ).format(version=charter.version, signed=signed)
            )
        else:
            self.version_note.setText(
                _("The charter is not signed yet: changes go into it as it is.")
            )
        self._tab_order()
        self._load_review()

    def _tab_order(self) -> None:
        """Tab goes down the form as it reads. (The goals', plans' and charter lines' inputs
        are made for each pair chosen, after the rest: left to itself, Qt would visit them
        last, after the buttons.)"""
        chain: list[QWidget] = [self.pair, self.checkpoint, self.held_on]
        chain += self.cadence_kept.buttons()
        chain += [*self.goal_progress, *self.plan_used, self.plans_note]
        chain += [self.cadence_change, self.cadence_custom, *self.goal_words]
        chain += [edit for pair in self.plan_words for edit in pair]
        chain += [self.changes_note, *self.buttons.buttons()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _load_review(self) -> None:
        """The answers of the review entered before for this checkpoint, or empty ones."""
        if self.checkpoint.currentIndex() < 0:
            return
        review = self.store.review(self.pair_id, int(self.checkpoint.currentData()))
        self.held_on.set_value(review.held_on if review else "")
        kept = review.cadence_kept if review else ""
        for button in self.cadence_kept.buttons():
            button.setChecked(button.property("value") == kept)
        for n, combo in enumerate(self.goal_progress):
            value = review.progress[n] if review else None
            combo.setCurrentIndex(value or 0)
        used = (review.plans_used if review else "").split("\n")
        for box, scenario in zip(self.plan_used, self._plan_scenarios, strict=True):
            box.setChecked(scenario in used)
        notes = [line for line in used if line not in self._plan_scenarios]
        self.plans_note.setPlainText("\n".join(notes).strip())
        self.changes_note.setPlainText(review.changes if review else "")
        self.message.hide()

    # -- the pair's goals, plans and charter lines ------------------------------------------

    def _fill_goals(self, goals: tuple[Mapping[str, Any], ...]) -> None:
        self.goals_grid.clear()
        self.goal_progress = []
        shown = [(n, g) for n, g in enumerate(goals, 1) if (g.get("goal") or "").strip()]
        for n, goal in shown[:MAX_GOALS]:
            baseline = goal.get("baseline") or ""
            number = QLabel(_("Goal &{n}").format(n=n))
            number.setStyleSheet("font-weight: 600;")
            words = _typed(str(goal.get("goal", "")).strip())
            base = QLabel(
                _("baseline {baseline} of 5").format(baseline=baseline)
                if baseline
                else _("no baseline")
            )
            base.setStyleSheet(HELP_STYLE)
            combo = QComboBox()
            combo.setAccessibleName(_("Goal {n} now").format(n=n))
            combo.setAccessibleDescription(f"{goal.get('goal', '')}; {base.text()}")
            combo.addItem(_("Not rated"), None)
            for value, label in BASELINE_CHOICES[1:]:
                combo.addItem(_(label), int(value))
            number.setBuddy(combo)
            rating_row = QWidget()
            rating = QHBoxLayout(rating_row)
            rating.setContentsMargins(0, 0, 0, 0)
            rating.addWidget(combo)
            rating.addWidget(base)
            rating.addStretch(1)
            self.goals_grid.add(rating_row, number)
            # A row of its own, the form's width: the words wrap to the height they need.
            words.setContentsMargins(0, 0, 0, 4)
            self.goals_grid.add(words)
            self.goal_progress.append(combo)
        if not shown:
            self.goals_grid.add(QLabel(_("The charter has no goals yet.")))
        # Progress is stored by goal position.
        self._goal_positions = [n for n, _goal in shown[:MAX_GOALS]]

    def _fill_plans(self, plans: tuple[Mapping[str, Any], ...]) -> None:
        """A "Used" box per plan, beside the plan's words (wrapped: a plan is often a sentence
        or two, too long for a check box's one line)."""
        self.plans_grid.clear()
        self.plan_used = []
        self._plan_scenarios = []
        for n, plan in enumerate(plans, 1):
            scenario = (plan.get("scenario") or "").strip()
            if not scenario:
                continue
            words = _("If this happens: {scenario}\nWe will: {plan}").format(
                scenario=scenario, plan=(plan.get("plan") or "").strip()
            )
            box = QCheckBox(_("Used plan {n}").format(n=n))
            box.setAccessibleName(_("Used plan {n}").format(n=n))
            box.setAccessibleDescription(words)
            text = _typed(words)
            # Each on a row of its own, the form's width (see the goals).
            text.setContentsMargins(box.sizeHint().height(), 0, 0, 4)
            self.plans_grid.add(box)
            self.plans_grid.add(text)
            self.plan_used.append(box)
            self._plan_scenarios.append(scenario)
        if not self.plan_used:
            self.plans_grid.add(QLabel(_("The charter has no troubleshooting plans yet.")))

    def _fill_changes(self, charter: Charter) -> None:
        frequency = str(charter.fields.get("meeting_frequency") or "")
        self._charter_custom = str(charter.fields.get("meeting_frequency_custom") or "")
        self.cadence_change.blockSignals(True)
        self.cadence_change.clear()
        agreed = cadence_words(charter.fields, interface_language())
        self.cadence_change.addItem(
            _("Keep it ({cadence})").format(cadence=agreed) if agreed else _("Keep it"), ""
        )
        for value, text in FREQUENCIES:
            if value != frequency or value == "custom":
                self.cadence_change.addItem(_(text), value)
        self.cadence_change.blockSignals(False)
        self._custom_shown()
        _clear(self.changes_grid)
        self.goal_words = []
        self._charter_goals = {g.position: g.goal for g in charter.goals}
        positions = sorted(self._charter_goals)
        if len(positions) < MAX_GOALS:
            positions.append(len(positions) + 1)
        row = 0
        for n in positions:
            edit = self._line(
                self._charter_goals.get(n, ""), _("Goal {n} in the charter").format(n=n)
            )
            if n not in self._charter_goals:
                edit.setPlaceholderText(_("a new goal, if you add one"))
            label = QLabel(_("Goal {n}").format(n=n))
            label.setBuddy(edit)
            self.changes_grid.addWidget(label, row, 0)
            self.changes_grid.addWidget(edit, row, 1, 1, 2)
            self.goal_words.append(edit)
            row += 1
        self._goal_edit_positions = positions
        self.plan_words = []
        self._charter_plans = [(p.scenario, p.plan) for p in charter.plans]
        for n in range(1, len(self._charter_plans) + 2):
            scenario, plan = (
                self._charter_plans[n - 1] if n <= len(self._charter_plans) else ("", "")
            )
            situation = self._line(scenario, _("Plan {n}: if this happens").format(n=n))
            action = self._line(plan, _("Plan {n}: we will").format(n=n))
            if n > len(self._charter_plans):
                situation.setPlaceholderText(_("a new plan: if this happens"))
                action.setPlaceholderText(_("we will"))
            label = QLabel(_("Plan {n}").format(n=n))
            self.changes_grid.addWidget(label, row, 0)
            self.changes_grid.addWidget(situation, row, 1)
            self.changes_grid.addWidget(action, row, 2)
            self.plan_words.append((situation, action))
            row += 1

    def _custom_shown(self) -> None:
        custom = self.cadence_change.currentData() == "custom"
        self.cadence_custom.setVisible(custom)
        if custom and not self.cadence_custom.text():
            self.cadence_custom.setText(self._charter_custom)

    # -- saving ----------------------------------------------------------------------------

    def changes(self) -> CharterChanges:
        """What differs from the charter as it is, as the store takes it."""
        cadence = str(self.cadence_change.currentData() or "")
        custom = self.cadence_custom.text().strip() if cadence == "custom" else ""
        goals = {
            n: edit.text().strip()
            for n, edit in zip(self._goal_edit_positions, self.goal_words, strict=True)
            if edit.text().strip() and edit.text().strip() != self._charter_goals.get(n, "").strip()
        }
        plans = {}
        for n, (situation, action) in enumerate(self.plan_words, 1):
            now = (situation.text().strip(), action.text().strip())
            before = self._charter_plans[n - 1] if n <= len(self._charter_plans) else ("", "")
            if any(now) and now != (before[0].strip(), before[1].strip()):
                plans[n] = now
        return CharterChanges(cadence=cadence, cadence_custom=custom, goals=goals, plans=plans)

    def save(self) -> None:
        checked = self.cadence_kept.checkedButton()
        used = [
            s
            for box, s in zip(self.plan_used, self._plan_scenarios, strict=True)
            if box.isChecked()
        ]
        notes = self.plans_note.toPlainText().strip()
        progress = {
            n: combo.currentData()
            for n, combo in zip(self._goal_positions, self.goal_progress, strict=True)
        }
        try:
            self.saved = self.store.save(
                self.pair_id,
                int(self.checkpoint.currentData()),
                held_on=self.held_on.value(),
                cadence_kept=str(checked.property("value")) if checked else "",
                progress=progress,
                plans_used="\n".join([*used, *([notes] if notes else [])]),
                changes=self.changes_note.toPlainText().strip(),
                charter=self.changes(),
            )
        except UserError as exc:
            self._say(exc.message)
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _line(self, text: str, name: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * TEXT_CHARS // 2)
        edit.setCursorPosition(0)
        return edit

    def _text(self, placeholder: str, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        return edit


def breakable(text: str) -> str:
    """`text` for a wrapped label: a zero-width space every LONG_WORD characters of a word
    longer than that (a 300-letter "word" typed into a goal), where Qt wraps only at spaces
    and would otherwise make the dialog wider than the screen. The text stored is untouched."""

    def split(word: re.Match[str]) -> str:
        run = word[0]
        return "\u200b".join(run[i : i + LONG_WORD] for i in range(0, len(run), LONG_WORD))

    return _LONG_WORD.sub(split, text)


def _typed(text: str) -> QLabel:
    """A wrapped label for text a person typed: shown as typed, never as markup (a goal
    that reads "<b>x</b>" or a cadence with an <img> in it), long words broken for display.
    (Plain text set before the text: a label that first took it for rich text kept the
    height of one line.)"""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(breakable(text))
    return label


def _combo() -> QComboBox:
    """A combo box as wide as a usual entry, whatever the length of its longest item (a
    pair's names, a cadence in the pair's own words): the list shows each item whole."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARS)
    return combo


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget.focusProxy() or widget)  # a field's own line edit, where it has one
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600; margin-top: 6px;")
    return label


class _Rows:
    """Rows of `form` right after `anchor`, made and removed together."""

    def __init__(self, form: QFormLayout, anchor: QWidget) -> None:
        self._form, self._anchor = form, anchor
        self._fields: list[QWidget] = []

    def add(self, field: QWidget, label: QWidget | None = None) -> None:
        position: Any = self._form.getWidgetPosition(self._anchor)  # (row, role)
        at = int(position[0]) + 1 + len(self._fields)
        if label is None:
            self._form.insertRow(at, field)
        else:
            self._form.insertRow(at, label, field)
        self._fields.append(field)

    def clear(self) -> None:
        for field in self._fields:
            self._form.removeRow(field)  # and deletes its widgets
        self._fields = []


def _clear(layout: QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)  # gone from view now, not at the next event loop
            widget.deleteLater()


def open_review_entry(
    parent: QWidget, wf: WorkshopFile, pair_id: str | None = None, *, today: date | None = None
) -> bool:
    """Enter a review (for `pair_id`, or a pair chosen in the dialog); True when saved. A
    closed pair's charter is read-only: asked for one, it says so in one line, as the
    Charters page does, and opens nothing."""
    found = closing.closure(wf.conn, pair_id) if pair_id is not None else None
    if found is not None:
        code = wf.roster.pair(found.pair_id).code
        show_user_error(
            parent,
            _("No review entered"),
            UserError(
                _("Pair {code} was closed on {date}; its charter is kept as it was.").format(
                    code=code, date=_shown(found.closed_on)
                )
            ),
        )
        return False
    with deleted_after(ReviewEntryDialog(wf, pair_id=pair_id, parent=parent, today=today)) as d:
        name_inner_parts(d)
        return d.exec() == QDialog.DialogCode.Accepted and d.saved is not None
