"""Choose and adjust the agenda before (or during) the workshop; the planned finish follows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import pairwise

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.content.library import (
    KIND_TITLES,
    Agenda,
    Exercise,
    Library,
    minutes_text,
)
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.core.model import Segment
from workshop_app.core.runner.agenda_store import PlannedSegment, in_library_language, planned_from
from workshop_app.ui.dialogs.add_exercise import AddExerciseDialog
from workshop_app.ui.dialogs.ask import ask, show_user_error
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.handout_jobs import HandoutPrinter
from workshop_app.ui.language_mark import marked_title
from workshop_app.ui.pages.base import WorkshopPage, page_heading
from workshop_app.ui.read_only import read_only_safe
from workshop_app.ui.style import HELP_STYLE
from workshop_app.ui.widgets.flow_layout import wrapping_row
from workshop_app.ui.widgets.minutes_spin import MinutesSpinBox
from workshop_app.ui.widgets.tracks_view import ParallelPreview

KIND_LABEL = {**KIND_TITLES, "break": N_("Break")}
TITLE, KIND, MINUTES, PLANNED_AT = range(4)


def agenda_label(agenda: Agenda) -> str:
    """The agenda's title with its length, unless the title already says how long it is."""
    minutes = f"{agenda.total_minutes:g}"
    if re.search(rf"\b{re.escape(minutes)}\s*min", agenda.title, re.IGNORECASE):
        return agenda.title
    return f"{agenda.title} ({minutes_text(agenda.total_minutes)})"


class AgendaPage(WorkshopPage):
    title = N_("Agenda")

    def __init__(self, library: Library | None) -> None:
        super().__init__()
        self.library = library
        heading = page_heading(_("Agenda"))
        intro = QLabel(
            _(
                "Start from an agenda in the library, then reorder, skip or add exercises and "
                "breaks and change their minutes. The planned finish follows every change."
            )
        )
        intro.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setAccessibleName(_("Agendas in the library"))
        self.choice.view().setAccessibleName(_("Agendas in the library"))
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(18)
        self._fill_choice()
        self.choice.currentIndexChanged.connect(self._describe_choice)
        choice_label = QLabel(_("S&tart from:"))
        choice_label.setBuddy(self.choice)
        self.use_button = QPushButton(_("Use this age&nda"))
        self.use_button.setAccessibleName(_("Use this agenda"))
        self.use_button.clicked.connect(lambda: self.use_selected())
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet(HELP_STYLE)
        self.summary = QLabel()
        self.summary.setAccessibleName(_("Planned start and finish"))
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(_("Agenda segments"))
        self.table.setHorizontalHeaderLabels(
            [_("Segment"), _("Kind"), _("Minutes"), _("Planned at")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # Tab leaves the table for its minutes boxes and buttons instead of moving the cell.
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (KIND, MINUTES, PLANNED_AT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemSelectionChanged.connect(self._show_parallel)
        # A parallel segment, selected: its tracks side by side below the table.
        self.parallel = ParallelPreview()
        self.parallel.hide()
        self.up = self._button(_("Move u&p"), _("Move up"), lambda: self._move(-1))
        self.down = self._button(_("Move &down"), _("Move down"), lambda: self._move(+1))
        self.skip = self._button(_("&Skip"), _("Skip"), self._toggle_skip)
        self.add = self._button(_("&Add…"), _("Add an exercise or a break"), self._add)
        self.remove = self._button(_("&Remove"), _("Remove"), self._remove)
        self.up.setToolTip(_("Move the selected segment up (Alt+Up)"))
        self.down.setToolTip(_("Move the selected segment down (Alt+Down)"))
        QShortcut(QKeySequence("Alt+Up"), self.table, lambda: self._move(-1))
        QShortcut(QKeySequence("Alt+Down"), self.table, lambda: self._move(+1))
        for key in ("Return", "Enter"):
            edit = QShortcut(QKeySequence(key), self.table, self._edit_minutes)
            edit.setContext(Qt.ShortcutContext.WidgetShortcut)
        top = QHBoxLayout()
        top.addWidget(choice_label)
        top.addWidget(self.choice, 1)
        top.addWidget(self.use_button)
        # Handouts and letters only read the workshop: they print from a read-only one too.
        self.printing = HandoutPrinter(self, lambda: self.wf)
        self.printing.library = library
        self.printing.said.connect(self.status)
        read_only_safe(*self.printing.buttons, self.printing.row.cancel_button)
        # The buttons wrap onto a second row where they do not fit (German at 1.5x).
        buttons = wrapping_row(
            self.up, self.down, self.skip, self.add, self.remove, *self.printing.buttons
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.description)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.parallel, 2)
        layout.addWidget(buttons)
        layout.addWidget(self.printing.row)
        layout.addWidget(self.printing.message)
        self._segments: list[Segment] = []
        self._spins: list[MinutesSpinBox] = []
        self._describe_choice()
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(lambda: slot())
        return button

    def set_library(self, library: Library | None) -> None:
        """Use `library` from now on (another language, or the organisation's folder)."""
        self.library = library
        self.printing.library = library
        self._fill_choice()
        self.refresh()

    def _fill_choice(self) -> None:
        self.choice.clear()
        for agenda in self.library.agendas.values() if self.library else ():
            self.choice.addItem(agenda_label(agenda), agenda.id)
            self.choice.setItemData(
                self.choice.count() - 1, agenda.description, Qt.ItemDataRole.ToolTipRole
            )

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self._selected()
        self.table.setRowCount(0)
        self._spins = []
        self._segments = (
            [] if self.wf is None else in_library_language(self.wf.agenda.segments(), self.library)
        )
        self._show_agenda_in_use()
        self.table.setRowCount(len(self._segments))
        for row, segment in enumerate(self._segments):
            exercise = (
                self.library.exercises.get(segment.exercise_id or "") if self.library else None
            )
            shown = marked_title(segment.title, exercise)
            title = QTableWidgetItem(
                _("{title}  (skipped)").format(title=shown) if segment.skipped else shown
            )
            if segment.skipped:
                font = title.font()
                font.setStrikeOut(True)
                title.setFont(font)
            self.table.setItem(row, TITLE, title)
            kind = _(KIND_LABEL[segment.kind]) if segment.kind in KIND_LABEL else segment.kind
            if self._parallel_exercise(segment) is not None:
                kind = _("{kind} · in parallel").format(kind=kind)
            self.table.setItem(row, KIND, QTableWidgetItem(kind))
            self.table.setItem(row, PLANNED_AT, QTableWidgetItem())
            spin = MinutesSpinBox()
            spin.setValue(segment.planned_minutes)
            spin.setAccessibleName(_("Minutes for {title}").format(title=segment.title))
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, s=segment.id: self._set_minutes(s, v))
            spin.focused.connect(lambda r=row: self.table.selectRow(r))
            self.table.setCellWidget(row, MINUTES, spin)
            self._spins.append(spin)
        order = [self.table, *self._spins, self.up, self.down, self.skip, self.add, self.remove]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self._show_times()
        if chosen is not None:
            self._select(chosen.id)
        self._update_buttons()

    def _show_times(self) -> None:
        """The planned time of each segment and the finish, from the minutes as they are."""
        if self.wf is None:
            self.summary.setText("")
            return
        workshop = self.wf.workshop()
        start = datetime.fromisoformat(f"{workshop.date}T{workshop.start_time or '09:00'}")
        at = start
        for row, segment in enumerate(self._segments):
            planned = self.table.item(row, PLANNED_AT)
            assert planned is not None  # every row gets one in refresh()
            planned.setText("" if segment.skipped else at.strftime("%H:%M"))
            if not segment.skipped:
                at += timedelta(minutes=segment.planned_minutes)
        total = sum(s.planned_minutes for s in self._segments if not s.skipped)
        if self._segments:
            self.summary.setText(
                _("Starts {start} · planned finish {finish} · {total} minutes").format(
                    start=f"{start:%H:%M}", finish=f"{at:%H:%M}", total=QLocale().toString(total)
                )
            )
        else:
            self.summary.setText(_("No agenda yet: pick one above and press Use this agenda."))

    def _show_agenda_in_use(self) -> None:
        """Point "Start from" at the agenda the workshop uses (if it came from the library)."""
        if self.wf is None:
            return
        index = self.choice.findData(self.wf.workshop().agenda_id)
        if index >= 0:
            self.choice.setCurrentIndex(index)

    def _describe_choice(self) -> None:
        agenda_id = self.choice.currentData()
        agenda = self.library.agendas.get(agenda_id) if self.library and agenda_id else None
        self.description.setText(agenda.description if agenda else "")
        self.description.setVisible(bool(self.description.text()))

    def _update_buttons(self) -> None:
        """Each button only when it can do something to the selected segment."""
        segment = self._selected()
        row = self._segments.index(segment) if segment else -1
        open_ = self.wf is not None
        self.up.setEnabled(segment is not None and row > 0)
        self.down.setEnabled(segment is not None and row < len(self._segments) - 1)
        self.skip.setEnabled(segment is not None)
        self.remove.setEnabled(segment is not None and not segment.started_at)
        self.remove.setToolTip(
            _("It has already run: skip it instead") if segment and segment.started_at else ""
        )
        self.add.setEnabled(open_ and self.library is not None)
        self.use_button.setEnabled(open_ and self.choice.count() > 0)
        self.printing.set_enabled(open_)
        including = segment is not None and segment.skipped
        self.skip.setText(_("&Include again") if including else _("&Skip"))
        self.skip.setAccessibleName(_("Include again") if including else _("Skip"))

    def _edit_minutes(self) -> None:
        """Enter on a segment goes to its minutes, ready to type."""
        segment = self._selected()
        if segment is not None:
            box = self._spins[self._segments.index(segment)]
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def _parallel_exercise(self, segment: Segment | None) -> Exercise | None:
        """The library exercise behind `segment` if it has tracks (mentors and mentees)."""
        if segment is None or not segment.exercise_id or self.library is None:
            return None
        exercise = self.library.exercises.get(segment.exercise_id)
        return exercise if exercise is not None and exercise.tracks else None

    def _show_parallel(self) -> None:
        segment = self._selected()
        exercise = self._parallel_exercise(segment)
        if exercise is not None and segment is not None and self.wf is not None:
            self.parallel.show_exercise(exercise, segment.planned_minutes, self.wf.workshop())
        self.parallel.setVisible(exercise is not None)

    # -- changing --------------------------------------------------------------------------

    def _selected(self) -> Segment | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self._segments[row] if 0 <= row < len(self._segments) else None

    def _select(self, segment_id: str) -> None:
        ids = [s.id for s in self._segments]
        if segment_id in ids:
            self.table.selectRow(ids.index(segment_id))

    def _after_change(self, select: str | None = None) -> None:
        self.refresh()
        if select is not None:
            self._select(select)
        self.saved.emit()
        self.changed.emit()

    def _try(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserError as exc:
            show_user_error(self, _("Cannot change the agenda"), exc)
            return False
        return True

    def use_selected(self, *, confirm: bool = True) -> None:
        if self.wf is None or self.library is None:
            return
        wf = self.wf
        agenda = self.library.agenda(self.choice.currentData())
        if confirm and self._segments and not self._confirm_replace(agenda):
            self._show_agenda_in_use()  # "Start from" shows what is still in use
            return
        planned = planned_from(agenda, self.library)
        if self._try(lambda: wf.agenda.choose(agenda.id, planned)):
            self._after_change()
        else:
            self._show_agenda_in_use()

    def _confirm_replace(self, agenda: Agenda) -> bool:
        answer = ask(
            self,
            _("Replace the agenda?"),
            _("Replace the current agenda with “{title}”?").format(title=agenda.title),
            detail=_("Your changes to the current one will be lost."),
            answers=[("replace", _("Replace")), ("keep", _("Keep the current agenda"))],
            default="keep",
            safe="keep",
            destructive="replace",
        )
        return answer == "replace"

    def _set_minutes(self, segment_id: str, minutes: float) -> None:
        wf = self.wf
        if wf is None:
            return
        if not self._try(lambda: wf.agenda.set_minutes(segment_id, minutes)):
            self.refresh()  # back to the minutes stored
            return
        # Only the times change: the table keeps its widgets, so focus stays where it was.
        self._segments = wf.agenda.segments()
        self._show_times()
        self._show_parallel()
        self.saved.emit()
        self.changed.emit()

    def _move(self, step: int) -> None:
        segment = self._selected()
        wf = self.wf
        if wf is None or segment is None:
            return
        position = self._segments.index(segment) + 1 + step
        if not 1 <= position <= len(self._segments):
            return
        if self._try(lambda: wf.agenda.move(segment.id, position)):
            self._after_change(segment.id)

    def _toggle_skip(self) -> None:
        segment = self._selected()
        wf = self.wf
        if wf is None or segment is None:
            return
        if self._try(lambda: wf.agenda.set_skipped(segment.id, not segment.skipped)):
            self._after_change(segment.id)

    def _add(self) -> None:
        if self.wf is None or self.library is None:
            return
        with deleted_after(AddExerciseDialog(self.library, self)) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            chosen = dialog.chosen()
        self.add_segment(chosen)

    def add_segment(self, item: PlannedSegment) -> None:
        """Add `item` after the selected segment, or at the end when none is selected."""
        wf = self.wf
        if wf is None:
            return
        selected = self._selected()
        position = self._segments.index(selected) + 2 if selected else None
        new_id = ""

        def insert() -> None:
            nonlocal new_id
            new_id = wf.agenda.insert(item, position=position)

        if self._try(insert):
            self._after_change(new_id)

    def _remove(self) -> None:
        segment = self._selected()
        wf = self.wf
        if wf is None or segment is None:
            return
        if self._try(lambda: wf.agenda.remove(segment.id)):
            self._after_change()
