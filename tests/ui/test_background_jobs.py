"""One lifecycle for every background job: its outcome reaches the window only after its
thread has finished, the thread is then deleted, errors a person can fix are messages and bugs
are logged, and a progress row runs one job with Cancel under the keyboard."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from workshop_app.core.errors import UserError
from workshop_app.core.jobs import Cancelled, stop_when_cancelled
from workshop_app.ui import jobs
from workshop_app.ui.jobs import Job, JobRow


class Outcome:
    def __init__(self) -> None:
        self.seen: list[tuple[str, Any]] = []

    def job(self, work: Any, **kwargs: Any) -> Job:
        return Job(
            work,
            done=lambda result: self.seen.append(("done", result)),
            failed=lambda message: self.seen.append(("failed", message)),
            cancelled=lambda: self.seen.append(("cancelled", None)),
            **kwargs,
        )


def test_the_result_comes_once_the_thread_has_finished_and_the_thread_goes(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome = Outcome()
    job = outcome.job(lambda progress, cancelled: threading.current_thread().name)
    thread = job._thread
    assert thread is not None
    finished_first: list[bool] = []
    job.ended.connect(lambda: finished_first.append(thread.isFinished()))
    job.start()
    qtbot.waitUntil(lambda: bool(outcome.seen))
    assert outcome.seen[0][0] == "done" and outcome.seen[0][1] != "MainThread"
    assert finished_first == [True]
    qtbot.waitUntil(lambda: not shiboken6.isValid(thread))  # deleteLater'd
    assert not jobs.any_running()


def test_a_user_error_is_its_message_a_bug_is_logged_and_said(  # type: ignore[no-untyped-def]
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    outcome = Outcome()

    def refuse(progress: Any, cancelled: Any) -> None:
        raise UserError("The disk is full: nothing was written to x.json.")

    def bug(progress: Any, cancelled: Any) -> None:
        raise KeyError("no such column")

    outcome.job(refuse).start()
    qtbot.waitUntil(lambda: len(outcome.seen) == 1)
    with caplog.at_level(logging.ERROR, logger="workshop_app.ui.jobs"):
        outcome.job(bug, what="The export").start()
        qtbot.waitUntil(lambda: len(outcome.seen) == 2)
    assert outcome.seen[0] == ("failed", "The disk is full: nothing was written to x.json.")
    kind, message = outcome.seen[1]
    assert kind == "failed"
    assert message.startswith("The export stopped on an unexpected error ('no such column').")
    assert "workshop-app.log" in message
    assert "KeyError: 'no such column'" in caplog.text and "Traceback" in caplog.text


def test_cancel_is_heard_by_the_work_and_said_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome = Outcome()
    started = threading.Event()

    def work(progress: Any, cancelled: Any) -> None:
        started.set()
        while True:
            stop_when_cancelled(progress, cancelled)(0, 1)

    job = outcome.job(work).start()
    started.wait(10)
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcome.seen))
    assert outcome.seen == [("cancelled", None)]


def test_stop_waits_here_and_hands_the_result_to_discard(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome = Outcome()
    discarded: list[str] = []
    release = threading.Event()

    def work(progress: Any, cancelled: Any) -> str:
        release.wait(10)
        return "an open file"

    job = outcome.job(work, discard=discarded.append).start()
    threading.Timer(0.2, release.set).start()
    job.stop()  # the window is going away: wait for the work, take nothing from it
    assert discarded == ["an open file"] and not job.running
    qtbot.wait(50)
    assert outcome.seen == []  # no callback into a window that is closing


def test_the_row_runs_one_job_and_cancel_keeps_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    start = QPushButton("Export")
    row = JobRow("Export", button=start)
    layout = QVBoxLayout(page)
    layout.addWidget(start)
    layout.addWidget(row)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    outcome = Outcome()
    going = threading.Event()

    def work(progress: Any, cancelled: Any) -> None:
        progress(1, 4)
        going.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise Cancelled

    page.activateWindow()
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    row.run("Exporting…", outcome.job(work), counting="Tables written")
    assert row.busy and row.isVisible() and not start.isEnabled()
    assert row.cancel_button.hasFocus()  # not a widget further down the page
    assert row.bar.accessibleName() == "Export progress"
    assert row.cancel_button.accessibleName() == "Cancel export"
    qtbot.waitUntil(lambda: row.label.text() == "Tables written: 1 of 4")
    qtbot.keyClick(row.cancel_button, Qt.Key.Key_Space)
    assert row.label.text() == "Cancelling…"
    qtbot.waitUntil(lambda: bool(outcome.seen))
    assert outcome.seen == [("cancelled", None)]
    assert not row.busy and row.isHidden() and start.isEnabled() and start.hasFocus()
