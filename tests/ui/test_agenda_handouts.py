"""The Agenda page's "Print handouts…" and "Print certificates…", clicked as a facilitator
would: a folder chosen in the file dialog, the PDFs rendered in the background, a message
saying what was written, and the buttons ready for the next print."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from workshop_app.core.content.library import Library, load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.agenda import AgendaPage


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile) -> AgendaPage:  # type: ignore[no-untyped-def]
    library: Library = load_library()
    page = AgendaPage(library)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.set_workshop(demo)
    page.show()
    return page


def button(page: AgendaPage, name: str) -> QPushButton:
    return next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)


@pytest.fixture
def folder_chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The file dialog answers with a folder; the titles it was asked with."""
    asked: list[str] = []
    out = tmp_path / "printed"
    out.mkdir()

    def choose(_parent, title: str, start: str) -> str:  # type: ignore[no-untyped-def]
        asked.append(title)
        return str(out)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    return asked


def test_handouts_then_certificates(
    qtbot, page: AgendaPage, folder_chosen: list[str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "printed"
    handouts = button(page, "Print handouts")
    assert handouts.isEnabled()
    qtbot.mouseClick(handouts, Qt.MouseButton.LeftButton)
    assert folder_chosen == ["Save the handouts in this folder"]
    assert page.printing.row.isVisible()  # the progress row, with Cancel
    assert not handouts.isEnabled()
    message = page.printing.message
    qtbot.waitUntil(lambda: message.text().startswith("Saved"), timeout=120_000)
    assert message.text() == (
        f"Saved 7 handouts in {out}: Scenario cards, Observer sheet, GROW card, SBI card, "
        "SMART goal worksheet, Paper charter, Sign-in sheet."
    )
    assert len(list(out.glob("*.pdf"))) == 7
    # Ready for the next one (the buttons came back when the job ended).
    letters = button(page, "Print certificates")
    qtbot.waitUntil(letters.isEnabled)
    assert handouts.isEnabled()
    qtbot.mouseClick(letters, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "letters of appointment" in message.text(), timeout=120_000)
    assert message.text() == (
        f"Saved 24 letters of appointment in {out}, and all of them in "
        "“All letters of appointment.pdf”."
    )
    assert (out / "Letter of appointment - Margaret Osei.pdf").is_file()
    qtbot.waitUntil(letters.isEnabled)


def test_no_folder_chosen_prints_nothing(
    qtbot, page: AgendaPage, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: "")
    qtbot.mouseClick(button(page, "Print handouts"), Qt.MouseButton.LeftButton)
    assert not page.printing.row.busy
    assert button(page, "Print handouts").isEnabled()
