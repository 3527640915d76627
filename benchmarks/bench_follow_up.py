"""Issue 16 figures, the Follow-up page's part: a 2,000-pair program after its launch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_follow_up.py [PAIRS]

- Health: `follow_up()` + `board()` over the whole program, against reading every pair's
  row once (`roster.pairs()`), the least any per-pair view must do.
- Opening: the Follow-up page made, given the workshop, computed and painted (`grab()`),
  against the Charters page opening on the same file the same way (its pair list painted).
- A log entry: one meeting typed into the quick entry row and saved with Enter (the write,
  the pair's health recomputed, the board counted again from the list, the page repainted),
  against the same entry written with `ContactLog.add` alone.
Each is the best of five runs, in the same process, on the same file. Target: under 0.3 s.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from _common import best_of
from follow_up_program import make_program
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workshop_app.core.followup.board import board
from workshop_app.core.followup.contact_log import ContactLog
from workshop_app.core.followup.health import follow_up
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.pages.follow_up import FollowUpPage

TODAY = date(2027, 6, 1)
RUNS = 5
TARGET = 0.3


def row(what: str, seconds: float, baseline: str, base_seconds: float) -> None:
    ratio = seconds / base_seconds if base_seconds else float("inf")
    verdict = "ok" if seconds < TARGET else f"OVER {TARGET:.1f} s"
    print(
        f"{what:<34} {seconds * 1000:8.1f} ms   {baseline:<34} {base_seconds * 1000:8.1f} ms"
        f"   x{ratio:5.1f}   {verdict if what else ''}"
    )


def main() -> None:
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-follow-up-"))
    path = make_program(folder / "program.workshop", pairs, today=TODAY)
    wf = WorkshopFile.open(path)
    print(f"{pairs:,} pairs, {wf.conn.execute('SELECT count(*) FROM contacts').fetchone()[0]:,}"
          f" log entries, today {TODAY}")  # fmt: skip

    health = best_of(RUNS, lambda: board(follow_up(wf, today=TODAY)))
    pairs_read = best_of(RUNS, wf.roster.pairs)
    row("follow_up() + board()", health, "roster.pairs()", pairs_read)

    def open_follow_up() -> FollowUpPage:
        page = FollowUpPage()
        page.today = lambda: TODAY
        page.resize(1200, 680)
        page.set_workshop(wf)
        page.recompute()  # what the queued refresh does on the first turn of the loop
        page.grab()
        return page

    def open_charters() -> ChartersPage:
        page = ChartersPage()
        page.resize(1200, 680)
        page.set_workshop(wf)
        page.grab()
        return page

    opened = best_of(RUNS, lambda: open_follow_up().deleteLater())
    charters = best_of(RUNS, lambda: open_charters().deleteLater())
    app.processEvents()
    row("Follow-up page opens", opened, "Charters page opens", charters)

    page = open_follow_up()
    page.show()
    app.processEvents()
    log = ContactLog(wf)
    pair_id = page.selected_pair().pair_id if page.selected_pair() else ""

    def log_from_the_row() -> None:
        page.log.text.setFocus()
        QTest.keyClicks(page.log.text, "Met, on track")
        QTest.keyClick(page.log.text, Qt.Key.Key_Return)
        page.grab()

    entry = best_of(RUNS, log_from_the_row)
    write = best_of(
        RUNS, lambda: log.add(pair_id, on_date=TODAY, kind="meeting", text="x", today=TODAY)
    )
    row("Log entry + recompute + repaint", entry, "ContactLog.add alone", write)
    page.deleteLater()
    app.processEvents()
    wf.close()


if __name__ == "__main__":
    main()
