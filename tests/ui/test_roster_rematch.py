"""Re-matching on the Roster page: the partner of a closed pair shows as not in a pair, and is
paired with a new mentor from the keyboard; the closed pair stays, its closure re-matched."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.ui.test_roster_page import demo, make_page, reopened, row_of, when_shown
from workshop_app.core.followup import closing
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.participant import MakePairDialog

__all__ = ["demo", "when_shown"]  # the fixtures, used by name


def test_the_mentee_of_a_closed_pair_is_paired_with_a_new_mentor(  # type: ignore[no-untyped-def]
    qtbot, demo: WorkshopFile, when_shown
) -> None:
    p03 = demo.roster.pair_by_code("P03")
    assert p03 is not None
    closing.close_pairing(demo, p03.id, closed_on=date(2027, 3, 3), reason="Moved abroad",
                          asked_by="mentor", rematched=False, today=date(2027, 4, 1))  # fmt: skip
    mentee = demo.roster.participant(p03.mentee_id)
    zoe = demo.roster.add_participant(role="mentor", name="Zoe Adler", email="zoe@x.example")
    page = make_page(qtbot, demo)
    page.role_filter.setCurrentIndex(page.role_filter.findText("Not in a pair"))
    assert page.participants_proxy.rowCount() == 3  # P03's two partners and Zoe
    page.people_table.setFocus()
    page.people_table.selectRow(row_of(page.people_table, mentee.name))
    offered: list[object] = []

    def make(dialog: QWidget) -> None:
        assert isinstance(dialog, MakePairDialog)
        qtbot.keyClicks(dialog.mentor, "Zoe")
        offered.extend([dialog.mentor.currentData(), dialog.mentee.currentData()])
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(MakePairDialog, make)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(
            page,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert offered == [zoe.id, mentee.id]
    _, pairs = reopened(demo)
    new = [p for p in pairs if p.mentee_id == mentee.id and not p.closed_on]
    assert [(p.code, p.mentor_id) for p in new] == [("P13", zoe.id)]
    assert [p.closed_on for p in pairs if p.id == p03.id] == ["2027-03-03"]
    found = closing.closure(demo.conn, p03.id)
    assert found is not None and found.rematched
    assert page.participants_proxy.rowCount() == 1  # only P03's mentor is left to re-match
