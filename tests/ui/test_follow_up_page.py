"""The Follow-up page, used as a coordinator does: pick pairs with the keyboard, filter with
clicks, log calls from the keyboard; then the workshop file is checked."""

from __future__ import annotations

from datetime import date
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.core.followup.contact_log import ContactLog
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.follow_up import FollowUpPage

# The demo program 100 days after its launch: P03 gone quiet, P04 asking for help, P05 not a
# fit, P06 closed, P07 cancelling, P08 not satisfied (see core/demo_follow_up.py).
TODAY = date(2027, 4, 29)
_DEMO_ROWS: dict[Path, int] = {}  # the last log entry the demo wrote, per file


@pytest.fixture
def workshop(tmp_path: Path):  # type: ignore[no-untyped-def]
    wf = create_after_launch(tmp_path / "demo.workshop", today=TODAY)
    (_DEMO_ROWS[wf.path],) = wf.conn.execute("SELECT max(rowid) FROM contacts").fetchone()
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, workshop: WorkshopFile) -> FollowUpPage:  # type: ignore[no-untyped-def]
    page = FollowUpPage()
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.resize(1200, 680)
    page.set_workshop(workshop)
    page.show()
    qtbot.waitUntil(lambda: page.follow_up is not None)
    return page


def button(page: FollowUpPage, name: str) -> QPushButton:
    return next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)


def shown_codes(page: FollowUpPage) -> list[str]:
    return [p.code for p in page.shown_pairs()]


def logged(wf: WorkshopFile) -> list[tuple[str, str, str, str, str]]:
    """The log entries typed in these tests (the demo's own were written on its day)."""
    return wf.conn.execute(
        "SELECT p.code, c.on_date, c.kind, c.who, c.text FROM contacts c"
        " JOIN pairs p ON p.id = c.pair_id WHERE c.rowid > ? ORDER BY c.rowid",
        (_DEMO_ROWS[wf.path],),
    ).fetchall()


def test_pairs_are_picked_with_the_keyboard(qtbot, page: FollowUpPage) -> None:
    assert page.selected_pair() is not None and page.selected_pair().code == "P01"
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    pair = page.selected_pair()
    assert pair is not None and pair.code == "P03"
    assert pair.mentor in page.detail.toPlainText()
    assert page.log.heading.text() == "Contact log of P03"
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.selected_pair().code == "P12"


def test_a_call_is_logged_from_the_keyboard_and_the_row_is_ready_for_the_next(
    qtbot, page: FollowUpPage, workshop: WorkshopFile
) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # P02
    log = page.log
    qtbot.mouseClick(log.text, Qt.MouseButton.LeftButton)
    qtbot.keyClick(log.text, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # who
    qtbot.keyClick(log.text, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # kind
    assert QApplication.focusWidget() is log.kind
    qtbot.keyClick(log.kind, Qt.Key.Key_O)
    qtbot.keyClick(log.kind, Qt.Key.Key_Tab)
    qtbot.keyClick(log.who, Qt.Key.Key_Down)  # the mentor
    qtbot.keyClick(log.who, Qt.Key.Key_Down)  # the mentee
    qtbot.keyClick(log.who, Qt.Key.Key_Tab)
    qtbot.keyClicks(log.text, "Says the meetings keep moving")
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(log.text, Qt.Key.Key_Return)
    assert logged(workshop) == [
        ("P02", "2027-04-29", "concern", "mentee", "Says the meetings keep moving")
    ]
    assert log.text.text() == "" and QApplication.focusWidget() is log.date
    assert log.model.entry(0).text == "Says the meetings keep moving"  # newest first
    # The next call: another day's meeting, typed over the date, saved with Enter in the kind.
    qtbot.keyClicks(log.date, "2027-04-21")
    qtbot.keyClick(log.date, Qt.Key.Key_Tab)
    qtbot.keyClick(log.kind, Qt.Key.Key_M)
    qtbot.keyClick(log.kind, Qt.Key.Key_Return)
    assert logged(workshop)[1][1:3] == ("2027-04-21", "meeting")
    assert [log.model.entry(r).on_date for r in range(2)] == [TODAY, date(2027, 4, 21)]


def test_a_log_entry_recomputes_the_pairs_health_and_the_board(
    qtbot, page: FollowUpPage, workshop: WorkshopFile
) -> None:
    assert page.board.sentences() == [
        "5 of 8 pairs meeting at their agreed cadence",
        "4 of 6 goals moving",
        "5 pairs at risk",
        "1 pair closed",
    ]
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # P03, gone quiet seven weeks ago
    assert [r.kind for r in page.selected_pair().reasons] == ["cadence"]
    assert "58 days ago" in page.detail.toPlainText()
    qtbot.mouseClick(page.log.text, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.log.text, "Met for an hour, back on track")
    qtbot.keyClick(page.log.text, Qt.Key.Key_Return)
    pair = page.selected_pair()
    assert pair.code == "P03" and not pair.at_risk and pair.last_meeting == TODAY
    assert page.board.sentences()[0] == "6 of 8 pairs meeting at their agreed cadence"
    assert page.board.sentences()[2] == "4 pairs at risk"
    assert button(page, "At risk (4)").isVisible()
    # A record made through the store elsewhere (another page, the command line) shows when
    # the page is shown again.
    p07 = next(p for p in page.follow_up.pairs if p.code == "P07")
    ContactLog(workshop).add(p07.pair_id, on_date=TODAY, kind="meeting", today=TODAY)
    page.hide()
    page.show()
    qtbot.waitUntil(lambda: page.board.sentences()[2] == "3 pairs at risk")


def test_filters_by_click_and_search(qtbot, page: FollowUpPage) -> None:
    everyone = [p.code for p in page.follow_up.pairs]
    qtbot.mouseClick(button(page, "At risk (5)"), Qt.MouseButton.LeftButton)
    assert shown_codes(page) == ["P03", "P04", "P05", "P07", "P08"]
    qtbot.mouseClick(button(page, "Due this week (3)"), Qt.MouseButton.LeftButton)
    assert shown_codes(page) == ["P03", "P05", "P07"]
    assert page.selected_pair().code == "P03"  # the list's first pair, shown in full
    qtbot.mouseClick(button(page, "Overdue (0)"), Qt.MouseButton.LeftButton)
    assert shown_codes(page) == [] and page.selected_pair() is None
    assert not page.log.entry_row.isEnabled()
    qtbot.mouseClick(button(page, "All"), Qt.MouseButton.LeftButton)
    assert shown_codes(page) == everyone
    qtbot.keyClicks(page.search, "kwame")
    assert shown_codes(page) == ["P03"]
    page.search.clear()
    qtbot.keyClicks(page.search, "nobody by that name")
    assert shown_codes(page) == [] and page.selected_pair() is None


def test_a_checkpoint_not_heard_of_becomes_overdue_as_the_days_pass(
    qtbot, page: FollowUpPage
) -> None:
    page.today = lambda: date(2027, 5, 20)  # the page is shown again three weeks later
    page.hide()
    page.show()
    qtbot.waitUntil(lambda: page.follow_up.today == date(2027, 5, 20))
    overdue = [p.code for p in page.follow_up.pairs if p.overdue]
    assert "P03" in overdue and "P06" not in overdue  # a closed pair has nothing due
    qtbot.mouseClick(button(page, f"Overdue ({len(overdue)})"), Qt.MouseButton.LeftButton)
    assert shown_codes(page) == overdue
    assert page.proxy.index(0, 3).data().endswith("overdue")


def test_filters_are_reached_with_alt_keys(qtbot, page: FollowUpPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.proxy.mode == "at_risk")  # a button's Alt key clicks it soon
    qtbot.keyClick(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.proxy.mode == "overdue")
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.proxy.mode == "all")


def answer_box(qtbot, name: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        # A standard button (OK) is named by its text, given only once the box is shown.
        chosen = [b for b in box.buttons() if name in (b.accessibleName(), b.text().strip("&"))]
        if chosen:
            qtbot.mouseClick(chosen[0], Qt.MouseButton.LeftButton)
        else:  # not offered: close the box, and the test fails on what it finds
            box.close()

    QTimer.singleShot(0, click)


def test_delete_removes_the_selected_entry_once_confirmed(
    qtbot, page: FollowUpPage, workshop: WorkshopFile
) -> None:
    log = page.log
    for text in ("First call", "Second call"):
        qtbot.mouseClick(log.text, Qt.MouseButton.LeftButton)
        qtbot.keyClick(log.kind, Qt.Key.Key_N)
        qtbot.keyClicks(log.text, text)
        qtbot.keyClick(log.text, Qt.Key.Key_Return)
    log.table.setFocus()
    qtbot.keyClick(log.table, Qt.Key.Key_Down)
    assert log.selected_entry() is not None
    seen: list[str] = []
    answer_box(qtbot, "Cancel", seen)
    qtbot.keyClick(log.table, Qt.Key.Key_Delete)
    assert len(logged(workshop)) == 2 and "Remove the note" in seen[0]
    answer_box(qtbot, "Remove", seen)
    qtbot.keyClick(log.table, Qt.Key.Key_Delete)
    assert len(logged(workshop)) == 1
    last = workshop.history()[0]
    assert last.table_name == "contacts" and last.field == "*removed*"


def test_an_entry_from_a_check_in_says_how_it_is_removed(
    qtbot, page: FollowUpPage, workshop: WorkshopFile
) -> None:
    log = page.log
    kinds = [log.model.index(r, 1).data() for r in range(log.model.rowCount())]
    assert "check-in" in kinds  # the demo's check-ins wrote into P01's log
    log.table.setFocus()
    qtbot.keyClick(log.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(kinds.index("check-in")):
        qtbot.keyClick(log.table, Qt.Key.Key_Down)
    assert log.selected_entry().from_checkin
    before = workshop.conn.execute("SELECT count(*) FROM contacts").fetchone()
    seen: list[str] = []
    answer_box(qtbot, "OK", seen)
    qtbot.keyClick(log.table, Qt.Key.Key_Delete)
    assert "remove the check-in" in seen[0]
    assert workshop.conn.execute("SELECT count(*) FROM contacts").fetchone() == before


def test_a_refused_entry_is_a_message_and_the_text_stays(
    qtbot, page: FollowUpPage, workshop: WorkshopFile
) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # P12
    assert page.selected_pair().code == "P12"  # no record yet: it can still be broken
    log = page.log
    qtbot.mouseClick(log.text, Qt.MouseButton.LeftButton)
    qtbot.keyClick(log.kind, Qt.Key.Key_O)  # a concern needs its words
    seen: list[str] = []
    answer_box(qtbot, "OK", seen)
    qtbot.keyClick(log.text, Qt.Key.Key_Return)
    assert "Write what the concern is" in seen[0]
    workshop.roster.break_pair(page.selected_pair().pair_id)  # broken in another page meanwhile
    qtbot.keyClicks(log.text, "Still worried")
    answer_box(qtbot, "OK", seen)
    qtbot.keyClick(log.text, Qt.Key.Key_Return)
    assert "no longer in the workshop" in seen[1]
    assert log.text.text() == "Still worried" and logged(workshop) == []


def test_the_date_field_stops_at_today(qtbot, page: FollowUpPage) -> None:
    date_edit = page.log.date
    assert date_edit.date().toPython() == TODAY
    assert date_edit.maximumDate().toPython() == TODAY
    page.today = lambda: date(2027, 5, 3)  # the page is shown again days later
    page.hide()
    page.show()
    qtbot.waitUntil(lambda: date_edit.date().toPython() == date(2027, 5, 3))


def test_the_other_dialogs_buttons_show_only_once_wired(qtbot, page: FollowUpPage) -> None:
    names = ["Import check-in survey", "Enter review", "Close this pairing"]
    assert not any(button(page, n).isVisible() for n in names)
    page.show_actions(["import_checkins", "enter_review", "close_pairing"])
    assert all(button(page, n).isVisible() for n in names)
    assert not button(page, "Outcomes report").isVisible()
    with qtbot.waitSignal(page.action_requested) as asked:
        qtbot.mouseClick(button(page, "Enter review"), Qt.MouseButton.LeftButton)
    assert asked.args == ["enter_review", page.selected_pair().pair_id]
    with qtbot.waitSignal(page.action_requested) as asked:
        qtbot.mouseClick(button(page, "Import check-in survey"), Qt.MouseButton.LeftButton)
    assert asked.args == ["import_checkins", page.selected_pair().pair_id]


def test_a_read_only_workshop_is_shown_but_the_log_row_is_locked(
    qtbot, workshop: WorkshopFile
) -> None:
    path = workshop.path
    workshop.close()
    with WorkshopFile.open(path, readonly=True) as wf:
        page = FollowUpPage()
        qtbot.addWidget(page)
        page.today = lambda: TODAY
        page.set_workshop(wf)
        page.set_read_only(True)
        page.show()
        qtbot.waitUntil(lambda: page.follow_up is not None)
        assert page.model.rowCount() == 12
        log = page.log
        assert not log.add_button.isEnabled() and not log.kind.isEnabled()
        assert log.text.isReadOnly()
        qtbot.mouseClick(button(page, "At risk (5)"), Qt.MouseButton.LeftButton)
        assert page.proxy.mode == "at_risk"
        qtbot.keyClicks(page.search, "P0")
        assert shown_codes(page)
        qtbot.keyClick(log.text, Qt.Key.Key_Return)
        assert logged(wf) == []


def test_email_drafts_are_saved_for_the_pair_or_every_pair_at_risk_shown(
    qtbot, page: FollowUpPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # The folder chooser is the platform's own dialog: it answers with the folder here.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(out))
    draft_one = button(page, "Draft an email to this pair")
    assert not draft_one.isEnabled()  # P01 is meeting as agreed
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # P03, gone quiet
    seen: list[str] = []
    answer_box(qtbot, "OK", seen)
    qtbot.mouseClick(draft_one, Qt.MouseButton.LeftButton)
    (batch,) = out.iterdir()
    (draft,) = batch.glob("*.eml")
    assert draft.name.startswith("P03")
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert "Susan" in str(message["To"])
    assert f"1 email draft saved in {batch}" in seen[0]
    qtbot.mouseClick(button(page, "At risk (5)"), Qt.MouseButton.LeftButton)
    answer_box(qtbot, "OK", seen)
    qtbot.mouseClick(
        button(page, "Draft emails to every at-risk pair shown"), Qt.MouseButton.LeftButton
    )
    second = out / f"Email drafts {TODAY.isoformat()} (2)"
    assert sorted(p.name[:3] for p in second.glob("*.eml")) == ["P03", "P04", "P05", "P07", "P08"]
    assert "5 email drafts saved" in seen[1]


def test_names_are_shown_as_typed_never_as_markup(
    qtbot, page: FollowUpPage, workshop: WorkshopFile
) -> None:
    pair = page.selected_pair()
    mentor_id = workshop.conn.execute(
        "SELECT mentor_id FROM pairs WHERE id = ?", (pair.pair_id,)
    ).fetchone()[0]
    workshop.roster.update_participant(mentor_id, name='<img src="x"><b>Margaret</b> & Co')
    page.refresh()
    qtbot.waitUntil(lambda: page.selected_pair().mentor.startswith("<img"))
    assert '<img src="x"><b>Margaret</b> & Co' in page.detail.toPlainText()
    assert page.proxy.index(0, 2).data().startswith('<img src="x">')  # the names' column


def test_an_impossible_date_typed_is_refused_with_what_is_wrong_and_nothing_saved(
    qtbot, page: FollowUpPage, workshop: WorkshopFile
) -> None:
    log = page.log
    qtbot.mouseClick(log.text, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(log.text, "Met on the 30th, they say")
    log.date.setFocus()
    qtbot.keyClick(log.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(log.date, "2027-02-30")  # Qt keeps 2027-02-03 on screen
    seen: list[str] = []
    answer_box(qtbot, "OK", seen)
    qtbot.keyClick(log.date, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert "2027-02-30 is not a date: February 2027 has 28 days." in seen[0]
    assert logged(workshop) == [] and log.text.text() == "Met on the 30th, they say"
    # Typed again, right: it is saved, on the day typed.
    qtbot.keyClick(log.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(log.date, "2027-02-28")
    qtbot.keyClick(log.date, Qt.Key.Key_Return)
    assert [row[1] for row in logged(workshop)] == ["2027-02-28"]


def test_the_pair_buttons_wrap_in_german(qtbot, workshop: WorkshopFile) -> None:  # type: ignore[no-untyped-def]
    """In German the selected pair's four buttons are wider than the pane at 1.5x: their row
    wraps, so the page never asks for more width than its widest button."""
    from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language

    set_interface_language("de")
    try:
        page = FollowUpPage()
        qtbot.addWidget(page)
        page.show_actions(["enter_review", "close_pairing"])
        page.set_workshop(workshop)
        page.show()
        qtbot.waitUntil(lambda: page.follow_up is not None)
        pair_buttons = [
            page.draft_button,
            page.draft_all_button,
            page.action_buttons["enter_review"],
            page.action_buttons["close_pairing"],
        ]
        assert page.draft_all_button.text() == "E-Mail-Entwürfe an alle gefährdeten…"
        one_row = sum(b.sizeHint().width() for b in pair_buttons)
        assert page.right.minimumSizeHint().width() < one_row
    finally:
        set_interface_language(SOURCE_LANGUAGE)


def test_the_log_names_each_kind_in_the_interface_language(qtbot, workshop: WorkshopFile) -> None:  # type: ignore[no-untyped-def]
    from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language

    set_interface_language("fr")
    try:
        page = FollowUpPage()
        qtbot.addWidget(page)
        page.today = lambda: TODAY
        page.set_workshop(workshop)
        page.show()
        qtbot.waitUntil(lambda: page.follow_up is not None)
        log = page.log
        kinds = {log.model.index(r, 1).data() for r in range(log.model.rowCount())}
        assert {"point d'étape", "rencontre"} <= kinds  # P01's check-ins and meetings
        assert not kinds & {"check-in", "meeting"}
    finally:
        set_interface_language(SOURCE_LANGUAGE)


def test_the_health_column_comes_second_and_holds_its_words(
    qtbot,  # type: ignore[no-untyped-def]
    page: FollowUpPage,
) -> None:
    """On a narrow pane the health in words stays in view, right after the code, as wide as
    its longest words (up to a limit, then its tooltip has them)."""
    from workshop_app.ui.pages.follow_up import HEALTH_CHARS
    from workshop_app.ui.widgets.follow_up_pairs import HEALTH

    assert HEALTH == 1 and page.proxy.headerData(HEALTH, Qt.Orientation.Horizontal) == "Health"
    metrics = page.table.fontMetrics()
    words = [page.proxy.index(r, HEALTH).data() for r in range(page.proxy.rowCount())]
    widest = max(metrics.horizontalAdvance(w) for w in words)
    assert widest > HEALTH_CHARS[0] * metrics.averageCharWidth()  # longer than it used to be
    most = HEALTH_CHARS[1] * metrics.averageCharWidth()
    assert page.table.horizontalHeader().sectionSize(HEALTH) >= min(widest, most)
