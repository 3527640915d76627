"""The status bar: a long message on a narrow window ends in an ellipsis before the save time,
instead of running under it cut mid-letter (a German trainer's "…Jede Änderur|Alle Änderungen
um …"), its whole text in the tooltip and back when the window is wide enough; and the save
time belongs to the workshop it was saved in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar

from workshop_app.ui.main_window import MainWindow


def shown(bar: QStatusBar) -> str:
    """What the bar paints (the base class's message), not the whole text it keeps."""
    return QStatusBar.currentMessage(bar)


def type_a_facilitator(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Type into the Program page and leave the field, which saves it: the save time shows."""
    window.go_to(window._index("program"))
    field = window.program.fields["facilitator"].widget
    field.setFocus()
    qtbot.keyClicks(field, "Marco Esposito")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.saved_label.isVisible() and window.saved_label.text() != "")


def test_a_long_message_is_cut_before_the_save_time(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.show()
    qtbot.waitExposed(window)
    folder = tmp_path / "a folder with a rather long name for the workshops of this program"
    folder.mkdir()
    window.create_workshop(
        folder / "spring.workshop", program="A", organisation="O", date="2027-03-01"
    )
    type_a_facilitator(qtbot, window)
    bar = window.statusBar()
    whole = f"Opened {folder / 'spring.workshop'}. Every change is saved as you make it."
    qtbot.waitUntil(lambda: shown(bar) != whole)  # the save time took its room
    assert bar.currentMessage() == whole
    assert shown(bar).endswith("…") and shown(bar) != whole
    assert bar.fontMetrics().horizontalAdvance(shown(bar)) <= window.saved_label.x()
    assert bar.toolTip() == whole
    window.resize(1900, 500)  # room enough: the whole message again
    qtbot.waitUntil(lambda: shown(bar) == whole)
    assert bar.toolTip() == ""
    window.close_workshop()


def test_the_saved_time_goes_with_the_workshop_it_belongs_to(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.create_workshop(
        tmp_path / "a.workshop", program="A", organisation="O", date="2027-03-01"
    )
    type_a_facilitator(qtbot, window)
    window.create_workshop(
        tmp_path / "b.workshop", program="B", organisation="O", date="2027-03-01"
    )
    assert window.saved_label.text() == ""  # nothing saved in B yet
    window.close_workshop()
