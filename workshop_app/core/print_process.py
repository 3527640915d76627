"""Print a workshop's charters from a separate process, reporting progress over a queue.

The app's own process then does no rendering work at all, not even on a thread: reading the
charters, handing them to WeasyPrint workers and joining the combined PDF all hold Python's
interpreter lock at times, long enough to make a ticking timer stutter. The child opens the
workshop read-only, which SQLite allows while the app keeps writing to it.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_module
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workshop_app.core.batch_render import BatchResult, render_charters
from workshop_app.core.charter_context import charter_context
from workshop_app.core.errors import UserError
from workshop_app.core.workshop_file import WorkshopFile


def _child(path: str, pair_ids: list[str], out_dir: str, messages: Any, stop: Any) -> None:
    try:
        with WorkshopFile.open(Path(path), readonly=True) as wf:
            contexts = [charter_context(wf, pair_id) for pair_id in pair_ids]
        result = render_charters(
            contexts,
            out_dir=Path(out_dir),
            combined=True,
            progress=lambda done, total: messages.put(("progress", done, total)),
            cancelled=stop.is_set,
        )
    except UserError as exc:
        messages.put(("user_error", exc.message))
    except BaseException:
        messages.put(("error", traceback.format_exc()))
    else:
        messages.put(("done", result))


def print_in_process(
    path: Path,
    pair_ids: Sequence[str],
    out_dir: Path,
    *,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> BatchResult:
    """Render `pair_ids` into `out_dir` (plus the combined PDF) in a child process; waits.

    Call it from a worker thread: it only waits on the child, so it barely touches the
    interpreter lock. A cancel is passed on to the child, which stops at the next charter.
    """
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    stop = context.Event()
    child = context.Process(
        target=_child, args=(str(path), list(pair_ids), str(out_dir), messages, stop)
    )
    child.start()
    try:
        while True:
            if cancelled():
                stop.set()
            try:
                message = messages.get(timeout=0.1)
            except queue_module.Empty:
                if not child.is_alive():
                    raise RuntimeError(
                        f"the printing process ended unexpectedly ({child.exitcode})"
                    ) from None
                continue
            kind = message[0]
            if kind == "progress":
                progress(message[1], message[2])
            elif kind == "done":
                result: BatchResult = message[1]
                return result
            elif kind == "user_error":
                raise UserError(message[1])
            else:
                raise RuntimeError(f"printing failed in its process:\n{message[1]}")
    finally:
        child.join(timeout=30)
        if child.is_alive():
            child.kill()
            child.join()
        messages.close()
