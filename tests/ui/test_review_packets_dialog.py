"""Saving a checkpoint's review packets from the dialog: the checkpoint chosen, the folder
typed, Save pressed; progress, then one line saying what was written where."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from review_data import charter_pair, close

from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.review_packets import ReviewPacketsDialog


@pytest.fixture
def wf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WORKSHOP_APP_CACHE_DIR", "off")
    wf = WorkshopFile.create(
        tmp_path / "room.workshop",
        program="Accelerate",
        organisation="Northwind",
        date="2027-01-19",
    )
    yield wf
    wf.close()


def shown(qtbot, wf: WorkshopFile, pair_id: str | None = None) -> ReviewPacketsDialog:
    dialog = ReviewPacketsDialog(wf, pair_id=pair_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def button(root: QWidget, name: str) -> QPushButton:
    return next(b for b in root.findChildren(QPushButton) if b.accessibleName() == name)


def test_the_checkpoints_offered_count_the_open_pairs(qtbot, wf: WorkshopFile) -> None:
    charter_pair(wf)
    charter_pair(wf, "Carmen Ortiz", "Dev Patel", review_days="45, 90")
    close(wf, charter_pair(wf, "Eli Moss", "Fay Wong"))
    dialog = shown(qtbot, wf)
    offered = [dialog.checkpoint.itemText(i) for i in range(dialog.checkpoint.count())]
    assert offered == ["Day 30 (1 pair)", "Day 45 (1 pair)", "Day 90 (2 pairs)", "Day 180 (1 pair)"]
    assert unnamed(dialog) == []


def test_save_the_packets_from_the_keyboard(qtbot, wf: WorkshopFile, tmp_path: Path) -> None:
    charter_pair(wf)
    close(wf, charter_pair(wf, "Carmen Ortiz", "Dev Patel"))
    dialog = shown(qtbot, wf)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.checkpoint
    qtbot.keyClick(dialog.checkpoint, Qt.Key.Key_Down)  # Day 90
    qtbot.keyClick(dialog.checkpoint, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.folder
    qtbot.keyClick(dialog.folder, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    out = tmp_path / "packets"
    qtbot.keyClicks(dialog.folder, str(out))
    assert dialog.combined.isChecked()
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)  # Save packets is the default button
    qtbot.waitUntil(
        lambda: dialog.written is not None or dialog.result_line.isVisible(), timeout=60_000
    )
    assert dialog.result_line.text() == (
        f"Saved 1 review packet for day 90 in {out}; 1 closed pair left out."
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "All review packets.pdf",
        "P01 - Ana Souza & Bo Li - Day 90 review.pdf",
    ]
    assert button(dialog, "Open the folder").isVisible()
    assert dialog.isVisible()  # stays open to print another checkpoint


def test_a_folder_that_is_a_file_is_one_line(qtbot, wf: WorkshopFile, tmp_path: Path) -> None:
    charter_pair(wf)
    taken = tmp_path / "taken"
    taken.write_text("mine")
    dialog = shown(qtbot, wf)
    dialog.folder.setFocus()
    qtbot.keyClick(dialog.folder, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.folder, str(taken))
    qtbot.mouseClick(button(dialog, "Save packets"), Qt.MouseButton.LeftButton)
    assert dialog.result_line.text() == f"{taken} is a file: choose a folder for the packets."
    assert taken.read_text() == "mine" and not dialog.row.busy


def test_with_every_pair_closed_there_is_nothing_to_save(qtbot, wf: WorkshopFile) -> None:
    close(wf, charter_pair(wf))
    dialog = shown(qtbot, wf)
    assert not button(dialog, "Save packets").isEnabled()
    assert dialog.result_line.text() == "There is nobody to review: every pair is closed."
