"""The mouse wheel over the charter form scrolls it; it never changes an answer by passing
over an input that does not have focus (on the other pages too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.charters import ChartersPage


@pytest.fixture
def demo(tmp_path: Path):
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile) -> ChartersPage:
    p = ChartersPage(["A partner who goes silent", "Repeated cancellations"])
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    p.set_workshop(demo)
    p.select_pair(demo.roster.pair_by_code("P02").id)
    return p


def wheel_down(widget: QWidget, notches: int = 3) -> None:
    """One turn of the wheel with the pointer over the middle of `widget`."""
    at = QPointF(widget.rect().center())
    event = QWheelEvent(
        at,
        QPointF(widget.mapToGlobal(at.toPoint())),
        QPoint(),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def scrolled_to(page: ChartersPage, widget: QWidget) -> None:
    page.editor.ensureWidgetVisible(widget)
    QApplication.processEvents()


def test_the_wheel_over_unfocused_inputs_scrolls_the_form(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    pid = demo.roster.pair_by_code("P02").id
    before = demo.charters.charter(pid)
    editor = page.editor
    frequency = editor.field("meeting_frequency").input
    minutes = editor.field("meeting_minutes").input
    scenario = editor.plans.rows[0].scenario
    page.filter.setFocus()  # focus is elsewhere, as when the person scrolls to read
    bar = editor.verticalScrollBar()
    for widget in (frequency, minutes, scenario):
        scrolled_to(page, widget)
        shown = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
        top = bar.value()
        wheel_down(widget)
        assert bar.value() > top, f"the form did not scroll over {widget.accessibleName()}"
        assert not widget.hasFocus()
        after = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
        assert after == shown, f"the wheel changed {widget.accessibleName()}"
    assert not editor.saver.pending
    now = demo.charters.charter(pid)
    assert now.fields == before.fields
    assert [(p.scenario, p.plan) for p in now.plans] == [(p.scenario, p.plan) for p in before.plans]
    assert now.version == before.version


def test_the_wheel_does_not_give_focus_to_an_input(qtbot, page: ChartersPage) -> None:
    frequency = page.editor.field("meeting_frequency").input
    assert frequency.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert page.editor.field("meeting_minutes").input.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_a_focused_input_still_follows_the_wheel(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    pid = demo.roster.pair_by_code("P02").id
    frequency = page.editor.field("meeting_frequency").input
    scrolled_to(page, frequency)
    qtbot.mouseClick(page.editor.field("meeting_place").input, Qt.MouseButton.LeftButton)
    frequency.setFocus(Qt.FocusReason.TabFocusReason)
    assert frequency.hasFocus()
    start = frequency.currentIndex()
    wheel_down(frequency, notches=1)
    assert frequency.currentIndex() == start + 1
    page.editor.saver.flush()
    assert demo.charters.charter(pid).value("meeting_frequency") == frequency.currentData()


def test_the_wheel_is_guarded_on_the_other_pages_too(qtbot, demo: WorkshopFile) -> None:
    from workshop_app.ui.pages.program import ProgramPage

    program = ProgramPage()
    qtbot.addWidget(program)
    program.resize(1000, 500)
    program.show()
    program.activateWindow()
    qtbot.waitUntil(program.isActiveWindow)
    program.set_workshop(demo)
    combo = next(c for c in program.findChildren(QComboBox) if c.accessibleName() == "Paper size")
    button = next(b for b in program.findChildren(QPushButton) if b.isVisible())
    button.setFocus()
    assert button.hasFocus()
    shown = combo.currentText()
    wheel_down(combo)
    assert combo.currentText() == shown
    program.flush()
    assert demo.workshop().paper_size == combo.currentData()


CHILD = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["WORKSHOP_APP_DATA_DIR"] = sys.argv[1]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from workshop_app.ui.wheel_guard import install_wheel_guard
app = QApplication(sys.argv[:1])
style = app.style().name()
early = QComboBox()  # made, and polished, before the guard
early.show()
app.processEvents()
install_wheel_guard()
later = QComboBox()
later.show()
app.processEvents()
print(early.focusPolicy() == later.focusPolicy() == Qt.FocusPolicy.StrongFocus)
print(app.style().baseStyle().name() == style, style)
"""


def test_the_guard_covers_inputs_made_before_it_and_keeps_the_style(tmp_path: Path) -> None:
    """The guard is the application's style (only guarded inputs' events reach Python); it
    covers the inputs made before it as well as after, and the style is the same one."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.split("\n")
    assert lines[0] == "True" and lines[1].startswith("True "), lines
