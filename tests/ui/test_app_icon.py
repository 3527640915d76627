"""The app's windows carry its icon, in every size drawn for it, for the title bar and task bar."""

from __future__ import annotations

from PySide6.QtCore import QSize

from workshop_app.ui.app_icon import SIZES
from workshop_app.ui.main_window import MainWindow


def test_the_main_window_has_the_app_icon_in_every_size(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WORKSHOP_APP_DATA_DIR", str(tmp_path))
    window = MainWindow()
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {QSize(n, n) for n in SIZES} <= set(icon.availableSizes())
