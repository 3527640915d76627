"""Open the app on a screen of a given size and scale, visit every page and open every dialog
and window the way a person does (keys, buttons), and print what does not fit, as JSON. Run
by test_screen_fit.py in a child process: the screen is fixed when Qt starts, so each size
needs a process of its own.

    python screen_fit_child.py WIDTH HEIGHT SCALE DATA_DIR [LANGUAGE [PAGE]]

LANGUAGE is the interface language ("qps": the pseudo-locale, every string 40% longer). PAGE
visits that page alone (its dialogs too), in the demo as it is 100 days after its launch.
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
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)

from workshop_app.core.demo import create_demo
from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.core.i18n import set_interface_language
from workshop_app.ui.jobs import stop_all
from workshop_app.ui.launch import make_app
from workshop_app.ui.main_window import PAGES, MainWindow

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
    """The window inside the screen's available area; and every button and label that is not
    in a scroll area (which the user can scroll to) shown whole: not cut by the window's edge,
    not squeezed below what its text needs."""
    QApplication.processEvents()
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not available.contains(frame):
        problems.append(
            f"{name}: the window is {rect_text(frame)}, the screen has {rect_text(available)}"
        )
    shown = global_rect(window).intersected(available)
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLabel) or not widget.isVisible():
            continue
        if widget.width() == 0 or inside_a_scroll_area(widget, window):
            continue
        label = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        what = f"{name}: {type(widget).__name__} {label[:40]!r}"
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
    """`open_it()` opens a modal dialog: check it once it shows, then press Esc."""

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, inspect)
            return
        QTest.qWaitForWindowExposed(dialog)
        check_window(name, dialog)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, inspect)
    open_it()


def press(window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> None:
    """A key typed into `window`, active as it is for a person typing (the offscreen platform
    gives the focus back to nobody when a dialog closes)."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    QTest.keyClick(window, key, modifiers or Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def click(page: QWidget, name: str) -> None:
    # In the pseudo-locale a name is the English one, marked and lengthened.
    buttons = page.findChildren(QAbstractButton)
    found = [b for b in buttons if b.accessibleName() == name] or [
        b for b in buttons if name in b.accessibleName()
    ]
    assert found, f"no button {name!r} on {type(page).__name__}"
    button = found[0]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


if __name__ == "__main__":
    app = make_app()
    set_interface_language(language)
    if only is None:
        create_demo(data / "demo.workshop").close()
    else:
        create_after_launch(data / "demo.workshop", today=date.today()).close()
    window = MainWindow()
    window.showMaximized()
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
            check_modal("the participant dialog", lambda p=page: click(p, "Add participant"))
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
            press(window, Qt.Key.Key_F7)
            preview = window.charters.preview
            assert preview is not None
            QTest.qWaitForWindowExposed(preview)
            check_window("the preview", preview)
            preview.close()
    check_modal("the Restore dialog", lambda: window.restore_action.trigger())

    window.close()
    stop_all()  # as quitting the app does: no job's thread outlives the process
    print(json.dumps(problems))
