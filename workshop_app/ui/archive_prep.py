"""Keep the staff archive's charters rendered while a workshop is open.

Rendering is what an archive costs: about a quarter of a second of a core per charter, so
minutes for a large launch. While the workshop is open and nobody has changed it for a
little while (`QUIET_S`), a child process at a low priority renders into the render cache
every charter the archive would hold and the cache lacks (`exports.archive.prepare_archive`).
Exporting the archive afterwards copies files. It works one charter at a time, stops the
moment charters are being printed or anything is exported (they then have every core), and
starts again after the next quiet spell. It never writes to the workshop file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from workshop_app.core.i18n import _, ngettext
from workshop_app.core.jobs import CancelCheck, Progress, run_in_child
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.jobs import Job

log = logging.getLogger(__name__)

POLL_MS = 5000
QUIET_S = 20.0


class ArchivePreparer(QObject):
    """Watches the open workshop (a cheap query every `poll_ms`) and prepares the archive
    when it has been quiet for `quiet_s` seconds and `busy()` is false."""

    status = Signal(str)  # a sentence for the Export page

    def __init__(
        self,
        busy: Callable[[], bool],
        parent: QObject | None = None,
        *,
        poll_ms: int = POLL_MS,
        quiet_s: float = QUIET_S,
    ) -> None:
        super().__init__(parent)
        self._busy = busy
        self._quiet_s = quiet_s
        self.wf: WorkshopFile | None = None
        self.job: Job | None = None
        self.prepared_mark = ""  # the change mark of the workshop last prepared
        self._seen_mark = ""
        self._seen_at = 0.0
        self.last_status = ""
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check)

    def set_workshop(self, wf: WorkshopFile | None) -> None:
        self.stop(wait=True)
        self.wf = wf
        self.prepared_mark = self._seen_mark = ""
        self._seen_at = time.monotonic()
        if wf is None:
            self._timer.stop()
            self._say("")
        else:
            self._timer.start()

    def stop(self, *, wait: bool = False) -> None:
        """Stop the running preparation, if any: its child ends after the charter it is on.
        `wait` waits for that here (closing the workshop or the app); otherwise its end is
        heard later, and ignored."""
        job, self.job = self.job, None
        if job is not None:
            if wait:
                job.stop()
            else:
                job.cancel()

    def check(self) -> None:
        """One tick: start, keep or stop the preparation."""
        if self.wf is None or not self.wf.is_open:
            return
        if self._busy():
            if self.job is not None:
                self.stop(wait=False)
                self._say(_("Preparing the archive waits while charters print or files export."))
            return
        mark = self.wf.change_mark()
        if mark != self._seen_mark:
            self._seen_mark, self._seen_at = mark, time.monotonic()
        if self.job is not None or mark == self.prepared_mark:
            return
        if time.monotonic() - self._seen_at >= self._quiet_s:
            self._start(mark)

    def _start(self, mark: str) -> None:
        from workshop_app.core.exports.archive import prepare_archive

        assert self.wf is not None
        path = str(self.wf.path)

        def work(progress: Progress, cancelled: CancelCheck) -> int:
            rendered: int = run_in_child(
                prepare_archive, path, False, progress=progress, cancelled=cancelled
            )
            return rendered

        job = Job(
            work,
            done=lambda rendered: self._finished(job, mark, rendered),
            failed=lambda message: self._failed(job, mark, message),
            what=_("Preparing the archive"),
        )
        job.progressed.connect(lambda done, total: self._progressed(job, done, total))
        self.job = job.start()

    def _progressed(self, job: Job, done: int, total: int) -> None:
        if job is self.job and total and done < total:
            self._say(
                ngettext(
                    "Preparing the archive in the background: {done:,} of {total:,} charter "
                    "rendered.",
                    "Preparing the archive in the background: {done:,} of {total:,} charters "
                    "rendered.",
                    total,
                ).format(done=done, total=total)
            )

    def _finished(self, job: Job, mark: str, rendered: int) -> None:
        if job is not self.job:
            return  # stopped meanwhile
        self.job = None
        self.prepared_mark = mark
        self._say(
            _(
                "The archive's charters are ready (the staff copies, private content left out): "
                "exporting the archive is quick."
            )
        )
        log.info("archive prepared: %d charters rendered", rendered)

    def _failed(self, job: Job, mark: str, message: str) -> None:
        if job is not self.job:
            return
        self.job = None
        self.prepared_mark = mark  # tried: again after the next change, not in a loop
        log.warning("preparing the archive failed: %s", message)
        self._say("")

    def _say(self, text: str) -> None:
        if text != self.last_status:
            self.last_status = text
            self.status.emit(text)
