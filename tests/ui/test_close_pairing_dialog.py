"""Closing a pairing and the program from the keyboard and mouse: the Close a pairing dialog,
Break pair offering it for a signed pair, a closed pair on the Charters page (its form
read-only, with the reason), the close-out's outcome table and the anonymise step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMessageBox,
    QWidget,
)

from workshop_app.core.demo import create_demo
from workshop_app.core.followup import closing
from workshop_app.core.followup.close_out import pairs_to_close as close_out_pairs
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.close_pairing import ClosePairingDialog, open_close_pairing
from workshop_app.ui.dialogs.close_program import (
    ClosedProgramDialog,
    CloseProgramDialog,
    open_close_program,
)
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.pages.roster import RosterPage

TODAY = date(2027, 4, 1)


@pytest.fixture
def demo(tmp_path: Path):  # type: ignore[no-untyped-def]
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.fixture
def host(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def when_shown(qtbot):  # type: ignore[no-untyped-def]
    """`when_shown(kind, act)`: run `act` on the next modal `kind` to open."""
    stopped = [False]

    def when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        def poll() -> None:
            if stopped[0]:
                return
            widget = QApplication.activeModalWidget()
            if isinstance(widget, kind) and widget.isVisible():
                try:
                    widget.activateWindow()
                    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
                    act(widget)
                finally:
                    if widget.isVisible():
                        widget.close()
            else:
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)

    yield when_shown
    stopped[0] = True


def named(root: QWidget, name: str) -> QWidget:
    found = [w for w in root.findChildren(QWidget) if w.accessibleName() == name]
    assert found, name
    return found[0]


def click(qtbot, root: QWidget, name: str) -> None:  # type: ignore[no-untyped-def]
    button = named(root, name)
    assert isinstance(button, QAbstractButton) and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press(box: QWidget, text: str) -> None:
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text().replace("&", "") == text).click()


def pair_id(wf: WorkshopFile, code: str) -> str:
    pair = wf.roster.pair_by_code(code)
    assert pair is not None
    return pair.id


def fill_and_close(qtbot, dialog: QWidget, reason: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(dialog, ClosePairingDialog)
    ok = named(dialog, "Close this pairing")
    assert not ok.isEnabled()  # nobody said who asked yet: Enter cannot record it
    qtbot.keyClicks(dialog.reason, reason)
    click(qtbot, dialog, "Asked by mentee")
    dialog.rematched.setFocus()
    qtbot.keyClick(dialog.rematched, Qt.Key.Key_Space)
    click(qtbot, dialog, "Close this pairing")


def test_the_dialog_closes_the_chosen_pair_from_keys_and_clicks(
    qtbot, demo: WorkshopFile, host: QWidget, when_shown
) -> None:  # type: ignore[no-untyped-def]
    p03 = pair_id(demo, "P03")
    when_shown(ClosePairingDialog, lambda d: fill_and_close(qtbot, d, "Kwame moved to Leeds"))
    assert open_close_pairing(host, demo, p03, today=TODAY)
    found = closing.closure(demo.conn, p03)
    assert found is not None
    assert (found.reason, found.asked_by, found.rematched, found.closed_on) == (
        "Kwame moved to Leeds", "mentee", True, "2027-04-01")  # fmt: skip


def test_a_refusal_is_said_in_the_dialog_which_keeps_what_was_typed(
    qtbot, demo: WorkshopFile, host: QWidget, when_shown
) -> None:  # type: ignore[no-untyped-def]
    p03 = pair_id(demo, "P03")
    seen: list[str] = []

    def closed_meanwhile(dialog: QWidget) -> None:
        assert isinstance(dialog, ClosePairingDialog)
        # Another window closed the pair while this dialog was open.
        closing.close_pairing(demo, p03, closed_on=TODAY, reason="", asked_by="program",
                              rematched=False, today=TODAY)  # fmt: skip
        fill_and_close(qtbot, dialog, "Typed here")
        seen.append(dialog.problem.text())
        assert dialog.isVisible() and dialog.reason.text() == "Typed here"

    when_shown(ClosePairingDialog, closed_meanwhile)
    assert not open_close_pairing(host, demo, p03, today=TODAY)
    assert seen == ["⚠ Pair P03 was closed on 1 April 2027; its charter is kept as it was."]


def test_a_closed_pair_is_offered_its_reopening(
    qtbot, demo: WorkshopFile, host: QWidget, when_shown
) -> None:  # type: ignore[no-untyped-def]
    p04 = pair_id(demo, "P04")
    closing.close_pairing(demo, p04, closed_on=TODAY, reason="Not a fit", asked_by="both",
                          rematched=False, today=TODAY)  # fmt: skip
    asked: list[str] = []

    def reopen(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        press(box, "Reopen pairing")

    when_shown(QMessageBox, reopen)
    assert open_close_pairing(host, demo, p04, today=TODAY)
    assert asked == ["Pair P04 is closed. Reopen it?"]
    assert closing.closure(demo.conn, p04) is None


def test_break_pair_on_a_signed_pair_offers_closing_it_instead(
    qtbot, demo: WorkshopFile, when_shown
) -> None:  # type: ignore[no-untyped-def]
    page = RosterPage()
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.set_workshop(demo)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    p01 = pair_id(demo, "P01")  # signed in the demo
    # The Roster page closes the pairing today, by the clock: the launch must be behind it.
    demo.set_workshop_field("date", (date.today() - timedelta(days=30)).isoformat())
    page.tabs.setCurrentIndex(1)
    page.pairs_table.setFocus()
    page.pairs_table.selectRow(0)
    assert page.selected_pair_id() == p01
    asked: list[str] = []

    def offer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        when_shown(ClosePairingDialog, lambda d: fill_and_close(qtbot, d, "Role change"))
        press(box, "Close this pairing…")

    when_shown(QMessageBox, offer)
    qtbot.keyClick(page.pairs_table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: closing.closure(demo.conn, p01) is not None)
    assert asked == ["Pair P01 has a signed charter: it cannot be broken."]
    assert demo.roster.pair(p01).code == "P01"
    assert demo.charters.charter(p01).signed_version == 1


def test_a_closed_pair_shows_closed_and_its_form_is_read_only(qtbot, demo: WorkshopFile) -> None:  # type: ignore[no-untyped-def]
    p02 = pair_id(demo, "P02")
    before = demo.charters.charter(p02).value("purpose")
    closing.close_pairing(demo, p02, closed_on=date(2027, 3, 3), reason="Moved abroad",
                          asked_by="mentee", rematched=False, today=TODAY)  # fmt: skip
    page = ChartersPage()
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.set_workshop(demo)
    page.show()
    page.refresh()
    row = page.list_model.row_of(p02)
    shown = page.list_model.index(row).data(Qt.ItemDataRole.DisplayRole)
    assert "■ closed 3 Mar 2027" in shown
    page.select_pair(p02)
    banner = page.editor.closed_banner
    assert banner.isVisibleTo(page) and "was closed on 3 March 2027" in banner.text()
    assert "Moved abroad" in banner.text()
    purpose = page.editor.field("purpose")
    edits = [w for w in purpose.findChildren(QWidget) if hasattr(w, "isReadOnly")]
    assert edits and all(w.isReadOnly() for w in edits)  # type: ignore[attr-defined]
    target = edits[0]
    target.setFocus()
    qtbot.keyClicks(target, " more")
    assert page.editor.flush()
    assert demo.charters.charter(p02).value("purpose") == before
    page.select_pair(pair_id(demo, "P03"))  # an open pair's form is editable again
    assert not page.editor.closed_banner.isVisibleTo(page)
    lines = [w for w in page.editor.field("purpose").findChildren(QWidget)
             if hasattr(w, "isReadOnly")]  # fmt: skip
    assert not any(w.isReadOnly() for w in lines)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("interface", "workshop", "said"),
    [
        ("en", "it", "Pair P02 was closed on 3 March 2027; its charter is kept as it was. "
                     "Closed (no fault) on 3 March 2027, asked by the mentee"),
        ("it", "en", "La coppia P02 è stata chiusa il 3 marzo 2027; il suo accordo resta "
                     "com'era. Chiusa senza colpe il 3 marzo 2027, su richiesta del mentee"),
    ],
)  # fmt: skip
def test_a_closed_pairs_banner_is_one_language_the_interfaces(
    qtbot, demo: WorkshopFile, interface: str, workshop: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    """The banner is a screen's sentence: it and both its dates are in the interface
    language, whatever language the workshop's charters are printed in."""
    from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language

    demo.set_workshop_field("language", workshop)
    p02 = pair_id(demo, "P02")
    closing.close_pairing(demo, p02, closed_on=date(2027, 3, 3), reason="Moved abroad",
                          asked_by="mentee", rematched=False, today=TODAY)  # fmt: skip
    set_interface_language(interface)
    try:
        page = ChartersPage()
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.set_workshop(demo)
        page.show()
        qtbot.waitExposed(page)
        page.refresh()
        view = page.pair_list
        row = page.list_model.index(page.list_model.row_of(p02))
        rect = view.visualRect(page.proxy.mapFromSource(row))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        banner = page.editor.closed_banner
        qtbot.waitUntil(lambda: banner.isVisibleTo(page))
        text = banner.text().replace("<b>", "").replace("</b>", "")
        assert text.startswith(said)
    finally:
        set_interface_language(SOURCE_LANGUAGE)


def test_the_close_out_is_typed_goal_by_goal_and_then_personal_data_is_removed(
    qtbot, demo: WorkshopFile, host: QWidget, when_shown
) -> None:  # type: ignore[no-untyped-def]
    typed: list[tuple[str, list[str]]] = []
    confirmed: list[str] = []

    def close_out(dialog: QWidget) -> None:
        assert isinstance(dialog, CloseProgramDialog)
        table = dialog.table
        table.setFocus()
        first = table.pairs[0]
        for key in (Qt.Key.Key_M, Qt.Key.Key_P, Qt.Key.Key_N)[: len(first.goals)]:
            qtbot.keyClick(table, key)
        second = table.pairs[1]
        qtbot.keyClick(table, Qt.Key.Key_N)  # the next pair's first goal
        typed.append((first.pair_id, table.values[first.pair_id]))
        typed.append((second.pair_id, table.values[second.pair_id]))
        qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter in the table closes nothing
        assert dialog.isVisible()
        dialog.retention.setFocus()
        dialog.retention.lineEdit().selectAll()
        qtbot.keyClicks(dialog.retention, "6")

        def confirm(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            confirmed.append(box.text() + " " + box.informativeText())
            press(box, "Close the program")

        when_shown(QMessageBox, confirm)
        click(qtbot, dialog, "Close the program")

    when_shown(CloseProgramDialog, close_out)
    assert open_close_program(host, demo, today=date(2027, 12, 1))
    found = closing.closures(demo.conn)
    assert len(found) == 12 and all(c.kind == "completed" for c in found.values())
    (p1, first), (p2, _) = typed
    goals = len(next(p for p in close_out_pairs(demo) if p.pair_id == p1).goals)
    expected = ("met", "partly", "not_met")[:goals]
    assert tuple(first[:goals]) == expected and found[p1].outcomes[:goals] == expected
    assert found[p2].outcomes[0] == "not_met"
    w = demo.workshop()
    assert (w.program_closed_on, w.retention_months) == ("2027-12-01", 6)
    assert confirmed[0].startswith("Close the program on 1 December 2027? 12 open pairs will")
    confirmed.clear()

    def too_early(dialog: QWidget) -> None:
        assert isinstance(dialog, ClosedProgramDialog)
        assert not named(dialog, "Remove personal data").isEnabled()
        assert "kept until 1 June 2028" in dialog.state.text()

    when_shown(ClosedProgramDialog, too_early)
    assert not open_close_program(host, demo, today=date(2028, 1, 1))

    confirmed: list[str] = []

    def remove(dialog: QWidget) -> None:
        def confirm(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            confirmed.append(box.informativeText())
            press(box, "Remove personal data")

        when_shown(QMessageBox, confirm)
        click(qtbot, dialog, "Remove personal data")

    when_shown(ClosedProgramDialog, remove)
    assert open_close_program(host, demo, today=date(2028, 6, 1))
    assert "24 people: names, emails, titles and managers replaced" in confirmed[0]
    assert demo.workshop().anonymised_on == "2028-06-01"
    assert {p.name for p in demo.roster.participants()} >= {"Mentor 1", "Mentee 12"}


def test_closing_from_the_menu_shows_the_open_charter_as_closed_at_once(
    qtbot, tmp_path: Path, when_shown
) -> None:  # type: ignore[no-untyped-def]
    from workshop_app.ui.main_window import MainWindow

    path = tmp_path / "room.workshop"
    with create_demo(path) as wf:  # the launch behind today's date: it is closed today
        wf.set_workshop_field("date", (date.today() - timedelta(days=30)).isoformat())
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    assert window.wf is not None
    window.go_to(window._index("charters"))
    p04 = pair_id(window.wf, "P04")
    window.charters.select_pair(p04)
    assert not window.charters.editor.closed
    when_shown(ClosePairingDialog, lambda d: fill_and_close(qtbot, d, "Aisha changed teams"))
    window.follow_up_actions["close_pairing"].trigger()  # Follow-up > Close a pairing…
    assert window.charters.editor.closed
    assert "Aisha changed teams" in window.charters.editor.closed_banner.text()
    window.close_workshop()


def test_the_follow_up_menu_has_both_actions(qtbot) -> None:  # type: ignore[no-untyped-def]
    from workshop_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Follow-&up")
    texts = [a.text() for a in menu.actions()]
    assert "&Close a pairing…" in texts and "Close the &program…" in texts
    assert window.follow_up_actions["close_pairing"] in window.editing_actions  # off when read-only


def test_the_follow_up_pages_button_closes_the_pair_selected_there(
    qtbot, tmp_path: Path, when_shown
) -> None:  # type: ignore[no-untyped-def]
    """On the Follow-up page: the pair picked with the keyboard, Close this pairing clicked,
    the dialog filled; the page shows that pair closed and counts it on the board."""
    from PySide6.QtWidgets import QPushButton

    from workshop_app.core.demo_follow_up import create_after_launch
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.pages.follow_up import FollowUpPage

    path = tmp_path / "after.workshop"
    create_after_launch(path, today=date.today()).close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    assert window.wf is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, FollowUpPage)
    qtbot.waitUntil(lambda: page.board_figures is not None)
    assert page.board_figures is not None and page.board_figures.closed.count == 1
    page.table.setFocus()
    for _ in range(3):  # P01 is selected first: down to P04
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    selected = page.selected_pair()
    assert selected is not None and selected.code == "P04" and not selected.closed
    close = next(
        b for b in page.findChildren(QPushButton) if b.accessibleName() == "Close this pairing"
    )
    assert close.isVisible()
    when_shown(ClosePairingDialog, lambda d: fill_and_close(qtbot, d, "Aisha changed teams"))
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    found = closing.closure(window.wf.conn, pair_id(window.wf, "P04"))
    assert found is not None and found.reason == "Aisha changed teams"
    qtbot.waitUntil(lambda: page.selected_pair() is not None and page.selected_pair().closed)
    assert page.board_figures is not None and page.board_figures.closed.count == 2
    window.close_workshop()
