"""A goal's baseline ("where I am today", 1-5) in the charter form: chosen with the mouse or
the keyboard, saved like the other goal parts, undone with Ctrl+Z, and optional."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.charters import ChartersPage

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def pair_id(new_workshop: WorkshopFile) -> str:
    roster = new_workshop.roster
    mentor = roster.add_participant(role="mentor", name="Ama Boateng", email="ama@x.example")
    mentee = roster.add_participant(role="mentee", name="Luis Ortega", email="luis@x.example")
    pair = roster.make_pair(mentor.id, mentee.id)
    new_workshop.charters.set_field(pair.id, "purpose", "Grow into the operations lead role")
    return pair.id


@pytest.fixture
def page(qtbot, new_workshop: WorkshopFile, pair_id: str) -> ChartersPage:
    p = ChartersPage([])
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    p.set_workshop(new_workshop)
    p.select_pair(pair_id)
    return p


def baseline_box(page: ChartersPage, position: int) -> QComboBox:
    page.editor.ensure_built()
    combo = page.editor.goals.boxes[position - 1].parts["baseline"].input
    assert isinstance(combo, QComboBox)
    assert combo.accessibleName() == f"Goal {position}: where I am today"
    return combo


def stored(wf: WorkshopFile, pair_id: str) -> list[str]:
    other = WorkshopFile.open(wf.path, readonly=True)
    try:
        return [g.baseline for g in other.charters.goals(pair_id)]
    finally:
        other.close()


def test_the_choices_read_as_a_trainer_says_them(page: ChartersPage) -> None:
    combo = baseline_box(page, 1)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Not rated yet",
        "1 – just starting",
        "2 – finding my feet",
        "3 – getting there",
        "4 – confident most of the time",
        "5 – already strong",
    ]
    assert combo.currentText() == "Not rated yet"


def test_chosen_with_the_mouse_and_saved(  # type: ignore[no-untyped-def]
    qtbot, page: ChartersPage, new_workshop: WorkshopFile, pair_id: str
) -> None:
    combo = baseline_box(page, 1)
    page.editor.ensureWidgetVisible(combo)
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    item = view.visualRect(combo.model().index(4, 0))
    qtbot.mouseMove(view.viewport(), item.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=item.center())
    assert combo.currentText() == "4 – confident most of the time"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Tab)  # leaving the field saves it at once
    assert stored(new_workshop, pair_id) == ["4"]


def test_typed_by_its_number_optional_and_undone(  # type: ignore[no-untyped-def]
    qtbot, page: ChartersPage, new_workshop: WorkshopFile, pair_id: str
) -> None:
    box = page.editor.goals.boxes[0]
    goal = box.parts["goal"].input
    goal.setFocus()
    qtbot.keyClicks(goal, "Chair the monthly operations review")
    qtbot.keyClick(goal, Qt.Key.Key_Tab)
    qtbot.keyClick(box.parts["why"].input, Qt.Key.Key_Tab)  # left empty
    measure = box.parts["measure"].input
    assert measure.hasFocus()
    qtbot.keyClicks(measure, "Runs three reviews alone")
    qtbot.keyClick(measure, Qt.Key.Key_Tab)
    combo = baseline_box(page, 1)
    assert combo.hasFocus()  # the rating follows the measure it is read against
    qtbot.keyClicks(combo, "2")
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert stored(new_workshop, pair_id) == ["2"]
    target = box.parts["target_date"].input
    assert target.hasFocus()
    qtbot.keyClicks(target, "2027-06-30")
    qtbot.keyClick(target, Qt.Key.Key_Tab)
    assert new_workshop.charters.overview(pair_id=pair_id)[0].missing[0] != "purpose"
    # Not rated: the goal, and so its section, is still complete.
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert stored(new_workshop, pair_id) == [""]
    assert new_workshop.charters.overview(pair_id=pair_id)[0].missing[0] != "purpose"
    qtbot.keyClick(target, Qt.Key.Key_Z, CTRL)
    assert combo.currentText() == "2 – finding my feet"
    assert stored(new_workshop, pair_id) == ["2"]
