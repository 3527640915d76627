"""Every text the window's own pages show is marked for translation: in the pseudo-locale
every translated string is wrapped in ⟦ ⟧, so a text without the marks was never marked
(or is data: names, codes, numbers, dates, file names, the exercise library's titles).

This walks the start page and the eight pages (Ctrl+1..Ctrl+8) with the demo workshop. The
widgets of `workshop_app.ui.widgets` (the charter form, the boards, the merge panel...) have
their own tests (test_dialogs_pseudo.py) and are left out here, except the Follow-up page's
own (`follow_up_*`: its board, pair list, detail and contact log), which only it shows."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)

from workshop_app.core import i18n
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import PAGES, MainWindow
from workshop_app.ui.pages.agenda import agenda_label

# What may show without marks besides the workshop's own data (collected below): the
# languages' own names in the Interface language menu, and the app's version-less name.
ALLOWED = {*i18n.LANGUAGES.values(), *(f"&{name}" for name in i18n.LANGUAGES.values())}
# Text made only of numbers, times, dates and punctuation is data too.
NO_WORDS = re.compile(r"^[\W\d_]*$")


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.set_interface_language(i18n.PSEUDO)
    yield
    i18n.set_interface_language("en")


def _data(wf: WorkshopFile, window: MainWindow) -> list[str]:
    """The workshop's own words, longest first (so that "Ada Byrne" goes before "Ada")."""
    words: set[str] = {str(wf.path), wf.path.name, wf.path.stem, str(wf.path.parent)}
    workshop = wf.workshop()
    for record in (workshop, *wf.roster.participants()):
        words |= {v for v in _strings(record) if v}
    for pair in wf.roster.pairs():
        words.add(pair.code)
    for segment in wf.agenda.segments():
        words.add(segment.title)
    library = window.library
    if library is not None:  # the exercise library's content has its own translations
        words |= {e.title for e in library.exercises.values()}
        for agenda in library.agendas.values():
            # the agenda's length ("90 min") is the content's own words (core.content)
            words |= {agenda_label(agenda), agenda.title, agenda.description}
    # dates as the widgets say them (QLocale)
    date = QDate.fromString(workshop.date, Qt.DateFormat.ISODate)
    words.add(QLocale().toString(date, QLocale.FormatType.LongFormat))
    return sorted((w for w in words if w.strip()), key=len, reverse=True)


def _strings(record: object) -> list[str]:
    values = (getattr(record, f.name) for f in dataclasses.fields(record))  # type: ignore[arg-type]
    return [v for v in values if isinstance(v, str)]


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) of everything `widget` shows in words."""
    name = type(widget).__name__
    if isinstance(widget, QLabel | QAbstractButton):
        yield name, widget.text()
    if isinstance(widget, QGroupBox):
        yield name, widget.title()
    if isinstance(widget, QLineEdit):
        yield f"{name} placeholder", widget.placeholderText()
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"{name} tab", widget.tabText(i)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name} item", widget.itemText(i)
    model = widget.model() if isinstance(widget, QTableView) else None
    if isinstance(widget, QTableView) and model is not None and not _theirs_model(model):
        for column in range(widget.horizontalHeader().count()):
            yield f"{name} header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        # The Follow-up page's lists are words of the app too (health, checkpoints, kinds).
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                yield f"{name} item", str(model.index(row, column).data() or "")
    yield f"{name} accessible name", widget.accessibleName()
    yield f"{name} tooltip", widget.toolTip()


def _widgets_module(thing: object) -> bool:
    """Whether `thing` is of `workshop_app.ui.widgets`, but not of the Follow-up page's own."""
    module = type(thing).__module__
    return module.startswith("workshop_app.ui.widgets") and not module.startswith(
        "workshop_app.ui.widgets.follow_up_"
    )


def _theirs_model(model: object) -> bool:
    """A table model of `workshop_app.ui.widgets` (behind a filter, perhaps)."""
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    return _widgets_module(source)


def _theirs(widget: QWidget, top: QWidget) -> bool:
    """Whether `widget` is, or is inside, a widget of `workshop_app.ui.widgets`."""
    while widget is not None and widget is not top:
        if _widgets_module(widget):
            return True
        widget = widget.parentWidget()
    return False


def _unmarked(window: MainWindow, data: list[str], where: str) -> list[str]:
    found = []
    texts = [("window title", window.windowTitle())]
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and not _theirs(widget, window):
            texts += list(_texts(widget))
    for text_of, text in texts:
        rest = text
        for word in data:
            rest = rest.replace(word, "")
        if not text or i18n.PSEUDO_OPEN in text or text in ALLOWED or NO_WORDS.match(rest):
            continue
        found.append(f"{where}: {text_of} {text!r}")
    return found


def _menus(window: MainWindow) -> list[str]:
    """Every menu's title and action, as the menu bar shows them (not the recent files)."""
    found = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if action.isSeparator() or menu is window.recent_menu:
                continue
            text = action.text()
            if text and i18n.PSEUDO_OPEN not in text and text not in ALLOWED:
                found.append(f"menu: {text!r}")
            if isinstance(menu, QMenu):
                walk(menu.actions())

    walk(window.menuBar().actions())
    return found


def test_every_text_of_the_pages_is_marked(qtbot, tmp_path: Path, pseudo) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.workshop"
    create_demo(path).close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    found = _unmarked(window, [], "start page") + _menus(window)
    assert window.open_path(path)
    assert window.wf is not None
    data = _data(window.wf, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for number, (_title, name) in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda n=number: window.nav.currentRow() == n - 1)
        if name == "follow_up":  # its health is computed on the next turn of the event loop
            page = window.current_page()
            qtbot.waitUntil(lambda p=page: getattr(p, "follow_up", None) is not None)
            # The health in words and the reasons are the core's (core/followup marks them).
            words = {
                w for p in page.follow_up.pairs for w in (*p.words, *(r.text for r in p.reasons))
            }
            found += _unmarked(window, sorted(words, key=len, reverse=True) + data, name)
            continue
        found += _unmarked(window, data, name)
    window.close_workshop()
    assert found == [], "\n".join(found)
