"""A real X display for end-to-end tests: an Xvfb of its own on a free display number, with
openbox as the window manager. CI has no display, and a developer's own display is never used,
so no window pops up on their screen."""

from __future__ import annotations

import os
import select
import shlex
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

SCREEN = (1366, 768)
# command -> Debian package; scripts/check-system.sh --test (run by `make test`) installs them.
TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "import": "imagemagick"}
START_TIMEOUT = 60


@dataclass(frozen=True)
class XDisplay:
    name: str  # ":N"

    def env(self, **extra: str) -> dict[str, str]:
        """This process's environment, on this display only."""
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XAUTHORITY")}
        return {**env, "DISPLAY": self.name, **extra}

    def run(self, *command: str) -> str:
        return subprocess.run(
            command, env=self.env(), capture_output=True, text=True, check=True, timeout=30
        ).stdout

    def screenshot(self, path: Path, *, window: str = "root") -> Path:
        """A PNG of the whole screen, or of one window's own area."""
        self.run("import", "-window", window, str(path))
        return path


def missing_tools() -> str | None:
    missing = {command: package for command, package in TOOLS.items() if not shutil.which(command)}
    if not missing:
        return None
    return (
        f"The end-to-end tests need {', '.join(f'{c} ({p})' for c, p in missing.items())}, "
        "which this machine lacks: run "
        "`bash scripts/check-system.sh --test` as root, or "
        f"`sudo apt-get install {' '.join(sorted(set(missing.values())))}`."
    )


def start_xvfb(log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb picks a free display number itself (-displayfd) and writes it once it accepts
    clients, so several engineers' displays on one machine never collide."""
    screen = f"{SCREEN[0]}x{SCREEN[1]}x24"
    read_end, write_end = os.pipe()
    with log.open("wb") as err:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", screen],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    os.close(write_end)
    number = b""
    with os.fdopen(read_end, "rb", buffering=0) as pipe:
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([pipe], [], [], START_TIMEOUT)
            chunk = pipe.read(16) if ready else b""
            if not chunk:
                break
            number += chunk
    if not number.strip().isdigit():
        stop(xvfb)
        pytest.fail(f"Xvfb did not start: {log.read_text(errors='replace').strip()[-2000:]}")
    return xvfb, f":{number.decode().strip()}"


def start_openbox(display: XDisplay, folder: Path) -> subprocess.Popen[bytes]:
    """openbox runs its --startup command once it manages the screen: windows started after
    that get a frame, focus and activation as on a desktop."""
    ready = folder / "openbox-ready"
    with (folder / "openbox.log").open("wb") as err:
        openbox = subprocess.Popen(
            ["openbox", "--sm-disable", "--startup", f"touch {shlex.quote(str(ready))}"],
            env=display.env(),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while not ready.exists():
        if openbox.poll() is not None or time.monotonic() > deadline:
            stop(openbox)
            pytest.fail(f"openbox did not start on {display.name}: see {folder / 'openbox.log'}")
        time.sleep(0.1)
    return openbox


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
