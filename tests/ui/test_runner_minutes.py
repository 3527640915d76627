"""The runner and the presenter view say the agenda's minutes: an exercise the agenda gives
5 of its 10 minutes shows "2 minutes" where its file says {{ step_2_minutes }}, in the room
prompt, the notes, the debrief, the step line and on the projector."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workshop_app.core.content.library import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.runner import RunnerPage

WORKSHOP_DAY = datetime(2027, 1, 19, 9, 0, tzinfo=UTC)  # the demo's date
PURPOSE = """---
id: program-purpose
title: Why this program exists
kind: expectations
minutes: 10
format: pairs
audience: everyone
steps:
  - name: The program's goals
    minutes: 4
  - name: "Pairs: {{ step_2_minutes }} on what would make it worth it"
    minutes: 4
  - name: Voices
    minutes: 2
---

## Room prompt

**In your pair ({{ step_2_minutes }}):** what would make these months worth it?

## Facilitator notes

Present the goals in {{ step_1_minutes }}; {{ minutes }} in all.

## Debrief questions

- What did you agree on in {{ step_2_minutes }}?
"""


@pytest.fixture
def library(tmp_path: Path):
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "program-purpose.md").write_text(PURPOSE, encoding="utf-8")
    return load_library(extra_dirs=[folder])


def test_the_runner_and_presenter_say_the_agendas_minutes(qtbot, tmp_path: Path, library) -> None:
    create_demo(tmp_path / "live.workshop").close()
    wf = WorkshopFile.open(tmp_path / "live.workshop")
    purpose = next(s for s in wf.agenda.segments() if s.exercise_id == "program-purpose")
    wf.agenda.set_minutes(purpose.id, 5)  # as on the Agenda page: 5 of its 10 minutes
    clock = FakeClock(WORKSHOP_DAY)
    page = RunnerPage(library, clock=clock)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_workshop(wf)
    page.setFocus()
    runner = page.runner
    assert runner is not None
    qtbot.keyClick(page, Qt.Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None
    qtbot.keyClick(page, Qt.Key.Key_Space)
    while runner.live is not None and runner.live.exercise_id != "program-purpose":
        qtbot.keyClick(page, Qt.Key.Key_Right)
        qtbot.keyClick(page, Qt.Key.Key_Return)
    page.update_time()
    view = page.view
    # 5 minutes shrink the steps 4, 4, 2 to 2, 2, 1: the text says the timer's numbers.
    assert "In your pair (2 minutes):" in view.room_view.toPlainText()
    assert "in 2 minutes; 5 minutes in all." in view.notes_view.toPlainText()
    assert "What did you agree on in 2 minutes?" in view.debrief_view.toPlainText()
    assert "In your pair (2 minutes):" in presenter.shown_text()
    assert "{{" not in presenter.shown_text()
    clock.advance(2 * 60 + 1)  # into step 2
    page.update_time()
    assert "step 2 of 3: Pairs: 2 minutes on what would make it worth it" in (
        view.step_label.text()
    )
    assert view.timer.text() == "2:59"  # 3 minutes of the 5 left, 2 of them step 2's
    assert "Pairs: 2 minutes on what would make it worth it" in presenter.shown_text()
    page.set_workshop(None)
    wf.close()
