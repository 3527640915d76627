"""Printing in the background: what the progress panel and the status messages say."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.jobs import JobRow
from workshop_app.ui.print_jobs import PrintController

LONG = 120_000


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.fixture
def printer(qtbot) -> PrintController:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    row = JobRow("Printing")
    qtbot.addWidget(row)
    return PrintController(row, window)


def ids(wf: WorkshopFile, *codes: str) -> list[str]:
    return [p.id for p in wf.roster.pairs() if p.code in codes]


def test_counts_read_as_words(  # type: ignore[no-untyped-def]
    qtbot, printer: PrintController, demo: WorkshopFile, tmp_path: Path
) -> None:
    said: list[str] = []
    printer.message.connect(said.append)
    with qtbot.waitSignal(printer.finished, timeout=LONG):
        assert printer.start(demo, ids(demo, "P01", "P02"), folder=tmp_path)
        assert printer.row.label.text() == "Rendering 2 charters…"
        qtbot.mouseClick(printer.row.cancel_button, Qt.MouseButton.LeftButton)
    assert said[-1] in (
        "Printing cancelled; nothing was printed.",
        f"Saved 2 charters in {tmp_path}.",
    )

    out = tmp_path / "one"
    out.mkdir()
    with qtbot.waitSignal(printer.finished, timeout=LONG) as done:
        assert printer.start(demo, ids(demo, "P03"), folder=out)
        assert printer.row.label.text() == "Rendering 1 charter…"
    assert done.args[0] is not None
    assert said[-1] == f"Saved 1 charter in {out}."
    assert [p.name for p in out.glob("P03*.pdf")]


def test_printing_holds_the_files_and_the_printer_until_the_last_page(  # type: ignore[no-untyped-def]
    qtbot, printer: PrintController, demo: WorkshopFile, tmp_path: Path
) -> None:
    """The pages go to the printer on the GUI thread, which keeps handling events between
    pages: meanwhile a second print is refused and the rendered PDF is still there."""
    from pypdf import PdfReader
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrinter

    printed = tmp_path / "printer-output.pdf"
    seen: list[tuple[bool, bool, bool]] = []
    combined = tmp_path / "never"
    said: list[str] = []
    printer.message.connect(said.append)

    def while_printing() -> None:
        nonlocal combined
        combined = printer.printing
        again = printer.start(demo, ids(demo, "P04"), folder=None)
        seen.append((printer.busy, again, combined.exists()))

    def pdf_printer() -> QPrinter:
        out = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        out.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out.setOutputFileName(str(printed))
        QTimer.singleShot(0, while_printing)  # runs between the first pages
        return out

    printer.printer_factory = pdf_printer
    printer.ask_printer = False
    with qtbot.waitSignal(printer.finished, timeout=LONG) as done:
        assert printer.start(demo, ids(demo, "P01", "P02"), folder=None)
    assert done.args[0] is not None
    assert seen == [(True, False, True)]  # busy, refused, the PDF still there
    assert "Charters are already being printed; wait or cancel first." in said
    assert said[-1] == "Sent 2 charters to the printer."
    assert len(PdfReader(printed).pages) >= 2
    assert not printer.busy
    assert not combined.exists()  # removed once printed
