"""Open the app on a screen of a given size and scale, visit every page and open every dialog
and window the way a person does (keys, buttons), and print what does not fit, as JSON. Run
by test_screen_fit.py in a child process: the screen is fixed when Qt starts, so each size
needs a process of its own.

    python screen_fit_child.py WIDTH HEIGHT SCALE DATA_DIR [LANGUAGE [PAGE]]

LANGUAGE is the interface language ("qps": the pseudo-locale, every string 40% longer); the
demo is written in it when it is one of the demo's languages, and the walk finds buttons and
menu entries by their names in it. PAGE visits that page alone (its dialogs too), in the demo
as it is 100 days after its launch; PAGE "after_launch" visits every page in that demo.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

# The preview's worker process imports this file too (as __mp_main__): it must do nothing.
if __name__ == "__main__":
    width, height, scale, data = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    language = sys.argv[5] if len(sys.argv) > 5 else "en"
    only = sys.argv[6] if len(sys.argv) > 6 else None
    config = data / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        )
    )  # fmt: skip
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = scale
    os.environ["WORKSHOP_APP_DATA_DIR"] = str(data)
    os.environ["WORKSHOP_APP_CACHE_DIR"] = "off"

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QWidget,
)

from workshop_app.core import demo_data
from workshop_app.core.demo import create_demo
from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.core.i18n import _
from workshop_app.ui.jobs import stop_all
from workshop_app.ui.launch import apply_interface_language, make_app
from workshop_app.ui.main_window import PAGES, MainWindow
from workshop_app.ui.screen_fit import room_for

problems: list[str] = []


def rect_text(r: QRect) -> str:
    return f"{r.width()}x{r.height()} at {r.x()},{r.y()}"


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def on_screen(widget: QWidget) -> bool:
    """Whether all of `widget` shows: inside its window, its window inside the screen, and
    not scrolled out of a scroll area's view."""
    window = widget.window()
    shown = global_rect(window).intersected(window.screen().availableGeometry())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            shown = shown.intersected(global_rect(parent.viewport()))
        parent = parent.parentWidget()
    return shown.contains(global_rect(widget))


def shown_in_its_panes(widget: QWidget, window: QWidget) -> bool:
    """Whether every pane `widget` is in (up to its window) shows all of it: a splitter's
    pane squeezed below what its layout needs cuts the bottom of its last row."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if not global_rect(parent).contains(global_rect(widget)):
            return False
        parent = parent.parentWidget()
    return True


def inside_a_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def check_window(name: str, window: QWidget) -> None:
    """The window inside the screen's available area; no form in it scrolling sideways; every
    button and label that is not in a scroll area (which the user can scroll to) not cut by
    the window's edge or its pane; and every button and label not squeezed below what its
    text needs."""
    QApplication.processEvents()
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not available.contains(frame):
        problems.append(
            f"{name}: the window is {rect_text(frame)}, the screen has {rect_text(available)}"
        )
    shown = global_rect(window).intersected(available)
    for area in window.findChildren(QScrollArea):
        # A form scrolls up and down, never sideways: its right edge would be out of view.
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            what = area.accessibleName() or type(area.widget()).__name__
            problems.append(
                f"{name}: {what!r} scrolls sideways: {area.widget().minimumSizeHint().width()}"
                f" wide in {area.viewport().width()}"
            )
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLabel) or not widget.isVisible():
            continue
        if widget.width() == 0 or widget.window() is not window:
            continue  # a window of its own (the presenter view) is checked on its own
        label = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        what = f"{name}: {type(widget).__name__} {label[:40]!r}"
        # In a scroll area the user scrolls to what is out of view; squeezed it stays cut.
        if not inside_a_scroll_area(widget, window):
            if not shown.contains(global_rect(widget)):
                problems.append(f"{what} is cut off")
                continue
            if not shown_in_its_panes(widget, window):
                problems.append(f"{what} is cut off by its pane")
                continue
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        needed = widget.minimumSizeHint() if wraps else widget.sizeHint()
        if widget.width() < needed.width() or widget.height() < widget.minimumSizeHint().height():
            problems.append(f"{what} is squeezed to {widget.width()}x{widget.height()}")
        elif wraps and widget.height() < widget.heightForWidth(widget.width()):
            problems.append(f"{what} has lines cut off: {widget.width()}x{widget.height()}")


def check_modal(name: str, open_it: Callable[[], None]) -> None:
    """`open_it()` opens a modal dialog: check it once it shows, then press Esc. A dialog
    that never opened is a problem too (a button not found, a walk that checks nothing)."""
    state = {"seen": False, "given_up": False}

    def inspect() -> None:
        if state["given_up"]:
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, inspect)
            return
        state["seen"] = True
        QTest.qWaitForWindowExposed(dialog)
        check_window(name, dialog)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, inspect)
    open_it()
    if not state["seen"]:
        state["given_up"] = True  # not to check the next dialog under this one's name
        problems.append(f"{name}: it did not open")


def press(window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> None:
    """A key typed into `window`, active as it is for a person typing (the offscreen platform
    gives the focus back to nobody when a dialog closes)."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    QTest.keyClick(window, key, modifiers or Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def spoken(message: str) -> str:
    """How a button made from the English `message` is named in the interface language: its
    translation through the app's catalogue, without the Alt key's & or a closing "…" (as
    the pages name their buttons)."""
    return _(message).replace("&", "").rstrip("…")


def click(page: QWidget, message: str) -> None:
    """Click the button of `page` made from the English `message` (its accessible name or its
    text), in whatever language the interface speaks."""
    name = spoken(message)
    found = [
        b
        for b in page.findChildren(QAbstractButton)
        if name in (b.accessibleName(), b.text().replace("&", "").rstrip("…"))
    ]
    assert found, f"no button {name!r} ({message!r}) on {type(page).__name__}"
    QTest.mouseClick(found[0], Qt.MouseButton.LeftButton)


def menu_action(window: QMainWindow, message: str) -> QAction:
    """The action of the window's menus made from the English `message`, in the interface
    language (choosing it from its menu triggers it)."""
    name = spoken(message)
    for action in window.findChildren(QAction):
        if action.text().replace("&", "").rstrip("…") == name:
            return action
    raise AssertionError(f"no menu entry {name!r} ({message!r})")


def select_first_row(table: QAbstractItemView) -> None:
    row = table.visualRect(table.model().index(0, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row.center())


if __name__ == "__main__":
    app = make_app()
    apply_interface_language(app, language)
    # The demo written in the interface language, as a trainer of that language has it.
    content = language if language in demo_data.LANGUAGES else demo_data.DEFAULT_LANGUAGE
    if only is None:
        create_demo(data / "demo.workshop", language=content).close()
    else:
        create_after_launch(data / "demo.workshop", today=date.today(), language=content).close()
        if only == "after_launch":
            only = None
    window = MainWindow()
    # As large as the screen leaves it under a window manager's title bar and borders (the
    # offscreen platform has none: maximized there, a window has room a laptop's has not).
    window.show()
    window.resize(room_for(window))
    QTest.qWaitForWindowExposed(window)
    check_window("the start page", window)
    ctrl = Qt.KeyboardModifier.ControlModifier
    check_modal("the New workshop dialog", lambda: press(window, Qt.Key.Key_N, ctrl))
    window.open_path(data / "demo.workshop")
    for number, (_title, page_name) in enumerate(PAGES, start=1):
        if only is not None and page_name != only:
            continue
        press(window, Qt.Key(Qt.Key.Key_0 + number), ctrl)
        page = window.current_page()
        assert window.nav.currentRow() == number - 1 and page.isVisible(), page_name
        check_window(f"the {page_name} page", window)
        if page_name == "roster":
            check_modal("the Import dialog", lambda: press(window, Qt.Key.Key_I, ctrl))
            check_modal("the participant dialog", lambda p=page: click(p, "&Add participant…"))
        elif page_name == "agenda":
            check_modal("the Add dialog", lambda p=page: click(p, "Add an exercise or a break"))
        elif page_name == "runner":
            timer = window.runner.view.timer
            if not on_screen(timer):
                problems.append(
                    f"runner: the countdown ({rect_text(global_rect(timer))}) is cut off"
                )
            check_modal(
                "the Check in dialog",
                lambda: click(window.runner, "Check in arrivals, print the sign-in sheet"),
            )
            # Running, then looking ahead through every segment (a banner comes, the scenario
            # tab shows): the window keeps to the screen.
            press(window.runner, Qt.Key.Key_Space)
            for _segment in window.runner.runner.segments:
                press(window.runner, Qt.Key.Key_Right)
                check_window(f"the runner, looking at segment {_segment.position}", window)
            press(window.runner, Qt.Key.Key_Escape)
            press(window.runner, Qt.Key.Key_Space)
            press(window.runner, Qt.Key.Key_F5)
            presenter = window.runner.presenter
            assert presenter is not None
            QTest.qWaitForWindowExposed(presenter)
            check_window("the presenter view", presenter)
            # Every banner at once: a rehearsal, the projector frozen, looking ahead.
            press(window.runner, Qt.Key.Key_F)
            press(window.runner, Qt.Key.Key_Right)
            check_window("the runner with every banner", window)
            for widget in (window.runner.view.timer, window.runner.view.controls):
                if not on_screen(widget):
                    problems.append(f"runner with every banner: {widget.accessibleName()} cut off")
            press(window.runner, Qt.Key.Key_F)
            press(window.runner, Qt.Key.Key_Escape)
            presenter.close()
        elif page_name == "charters":
            check_modal(
                "the Sign dialog",
                lambda: press(window, Qt.Key.Key_S, ctrl | Qt.KeyboardModifier.ShiftModifier),
            )
            open_pair = window.wf.roster.pair_by_code("P11")  # every section open
            assert open_pair is not None
            window.charters.select_pair(open_pair.id)
            check_modal(
                "the Sign dialog of an open charter",
                lambda: press(window, Qt.Key.Key_S, ctrl | Qt.KeyboardModifier.ShiftModifier),
            )
            check_modal("the Print options dialog", lambda: press(window, Qt.Key.Key_P, ctrl))
            press(window, Qt.Key.Key_F7)
            preview = window.charters.preview
            assert preview is not None
            QTest.qWaitForWindowExposed(preview)
            check_window("the preview", preview)
            preview.close()
        elif page_name == "follow_up":
            select_first_row(page.table)
            for message in (
                "Import check-in survey…",
                "Print review packets…",
                "Outcomes report…",
                "Enter review…",
                "Close this pairing…",
            ):
                check_modal(f"the {message} dialog", lambda p=page, m=message: click(p, m))
            check_modal(
                "the Close the program dialog",
                lambda: menu_action(window, "Close the &program…").trigger(),
            )
    for message in (
        "Restore a &backup…",
        "Start a re-&launch from this workshop…",
        "&About Mentoring workshop",
    ):
        check_modal(f"the {message} dialog", lambda m=message: menu_action(window, m).trigger())

    window.close()
    stop_all()  # as quitting the app does: no job's thread outlives the process
    print(json.dumps(problems))
