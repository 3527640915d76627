"""Save the room's handouts and the letters of appointment as PDFs, in the background.

The Agenda page holds the two buttons; this object owns what they do: a folder chosen in a
file dialog, a child process that renders (`core.jobs.run_in_child`: WeasyPrint never runs in
the app's process, the projector's timer keeps ticking), its progress and Cancel in a row on
the page, and one line saying what was written where.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from workshop_app.core.content.library import Library
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.jobs import CancelCheck, Progress, run_in_child
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.jobs import Job, JobRow, Work


def handouts_work(path: Path, content_dirs: list[str], folder: Path) -> Work:
    def work(progress: Progress, cancelled: CancelCheck) -> list[Path]:
        from workshop_app.core.handouts.render import write_handouts

        files: list[Path] = run_in_child(
            write_handouts,
            str(path),
            content_dirs,
            str(folder),
            [],
            progress=progress,
            cancelled=cancelled,
        )
        return files

    return work


def letters_work(path: Path, folder: Path) -> Work:
    def work(progress: Progress, cancelled: CancelCheck) -> list[Path]:
        from workshop_app.core.certificates.render import write_letters

        files: list[Path] = run_in_child(
            write_letters, str(path), str(folder), True, progress=progress, cancelled=cancelled
        )
        return files

    return work


class HandoutPrinter(QObject):
    """The Agenda page's "Print handouts…" and "Print certificates…": one job at a time,
    its progress in `row`, the outcome in `message` (and `said`, for the status bar)."""

    said = Signal(str)

    def __init__(self, parent: QWidget, workshop: Callable[[], WorkshopFile | None]) -> None:
        super().__init__(parent)
        self.window = parent
        self.workshop = workshop
        self.library: Library | None = None
        self.handouts_button = QPushButton(_("Print hand&outs…"))
        self.handouts_button.setAccessibleName(_("Print handouts"))
        self.handouts_button.setToolTip(
            _(
                "Save the room's handouts as PDFs: scenario cards, observer sheet, GROW and SBI "
                "cards, SMART worksheet, a paper charter, the sign-in sheet"
            )
        )
        self.handouts_button.clicked.connect(lambda: self.print_handouts())
        self.letters_button = QPushButton(_("Print certif&icates…"))
        self.letters_button.setAccessibleName(_("Print certificates"))
        self.letters_button.setToolTip(
            _("Save a letter of appointment for every mentor and mentee, signed by the sponsor")
        )
        self.letters_button.clicked.connect(lambda: self.print_letters())
        self.row = JobRow(_("Printing"))
        self.message = QLabel()
        self.message.setAccessibleName(_("Printing handouts and certificates"))
        self.message.setWordWrap(True)
        self.message.hide()

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return (self.handouts_button, self.letters_button)

    def set_enabled(self, on: bool) -> None:
        for button in self.buttons:
            button.setEnabled(on and not self.row.busy)

    def print_handouts(self, folder: Path | None = None) -> bool:
        wf = self.workshop()
        if wf is None:
            return False
        folder = folder or self._choose(_("Save the handouts in this folder"), wf)
        if folder is None:
            return False
        extra = [str(f) for f in self.library.folders[1:]] if self.library else []
        return self._run(
            handouts_work(wf.path, extra, folder),
            _("Rendering the handouts…"),
            _("Rendering handouts"),
            lambda files: ngettext(
                "Saved {n:,} handout in {folder}: {names}.",
                "Saved {n:,} handouts in {folder}: {names}.",
                len(files),
            ).format(n=len(files), folder=folder, names=", ".join(f.stem for f in files)),
        )

    def print_letters(self, folder: Path | None = None) -> bool:
        wf = self.workshop()
        if wf is None:
            return False
        folder = folder or self._choose(_("Save the letters of appointment in this folder"), wf)
        if folder is None:
            return False
        return self._run(
            letters_work(wf.path, folder),
            _("Rendering the letters of appointment…"),
            _("Rendering letters"),
            # The last file is all of them in one, to print in one go.
            lambda files: ngettext(
                "Saved {n:,} letter of appointment in {folder}, and all of them in “{name}”.",
                "Saved {n:,} letters of appointment in {folder}, and all of them in “{name}”.",
                len(files) - 1,
            ).format(n=len(files) - 1, folder=folder, name=files[-1].name),
        )

    def _choose(self, title: str, wf: WorkshopFile) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self.window, title, str(wf.path.parent))
        return Path(chosen) if chosen else None

    def _run(
        self, work: Work, text: str, counting: str, written: Callable[[list[Path]], str]
    ) -> bool:
        if self.row.busy:
            self._say(_("Handouts or letters are already being printed; wait or cancel first."))
            return False
        job = Job(
            work,
            done=lambda files: self._say(written(files)),
            failed=self._say,
            cancelled=lambda: self._say(_("Printing cancelled; the files already saved are kept.")),
            what=_("Printing"),
        )
        self.set_enabled(False)
        self.row.run(text, job, counting=counting)
        # After the row's own: it is no longer busy by then.
        job.ended.connect(lambda: self.set_enabled(self.workshop() is not None))
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.said.emit(text)
