"""The Follow-up page computes the program's health once per change of the file: shown again
with nothing changed it computes nothing, and a log entry recomputes its own pair, the page
then showing what a recomputation of the whole file shows."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

import workshop_app.ui.pages.follow_up as follow_up_page
from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.core.followup import closing
from workshop_app.core.followup.board import board
from workshop_app.core.followup.health import follow_up
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.follow_up import FollowUpPage

TODAY = date(2027, 4, 29)  # the demo program 100 days after its launch


@pytest.fixture
def workshop(tmp_path: Path):  # type: ignore[no-untyped-def]
    wf = create_after_launch(tmp_path / "demo.workshop", today=TODAY)
    yield wf
    wf.close()


@pytest.fixture
def computations(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The days the page computed the whole program for."""
    seen: list[date] = []
    whole = follow_up_page.compute

    def counted(wf, today, library):  # type: ignore[no-untyped-def]
        seen.append(today)
        return whole(wf, today, library)

    monkeypatch.setattr(follow_up_page, "compute", counted)
    return seen


@pytest.fixture
def page(qtbot, workshop: WorkshopFile, computations: list[date]) -> FollowUpPage:  # type: ignore[no-untyped-def]
    page = FollowUpPage()
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.resize(1200, 680)
    page.set_workshop(workshop)
    page.show()
    qtbot.waitUntil(lambda: page.follow_up is not None)
    return page


def show_again(qtbot, page: FollowUpPage) -> None:  # type: ignore[no-untyped-def]
    page.hide()
    page.show()
    qtbot.waitUntil(lambda: not page._queued)  # the queued check has run


def shown_codes(page: FollowUpPage) -> list[str]:
    return [p.code for p in page.shown_pairs()]


def log_a_meeting(qtbot, page: FollowUpPage, code: str) -> None:  # type: ignore[no-untyped-def]
    page.search.clear()
    qtbot.keyClicks(page.search, code)
    assert page.selected_pair().code == code
    qtbot.mouseClick(page.log.text, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.log.text, "Met, all well")
    qtbot.keyClick(page.log.text, Qt.Key.Key_Return)


def test_shown_again_unchanged_it_computes_nothing_and_a_change_elsewhere_it_sees(
    qtbot, page: FollowUpPage, workshop: WorkshopFile, computations: list[date]
) -> None:
    assert computations == [TODAY]
    show_again(qtbot, page)
    page.refresh()  # what the window calls when another page wrote (here: nothing did)
    qtbot.waitUntil(lambda: not page._queued)
    assert computations == [TODAY]
    # Another program writes to the file (another connection): the page sees it when shown.
    p07 = next(p for p in page.follow_up.pairs if p.code == "P07")
    other = sqlite3.connect(workshop.path)
    with other:
        other.execute(
            "INSERT INTO contacts (id, pair_id, on_date, kind, who, text, updated_at)"
            " VALUES ('c-elsewhere', ?, ?, 'meeting', 'both', '', ?)",
            (p07.pair_id, TODAY.isoformat(), TODAY.isoformat()),
        )
    other.close()
    show_again(qtbot, page)
    assert computations == [TODAY, TODAY]
    assert page.follow_up == follow_up(workshop, today=TODAY)
    # A new day, nothing written: computed again for it.
    page.today = lambda: date(2027, 4, 30)
    show_again(qtbot, page)
    assert computations == [TODAY, TODAY, date(2027, 4, 30)]


def test_a_log_entry_recomputes_its_pair_and_the_page_shows_a_full_recomputes_figures(
    qtbot, page: FollowUpPage, workshop: WorkshopFile, computations: list[date]
) -> None:
    at_risk = next(
        b for b in page.findChildren(QPushButton) if b.accessibleName().startswith("At risk")
    )
    qtbot.mouseClick(at_risk, Qt.MouseButton.LeftButton)
    assert "P03" in shown_codes(page)
    log_a_meeting(qtbot, page, "P03")  # gone quiet: back on cadence
    assert computations == [TODAY]  # the pair alone, not the whole program
    whole = follow_up(workshop, today=TODAY)
    assert page.follow_up == whole
    assert page.board_figures == board(whole)
    assert page.model.rows() == list(whole.pairs)
    assert at_risk.accessibleName() == "At risk (4)"
    page.search.clear()
    assert "P03" not in shown_codes(page)  # the filter looked at the pair again
    # The page's own entry is no change it has to catch up with when shown again.
    show_again(qtbot, page)
    assert computations == [TODAY]


def test_a_dialog_that_saved_for_one_pair_has_that_pair_recomputed(
    qtbot, page: FollowUpPage, workshop: WorkshopFile, computations: list[date]
) -> None:
    p05 = next(p for p in page.follow_up.pairs if p.code == "P05")
    closing.close_pairing(
        workshop, p05.pair_id, closed_on=TODAY, reason="Not a fit", asked_by="both",
        rematched=False, today=TODAY,
    )  # fmt: skip
    page.refresh_pair(p05.pair_id)
    assert computations == [TODAY]
    assert page.follow_up == follow_up(workshop, today=TODAY)
    assert page.follow_up.pair(p05.pair_id).closed
    p12 = next(p for p in page.follow_up.pairs if p.code == "P12")
    workshop.roster.break_pair(p12.pair_id)  # no record yet: it can still be broken
    page.refresh_pair(p12.pair_id)
    assert page.follow_up == follow_up(workshop, today=TODAY)
    assert "P12" not in shown_codes(page)
