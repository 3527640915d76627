"""Entering a review in the dialog, from the keyboard and the mouse, as a coordinator does;
then the workshop file says what was entered, and the charter's next version is open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget
from review_data import charter_pair, close

from workshop_app.core.followup.review_store import ReviewStore
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.review_entry import ReviewEntryDialog, open_review_entry


@pytest.fixture
def wf(tmp_path: Path):
    wf = WorkshopFile.create(
        tmp_path / "room.workshop",
        program="Accelerate",
        organisation="Northwind",
        date="2027-01-19",
    )
    yield wf
    wf.close()


# Before the test pairs' first checkpoint (day 30 of a first meeting on 1 February 2027): the
# dialog opens on day 30.
TODAY = date(2027, 1, 15)


def shown(
    qtbot, wf: WorkshopFile, pair_id: str | None = None, today: date = TODAY
) -> ReviewEntryDialog:
    dialog = ReviewEntryDialog(wf, pair_id=pair_id, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def button(root: QWidget, name: str) -> QPushButton:
    return next(b for b in root.findChildren(QPushButton) if b.accessibleName() == name)


def by_name(root: QWidget, name: str) -> QWidget:
    return next(w for w in root.findChildren(QWidget) if w.accessibleName() == name)


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.accessibleName() if widget else ""


def test_a_review_entered_from_the_keyboard_opens_version_2(qtbot, wf: WorkshopFile) -> None:
    pair_id = charter_pair(wf)
    dialog = shown(qtbot, wf)
    assert dialog.cadence_question.text() == "Did we keep our cadence? (agreed: every two weeks)"
    assert [dialog.checkpoint.itemText(i) for i in range(dialog.checkpoint.count())] == [
        "Day 30, 3 March 2027",
        "Day 90, 2 May 2027",
        "Day 180, 31 July 2027",
    ]
    keys = dialog.focusWidget() or dialog
    qtbot.keyClick(keys, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert focused() == "Checkpoint"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dialog.checkpoint.currentData() == 90
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert focused() == "Held on"
    qtbot.keyClicks(QApplication.focusWidget(), "2027-05-03")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert focused() == "Cadence kept: Partly"
    # A mnemonic clicks its radio button as a press and release a moment later.
    qtbot.waitUntil(by_name(dialog, "Cadence kept: Partly").isChecked)
    # Goal 1 shows its baseline beside the rating to give now.
    assert "baseline 2 of 5" in by_name(dialog, "Goal 1 now").accessibleDescription()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert focused() == "Goal 1 now"
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused() == "Goal 2 now"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused() == "Used plan 1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "Called within the week")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert focused() == "New cadence"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # Weekly
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused() == "Goal 1 in the charter"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "Lead the planning twice a month")
    qtbot.mouseClick(button(dialog, "Save review"), Qt.MouseButton.LeftButton)
    assert dialog.result() == ReviewEntryDialog.DialogCode.Accepted
    # The workshop file.
    review = ReviewStore(wf).review(pair_id, 90)
    assert review is not None
    assert (review.held_on, review.cadence_kept, review.progress) == (
        "2027-05-03",
        "partly",
        (3, None, None),
    )
    assert review.plans_used == "one of us goes quiet\nCalled within the week"
    assert review.charter_version == 2
    charter = wf.charters.charter(pair_id)
    assert (charter.version, charter.signed_version) == (2, 1)
    assert charter.fields["meeting_frequency"] == "weekly"
    assert charter.goals[0].goal == "Lead the planning twice a month"
    assert wf.charters.signed_snapshot(pair_id, 1)["goals"][0]["goal"] == "Lead the weekly planning"
    assert wf.charters.overview()[0].signature_state == "version 2, to sign"


def test_the_same_checkpoint_again_shows_the_review_to_edit(qtbot, wf: WorkshopFile) -> None:
    pair_id = charter_pair(wf)
    ReviewStore(wf).save(
        pair_id,
        30,
        held_on="2027-03-04",
        cadence_kept="no",
        progress={2: 4},
        plans_used="we both get busy\nnote",
    )
    dialog = shown(qtbot, wf, pair_id)
    assert not dialog.pair.isEnabled()
    assert dialog.checkpoint.currentText() == "Day 30, 3 March 2027 (entered)"
    assert dialog.held_on.value() == "2027-03-04"
    assert dialog.cadence_kept.checkedButton().accessibleName() == "Cadence kept: No"
    assert by_name(dialog, "Goal 2 now").currentData() == 4
    assert [b.isChecked() for b in dialog.plan_used] == [False, True]
    assert dialog.plans_note.toPlainText() == "note"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(by_name(dialog, "Cadence kept: Yes").isChecked)
    qtbot.mouseClick(button(dialog, "Save review"), Qt.MouseButton.LeftButton)
    again = ReviewStore(wf).reviews(pair_id)
    assert [(r.checkpoint_day, r.cadence_kept, r.charter_version) for r in again] == [
        (30, "yes", None)
    ]
    assert wf.charters.charter(pair_id).version == 1  # nothing in the charter changed


def test_a_bad_date_is_one_line_and_nothing_is_saved(qtbot, wf: WorkshopFile) -> None:
    pair_id = charter_pair(wf)
    dialog = shown(qtbot, wf)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "next Tuesday")
    qtbot.mouseClick(button(dialog, "Save review"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and "a date like 2027-04-30" in dialog.message.text()
    assert ReviewStore(wf).reviews(pair_id) == []


def test_a_pair_broken_while_the_dialog_is_open(qtbot, wf: WorkshopFile) -> None:
    pair_id = charter_pair(wf, sign=False)  # a signed pair is closed, never broken
    dialog = shown(qtbot, wf)
    wf.roster.break_pair(pair_id)
    qtbot.mouseClick(button(dialog, "Save review"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.text() == "That pair is no longer in the workshop; nothing was changed."
    assert wf.conn.execute("SELECT count(*) FROM reviews").fetchone() == (0,)


def test_a_closed_pair_offers_no_charter_change(qtbot, wf: WorkshopFile) -> None:
    charter_pair(wf)
    close(wf, charter_pair(wf, "Carmen Ortiz", "Dev Patel"))
    dialog = shown(qtbot, wf)
    dialog.pair.setFocus()
    qtbot.keyClick(dialog.pair, Qt.Key.Key_Down)
    assert dialog.pair.currentText().endswith("(closed)")
    assert not dialog.cadence_change.isEnabled()
    assert not any(edit.isEnabled() for edit in dialog.goal_words)
    assert "closed" in dialog.version_note.text()


def test_every_input_has_a_name_and_the_dialog_fits_the_screen(qtbot, wf: WorkshopFile) -> None:
    charter_pair(wf, goals=("One", "Two", "Three"))
    dialog = shown(qtbot, wf)
    assert unnamed(dialog) == []
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height()
    assert dialog.width() <= screen.width()


def when_modal(act: Callable[[ReviewEntryDialog], None]) -> None:
    """Once the review dialog is up and modal, do `act` to it (as the person would)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ReviewEntryDialog) and dialog.isActiveWindow():
            act(dialog)
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(20, attempt)


def test_open_review_entry_says_whether_it_saved(qtbot, wf: WorkshopFile) -> None:
    pair_id = charter_pair(wf)
    parent = QWidget()
    qtbot.addWidget(parent)
    when_modal(lambda d: qtbot.mouseClick(button(d, "Cancel"), Qt.MouseButton.LeftButton))
    assert open_review_entry(parent, wf, pair_id, today=TODAY) is False

    def save(dialog: ReviewEntryDialog) -> None:
        yes = by_name(dialog, "Cadence kept: Yes")
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        assert yes.isChecked()
        qtbot.mouseClick(button(dialog, "Save review"), Qt.MouseButton.LeftButton)

    when_modal(save)
    assert open_review_entry(parent, wf, pair_id, today=TODAY) is True
    review = ReviewStore(wf).review(pair_id, 30)
    assert review is not None and review.cadence_kept == "yes"


def test_long_and_right_to_left_words_wrap_inside_the_dialog(qtbot, wf: WorkshopFile) -> None:
    """A 300-letter word in a goal or plan, a long custom cadence, a long name: the form is
    no wider than the dialog's view of it (nothing cut off at the right)."""
    long_word = "W" * 300
    pair_id = charter_pair(
        wf, "Ana " + "Souza" * 60, "مريم الحسيني", goals=(long_word, "تحسين مهارات العرض")
    )
    wf.charters.set_plan_part(wf.charters.plans(pair_id)[0].id, "scenario", "z" * 300)
    wf.charters.set_field(pair_id, "meeting_frequency", "custom")
    wf.charters.set_field(pair_id, "meeting_frequency_custom", "every third Friday " * 20)
    dialog = shown(qtbot, wf)
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    form = scroll.widget()
    assert form.minimumSizeHint().width() <= scroll.viewport().width()
    assert dialog.frameGeometry().width() <= dialog.screen().availableGeometry().width()
    # The words are all there, to read; what is stored is untouched.
    goal = next(w for w in form.findChildren(QLabel) if w.text().replace("\u200b", "") == long_word)
    assert goal.isVisible()
    assert goal.height() >= goal.heightForWidth(goal.width())  # every line of it shows
    assert wf.charters.goals(pair_id)[0].goal == long_word


def test_typed_markup_is_shown_as_typed(qtbot, wf: WorkshopFile) -> None:
    pair_id = charter_pair(wf, goals=("<b>Lead</b> the <i>planning</i>",), sign=False)
    wf.charters.set_field(pair_id, "meeting_frequency", "custom")
    wf.charters.set_field(pair_id, "meeting_frequency_custom", '<img src="x.png"> Fridays')
    dialog = shown(qtbot, wf)
    assert dialog.cadence_question.textFormat() == Qt.TextFormat.PlainText
    assert '<img src="x.png"> Fridays' in dialog.cadence_question.text()
    goal = next(w for w in dialog.findChildren(QLabel) if "<b>Lead</b>" in w.text())
    assert goal.textFormat() == Qt.TextFormat.PlainText


def test_it_opens_on_the_checkpoint_due_now(qtbot, wf: WorkshopFile) -> None:
    pair_id = charter_pair(wf)  # first meeting 1 February 2027: day 90 is 2 May 2027
    assert shown(qtbot, wf, pair_id, today=date(2027, 4, 28)).checkpoint.currentData() == 90
    assert shown(qtbot, wf, pair_id, today=date(2027, 6, 1)).checkpoint.currentData() == 90
    assert shown(qtbot, wf, pair_id, today=date(2027, 1, 2)).checkpoint.currentData() == 30


def test_a_review_date_is_checked_against_the_workshops_date(qtbot, wf: WorkshopFile) -> None:
    from PySide6.QtWidgets import QLabel

    dialog = shown(qtbot, wf, charter_pair(wf))  # the workshop was on 19 January 2027
    dialog.held_on.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "2027-02-10")
    warnings = [w.text() for w in dialog.held_on.findChildren(QLabel) if "⚠" in w.text()]
    assert warnings == []
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "2027-01-10")
    warnings = [w.text() for w in dialog.held_on.findChildren(QLabel) if "⚠" in w.text()]
    assert any("Before the workshop" in w for w in warnings)
