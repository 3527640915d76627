"""Undo and redo in the charter form: undoing back to the signed text makes the charter the
signed version again, and each undo shows what it changed (scrolled to, focused, named in
the status bar)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.widgets.charter_editor import CharterEditor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def demo(tmp_path: Path):
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile) -> ChartersPage:
    p = ChartersPage(["A partner who goes silent"])
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    p.set_workshop(demo)
    return p


@pytest.fixture
def status(page: ChartersPage) -> list[str]:
    seen: list[str] = []
    page.status.connect(seen.append)
    return seen


def pair(wf: WorkshopFile, code: str) -> str:
    found = wf.roster.pair_by_code(code)
    assert found is not None
    return found.id


def on_screen(editor: CharterEditor, widget: QWidget) -> bool:
    viewport = editor.viewport()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


def row_state(page: ChartersPage, pid: str) -> str:
    return page.list_model.rows()[page.list_model.row_of(pid)].signature_state


def test_undoing_back_to_the_signed_text_is_the_signed_version_again(
    qtbot, page: ChartersPage, demo: WorkshopFile, status: list[str]
) -> None:
    pid = pair(demo, "P01")  # the demo's signed charter
    page.select_pair(pid)
    signed = demo.charters.charter(pid)
    assert (signed.version, signed.signed_version) == (1, 1)
    renewal = page.editor.field("renewal").input
    renewal.setFocus()
    renewal.end(False)
    qtbot.keyClicks(renewal, " Or part as friends.")
    qtbot.keyClick(renewal, Qt.Key.Key_Tab)
    assert demo.charters.charter(pid).version == 2
    assert row_state(page, pid) == "signed v1, edited since"
    assert "Edited since" in page.editor.signature_banner.text()

    renewal.setFocus()
    qtbot.keyClick(renewal, Qt.Key.Key_Z, CTRL)
    back = demo.charters.charter(pid)
    assert back.fields == signed.fields
    assert back.version == 1 and not back.edited_since_signing
    assert row_state(page, pid) == "signed v1"
    assert "Edited since" not in page.editor.signature_banner.text()
    assert page.editor.signature_banner.text().startswith("Signed v1")
    assert not page.editor.sign_button.isEnabled()  # v1 is signed already
    assert status[-1] == "Undid: change to “Renewal”"

    qtbot.keyClick(renewal, Qt.Key.Key_Z, CTRL | SHIFT)
    assert demo.charters.charter(pid).version == 2
    assert row_state(page, pid) == "signed v1, edited since"
    assert status[-1] == "Redid: change to “Renewal”"


def test_an_edit_that_differs_from_what_was_signed_stays_a_new_version(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    pid = pair(demo, "P01")
    page.select_pair(pid)
    renewal = page.editor.field("renewal").input
    renewal.setFocus()
    renewal.end(False)
    qtbot.keyClicks(renewal, " Or part as friends.")
    qtbot.keyClick(renewal, Qt.Key.Key_Tab)
    purpose = page.editor.field("purpose").input
    purpose.setFocus()
    qtbot.keyClicks(purpose, " And more.")
    qtbot.keyClick(purpose, Qt.Key.Key_Tab)
    qtbot.keyClick(purpose, Qt.Key.Key_Z, CTRL)  # the purpose is back; the renewal is not
    charter = demo.charters.charter(pid)
    assert charter.version == 2 and charter.edited_since_signing
    assert row_state(page, pid) == "signed v1, edited since"


def test_an_undo_scrolls_to_the_field_it_changed_and_says_so(
    qtbot, page: ChartersPage, demo: WorkshopFile, status: list[str]
) -> None:
    pid = pair(demo, "P11")
    page.select_pair(pid)
    editor = page.editor
    last = editor.field("program_commitments").input
    last.setFocus()
    qtbot.keyClicks(last, "Answer every survey")
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    first = editor.field("purpose").input
    first.setFocus()  # back at the top: the changed field is far below
    qtbot.waitUntil(lambda: not on_screen(editor, last))
    qtbot.keyClick(first, Qt.Key.Key_Z, CTRL)
    assert demo.charters.charter(pid).value("program_commitments") == ""
    assert last.hasFocus()
    assert on_screen(editor, last)
    assert status[-1] == "Undid: change to “We commit to the program”"


def test_undoing_a_removed_plan_puts_it_back_in_view(
    qtbot, page: ChartersPage, demo: WorkshopFile, status: list[str]
) -> None:
    pid = pair(demo, "P02")
    page.select_pair(pid)
    editor = page.editor
    before = [(p.scenario, p.plan) for p in demo.charters.plans(pid)]
    remove = next(
        b
        for b in editor.findChildren(QPushButton)
        if b.accessibleName() == "Remove plan 1" and b.isVisible()
    )
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert len(demo.charters.plans(pid)) == len(before) - 1
    editor.field("purpose").input.setFocus()
    qtbot.keyClick(editor.field("purpose").input, Qt.Key.Key_Z, CTRL)
    assert [(p.scenario, p.plan) for p in demo.charters.plans(pid)] == before
    restored = editor.plans.rows[0].scenario
    assert restored.hasFocus() and on_screen(editor, restored)
    assert status[-1] == "Undid: removing a troubleshooting plan"


def test_undo_to_signed_is_kept_in_the_audit_trail(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    pid = pair(demo, "P01")
    page.select_pair(pid)
    renewal = page.editor.field("renewal").input
    renewal.setFocus()
    qtbot.keyClicks(renewal, "x")
    qtbot.keyClick(renewal, Qt.Key.Key_Tab)
    renewal.setFocus()
    qtbot.keyClick(renewal, Qt.Key.Key_Z, CTRL)
    changes = demo.conn.execute(
        "SELECT old_value, new_value FROM audit WHERE pair_id = ? AND field = 'version'"
        " ORDER BY seq",
        (pid,),
    ).fetchall()
    assert [(str(o), str(n)) for o, n in changes][-2:] == [("1", "2"), ("2", "1")]


def test_an_undo_the_file_refuses_says_so_and_shows_the_file(
    qtbot, page: ChartersPage, demo: WorkshopFile, status: list[str]
) -> None:
    pid = pair(demo, "P11")
    page.select_pair(pid)
    field = page.editor.field("purpose").input
    field.setFocus()
    long_text = "A purpose long enough to need pages of its own. " * 400
    qtbot.keyClicks(field, "short")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    demo.charters.set_field(pid, "purpose", long_text)  # typed elsewhere, say
    page.editor.show_charter()
    (pages,) = demo.conn.execute("PRAGMA page_count").fetchone()
    demo.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert status[-1].startswith("Could not undo: The disk holding demo.workshop is full")
    assert demo.charters.charter(pid).value("purpose") == long_text
    assert page.editor.field("purpose").value() == long_text
    assert not page.editor.undo_stack.canRedo()
