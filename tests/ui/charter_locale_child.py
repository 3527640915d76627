"""Render one pair's charter the way the app's preview does, and the staff summary the way the
archive export does, in a process that has been through Qt's start-up (which sets the process
locale from the desktop's LANG/LC_ALL), and write both PDFs. Run by
test_charter_dates_locale.py in a child process, so the locale it sets stays there.

    python charter_locale_child.py WORKSHOP_FILE PAIR_CODE OUT_PDF OUT_SUMMARY_PDF

Prints the name the process locale gives January, so the test knows the locale took effect.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# The preview's worker process imports this file too (as __mp_main__): it must do nothing.
if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    from workshop_app.core.charters.batch import cached_charter_pdf
    from workshop_app.core.charters.context import charter_context
    from workshop_app.core.charters.pdf_render import render_summary_pdf
    from workshop_app.core.charters.summary_context import summary_context
    from workshop_app.core.store.workshop_file import WorkshopFile

    app = QApplication(sys.argv[:1])
    january = time.strftime("%B", (2027, 1, 19, 0, 0, 0, 1, 19, 0))
    with WorkshopFile.open(Path(sys.argv[1]), readonly=True) as wf:
        pair = wf.roster.pair_by_code(sys.argv[2])
        assert pair is not None
        context = charter_context(wf, pair.id)
        summary = summary_context(wf)
    Path(sys.argv[3]).write_bytes(cached_charter_pdf(context))
    Path(sys.argv[4]).write_bytes(render_summary_pdf(summary))
    print(january)
