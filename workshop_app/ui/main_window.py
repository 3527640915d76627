"""The main window: file handling around the workshop's pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.paths import user_data_dir
from workshop_app.core.workshop_file import SUFFIX, WorkshopFile
from workshop_app.ui.dialogs import NewWorkshopDialog, show_user_error
from workshop_app.ui.overview_page import OverviewPage
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
        self.overview = OverviewPage()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.overview)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._update_title()
        geometry = self.settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)

    # -- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self._action(menu, "&New workshop…", self.new_workshop, QKeySequence.StandardKey.New)
        self._action(menu, "&Open…", self.choose_and_open, QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(menu, "Open the &demo workshop", self.open_demo)
        menu.addSeparator()
        self.close_action = self._action(
            menu, "&Close workshop", self.close_workshop, QKeySequence.StandardKey.Close
        )
        self._action(menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

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
            self.wf.close()
            self.wf = None
        self.stack.setCurrentWidget(self.start_page)
        self._update_title()

    def _set_workshop(self, wf: WorkshopFile) -> None:
        self.close_workshop()
        self.wf = wf
        self.settings.add_recent(wf.path)
        self.overview.show_workshop(wf)
        self.stack.setCurrentWidget(self.overview)
        self._update_title()
        self.statusBar().showMessage(f"Opened {wf.path}. Every change is saved as you make it.")
        self.workshop_opened.emit(wf)

    def _update_title(self) -> None:
        self.close_action.setEnabled(self.wf is not None)
        if self.wf is None:
            self.setWindowTitle("Mentoring workshop")
            return
        self.setWindowTitle(f"{self.wf.workshop().program} — {self.wf.path.name}")
        self.setWindowFilePath(str(self.wf.path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.sync()
        self.close_workshop()
        super().closeEvent(event)
