"""Print charters without making the room wait: render in the background, then print or save.

A `Job` waits on a printing process (`charters.print_process`) that reads the workshop read-only
and hands the charters to WeasyPrint worker processes. The GUI thread only updates the
progress row and, at the end, prints the pages.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.core.charters.batch import COMBINED_NAME, BatchResult
from workshop_app.core.charters.print_options import PrintOptions
from workshop_app.core.charters.print_process import print_in_process
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.jobs import CancelCheck, Progress
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.core.temp_files import app_temp_dir, new_folder
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.dialogs.print_options import PrintOptionsDialog
from workshop_app.ui.jobs import Job, JobRow, Work
from workshop_app.ui.screen_fit import keep_on_screen
from workshop_app.ui.settings import AppSettings


def render_job(path: Path, pair_ids: Sequence[str], out_dir: Path, options: PrintOptions) -> Work:
    """The work of one print job: a printing process renders, this thread waits for it."""

    def work(progress: Progress, cancelled: CancelCheck) -> BatchResult:
        return print_in_process(
            path, pair_ids, out_dir, options, progress=progress, cancelled=cancelled
        )

    return work


class PrintController(QObject):
    """Runs one print job at a time, its progress in `row`, and reports through `message`.

    It is busy from the start of rendering to the end of printing: the pages are sent to the
    printer on this thread (the painting lets the window repaint between pages), and neither a
    second job nor removing the rendered files may happen meanwhile.

    The print options (double-sided, labelled copies) are asked before rendering and kept in
    `settings`; `ask_printer` False (tests printing to a file) asks neither them nor the
    printer, and the options chosen last apply."""

    message = Signal(str)
    finished = Signal(object)  # BatchResult, or None when cancelled or failed

    def __init__(self, row: JobRow, parent: QWidget, settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.window = parent
        self.settings = settings
        self._options = settings.print_options() if settings else PrintOptions()
        self.options_dialog: PrintOptionsDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.printing: Path | None = None  # the PDF being sent to the printer
        self.printer_factory: Callable[[], QPrinter] = lambda: QPrinter(
            QPrinter.PrinterMode.HighResolution
        )
        self.ask_printer = True

    @property
    def busy(self) -> bool:
        return self.row.busy or self.printing is not None

    @property
    def options(self) -> PrintOptions:
        """The print options chosen last (double-sided, one plain copy at first)."""
        return self._options

    def ready(self, pair_ids: Sequence[str]) -> bool:
        """Whether a print of `pair_ids` can start now; if not, the message says why."""
        if self.busy:
            self.message.emit(_("Charters are already being printed; wait or cancel first."))
            return False
        if not pair_ids:
            self.message.emit(_("There are no charters to print."))
            return False
        return True

    def choose_options(
        self, charters: int, *, saving: bool, combined_name: str = COMBINED_NAME
    ) -> PrintOptions | None:
        """Ask how to print (or save) `charters` charters; None if the person cancelled.
        The choice is kept for next time; `combined_name` is the file the options shape."""
        if not self.ask_printer:
            return self._options
        dialog = PrintOptionsDialog(
            charters=charters,
            saving=saving,
            options=self._options,
            combined_name=combined_name,
            parent=self.window,
        )
        self.options_dialog = dialog  # found by tests and the accessibility checks
        with deleted_after(dialog):
            if dialog.exec() != PrintOptionsDialog.DialogCode.Accepted:
                return None
            self._options = dialog.values()
        if self.settings is not None:
            self.settings.set_print_options(self._options)
        return self._options

    def start(self, wf: WorkshopFile, pair_ids: Sequence[str], *, folder: Path | None) -> bool:
        """Render `pair_ids` with the current options; save them in `folder`, or send them
        to a printer if None."""
        if not self.ready(pair_ids):
            return False
        options = self._options
        temp = None
        out_dir = folder
        if out_dir is None:
            # The app's own private temporary folder: a print killed half-way is cleared at
            # the next start, and nobody else on the laptop reads the pairs' charters there.
            try:
                temp = out_dir = new_folder(app_temp_dir(), "print")
            except OSError as exc:
                self.message.emit(
                    _("Nothing was printed: the charters had nowhere to go ({error}).").format(
                        error=exc
                    )
                )
                return False
        job = Job(
            render_job(wf.path, list(pair_ids), out_dir, options),
            done=lambda result: self._done(result, folder, temp, options),
            failed=lambda text: self._failed(text, temp),
            cancelled=lambda: self._cancelled(temp),
            what=_("Printing"),
        )
        # With copies, each pair's charter and then its copies are counted.
        counting = _("Rendering charters and copies") if options.copies else _("Rendering charters")
        n = len(pair_ids)
        rendering = ngettext("Rendering {n:,} charter…", "Rendering {n:,} charters…", n)
        self.row.run(rendering.format(n=n), job, counting=counting)
        return True

    def cancel(self) -> None:
        self.row.cancel()

    def _done(
        self,
        result: BatchResult,
        folder: Path | None,
        temp: Path | None,
        options: PrintOptions,
    ) -> None:
        n, copies = len(result.files), len(options.copies)
        if folder is not None:
            saved = ngettext(
                "Saved {n:,} charter in {folder}.", "Saved {n:,} charters in {folder}.", n
            )
            self.message.emit(saved.format(n=n, folder=folder))
            self.finished.emit(result)
            return
        assert result.combined is not None and temp is not None
        self.printing = result.combined
        try:
            printed = self.print_pdf(result.combined, duplex=options.duplex)
        finally:
            self.printing = None
            _remove(temp)  # only now: the printer has had every page
        self.message.emit(
            _sent(n, copies) if printed else _("Printing cancelled at the print dialog.")
        )
        self.finished.emit(result if printed else None)

    def _cancelled(self, temp: Path | None) -> None:
        _remove(temp)
        self.message.emit(_("Printing cancelled; nothing was printed."))
        self.finished.emit(None)

    def _failed(self, text: str, temp: Path | None) -> None:
        _remove(temp)
        self.message.emit(text)
        self.finished.emit(None)

    def print_pdf(self, pdf: Path, *, duplex: bool) -> bool:
        document = QPdfDocument(self)
        document.load(str(pdf))
        printer = self.printer_factory()
        # The charter's own paper (A4 or Letter), edge to edge: its margins are in the PDF.
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(document.pagePointSize(0), QPageSize.Unit.Point))
        # Both sides when the pages were laid out for it (the blank backs are in the PDF);
        # the print dialog starts from this, and a printer without duplex ignores it.
        printer.setDuplex(
            QPrinter.DuplexMode.DuplexLongSide if duplex else QPrinter.DuplexMode.DuplexNone
        )
        if self.ask_printer:
            dialog = QPrintDialog(printer, self.window)
            dialog.setWindowTitle(_("Print charters"))
            # "Pages from … to …" offers this PDF's pages (a jammed sheet printed again).
            dialog.setMinMax(1, document.pageCount())
            dialog.installEventFilter(StaysOnScreen(dialog))
            self.print_dialog = dialog  # found by tests
            with deleted_after(dialog):
                accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
            if not accepted:
                document.close()
                return False
        painter = QPainter()
        if not painter.begin(printer):
            self.message.emit(_("The printer could not be started."))
            return False
        try:
            page_rect = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            for n, index in enumerate(_chosen_pages(printer, document.pageCount())):
                if n:
                    printer.newPage()
                size = QSize(page_rect.width(), page_rect.height())
                painter.drawImage(page_rect.topLeft(), document.render(index, size))
                QApplication.processEvents()  # the timer on the projector keeps ticking
        finally:
            painter.end()
            document.close()
        return True


class StaysOnScreen(QObject):
    """Keeps the window it watches on screen as it grows: "Options >>" makes the print
    dialog twice as tall, downwards, and at 1.5x scaling its buttons went off the screen."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            QTimer.singleShot(0, watched, lambda: keep_on_screen(watched))  # once laid out
        return False


def _chosen_pages(printer: QPrinter, pages: int) -> range:
    """The pages to print: all, or the range chosen in the print dialog (numbered from 1)."""
    if printer.printRange() != QPrinter.PrintRange.PageRange or printer.fromPage() < 1:
        return range(pages)
    return range(printer.fromPage() - 1, min(printer.toPage(), pages))


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _sent(n: int, copies: int) -> str:
    """What the status bar says once `n` charters, each with `copies` labelled copies, went
    to the printer."""
    if not copies:
        return ngettext(
            "Sent {n:,} charter to the printer.", "Sent {n:,} charters to the printer.", n
        ).format(n=n)
    # Translators: {copies} is "1 labelled copy" or "2 labelled copies" (the next string).
    text = ngettext(
        "Sent {n:,} charter ({copies}) to the printer.",
        "Sent {n:,} charters ({copies} of each) to the printer.",
        n,
    )
    return text.format(
        n=n,
        copies=ngettext("{n} labelled copy", "{n} labelled copies", copies).format(n=copies),
    )


def _remove(temp: Path | None) -> None:
    if temp is not None:
        shutil.rmtree(temp, ignore_errors=True)
