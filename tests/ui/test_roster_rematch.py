"""Re-matching on the Roster page: the partner of a closed pair shows as not in a pair, and is
paired with a new mentor from the keyboard; the closed pair stays, its closure re-matched."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView

from workshop_app.core.demo import create_demo
from workshop_app.core.followup import closing
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.participant import MakePairDialog
from workshop_app.ui.pages.roster import RosterPage
from workshop_app.ui.widgets.roster_models import NAME


def when_shown(qtbot, act: Callable[[MakePairDialog], None]) -> None:  # type: ignore[no-untyped-def]
    """Run `act` on the Make pair dialog once it is open (it blocks the test while open)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, MakePairDialog) and widget.isVisible():
            try:
                widget.activateWindow()  # as the window manager would
                qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
                act(widget)
            finally:
                widget.close()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def row_of(table: QTableView, name: str) -> int:
    model = table.model()
    rows = [r for r in range(model.rowCount()) if model.index(r, NAME).data() == name]
    assert rows, f"{name} is not shown"
    return rows[0]


def test_the_mentee_of_a_closed_pair_is_paired_with_a_new_mentor(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    demo = create_demo(tmp_path / "demo.workshop")
    qtbot.addWidget(page := RosterPage())
    try:
        _re_match(qtbot, demo, page)
    finally:
        demo.close()


def _re_match(qtbot, demo: WorkshopFile, page: RosterPage) -> None:  # type: ignore[no-untyped-def]
    p03 = demo.roster.pair_by_code("P03")
    assert p03 is not None
    closing.close_pairing(demo, p03.id, closed_on=date(2027, 3, 3), reason="Moved abroad",
                          asked_by="mentor", rematched=False, today=date(2027, 4, 1))  # fmt: skip
    mentee = demo.roster.participant(p03.mentee_id)
    zoe = demo.roster.add_participant(role="mentor", name="Zoe Adler", email="zoe@x.example")
    page.resize(1100, 720)
    page.set_workshop(demo)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.role_filter.setCurrentIndex(page.role_filter.findText("Not in a pair"))
    assert page.participants_proxy.rowCount() == 3  # P03's two partners and Zoe
    page.people_table.setFocus()
    page.people_table.selectRow(row_of(page.people_table, mentee.name))
    offered: list[object] = []

    def make(dialog: MakePairDialog) -> None:
        qtbot.keyClicks(dialog.mentor, "Zoe")
        offered.extend([dialog.mentor.currentData(), dialog.mentee.currentData()])
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(qtbot, make)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(
            page,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert offered == [zoe.id, mentee.id]
    with WorkshopFile.open(demo.path, readonly=True) as other:  # what was saved
        pairs = other.roster.pairs()
    new = [p for p in pairs if p.mentee_id == mentee.id and not p.closed_on]
    assert [(p.code, p.mentor_id) for p in new] == [("P13", zoe.id)]
    assert [p.closed_on for p in pairs if p.id == p03.id] == ["2027-03-03"]
    found = closing.closure(demo.conn, p03.id)
    assert found is not None and found.rematched
    assert page.participants_proxy.rowCount() == 1  # only P03's mentor is left to re-match
    model = page.pairs_proxy
    shown = {
        model.index(r, 0).data(): (model.index(r, 2).data(), model.index(r, 3).data())
        for r in range(model.rowCount())
    }
    assert shown["P03"] == (mentee.name, "3 March 2027") and shown["P13"] == (mentee.name, "")
