"""Printing in the background: what the progress panel and the status messages say."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from workshop_app.core.demo import create_demo
from workshop_app.core.workshop_file import WorkshopFile
from workshop_app.ui.print_jobs import PrintController, ProgressPanel

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
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    return PrintController(panel, window)


def ids(wf: WorkshopFile, *codes: str) -> list[str]:
    return [p.id for p in wf.roster.pairs() if p.code in codes]


def test_counts_read_as_words(  # type: ignore[no-untyped-def]
    qtbot, printer: PrintController, demo: WorkshopFile, tmp_path: Path
) -> None:
    said: list[str] = []
    printer.message.connect(said.append)
    with qtbot.waitSignal(printer.finished, timeout=LONG):
        assert printer.start(demo, ids(demo, "P01", "P02"), folder=tmp_path)
        assert printer.panel.label.text() == "Rendering 2 charters…"
        qtbot.mouseClick(printer.panel.cancel, Qt.MouseButton.LeftButton)
    assert said[-1] in (
        "Printing cancelled; nothing was printed.",
        f"Saved 2 charters in {tmp_path}.",
    )

    out = tmp_path / "one"
    out.mkdir()
    with qtbot.waitSignal(printer.finished, timeout=LONG) as done:
        assert printer.start(demo, ids(demo, "P03"), folder=out)
        assert printer.panel.label.text() == "Rendering 1 charter…"
    assert done.args[0] is not None
    assert said[-1] == f"Saved 1 charter in {out}."
    assert [p.name for p in out.glob("P03*.pdf")]
