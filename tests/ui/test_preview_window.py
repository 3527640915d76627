"""The preview's toolbar: print, save as PDF, zoom and pages, by button and by key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QToolButton

from workshop_app.core.demo import create_demo
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.preview_window import PreviewWindow


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_path(path)
    yield w
    w.close()


@pytest.fixture
def preview(window: MainWindow, qtbot) -> PreviewWindow:  # type: ignore[no-untyped-def]
    """P01's charter (4 pages) in the preview, as F7 opens it."""
    window.go_to(window._index("charters"))
    window.charters.select_pair(window.wf.roster.pair_by_code("P01").id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    shown = window.charters.preview
    assert shown is not None
    qtbot.waitUntil(lambda: shown.document.pageCount() > 0, timeout=60000)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return shown


def tool(preview: PreviewWindow, name: str) -> QToolButton:
    return next(b for b in preview.findChildren(QToolButton) if b.accessibleName() == name)


def test_pages_by_button_and_by_key(preview: PreviewWindow, qtbot) -> None:
    assert preview.page_label.text() == "Page 1 of 4"
    assert not tool(preview, "Previous").isEnabled()
    qtbot.mouseClick(tool(preview, "Next"), Qt.MouseButton.LeftButton)
    assert preview.page_label.text() == "Page 2 of 4"
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.page_label.text() == "Page 4 of 4"
    assert not tool(preview, "Next").isEnabled()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    assert preview.page_label.text() == "Page 3 of 4"
    qtbot.mouseClick(tool(preview, "Previous"), Qt.MouseButton.LeftButton)
    assert preview.current_page() == 1


def test_zoom_by_button_and_by_key(preview: PreviewWindow, qtbot) -> None:
    view = preview.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert not tool(preview, "Fit width").isEnabled()
    fitted = preview._zoom_now()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and view.zoomFactor() > fitted
    bigger = view.zoomFactor()
    qtbot.mouseClick(tool(preview, "Zoom in"), Qt.MouseButton.LeftButton)
    assert view.zoomFactor() > bigger
    assert preview.zoom_label.text() == f"{round(view.zoomFactor() * 100)}%"
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(tool(preview, "Zoom out"), Qt.MouseButton.LeftButton)
    assert view.zoomFactor() < bigger
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Ctrl+= too
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    qtbot.mouseClick(tool(preview, "Fit width"), Qt.MouseButton.LeftButton)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def answer_replace(qtbot, button_name: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        chosen = next(b for b in box.buttons() if b.accessibleName() == button_name)
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_save_as_pdf_writes_the_previewed_bytes_and_asks_before_replacing(
    preview: PreviewWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def choose(_parent, _title, suggested, *_a, **_k):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(tmp_path / "for the pair"), ""  # typed without .pdf

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    qtbot.mouseClick(tool(preview, "Save as PDF"), Qt.MouseButton.LeftButton)
    target = tmp_path / "for the pair.pdf"
    assert target.read_bytes() == preview.pdf
    assert offered == [str(tmp_path / "Charter P01.pdf")]  # in the workshop's folder
    assert "Saved as" in preview.message.text()
    target.write_bytes(b"keep me")
    seen: list[str] = []
    answer_replace(qtbot, "Cancel", seen)
    qtbot.keyClick(preview.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert seen and "already exists" in seen[0]
    assert target.read_bytes() == b"keep me"
    answer_replace(qtbot, "Replace", seen)
    qtbot.mouseClick(tool(preview, "Save as PDF"), Qt.MouseButton.LeftButton)
    assert target.read_bytes() == preview.pdf


def test_print_goes_through_the_charters_print_path(
    window: MainWindow, preview: PreviewWindow, qtbot, tmp_path: Path
) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    printed = tmp_path / "printer-output.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    window.printer.printer_factory = pdf_printer
    window.printer.ask_printer = False
    # Another pair chosen meanwhile: Print in the preview still prints the one it shows.
    window.charters.select_pair(window.wf.roster.pair_by_code("P02").id)
    with qtbot.waitSignal(window.printer.finished, timeout=120000) as blocker:
        qtbot.mouseClick(tool(preview, "Print"), Qt.MouseButton.LeftButton)
        assert window.print_row.isVisible()  # the usual progress in the status bar
    result = blocker.args[0]
    assert result is not None
    assert [f.name[:3] for f in result.files] == ["P01"]  # the pages printed are images
    assert len(PdfReader(printed).pages) == preview.document.pageCount()


def test_the_preview_fits_the_screen(preview: PreviewWindow) -> None:
    screen = preview.screen().availableGeometry()
    assert preview.width() <= screen.width() and preview.height() <= screen.height()


def broken_render(context: dict) -> bytes:
    """Stands in for the renderer in the preview process: a bug, not a person's mistake."""
    raise KeyError("no such column")


def test_a_preview_that_fails_says_so_and_is_logged(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from workshop_app.core.charters import batch as batch_render

    monkeypatch.setattr(batch_render, "cached_charter_pdf", broken_render)
    window.go_to(window._index("charters"))
    window.charters.select_pair(window.wf.roster.pair_by_code("P02").id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with caplog.at_level(logging.ERROR):
        qtbot.keyClick(window, Qt.Key.Key_F7)
        shown = window.charters.preview
        assert shown is not None
        qtbot.waitUntil(lambda: "stopped" in shown.message.text(), timeout=60000)
    said = shown.message.text()
    assert said.startswith("Rendering the charter stopped on an unexpected error")
    assert "workshop-app.log" in said
    assert "KeyError: 'no such column'" in caplog.text
