"""The app as an application: a first start shows the welcome page, the Help menu reaches the
data folder, the log and the About dialog, which names each component with its licence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from workshop_app import __version__
from workshop_app.core.paths import log_file, user_data_dir
from workshop_app.ui.dialogs.about import AboutDialog
from workshop_app.ui.launch import open_first
from workshop_app.ui.main_window import MainWindow, demo_path


def test_a_first_start_shows_the_welcome_page_and_opens_the_demo_by_keyboard(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.settings.last_file() is None  # an empty data folder: nothing opened before
    open_first(window, None)
    assert window.wf is None
    assert window.stack.currentWidget() is window.start_page
    names = [b.accessibleName() for b in window.start_page.findChildren(QPushButton)]
    assert {"New workshop", "Open a workshop", "Open the demo workshop"} <= set(names)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.start_page.buttons[0])
    # Tab to the demo, as a person would, and press Space.
    for _ in range(len(window.start_page.buttons)):
        if QApplication.focusWidget().accessibleName() == "Open the demo workshop":
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget().accessibleName() == "Open the demo workshop"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.wf is not None)
    assert window.wf.path == demo_path().resolve()
    window.close_workshop()


def test_the_next_start_opens_the_last_workshop(qtbot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_demo()
    window.close_workshop()
    again = MainWindow()
    qtbot.addWidget(again)
    open_first(again, None)
    assert again.wf is not None and again.wf.path == demo_path().resolve()
    again.close_workshop()


def _help_item(qtbot, window: MainWindow, key: Qt.Key) -> None:
    """Alt+H, then the item's underlined letter, as a person would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), key)


def test_help_opens_the_data_folder_and_says_when_the_log_is_not_there_yet(
    qtbot, monkeypatch
) -> None:
    opened: list[str] = []

    def open_url(url):  # the desktop's file manager, as if it opened
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    user_data_dir().mkdir(parents=True, exist_ok=True)
    _help_item(qtbot, window, Qt.Key.Key_D)  # Open the &data folder
    qtbot.waitUntil(lambda: bool(opened))
    assert Path(opened[0]) == user_data_dir()

    assert not log_file().exists()
    told: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            told.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(20, read_and_close)
    _help_item(qtbot, window, Qt.Key.Key_L)  # Open the &log
    qtbot.waitUntil(lambda: bool(told))
    assert told[0].startswith(str(log_file())) and "does not exist yet" in told[0]
    assert len(opened) == 1


def test_about_names_the_version_the_data_folder_and_every_components_licence(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_demo()
    seen: dict[str, object] = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AboutDialog):
            QTimer.singleShot(20, read_and_close)
            return
        table = dialog.components
        seen["rows"] = {
            table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())
        }
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(20, read_and_close)
    _help_item(qtbot, window, Qt.Key.Key_A)  # &About Mentoring workshop
    qtbot.waitUntil(lambda: "rows" in seen)
    rows = seen["rows"]
    assert isinstance(rows, dict)
    assert rows["Python"][1] == "PSF-2.0"
    assert rows["Qt"][1] == "LGPL-3.0-only" and rows["Qt"][0].startswith("6.")
    assert rows["WeasyPrint"][1] == "BSD-3-Clause" and rows["WeasyPrint"][0]
    assert rows["Pango"][1] == "LGPL-2.1-or-later" and rows["Pango"][0].startswith("1.")
    assert all(licence for _version, licence in rows.values())
    about = window.findChildren(AboutDialog)
    assert not about or not about[0].isVisible()  # closed with Escape
    window.close_workshop()


def test_the_about_dialog_shows_where_the_data_lives(qtbot) -> None:
    dialog = AboutDialog(Path("/tmp/spring.workshop"))
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Version {__version__}" in text
    assert str(user_data_dir()) in text and str(log_file()) in text
    assert "/tmp/spring.workshop" in text
