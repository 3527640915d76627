"""Every exercise of both shipped agendas, run in the runner with the presenter view open, at
the agenda's minutes: every number of minutes the facilitator or the room is shown (room
prompt, notes, debrief, the step line, the projector) is one the timer counts down for that
segment: the segment's minutes, or one of its steps' or phases'. Lengths the file writes in
quotes ({{ "60 minutes" }}: how long pairs meet, a call in a story) are not the exercise's,
and are left out. A scenario's story (situation, plans) is the pairs', not the timer's."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workshop_app.core.content.durations import fixed_minutes
from workshop_app.core.content.library import Exercise, load_library
from workshop_app.core.content.placeholders import AS_WRITTEN
from workshop_app.core.demo import create_demo
from workshop_app.core.runner.agenda_store import planned_from
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.runner import RunnerPage

WORKSHOP_DAY = datetime(2027, 1, 19, 9, 0, tzinfo=UTC)  # the demo's date


@pytest.fixture(scope="module")
def library():
    return load_library()


def as_written(exercise: Exercise) -> list[str]:
    """The lengths the exercise's file writes in quotes, longest first."""
    texts = [
        exercise.room_prompt,
        exercise.facilitator_notes,
        *exercise.debrief_questions,
        *(s.name for s in exercise.steps),
        *(p.name for s in exercise.steps for p in s.phases),
    ]
    found = {m.group(1) for text in texts for m in AS_WRITTEN.finditer(text)}
    return sorted(found, key=len, reverse=True)


def minutes_shown(text: str, exercise: Exercise) -> list[tuple[str, float | None]]:
    for written in as_written(exercise):
        text = text.replace(written, " ")
    return fixed_minutes(re.sub(r"\s+", " ", text))


@pytest.mark.parametrize("agenda_id", ["half-day-launch", "express-launch"])
def test_every_minute_shown_is_one_the_timer_counts(
    qtbot, tmp_path: Path, library, agenda_id: str
) -> None:
    create_demo(tmp_path / "run.workshop").close()
    wf = WorkshopFile.open(tmp_path / "run.workshop")
    wf.agenda.choose(agenda_id, planned_from(library.agenda(agenda_id), library))
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
    wrong: list[str] = []
    exercises_seen = 0
    while runner.live is not None:
        segment = runner.live
        exercise = runner.exercise(segment)
        page.update_time()
        if exercise is not None:
            exercises_seen += 1
            view = page.view
            shown = [
                view.room_view.toPlainText(),
                view.notes_view.toPlainText(),
                view.debrief_view.toPlainText(),
                presenter.shown_text(),
            ]
            # The timer's numbers: the segment's, and each stretch it counts down, alone
            # and summed over a round of the step it belongs to.
            counted = {segment.planned_minutes}
            round_total: dict[tuple[str, int], float] = {}
            now = runner.step_now()
            while now is not None:
                shown += [view.step_label.text(), presenter.shown_text()]
                minutes = now.remaining_seconds / 60
                counted.add(minutes)
                key = (now.step.step, now.step.round)
                round_total[key] = round_total.get(key, 0.0) + minutes
                clock.advance(now.remaining_seconds)
                page.update_time()
                now = None if now.next_step is None else runner.step_now()
            counted |= set(round_total.values())
            for text in shown:
                for written, value in minutes_shown(text, exercise):
                    if value is None or not any(abs(value - c) < 1e-6 for c in counted):
                        wrong.append(
                            f"{agenda_id}: {exercise.id} at {segment.planned_minutes:g} min "
                            f"shows '{written}'; the timer counts {sorted(counted)}"
                        )
        clock.advance(max(0.0, runner.remaining()))
        qtbot.keyClick(page, Qt.Key.Key_Right)
        qtbot.keyClick(page, Qt.Key.Key_Return)  # the next segment, or "End the workshop"
    assert exercises_seen == sum(1 for i in library.agenda(agenda_id).items if not i.is_break)
    assert not wrong, "\n".join(dict.fromkeys(wrong))
    page.set_workshop(None)
    wf.close()
