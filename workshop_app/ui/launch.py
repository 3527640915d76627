"""Start the GUI: one QApplication, one main window, on a given file, else the last one, else
the welcome page (a first start)."""

from __future__ import annotations

import logging
import signal
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workshop_app import __version__
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import PSEUDO, _, set_interface_language, system_language
from workshop_app.core.paths import log_file
from workshop_app.ui.app_icon import app_icon
from workshop_app.ui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:
    from workshop_app.ui.main_window import MainWindow

log = logging.getLogger("workshop_app")


def make_app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Mentoring workshop")
    app.setOrganizationName("workshop-app")
    app.setApplicationVersion(__version__)
    # The task bar matches the window to the menu entry, workshop-app.desktop, by this name.
    QGuiApplication.setDesktopFileName("workshop-app")
    app.setWindowIcon(app_icon())
    install_wheel_guard()
    return app


def interface_language_for(chosen: str) -> str:
    """The language the interface starts in: the one chosen in the settings, else the
    system's."""
    return chosen or system_language()


def apply_interface_language(app: QApplication, lang: str) -> None:
    """Speak `lang` from now on: the app's own strings (`_()`), Qt's (standard buttons, file
    dialogs: the qtbase catalogue that ships with PySide6) and the widgets' dates and numbers
    (QLocale). Before any window is made: a window reads its texts when it is built."""
    set_interface_language(lang)
    if lang == PSEUDO:
        return  # a test language: Qt's own strings stay English, the marks show ours apart
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))


def _log_bug(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Something reached the event loop. A UserError (a write to a workshop open read-only,
    say) is shown as what it is; anything else is a bug: log the traceback, tell the user."""
    if isinstance(value, UserError):
        log.info("Shown to the user: %s", value.message)
        QMessageBox.warning(QApplication.activeWindow(), _("Not done"), value.message)
        return
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("Unexpected error:\n%s", text)
    QMessageBox.critical(
        None,
        _("Something went wrong"),
        _(
            "The app hit an unexpected error. Your saved work is safe in the workshop file."
            "\n\nDetails are in {log}."
        ).format(log=log_file()),
    )


def _close_on_terminate(app: QApplication, window: QWidget) -> None:
    """SIGTERM (a logout, a shutdown, `kill`) closes the window as its close button does, so
    what was typed is saved and every background job stopped before the app quits. Python runs
    a signal handler only between its own bytecodes, so a timer wakes it while Qt waits."""

    def close() -> None:
        if window.close():
            app.quit()  # a presenter window still open does not keep the app running

    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, close))
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def open_first(window: MainWindow, path: Path | None) -> None:
    """What the window shows at start: `path`, else the workshop open last time, else (a first
    start) the welcome page with a new workshop, the demo and the recent files."""
    if path is not None:
        window.open_path(path)
    elif (last := window.settings.last_file()) is not None:
        window.open_path(last)
    else:
        window.start_page.buttons[0].setFocus()


def run_app(path: Path | None, *, content_dir: Path | None = None) -> int:
    from workshop_app.ui.jobs import shutdown_preview_process, stop_all
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.settings import AppSettings

    log_file().parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(
        filename=log_file(),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    app = make_app()
    sys.excepthook = _log_bug
    settings = AppSettings()
    apply_interface_language(app, interface_language_for(settings.interface_language()))
    if content_dir is not None:
        settings.override_content_dir(content_dir)
    window = MainWindow(settings)
    _close_on_terminate(app, window)
    window.show()
    open_first(window, path)
    try:
        return app.exec()
    finally:
        stop_all()
        shutdown_preview_process()
