"""The main window: file handling around the workshop's pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.content import Library, load_library
from workshop_app.core.errors import UserError
from workshop_app.core.paths import user_data_dir
from workshop_app.core.workshop_file import SUFFIX, WorkshopFile
from workshop_app.ui.agenda_page import AgendaPage
from workshop_app.ui.charters_page import ChartersPage
from workshop_app.ui.dialogs import NewWorkshopDialog, show_user_error
from workshop_app.ui.overview_page import OverviewPage
from workshop_app.ui.page import WorkshopPage
from workshop_app.ui.print_jobs import PrintController, ProgressPanel
from workshop_app.ui.program_page import ProgramPage
from workshop_app.ui.roster_page import RosterPage
from workshop_app.ui.runner_page import RunnerPage
from workshop_app.ui.settings import AppSettings

FILE_FILTER = f"Workshop files (*{SUFFIX});;All files (*)"


def demo_path() -> Path:
    return user_data_dir() / f"demo{SUFFIX}"


class StartPage(QWidget):
    """What the window shows with no workshop open: the ways to get one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel("Run a mentoring program's launch workshop")
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            "Create a workshop file for your event, open one you prepared, "
            "or explore the demo workshop."
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        layout.addWidget(hint)
        for text, slot in (
            ("&New workshop…", window.new_workshop),
            ("&Open a workshop…", window.choose_and_open),
            ("Open the &demo workshop", window.open_demo),
        ):
            button = QPushButton(text)
            button.setMinimumWidth(260)
            button.clicked.connect(slot)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    workshop_opened = Signal(object)

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.wf: WorkshopFile | None = None
        self.stack = QStackedWidget()
        self.start_page = StartPage(self)
        self.library = self._load_library()
        self.overview = OverviewPage()
        self.program = ProgramPage()
        self.roster = RosterPage()
        self.agenda = AgendaPage(self.library)
        self.runner = RunnerPage(self.library)
        self.charters = ChartersPage(self._scenario_titles())
        self.pages: list[WorkshopPage] = [
            self.overview,
            self.program,
            self.roster,
            self.agenda,
            self.runner,
            self.charters,
        ]
        self.nav = QListWidget()
        self.nav.setAccessibleName("Pages")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }"
        )
        self.page_stack = QStackedWidget()
        for page in self.pages:
            self.nav.addItem(page.title)
            self.page_stack.addWidget(page)
            page.saved.connect(self._on_saved)
            page.changed.connect(lambda p=page: self._refresh_others(p))
            page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.nav.currentRowChanged.connect(self._show_page)
        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.page_stack, 1)
        self.workspace = workspace
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName("Last saved")
        self.print_panel = ProgressPanel()
        self.statusBar().addPermanentWidget(self.print_panel)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.printer = PrintController(self.print_panel, self)
        self.printer.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.charters.printer = self.printer
        self._build_menus()
        self._update_title()
        self.nav.setCurrentRow(0)
        geometry = self.settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        splitter = self.settings.geometry("charters-splitter")
        if splitter is not None:
            self.charters.splitter.restoreState(splitter)

    # -- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self._action(menu, "&New workshop…", self.new_workshop, QKeySequence.StandardKey.New)
        self._action(menu, "&Open…", self.choose_and_open, QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(menu, "Open the &demo workshop", self.open_demo)
        menu.addSeparator()
        self._action(menu, "Your organisation's e&xercises folder…", self.choose_content_dir)
        menu.addSeparator()
        self.close_action = self._action(
            menu, "&Close workshop", self.close_workshop, QKeySequence.StandardKey.Close
        )
        self._action(menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action(
            edit, "&Undo charter edit", self.charters.editor.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(
            edit, "&Redo charter edit", self.charters.editor.redo, QKeySequence("Ctrl+Shift+Z")
        )

        go = self.menuBar().addMenu("&Go")
        for number, page in enumerate(self.pages, start=1):
            self._action(
                go,
                page.title,
                lambda _=False, n=number - 1: self.go_to(n),
                QKeySequence(f"Ctrl+{number}"),
            )

        charter = self.menuBar().addMenu("&Charter")
        self._action(charter, "&Preview", self._preview, QKeySequence("F7"))
        self._action(
            charter, "&Print this charter…", self._print_one, QKeySequence.StandardKey.Print
        )
        self._action(charter, "Print &all complete charters…", self._print_all)
        self._action(charter, "Mark as &signed…", self._sign, QKeySequence("Ctrl+Shift+S"))
        self._action(charter, "Show the &board", self._board, QKeySequence("Ctrl+B"))
        self.workshop_menus = [edit, go, charter]

    def _action(self, menu: QMenu, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.recent_files() if p.exists()]
        if not recent:
            none = self.recent_menu.addAction("No recent workshops")
            none.setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))

    # -- pages -----------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        if self.wf is not None:
            self.nav.setCurrentRow(index)

    def _show_page(self, index: int) -> None:
        self._flush()
        self.page_stack.setCurrentIndex(index)
        page = self.pages[index]
        if self.wf is not None:
            page.refresh()

    def current_page(self) -> WorkshopPage:
        return self.pages[self.page_stack.currentIndex()]

    def _refresh_others(self, source: WorkshopPage) -> None:
        current = self.current_page()
        if current is not source:
            current.refresh()

    def _on_saved(self) -> None:
        self.saved_label.setText(
            "All changes saved at " + QDateTime.currentDateTime().toString("HH:mm:ss")
        )

    def _flush(self) -> bool:
        return all([page.flush() for page in self.pages])

    def _preview(self) -> None:
        self.go_to(self.pages.index(self.charters))
        self.charters.show_preview()

    def _print_one(self) -> None:
        self.go_to(self.pages.index(self.charters))
        self.charters.print_current()

    def _print_all(self) -> None:
        self.go_to(self.pages.index(self.charters))
        self.charters.print_complete()

    def _sign(self) -> None:
        self.go_to(self.pages.index(self.charters))
        if self.charters.editor.pair_id:
            self.charters.sign(self.charters.editor.pair_id)

    def _board(self) -> None:
        self.go_to(self.pages.index(self.charters))
        self.charters.board_button.setChecked(True)

    def choose_content_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "The folder with your organisation's exercises and agendas"
        )
        if folder:
            self.use_content_dir(Path(folder))

    def use_content_dir(self, folder: Path) -> bool:
        from workshop_app.core.content import check_content
        from workshop_app.resources import shipped_dir

        problems = check_content(shipped_dir("exercises"), folder)
        if problems:
            show_user_error(
                self,
                "That exercise folder has problems",
                UserError(
                    f"{folder} has {len(problems)} problem(s); fix them and choose it again. "
                    "Details below.",
                    details=[str(p) for p in problems],
                ),
            )
            return False
        self.settings.set_content_dir(folder)
        self.library = self._load_library()
        self.agenda.library = self.library
        self.runner.library = self.library
        self.charters.set_scenarios(self._scenario_titles())
        self.statusBar().showMessage(f"Using your exercises from {folder}", 8000)
        return True

    def _load_library(self) -> Library | None:
        try:
            return load_library(extra_dirs=self.settings.content_dirs())
        except UserError as exc:
            show_user_error(self, "The exercise library has problems", exc)
            return None

    def _scenario_titles(self) -> list[str]:
        return [e.title for e in self.library.scenarios()] if self.library else []

    # -- files -----------------------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open `path`, closing the current workshop; on failure say why and keep going."""
        path = Path(path)
        if self.wf is not None and self.wf.path.resolve() == path.resolve():
            return True
        try:
            wf = WorkshopFile.open(path)
        except UserError as exc:
            show_user_error(self, "Cannot open this workshop", exc)
            return False
        self._set_workshop(wf)
        return True

    def choose_and_open(self) -> None:
        start = str(self.wf.path.parent) if self.wf else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Open a workshop", start, FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def new_workshop(self) -> None:
        dialog = NewWorkshopDialog(self)
        if dialog.exec() != NewWorkshopDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        suggested = str(Path.home() / f"{values['program']} {values['date']}{SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the new workshop as", suggested, FILE_FILTER
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        self.create_workshop(path, **values)

    def create_workshop(self, path: Path, *, program: str, organisation: str, date: str) -> bool:
        try:
            wf = WorkshopFile.create(path, program=program, organisation=organisation, date=date)
        except UserError as exc:
            show_user_error(self, "Cannot create the workshop", exc)
            return False
        self._set_workshop(wf)
        return True

    def open_demo(self) -> None:
        path = demo_path()
        if not path.exists():
            from workshop_app.core.demo import create_demo

            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                create_demo(path).close()
            except UserError as exc:
                show_user_error(self, "Cannot create the demo workshop", exc)
                return
        self.open_path(path)

    def close_workshop(self) -> None:
        if self.wf is not None:
            self._flush()
            for page in self.pages:
                page.set_workshop(None)
            self.wf.close()
            self.wf = None
        self.stack.setCurrentWidget(self.start_page)
        self._update_title()

    def _set_workshop(self, wf: WorkshopFile) -> None:
        self.close_workshop()
        self.wf = wf
        self.settings.add_recent(wf.path)
        for page in self.pages:
            page.set_workshop(wf)
        self.stack.setCurrentWidget(self.workspace)
        self._update_title()
        self.statusBar().showMessage(f"Opened {wf.path}. Every change is saved as you make it.")
        self.workshop_opened.emit(wf)

    def _update_title(self) -> None:
        self.close_action.setEnabled(self.wf is not None)
        for menu in self.workshop_menus:
            menu.setEnabled(self.wf is not None)
        if self.wf is None:
            self.setWindowTitle("Mentoring workshop")
            return
        self.setWindowTitle(f"{self.wf.workshop().program} — {self.wf.path.name}")
        self.setWindowFilePath(str(self.wf.path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.set_geometry("charters-splitter", self.charters.splitter.saveState())
        self.settings.sync()
        self.close_workshop()
        super().closeEvent(event)
