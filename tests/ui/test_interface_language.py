"""The interface language: chosen in the File menu, kept in the settings, applied at the next
start to the app's strings, Qt's own (standard buttons) and the widgets' dates and numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from workshop_app.core import i18n
from workshop_app.ui.launch import apply_interface_language, interface_language_for
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings


@pytest.fixture
def restore_language(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QLocale()
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(before)
    i18n.set_interface_language("en")


def test_start_up_speaks_the_chosen_language(qapp, restore_language) -> None:  # type: ignore[no-untyped-def]
    apply_interface_language(qapp, "de")
    assert i18n._("Open a workshop") == "Workshop öffnen"
    # Qt's standard buttons, from the qtbase catalogue that ships with PySide6
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    assert QLocale().language() == QLocale.Language.German
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"


def test_the_settings_choice_wins_over_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "fr_FR")
    assert interface_language_for("") == "fr"
    assert interface_language_for("it") == "it"
    settings = AppSettings()
    assert settings.interface_language() == ""  # never chosen: the system's
    settings.set_interface_language("klingon")  # an edited settings file
    assert settings.interface_language() == ""


def test_the_language_is_chosen_in_the_file_menu(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANGUAGE", "it")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    system = window.language_actions[""]
    assert system.text() == "&System (Italiano)"
    assert system.isChecked()
    told: list[str] = []

    def close_the_message() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_I)  # &Interface language
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not window.menuBar())
    submenu = QApplication.activePopupWidget()
    qtbot.waitUntil(lambda: submenu.isVisible())
    QTimer.singleShot(0, close_the_message)
    qtbot.keyClick(submenu, Qt.Key.Key_D)  # &Deutsch
    qtbot.waitUntil(lambda: bool(told))
    assert told == ["The app will be in Deutsch the next time you start it."]
    assert window.language_actions["de"].isChecked()
    assert AppSettings().interface_language() == "de"  # kept in the settings file
    assert interface_language_for(AppSettings().interface_language()) == "de"


def test_widget_dates_read_as_each_language_writes_them(qapp, restore_language) -> None:  # type: ignore[no-untyped-def]
    """French writes the first of the month "1er"; an Italian sentence joins its article to a
    day read with a vowel ("l'8 marzo"), whatever made the date."""
    from datetime import datetime

    from PySide6.QtCore import QDate

    from workshop_app.ui.widgets.locale import shown_long_date, shown_moment

    apply_interface_language(qapp, "fr")
    assert shown_long_date(QDate(2027, 2, 1)) == "1er février 2027"
    assert shown_long_date(QDate(2027, 2, 11)) == "11 février 2027"
    noon = datetime(2027, 2, 1, 12, 0, 0).astimezone()  # a backup's time, local
    assert shown_moment(noon) == "lundi 1er février 2027, 12:00:00"
    apply_interface_language(qapp, "it")
    question = i18n._("Close the program on {date}?")
    assert question.format(date=shown_long_date(QDate(2027, 3, 8))) == (
        "Chiudere il programma l'8 marzo 2027?"
    )
    assert question.format(date=shown_long_date(QDate(2027, 3, 18))) == (
        "Chiudere il programma il 18 marzo 2027?"
    )
