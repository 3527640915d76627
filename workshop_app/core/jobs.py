"""Long work with progress and cancel, and the child process that does it away from the app.

Every long piece of work in the app has one shape: `work(*args, progress=..., cancelled=...)`.
It calls `progress(done, total)` as it goes and looks at `cancelled()` where stopping is safe;
when that is true it raises `Cancelled`, having written nothing (exports and merges write to a
temporary name and move it into place only at the end). `ui.jobs.Job` runs such work on a
thread for the window; the CLI runs it directly.

`run_in_child` runs it in a child process. The app's own process then does none of the work,
not even on a thread: reading thousands of records, encoding JSON and laying out PDFs all hold
Python's interpreter lock for long stretches, long enough to make the window and the
projector's timer stutter. The child opens the workshop read-only, which SQLite allows while
the app keeps writing to it.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_module
import traceback
from collections.abc import Callable
from typing import Any

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import interface_language, set_interface_language
from workshop_app.core.parent_watch import watch_parent

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

# How long the parent waits for the last message of a child that has ended: the child's queue
# flushes its messages into the pipe before the process exits, so they are there to be read.
_LAST_WORDS_S = 1.0


class Cancelled(Exception):
    """The work stopped because it was asked to; nothing was written."""


def never_cancelled() -> bool:
    return False


def stop_when_cancelled(progress: Progress, cancelled: CancelCheck) -> Progress:
    """A progress callback that raises `Cancelled` once `cancelled()` is true, for work that
    takes only a progress callback (exports, merge). It never raises on the last step: by then
    the result is already in place."""

    def checked(done: int, total: int) -> None:
        if done < total and cancelled():
            raise Cancelled
        progress(done, total)

    return checked


def _child(
    target: Callable[..., Any], args: tuple[Any, ...], messages: Any, stop: Any, language: str
) -> None:
    watch_parent()  # a killed app leaves no child behind
    # A spawned child starts in English: its refusals and notes are read in the app's language.
    set_interface_language(language)
    try:
        result = target(
            *args,
            progress=lambda done, total: messages.put(("progress", done, total)),
            cancelled=stop.is_set,
        )
    except Cancelled:
        messages.put(("cancelled",))
    except UserError as exc:
        messages.put(("user_error", exc.message, exc.details))
    except BaseException:
        messages.put(("error", traceback.format_exc()))
    else:
        messages.put(("done", result))


def run_in_child(
    target: Callable[..., Any],
    *args: Any,
    progress: Progress,
    cancelled: CancelCheck,
) -> Any:
    """`target(*args, progress=..., cancelled=...)` in a child process; waits for its result.

    `target` is a module-level function taking plain data. A UserError or `Cancelled` in the
    child is raised here as it was raised there; any other error is a RuntimeError carrying
    the child's traceback. `cancelled()` is passed on to the child. If this thread is
    interrupted (an error in `progress`), the child is told to stop and waited for, so no file
    is half-written behind the caller's back.
    """
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    stop = context.Event()
    child = context.Process(
        target=_child, args=(target, args, messages, stop, interface_language())
    )
    child.start()
    try:
        while True:
            if cancelled():
                stop.set()
            message = _next_message(messages, child)
            kind = message[0]
            if kind == "progress":
                progress(message[1], message[2])
            elif kind == "done":
                return message[1]
            elif kind == "cancelled":
                raise Cancelled
            elif kind == "user_error":
                raise UserError(message[1], details=message[2])
            else:
                raise RuntimeError(f"the background process failed:\n{message[1]}")
    finally:
        stop.set()
        child.join(timeout=60)
        if child.is_alive():
            child.kill()
            child.join()
        messages.close()


def _next_message(messages: Any, child: Any) -> tuple[Any, ...]:
    """The child's next message. A child may send its last one and end between two looks, so
    one that has ended is asked once more before it is taken for one that died."""
    while True:
        try:
            message: tuple[Any, ...] = messages.get(timeout=0.1)
            return message
        except queue_module.Empty:
            if child.is_alive():
                continue
        try:
            message = messages.get(timeout=_LAST_WORDS_S)
            return message
        except queue_module.Empty:
            raise RuntimeError(
                f"the background process ended unexpectedly ({child.exitcode})"
            ) from None
