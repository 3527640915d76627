"""The workshop at a glance: program, what is left to prepare, the charter board, and every
pair with its state (Enter or a double-click opens the pair's charter)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.core.readiness import next_steps
from workshop_app.core.store.info import workshop_info
from workshop_app.ui.pages.base import WorkshopPage, fill_with_scrolling
from workshop_app.ui.read_only import read_only_safe
from workshop_app.ui.style import HEADING_STYLE
from workshop_app.ui.widgets.locale import shown_long_date
from workshop_app.ui.widgets.next_steps import NextSteps
from workshop_app.ui.widgets.pairs_model import PairsModel


class FilterProxy(QSortFilterProxyModel):
    """Filters; leaves sorting to the model, which sorts 5,000 pairs in one Python sort
    where a sorting proxy would ask it for some 70,000 values one at a time."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        """One lookup in the row's prepared search text, not six calls to data()."""
        model = self.sourceModel()
        assert isinstance(model, PairsModel)
        return not self.needle or self.needle in model.search_text(row)


class OverviewPage(WorkshopPage):
    """The workshop at a glance: who is here, how far each pair's charter is."""

    title = N_("Overview")
    open_page = Signal(str)  # a page's name: "program", "roster", "agenda"
    open_charter = Signal(str)  # a pair's id

    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setStyleSheet(HEADING_STYLE)
        self.heading.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: palette(placeholder-text);")  # readable grey
        self.subtitle.setWordWrap(True)
        self.steps = NextSteps()
        self.steps.open_page.connect(self.open_page.emit)
        self.board = QLabel()
        self.board.setAccessibleName(_("Charter board"))
        self.board.setStyleSheet("font-size: 13pt; padding: 6px 0;")
        self.board.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter pairs by code or name"))
        self.filter.setAccessibleName(_("Filter pairs"))
        self.filter.setClearButtonEnabled(True)
        self.model = PairsModel()
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self._filter)
        self.table = QTableView()
        self.table.setAccessibleName(_("Pairs"))
        self.table.setAccessibleDescription(_("Enter or a double-click opens the pair's charter"))
        self.table.setToolTip(_("Double-click a pair, or press Enter, to open its charter"))
        self.table.activated.connect(self._activated)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Size columns from the first rows only: measuring every row of a big workshop
        # would hold up opening it.
        header.setResizeContentsPrecision(40)
        header.setStretchLastSection(True)

        read_only_safe(self.steps, self.filter, self.table)  # they only look and go elsewhere
        # The page scrolls where the screen is too short for it (1.5x on a laptop): a squeezed
        # page cut the steps' wrapped lines instead.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.steps)
        layout.addWidget(self.board)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room the table leaves while there are no pairs
        fill_with_scrolling(self, content, name=_("Overview"))

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.open_charter.emit(self.model.row(source.row()).pair_id)

    def refresh(self) -> None:
        wf = self.wf
        if wf is None:
            self.model.set_rows([])
            return
        overview = wf.charters.overview()
        info = workshop_info(wf, overview=overview, pairs=False)
        w, c, a = info["workshop"], info["charters"], info["attendance"]
        self.heading.setText(w["program"])
        day = QDate.fromString(w["date"] or "", Qt.DateFormat.ISODate)
        shown_day = shown_long_date(day) if day.isValid() else w["date"]
        where = " · ".join(x for x in (w["organisation"], shown_day, w["venue"]) if x)
        if w["facilitator"]:
            where = _("{where} · facilitated by {facilitator}").format(
                where=where, facilitator=w["facilitator"]
            )
        self.subtitle.setText(where)
        board = ngettext(
            "<b>{complete:,} of {n:,} charter</b> complete · <b>{signed:,}</b> signed · "
            "<b>{present:,} of {total:,}</b> here",
            "<b>{complete:,} of {n:,} charters</b> complete · <b>{signed:,}</b> signed · "
            "<b>{present:,} of {total:,}</b> here",
            c["pairs"],
        ).format(
            complete=c["complete"],
            n=c["pairs"],
            signed=c["signed"],
            present=a["present"],
            total=a["total"],
        )
        if c["edited_since_signing"]:
            board = _("{counts} · {n:,} edited since signing").format(
                counts=board, n=c["edited_since_signing"]
            )
        self.board.setText(board)
        self.model.set_rows(overview)
        people = info["participants"]
        steps = next_steps(
            wf.workshop(),
            pairs=c["pairs"],
            participants=people["mentors"] + people["mentees"],
            segments=wf.agenda.segments(),
            today=date.today(),
            held=bool(a["present"] or c["signed"]),
        )
        self.steps.show_steps(steps)
        # With no pairs yet the list would only say "0 of 0": the steps take the page.
        has_pairs = bool(c["pairs"])
        for widget in (self.board, self.filter, self.table):
            widget.setVisible(has_pairs)
