"""Long work off the GUI thread: results come back to the main thread by signal.

`run_in_process` sends a picklable function to a small pool of worker processes (PDF
rendering must not hold the GUI thread's interpreter). `BackgroundJob` runs a function on a
QThread with progress and cancel, for work that itself waits on processes.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workshop_app.core.errors import UserError
from workshop_app.core.parent_watch import watch_parent

log = logging.getLogger(__name__)

_pool: ProcessPoolExecutor | None = None


def process_pool() -> ProcessPoolExecutor:
    """One worker process, started on first use and kept warm for the next preview."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(1, multiprocessing.get_context("spawn"), watch_parent)
    return _pool


def warm_up_renderer() -> None:
    """Run in the preview process: get WeasyPrint ready. (Defined here so that the app need
    not import the renderer itself to ask for it.)"""
    from workshop_app.core.pdf_render import warm_up

    warm_up()


def shutdown_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


class _Relay(QObject):
    """Lives on the main thread; its slots run there whichever thread emits."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, value: Any) -> None:
        _pending.discard(self)
        self._on_done(value)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        _pending.discard(self)
        self._on_error(error)


_pending: set[_Relay] = set()


def run_in_process(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> Future[Any]:
    """Run `fn(*args)` in the worker process; call back on the main thread when done."""
    relay = _Relay(on_done, on_error)
    _pending.add(relay)

    def finished(future: Future[Any]) -> None:
        # Runs on a pool thread: the relay's signals queue the call to the main thread.
        if future.cancelled():
            _pending.discard(relay)
            return
        error = future.exception()
        if error is not None:
            relay.failed.emit(error)
        else:
            relay.done.emit(future.result())

    future = process_pool().submit(fn, *args)
    future.add_done_callback(finished)
    return future


class BackgroundJob(QThread):
    """Runs `work(progress, cancelled)` on its own thread.

    `progress(done, total)` may be called from the work; `cancel()` makes `cancelled()` true.
    Ends with `succeeded(result)`, `failed_with(message)` for a UserError, or `crashed(error)`.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed_with = Signal(str)
    crashed = Signal(object)

    def __init__(
        self,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except UserError as exc:
            self.failed_with.emit(exc.message)
        except Exception as exc:
            log.exception("Background job failed")
            self.crashed.emit(exc)
        else:
            self.succeeded.emit(result)
