"""The Overview: the steps left before the event, and a pair's charter one double-click away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from workshop_app.core.demo import create_demo
from workshop_app.core.readiness import STANDARD_CONFIDENTIALITY, STANDARD_NO_FAULT
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_workshop()


def future() -> str:
    """A workshop date still to come, whenever the tests run."""
    return QDate.currentDate().addDays(40).toString(Qt.DateFormat.ISODate)


def button(page, name: str) -> QPushButton:  # type: ignore[no-untyped-def]
    return next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)


def step_texts(window: MainWindow) -> list[str]:
    return [text.text() for _mark, text, _button in window.overview.steps.rows.values()]


def test_an_empty_workshop_shows_the_steps_not_0_of_0(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    window.create_workshop(
        tmp_path / "new.workshop", program="Lift", organisation="Acme", date=future()
    )
    overview = window.overview
    assert overview.steps.isVisible()
    assert not overview.board.isVisible() and not overview.table.isVisible()
    texts = step_texts(window)
    assert "Fill in the program context" in texts[0] and "no confidentiality wording" in texts[0]
    assert "Import the roster and pairs" in texts[1]
    assert "Choose the agenda" in texts[2]
    qtbot.mouseClick(button(overview, "Go to Roster & pairs"), Qt.MouseButton.LeftButton)
    assert window.current_page() is window.roster
    window.go_to(0)
    program = button(overview, "Go to Program")
    program.setFocus()
    qtbot.keyClick(program, Qt.Key.Key_Space)  # a keyboard user gets there too
    assert window.current_page() is window.program


def test_the_steps_stay_until_done_and_then_go(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """The demo, less what a new workshop lacks, step by step put back."""
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    with WorkshopFile.open(path) as wf:
        wf.set_workshop_field("date", future())
        wf.set_workshop_field("no_fault_text", "")
    window.open_path(path)
    overview = window.overview
    assert overview.steps.isVisible() and overview.table.isVisible()
    marks = [mark.text() for mark, _t, _b in overview.steps.rows.values()]
    assert marks == ["1", "✓", "✓"]
    assert "1 of 3 steps left" in overview.steps.heading.text()
    assert "no no-fault conclusion clause" in step_texts(window)[0]
    # The fix is on the Program page: one click, and the Overview has nothing left to say.
    window.go_to(window._index("program"))
    qtbot.mouseClick(
        button(window.program, "Use the standard wording: No-fault conclusion clause"),
        Qt.MouseButton.LeftButton,
    )
    window.go_to(0)
    assert not overview.steps.isVisible()
    assert window.wf.workshop().no_fault_text == STANDARD_NO_FAULT
    assert window.wf.workshop().confidentiality_text != STANDARD_CONFIDENTIALITY  # untouched


def test_double_click_or_enter_on_a_row_opens_its_charter(window: MainWindow, qtbot) -> None:
    window.open_demo()
    table = window.overview.table
    window.overview.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    row = next(
        r
        for r in range(window.overview.proxy.rowCount())
        if window.overview.proxy.index(r, 0).data() == "P07"
    )
    rect = table.visualRect(window.overview.proxy.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() is window.charters
    p07 = window.wf.roster.pair_by_code("P07")
    assert window.charters.editor.pair_id == p07.id
    window.go_to(0)
    qtbot.keyClicks(window.overview.filter, "Ravi")
    table.setFocus()
    table.setCurrentIndex(window.overview.proxy.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.current_page() is window.charters
    assert window.charters.editor.pair_id == window.wf.roster.pair_by_code("P12").id
