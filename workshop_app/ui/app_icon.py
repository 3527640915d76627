"""The app's icon, for its windows and the task bar: every PNG size drawn from the SVG, and the
SVG for any other size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICONS = Path(__file__).resolve().parent.parent / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(ICONS / f"workshop-app-{size}.png"))
    icon.addFile(str(ICONS / "workshop-app.svg"))
    return icon
