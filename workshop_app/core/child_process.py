"""Run long work in a child process, with progress and cancel, and wait for it from a thread.

The app's own process then does none of the work, not even on a thread: reading thousands
of records, encoding JSON and laying out PDFs all hold Python's interpreter lock for long
stretches, long enough to make the window and the projector's timer stutter. The child
opens the workshop read-only, which SQLite allows while the app keeps writing to it.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_module
import traceback
from collections.abc import Callable
from typing import Any

from workshop_app.core.errors import UserError
from workshop_app.core.parent_watch import watch_parent

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def _child(target: Callable[..., Any], args: tuple[Any, ...], messages: Any, stop: Any) -> None:
    watch_parent()
    try:
        result = target(
            *args,
            progress=lambda done, total: messages.put(("progress", done, total)),
            cancelled=stop.is_set,
        )
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
    cancelled: Cancelled,
) -> Any:
    """`target(*args, progress=..., cancelled=...)` in a child process; waits for its result.

    `target` is a module-level function taking plain data. A UserError in the child is raised
    here with its message. `cancelled()` is passed on to the child; if `progress` raises (a
    caller's way to cancel), the child is told to stop, and the exception is raised once it
    has ended, so no file is half-written behind the caller's back.
    """
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    stop = context.Event()
    child = context.Process(target=_child, args=(target, args, messages, stop))
    child.start()
    stopped_by: BaseException | None = None
    try:
        while True:
            if cancelled():
                stop.set()
            try:
                message = messages.get(timeout=0.1)
            except queue_module.Empty:
                if not child.is_alive():
                    if stopped_by is not None:
                        raise stopped_by from None
                    raise RuntimeError(
                        f"the background process ended unexpectedly ({child.exitcode})"
                    ) from None
                continue
            kind = message[0]
            if kind == "progress":
                if stopped_by is None:
                    try:
                        progress(message[1], message[2])
                    except BaseException as exc:  # the caller's cancel
                        stopped_by = exc
                        stop.set()
            elif stopped_by is not None:
                raise stopped_by
            elif kind == "done":
                return message[1]
            elif kind == "user_error":
                raise UserError(message[1], details=message[2])
            else:
                raise RuntimeError(f"the background process failed:\n{message[1]}")
    finally:
        child.join(timeout=60)
        if child.is_alive():
            child.kill()
            child.join()
        messages.close()
