"""Follow-up: after the launch, are the pairs meeting and are the goals moving?

The board across the top answers for the whole program; the list below has every pair with
its next checkpoint and its health in words, filtered to those due this week, overdue or at
risk; beside it the selected pair in full (each reason it is at risk with its own plan for
it) and its contact log, where a call is logged from the keyboard.

Health is computed by the core (`follow_up()`, `board()`) for a date, today: once for the
file as it is, and again only when the file changed since (a write through this window's
connection, or another program's) or the date moved on, which the page checks when it is
shown or refreshed (cheap: two counters). The computation is queued for the next turn of the
event loop, so the page paints first and several reasons to recompute in one turn cost one
computation. A log entry, or a dialog that saved for one pair (`refresh_pair`), recomputes
that pair alone, and the board from the list.

The other follow-up dialogs (importing a check-in survey, review packets, a review, closing a
pairing, the outcomes report) belong to other modules: the page has a button for each that
the window has wired (`show_actions`), and says which was asked for, and for which pair, with
`action_requested`; the window calls `refresh()` after the dialog saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charters.dates import parse_date
from workshop_app.core.errors import UserError
from workshop_app.core.followup.contact_log import ContactLog
from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.ui.dialogs.ask import show_user_error
from workshop_app.ui.pages.base import WorkshopPage
from workshop_app.ui.read_only import read_only_safe
from workshop_app.ui.widgets.flow_layout import FlowLayout
from workshop_app.ui.widgets.follow_up_board import FollowUpBoard
from workshop_app.ui.widgets.follow_up_detail import FollowUpDetail
from workshop_app.ui.widgets.follow_up_log import FollowUpLog
from workshop_app.ui.widgets.follow_up_pairs import (
    FILTERS,
    HEALTH,
    NAMES,
    PAIR_ID_ROLE,
    FollowUpFilter,
    FollowUpPairsModel,
)

if TYPE_CHECKING:
    from workshop_app.core.content.library import Library
    from workshop_app.core.followup.board import Board
    from workshop_app.core.followup.health import FollowUp, PairHealth
    from workshop_app.core.store.workshop_file import WorkshopFile

# The other helpers' dialogs: (action name, button text, whether it acts on the selected pair,
# whether it only reads the workshop, so that it works on one open read-only too).
# The Health column's width, in average characters: at least, and at most (its words then end
# in "…", and the tooltip has them all); and how many rows it is measured on.
HEALTH_CHARS = (30, 48)
HEALTH_SAMPLE = 500
ACTIONS = (
    ("import_checkins", N_("Import check-in survey…"), False, False),
    ("print_reviews", N_("Print review packets…"), False, True),
    ("outcomes", N_("Outcomes report…"), False, True),
    ("enter_review", N_("Enter review…"), True, False),
    ("close_pairing", N_("Close this pairing…"), True, False),
)


def compute(wf: WorkshopFile, today: date, library: Library | None) -> tuple[FollowUp, Board]:
    """The program's follow-up and its board, as of `today` (one computation, the core's)."""
    from workshop_app.core.followup.board import board
    from workshop_app.core.followup.health import follow_up

    fu = follow_up(wf, today=today, library=library)
    return fu, board(fu)


class FollowUpPage(WorkshopPage):
    title = "Follow-up"
    action_requested = Signal(str, object)  # the action's name, the selected pair's id or None

    def __init__(self, library: Library | None = None) -> None:
        super().__init__()
        self._library = library
        # Where "today" comes from: the one place tests set it.
        self.today: Callable[[], date] = date.today
        self.model = FollowUpPairsModel()
        self.proxy = FollowUpFilter(self)
        self.proxy.setSourceModel(self.model)
        self.follow_up: FollowUp | None = None
        self.board_figures: Board | None = None
        self._pair_id: str | None = None
        self._queued = False
        # What the follow-up was computed from: the day and the file's change counters.
        self._computed_for: tuple[date, tuple[int, int]] | None = None
        self._build()

    def set_library(self, library: Library | None) -> None:
        """Use `library` from now on: the scenario titles come in the workshop's language."""
        self._library = library
        self._computed_for = None  # computed with the other library's titles

    def _build(self) -> None:
        self.board = FollowUpBoard()

        self.filter_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for key, text in FILTERS:
            button = QPushButton(_(text))
            button.setCheckable(True)
            button.setAccessibleName(_(text).replace("&", ""))
            button.toggled.connect(lambda on, k=key: self._filter_toggled(k, on))
            group.addButton(button)
            self.filter_buttons[key] = button
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find a pair by code or name"))
        self.search.setAccessibleName(_("Find a pair"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.textChanged.connect(self._searched)
        self.action_buttons: dict[str, QPushButton] = {}
        tools = FlowLayout()
        for button in self.filter_buttons.values():
            tools.addWidget(button)
        tools.addWidget(self.search)
        for name, text, for_pair, reads_only in ACTIONS:
            if for_pair:
                continue
            self.action_buttons[name] = self._action_button(name, text, reads_only)
            tools.addWidget(self.action_buttons[name])
        toolbar = QWidget()
        toolbar.setLayout(tools)

        self.table = QTableView()
        self.table.setAccessibleName(_("Pairs and their follow-up"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights and column widths: measuring 2,000 rows' contents would hold up
        # the page every time it is computed.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        chars = self.table.fontMetrics().averageCharWidth()
        for column, width in ((0, 6), (HEALTH, HEALTH_CHARS[0]), (NAMES, 22)):
            header.resizeSection(column, width * chars + 16)
        self.table.selectionModel().currentChanged.connect(self._on_current)

        self.detail = FollowUpDetail()
        # The detail scrolls: on a short screen it gives up height down to two lines, before
        # the pair's buttons under it lose any (their second row was cut in German at 1.5x).
        lines = 2 * self.detail.fontMetrics().lineSpacing() + 2 * self.detail.frameWidth() + 8
        self.detail.setMinimumHeight(lines)
        self.log = FollowUpLog()
        self.log.logged.connect(self._logged)
        self.log.failed.connect(lambda exc: show_user_error(self, _("Not logged"), exc))
        # A row that wraps: in German its four buttons are wider than the pane at 1.5x, and a
        # row that cannot wrap pushed the window past the screen's edge.
        pair_tools = FlowLayout()
        pair_tools.setContentsMargins(0, 0, 0, 0)
        self.draft_button = QPushButton(_("Draft email…"))
        self.draft_button.setAccessibleName(_("Draft an email to this pair"))
        self.draft_button.setToolTip(_("Save an email to this at-risk pair as a draft (.eml)"))
        self.draft_button.clicked.connect(self._draft_selected)
        self.draft_all_button = QPushButton(_("Draft emails to all at risk…"))
        self.draft_all_button.setAccessibleName(_("Draft emails to every at-risk pair shown"))
        self.draft_all_button.clicked.connect(self._draft_shown)
        # They write files, not the workshop.
        read_only_safe(self.draft_button, self.draft_all_button)
        pair_tools.addWidget(self.draft_button)
        pair_tools.addWidget(self.draft_all_button)
        for name, text, for_pair, reads_only in ACTIONS:
            if for_pair:
                self.action_buttons[name] = self._action_button(name, text, reads_only)
                pair_tools.addWidget(self.action_buttons[name])
        pair_row = WrappingRow()
        pair_row.setLayout(pair_tools)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.detail, 1)
        upper_layout.addWidget(pair_row)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(upper)
        self.right.addWidget(self.log)
        self.right.setChildrenCollapsible(False)
        self.right.setSizes([260, 300])
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(ScrollsUpAndDown(self.right))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([720, 480])

        read_only_safe(self.search, self.table, self.detail, *self.filter_buttons.values())
        layout = QVBoxLayout(self)
        layout.addWidget(self.board)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)
        self.filter_buttons["all"].setChecked(True)
        self._update_buttons()

    def _action_button(self, name: str, text: str, reads_only: bool) -> QPushButton:
        button = QPushButton(_(text))
        button.setAccessibleName(_(text).rstrip("…"))
        button.clicked.connect(lambda: self.action_requested.emit(name, self._pair_id))
        button.hide()  # until the window wires it: no dead buttons
        if reads_only:
            read_only_safe(button)
        return button

    @property
    def pair_id(self) -> str | None:
        """The pair selected in the list, if any."""
        return self._pair_id

    def show_actions(self, names: Iterable[str]) -> None:
        """Show the buttons of these actions: the window has wired `action_requested` to
        their dialogs."""
        for name in names:
            if name in self.action_buttons:
                self.action_buttons[name].show()

    # -- the workshop --------------------------------------------------------------------------

    def set_workshop(self, wf: WorkshopFile | None) -> None:
        self.follow_up = None
        self._computed_for = None
        self._pair_id = None
        if wf is None:
            self.log.set_log(None, readonly=True, launch=None)
        else:
            workshop = wf.workshop()
            self.log.today = self.today()
            self.log.set_log(ContactLog(wf), readonly=wf.readonly, launch=parse_date(workshop.date))
        super().set_workshop(wf)

    def refresh(self) -> None:
        """On the next turn of the event loop (the page paints first), recompute if the file
        changed or the date moved on since the last computation."""
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self._recompute_if_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # shown again on another day, or after another page wrote

    def _recompute_if_changed(self) -> None:
        self._queued = False
        wf = self.wf
        if (
            self.follow_up is None
            or wf is None
            or not wf.is_open
            or self._computed_for != (self.today(), _file_state(wf))
        ):
            self.recompute()

    def recompute(self) -> None:
        """The whole program's follow-up, now."""
        self._queued = False
        wf = self.wf
        if wf is None or not wf.is_open:
            self.model.set_rows([])
            self.board.set_board(None)
            self.follow_up = self.board_figures = None
            self._computed_for = None
            self._show_pair(None)
            return
        today = self.today()
        self.log.set_today(today)
        try:
            fu, figures = compute(wf, today, self._library)
        except UserError as exc:
            self.status.emit(exc.message)
            return
        self._show_follow_up(wf, fu, figures)

    def refresh_pair(self, pair_id: str) -> None:
        """Recompute this pair alone, now (a dialog saved for it; a log entry was made): the
        rest of the program is as it was, and the board is counted again from the list."""
        wf = self.wf
        today = self.today()
        if self.follow_up is None or wf is None or not wf.is_open or self.follow_up.today != today:
            self.recompute()
            return
        from workshop_app.core.followup.board import board
        from workshop_app.core.followup.health import follow_up

        try:
            part = follow_up(wf, today=today, library=self._library, pair_ids=[pair_id])
        except UserError as exc:
            self.status.emit(exc.message)
            return
        fu = self.follow_up.updated(part, [pair_id])
        self._show_follow_up(wf, fu, board(fu))

    def _show_follow_up(self, wf: WorkshopFile, fu: FollowUp, figures: Board) -> None:
        self.follow_up, self.board_figures = fu, figures
        self._computed_for = (fu.today, _file_state(wf))
        keep = self._pair_id
        self.model.update_rows(fu.pairs)
        self._fit_health()
        self.board.set_board(figures)
        self._update_filter_counts()
        self._select(keep)

    def _fit_health(self) -> None:
        """The Health column as wide as its longest words (German's run long), within
        `HEALTH_CHARS`; measured on the first rows only, as the widths are not measured per
        cell (2,000 rows would hold up the page)."""
        metrics = self.table.fontMetrics()
        texts = self.model.health_texts(HEALTH_SAMPLE)
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        least, most = (n * metrics.averageCharWidth() for n in HEALTH_CHARS)
        self.table.horizontalHeader().resizeSection(HEALTH, max(least, min(widest, most)) + 16)

    # -- filters and selection -------------------------------------------------------------------

    def _filter_toggled(self, key: str, on: bool) -> None:
        if on:
            self.set_filter(key)

    def set_filter(self, key: str) -> None:
        if not self.filter_buttons[key].isChecked():
            self.filter_buttons[key].setChecked(True)  # comes back here through toggled
            return
        self.proxy.set_mode(key)
        self._select(self._pair_id)

    def _searched(self, text: str) -> None:
        self.proxy.set_search(text)
        self._select(self._pair_id)

    def _update_filter_counts(self) -> None:
        counts = self.model.counts()
        for key, text in FILTERS:
            # Translators: a filter button and how many pairs it shows, "Overdue (3)".
            shown = (
                _(text)
                if key == "all"
                else _("{filter} ({n})").format(filter=_(text), n=f"{counts[key]:,}")
            )
            self.filter_buttons[key].setText(shown)
            self.filter_buttons[key].setAccessibleName(shown.replace("&", ""))

    def shown_pairs(self) -> list[PairHealth]:
        """The pairs the list shows now, in its order."""
        return [
            self.model.pair(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    def _select(self, pair_id: str | None) -> None:
        """Select `pair_id` if the list shows it, else the first pair shown (or none)."""
        row = self.model.row_of(pair_id) if pair_id is not None else None
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is None or not index.isValid():
            index = self.proxy.index(0, 0)
        if not index.isValid():
            self.table.selectionModel().clear()
            self._show_pair(None)
            return
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._show_pair(index.data(PAIR_ID_ROLE))  # also when the current row stayed the same

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_pair(current.data(PAIR_ID_ROLE))

    def selected_pair(self) -> PairHealth | None:
        row = self.model.row_of(self._pair_id) if self._pair_id is not None else None
        return self.model.pair(row) if row is not None else None

    def _show_pair(self, pair_id: str | None) -> None:
        self._pair_id = pair_id
        pair = self.selected_pair()
        self.detail.show_pair(pair)
        self.log.set_pair(pair.pair_id if pair else None, pair.code if pair else "")
        self._update_buttons()

    def _any_shown_at_risk(self) -> bool:
        """Whether the list shows a pair at risk (from the first row, stopping at one: this
        runs at every selection)."""
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if self.model.flags_of(source).at_risk:
                return True
        return False

    def _update_buttons(self) -> None:
        pair = self.selected_pair()
        self.draft_button.setEnabled(pair is not None and pair.at_risk)
        self.draft_all_button.setEnabled(self._any_shown_at_risk())
        for name, _text, for_pair, _reads_only in ACTIONS:
            if for_pair:
                self.action_buttons[name].setEnabled(pair is not None and not pair.closed)

    # -- the log ---------------------------------------------------------------------------------

    def _logged(self, text: str) -> None:
        self.saved.emit()
        self.status.emit(text)
        if self._pair_id is not None:  # the log is the selected pair's
            self.refresh_pair(self._pair_id)  # at once: the entry may have changed its health

    # -- email drafts ----------------------------------------------------------------------------

    def _draft_selected(self) -> None:
        pair = self.selected_pair()
        if pair is not None and pair.at_risk:
            self.draft_emails([pair.pair_id])

    def _draft_shown(self) -> None:
        self.draft_emails([p.pair_id for p in self.shown_pairs() if p.at_risk])

    def draft_emails(self, pair_ids: list[str], folder: Path | None = None) -> Path | None:
        """Write the email drafts to these pairs in a new folder in `folder` (else in one the
        person picks), say where, and return the new folder."""
        if self.wf is None or not pair_ids:
            return None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, _("Save the email drafts in this folder"), str(self.wf.path.parent)
            )
            if not chosen:
                return None
            folder = Path(chosen)
        from workshop_app.core.followup.nudges import write_nudges

        today = self.today()
        try:
            result = write_nudges(
                self.wf,
                pair_ids,
                drafts_folder(folder, today),
                today=today,
                library=self._library,
            )
        except UserError as exc:
            show_user_error(self, _("The email drafts were not saved"), exc)
            return None
        n = len(result.files)
        text = ngettext(
            "{n} email draft saved in {folder}; open it in your mail program.",
            "{n} email drafts saved in {folder}; open them in your mail program.",
            n,
        ).format(n=f"{n:,}", folder=result.folder)
        if result.skipped:
            left_out = _("Left out (their email is not valid): {codes}.").format(
                codes=", ".join(result.skipped)
            )
            text = f"{text} {left_out}"
        self.status.emit(text)
        QMessageBox.information(self, _("Email drafts saved"), text)
        return result.folder


class ScrollsUpAndDown(QScrollArea):
    """The pair's panes, scrolled up and down when the screen is shorter than they need (in
    German at 1.5x the window is; a squeezed pane cut its last row of buttons), and as wide
    as they need, with room for the scroll bar."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a stop of its own for Tab: the panes' widgets are, and it scrolls to each.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(content)

    def minimumSizeHint(self) -> QSize:
        widget = self.widget()
        content = widget.minimumSizeHint().width() if widget is not None else 0
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content + bar, super().minimumSizeHint().height())


class WrappingRow(QWidget):
    """A row of buttons in a FlowLayout that keeps the height its wrapped lines need: in a
    splitter's pane (which asks for no height-for-width) the second line was cut off."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None:
            self.setMinimumHeight(layout.heightForWidth(self.width()))


def _file_state(wf: WorkshopFile) -> tuple[int, int]:
    """Counters that move when the file changes: the rows this window's connection has
    written, and SQLite's data version (moved by another connection's commit)."""
    conn = wf.conn
    (version,) = conn.execute("PRAGMA data_version").fetchone()
    return conn.total_changes, version


def drafts_folder(parent: Path, today: date) -> Path:
    """A new folder for one batch of drafts: "Email drafts 2027-04-30", "… (2)" the second time
    that day (drafts never mix with an earlier batch)."""
    base = f"Email drafts {today.isoformat()}"
    candidate, n = parent / base, 1
    while candidate.exists():
        n += 1
        candidate = parent / f"{base} ({n})"
    return candidate
