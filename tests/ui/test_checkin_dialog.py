"""Check-in at the door, as the facilitator does it: type part of a name, press Enter; then a
look at the workshop file. Opened from the runner's Check in… button."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from workshop_app.core.content.library import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs import checkin as checkin_dialog
from workshop_app.ui.dialogs.checkin import CheckInDialog
from workshop_app.ui.pages.runner import RunnerPage


@pytest.fixture
def wf(tmp_path: Path):
    w = create_demo(tmp_path / "door.workshop")
    with w.transaction():  # nobody has arrived yet
        for person in w.roster.participants():
            w.roster.set_attendance(person.id, None)
    yield w
    w.close()


@pytest.fixture
def dialog(qtbot, wf: WorkshopFile) -> CheckInDialog:
    d = CheckInDialog(wf)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


LEFT = Qt.MouseButton.LeftButton


def person(wf: WorkshopFile, name: str):
    return next(p for p in wf.roster.participants() if p.name == name)


def button(d: CheckInDialog, name: str) -> QAbstractButton:
    return next(b for b in d.findChildren(QAbstractButton) if b.accessibleName() == name)


def type_and_enter(qtbot, d: CheckInDialog, text: str) -> None:
    qtbot.keyClicks(d.name_field, text)
    qtbot.keyClick(d.name_field, Qt.Key.Key_Return)


def when_modal(kind: type, act: Callable[[object], None]) -> None:
    """Once a modal `kind` is up, `act` on it (the way a person answers a question box)."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, kind):
            act(box)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def test_enter_checks_in_the_one_person_the_name_finds(qtbot, dialog, wf) -> None:
    """The issue: "fati" + Enter ran "Mark everyone not ticked as absent"."""
    type_and_enter(qtbot, dialog, "fati")
    fatima = person(wf, "Fatima Al-Sayed")
    assert fatima.present is True and fatima.checked_in_at
    at = datetime.fromisoformat(fatima.checked_in_at).astimezone()
    assert dialog.message.text() == f"Fatima Al-Sayed checked in at {at:%H:%M}."
    assert dialog.name_field.text() == ""  # ready for the next arrival
    assert all(p.present is not False for p in wf.roster.participants())  # nobody absent
    assert dialog.isVisible()
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.findChildren(QAbstractButton)
                   if hasattr(b, "isDefault"))  # fmt: skip
    assert "1 of 24 here" in dialog.summary.text()


def test_several_matches_wait_for_a_choice(qtbot, dialog, wf) -> None:
    type_and_enter(qtbot, dialog, "ma")  # Margaret, Marcus, Martin, Mwangi, Rahman, ...
    matched = len(dialog.visible_matches())
    assert matched > 1
    assert dialog.message.text() == f"{matched} people match: keep typing, or press Down to choose."
    assert not any(p.present for p in wf.roster.participants())
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Down)
    chosen = dialog.list.currentItem().text()
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)
    here = [p for p in wf.roster.participants() if p.present]
    assert len(here) == 1 and chosen.startswith(here[0].name)
    assert dialog.message.text().startswith(f"{here[0].name} checked in at")
    type_and_enter(qtbot, dialog, "zzz")
    assert dialog.message.text() == "Nobody matches “zzz”."


def test_accents_and_capitals_do_not_matter(qtbot, dialog, wf) -> None:
    type_and_enter(qtbot, dialog, "CHLOE")
    assert person(wf, "Chloé Martin").present is True


def test_a_wrong_check_in_is_undone_in_one_click(qtbot, dialog, wf) -> None:
    type_and_enter(qtbot, dialog, "ravi")
    assert person(wf, "Ravi Patel").present is True
    assert button(dialog, "Undo this check-in").isVisible()
    qtbot.mouseClick(button(dialog, "Undo this check-in"), Qt.MouseButton.LeftButton)
    ravi = person(wf, "Ravi Patel")
    assert ravi.present is None and ravi.checked_in_at is None
    assert dialog.message.text() == "Ravi Patel's check-in is undone."
    type_and_enter(qtbot, dialog, "ravi")
    type_and_enter(qtbot, dialog, "ravi")  # twice: says so, changes nothing, clears the field
    assert dialog.message.text().startswith("Ravi Patel is already checked in")
    assert dialog.name_field.text() == "" and not button(dialog, "Undo this check-in").isVisible()
    # Unticking in the list undoes a check-in too.
    type_and_enter(qtbot, dialog, "")
    dialog.list.setFocus()
    row = next(i for i in range(dialog.list.count()) if "Ravi" in dialog.list.item(i).text())
    dialog.list.setCurrentRow(row)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert person(wf, "Ravi Patel").present is None


def test_marking_the_rest_absent_asks_first(qtbot, dialog, wf) -> None:
    type_and_enter(qtbot, dialog, "fati")
    absent = button(dialog, "Mark everyone not ticked as absent")
    when_modal(QMessageBox, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    qtbot.mouseClick(absent, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Nobody was marked absent."  # Enter: the safe answer
    assert not any(p.present is False for p in wf.roster.participants())
    when_modal(QMessageBox, lambda box: qtbot.mouseClick(button(box, "Mark as absent"), LEFT))
    qtbot.mouseClick(absent, Qt.MouseButton.LeftButton)
    people = wf.roster.participants()
    assert sum(1 for p in people if p.present is False) == 23
    assert person(wf, "Fatima Al-Sayed").present is True
    assert dialog.message.text() == "23 people marked absent."


def test_from_the_runner_and_in_a_rehearsal_nothing_is_saved(qtbot, wf) -> None:
    evening = FakeClock(datetime.fromisoformat("2027-01-18T18:00:00+00:00"))
    page = RunnerPage(load_library(), clock=evening)
    qtbot.addWidget(page)
    page.show()
    page.set_workshop(wf)
    assert page.rehearsing
    mark = wf.change_mark()
    seen: list[str] = []

    def at_the_door(d: object) -> None:
        assert isinstance(d, CheckInDialog)
        type_and_enter(qtbot, d, "fati")
        seen.append(d.message.text())
        seen.append(d.summary.text())
        qtbot.keyClick(d, Qt.Key.Key_Escape)

    when_modal(CheckInDialog, at_the_door)
    button_ = next(
        b
        for b in page.findChildren(QAbstractButton)
        if b.accessibleName() == "Check in arrivals, print the sign-in sheet"
    )
    qtbot.mouseClick(button_, Qt.MouseButton.LeftButton)
    assert seen[0].startswith("Fatima Al-Sayed checked in at")
    assert "rehearsal: nothing is saved" in seen[1]
    assert wf.change_mark() == mark and person(wf, "Fatima Al-Sayed").present is None
    page.set_workshop(None)


def test_the_sign_in_sheet_from_the_dialog(qtbot, dialog, wf, tmp_path, monkeypatch) -> None:
    out = tmp_path / "printed" / "sheet"
    out.parent.mkdir()
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter):  # the file dialog, answered
        asked.append(suggested)
        return str(out), "PDF files (*.pdf)"

    opened: list[Path] = []

    def open_file(path: Path) -> bool:  # the system's PDF viewer
        opened.append(path)
        return True

    monkeypatch.setattr(checkin_dialog.QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(checkin_dialog, "open_file", open_file)
    sheet = button(dialog, "Print the sign-in sheet (PDF)")
    qtbot.mouseClick(sheet, Qt.MouseButton.LeftButton)
    assert asked[0].endswith("Sign-in sheet - Accelerate Mentoring Program.pdf")
    assert not sheet.isEnabled() and dialog.message.text() == "Preparing the sign-in sheet…"
    type_and_enter(qtbot, dialog, "ravi")  # the dialog goes on working meanwhile
    assert person(wf, "Ravi Patel").present is True
    qtbot.waitUntil(lambda: bool(opened), timeout=120_000)
    pdf = out.with_suffix(".pdf")
    assert opened == [pdf] and sheet.isEnabled()
    assert dialog.message.text() == f"The sign-in sheet is saved as {pdf}; it opens for printing."
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    for p in wf.roster.participants():
        assert p.name in text
