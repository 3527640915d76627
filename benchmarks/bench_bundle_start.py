"""Issue 18 figure: the frozen bundle's start-up to a painted window, beside the source tree's.

    make bundle && .venv/bin/python benchmarks/bench_bundle_start.py

Both start as a trainer does (`workshop-app open demo.workshop`) on an Xvfb display of their
own with the xcb platform, alternated in one run (median of 5). From outside the process the
benchmark polls the display: the time until the app's window shows more than 32 colours (Qt
has painted it, as tests/e2e/test_smoke_xcb.py checks). Each poll costs a few milliseconds,
alike for both. Target: the frozen app under 1.5 s.
"""

from __future__ import annotations

import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "dist" / "workshop-app" / "workshop-app"
RUNS = 5
PAINTED_COLOURS = 32
TIMEOUT = 60


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1366x768x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], TIMEOUT)
    number = os.read(read_end, 16).decode().strip() if ready else ""
    os.close(read_end)
    if not number.isdigit():
        sys.exit("Xvfb did not start")
    return xvfb, f":{number}"


def main() -> None:
    if not FROZEN.is_file():
        print(f"Skipped: no bundle at {FROZEN.parent} (`make bundle` builds it).")
        return
    xvfb, display = start_xvfb()
    os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        from PySide6.QtGui import QGuiApplication, QImage

        app = QGuiApplication([])
        screen = app.primaryScreen()
        folder = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(folder / "home"),
            "LANG": "C.UTF-8",
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "WORKSHOP_APP_DATA_DIR": str(folder / "data"),
        }
        demo = folder / "demo.workshop"
        subprocess.run([str(FROZEN), "demo", str(demo)], env=env, check=True, capture_output=True)

        def painted(pid: int) -> bool:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            ).stdout.split()
            for window in found:
                image = screen.grabWindow(int(window)).toImage().scaled(341, 192)
                image = image.convertToFormat(QImage.Format.Format_RGB32)
                if len(set(memoryview(image.constBits()).cast("I"))) > PAINTED_COLOURS:
                    return True
            return False

        def start(command: list[str], extra: dict[str, str]) -> float:
            began = time.perf_counter()
            process = subprocess.Popen(
                [*command, "open", str(demo)],
                env={**env, **extra},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                while not painted(process.pid):
                    if process.poll() is not None or time.perf_counter() - began > TIMEOUT:
                        sys.exit(f"{command[0]} did not paint a window")
                    time.sleep(0.005)
                return time.perf_counter() - began
            finally:
                process.kill()
                process.wait()

        source_cmd = [sys.executable, "-m", "workshop_app"]
        source_env = {"PYTHONPATH": str(ROOT)}
        start([str(FROZEN)], {})  # warm the OS file cache for both
        start(source_cmd, source_env)
        frozen, source = [], []
        for _ in range(RUNS):
            frozen.append(start([str(FROZEN)], {}))
            source.append(start(source_cmd, source_env))
        f, s = statistics.median(frozen), statistics.median(source)
        print(f"Start-up to a painted window, frozen bundle: {f:.2f} s (target < 1.5 s)")
        print(f"  baseline, the source tree with the venv's Python: {s:.2f} s; ratio {f / s:.2f}x")
    finally:
        xvfb.terminate()
        xvfb.wait()


if __name__ == "__main__":
    main()
