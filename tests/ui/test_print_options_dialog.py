"""The print options a person picks (double-sided, labelled copies), driven by clicks and keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QLabel, QPushButton, QWidget

from workshop_app.core.demo import create_demo
from workshop_app.ui.dialogs.print_options import PrintOptionsDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings

LONG = 120_000


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(path)
    win.go_to(win._index("charters"))
    win.charters.select_pair(win.wf.roster.pair_by_code("P10").id)  # 5 pages
    yield win
    win.close()


class RecordingPrinter(QPrinter):
    """Prints to a PDF file and remembers the duplex mode it was given."""

    def __init__(self, path: Path) -> None:
        super().__init__(QPrinter.PrinterMode.ScreenResolution)
        self.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.setOutputFileName(str(path))
        self.duplex_asked: list[QPrinter.DuplexMode] = []

    def setDuplex(self, mode: QPrinter.DuplexMode) -> None:
        self.duplex_asked.append(mode)
        super().setDuplex(mode)


def when_shown(find: Callable[[], QWidget | None], act: Callable[[QWidget], None]) -> None:
    """Run `act` on the widget `find` returns, once it is there (a menu or a modal dialog
    opened by a click runs its own event loop, so it is driven from a timer)."""

    def attempt() -> None:
        widget = find()
        if widget is None or not widget.isVisible():
            QTimer.singleShot(10, attempt)
        else:
            act(widget)

    QTimer.singleShot(0, attempt)


def choose_from_print_menu(qtbot, window: MainWindow, item: str) -> None:  # type: ignore[no-untyped-def]
    """Click Print… and then `item` in its menu (which opens after the click returns)."""

    def click_item(menu: QWidget) -> None:
        action = next(a for a in menu.actions() if a.text() == item)
        centre = menu.actionGeometry(action).center()  # type: ignore[attr-defined]
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=centre)

    when_shown(QApplication.activePopupWidget, click_item)
    qtbot.mouseClick(window.charters.print_button, Qt.MouseButton.LeftButton)


def options_dialog() -> QWidget | None:
    found = QApplication.activeModalWidget()
    return found if isinstance(found, PrintOptionsDialog) else None


def named(dialog: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    return next(w for w in dialog.findChildren(kind) if w.accessibleName() == name)


def tick(qtbot, box: QCheckBox) -> None:  # type: ignore[no-untyped-def]
    """A click on the box's tick mark, as a person aims for it."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_double_sided_clicked_off_gives_a_file_without_blanks_and_is_remembered(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "saved"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(out))
    seen: list[tuple[bool, str]] = []

    def untick_and_save(dialog: QWidget) -> None:
        duplex = named(dialog, QCheckBox, "Double-sided")
        seen.append((duplex.isChecked(), named(dialog, QLabel, "What will be printed").text()))
        tick(qtbot, duplex)
        seen.append((duplex.isChecked(), dialog.windowTitle()))
        qtbot.mouseClick(named(dialog, QPushButton, "Save"), Qt.MouseButton.LeftButton)

    when_shown(options_dialog, untick_and_save)
    with qtbot.waitSignal(window.printer.finished, timeout=LONG) as done:
        choose_from_print_menu(qtbot, window, "Save this charter as PDF…")
    assert seen == [
        (True, "1 charter, one copy without a label."),
        (False, "Save charters as PDFs"),
    ]
    assert done.args[0] is not None
    combined = PdfReader(out / "All charters.pdf")
    assert len(combined.pages) == 5  # no blank back after the fifth page
    assert len(PdfReader(out / "P10 - Henrik Larsen & Grace Mwangi.pdf").pages) == 5
    assert AppSettings().print_options().duplex is False  # kept in the settings file

    # Printing now follows the remembered choice: no blank page, and one-sided on the printer.
    printed = tmp_path / "printer-output.pdf"
    made: list[RecordingPrinter] = []
    window.printer.printer_factory = lambda: made.append(RecordingPrinter(printed)) or made[-1]
    window.printer.ask_printer = False
    with qtbot.waitSignal(window.printer.finished, timeout=LONG):
        choose_from_print_menu(qtbot, window, "Print this charter…")
    assert len(PdfReader(printed).pages) == 5
    assert made[0].duplex_asked == [QPrinter.DuplexMode.DuplexNone]


def test_labelled_copies_double_sided_to_the_printer(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = tmp_path / "printer-output.pdf"
    made: list[RecordingPrinter] = []
    window.printer.printer_factory = lambda: made.append(RecordingPrinter(printed)) or made[-1]
    # The printer's own dialog is Qt's; only the charters' options are asked here.
    monkeypatch.setattr(window.printer, "ask_printer", True)
    monkeypatch.setattr(
        "workshop_app.ui.print_jobs.QPrintDialog.exec",
        lambda self: self.DialogCode.Accepted,
    )
    seen: list[str] = []

    def copies_by_keyboard(dialog: QWidget) -> None:
        total = named(dialog, QLabel, "What will be printed")
        assert named(dialog, QCheckBox, "Double-sided").isChecked()  # on by default
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
        mentor = named(dialog, QCheckBox, "Mentor's copy")
        qtbot.waitUntil(mentor.isChecked)  # a mnemonic clicks the box as a short animation
        seen.append(total.text())
        tick(qtbot, named(dialog, QCheckBox, "Program's copy"))
        seen.append(total.text())
        qtbot.mouseClick(named(dialog, QPushButton, "Print"), Qt.MouseButton.LeftButton)

    when_shown(options_dialog, copies_by_keyboard)
    with qtbot.waitSignal(window.printer.finished, timeout=LONG) as done:
        choose_from_print_menu(qtbot, window, "Print this charter…")
    assert seen == ["1 charter, 1 labelled copy.", "1 charter, 2 labelled copies."]
    assert done.args[0] is not None
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(printed).pages]
    # The printed pages are images: 5 pages and a blank back for each of the two copies.
    assert len(pages) == 12
    assert made[0].duplex_asked == [QPrinter.DuplexMode.DuplexLongSide]
    assert (
        window.statusBar().currentMessage() == "Sent 1 charter (2 labelled copies) to the printer."
    )
    assert AppSettings().print_options().copies == ("mentor", "program")


def test_cancel_in_the_options_prints_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    window.printer.message.connect(said.append)
    closed: list[bool] = []

    def cancel(dialog: QWidget) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        closed.append(dialog.isVisible())

    when_shown(options_dialog, cancel)
    choose_from_print_menu(qtbot, window, "Print this charter…")
    qtbot.waitUntil(lambda: closed == [False])  # the button opens its menu once it is up
    assert not window.printer.busy and not window.print_row.isVisible()
    assert said == []


def test_the_print_dialog_stays_on_screen_and_prints_the_pages_chosen(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QRadioButton, QSpinBox

    printed = tmp_path / "printer-output.pdf"
    window.printer.printer_factory = lambda: RecordingPrinter(printed)
    seen: list[bool] = []

    def print_dialog() -> QWidget | None:
        found = QApplication.activeModalWidget()
        return found if isinstance(found, QPrintDialog) else None

    def two_pages(dialog: QWidget) -> None:
        area = dialog.screen().availableGeometry()
        # Low on the screen, as over a window placed low: "Options >>" doubles its height.
        dialog.move(dialog.x(), area.bottom() - dialog.frameGeometry().height() - 10)
        short = dialog.height()
        more = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Options >>")
        qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
        try:
            qtbot.waitUntil(
                lambda: dialog.height() > short and area.contains(dialog.frameGeometry())
            )
        except qtbot.TimeoutError:
            dialog.reject()  # the test fails, rather than waiting on the dialog forever
            raise
        qtbot.mouseClick(dialog.findChild(QRadioButton, "printRange"), Qt.MouseButton.LeftButton)
        for name, page in (("to", "3"), ("from", "2")):
            spin = dialog.findChild(QSpinBox, name)
            seen.append(spin.maximum() == 6)  # the pages of the PDF to print
            spin.setFocus()
            qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(spin, page)
        ok = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Print")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    def print_plain(dialog: QWidget) -> None:
        when_shown(print_dialog, two_pages)  # once the charter is rendered
        qtbot.mouseClick(named(dialog, QPushButton, "Print"), Qt.MouseButton.LeftButton)

    when_shown(options_dialog, print_plain)
    with qtbot.waitSignal(window.printer.finished, timeout=LONG) as done:
        choose_from_print_menu(qtbot, window, "Print this charter…")
    assert done.args[0] is not None
    assert seen == [True, True]
    assert len(PdfReader(printed).pages) == 2


@pytest.mark.parametrize(
    "lang,combined", [("de", "Alle Vereinbarungen.pdf"), ("it", "Tutti gli accordi.pdf")]
)
def test_the_file_of_all_charters_is_named_in_the_workshops_language(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, combined: str
) -> None:
    """The dialog names the file its options shape as it will be saved, in the charters'
    language (a German room's charters, whatever the interface speaks)."""
    path = tmp_path / "room.workshop"
    wf = create_demo(path)
    wf.set_workshop_field("language", lang)
    wf.close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(path)
    win.go_to(win._index("charters"))
    win.charters.select_pair(win.wf.roster.pair_by_code("P01").id)
    out = tmp_path / "saved"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(out))
    hints: list[str] = []

    def read_and_save(dialog: QWidget) -> None:
        hints.extend(label.text() for label in dialog.findChildren(QLabel))
        qtbot.mouseClick(named(dialog, QPushButton, "Save"), Qt.MouseButton.LeftButton)

    when_shown(options_dialog, read_and_save)
    with qtbot.waitSignal(win.printer.finished, timeout=LONG):
        choose_from_print_menu(qtbot, win, "Save this charter as PDF…")
    assert any(f"'{combined}'" in text for text in hints)
    assert not any("All charters.pdf" in text for text in hints)
    assert (out / combined).is_file() and not (out / "All charters.pdf").exists()
    win.close()
