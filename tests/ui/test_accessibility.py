"""Every focusable widget on every page has a name a screen reader can say.

The name is what Qt's accessibility layer gives assistive technology: the widget's accessible
name, or what Qt derives for it (a button's text, the label of a form row or a buddy label).
The walk reaches every page the way a person does, by its keyboard shortcut, and shows the
parts that appear only in some states (the board, a troubleshooting scenario in the runner).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y import spoken_name, unnamed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workshop_app.core.demo import create_demo
from workshop_app.ui.main_window import PAGES, MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path):
    create_demo(tmp_path / "demo.workshop").close()
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    assert w.open_path(tmp_path / "demo.workshop")
    yield w
    w.close_workshop()


@pytest.mark.parametrize("number", range(1, len(PAGES) + 1), ids=[n for _, n in PAGES])
def test_every_focusable_widget_on_every_page_has_a_name(qtbot, window, number: int) -> None:
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert window.nav.currentRow() == number - 1
    qtbot.waitExposed(page)
    assert unnamed(page) == []


def test_the_board_and_a_scenario_in_the_runner_have_names_too(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert unnamed(window.charters) == []
    runner = window.runner
    window.go_to(PAGES.index(("Run workshop", "runner")))
    scenario = next(i for i, s in enumerate(runner.runner.segments) if s.kind == "scenario")
    runner.setFocus()
    for _ in range(scenario):
        qtbot.keyClick(runner, Qt.Key.Key_Right)
    tabs = runner.view.tabs.tabBar()
    for index in range(tabs.count()):  # every tab, as a person clicks through them
        qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
        assert unnamed(runner) == [], tabs.tabText(index)
    assert "Scenario" in [tabs.tabText(i) for i in range(tabs.count())]


def test_the_start_page_and_menus_have_names(qtbot) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert unnamed(w) == []
    assert QApplication.focusWidget() is None or spoken_name(QApplication.focusWidget())
