"""The real `workshop-app` on a real X display, as a trainer starts it: Qt's xcb platform (not
offscreen), so a system library missing on a fresh desktop fails here and not in the room."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import pytest
from x_display import START_TIMEOUT, XDisplay

T = TypeVar("T")
# A window Qt has painted shows text, icons and frames in hundreds of shades; one that is
# mapped but blank (or black, when drawing fails) shows one or two.
PAINTED_COLOURS = 32


SOURCE_APP = (sys.executable, "-m", "workshop_app")


class App:
    """`workshop-app open FILE` on the display, its output in a file beside the workshop.
    `command` is the source tree's app by default, or the frozen bundle's (tests/e2e/bundle*)."""

    def __init__(
        self,
        display: XDisplay,
        workshop: Path,
        data: Path,
        *,
        command: Sequence[str] = SOURCE_APP,
        env: dict[str, str] | None = None,
    ) -> None:
        self.output = workshop.with_name("app-output.txt")
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(
                [*command, "open", str(workshop)],
                env={
                    **(env or display.env()),
                    "QT_QPA_PLATFORM": "xcb",
                    "WORKSHOP_APP_DATA_DIR": str(data),
                },
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def said(self) -> str:
        return self.output.read_text(errors="replace")[-4000:]

    def wait_for(self, what: str, check: Callable[[], T | None]) -> T:
        """check() until it gives a result; fail at once, with the app's output, if it exits."""
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                pytest.fail(
                    f"The app exited with {self.process.returncode} while waiting for {what} "
                    "(-6, which a shell shows as 134, is Qt aborting: tests/test_system_libs.py "
                    f"names a missing library). It said:\n{self.said()}"
                )
            result = check()
            if result is not None:
                return result
            if time.monotonic() > deadline:
                pytest.fail(f"No {what} after {START_TIMEOUT} s. The app said:\n{self.said()}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def window_named(display: XDisplay, pid: int, text: str) -> Callable[[], str | None]:
    def find() -> str | None:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
            env=display.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        for window in found.stdout.split():
            if text in display.run("xdotool", "getwindowname", window):
                return window
        return None

    return find


def _colours(shot: Path) -> int:
    from PySide6.QtGui import QImage

    image = QImage(str(shot)).convertToFormat(QImage.Format.Format_RGB32)
    return len(set(memoryview(image.constBits()).cast("I")))


def painted(display: XDisplay, window: str, shot: Path) -> Callable[[], int | None]:
    """The window's own pixels, shot until Qt has drawn them."""

    def count() -> int | None:
        colours = _colours(display.screenshot(shot, window=window))
        return colours if colours > PAINTED_COLOURS else None

    return count


def _command(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """A `workshop-app` command that needs no display (making and reading the file)."""
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_APP_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_the_app_starts_on_x_shows_the_demo_and_quits_on_ctrl_q(
    x_display: XDisplay, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    demo = tmp_path / "demo.workshop"
    made = _command("demo", str(demo), data=data)
    assert made.returncode == 0, made.stderr

    app = App(x_display, demo, data)
    try:
        window = app.wait_for(
            "a window showing demo.workshop", window_named(x_display, app.process.pid, demo.name)
        )
        shot = tmp_path / "window.png"
        app.wait_for(f"the window painted (see {shot})", painted(x_display, window, shot))
        x_display.screenshot(tmp_path / "screen.png")

        # Quit as a person does: the window has the focus, Ctrl+Q.
        x_display.run("xdotool", "windowactivate", "--sync", window)
        x_display.run("xdotool", "key", "--clearmodifiers", "ctrl+q")
        try:
            code = app.process.wait(timeout=START_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"The app did not quit on Ctrl+Q. It said:\n{app.said()}")
    finally:
        app.stop()

    assert code == 0, app.said()
    log = (data / "workshop-app.log").read_text()
    assert not [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line], log
    # Closed cleanly: the lock is gone, and the file is whole and opens with its 12 pairs.
    assert not demo.with_name(demo.name + ".lock").exists()
    db = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()
    info = _command("info", "--json", str(demo), data=data)
    assert info.returncode == 0, info.stderr
    assert len(json.loads(info.stdout)["pairs"]) == 12
