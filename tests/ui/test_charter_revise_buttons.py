"""At a re-launch, a person revises a signed charter as version 2 with the app's buttons,
edits it, and marks it as signed again; the file keeps version 1 and its signatures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.sign import SignDialog
from workshop_app.ui.pages.charters import ChartersPage


@pytest.fixture
def demo(tmp_path: Path):
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    if wf.conn is not None:
        wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile):
    p = ChartersPage(["A partner who goes silent", "Repeated cancellations"])
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.set_workshop(demo)
    return p


def button(widget, name: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.accessibleName() == name)


def when_modal(kind: type, act) -> None:
    """Once a modal dialog of `kind` is up, do `act` to it (as the person would)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(20, attempt)


def test_revise_edit_and_sign_again_as_version_2(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    p01 = demo.roster.pair_by_code("P01")
    assert p01 is not None
    page.select_pair(p01.id)
    editor = page.editor
    revise = button(editor, "Revise as version 2")
    assert revise.isVisible() and "Signed v1" in editor.signature_banner.text()

    asked: list[str] = []

    def confirm(box: QMessageBox) -> None:
        asked.append(box.text() + " " + box.informativeText())
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: Revise as version 2

    when_modal(QMessageBox, confirm)
    qtbot.mouseClick(revise, Qt.MouseButton.LeftButton)
    assert "Revise the charter of P01 as version 2?" in asked[0]
    assert "Version 1 and its signatures stay in the file" in asked[0]
    charter = demo.charters.charter(p01.id)
    assert (charter.version, charter.signed_version) == (2, 1)
    assert not revise.isVisible()
    assert "this is version 2" in editor.signature_banner.text()

    goal = editor.goals.boxes[0].parts["goal"].input
    goal.setFocus()
    qtbot.keyClick(goal, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(goal, "Run the June planning review on my own")
    qtbot.keyClick(goal, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not editor.saver.pending, timeout=3000)
    assert demo.charters.goals(p01.id)[0].goal == "Run the June planning review on my own"

    def sign(dialog: SignDialog) -> None:
        qtbot.mouseClick(button(dialog, "Mark as signed"), Qt.MouseButton.LeftButton)

    when_modal(SignDialog, sign)
    sign_button = button(editor, "Mark this charter as signed")
    editor.ensureWidgetVisible(sign_button)
    qtbot.mouseClick(sign_button, Qt.MouseButton.LeftButton)

    charter = demo.charters.charter(p01.id)
    assert (charter.version, charter.signed_version) == (2, 2)
    assert sorted((s.version, s.role) for s in charter.signoffs) == [
        (1, "coordinator"), (1, "mentee"), (1, "mentor"),
        (2, "coordinator"), (2, "mentee"), (2, "mentor"),
    ]  # fmt: skip
    first = demo.charters.signed_snapshot(p01.id, 1)
    second = demo.charters.signed_snapshot(p01.id, 2)
    assert first is not None and second is not None
    assert first["goals"][0]["goal"] != second["goals"][0]["goal"]
    assert second["goals"][0]["goal"] == "Run the June planning review on my own"
    # Signed again: the banner offers the next revision, version 3.
    assert button(editor, "Revise as version 3").isVisible()


def test_cancel_leaves_the_signed_version(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    p01 = demo.roster.pair_by_code("P01")
    assert p01 is not None
    page.select_pair(p01.id)
    when_modal(QMessageBox, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape))
    qtbot.mouseClick(button(page.editor, "Revise as version 2"), Qt.MouseButton.LeftButton)
    assert demo.charters.charter(p01.id).version == 1


def test_an_unsigned_charter_has_no_revise_button(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    p02 = demo.roster.pair_by_code("P02")
    assert p02 is not None
    page.select_pair(p02.id)
    assert not page.editor.signature_bar.isVisible()
