"""Background work for the window: one way to run it, one lifecycle, one progress row.

A page says only *what* to run and what to do with the outcome:

    Job(work, done=show_result, failed=show_message, cancelled=say_cancelled).start()

`work(progress, cancelled)` runs on a worker thread (the `core.jobs` shape: it raises
`Cancelled` when asked to stop). Work that would hold this process's interpreter for long
(exports, PDFs, a merge) hands itself to a child process inside `work`
(`core.jobs.run_in_child`), or to the warm preview process (`in_preview_process`).

The lifecycle, the same for every job: the outcome reaches the GUI thread only once the thread
has finished, the thread is then deleted, and quitting the app stops and waits for every job.
A `UserError` becomes its message for the person; anything else is a bug, logged with its
traceback and shown as one; `Cancelled` calls `cancelled`.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _
from workshop_app.core.jobs import CancelCheck, Cancelled, Progress
from workshop_app.core.parent_watch import watch_parent
from workshop_app.core.paths import log_file

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)

Work = Callable[[Progress, CancelCheck], Any]

_running: set[Job] = set()  # a running job must outlive whoever dropped it
_quit_hooked: set[int] = set()  # the applications whose aboutToQuit stops the jobs


class _Thread(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Work, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._work = work
        self.stop = threading.Event()
        self.outcome: tuple[str, Any] = ("cancelled", None)

    def run(self) -> None:
        try:
            self.outcome = ("done", self._work(self.progressed.emit, self.stop.is_set))
        except Cancelled:
            self.outcome = ("cancelled", None)
        except UserError as exc:
            self.outcome = ("user_error", exc.message)
        except Exception as exc:
            log.exception("%s failed", self.objectName())
            self.outcome = ("bug", exc)


class Job(QObject):
    """One piece of work on its own thread, started once.

    Once the thread has finished, `ended` is emitted on the GUI thread (a progress row hides,
    so whoever is told of the outcome can start the next job), then `done(result)`,
    `failed(message)` or `cancelled()` is called there. `what` names the work in a bug's message.
    `discard(result)` takes a result that nobody will get because the job was stopped (a file
    it opened, to close)."""

    progressed = Signal(int, int)
    ended = Signal()

    def __init__(
        self,
        work: Work,
        *,
        done: Callable[[Any], None],
        failed: Callable[[str], None],
        cancelled: Callable[[], None] | None = None,
        discard: Callable[[Any], None] | None = None,
        what: str = "",
    ) -> None:
        super().__init__()
        self._done, self._failed, self._cancelled = done, failed, cancelled
        self._discard = discard
        self.what = what
        self._thread: _Thread | None = _Thread(work, what)
        self._thread.progressed.connect(self.progressed)
        self._thread.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._delivered = False

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> Job:
        assert self._thread is not None and not self._thread.isRunning(), "a job runs once"
        _running.add(self)
        _stop_jobs_when_the_app_quits()
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop; its outcome (usually `cancelled`) comes as for any end."""
        if self._thread is not None:
            self._thread.stop.set()

    def stop(self) -> None:
        """Cancel and wait for the thread here; no callback is called (the window is going
        away), a result is handed to `discard`."""
        thread = self._thread
        if thread is None:
            return
        thread.stop.set()
        thread.wait()
        self._delivered = True
        self._release()
        kind, value = thread.outcome
        if kind == "done" and self._discard is not None:
            self._discard(value)
        self.ended.emit()

    def _finish(self) -> None:
        thread = self._thread
        if thread is None or self._delivered:
            return
        thread.wait()  # it has finished: only the return from run() is left
        self._release()
        self.ended.emit()
        kind, value = thread.outcome
        if kind == "done":
            self._done(value)
        elif kind == "cancelled":
            if self._cancelled is not None:
                self._cancelled()
        elif kind == "user_error":
            self._failed(value)
        else:
            self._failed(bug_message(self.what, value))

    def _release(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.deleteLater()
        _running.discard(self)


def bug_message(what: str, error: BaseException) -> str:
    text = (
        _("{what} stopped on an unexpected error ({error}). The details are in {log}.")
        if what
        else _("The job stopped on an unexpected error ({error}). The details are in {log}.")
    )
    return text.format(what=what, error=error, log=log_file())


def any_running() -> bool:
    """Whether a job is still running (one that was cancelled may still be on its way out)."""
    return bool(_running)


def stop_all() -> None:
    """Stop every running job and wait for it (the app is quitting)."""
    for job in list(_running):
        job.stop()


def _stop_jobs_when_the_app_quits() -> None:
    # A QThread must not be destroyed while it runs.
    app = QCoreApplication.instance()
    if app is not None and id(app) not in _quit_hooked:
        _quit_hooked.add(id(app))
        app.aboutToQuit.connect(stop_all)


# -- the warm preview process --------------------------------------------------------------

_pool: ProcessPoolExecutor | None = None


def _preview_pool() -> ProcessPoolExecutor:
    """One worker process, started on first use and kept warm for the next preview."""
    from concurrent.futures import ProcessPoolExecutor

    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=watch_parent,  # a killed app leaves no worker behind
        )
    return _pool


def in_preview_process(fn: Callable[..., Any], *args: Any) -> Work:
    """Work that runs `fn(*args)` (picklable) in the warm preview process: a preview or a
    sign-in sheet is ready in the time it takes to render, with no process to start."""

    def work(_progress: Progress, _cancelled: CancelCheck) -> Any:
        return _preview_pool().submit(fn, *args).result()

    return work


def warm_up_preview_process() -> None:
    """Start the preview process now and get WeasyPrint ready in it, off the GUI thread."""
    _preview_pool().submit(_warm_up_renderer)


def _warm_up_renderer() -> None:
    # Run in the preview process (defined here: the app itself need not import the renderer).
    from workshop_app.core.charters.pdf_render import warm_up

    warm_up()


def shutdown_preview_process() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


# -- the progress row ----------------------------------------------------------------------


class JobRow(QWidget):
    """What is running, how far it has got, and Cancel; runs one job at a time.

    `what` names the work for a screen reader ("Printing": "Printing progress", "Cancel
    printing"). `button`, if given, is the one that starts the job: it is disabled while the
    job runs, and if it had the focus, Cancel holds it meanwhile and hands it back at the end
    (else the focus would fall further down the page, and the page would scroll away).
    Cancel stays enabled once pressed, for the same reason; pressing it again does no harm.
    """

    def __init__(self, what: str, *, button: QPushButton | None = None) -> None:
        super().__init__()
        self.button = button
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(_("{what} progress").format(what=what))
        self.cancel_button = QPushButton(_("Cancel"))
        # Translators: {what} is the job's name ("Export"), in lower case.
        self.cancel_button.setAccessibleName(_("Cancel {what}").format(what=what.lower()))
        self.cancel_button.clicked.connect(self.cancel)
        # Its own width wherever the row is (a status bar gives a row more than it asks for).
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.job: Job | None = None
        self._counting = ""
        self.hide()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def run(self, text: str, job: Job, *, counting: str = "") -> None:
        """Show `text` and start `job`; `counting`, if given, becomes "COUNTING: 3 of 12" as
        the job reports its steps."""
        assert self.job is None, "one job at a time"
        self.job = job
        self._counting = counting
        job.progressed.connect(self._progress)
        job.ended.connect(lambda: self._ended(job))
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first step is reported
        self.show()
        if self.button is not None:
            if self.button.hasFocus():
                self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.button.setEnabled(False)
        job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.label.setText(_("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if self._counting and self.job is not None:
            self.label.setText(
                _("{counting}: {done:,} of {total:,}").format(
                    counting=self._counting, done=done, total=total
                )
            )

    def _ended(self, job: Job) -> None:
        if job is not self.job:
            return
        self.job = None
        if self.button is not None:
            self.button.setEnabled(True)
            if self.cancel_button.hasFocus():
                self.button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.hide()
