"""The outcomes report dialog, driven as a person does: the format, the comments box and its
confirmation, a name typed, Save; the report is written in the background and opened with
Open. Checked in the saved files."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from outcomes_program import make_program
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs import outcomes_report
from workshop_app.ui.dialogs.outcomes_report import OutcomesReportDialog, open_outcomes_report
from workshop_app.ui.main_window import MainWindow

TODAY = date(2027, 5, 1)
SAVED_WITHIN_MS = 120_000  # a child process starts and renders; waited for, never timed


@pytest.fixture
def wf(tmp_path: Path):
    with WorkshopFile.open(make_program(tmp_path / "program.workshop")) as opened:
        yield opened


@pytest.fixture
def dialog(qtbot, wf: WorkshopFile) -> OutcomesReportDialog:
    d = OutcomesReportDialog(wf, today=TODAY)
    qtbot.addWidget(d)
    d.show()
    return d


def button(widget: QWidget, name: str) -> QAbstractButton:
    return next(b for b in widget.findChildren(QAbstractButton) if b.accessibleName() == name)


def tick(qtbot, box: QAbstractButton) -> None:
    """Click a radio button or check box on its words, where a person clicks it (its row is
    wider than they are)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(12, box.height() // 2))


def type_name(qtbot, dialog: OutcomesReportDialog, path: Path) -> None:
    dialog.destination.selectAll()
    qtbot.keyClick(dialog.destination, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.destination, str(path))


def answer_next_box(qtbot, answer: str, seen: list[str]) -> None:
    """Press `answer` on the next message box, as a person reads and answers it."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            qtbot.mouseClick(button(box, answer), Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)


def test_save_a_pdf_and_open_it(qtbot, dialog, tmp_path: Path, monkeypatch) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(outcomes_report, "open_file", lambda p: opened.append(p) or True)
    assert dialog.destination.text().endswith("Accelerate outcomes 2027-05-01.pdf")
    out = tmp_path / "for the sponsor.pdf"
    type_name(qtbot, dialog, out)
    qtbot.mouseClick(button(dialog, "Save report"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=SAVED_WITHIN_MS)
    assert dialog.saved_label.text() == f"Saved {out}"
    pdf = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(pdf.pages) == 1
    assert "How the program is doing" in pdf.pages[0].extract_text()
    assert "COMMENT" not in pdf.pages[0].extract_text()
    qtbot.mouseClick(button(dialog, "Open the report"), Qt.MouseButton.LeftButton)
    assert opened == [out]


def test_the_workbook_with_comments_once_confirmed(qtbot, dialog, tmp_path: Path) -> None:
    tick(qtbot, button(dialog, "Excel workbook"))
    assert dialog.destination.text().endswith(".xlsx")
    out = tmp_path / "figures.xlsx"
    type_name(qtbot, dialog, out)
    tick(qtbot, button(dialog, "Include comments"))
    seen: list[str] = []
    answer_next_box(qtbot, "Cancel", seen)
    qtbot.mouseClick(button(dialog, "Save report"), Qt.MouseButton.LeftButton)
    assert seen == ["The report will include what mentors and mentees wrote in their own words."]
    assert dialog.error.text().startswith("Nothing was saved: including what people wrote")
    assert not out.exists()

    answer_next_box(qtbot, "Include what they wrote", seen)
    qtbot.keyClick(dialog.destination, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=SAVED_WITHIN_MS)
    wb = openpyxl.load_workbook(out)
    assert [c.value for c in wb["Comments"]["A"]][1] == "=COMMENT 0 it helps"


def test_a_name_that_cannot_be_saved_is_refused(qtbot, dialog, tmp_path: Path) -> None:
    for typed, message in (
        ("", "Give the report a file name first."),
        (str(tmp_path / "missing" / "report.pdf"),
         f"The folder {tmp_path / 'missing'} does not exist: nothing was saved."),
        (str(tmp_path / "report.xlsx"), "report.xlsx is named for XLSX, not PDF."),
    ):  # fmt: skip
        type_name(qtbot, dialog, Path(typed) if typed else Path())
        if not typed:
            dialog.destination.clear()
        qtbot.keyClick(dialog.destination, Qt.Key.Key_Return)
        assert dialog.error.isVisible() and dialog.error.text() == message
    assert not dialog.progress.busy and dialog.saved is None


def test_a_name_without_a_suffix_gets_the_formats(qtbot, dialog, tmp_path: Path) -> None:
    type_name(qtbot, dialog, tmp_path / "sponsor")
    qtbot.mouseClick(button(dialog, "Save report"), Qt.MouseButton.LeftButton)
    assert dialog.destination.text() == str(tmp_path / "sponsor.pdf")
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=SAVED_WITHIN_MS)
    assert (tmp_path / "sponsor.pdf").read_bytes().startswith(b"%PDF")


def test_an_existing_file_is_replaced_only_when_asked(qtbot, dialog, tmp_path: Path) -> None:
    out = tmp_path / "old.pdf"
    out.write_bytes(b"keep me")
    type_name(qtbot, dialog, out)
    seen: list[str] = []
    answer_next_box(qtbot, "Cancel", seen)
    qtbot.mouseClick(button(dialog, "Save report"), Qt.MouseButton.LeftButton)
    assert seen and "old.pdf already exists" in seen[0]
    assert out.read_bytes() == b"keep me" and not dialog.progress.busy
    assert dialog.error.text() == "Nothing was saved: old.pdf was kept as it is."


def test_opened_from_the_follow_up_menu_and_says_whether_it_saved(qtbot, wf, tmp_path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_path(wf.path, read_only=True)
    qtbot.waitUntil(lambda: window.wf is not None)
    menu = next(m for m in window.menuBar().actions() if m.text() == "Follow-&up").menu()
    action = next(a for a in menu.actions() if a.text() == "&Outcomes report…")
    shown: list[str] = []

    def close_it() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, OutcomesReportDialog):
            shown.append(box.windowTitle())
            qtbot.mouseClick(button(box, "Close"), Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(20, close_it)

    QTimer.singleShot(20, close_it)
    action.trigger()
    assert shown == ["Outcomes report"]
    window.close_workshop()

    out = tmp_path / "saved.pdf"

    def save_then_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, OutcomesReportDialog):
            QTimer.singleShot(20, save_then_close)
            return
        type_name(qtbot, box, out)
        qtbot.mouseClick(button(box, "Save report"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: box.saved is not None, timeout=SAVED_WITHIN_MS)
        qtbot.mouseClick(button(box, "Close"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, save_then_close)
    assert open_outcomes_report(None, wf, today=TODAY) is True
    assert out.exists()


def test_every_choice_has_its_own_alt_key(qtbot, dialog) -> None:
    """Alt+I ticks "Include what people wrote" (it shared W with the workbook, so Alt+W
    never reached it), Alt+W picks the workbook; no two controls share a key."""
    keys = [
        b.text().lower().split("&", 1)[1][0]
        for b in dialog.findChildren(QAbstractButton)
        if "&" in b.text()
    ]
    assert len(keys) == len(set(keys)), keys
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.comments.isChecked)  # a mnemonic clicks as a short animation
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.xlsx.isChecked)
    assert dialog.destination.text().endswith(".xlsx")


def test_choose_asks_the_system_where_and_keeps_the_format(qtbot, dialog, tmp_path, monkeypatch):
    """Choose… opens the save dialog on the name so far, for the chosen format; what is
    picked there becomes the name (the system's own dialog is answered here)."""
    asked: list[tuple[str, str]] = []

    def pick(parent, title, start, filters, options):  # type: ignore[no-untyped-def]
        asked.append((start, filters))
        return str(tmp_path / "picked.xlsx"), filters

    monkeypatch.setattr(outcomes_report.QFileDialog, "getSaveFileName", pick)
    tick(qtbot, button(dialog, "Excel workbook"))
    qtbot.mouseClick(button(dialog, "Choose where to save the report"), Qt.MouseButton.LeftButton)
    assert asked == [(str(tmp_path / "Accelerate outcomes 2027-05-01.xlsx"),
                      "Excel workbook (*.xlsx)")]  # fmt: skip
    assert dialog.destination.text() == str(tmp_path / "picked.xlsx")


@pytest.mark.parametrize(
    "lang,name", [("de", "Accelerate Ergebnisse 2027-05-01.pdf"),
                  ("it", "Accelerate risultati 2027-05-01.pdf")],
)  # fmt: skip
def test_the_suggested_name_is_in_the_workshops_language(
    qtbot, wf: WorkshopFile, lang: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    wf.set_workshop_field("language", lang)
    d = OutcomesReportDialog(wf, today=TODAY)
    qtbot.addWidget(d)
    d.show()
    assert Path(d.destination.text()).name == name
