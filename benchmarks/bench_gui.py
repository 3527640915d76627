"""Issue 5 figures: start-up to a painted window, GUI stalls while charters render, typing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py

- Start-up: a fresh process until the main window with a 200-pair workshop has painted,
  against a bare PySide6 window shown and painted, alternated in the same run (median of 7).
- Stalls: a 5 ms heartbeat timer on the GUI thread while all 100 complete charters of a
  workshop render to a folder; the longest gap between beats, against the same heartbeat
  with the app idle for as long.
- Typing: 1,000 keystrokes typed into a charter field through the real widget; each save's
  time (the debounced write), against a bare sqlite3 UPDATE + commit.
- Load (`--load`, issue 8): a 5,000-pair workshop opened, listed, filtered, one charter
  previewed and the records exported to JSON, with the same heartbeat; the longest stall of
  each step against the idle heartbeat.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from _common import make_workshop, percentile

BARE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtCore import QEvent, QObject
app = QApplication([])
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time() - t0, flush=True)
            app.quit()
        return False
w = QWidget(); w.resize(1200, 780); f = Painted(); w.installEventFilter(f); w.show()
app.exec()
"""

APP = """
import time, sys
t0 = float(sys.argv[1])
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from workshop_app.ui.launch import make_app
from workshop_app.ui.main_window import MainWindow
app = make_app()
w = MainWindow()
table = w.overview.table.viewport()
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and w.wf is not None:
            print(time.time() - t0, flush=True)
            app.quit()
        return False
f = Painted(); table.installEventFilter(f)
w.show()
w.open_path(Path(sys.argv[2]))
app.exec()
"""


def startup(folder: Path) -> None:
    path = make_workshop(folder, 200)
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(folder / "appdata")}

    def run(code: str, *args: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", code, repr(time.time()), *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        )
        return float(out.stdout.strip().splitlines()[-1])

    run(BARE)
    run(APP, str(path))  # warm the OS file cache for both
    bare, app = [], []
    for _ in range(7):
        bare.append(run(BARE))
        app.append(run(APP, str(path)))
    b, a = statistics.median(bare), statistics.median(app)
    print(
        f"Start-up to a painted main window with a 200-pair workshop: {a:.2f} s "
        f"(target < 1 s and at most 3x the bare window)"
    )
    print(f"  baseline, bare PySide6 window shown and painted: {b:.2f} s; ratio {a / b:.1f}x")


def stalls(folder: Path) -> None:
    from PySide6.QtCore import QTimer

    from workshop_app.ui.launch import make_app
    from workshop_app.ui.main_window import MainWindow

    path = make_workshop(folder, 100, filled_every=1)
    app = make_app()
    window = MainWindow()
    window.show()
    window.open_path(path)
    window.go_to(window._index("charters"))

    def heartbeat(run_for: float | None, start_work: bool) -> tuple[float, float, float]:
        beats: list[float] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: beats.append(time.perf_counter()))
        done = {"flag": False}
        window.printer.finished.connect(lambda _r: done.update(flag=True))
        start = time.perf_counter()
        timer.start()
        if start_work:
            out = folder / "printed"
            out.mkdir(exist_ok=True)
            window.charters.print_complete(to_folder=True, folder=out)
        while True:
            app.processEvents()
            time.sleep(0.001)
            elapsed = time.perf_counter() - start
            if start_work and done["flag"]:
                break
            if run_for is not None and elapsed >= run_for:
                break
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(beats)]
        return elapsed, max(gaps), percentile(gaps, 99)

    took, worst, p99 = heartbeat(None, True)
    _, idle_worst, idle_p99 = heartbeat(min(took, 20.0), False)
    print(
        f"GUI thread while 100 charters render ({took:.1f} s): longest stall "
        f"{worst * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms (target < 50 ms)"
    )
    print(
        f"  baseline, the same heartbeat with the app idle: longest "
        f"{idle_worst * 1000:.0f} ms, p99 {idle_p99 * 1000:.0f} ms"
    )
    window.close()


def typing(folder: Path) -> None:
    from PySide6.QtTest import QTest

    from workshop_app.ui.launch import make_app
    from workshop_app.ui.main_window import MainWindow

    path = make_workshop(folder, 200)
    app = make_app()
    window = MainWindow()
    window.show()
    window.open_path(path)
    window.go_to(window._index("charters"))
    editor = window.charters.editor
    wf = window.wf
    assert wf is not None
    times: list[float] = []
    original = wf.charters.set_field

    def timed(*args: object, **kwargs: object) -> None:
        start = time.perf_counter()
        original(*args, **kwargs)  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)

    wf.charters.set_field = timed  # type: ignore[method-assign]
    editor.saver._delay = 0  # save after every keystroke: the worst case
    field = editor.field("purpose").input
    field.setFocus()
    for i in range(1000):
        QTest.keyClicks(field, "abcdefghij"[i % 10])
        app.processEvents()
    editor.saver.flush()
    base_db = sqlite3.connect(folder / "typing-baseline.db", isolation_level=None)
    base_db.execute("PRAGMA journal_mode = WAL")
    base_db.execute("PRAGMA synchronous = FULL")
    base_db.execute("CREATE TABLE c (id TEXT PRIMARY KEY, purpose TEXT)")
    base_db.execute("INSERT INTO c VALUES ('x', '')")
    base = []
    for i in range(1000):
        start = time.perf_counter()
        base_db.execute("UPDATE c SET purpose = ? WHERE id = 'x'", ("a" * i,))
        base.append(time.perf_counter() - start)
    print(
        f"Typing into a charter field, one save per keystroke ({len(times)} saves): "
        f"median {statistics.median(times) * 1000:.2f} ms, "
        f"p99 {percentile(times, 99) * 1000:.2f} ms (target p99 < 5 ms)"
    )
    print(
        f"  baseline, bare sqlite3 UPDATE + commit: median "
        f"{statistics.median(base) * 1000:.2f} ms, p99 {percentile(base, 99) * 1000:.2f} ms"
    )
    window.close()


class Heartbeat:
    """A 5 ms timer on the GUI thread; the gaps between its beats are the GUI's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self.timer.start()

    def run(self, app: object, until: object, limit: float = 300.0) -> float:
        """Beat (started by `start`) until `until()` is true; the longest gap in seconds."""
        start = time.perf_counter()
        while not until() and time.perf_counter() - start < limit:  # type: ignore[operator]
            app.processEvents()  # type: ignore[attr-defined]
            time.sleep(0.001)
        for _ in range(20):  # let the last beats land
            app.processEvents()  # type: ignore[attr-defined]
            time.sleep(0.005)
        self.timer.stop()
        return max(b - a for a, b in itertools.pairwise(self.beats))


def load(folder: Path) -> None:
    from PySide6.QtTest import QTest

    from workshop_app.ui.launch import make_app
    from workshop_app.ui.main_window import MainWindow

    path = make_workshop(folder, 5000)
    app = make_app()
    window = MainWindow()
    window.show()
    beat = Heartbeat()
    results: list[tuple[str, float]] = []

    def step(label: str, action: object, until: object) -> None:
        beat.start()  # the action itself, on the GUI thread, counts as a stall too
        action()  # type: ignore[operator]
        results.append((label, beat.run(app, until)))

    step(
        "open (checked and backed up on a worker thread) and list 5,000 pairs",
        lambda: window.open_path(path),
        lambda: window.wf is not None,
    )
    typed = iter("Number4999")

    def type_next() -> bool:
        """One keystroke every 60 ms, as a person types; True once all are typed."""
        key = next(typed, None)
        if key is None:
            return True
        QTest.keyClicks(window.overview.filter, key)
        time.sleep(0.06)
        return False

    step("filter the pairs list by a name, typed key by key", lambda: None, type_next)
    beat.start()
    settle = beat.run(app, lambda: False, limit=3.0)  # the app readies the other pages
    results.append(("the seconds after opening, while the app readies its pages", settle))
    step("open the Charters page", lambda: window.go_to(window._index("charters")), lambda: True)
    step(
        "preview one charter (rendered in a worker process)",
        window.charters.show_preview,
        lambda: (
            window.charters.preview is not None and window.charters.preview.document.pageCount() > 0
        ),
    )
    export = window._page(window._index("export"))
    out = folder / "records.json"
    step(
        "export the records to JSON (on a worker thread)",
        lambda: export.export_to(out, "json", include_confidential=False),  # type: ignore[attr-defined]
        lambda: export.result is not None,
    )  # type: ignore[attr-defined]
    beat.start()
    idle = beat.run(app, lambda: False, limit=3.0)
    print(
        "A 5,000-pair workshop in the app, longest GUI-thread stall of each step (target < 100 ms):"
    )
    for label, worst in results:
        print(f"  {label}: {worst * 1000:.0f} ms")
    print(f"  baseline, the same heartbeat with the app idle: {idle * 1000:.0f} ms")
    window.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        folder = Path(tmp)
        if "--load" in sys.argv:
            (folder / "load").mkdir()
            load(folder / "load")
            return
        for name, bench in (("startup", startup), ("typing", typing), ("stalls", stalls)):
            (folder / name).mkdir()
            bench(folder / name)
    from workshop_app.ui.jobs import shutdown_preview_process

    shutdown_preview_process()


if __name__ == "__main__":
    main()
