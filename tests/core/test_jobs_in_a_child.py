"""The child process that runs long work: its result, its errors and its end, whatever the
timing between its last message and its exit."""

from __future__ import annotations

import multiprocessing
import multiprocessing.queues
import queue
import time
from typing import Any

import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import SOURCE_LANGUAGE, _, set_interface_language
from workshop_app.core.jobs import Cancelled, run_in_child, stop_when_cancelled


def answer(value: int, *, progress: Any, cancelled: Any) -> int:
    progress(1, 1)
    return value


def refuse(*, progress: Any, cancelled: Any) -> None:
    raise UserError("The file is not a workshop.")


def crash(*, progress: Any, cancelled: Any) -> None:
    raise KeyError("no such column")


def wait_for_cancel(*, progress: Any, cancelled: Any) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        stop_when_cancelled(progress, cancelled)(0, 10)
        time.sleep(0.01)
    raise AssertionError("never cancelled")


def never(*, progress: Any, cancelled: Any) -> None:
    raise AssertionError("not called")


def test_the_result_and_the_progress_come_back() -> None:
    steps: list[tuple[int, int]] = []
    assert (
        run_in_child(answer, 42, progress=lambda *s: steps.append(s), cancelled=lambda: False) == 42
    )
    assert steps == [(1, 1)]


def test_a_user_error_is_raised_as_it_was_a_bug_is_not() -> None:
    with pytest.raises(UserError, match=r"^The file is not a workshop\.$"):
        run_in_child(refuse, progress=never, cancelled=lambda: False)
    with pytest.raises(RuntimeError, match="KeyError: 'no such column'") as raised:
        run_in_child(crash, progress=never, cancelled=lambda: False)
    assert "Traceback" in str(raised.value)  # the child's, for the log


def test_cancel_reaches_the_child_and_comes_back_as_cancelled() -> None:
    asked = time.monotonic() + 1.0
    with pytest.raises(Cancelled):
        run_in_child(
            wait_for_cancel, progress=lambda *_: None, cancelled=lambda: time.monotonic() > asked
        )


def test_a_child_that_answers_and_ends_between_two_looks_is_heard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The parent's wait for a message times out; before it looks whether the child is still
    alive, the child sends its result and exits. The result is not lost."""
    real_get = multiprocessing.queues.Queue.get
    raced: list[bool] = []

    def get(self: Any, block: bool = True, timeout: float | None = None) -> Any:
        if not raced:
            raced.append(True)
            deadline = time.monotonic() + 60
            while multiprocessing.active_children() and time.monotonic() < deadline:
                time.sleep(0.01)  # the child answers and ends meanwhile
            raise queue.Empty
        return real_get(self, block, timeout)

    monkeypatch.setattr(multiprocessing.queues.Queue, "get", get)
    assert run_in_child(answer, 7, progress=lambda *_: None, cancelled=lambda: False) == 7
    assert raced


def test_a_child_that_dies_is_reported_once_it_has_said_nothing() -> None:
    with pytest.raises(RuntimeError, match=r"ended unexpectedly \(-9\)"):
        run_in_child(die, progress=never, cancelled=lambda: False)


def die(*, progress: Any, cancelled: Any) -> None:
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


def refuse_in_words(*, progress: Any, cancelled: Any) -> None:
    raise UserError(_("Choose a roster first."))


def test_the_child_refuses_in_the_apps_language() -> None:
    set_interface_language("it")
    try:
        with pytest.raises(UserError) as refused:
            run_in_child(refuse_in_words, progress=lambda d, t: None, cancelled=lambda: False)
    finally:
        set_interface_language(SOURCE_LANGUAGE)
    assert refused.value.message == "Scelga prima un elenco dei partecipanti."
