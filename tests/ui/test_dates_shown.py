"""Dates shown in labels and lists follow the interface language (QLocale), never ISO text:
a closed pair's tile, the signatures under a charter (a check-in response's day: in
test_survey_import_dialog)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from workshop_app.core import i18n
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.widgets.charter_board import badge, tile_lines


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_interface_language(request.param)
    yield request.param
    i18n.set_interface_language("en")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.mark.parametrize(
    ("language", "closed"),
    [("en", "3 Mar 2027"), ("de", "3. März 2027"), ("it", "3 mar 2027"), ("fr", "3 mars 2027")],
    indirect=["language"],
)
def test_a_closed_pair_s_tile_says_the_day_in_words(
    demo: WorkshopFile, language: str, closed: str
) -> None:
    pair = replace(demo.charters.overview()[0], closed_on="2027-03-03")
    assert any(line.endswith(closed) for line in tile_lines(pair))
    assert closed in badge(pair)
    assert "2027-03-03" not in badge(pair)


@pytest.mark.parametrize(
    ("language", "day"),
    [("en", "19 Jan 2027"), ("de", "19. Jan. 2027"), ("it", "19 gen 2027")],
    indirect=["language"],
)
def test_the_signatures_say_when_in_the_interface_language(  # type: ignore[no-untyped-def]
    qtbot, demo: WorkshopFile, language: str, day: str
) -> None:
    page = ChartersPage(["A partner who goes silent"])
    qtbot.addWidget(page)
    page.set_workshop(demo)
    pair = demo.roster.pair_by_code("P01")  # signed at the demo workshop, 16:05 UTC
    assert pair is not None
    page.select_pair(pair.id)
    lines = page.editor.signatures.text().splitlines()
    assert lines
    for line in lines:
        assert re.search(rf", {re.escape(day)}, \d\d:\d\d$", line), line
        assert "2027-01-19" not in line
