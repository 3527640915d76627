"""File → "Start a re-launch from this workshop…", as a trainer starts one: the menu by
keyboard, the re-launch's date typed, a file name chosen; the app opens the new workshop,
with the same pairs and signed charters, and the launch's file is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.relaunch import RelaunchDialog
from workshop_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_workshop()


def test_a_relaunch_is_started_from_the_file_menu(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    launch = tmp_path / "spring.workshop"
    with create_demo(launch) as wf:
        pairs = [p.id for p in wf.roster.pairs()]
        signed_pair = next(p for p in pairs if wf.charters.charter(p).signed_version == 1)
    before = launch.read_bytes()
    assert window.open_path(launch)
    out = tmp_path / "spring re-launch.workshop"
    asked: list[str] = []

    def save_as(_parent, title: str, suggested: str, _filter: str):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(out.with_suffix("")), ""  # typed without the suffix: the app adds it

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    typed: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RelaunchDialog)
        dialog.date.setFocus()
        qtbot.keyClick(dialog.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.date, "20270608")
        typed.append(dialog.date_text())
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_L)
    qtbot.waitUntil(lambda: window.wf is not None and window.wf.path == out.resolve())
    assert typed == ["2027-06-08"]
    assert asked and asked[0].endswith("re-launch 2027-06-08.workshop")
    assert window.wf is not None
    assert window.wf.workshop().date == "2027-06-08"
    assert [p.id for p in window.wf.roster.pairs()] == pairs
    signed = window.wf.charters.charter(signed_pair)
    assert signed.signed_version == 1  # the launch's signatures came along
    window.close_workshop()
    assert launch.read_bytes() == before  # the launch's file is only read
    with WorkshopFile.open(launch, readonly=True) as old:
        assert old.workshop().date == "2027-01-19"


def test_the_relaunch_waits_for_a_workshop(window: MainWindow) -> None:
    assert not window.relaunch_action.isEnabled()
