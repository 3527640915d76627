"""The roster page, driven as a trainer would: shortcuts, ticks, dialogs, then the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.participant import MakePairDialog, ParticipantDialog
from workshop_app.ui.dialogs.roster_import import ImportDialog
from workshop_app.ui.pages.roster import RosterPage
from workshop_app.ui.widgets.roster_models import HERE, NAME, PAIR

ROSTERS = Path(__file__).parents[1] / "data" / "rosters"


@pytest.fixture
def demo(tmp_path: Path):  # type: ignore[no-untyped-def]
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


def make_page(qtbot, wf: WorkshopFile) -> RosterPage:  # type: ignore[no-untyped-def]
    page = RosterPage()
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.set_workshop(wf)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def page(qtbot, demo: WorkshopFile) -> RosterPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, demo)


@pytest.fixture
def when_shown(qtbot):  # type: ignore[no-untyped-def]
    """`when_shown(kind, act)`: run `act` on the next modal `kind` to open (it blocks the test).

    Waiting stops at the end of the test, so a dialog that never opened cannot be answered by
    a later test's handler.
    """
    stopped = [False]

    def when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        def poll() -> None:
            if stopped[0]:
                return
            widget = QApplication.activeModalWidget()
            if isinstance(widget, kind) and widget.isVisible():
                try:
                    widget.activateWindow()  # as the window manager would
                    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
                    act(widget)
                finally:
                    widget.close()  # whatever `act` did, the test must not hang on it
            else:
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)

    yield when_shown
    stopped[0] = True


def back_to(qtbot, page: RosterPage) -> None:  # type: ignore[no-untyped-def]
    """The window manager's part: the window is active again once a dialog has closed."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def press(box: QWidget, text: str) -> None:
    assert isinstance(box, QMessageBox)
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def reopened(wf: WorkshopFile):  # type: ignore[no-untyped-def]
    other = WorkshopFile.open(wf.path, readonly=True)
    try:
        return {p.name: p for p in other.roster.participants()}, other.roster.pairs()
    finally:
        other.close()


def row_of(table: QTableView, name: str) -> int:
    model = table.model()
    rows = [r for r in range(model.rowCount()) if model.index(r, NAME).data() == name]
    assert rows, f"{name} is not shown"
    return rows[0]


def button_named(page: RosterPage, name: str) -> QWidget:
    found = [w for w in page.findChildren(QWidget) if w.accessibleName() == name]
    assert found, name
    return found[0]


def select(page: RosterPage, name: str) -> None:
    page.people_table.setFocus()
    page.people_table.selectRow(row_of(page.people_table, name))


def test_shows_everyone_and_every_pair(page: RosterPage) -> None:
    assert page.participants_proxy.rowCount() == 24
    assert page.pairs_proxy.rowCount() == 12
    assert page.people_count.text() == "24 participants, 23 here"
    ravi = row_of(page.people_table, "Ravi Patel")
    assert page.participants_proxy.index(ravi, HERE).data() == "absent"
    assert page.participants_proxy.index(ravi, PAIR).data() == "P12"


def test_filter_and_role_narrow_the_rows(page: RosterPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter.hasFocus()
    qtbot.keyClicks(page.filter, "sales")
    names = {page.participants_proxy.index(r, NAME).data() for r in range(2)}
    assert page.participants_proxy.rowCount() == 2 and names == {"Patricia Dunne", "Ravi Patel"}
    assert "showing 2" in page.people_count.text()
    page.filter.clear()
    page.role_filter.setCurrentIndex(page.role_filter.findText("Mentors"))
    assert page.participants_proxy.rowCount() == 12
    qtbot.keyClicks(page.filter, "P03")
    assert page.participants_proxy.rowCount() == 1
    assert page.pairs_proxy.rowCount() == 1


def test_clicking_a_header_sorts(page: RosterPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    header = page.people_table.horizontalHeader()
    x = header.sectionViewportPosition(PAIR) + header.sectionSize(PAIR) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    proxy = page.participants_proxy
    first = [proxy.index(r, PAIR).data() for r in range(4)]
    assert first == ["P01", "P01", "P02", "P02"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert proxy.index(0, PAIR).data() == "P12"


def test_names_sort_as_people_alphabetise_them(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wf = WorkshopFile.create(
        tmp_path / "names.workshop", program="P", organisation="O", date="2027-01-19"
    )
    for name in ("Thomas Bäcker", "Özlem Yılmaz", "Zoe Adams", "Élodie Martin", "oscar Ruiz"):
        wf.roster.add_participant(role="mentee", name=name, email=f"{name[:3]}@example.org")
    page = make_page(qtbot, wf)
    header = page.people_table.horizontalHeader()
    x = header.sectionViewportPosition(NAME) + header.sectionSize(NAME) // 2
    proxy = page.participants_proxy
    names = lambda: [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]  # noqa: E731
    expected = ["Élodie Martin", "oscar Ruiz", "Özlem Yılmaz", "Thomas Bäcker", "Zoe Adams"]
    assert names() == expected  # by name from the start
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert names() == expected[::-1]
    # The exports and the sign-in sheet list people in the same order.
    assert [p.name for p in wf.roster.participants()] == expected
    wf.close()


def test_ticking_here_saves_at_once(page: RosterPage, qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    table = page.people_table
    index = table.model().index(row_of(table, "Ravi Patel"), HERE)
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = table.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = table.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table
    )
    with qtbot.waitSignal(page.saved):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    people, _ = reopened(demo)
    assert people["Ravi Patel"].present is True
    assert page.people_count.text() == "24 participants, 24 here"
    select(page, "Ravi Patel")
    qtbot.keyClick(table, Qt.Key.Key_Space)  # Space unticks the selected people
    people, _ = reopened(demo)
    assert people["Ravi Patel"].present is None
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_a_roster_with_problems_lists_them_and_imports_nothing(  # type: ignore[no-untyped-def]
    qtbot, new_workshop, monkeypatch, when_shown
) -> None:
    page = make_page(qtbot, new_workshop)
    files = [ROSTERS / "one_invalid_email.csv"]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(files[0]), ""))
    seen: dict[str, object] = {}

    def look_then_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        seen["summary"] = dialog.summary.text()
        seen["problems"] = dialog.problems.toPlainText()
        seen["can_import"] = dialog.import_button.isEnabled()
        dialog.copy_problems()
        dialog.reject()

    when_shown(ImportDialog, look_then_cancel)
    qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert "1 problem" in str(seen["summary"]) and "Nothing has been imported" in str(
        seen["summary"]
    )
    assert seen["problems"] == (
        "one_invalid_email.csv, row 7, column 'Email': "
        "'mathieu.lefebvre@cobaltair' is not an email address"
    )
    assert QApplication.clipboard().text() == seen["problems"]
    assert seen["can_import"] is False
    assert reopened(new_workshop) == ({}, [])

    files[0] = ROSTERS / "participants_pair_codes.csv"

    def look_then_import(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        top = dialog.preview.topLevelItem(0)
        seen["preview"] = [top.text(0), top.child(0).text(0)]
        seen["pairs"] = dialog.preview.topLevelItem(1).text(0)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_shown(ImportDialog, look_then_import)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(button_named(page, "Import roster"), Qt.MouseButton.LeftButton)
    people, pairs = reopened(new_workshop)
    assert seen["preview"][0].endswith("participants to add")
    assert "Aiko Tanaka (mentor, aiko.tanaka@harbourline.example)" in seen["preview"]
    assert seen["pairs"] == f"{len(pairs)} pairs to make"
    assert len(people) == page.participants_proxy.rowCount() > 0
    assert page.pairs_proxy.rowCount() == len(pairs) > 0


def fill_participant(dialog: QWidget, qtbot, role: str, **fields: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(dialog, ParticipantDialog)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    for name, text in fields.items():
        dialog.edits[name].selectAll()
        qtbot.keyClicks(dialog.edits[name], text)


def test_add_edit_and_remove_a_participant(page: RosterPage, qtbot, demo, when_shown) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []

    def add(dialog: QWidget) -> None:
        fill_participant(
            dialog, qtbot, "mentee", name="Ada Byrne", email="ravi.patel@northwind.example"
        )
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        problems.append(dialog.error.text())  # type: ignore[attr-defined]
        assert dialog.isVisible()  # refused, and what was typed is still there
        fill_participant(dialog, qtbot, "mentee", email="ada.byrne@northwind.example")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_shown(ParticipantDialog, add)
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(
            page,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert "already in the roster" in problems[0]
    people, _ = reopened(demo)
    assert people["Ada Byrne"].email == "ada.byrne@northwind.example"
    assert page.selected_participant_ids() == [people["Ada Byrne"].id]  # the new row is chosen

    def edit(dialog: QWidget) -> None:
        assert dialog.edits["name"].text() == "Ada Byrne"  # type: ignore[attr-defined]
        fill_participant(dialog, qtbot, "mentee", title="Planner")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_shown(ParticipantDialog, edit)
    back_to(qtbot, page)
    assert page.people_table.hasFocus()  # on the new row, ready for Enter, Space or Delete
    qtbot.keyClick(page.people_table, Qt.Key.Key_Return)
    people, _ = reopened(demo)
    assert people["Ada Byrne"].title == "Planner"

    asked: list[str] = []

    def confirm(box: QWidget) -> None:
        asked.append(box.text())  # type: ignore[attr-defined]
        press(box, "Remove")

    when_shown(QMessageBox, confirm)
    back_to(qtbot, page)
    qtbot.keyClick(page.people_table, Qt.Key.Key_Delete)
    assert asked == ["Remove Ada Byrne from the workshop?"]
    people, _ = reopened(demo)
    assert "Ada Byrne" not in people
    assert page.participants_proxy.rowCount() == 24


def test_removing_someone_in_a_pair_says_why_and_keeps_them(
    page: RosterPage, qtbot, demo, when_shown
) -> None:  # type: ignore[no-untyped-def]
    select(page, "Ravi Patel")
    said: list[str] = []

    def read_error(box: QWidget) -> None:
        said.append(box.text())  # type: ignore[attr-defined]

    def then_read_error(box: QWidget) -> None:
        press(box, "Remove")
        when_shown(QMessageBox, read_error)

    when_shown(QMessageBox, then_read_error)
    qtbot.mouseClick(button_named(page, "Remove"), Qt.MouseButton.LeftButton)
    assert said == ["Ravi Patel is in pair P12; break the pair before removing them."]
    people, _ = reopened(demo)
    assert "Ravi Patel" in people


def test_make_and_break_a_pair(page: RosterPage, qtbot, demo, when_shown) -> None:  # type: ignore[no-untyped-def]
    tom = demo.roster.add_participant(role="mentor", name="Tom Ruiz", email="tom.ruiz@x.example")
    ida = demo.roster.add_participant(role="mentee", name="Ida Nyberg", email="ida@x.example")
    page.refresh()
    page.role_filter.setCurrentIndex(page.role_filter.findText("Not in a pair"))
    assert page.participants_proxy.rowCount() == 2
    page.people_table.setFocus()
    page.people_table.selectAll()
    chosen: list[object] = []

    def make(dialog: QWidget) -> None:
        assert isinstance(dialog, MakePairDialog)
        chosen.extend([dialog.mentor.currentData(), dialog.mentee.currentData()])
        qtbot.keyClicks(dialog.code, "p20")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(MakePairDialog, make)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(
            page,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert chosen == [tom.id, ida.id]  # the people selected in the table are offered first
    _, pairs = reopened(demo)
    made = next(p for p in pairs if p.code == "P20")
    assert (made.mentor_id, made.mentee_id) == (tom.id, ida.id)
    assert page.participants_proxy.rowCount() == 0  # nobody is left unpaired

    page.tabs.setCurrentIndex(1)
    assert page.selected_pair_id() == made.id
    asked: list[str] = []

    def confirm(box: QWidget) -> None:
        asked.append(box.text() + " " + box.informativeText())  # type: ignore[attr-defined]
        press(box, "Break pair")

    when_shown(QMessageBox, confirm)
    back_to(qtbot, page)
    page.pairs_table.setFocus()
    qtbot.keyClick(page.pairs_table, Qt.Key.Key_Delete)
    assert asked[0].startswith("Break pair P20 (Tom Ruiz and Ida Nyberg)?")
    assert "charter goes with it" in asked[0]
    _, pairs = reopened(demo)
    assert "P20" not in {p.code for p in pairs} and len(pairs) == 12


def test_cancelling_a_confirmation_changes_nothing(
    page: RosterPage, qtbot, demo, when_shown
) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    page.pairs_table.setFocus()
    page.pairs_table.selectRow(0)
    when_shown(QMessageBox, lambda box: box.reject())  # type: ignore[attr-defined]
    qtbot.keyClick(page.pairs_table, Qt.Key.Key_Delete)
    assert len(reopened(demo)[1]) == 12


def test_every_control_has_an_accessible_name(page: RosterPage) -> None:
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        assert unnamed(page) == [], page.tabs.tabText(tab)


def test_actions_follow_the_selection(page: RosterPage) -> None:
    assert not page.edit_action.isEnabled() and not page.break_pair_action.isEnabled()
    select(page, "Ben Carter")
    assert page.edit_action.isEnabled() and page.remove_action.isEnabled()
    assert button_named(page, "Edit").isEnabled()
    page.set_workshop(None)
    assert page.participants.rowCount() == 0
    assert not page.import_action.isEnabled()


def test_the_import_dialog_keeps_its_text_together_and_names_everything(  # type: ignore[no-untyped-def]
    qtbot, new_workshop, monkeypatch, when_shown
) -> None:
    page = make_page(qtbot, new_workshop)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(ROSTERS / "pairs_mentor_mentee_headers.csv"), ""),
    )
    seen: dict[str, object] = {}

    def gaps(dialog: ImportDialog) -> list[int]:
        """Empty space above the file row: around the intro's text inside its label (a label
        taller than its text centres it), and between the intro and the file row."""
        intro = next(w for w in dialog.findChildren(QLabel) if w.text().startswith("Choose"))
        slack = intro.height() - intro.heightForWidth(intro.width())
        between = dialog.path.geometry().top() - intro.geometry().bottom()
        labels = [w for w in (dialog.summary,) if w.isVisible()]
        return [slack, between, *(w.height() - w.heightForWidth(w.width()) for w in labels)]

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        seen["empty"] = gaps(dialog)
        seen["unnamed"] = unnamed(dialog)
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        seen["loaded"] = gaps(dialog)
        seen["summary"] = dialog.summary.text()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_shown(ImportDialog, look)
    with qtbot.waitSignal(page.status) as said:
        qtbot.mouseClick(button_named(page, "Import roster"), Qt.MouseButton.LeftButton)
    assert all(gap < 24 for gap in seen["empty"]), seen["empty"]  # type: ignore[attr-defined]
    assert all(gap < 24 for gap in seen["loaded"]), seen["loaded"]  # type: ignore[attr-defined]
    assert seen["unnamed"] == []
    assert "10 participants to add" in str(seen["summary"])
    assert "5 pairs to make" in str(seen["summary"])
    assert said.args == ["Roster imported: 10 participants added, 0 updated, 5 pairs made."]


def test_every_dialog_of_the_page_names_its_controls(page: RosterPage, qtbot, when_shown) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, list[str]] = {}

    def look(name: str) -> Callable[[QWidget], None]:
        def act(dialog: QWidget) -> None:
            found[name] = unnamed(dialog)
            dialog.close()

        return act

    when_shown(ParticipantDialog, look("participant"))
    qtbot.mouseClick(button_named(page, "Add participant"), Qt.MouseButton.LeftButton)
    when_shown(MakePairDialog, look("pair"))
    back_to(qtbot, page)
    page.wf.roster.add_participant(role="mentor", name="Ada Free", email="ada@x.example")
    page.wf.roster.add_participant(role="mentee", name="Bo Free", email="bo@x.example")
    page.refresh()  # someone to pair
    qtbot.mouseClick(button_named(page, "Make pair"), Qt.MouseButton.LeftButton)
    select(page, "Ben Carter")
    when_shown(QMessageBox, look("remove"))
    back_to(qtbot, page)
    qtbot.mouseClick(button_named(page, "Remove"), Qt.MouseButton.LeftButton)
    assert found == {"participant": [], "pair": [], "remove": []}


def test_make_pair_only_when_there_is_someone_to_pair(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The issue: Make pair was offered on an empty roster (and opened empty lists)."""
    wf = WorkshopFile.create(
        tmp_path / "new.workshop", program="P", organisation="O", date="2027-01-19"
    )
    page = make_page(qtbot, wf)
    button = button_named(page, "Make pair")
    assert not button.isEnabled()
    mentor = wf.roster.add_participant(role="mentor", name="Ada Free", email="ada@x.example")
    page.refresh()
    assert not button.isEnabled()  # a mentor alone has nobody to pair with
    mentee = wf.roster.add_participant(role="mentee", name="Bo Free", email="bo@x.example")
    page.refresh()
    assert button.isEnabled()
    wf.roster.make_pair(mentor.id, mentee.id)
    page.refresh()
    assert not button.isEnabled()
    page.set_workshop(None)
    wf.close()


def test_the_participant_dialog_says_what_ok_waits_for(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The second walk: with a name typed, OK stayed grey and nothing said why."""
    dialog = ParticipantDialog(None, lambda values: None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert dialog.needed.isVisible() and dialog.needed.text() == "* Still needed: name and email."
    qtbot.keyClicks(dialog.edits["name"], "Ada Byrne")
    assert dialog.needed.text() == "* Still needed: email." and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.edits["email"], "ada@x.example")
    assert dialog.ok_button.isEnabled() and not dialog.needed.isVisible()
