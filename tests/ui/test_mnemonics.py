"""The underlined letters (mnemonics, "&D" in a text) in every interface language.

A letter that two things of one window show at the same time is ambiguous to Qt: Alt+letter
then only moves the focus between them, and nothing is done. So within each page of the main
window (its menu bar's letters count on every page), each of its tabs and each dialog, no two
buttons, buddied labels, group boxes, tabs or menus share a letter; the items of each menu
have letters of their own; and what has a letter in English has one in every language.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from tests.ui.test_dialogs_pseudo import DIALOGS, dialogs
from workshop_app.core import i18n
from workshop_app.core.charters.print_options import PrintOptions
from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.ui.dialogs.print_options import PrintOptionsDialog
from workshop_app.ui.main_window import PAGES, MainWindow
from workshop_app.ui.widgets.follow_up_log import KIND_CHOICES, kind_letter

LANGUAGES = ("en", "it", "de", "fr")


@pytest.fixture(params=LANGUAGES)
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The interface in one language, Qt's own buttons too, as `apply_interface_language`."""
    lang = request.param
    i18n.set_interface_language(lang)
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = translator.load(f"qtbase_{lang}", folder) and qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))
    yield lang
    if installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))
    i18n.set_interface_language(i18n.SOURCE_LANGUAGE)


def letter(text: str) -> str:
    """The key of `text`'s underlined letter ("Alt+D"), or "" ("&&" is an ampersand, and
    "Roster & pairs" has none)."""
    key = QKeySequence.mnemonic(text).toString()
    return "" if key == "Alt+Space" else key


def _what(widget: QWidget, text: str) -> str:
    return f"{type(widget).__name__} {text!r}"


def shown_letters(window: QWidget) -> Iterator[tuple[str, str]]:
    """(key, what) for every underlined letter `window` shows now."""
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        texts: list[str] = []
        buddied = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or buddied:
            texts = [widget.text()]  # type: ignore[attr-defined]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        elif isinstance(widget, QMenuBar):
            texts = [a.text() for a in widget.actions() if a.isVisible()]
        for text in texts:
            if letter(text):
                yield letter(text), _what(widget, text)


def clashes(where: str, window: QWidget) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for key, what in shown_letters(window):
        if key in seen:
            found.append(f"{where}: {key} is both {seen[key]} and {what}")
        else:
            seen[key] = what
    return found


def _tabs(window: QWidget) -> list[QTabBar]:
    return [t for t in window.findChildren(QTabBar) if t.isVisible() and t.window() is window]


def every_tab(qtbot, where: str, window: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    """The clashes of `window` as it is and with each tab of its tab bars clicked."""
    found = clashes(where, window)
    for bar in _tabs(window):
        for i in range(bar.count()):
            if bar.isTabVisible(i) and bar.isTabEnabled(i) and i != bar.currentIndex():
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
                assert bar.currentIndex() == i
                found += clashes(f"{where}, tab {bar.tabText(i)!r}", window)
        if bar.isVisible() and bar.count():
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    return found


def menu_clashes(bar: QMenuBar) -> list[str]:
    found = []

    def walk(title: str, actions: list[QAction]) -> None:
        seen: dict[str, str] = {}
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            key = letter(action.text())
            if key and key in seen:
                found.append(f"menu {title!r}: {key} is both {seen[key]!r} and {action.text()!r}")
            seen.setdefault(key, action.text())
            if isinstance(action.menu(), QMenu):
                walk(action.text(), action.menu().actions())

    walk("the menu bar", bar.actions())
    return found


def test_no_two_things_of_a_page_share_a_letter(qtbot, tmp_path: Path, language) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.workshop"
    create_after_launch(path, today=date.today()).close()  # every page has something to show
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    found = clashes("the welcome page", window) + menu_clashes(window.menuBar())
    assert window.open_path(path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for number, (_title, name) in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda n=number: window.nav.currentRow() == n - 1)
        found += every_tab(qtbot, f"the {name} page", window)
        if name == "charters":  # the board instead of the list and the form
            board = window.charters.board_button
            qtbot.mouseClick(board, Qt.MouseButton.LeftButton)
            assert board.isChecked()
            found += clashes("the charters page, the board", window)
            qtbot.mouseClick(window.charters.list_button, Qt.MouseButton.LeftButton)
        if name == "export":  # after a merge, its report's buttons (a merge needs other files)
            window.current_page().merge_panel.result_row.show()
            found += clashes("the export page after a merge", window)
    found += menu_clashes(window.menuBar())
    window.close_workshop()
    assert found == [], f"in {language}:\n" + "\n".join(found)


@pytest.mark.parametrize("name", DIALOGS)
def test_no_two_things_of_a_dialog_share_a_letter(qtbot, tmp_path: Path, language, name) -> None:  # type: ignore[no-untyped-def]
    wf = create_after_launch(tmp_path / "demo.workshop", today=date.today())
    dialog = dialogs(wf)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = every_tab(qtbot, f"the {name} dialog", dialog)
    dialog.close()
    wf.close()
    assert found == [], f"in {language}:\n" + "\n".join(found)


# Texts whose translation has, for a good reason, no underlined letter.
NO_LETTER: dict[tuple[str, str], str] = {
    ("it", "Cop&y report"): (
        "the export page after a merge shows fourteen letters besides the menu bar's six, and"
        ' every letter of "Copia il resoconto" is taken by another of them'
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_what_has_a_letter_in_english_has_one_in_every_language(lang: str) -> None:
    with i18n.catalogue_path(lang).open("rb") as po:
        catalogue = read_po(po)
    missing = []
    for message in catalogue:
        if not message.id or isinstance(message.id, tuple) or not letter(message.id):
            continue
        if message.string and not letter(message.string) and (lang, message.id) not in NO_LETTER:
            missing.append(f"{lang}: {message.id!r} -> {message.string!r} has no letter")
    assert missing == [], "\n".join(missing)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_kind_of_contact_has_a_letter_of_its_word(lang: str) -> None:
    """The contact log's kinds ("Treffen (T)"): the letter in brackets picks the kind in its
    combo, so it is one of the word's letters, different for each kind, and the combo's
    tooltip names the same letters."""
    t = i18n.translations(lang)
    texts = [t.gettext(text) for _kind, text in KIND_CHOICES]
    letters = [kind_letter(text) for text in texts]
    assert len(set(letters)) == len(letters), f"{lang}: {texts}"
    for text, key in zip(texts, letters, strict=True):
        word = text.rsplit("(", 1)[0]
        assert key.isalpha() and key in word.upper(), f"{lang}: {text!r}"
    tooltip = t.gettext("M: meeting held, C: cancelled, O: concern, N: note")
    named = [part.split(":")[0].strip() for part in tooltip.split(",")]
    assert named == letters, f"{lang}: {tooltip!r} names {named}, the kinds {letters}"


def _open_follow_up(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.workshop"
    create_after_launch(path, today=date.today()).close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    follow_up = [n for _t, n in PAGES].index("follow_up") + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + follow_up), Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.nav.currentRow() == follow_up - 1)
    return window


@pytest.mark.parametrize(
    ("lang", "keys"),
    [
        ("de", {Qt.Key.Key_B: "concern", Qt.Key.Key_T: "meeting", Qt.Key.Key_A: "cancelled"}),
        ("it", {Qt.Key.Key_P: "concern", Qt.Key.Key_I: "meeting", Qt.Key.Key_A: "cancelled"}),
    ],
)
def test_a_kinds_letter_picks_it_in_the_interface_language(qtbot, tmp_path, lang, keys) -> None:  # type: ignore[no-untyped-def]
    i18n.set_interface_language(lang)
    try:
        window = _open_follow_up(qtbot, tmp_path)
        kind = window.current_page().log.kind
        kind.setFocus(Qt.FocusReason.TabFocusReason)
        for key, picked in keys.items():
            qtbot.keyClick(kind, key)
            assert kind.currentData() == picked, kind.currentText()
        window.close_workshop()
    finally:
        i18n.set_interface_language(i18n.SOURCE_LANGUAGE)


def _alt(qtbot, window: QWidget, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)


def test_alt_letters_do_what_they_say_in_german(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.set_interface_language("de")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        _alt(qtbot, window, Qt.Key.Key_M)  # De&mo-Workshop öffnen
        qtbot.waitUntil(lambda: window.wf is not None)
        _alt(qtbot, window, Qt.Key.Key_D)  # &Datei: the menu, not a button
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        assert QApplication.activePopupWidget().title() == "&Datei"
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # and out of the menu bar
        agenda = [n for _t, n in PAGES].index("agenda") + 1
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + agenda), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.nav.currentRow() == agenda - 1)
        _alt(qtbot, window, Qt.Key.Key_P)  # Ausgangs&punkt: its agenda chooser
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.agenda.choice)
        window.close_workshop()
    finally:
        i18n.set_interface_language(i18n.SOURCE_LANGUAGE)


def test_alt_letters_do_what_they_say_in_italian(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.set_interface_language("it")
    try:
        window = _open_follow_up(qtbot, tmp_path)
        overdue = window.current_page().filter_buttons["overdue"]
        assert not overdue.isChecked()
        _alt(qtbot, window, Qt.Key.Key_D)  # In ritar&do
        qtbot.waitUntil(overdue.isChecked)
        _alt(qtbot, window, Qt.Key.Key_W)  # Follo&w-up: the menu
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        assert QApplication.activePopupWidget().title() == "Follo&w-up"
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
        window.close_workshop()
    finally:
        i18n.set_interface_language(i18n.SOURCE_LANGUAGE)


def test_the_save_dialogs_folder_button_has_a_letter_in_german(qtbot) -> None:  # type: ignore[no-untyped-def]
    """ "&Ordner wählen…" (it had none): Alt+O goes on to choosing the folder."""
    i18n.set_interface_language("de")
    try:
        dialog = PrintOptionsDialog(
            charters=1, saving=True, options=PrintOptions(duplex=False, copies=())
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        _alt(qtbot, dialog, Qt.Key.Key_O)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    finally:
        i18n.set_interface_language(i18n.SOURCE_LANGUAGE)
