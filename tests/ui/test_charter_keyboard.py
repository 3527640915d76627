"""The whole charter form by keyboard alone: Tab from the first field to the last, in reading
order, filling every section, with the field being typed in always on screen; and every
widget that can take focus has a name for a screen reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.core.charter_fields import CHARTER_COLUMNS, GOAL_PARTS
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.widgets.charter_editor import CharterEditor
from workshop_app.ui.widgets.date_field import DateField


@pytest.fixture
def demo(tmp_path: Path):
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile) -> ChartersPage:
    p = ChartersPage(["A partner who goes silent", "Repeated cancellations"])
    qtbot.addWidget(p)
    p.resize(1280, 700)
    p.show()
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    p.set_workshop(demo)
    p.select_pair(pid(demo))
    return p


def pid(wf: WorkshopFile) -> str:
    pair = wf.roster.pair_by_code("P11")  # nothing filled in yet
    assert pair is not None
    return pair.id


def text(n: int) -> str:
    return f"Answer {n}, typed by keyboard"


# What a person types in each field, by the field's accessible name; None: Tab past it.
# "Space" / "Return" press the focused button, each "↓" is the Down arrow.
TYPED: dict[str, str | None] = {
    "Purpose of the mentoring relationship": text(1),
    **{
        name: value
        for n in (1, 2, 3)
        for name, value in (
            (f"Goal {n}: the goal", f"Goal {n}, in one line"),
            (f"Goal {n}: why it matters", "It serves program goal 1"),
            (f"Goal {n}: how we will know", "The manager says so"),
            # A closed combo box picks by the typed start: "2" is "2 – finding my feet".
            (f"Goal {n}: where I am today", str(n + 1)),
            (f"Goal {n}: target date", f"2027-0{n + 5}-30"),
            (f"Goal {n}: first steps", "Book the first session"),
            (f"Goal {n}: private to the pair", "Space" if n == 2 else None),
            (f"Remove goal {n}", None),
        )
    },
    "Add a SMART goal": "Space",
    "The mentor commits to": text(2),
    "The mentee commits to": text(3),
    "How often": "Mo",  # a closed combo box picks by the typed start: Monthly
    "Custom frequency": "and a call in between",
    "Length (minutes)": "60",
    "Format": "V",
    "Place or link": "Room 4.12 or Teams",
    "Who schedules": "↓↓",  # the mentor, then the mentee
    "Who sets the agenda": "B",
    "First meeting": "2027-02-03 18:30",
    "How we reach each other": "Teams chat",
    "Expected response time": "Two working days",
    "Notice if we must cancel": "24 hours",
    "What stays between us": text(4),
    "Exceptions (safety, law, ethics)": text(5),
    "What may be shared with managers or staff": text(6),
    "Boundaries and off-limits topics": text(7),
    "Add a troubleshooting plan": "Return",
    "Plan 1: if this happens": "A partner who goes silent",
    "Plan 1: we will": "Send one nudge, then call the coordinator",
    "Remove plan 1": None,
    "Plan 2: if this happens": "Repeated cancellations",
    "Plan 2: we will": "Talk about it at the next meeting",
    "Remove plan 2": None,
    "Review checkpoints (days after start)": "30, 90, 180",
    "How we give each other feedback": text(8),
    "End date": "2027-12-31",
    "Renewal": "Decide at 180 days",
    "We commit to the program": text(9),
}
LAST = "Mark this charter as signed"


def on_screen(editor: CharterEditor, widget: QWidget) -> bool:
    viewport = editor.viewport()
    shown = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().intersects(shown)


def test_the_whole_form_by_keyboard(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    editor = page.editor
    first = editor.field("purpose").input
    first.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[str] = []
    plans_added = 0
    while True:
        widget = QApplication.focusWidget()
        assert widget is not None
        name = widget.accessibleName()
        after = repr(visited[-1]) if visited else "the start"
        assert editor.widget().isAncestorOf(widget), f"Tab left the form after {after}"
        assert on_screen(editor, widget), f"{name!r} has focus but is scrolled out of view"
        visited.append(name)
        if name == LAST:
            break
        assert name in TYPED, f"unexpected stop {name!r} after {visited[-2]!r}"
        keys = TYPED[name]
        if name == "Add a troubleshooting plan" and plans_added == 2:
            keys = None  # two plans are enough: move on
        if keys in ("Space", "Return"):
            qtbot.keyClick(widget, Qt.Key.Key_Space if keys == "Space" else Qt.Key.Key_Return)
            plans_added += name == "Add a troubleshooting plan"
            if name != "Goal 2: private to the pair":
                continue  # the button moved the focus to what it added
        elif keys is not None and keys.startswith("↓"):
            for _ in keys:
                qtbot.keyClick(widget, Qt.Key.Key_Down)
        elif keys is not None:
            qtbot.keyClicks(widget, keys)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        assert len(visited) < 200, "Tab goes round in circles"

    assert visited == _reading_order()

    charter = demo.charters.charter(pid(demo))
    empty = [f.name for f in CHARTER_COLUMNS if charter.fields[f.name] in (None, "")]
    assert empty == []
    assert charter.fields["meeting_frequency"] == "monthly"
    assert charter.fields["meeting_minutes"] == 60
    assert charter.fields["meeting_format"] == "video"
    assert charter.fields["who_schedules"] == "mentee"
    assert charter.fields["who_sets_agenda"] == "both"
    assert charter.fields["first_meeting"] == "2027-02-03T18:30"
    assert charter.fields["end_date"] == "2027-12-31"
    assert len(charter.goals) == 3
    for goal in charter.goals:
        assert all(getattr(goal, part) for part, _ in GOAL_PARTS)
    assert [g.private for g in charter.goals] == [False, True, False]
    assert [g.baseline for g in charter.goals] == ["2", "3", "4"]
    assert [(p.scenario, p.plan) for p in charter.plans] == [
        ("A partner who goes silent", "Send one nudge, then call the coordinator"),
        ("Repeated cancellations", "Talk about it at the next meeting"),
    ]
    overview = demo.charters.overview(pair_id=pid(demo))[0]
    assert overview.complete, overview.missing
    assert page.list_model.rows()[page.list_model.row_of(pid(demo))].complete


def _reading_order() -> list[str]:
    """The form as it reads. "Add a SMART goal" comes after goals 1 and 2 (after goal 3 it is
    disabled, so skipped), "Add a troubleshooting plan" before and after each plan."""
    order: list[str] = ["Purpose of the mentoring relationship"]
    for n in (1, 2, 3):
        order += [
            f"Goal {n}: the goal",
            f"Goal {n}: why it matters",
            f"Goal {n}: how we will know",
            f"Goal {n}: where I am today",
            f"Goal {n}: target date",
            f"Goal {n}: first steps",
            f"Goal {n}: private to the pair",
            f"Remove goal {n}",
        ]
        if n < 3:
            order.append("Add a SMART goal")
    order += [
        "The mentor commits to",
        "The mentee commits to",
        "How often",
        "Custom frequency",
        "Length (minutes)",
        "Format",
        "Place or link",
        "Who schedules",
        "Who sets the agenda",
        "First meeting",
        "How we reach each other",
        "Expected response time",
        "Notice if we must cancel",
        "What stays between us",
        "Exceptions (safety, law, ethics)",
        "What may be shared with managers or staff",
        "Boundaries and off-limits topics",
        "Add a troubleshooting plan",
        "Plan 1: if this happens",
        "Plan 1: we will",
        "Remove plan 1",
        "Add a troubleshooting plan",
        "Plan 2: if this happens",
        "Plan 2: we will",
        "Remove plan 2",
        "Add a troubleshooting plan",
        "Review checkpoints (days after start)",
        "How we give each other feedback",
        "End date",
        "Renewal",
        "We commit to the program",
        LAST,
    ]
    return order


def test_every_focusable_widget_in_the_form_has_a_name(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    editor = page.editor
    qtbot.mouseClick(editor.plans.add, Qt.MouseButton.LeftButton)  # a plan row, made later
    for widget in editor.findChildren(DateField):
        widget.open_calendar()  # each calendar, made when first opened
        assert widget.popup is not None
        widget.popup.close()
    assert unnamed(page) == []  # the form, and the page's buttons around it
