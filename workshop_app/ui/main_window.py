"""The main window: file handling around the workshop's pages."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDateTime, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import LANGUAGES, N_, _, interface_language, ngettext, system_language
from workshop_app.core.jobs import CancelCheck, Progress
from workshop_app.core.paths import user_data_dir
from workshop_app.core.store.file_lock import LockedError, lock_holder
from workshop_app.core.store.workshop_file import SUFFIX, WorkshopFile
from workshop_app.ui.app_icon import app_icon
from workshop_app.ui.archive_prep import ArchivePreparer
from workshop_app.ui.dialogs.ask import CANCEL, ask, show_user_error
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.jobs import Job, JobRow, warm_up_preview_process
from workshop_app.ui.pages.base import WorkshopPage
from workshop_app.ui.pages.start import StartPage
from workshop_app.ui.read_only import read_only_safe
from workshop_app.ui.screen_fit import fit_to_screen, keep_on_screen
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.status_bar import StatusBar
from workshop_app.ui.widgets.read_only_banner import ReadOnlyBanner

if TYPE_CHECKING:
    from workshop_app.core.content.library import Library
    from workshop_app.ui.pages.agenda import AgendaPage
    from workshop_app.ui.pages.charters import ChartersPage
    from workshop_app.ui.pages.overview import OverviewPage
    from workshop_app.ui.pages.program import ProgramPage
    from workshop_app.ui.pages.roster import RosterPage
    from workshop_app.ui.pages.runner import RunnerPage
    from workshop_app.ui.print_jobs import PrintController

_Page = TypeVar("_Page", bound=WorkshopPage)

# Files bigger than this (about 800 pairs) are opened on a worker thread.
BIG_FILE_BYTES = 8 * 1024 * 1024
# The library and the preview process are readied this long after start-up: after the
# workshop has opened, so the two do not compete.
WARM_UP_AFTER_MS = 2000
# The window's first size, made smaller on a smaller screen.
FIRST_SIZE = QSize(1200, 780)
# The sidebar, in order: (title, page name). Ctrl+1.. go to them.
PAGES = (
    (N_("Overview"), "overview"),
    (N_("Program"), "program"),
    (N_("Roster & pairs"), "roster"),
    (N_("Agenda"), "agenda"),
    (N_("Run workshop"), "runner"),
    (N_("Charters"), "charters"),
    (N_("Follow-up"), "follow_up"),
    (N_("Export & merge"), "export"),
)
# The Follow-up menu, in order: action name -> (menu text, module in ui/dialogs, its function
# `open_…(parent, wf, pair_id) -> True when saved`, what the status bar says after it saved
# the workshop, or "" for a dialog that only reads it: such an action works read-only). The
# Follow-up page's buttons ask for the same actions by name.
FOLLOW_UP_DIALOGS = {
    "import_checkins": (
        N_("Import check-in &survey…"), "survey_import", "open_survey_import",
        N_("Check-in survey imported."),
    ),
    "enter_review": (
        N_("&Enter a review…"), "review_entry", "open_review_entry", N_("Review saved."),
    ),
    "print_reviews": (N_("Print &review packets…"), "review_packets", "open_review_packets", ""),
    "close_pairing": (
        N_("&Close a pairing…"), "close_pairing", "open_close_pairing",
        N_("Pairing closure saved."),
    ),
    "close_program": (
        N_("Close the &program…"), "close_program", "open_close_program",
        N_("Program close-out saved."),
    ),
    "outcomes": (N_("&Outcomes report…"), "outcomes_report", "open_outcomes_report", ""),
}  # fmt: skip


def file_filter() -> str:
    """The file dialogs' filter, in the interface language (the pattern itself stays)."""
    return _("Workshop files (*{suffix});;All files (*)").format(suffix=SUFFIX)


# The demo is written in the interface language (Italian names, places and charters for an
# Italian interface), one file per language; English is the demo as it always was.
_DEMO_LANGUAGES = {"it": "it", "de": "de", "fr": "fr"}


def demo_language() -> str:
    return _DEMO_LANGUAGES.get(interface_language(), "en-GB")


def demo_path() -> Path:
    language = demo_language()
    tail = "" if language == "en-GB" else f"-{language}"
    return user_data_dir() / f"demo{tail}{SUFFIX}"


class PageStack(QStackedWidget):
    """The pages, asking the window only for the room the page shown needs: a stack asks for
    the widest of all its pages, so one wide page would push every page off a small screen."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()


def menu_text(text: str) -> str:
    """`text` shown as it is in a menu or on a button, where a lone "&" marks a shortcut."""
    return text.replace("&", "&&")


class MainWindow(QMainWindow):
    workshop_opened = Signal(object)

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.wf: WorkshopFile | None = None
        # Who holds the writer lock of a workshop open read-only here; None when writable.
        self.locked_by: str | None = None
        self.stack = QStackedWidget()
        self.start_page = StartPage(
            [
                (_("&New workshop…"), _("New workshop"), self.new_workshop),
                (_("&Open a workshop…"), _("Open a workshop"), self.choose_and_open),
                (_("Open the &demo workshop"), _("Open the demo workshop"), self.open_demo),
            ]
        )
        self.start_page.open_requested.connect(self._open_recent)
        self.start_page.forget_requested.connect(self._forget_recent)
        self._library: Library | bool | None = False  # False: not loaded yet
        self._opening: Job | None = None
        self._preloaded: Library | None = None
        self._to_import: list[str] = []
        QTimer.singleShot(WARM_UP_AFTER_MS, self._warm_up)
        self._pages: dict[int, WorkshopPage] = {}
        # Pages being made in idle turns after opening, not yet given the workshop.
        self._prepared: dict[int, WorkshopPage] = {}
        # Goes up with every write; a page shown again re-reads the workshop only if it has
        # changed since the page last read it (a 5,000-pair list takes a while to read).
        self._generation = 0
        self._read_at: dict[int, int] = {}
        self.nav = QListWidget()
        self.nav.setAccessibleName(_("Pages"))
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }"
        )
        self.page_stack = PageStack()
        for title, _name in PAGES:
            self.nav.addItem(_(title))
        self._fit_nav()
        self.nav.currentRowChanged.connect(self._show_page)
        self.banner = ReadOnlyBanner()
        self.banner.retry.clicked.connect(self.reopen_for_editing)
        workspace = QWidget()
        column = QVBoxLayout(workspace)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.page_stack, 1)
        column.addLayout(row, 1)
        self.workspace = workspace
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)
        self.setStatusBar(StatusBar())
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(_("Last saved"))
        self.statusBar().addPermanentWidget(self.saved_label)
        self._printer: PrintController | None = None
        self.archive_prep = ArchivePreparer(self._rendering, self)
        self.setWindowIcon(app_icon())
        self._build_menus()
        self._update_title()
        self._show_start_page()
        self.nav.setCurrentRow(0)
        self._fitted = False
        geometry = self.settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, FIRST_SIZE)
        self._keep_on_screen()

    def _fit_nav(self) -> None:
        """As wide as the longest page title, in the sidebar's own font (so it follows the
        font size and scaling), and no wider: the pages need the room."""
        self.nav.ensurePolished()
        metrics = self.nav.fontMetrics()
        text = max(metrics.horizontalAdvance(_(title)) for title, _name in PAGES)
        padding = 2 * 8 + 2 * self.nav.frameWidth() + metrics.averageCharWidth() * 2
        self.nav.setFixedWidth(text + padding)

    def _keep_on_screen(self) -> None:
        """A geometry saved on a bigger monitor (or a bigger scale) comes back inside this one."""
        if not self.windowState() & (
            Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        ):
            keep_on_screen(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # the window manager's frame is known only now
            self._fitted = True
            QTimer.singleShot(0, self._keep_on_screen)

    # -- pages, made when first shown (start-up pays only for the overview) ---------------

    def _page(self, index: int) -> WorkshopPage:
        page = self._pages.get(index)
        if page is not None:
            return page
        page = self._prepared.pop(index, None) or self._new_page(index)
        self._pages[index] = page
        if self.wf is not None:
            page.set_workshop(self.wf)
            page.set_read_only(self.locked_by is not None)
            self._read_at[index] = self._generation
        return page

    def _new_page(self, index: int) -> WorkshopPage:
        page = self._make_page(PAGES[index][1])
        self.page_stack.addWidget(page)
        page.saved.connect(self._on_saved)
        page.changed.connect(lambda p=page: self._refresh_others(p))
        page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return page

    def _prepare_charters(self) -> None:
        """Make the Charters page in idle turns after opening, its form a section per turn
        (all at once it would hold up the window, the projector's timer with it, for longer
        than a turn may), so that it is ready when the facilitator goes there."""
        index = self._index("charters")
        if self.wf is None or index in self._pages:
            return
        if self._library is False and self._preloaded is None:
            QTimer.singleShot(100, self._prepare_charters)  # the library is still being read
            return
        from workshop_app.ui.pages.charters import ChartersPage

        page = self._prepared.get(index)
        if page is None:
            self._prepared[index] = self._new_page(index)
        elif not _as(page, ChartersPage).editor.build_next():
            self._page(index)  # the last turn: the page reads the workshop
            return
        QTimer.singleShot(20, self._prepare_charters)

    def _make_page(self, name: str) -> WorkshopPage:
        if name == "overview":
            from workshop_app.ui.pages.overview import OverviewPage

            overview = OverviewPage()
            overview.open_page.connect(lambda page: self.go_to(self._index(page)))
            overview.open_charter.connect(self.open_charter)
            return overview
        if name == "program":
            from workshop_app.ui.pages.program import ProgramPage

            return ProgramPage()
        if name == "roster":
            from workshop_app.ui.pages.roster import RosterPage

            return RosterPage()
        if name == "agenda":
            from workshop_app.ui.pages.agenda import AgendaPage

            return AgendaPage(self.library)
        if name == "runner":
            from workshop_app.ui.pages.runner import RunnerPage

            return RunnerPage(self.library)
        if name == "follow_up":
            from workshop_app.ui.pages.follow_up import FollowUpPage

            follow_up = FollowUpPage(self.library)
            follow_up.action_requested.connect(self.follow_up)
            follow_up.show_actions(FOLLOW_UP_DIALOGS)
            return follow_up
        if name == "export":
            from workshop_app.ui.pages.export import ExportPage

            export = ExportPage()
            read_only_safe(export)  # it only reads the open workshop (a merge makes a new file)
            export.open_requested.connect(self._open_recent)
            export.set_archive_status(self.archive_prep.last_status)
            self.archive_prep.status.connect(export.set_archive_status)
            return export
        from workshop_app.ui.pages.charters import ChartersPage

        charters = ChartersPage(self._scenario_titles())
        charters.printer = self.printer
        # Looking, previewing and printing work on a read-only workshop too.
        read_only_safe(
            charters.filter,
            charters.pair_list,
            charters.list_button,
            charters.board_button,
            charters.board,
            charters.preview_button,
            charters.print_button,
        )
        splitter = self.settings.geometry("charters-splitter")
        if splitter is not None:
            charters.splitter.restoreState(splitter)
        return charters

    def _rendering(self) -> bool:
        """Whether charters are being printed or files exported or merged (these then get
        every core: the archive's background preparation waits)."""
        export = self._pages.get(self._index("export"))
        if export is not None:
            from workshop_app.ui.pages.export import ExportPage

            if _as(export, ExportPage).busy:
                return True
        return self._printer is not None and self._printer.busy

    def _index(self, name: str) -> int:
        return next(i for i, (_title, n) in enumerate(PAGES) if n == name)

    @property
    def pages(self) -> list[WorkshopPage]:
        """Every page, in sidebar order (making any not made yet)."""
        return [self._page(i) for i in range(len(PAGES))]

    @property
    def overview(self) -> OverviewPage:
        from workshop_app.ui.pages.overview import OverviewPage

        return _as(self._page(self._index("overview")), OverviewPage)

    @property
    def program(self) -> ProgramPage:
        from workshop_app.ui.pages.program import ProgramPage

        return _as(self._page(self._index("program")), ProgramPage)

    @property
    def roster(self) -> RosterPage:
        from workshop_app.ui.pages.roster import RosterPage

        return _as(self._page(self._index("roster")), RosterPage)

    @property
    def agenda(self) -> AgendaPage:
        from workshop_app.ui.pages.agenda import AgendaPage

        return _as(self._page(self._index("agenda")), AgendaPage)

    @property
    def runner(self) -> RunnerPage:
        from workshop_app.ui.pages.runner import RunnerPage

        return _as(self._page(self._index("runner")), RunnerPage)

    @property
    def charters(self) -> ChartersPage:
        from workshop_app.ui.pages.charters import ChartersPage

        return _as(self._page(self._index("charters")), ChartersPage)

    @property
    def printer(self) -> PrintController:
        """Renders and prints charters in the background; its progress sits in the status
        bar. Made on first use: it brings in the PDF and printing modules."""
        if self._printer is None:
            from workshop_app.ui.print_jobs import PrintController

            self.print_row = JobRow(_("Printing"))
            self.print_row.bar.setMaximumWidth(220)  # the status bar's message needs the room
            self.statusBar().insertPermanentWidget(0, self.print_row)
            self._printer = PrintController(self.print_row, self, self.settings)
            self._printer.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        return self._printer

    @property
    def library(self) -> Library | None:
        """The exercise library, read on first need (it costs start-up time otherwise)."""
        if self._library is False:
            preloaded = self._preloaded
            wanted = preloaded is not None and preloaded.language == self._content_language()
            self._library = preloaded if wanted else self._load_library()
        library = self._library
        assert not isinstance(library, bool)  # read just above
        return library

    def _warm_up(self) -> None:
        """Once the window is up, read the exercise library on a worker thread, so that the
        first visit to the pages that need it does not hold up the window. (Qt modules are not
        imported there: loading one holds the interpreter lock for the whole of it.)"""
        content_dirs = self.settings.content_dirs()

        def preload(_progress: Progress, _cancelled: CancelCheck) -> Library:
            from workshop_app.core.content.library import load_library

            return load_library(extra_dirs=content_dirs)

        def keep(library: Library) -> None:
            self._preloaded = library

        # A library that cannot be read is shown when a page needs it, not now.
        Job(preload, done=keep, failed=lambda _message: None, what=_("Reading the library")).start()
        warm_up_preview_process()  # so that the first preview is quick
        # The pages' modules are imported here, one per turn of the event loop (each takes
        # under 50 ms), rather than all at once on the first visit to a page.
        self._to_import = [f"workshop_app.ui.pages.{name}" for _title, name in PAGES]
        QTimer.singleShot(0, self._import_next_page)

    def _import_next_page(self) -> None:
        if self._to_import:
            importlib.import_module(self._to_import.pop(0))
            QTimer.singleShot(20, self._import_next_page)
        else:
            QTimer.singleShot(20, self._prepare_charters)

    # -- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(_("&File"))
        self._action(menu, _("&New workshop…"), self.new_workshop, QKeySequence.StandardKey.New)
        self._action(menu, _("&Open…"), self.choose_and_open, QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu(_("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(menu, _("Open the &demo workshop"), self.open_demo)
        self.relaunch_action = self._action(
            menu, _("Start a re-&launch from this workshop…"), self.start_relaunch
        )
        self.restore_action = self._action(menu, _("Restore a &backup…"), self.choose_backup)
        menu.addSeparator()
        self._action(menu, _("Your organisation's e&xercises folder…"), self.choose_content_dir)
        self._build_language_menu(menu.addMenu(_("&Interface language")))
        menu.addSeparator()
        self.close_action = self._action(
            menu, _("&Close workshop"), self.close_workshop, QKeySequence.StandardKey.Close
        )
        self._action(menu, _("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = self.menuBar().addMenu(_("&Edit"))
        self.undo_action = self._action(
            edit,
            _("&Undo charter edit"),
            lambda: self.charters.editor.undo(),
            QKeySequence.StandardKey.Undo,
        )
        self.redo_action = self._action(
            edit,
            _("&Redo charter edit"),
            lambda: self.charters.editor.redo(),
            QKeySequence("Ctrl+Shift+Z"),
        )

        go = self.menuBar().addMenu(_("&Go"))
        for number, (title, _name) in enumerate(PAGES, start=1):
            self._action(
                go,
                menu_text(_(title)),
                lambda _=False, n=number - 1: self.go_to(n),
                QKeySequence(f"Ctrl+{number}"),
            )

        charter = self.menuBar().addMenu(_("&Charter"))
        self._action(charter, _("Pre&view"), self._preview, QKeySequence("F7"))
        self._action(
            charter, _("&Print this charter…"), self._print_one, QKeySequence.StandardKey.Print
        )
        self._action(charter, _("Print &all complete charters…"), self._print_all)
        self._action(charter, _("Print hand&outs…"), lambda: self._print_from_agenda("handouts"))
        self._action(charter, _("Print c&ertificates…"), lambda: self._print_from_agenda("letters"))
        self.sign_action = self._action(
            charter, _("Mark as &signed…"), self._sign, QKeySequence("Ctrl+Shift+S")
        )
        self._action(charter, _("Show the &board"), self._board, QKeySequence("Ctrl+B"))

        follow_up = self.menuBar().addMenu(_("Follow-&up"))
        self.follow_up_actions = {
            name: self._action(follow_up, _(text), lambda _=False, n=name: self.follow_up(n))
            for name, (text, *_rest) in FOLLOW_UP_DIALOGS.items()
        }
        self._build_help_menu(self.menuBar().addMenu(_("&Help")))
        self.workshop_menus = [edit, go, charter, follow_up]
        # What changes the workshop: off while it is open read-only.
        self.editing_actions = [
            self.undo_action,
            self.redo_action,
            self.sign_action,
            self.restore_action,
            *(
                self.follow_up_actions[n]
                for n, (*_rest, saved) in FOLLOW_UP_DIALOGS.items()
                if saved
            ),
        ]

    def _build_help_menu(self, menu: QMenu) -> None:
        from workshop_app.core.paths import log_file

        self._action(menu, _("Open the &data folder"), lambda: self._show_place(user_data_dir()))
        self._action(menu, _("Open the &log"), lambda: self._show_place(log_file()))
        menu.addSeparator()
        self._action(menu, _("&About Mentoring workshop"), self._about)
        self._action(menu, _("About &Qt"), lambda: QMessageBox.aboutQt(self))

    def _show_place(self, path: Path) -> None:
        """Open a folder or file of the app's in the desktop's own program for it."""
        if not path.exists():
            QMessageBox.information(
                self,
                _("Nothing there yet"),
                _("{path} does not exist yet: the app makes it when it first needs it.").format(
                    path=path
                ),
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(
                self,
                _("Cannot open it"),
                _("This desktop has no program to open {path}.").format(path=path),
            )

    def _about(self) -> None:
        from workshop_app.ui.dialogs.about import show_about

        show_about(self.wf.path if self.wf is not None else None, self)

    def _build_language_menu(self, menu: QMenu) -> None:
        """The interface language: the system's, or one of the app's languages. It applies at
        the next start (every window would have to be built again to take it now)."""
        group = QActionGroup(self)
        chosen = self.settings.interface_language()
        system = LANGUAGES.get(system_language(), LANGUAGES["en"])
        # Translators: the first choice of the interface language menu; {language} is the
        # system's language, in its own name ("Italiano").
        choices = [("", _("&System ({language})").format(language=system))]
        choices += [(code, f"&{name}") for code, name in LANGUAGES.items()]
        self.language_actions: dict[str, QAction] = {}
        for code, text in choices:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.choose_interface_language(c))
            self.language_actions[code] = action

    def choose_interface_language(self, lang: str) -> None:
        """Keep `lang` ("" for the system's) as the interface language and say when it applies."""
        if lang == self.settings.interface_language():
            return
        self.settings.set_interface_language(lang)
        self.settings.sync()
        name = LANGUAGES.get(lang or system_language(), LANGUAGES["en"])
        QMessageBox.information(
            self,
            _("Interface language"),
            _("The app will be in {language} the next time you start it.").format(language=name),
        )

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[..., object],  # called with `checked` where it takes an argument
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.recent_files() if p.exists()]
        if not recent:
            none = self.recent_menu.addAction(_("No recent workshops"))
            none.setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(menu_text(str(path)))
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))

    def _show_start_page(self) -> None:
        self.start_page.show_recent(self.settings.recent())
        self.stack.setCurrentWidget(self.start_page)

    # -- pages -----------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        if self.wf is not None:
            self.nav.setCurrentRow(index)

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self._flush()
        page = self._page(index)  # a page made just now has read the workshop already
        self.page_stack.setCurrentWidget(page)
        if self.wf is not None and self._read_at.get(index) != self._generation:
            page.refresh()
            self._read_at[index] = self._generation
            page.lock_new_inputs()  # what the refresh built, when read-only

    def current_page(self) -> WorkshopPage:
        return self._page(self.nav.currentRow())

    def _refresh_others(self, source: WorkshopPage) -> None:
        self._generation += 1
        self._follow_language()
        current = self.current_page()
        if current is not source:
            current.refresh()
            self._read_at[self.nav.currentRow()] = self._generation
            current.lock_new_inputs()

    def _on_saved(self) -> None:
        self._generation += 1
        self.saved_label.setText(
            _("All changes saved at {time}").format(
                time=QDateTime.currentDateTime().toString("HH:mm:ss")
            )
        )

    def _flush(self) -> bool:
        return all([page.flush() for page in self._pages.values()])

    def _preview(self) -> None:
        self.go_to(self._index("charters"))
        self.charters.show_preview()

    def _print_one(self) -> None:
        self.go_to(self._index("charters"))
        self.charters.print_current()

    def _print_all(self) -> None:
        self.go_to(self._index("charters"))
        self.charters.print_complete()

    def _print_from_agenda(self, what: str) -> None:
        """The Agenda page's "Print handouts…" or "Print certificates…", from the menu."""
        from workshop_app.ui.pages.agenda import AgendaPage

        self.go_to(self._index("agenda"))
        agenda = _as(self._page(self._index("agenda")), AgendaPage)
        if what == "handouts":
            agenda.printing.print_handouts()
        else:
            agenda.printing.print_letters()

    def _sign(self) -> None:
        self.go_to(self._index("charters"))
        if self.charters.editor.pair_id:
            self.charters.sign(self.charters.editor.pair_id)

    def _board(self) -> None:
        self.go_to(self._index("charters"))
        self.charters.board_button.setChecked(True)

    def _chosen_pair(self) -> str | None:
        """The pair a Follow-up action is about: the one selected on the Follow-up page, or
        open on the Charters page."""
        page = self.current_page()
        if page is self.charters:
            return self.charters.editor.pair_id
        from workshop_app.ui.pages.follow_up import FollowUpPage

        return page.pair_id if isinstance(page, FollowUpPage) else None

    def follow_up(self, name: str, pair_id: str | None = None) -> None:
        """Open a Follow-up dialog (FOLLOW_UP_DIALOGS), about `pair_id` or the pair chosen on
        the page shown; after it saved, every page reads the workshop again."""
        if self.wf is None or not self._flush():
            return
        _text, module, function, saved = FOLLOW_UP_DIALOGS[name]
        dialog = getattr(importlib.import_module(f"workshop_app.ui.dialogs.{module}"), function)
        pair_id = pair_id if pair_id is not None else self._chosen_pair()
        if dialog(self, self.wf, pair_id) and saved:
            # A review or a closure is about its pair alone; an import or a close-out about all.
            self.reread(pair_id if name in ("enter_review", "close_pairing") else None)
            self.statusBar().showMessage(_(saved), 8000)

    def reread(self, pair_id: str | None = None) -> None:
        """After a dialog saved (for `pair_id` alone, or anything): every page reads the
        workshop again when next shown, the one shown at once."""
        self._on_saved()
        current = self.current_page()
        from workshop_app.ui.pages.follow_up import FollowUpPage

        if isinstance(current, FollowUpPage) and pair_id is not None:
            current.refresh_pair(pair_id)
        else:
            current.refresh()
        if current is self.charters and self.charters.editor.pair_id is not None:
            # The pair shown stays chosen, so its form is shown again: closed, reopened, or
            # at the next version a review opened.
            self.charters.editor.show_charter()
        self._read_at[self.nav.currentRow()] = self._generation
        current.lock_new_inputs()

    def open_charter(self, pair_id: str) -> None:
        """The Charters page, in its list and form, on this pair's charter."""
        self.go_to(self._index("charters"))
        self.charters.list_button.setChecked(True)
        self.charters.select_pair(pair_id)

    def choose_content_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("The folder with your organisation's exercises and agendas")
        )
        if folder:
            self.use_content_dir(Path(folder))

    def use_content_dir(self, folder: Path) -> bool:
        from workshop_app.core.content.library import check_content
        from workshop_app.resources import shipped_dir

        problems = check_content(shipped_dir("exercises"), folder)
        if problems:
            show_user_error(
                self,
                _("That exercise folder has problems"),
                UserError(
                    ngettext(
                        "{folder} has {n:,} problem; fix it and choose the folder again. "
                        "Details below.",
                        "{folder} has {n:,} problems; fix them and choose the folder again. "
                        "Details below.",
                        len(problems),
                    ).format(folder=folder, n=len(problems)),
                    details=[str(p) for p in problems],
                ),
            )
            return False
        self.settings.set_content_dir(folder)
        self._reload_library()
        self.statusBar().showMessage(
            _("Using your exercises from {folder}").format(folder=folder), 8000
        )
        return True

    def _follow_language(self) -> None:
        """The library in the open workshop's language (its charter language, which the
        Program page changes): read again when the workshop asks for another."""
        library = self._library
        if isinstance(library, bool) or library is None:
            return  # read on first need, in the language asked for then
        if library.language != self._content_language():
            self._reload_library()

    def _reload_library(self) -> None:
        self._library = self._load_library()
        from workshop_app.ui.pages.agenda import AgendaPage
        from workshop_app.ui.pages.charters import ChartersPage
        from workshop_app.ui.pages.follow_up import FollowUpPage
        from workshop_app.ui.pages.runner import RunnerPage

        for page in self._pages.values():
            if isinstance(page, AgendaPage | RunnerPage | FollowUpPage):
                page.set_library(self.library)
            elif isinstance(page, ChartersPage):
                page.set_scenarios(self._scenario_titles())

    def _content_language(self) -> str:
        from workshop_app.core.i18n import base_language

        return base_language(self.wf.workshop().language) if self.wf is not None else "en"

    def _load_library(self) -> Library | None:
        from workshop_app.core.content.library import load_library

        try:
            return load_library(
                extra_dirs=self.settings.content_dirs(), language=self._content_language()
            )
        except UserError as exc:
            show_user_error(self, _("The exercise library has problems"), exc)
            return None

    def _scenario_titles(self) -> list[str]:
        return [e.title for e in self.library.scenarios()] if self.library else []

    # -- files -----------------------------------------------------------------------------

    def open_path(self, path: Path, *, read_only: bool = False) -> bool:
        """Open `path`, closing the current workshop; on failure say why and keep going.
        A workshop open for writing in another window is offered read-only."""
        path = Path(path)
        if self.wf is not None and self.wf.path.resolve() == path.resolve():
            return True
        if self._opening is not None:
            return False
        if path.is_file() and path.stat().st_size > BIG_FILE_BYTES:
            self._open_in_background(path, read_only=read_only)
            return True
        try:
            wf = WorkshopFile.open(path, readonly=read_only)
        except LockedError as exc:
            return self._offer_read_only(exc)
        except UserError as exc:
            show_user_error(self, _("Cannot open this workshop"), exc)
            return False
        self._set_workshop(wf)
        return True

    def _offer_read_only(self, locked: LockedError) -> bool:
        """Another window writes to this workshop: offer to open it read-only here."""
        answer = ask(
            self,
            _("This workshop is open in another window"),
            _("{name} is already open for writing in {holder}.").format(
                name=locked.workshop.name, holder=locked.holder
            ),
            detail=_(
                "Two windows writing to one workshop would mix up their changes. Here you "
                "can open it read-only: look at everything, preview, print and export, change "
                "nothing."
            ),
            answers=[("read-only", _("Open &read-only")), (CANCEL, "")],
            default="read-only",
        )
        if answer != "read-only":
            return False
        return self.open_path(locked.workshop, read_only=True)

    def reopen_for_editing(self) -> bool:
        """The read-only workshop, open for writing now that the other window let go."""
        if self.wf is None or self.locked_by is None:
            return False
        path = self.wf.path
        try:
            wf = WorkshopFile.open(path)
        except LockedError as exc:
            self.locked_by = exc.holder
            self.banner.show_reason(path.name, exc.holder)
            self.statusBar().showMessage(
                _("{name} is still open in {holder}.").format(name=path.name, holder=exc.holder),
                10000,
            )
            return False
        except UserError as exc:
            show_user_error(self, _("Cannot open this workshop for editing"), exc)
            return False
        self._set_workshop(wf)
        return True

    def _open_in_background(self, path: Path, *, read_only: bool) -> None:
        """A big workshop: check it, back it up and list its pairs on a worker thread, so the
        window keeps painting (and the projector's timer ticking) meanwhile."""

        def work(_progress: Progress, _cancelled: CancelCheck) -> WorkshopFile | LockedError:
            try:
                wf = WorkshopFile.open(path, readonly=read_only)
            except LockedError as exc:  # handed back as a result: the window offers read-only
                return exc
            wf.charters.overview()  # fills the cached pairs list the pages will show
            return wf

        def discard(result: WorkshopFile | LockedError) -> None:
            if isinstance(result, WorkshopFile):
                result.close()  # the window closed meanwhile: let go of it again

        self._opening = Job(
            work,
            done=self._opened_in_background,
            failed=self._open_failed,
            discard=discard,
            what=_("Opening the workshop"),
        ).start()
        self.statusBar().showMessage(_("Opening {name}…").format(name=path.name))
        self.setCursor(Qt.CursorShape.BusyCursor)

    def _opened_in_background(self, result: WorkshopFile | LockedError) -> None:
        self._opening = None
        self.unsetCursor()
        if isinstance(result, LockedError):
            self._offer_read_only(result)
        else:
            self._set_workshop(result)

    def _open_failed(self, message: str) -> None:
        self._opening = None
        self.unsetCursor()
        show_user_error(self, _("Cannot open this workshop"), UserError(message))

    def choose_backup(self) -> None:
        if self.wf is None:
            return
        from workshop_app.ui.dialogs.restore import RestoreDialog

        with deleted_after(RestoreDialog(self.wf.path, self)) as dialog:
            self.restore_dialog = dialog
            accepted = dialog.exec() == RestoreDialog.DialogCode.Accepted
            chosen = dialog.chosen()
        if accepted and chosen is not None:
            self.restore_backup(chosen)

    def restore_backup(self, backup: Path) -> bool:
        """Close the workshop, put `backup` in its place, and open it again."""
        from workshop_app.core.store.backups import restore_backup

        if self.wf is None:
            return False
        path = self.wf.path
        if not self.close_workshop():
            return False
        try:
            restore_backup(workshop=path, backup=backup)
        except UserError as exc:
            show_user_error(self, _("Cannot restore this backup"), exc)
            self.open_path(path)
            return False
        opened = self.open_path(path)
        if opened:
            self.statusBar().showMessage(
                _("Backup restored. The workshop as it was before is kept as a backup too."), 10000
            )
        return opened

    def _open_recent(self, path: Path) -> None:
        path = Path(path)
        if path.exists():
            self.open_path(path)
            return
        answer = ask(
            self,
            _("Workshop not found"),
            _(
                "{name} is no longer in {folder}: it was moved, renamed or deleted, or it is "
                "on a drive that is not connected."
            ).format(name=path.name, folder=path.parent),
            answers=[("forget", _("&Remove from the list")), ("keep", _("&Keep it listed"))],
            default="keep",
            safe="keep",
            destructive="forget",
            icon=QMessageBox.Icon.Warning,
        )
        if answer == "forget":
            self._forget_recent(path)

    def _forget_recent(self, path: Path) -> None:
        self.settings.remove_recent(Path(path))
        self.start_page.show_recent(self.settings.recent())

    def _start_folder(self) -> Path:
        """Where Open and Save as begin: the open workshop's folder, else the folder of the
        last workshop opened (that still exists), else the home folder."""
        if self.wf is not None:
            return self.wf.path.parent
        return next(
            (r.path.parent for r in self.settings.recent() if r.path.parent.is_dir()),
            Path.home(),
        )

    def choose_and_open(self) -> None:
        start = str(self._start_folder())
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Open a workshop"), start, file_filter()
        )
        if name:
            self.open_path(Path(name))

    def new_workshop(self) -> None:
        from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog

        with deleted_after(NewWorkshopDialog(self)) as dialog:
            if dialog.exec() != NewWorkshopDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        suggested = str(self._start_folder() / f"{values['program']} {values['date']}{SUFFIX}")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the new workshop as"), suggested, file_filter()
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        self.create_workshop(path, **values)

    def start_relaunch(self) -> None:
        """A new workshop file for the re-launch, made from this one, then opened."""
        from workshop_app.core.store.relaunch import start_relaunch
        from workshop_app.ui.dialogs.relaunch import RelaunchDialog

        if self.wf is None:
            return
        launch = self.wf.workshop()
        with deleted_after(RelaunchDialog(launch.date, self)) as dialog:
            if dialog.exec() != RelaunchDialog.DialogCode.Accepted:
                return
            date = dialog.date_text()
        folder = self.wf.path.parent
        # Translators: the suggested file name of a re-launch workshop.
        stem = _("{program} re-launch {date}").format(program=launch.program, date=date)
        suggested = str(folder / f"{stem}{SUFFIX}")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the re-launch workshop as"), suggested, file_filter()
        )
        if not name or not self._flush():
            return
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            made = start_relaunch(self.wf.path, out=path, date=date)
        except UserError as exc:
            show_user_error(self, _("Cannot start the re-launch"), exc)
            return
        if self.open_path(made):
            self.statusBar().showMessage(
                _("Re-launch workshop {name} made from the launch file of {program}.").format(
                    name=made.name, program=launch.program
                ),
                10000,
            )

    def create_workshop(
        self, path: Path, *, program: str, organisation: str, date: str, language: str = "en-GB"
    ) -> bool:
        try:
            wf = WorkshopFile.create(
                path, program=program, organisation=organisation, date=date, language=language
            )
        except UserError as exc:
            show_user_error(self, _("Cannot create the workshop"), exc)
            return False
        self._set_workshop(wf)
        return True

    def open_demo(self) -> None:
        path = demo_path()
        if not path.exists():
            from workshop_app.core.demo import create_demo

            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                create_demo(path, language=demo_language()).close()
            except UserError as exc:
                show_user_error(self, _("Cannot create the demo workshop"), exc)
                return
        self.open_path(path)

    def close_workshop(self) -> bool:
        """Close the workshop, after saving what is pending. A save that is refused is not
        dropped silently: its page asks, and False means the person chose to stay."""
        settled = self.wf is None or self._flush()
        if not settled and not all(page.settle_unsaved() for page in self._pages.values()):
            return False
        self.archive_prep.set_workshop(None)
        if self.wf is not None:
            self.statusBar().showMessage(_("Closed {name}.").format(name=self.wf.path.name), 8000)
            for page in self._pages.values():
                page.set_read_only(False)
                page.set_workshop(None)
            self.wf.close()
            self.wf = None
        self.locked_by = None
        self.banner.hide()
        self.saved_label.clear()  # the time of the workshop closed, not of the next one
        self._show_start_page()
        self._update_title()
        return True

    def _set_workshop(self, wf: WorkshopFile) -> None:
        if not self.close_workshop():
            wf.close()  # the person stays with the workshop that has an unsaved answer
            return
        self.wf = wf
        self.settings.add_recent(wf.path)
        if wf.readonly:
            self.locked_by = lock_holder(wf.path) or _("another window")
            self.banner.show_reason(wf.path.name, self.locked_by)
        self._generation += 1
        self._follow_language()
        for index, page in self._pages.items():
            page.set_workshop(wf)
            page.set_read_only(wf.readonly)
            self._read_at[index] = self._generation
        self.stack.setCurrentWidget(self.workspace)
        QTimer.singleShot(WARM_UP_AFTER_MS, self._prepare_charters)
        self._update_title()
        self.statusBar().showMessage(
            (
                _("Opened {path} read-only: nothing can be changed here.")
                if wf.readonly
                else _("Opened {path}. Every change is saved as you make it.")
            ).format(path=wf.path)
        )
        self.archive_prep.set_workshop(wf)
        from workshop_app.core.runner.record import run_in_progress

        # A workshop opens on its Overview; reopened mid-segment, on the segment that runs.
        self.go_to(self._index("runner") if run_in_progress(wf) else 0)
        self.workshop_opened.emit(wf)

    def _update_title(self) -> None:
        self.close_action.setEnabled(self.wf is not None)
        self.relaunch_action.setEnabled(self.wf is not None)
        for menu in self.workshop_menus:
            menu.setEnabled(self.wf is not None)
        for action in self.editing_actions:
            action.setEnabled(self.wf is not None and self.locked_by is None)
        if self.wf is None:
            self.setWindowTitle(_("Mentoring workshop"))
            return
        title = (
            _("{program} — {file} (read-only)")
            if self.locked_by is not None
            else _("{program} — {file}")
        )
        self.setWindowTitle(
            title.format(program=self.wf.workshop().program, file=self.wf.path.name)
        )
        self.setWindowFilePath(str(self.wf.path))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._opening is not None:  # a big file still opening: wait, then let go of it
            self._opening.stop()
            self._opening = None
            self.unsetCursor()
        if not self.close_workshop():
            event.ignore()
            return
        self.settings.set_geometry("main", self.saveGeometry())
        charters = self._pages.get(self._index("charters"))
        if charters is not None:
            from workshop_app.ui.pages.charters import ChartersPage

            self.settings.set_geometry(
                "charters-splitter", _as(charters, ChartersPage).splitter.saveState()
            )
        self.settings.sync()
        super().closeEvent(event)


def _as(page: WorkshopPage, kind: type[_Page]) -> _Page:
    """`page` as the kind it is: `_make_page` makes each name's page of one class (imported
    where it is asked for, as the page itself was: start-up pays for none of them)."""
    assert isinstance(page, kind)
    return page
