"""Print charters without making the room wait: render in the background, then print or save.

A worker thread waits on a printing process (`core.print_process`) that reads the workshop
read-only and hands the charters to WeasyPrint worker processes. The GUI thread only updates
the progress bar and, at the end, prints the pages.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from workshop_app.core.batch_render import BatchResult
from workshop_app.core.print_process import print_in_process
from workshop_app.core.words import count
from workshop_app.core.workshop_file import WorkshopFile
from workshop_app.ui.tasks import BackgroundJob


def render_job(
    path: Path, pair_ids: Sequence[str], out_dir: Path
) -> Callable[[Callable[[int, int], None], Callable[[], bool]], BatchResult]:
    """The work of one print job, to run on a BackgroundJob's thread."""

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> BatchResult:
        return print_in_process(path, pair_ids, out_dir, progress=progress, cancelled=cancelled)

    return work


class ProgressPanel(QWidget):
    """Sits in the status bar while charters render: what, how far, and Cancel."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setAccessibleName("Printing progress")
        self.cancel = QPushButton("Cancel")
        self.cancel.setAccessibleName("Cancel printing")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()


class PrintController(QObject):
    """Runs one print job at a time and reports through `message`."""

    message = Signal(str)
    finished = Signal(object)  # BatchResult, or None when cancelled or failed

    def __init__(self, panel: ProgressPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.panel = panel
        self.window = parent
        self.job: BackgroundJob | None = None
        self.panel.cancel.clicked.connect(self.cancel)
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self.printer_factory: Callable[[], QPrinter] = lambda: QPrinter(
            QPrinter.PrinterMode.HighResolution
        )
        self.ask_printer = True

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, wf: WorkshopFile, pair_ids: Sequence[str], *, folder: Path | None) -> bool:
        """Render `pair_ids`; save them in `folder`, or send them to a printer if None."""
        if self.job is not None:
            self.message.emit("Charters are already being printed; wait or cancel first.")
            return False
        if not pair_ids:
            self.message.emit("There are no charters to print.")
            return False
        if folder is None:
            self._temp = tempfile.TemporaryDirectory(prefix="charters-")
            out_dir = Path(self._temp.name)
        else:
            out_dir = folder
        job = BackgroundJob(render_job(wf.path, list(pair_ids), out_dir), self)
        job.progressed.connect(self._progress)
        job.succeeded.connect(lambda result: self._end(lambda: self._done(result, folder)))
        job.failed_with.connect(lambda text: self._end(lambda: self._failed(text)))
        job.crashed.connect(lambda exc: self._end(lambda: self._failed(f"Printing failed: {exc}")))
        self.job = job
        self.panel.label.setText(f"Rendering {count(len(pair_ids), 'charter')}…")
        self.panel.bar.setRange(0, len(pair_ids))
        self.panel.bar.setValue(0)
        self.panel.cancel.setEnabled(True)
        self.panel.show()
        job.start()
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.panel.label.setText("Cancelling…")
            self.panel.cancel.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.panel.bar.setRange(0, total)
        self.panel.bar.setValue(done)
        self.panel.label.setText(f"Rendering charters: {done} of {total}")

    def _done(self, result: BatchResult, folder: Path | None) -> None:
        self.panel.hide()
        if result.cancelled:
            self.message.emit("Printing cancelled; nothing was printed.")
            self.finished.emit(None)
            return
        if folder is not None:
            self.message.emit(f"Saved {count(len(result.files), 'charter')} in {folder}.")
            self.finished.emit(result)
            return
        assert result.combined is not None
        printed = self.print_pdf(result.combined)
        self.message.emit(
            f"Sent {count(len(result.files), 'charter')} to the printer."
            if printed
            else "Printing cancelled at the print dialog."
        )
        self.finished.emit(result if printed else None)

    def _failed(self, text: str) -> None:
        self.panel.hide()
        self.message.emit(text)
        self.finished.emit(None)

    def _end(self, then: Callable[[], None]) -> None:
        """The job has sent its result: it is over before `then` reports it, so whoever
        hears `finished` can start the next print straight away."""
        job, temp = self.job, self._temp
        self.job, self._temp = None, None
        if job is not None:
            job.wait()  # only the return from its run() is left
            job.deleteLater()
        then()  # may print from `temp`, which is removed only after
        if temp is not None:
            temp.cleanup()

    def print_pdf(self, pdf: Path) -> bool:
        document = QPdfDocument(self)
        document.load(str(pdf))
        printer = self.printer_factory()
        # The charter's own paper (A4 or Letter), edge to edge: its margins are in the PDF.
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(document.pagePointSize(0), QPageSize.Unit.Point))
        if self.ask_printer:
            dialog = QPrintDialog(printer, self.window)
            dialog.setWindowTitle("Print charters")
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                document.close()
                return False
        painter = QPainter()
        if not painter.begin(printer):
            self.message.emit("The printer could not be started.")
            return False
        try:
            page_rect = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            for index in range(document.pageCount()):
                if index:
                    printer.newPage()
                size = QSize(page_rect.width(), page_rect.height())
                painter.drawImage(page_rect.topLeft(), document.render(index, size))
                QApplication.processEvents()  # the timer on the projector keeps ticking
        finally:
            painter.end()
            document.close()
        return True


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
