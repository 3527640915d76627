"""The program's close-out: the outcome of every pair's goals, the date, how long personal
data is kept; and, once that period has passed, removing it.

The outcomes are a table made for the keyboard: M (met), P (partly), N (not met), Delete (not
recorded) set the current goal and move to the next one, so 40 pairs take a minute.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charters.dates import parse_date
from workshop_app.core.errors import UserError
from workshop_app.core.followup import close_out, retention
from workshop_app.core.followup.closing import OUTCOME_WORDS
from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.ui.dialogs.ask import CANCEL, ask, show_user_error
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.screen_fit import fit_to_screen
from workshop_app.ui.widgets.date_edit import DateEdit
from workshop_app.ui.widgets.fields import WARNING_STYLE, name_inner_parts
from workshop_app.ui.widgets.locale import shown_long_date

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

KEYS = {Qt.Key.Key_M: "met", Qt.Key.Key_P: "partly", Qt.Key.Key_N: "not_met"}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Space)
NO_GOAL = N_("no goal")
NOT_SET = -1  # the retention box's "Not set"


def _shown(value: object) -> str:
    """A stored date as the interface language writes it ("19 gennaio 2027")."""
    day = parse_date(value)
    return shown_long_date(QDate(day.year, day.month, day.day)) if day else str(value or "")


class OutcomeTable(QTableWidget):
    """Pairs down, goals across; M, P, N or Delete answer the current goal and move on."""

    def __init__(self, pairs: list[close_out.PairToClose]) -> None:
        super().__init__(len(pairs), 4)
        goals = [_("Goal {n}").format(n=n) for n in (1, 2, 3)]
        self.setHorizontalHeaderLabels([_("Pair"), *goals])
        self.setAccessibleName(_("Outcome per goal"))
        self.setAccessibleDescription(
            _("M: met, P: partly, N: not met, Delete: not recorded. Each moves to the next goal.")
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.pairs = pairs
        self.values: dict[str, list[str]] = {}
        for row, p in enumerate(pairs):
            label = (
                _("{code}  {names}  (closed before)") if p.closed else _("{code}  {names}")
            ).format(code=p.code, names=p.names)
            code = QTableWidgetItem(label)
            code.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(row, 0, code)
            self.values[p.pair_id] = list(p.outcomes)
            for position in (1, 2, 3):
                item = QTableWidgetItem()
                if position in p.goals:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                else:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.setItem(row, position, item)
                self._show(row, position)
        first = self._goal_cells()
        if first:
            self.setCurrentCell(*first[0])

    def _goal_cells(self) -> list[tuple[int, int]]:
        return [
            (row, position)
            for row, p in enumerate(self.pairs)
            for position in (1, 2, 3)
            if position in p.goals
        ]

    def _show(self, row: int, position: int) -> None:
        p = self.pairs[row]
        item = self.item(row, position)
        assert item is not None
        if position not in p.goals:
            item.setText(_(NO_GOAL))
            return
        value = self.values[p.pair_id][position - 1]
        item.setText(_(OUTCOME_WORDS[value]) if value else "–")
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            _("{code} goal {n}: {outcome}").format(
                code=p.code, n=position, outcome=_(OUTCOME_WORDS[value])
            ),
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Taken here: passed on, the dialog would close the program on Enter.
            event.accept()
            return
        value = KEYS.get(key, "" if key in CLEAR_KEYS else None)
        row, column = self.currentRow(), self.currentColumn()
        if value is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        cells = self._goal_cells()
        if (row, column) not in cells:
            return
        self.values[self.pairs[row].pair_id][column - 1] = value
        self._show(row, column)
        following = cells.index((row, column)) + 1
        if following < len(cells):
            self.setCurrentCell(*cells[following])

    def outcomes(self) -> dict[str, list[str]]:
        return {pair_id: list(values) for pair_id, values in self.values.items()}

    def select_pair(self, pair_id: str) -> None:
        for row, p in enumerate(self.pairs):
            if p.pair_id == pair_id and p.goals:
                self.setCurrentCell(row, p.goals[0])


class CloseProgramDialog(QDialog):
    """The close-out while the program is open."""

    def __init__(self, wf: WorkshopFile, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Close the program"))
        self.wf, self.today = wf, today
        w = wf.workshop()
        intro = QLabel(
            _(
                "The final checkpoint: record the outcome of each goal of every pair still open "
                "(M met, P partly, N not met, Delete not recorded; each moves on). Every open "
                "pair is closed as completed; after this the file is the program's record and "
                "closed pairs cannot be reopened."
            )
        )
        intro.setWordWrap(True)
        self.table = OutcomeTable(close_out.pairs_to_close(wf))
        self.closed_on = DateEdit(QDate(today.year, today.month, today.day))
        self.closed_on.setAccessibleName(_("Program closed on"))
        self.closed_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.retention = QSpinBox()
        self.retention.setAccessibleName(_("Keep personal data for (months)"))
        self.retention.setRange(NOT_SET, close_out.MAX_RETENTION_MONTHS)
        self.retention.setSpecialValueText(_("Not set"))
        # Translators: after the number of months in a spin box (its value changes; one suffix).
        self.retention.setSuffix(_(" months"))
        self.retention.setValue(NOT_SET if w.retention_months is None else w.retention_months)
        self.problem = QLabel("\N{NO-BREAK SPACE}")
        self.problem.setStyleSheet(WARNING_STYLE)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Program closed &on"), self.closed_on)
        form.addRow(_("&Keep personal data for"), self.retention)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Close the program"))
        ok.setAccessibleName(_("Close the program"))
        ok.setAutoDefault(False)  # Enter in the table must not close the program
        ok.setDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        name_inner_parts(self)
        # The table scrolls: at 1.5x a fixed size put the buttons below the screen's edge.
        fit_to_screen(self, QSize(680, 600))
        self.table.setFocus()

    def _save(self) -> None:
        when = self.closed_on.date()
        months = self.retention.value()
        if not self._confirmed(date(when.year(), when.month(), when.day())):
            return
        try:
            close_out.close_program(
                self.wf,
                closed_on=date(when.year(), when.month(), when.day()),
                today=self.today,
                outcomes=self.table.outcomes(),
                retention_months=None if months == NOT_SET else months,
            )
        except UserError as exc:
            self.problem.setText(f"⚠ {exc.message}")
            return
        self.accept()

    def _confirmed(self, closed_on: date) -> bool:
        pairs = self.table.pairs
        still_open = sum(1 for p in pairs if not p.closed)
        values = self.table.outcomes()
        blank = sum(1 for p in pairs for n in p.goals if not values[p.pair_id][n - 1])
        sentences = [
            ngettext(
                "{n} open pair will be closed as completed.",
                "{n} open pairs will be closed as completed.",
                still_open,
            ).format(n=f"{still_open:,}")
        ]
        if blank:
            sentences.append(
                ngettext(
                    "{n} goal has no outcome recorded.",
                    "{n} goals have no outcome recorded.",
                    blank,
                ).format(n=f"{blank:,}")
            )
        sentences.append(_("Closed pairs cannot be reopened after this."))
        day = QDate(closed_on.year, closed_on.month, closed_on.day)
        answer = ask(
            self,
            _("Close the program"),
            _("Close the program on {date}?").format(date=shown_long_date(day)),
            detail=" ".join(sentences),
            answers=[("close", _("Close the program")), (CANCEL, "")],
            default=CANCEL,
        )
        return answer == "close"


class ClosedProgramDialog(QDialog):
    """After the close-out: when it was, how long personal data is kept, and removing it."""

    def __init__(self, wf: WorkshopFile, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("The program is closed"))
        self.wf, self.today = wf, today
        w = wf.workshop()
        refusal = retention.refusal(wf, today=today)
        lines = [_("The program was closed on {date}.").format(date=_shown(w.program_closed_on))]
        if w.anonymised_on:
            lines.append(
                _("Personal data was removed on {date}.").format(date=_shown(w.anonymised_on))
            )
        elif refusal is None:
            lines.append(
                _(
                    "The retention period has passed: personal data can be removed now. The "
                    "figures stay."
                )
            )
        else:
            lines.append(refusal)
        self.state = QLabel(" ".join(lines))
        self.state.setWordWrap(True)
        self.state.setAccessibleName(_("Close-out"))
        self.state.setMinimumWidth(self.state.fontMetrics().averageCharWidth() * 60)
        self.remove_button = QPushButton(_("&Remove personal data…"))
        self.remove_button.setAccessibleName(_("Remove personal data"))
        self.remove_button.setEnabled(refusal is None)
        self.remove_button.clicked.connect(self._remove)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(close.text().replace("&", ""))
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)

    def _remove(self) -> None:
        done = retention.plan(self.wf)
        items = "".join(f"<li>{line}</li>" for line in done.lines())
        answer = ask(
            self,
            _("Remove personal data"),
            _("Remove personal data from {file}? This cannot be undone.").format(
                file=self.wf.path.name
            ),
            detail=f"<ul>{items}</ul>"
            + _("The file is changed in place and its backups are deleted."),
            answers=[("remove", _("Remove personal data")), (CANCEL, "")],
            default=CANCEL,
            destructive="remove",
        )
        if answer != "remove":
            return
        try:
            retention.anonymise(self.wf, today=self.today)
        except UserError as exc:
            show_user_error(self, _("Personal data was not removed"), exc)
            return
        self.accept()


def open_close_program(
    parent: QWidget, wf: WorkshopFile, pair_id: str | None = None, *, today: date | None = None
) -> bool:
    """The close-out (with `pair_id`'s row current), or once closed, the retention step.
    True when something was saved."""
    today = today or date.today()
    dialog: QDialog
    if wf.workshop().program_closed_on:
        dialog = ClosedProgramDialog(wf, today=today, parent=parent)
    else:
        dialog = CloseProgramDialog(wf, today=today, parent=parent)
        if pair_id is not None:
            dialog.table.select_pair(pair_id)
    with deleted_after(dialog):
        return dialog.exec() == QDialog.DialogCode.Accepted
