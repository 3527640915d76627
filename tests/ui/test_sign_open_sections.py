"""Signing a charter with sections still open (defect 13): the dialog lists them and asks
whether the pair completed them by hand on the paper copy, with no answer chosen and no way to
sign until one is; the answer is kept with the signatures in the workshop file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QRadioButton

from workshop_app.core.charter_fields import SECTION_BY_KEY
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.sign import SignDialog
from workshop_app.ui.pages.charters import ChartersPage

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def demo(tmp_path: Path):
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile) -> ChartersPage:
    p = ChartersPage([])
    qtbot.addWidget(p)
    p.show()
    p.set_workshop(demo)
    return p


def pair_id(wf: WorkshopFile, code: str) -> str:
    pair = wf.roster.pair_by_code(code)
    assert pair is not None
    return pair.id


def open_numbers(wf: WorkshopFile, pid: str) -> str:
    missing = wf.charters.overview(pair_id=pid)[0].missing
    return ",".join(str(SECTION_BY_KEY[k].number) for k in missing)


def button(box: SignDialog, name: str) -> QPushButton:
    return next(b for b in box.findChildren(QPushButton) if b.accessibleName() == name)


def radio(box: SignDialog, name: str) -> QRadioButton:
    return next(b for b in box.findChildren(QRadioButton) if b.accessibleName() == name)


def in_the_dialog(qtbot, act: Callable[[SignDialog], None], seen: list[SignDialog]) -> None:  # type: ignore[no-untyped-def]
    """Run `act` on the sign dialog once it is open (modal: page.sign() waits for it)."""

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, SignDialog):
            QTimer.singleShot(20, attempt)
            return
        seen.append(box)
        try:
            act(box)
        except BaseException:
            box.reject()  # a failed check must not leave the modal dialog waiting
            raise

    QTimer.singleShot(0, attempt)


def signoffs(path: Path, pid: str) -> set[tuple[str, int | None, str]]:
    """What the workshop file holds, read as another program would."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT role, paper_completed, open_sections FROM signoffs WHERE pair_id = ?", (pid,)
        ).fetchall()
    finally:
        conn.close()
    return set(rows)


def test_completed_on_paper_chosen_by_keyboard(  # type: ignore[no-untyped-def]
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    pid = pair_id(demo, "P06")  # partly filled in
    numbers = open_numbers(demo, pid)
    assert numbers  # the demo's P06 has sections open
    seen: list[SignDialog] = []

    def act(box: SignDialog) -> None:
        ok = button(box, "Mark as signed")
        assert not ok.isEnabled()  # no answer chosen: nothing to sign yet
        assert all(not b.isChecked() for b in box.findChildren(QRadioButton))
        listed = box.open_list.text()
        for number in numbers.split(","):
            assert f"{number} {SECTION_BY_KEY_BY_NUMBER[int(number)]}" in listed
        assert unnamed(box) == []
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        qtbot.keyClick(box.mentor, Qt.Key.Key_Return)  # Enter does not sign unanswered
        assert box.isVisible()
        qtbot.keyClick(box.mentor, Qt.Key.Key_Y, ALT)  # the underlined Y of "Yes"
        yes = radio(box, "Yes, completed on paper")
        qtbot.waitUntil(yes.isChecked)  # a mnemonic clicks the button as a press would
        assert yes.hasFocus() and ok.isEnabled()
        qtbot.keyClick(box.mentor, Qt.Key.Key_Return)

    in_the_dialog(qtbot, act, seen)
    page.sign(pid)
    assert seen
    assert signoffs(demo.path, pid) == {
        (role, 1, numbers) for role in ("mentor", "mentee", "coordinator")
    }


def test_left_open_chosen_with_the_mouse(  # type: ignore[no-untyped-def]
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    pid = pair_id(demo, "P11")  # nothing filled in
    seen: list[SignDialog] = []

    def act(box: SignDialog) -> None:
        qtbot.mouseClick(radio(box, "No, left open"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(button(box, "Mark as signed"), Qt.MouseButton.LeftButton)

    in_the_dialog(qtbot, act, seen)
    page.sign(pid)
    assert seen
    numbers = "2,3,4,5,6,7,8,9,10,11"
    assert signoffs(demo.path, pid) == {
        (role, 0, numbers) for role in ("mentor", "mentee", "coordinator")
    }


def test_cancel_records_nothing(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:  # type: ignore[no-untyped-def]
    pid = pair_id(demo, "P06")
    seen: list[SignDialog] = []

    def act(box: SignDialog) -> None:
        qtbot.mouseClick(radio(box, "Yes, completed on paper"), Qt.MouseButton.LeftButton)
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    in_the_dialog(qtbot, act, seen)
    page.sign(pid)
    assert seen
    assert signoffs(demo.path, pid) == set()


def test_a_complete_charter_is_not_asked_about(  # type: ignore[no-untyped-def]
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    pid = pair_id(demo, "P03")  # complete, not signed
    seen: list[SignDialog] = []

    def act(box: SignDialog) -> None:
        assert box.findChildren(QRadioButton) == []
        qtbot.mouseClick(button(box, "Mark as signed"), Qt.MouseButton.LeftButton)

    in_the_dialog(qtbot, act, seen)
    page.sign(pid)
    assert seen
    assert signoffs(demo.path, pid) == {
        (role, None, "") for role in ("mentor", "mentee", "coordinator")
    }


def test_the_question_fits_the_screen_with_every_section_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    opened = [(s.number, s.title) for s in SECTION_BY_KEY.values() if s.fields]
    d = SignDialog(
        code="P11",
        version=1,
        mentor="Yuki Tanaka-Fitzgerald",
        mentee="Ben Carter",
        coordinator="Anita Kaur (People & Culture, Leeds site)",
        workshop_date="2027-01-19",
        open_sections=opened,
    )
    qtbot.addWidget(d)
    d.show()
    # A 1366x768 screen at 1.5x scaling is 910x512 device-independent pixels.
    assert d.sizeHint().width() <= 900 and d.sizeHint().height() <= 500


SECTION_BY_KEY_BY_NUMBER = {s.number: s.title for s in SECTION_BY_KEY.values()}
