"""Opening a workshop pays only for what the first page shows: the exercise library (YAML),
PDF rendering and the spreadsheet writer are read in later, off the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from workshop_app.core.demo import create_demo

OPEN_AND_LIST = """
import sys
from pathlib import Path
from workshop_app.ui.launch import make_app
from workshop_app.ui.main_window import MainWindow
app = make_app()
window = MainWindow()
window.show()
assert window.open_path(Path(sys.argv[1]))
app.processEvents()
heavy = ("yaml", "frontmatter", "weasyprint", "openpyxl", "jinja2",
         "workshop_app.core.content.library")
print(" ".join(name for name in heavy if name in sys.modules))
"""


def test_opening_a_workshop_reads_no_library_renderer_or_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_APP_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1:] in ([], [""])
