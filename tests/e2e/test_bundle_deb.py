"""The menu entry, the icon, the AppStream data and the .deb (`make deb`): validated as a
desktop's tools read them, then installed with dpkg, started as the menu entry's Exec line
says (with a file, as a double-click gives it), and removed again. lintian's findings are
printed; the ones that come of shipping a bundle under /opt are expected (docs/packaging.md)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from frozen import ROOT, bundle, clean_env, run_frozen
from test_smoke_xcb import App, painted, window_named
from x_display import START_TIMEOUT, XDisplay

pytestmark = pytest.mark.bundle

PACKAGING = ROOT / "packaging"
DESKTOP = "workshop-app.desktop"
METAINFO = "io.github.workshop_app.WorkshopApp.metainfo.xml"
MIME = "application/x-workshop"
# command -> Debian package; `bash scripts/check-system.sh --bundle` installs them
TOOLS = {
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    "dpkg-deb": "dpkg",
    "lintian": "lintian",
}


def _tool(command: str) -> str:
    found = shutil.which(command)
    if not found:
        pytest.fail(
            f"{command} is missing: `bash scripts/check-system.sh --bundle` installs it "
            f"(apt-get install {TOOLS[command]})."
        )
    return found


def _deb() -> Path:
    bundle()
    debs = sorted((ROOT / "dist").glob("workshop-app_*.deb"))
    if not debs:
        pytest.fail("No .deb in dist/: `make test-bundle` builds it first (`make deb`).")
    return debs[-1]


def _exec_line(desktop: Path) -> list[str]:
    for line in desktop.read_text().splitlines():
        if line.startswith("Exec="):
            return shlex.split(line.removeprefix("Exec="))
    raise AssertionError(f"{desktop} has no Exec line")


def test_the_menu_entry_and_the_appstream_data_validate() -> None:
    for path in (PACKAGING / DESKTOP, PACKAGING / METAINFO):
        assert path.is_file(), path
    checked = subprocess.run(
        [_tool("desktop-file-validate"), str(PACKAGING / DESKTOP)], capture_output=True, text=True
    )
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    checked = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(PACKAGING / METAINFO)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout
    # The Exec line opens the file a double-click gives, and the menu entry claims its type.
    assert _exec_line(PACKAGING / DESKTOP)[-1] == "%f"
    assert f"MimeType={MIME};" in (PACKAGING / DESKTOP).read_text()


@pytest.fixture
def installed() -> Iterator[Path]:
    """The .deb installed with dpkg, removed again after the test."""
    if os.geteuid() != 0:
        pytest.fail("Installing the .deb needs root (CI runs as root): run `make test-bundle` so.")
    deb = _deb()
    done = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    try:
        yield deb
    finally:
        removed = subprocess.run(["dpkg", "-r", "workshop-app"], capture_output=True, text=True)
        assert removed.returncode == 0, removed.stdout + removed.stderr


@pytest.mark.slow
def test_the_deb_installs_starts_from_its_menu_entry_with_a_file_and_removes(
    installed: Path, x_display: XDisplay, tmp_path: Path
) -> None:
    listed = subprocess.run(["dpkg", "-L", "workshop-app"], capture_output=True, text=True)
    files = set(listed.stdout.split())
    for path in (
        "/opt/workshop-app/workshop-app",
        "/usr/bin/workshop-app",
        f"/usr/share/applications/{DESKTOP}",
        "/usr/share/icons/hicolor/scalable/apps/workshop-app.svg",
        "/usr/share/icons/hicolor/48x48/apps/workshop-app.png",
        "/usr/share/icons/hicolor/256x256/apps/workshop-app.png",
        "/usr/share/mime/packages/workshop-app.xml",
        f"/usr/share/metainfo/{METAINFO}",
    ):
        assert path in files, path
    # The desktop's triggers registered the file type and the application that opens it.
    assert f"{MIME}:*.workshop" in Path("/usr/share/mime/globs2").read_text()
    assert f"{MIME}={DESKTOP};" in Path("/usr/share/applications/mimeinfo.cache").read_text()

    home, data = tmp_path / "home", tmp_path / "data"
    demo = tmp_path / "demo.workshop"
    made = run_frozen(
        "demo", str(demo), cwd=tmp_path, env=clean_env(home), command=Path("/usr/bin/workshop-app")
    )
    assert made.returncode == 0, made.stderr
    exec_line = _exec_line(Path("/usr/share/applications") / DESKTOP)
    command, args = exec_line[0], exec_line[1:]
    assert args[-1] == "%f" and args[:-1] == ["open"]  # App adds `open FILE` itself
    assert shutil.which(command, path="/usr/bin:/bin") == "/usr/bin/workshop-app"
    env = clean_env(home, DISPLAY=x_display.name)
    app = App(x_display, demo, data, command=[command], env=env)
    try:
        window = app.wait_for(
            "a window showing demo.workshop", window_named(x_display, app.process.pid, demo.name)
        )
        app.wait_for("the window painted", painted(x_display, window, tmp_path / "window.png"))
        x_display.run("xdotool", "windowactivate", "--sync", window)
        x_display.run("xdotool", "key", "--clearmodifiers", "ctrl+q")
        assert app.process.wait(timeout=START_TIMEOUT) == 0, app.said()
    finally:
        app.stop()

    removed = subprocess.run(["dpkg", "-r", "workshop-app"], capture_output=True, text=True)
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/workshop-app").exists()
    assert not Path("/usr/bin/workshop-app").exists()
    assert f"{MIME}:" not in Path("/usr/share/mime/globs2").read_text()


@pytest.mark.slow
def test_lintian_s_findings_are_printed_and_none_is_unexpected() -> None:
    """What comes of a bundle under /opt is expected and listed in docs/packaging.md; any
    other finding fails."""
    found = subprocess.run(
        [_tool("lintian"), "--tag-display-limit", "0", str(_deb())], capture_output=True, text=True
    )
    tags = sorted(
        {line.split()[2] for line in found.stdout.splitlines() if line[:2] in ("E:", "W:")}
    )
    print("lintian:", ", ".join(tags))
    doc = (ROOT / "docs" / "packaging.md").read_text()
    assert [tag for tag in tags if f"`{tag}`" not in doc] == []
