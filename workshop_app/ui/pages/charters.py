"""Charters: the pairs with their badges (as a list or a board), the form, preview and signing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charter_fields import SECTION_BY_KEY
from workshop_app.core.charters.batch import combined_filename
from workshop_app.core.completeness import missing_sections
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.ui.dialogs.ask import CANCEL, ask, show_user_error
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.pages.base import WorkshopPage
from workshop_app.ui.preview_window import PreviewWindow
from workshop_app.ui.widgets.charter_board import (
    PAIR_ID_ROLE,
    BoardDelegate,
    CharterListModel,
    PairRowDelegate,
)
from workshop_app.ui.widgets.charter_editor import CharterEditor
from workshop_app.ui.widgets.flow_layout import wrapping_row

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile
    from workshop_app.ui.print_jobs import PrintController
from workshop_app.ui.dialogs.sign import SignDialog
from workshop_app.ui.jobs import Job, in_preview_process


class ChartersPage(WorkshopPage):
    title = N_("Charters")

    def __init__(self, scenarios: Sequence[str] = ()) -> None:
        super().__init__()
        self._scenarios = list(scenarios)
        self.list_model = CharterListModel()
        self.board_model = CharterListModel(board=True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.preview: PreviewWindow | None = None
        self._selecting = False
        self._build()

    def _build(self) -> None:
        self.headline = QLabel()
        self.headline.setAccessibleName(_("Charters complete"))
        self.headline.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.headline.setWordWrap(True)  # at 1.5x the window would not fit the screen
        self.list_button = QPushButton(_("&List and form"))
        self.board_button = QPushButton(_("&Board"))
        for button in (self.list_button, self.board_button):
            button.setCheckable(True)
        group = QButtonGroup(self)
        group.addButton(self.list_button)
        group.addButton(self.board_button)
        self.list_button.setChecked(True)
        self.preview_button = QPushButton(_("Pre&view"))
        self.preview_button.setToolTip(_("Show this charter as it will print (F7)"))
        self.sign_button = QPushButton(_("Mark as &signed…"))
        for button, name in (
            (self.list_button, _("Show the pairs and the charter form")),
            (self.board_button, _("Show the charter board")),
            (self.preview_button, _("Preview this charter")),
            (self.sign_button, _("Mark this charter as signed")),
        ):
            button.setAccessibleName(name)
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setAccessibleName(_("Print or save charters"))
        menu = QMenu(self.print_button)
        menu.addAction(_("Print this charter…"), self._print_current)
        menu.addAction(_("Print all complete charters…"), self._print_complete)
        menu.addSeparator()
        menu.addAction(_("Save this charter as PDF…"), self._save_current)
        menu.addAction(_("Save all complete charters as PDFs…"), self._save_complete)
        self.print_button.setMenu(menu)
        self.printer: PrintController | None = None
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        # The buttons wrap onto a second row where they do not fit (German at 1.5x).
        buttons = wrapping_row(
            self.list_button,
            self.board_button,
            self.preview_button,
            self.print_button,
            self.sign_button,
        )
        top.addWidget(buttons, 2)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Find a pair by code or name"))
        self.filter.setAccessibleName(_("Find a pair"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.pair_list = QListView()
        self.pair_list.setAccessibleName(_("Pairs and their charters"))
        self.pair_list.setModel(self.proxy)
        self.pair_list.setAlternatingRowColors(True)
        self.pair_list.setSpacing(2)
        self.pair_list.setUniformItemSizes(True)  # no measuring of every row of a big workshop
        self.pair_list.setItemDelegate(PairRowDelegate(self.list_model, self.pair_list))
        self.pair_list.selectionModel().currentChanged.connect(self._on_current)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.pair_list)
        self.editor = CharterEditor(lambda: self._scenarios)
        self.editor.saved.connect(self.saved.emit)
        self.editor.status.connect(self.status.emit)
        self.editor.completeness_changed.connect(self._refresh_pair)
        self.editor.sign_requested.connect(self.sign)
        self.editor.revise_requested.connect(self.revise)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 1)
        # The list is narrow to start with: on a 1.5x laptop the form needs the room (German
        # section titles, which do not wrap, made it scroll sideways beside a wider list).
        self.splitter.setSizes([225, 800])

        self.board = QListView()
        self.board.setAccessibleName(_("Charter board"))
        self.board.setModel(self.board_model)
        self.board.setViewMode(QListView.ViewMode.IconMode)
        self.board.setResizeMode(QListView.ResizeMode.Adjust)
        self.board.setMovement(QListView.Movement.Static)
        self.board.setSpacing(8)
        self.board.setUniformItemSizes(True)
        self.board.setItemDelegate(BoardDelegate(self.board_model, self.board))
        self.board.setStyleSheet("QListView { font-size: 11pt; }")
        self.board.activated.connect(self._open_from_board)
        self.views = QStackedWidget()
        self.views.addWidget(self.splitter)
        self.views.addWidget(self.board)
        self.list_button.toggled.connect(self._list_toggled)
        self.board_button.toggled.connect(self._board_toggled)
        self.preview_button.clicked.connect(self.show_preview)
        self.sign_button.clicked.connect(self._sign_current)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)

    # -- workshop --------------------------------------------------------------------------

    def set_scenarios(self, scenarios: Sequence[str]) -> None:
        self._scenarios = list(scenarios)

    def set_workshop(self, wf: WorkshopFile | None) -> None:
        self.editor.set_workshop(wf)
        super().set_workshop(wf)

    def refresh(self) -> None:
        if self.wf is None:
            self.list_model.set_rows([])
            self.board_model.set_rows([])
            self.editor.set_pair(None)
            return
        current = self.editor.pair_id
        rows = self.wf.charters.overview()
        self.list_model.set_rows(rows)
        if self.views.currentWidget() is self.board:  # else filled when the board is shown
            self.board_model.set_rows(rows)
        self._update_headline()
        ids = [r.pair_id for r in rows]
        self.select_pair(current if current in ids else (ids[0] if ids else None))

    def flush(self) -> bool:
        return self.editor.flush()

    def settle_unsaved(self) -> bool:
        return self.editor.settle_unsaved("close")

    def _update_headline(self) -> None:
        rows = self.list_model.rows()
        done = sum(1 for r in rows if r.complete)
        signed = sum(1 for r in rows if r.signed_version is not None)
        self.headline.setText(
            _("{done:,} of {n:,} complete · {signed:,} signed").format(
                done=done, n=len(rows), signed=signed
            )
        )

    def _refresh_pair(self, pair_id: str) -> None:
        if self.wf is None:
            return
        found = self.wf.charters.overview(pair_id=pair_id)
        overview = found[0] if found else None
        if overview is not None:
            self.list_model.update_row(overview)
            self.board_model.update_row(overview)
            self._update_headline()

    # -- choosing a pair -------------------------------------------------------------------

    def select_pair(self, pair_id: str | None) -> None:
        if pair_id is None:
            self.editor.set_pair(None)
            return
        if self.editor.pair_id != pair_id:
            if self.editor.set_pair(pair_id):
                self.lock_new_inputs()  # the form's rows made for this pair, when read-only
            else:
                # A save was refused and the person chose to stay with it: the list says so too.
                pair_id = self.editor.pair_id
        if pair_id is None:
            return
        row = self.list_model.row_of(pair_id)
        index = self.proxy.mapFromSource(self.list_model.index(row))
        if index.isValid():
            self._selecting = True  # the editor shows the pair already
            try:
                self.pair_list.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            finally:
                self._selecting = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._selecting:
            self.select_pair(current.data(PAIR_ID_ROLE))

    def _open_from_board(self, index: QModelIndex) -> None:
        self.list_button.setChecked(True)
        self.select_pair(index.data(PAIR_ID_ROLE))

    def _list_toggled(self, on: bool) -> None:
        if on:
            self.show_list()

    def _board_toggled(self, on: bool) -> None:
        if on:
            self.show_board()

    def show_list(self) -> None:
        self.views.setCurrentWidget(self.splitter)

    def show_board(self) -> None:
        self.editor.flush()
        if self.wf is not None:
            self.board_model.set_rows(self.wf.charters.overview())
        self.views.setCurrentWidget(self.board)

    # -- printing --------------------------------------------------------------------------

    def complete_pair_ids(self) -> list[str]:
        return [r.pair_id for r in self.list_model.rows() if r.complete]

    def print_current(self, *, to_folder: bool = False, folder: Path | None = None) -> bool:
        if self.editor.pair_id is None:
            self.status.emit(_("Pick a pair first."))
            return False
        return self._print([self.editor.pair_id], to_folder=to_folder, folder=folder)

    def print_complete(self, *, to_folder: bool = False, folder: Path | None = None) -> bool:
        self.editor.flush()
        self._refresh_rows()
        return self._print(self.complete_pair_ids(), to_folder=to_folder, folder=folder)

    def _print(self, pair_ids: list[str], *, to_folder: bool, folder: Path | None) -> bool:
        """Print `pair_ids` (or save them in `folder`, else in a folder the person picks),
        after asking how: double-sided, labelled copies. A caller that names the folder
        has chosen already: the options chosen last apply."""
        if self.wf is None or self.printer is None:
            return False
        self.editor.flush()
        if not self.printer.ready(pair_ids):
            return False
        combined = combined_filename(self.wf.workshop().language)
        if folder is None and not self.printer.choose_options(
            len(pair_ids), saving=to_folder, combined_name=combined
        ):
            return False
        if to_folder and folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, _("Save the charters in this folder"), str(self.wf.path.parent)
            )
            if not chosen:
                return False
            folder = Path(chosen)
        return self.printer.start(self.wf, pair_ids, folder=folder if to_folder else None)

    def _print_current(self) -> None:
        self.print_current()

    def _print_complete(self) -> None:
        self.print_complete()

    def _save_current(self) -> None:
        self.print_current(to_folder=True)

    def _save_complete(self) -> None:
        self.print_complete(to_folder=True)

    def _sign_current(self) -> None:
        if self.editor.pair_id:
            self.sign(self.editor.pair_id)

    def _refresh_rows(self) -> None:
        if self.wf is not None:
            rows = self.wf.charters.overview()
            self.list_model.set_rows(rows)
            self.board_model.set_rows(rows)
            self._update_headline()
            if self.editor.pair_id:
                self.select_pair(self.editor.pair_id)

    # -- preview and signing ---------------------------------------------------------------

    def show_preview(self) -> None:
        if self.wf is None or self.editor.pair_id is None:
            return
        from workshop_app.core.charters.batch import cached_charter_pdf
        from workshop_app.core.charters.context import charter_context

        self.editor.flush()
        pair = self.wf.roster.pair(self.editor.pair_id)
        context = charter_context(self.wf, pair.id)
        if self.preview is None:
            self.preview = PreviewWindow(self)
            self.preview.print_requested.connect(
                lambda pair_id: self._print([pair_id], to_folder=False, folder=None)
            )
        preview = self.preview
        preview.show_rendering(pair.code, pair_id=pair.id, folder=self.wf.path.parent)
        preview.show()
        preview.raise_()
        Job(
            in_preview_process(cached_charter_pdf, context),
            done=lambda pdf: preview.show_pdf(pair.code, pdf),
            failed=preview.show_error,
            what=_("Rendering the charter"),
        ).start()

    def sign(self, pair_id: str) -> None:
        if self.wf is None:
            return
        self.editor.flush()
        wf = self.wf
        pair = wf.roster.pair(pair_id)
        charter = wf.charters.charter(pair_id)
        dialog = SignDialog(
            code=pair.code,
            version=charter.version,
            mentor=wf.roster.participant(pair.mentor_id).name,
            mentee=wf.roster.participant(pair.mentee_id).name,
            coordinator=wf.workshop().coordinator,
            workshop_date=wf.workshop().date,
            open_sections=[
                (SECTION_BY_KEY[key].number, _(SECTION_BY_KEY[key].title))
                for key in missing_sections(charter.fields, charter.goals, charter.plans)
            ],
            parent=self,
        )
        self.sign_dialog = dialog
        with deleted_after(dialog):
            if dialog.exec() != SignDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        try:
            version = wf.charters.sign(pair_id, **values)
        except UserError as exc:
            show_user_error(self, _("Cannot mark as signed"), exc)
            return
        self.editor.show_charter()
        self._refresh_pair(pair_id)
        self.saved.emit()
        self.status.emit(
            _("{code}: version {version} marked as signed.").format(code=pair.code, version=version)
        )

    def revise(self, pair_id: str) -> None:
        """Open a signed charter for revision as its next version (a re-launch), after
        saying what happens to the signed one."""
        if self.wf is None:
            return
        wf = self.wf
        pair = wf.roster.pair(pair_id)
        charter = wf.charters.charter(pair_id)
        signed, new = charter.version, charter.version + 1
        answer = ask(
            self,
            _("Revise the charter"),
            _("Revise the charter of {code} as version {new}?").format(code=pair.code, new=new),
            detail=_(
                "Version {signed} and its signatures stay in the file as they were signed. "
                "Version {new} starts as a copy of it: edit it, print it (it says it replaces "
                "version {signed}) and mark it as signed again."
            ).format(signed=signed, new=new),
            answers=[("revise", _("Revise as version {new}").format(new=new)), (CANCEL, "")],
            default="revise",
        )
        if answer != "revise":
            return
        try:
            version = wf.charters.reopen(pair_id)
        except UserError as exc:
            show_user_error(self, _("Cannot revise the charter"), exc)
            return
        self.editor.show_charter()
        self._refresh_pair(pair_id)
        self.saved.emit()
        self.status.emit(
            _("{code}: version {version} open for revision.").format(
                code=pair.code, version=version
            )
        )
