"""The app's own folders (data, backups, render cache, temporary files) are the user's alone,
with a real umask of 022: folders 0700, files 0600, and what an older version left readable is
tightened at start-up. Workshop files and exports the user saves keep the umask's mode.
"""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.core.demo import create_demo

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")

ROSTER = Path(__file__).parents[1] / "data" / "rosters" / "first_last_email_headers.csv"


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """The real command, started by a shell whose umask is 022 (as on most systems)."""
    command = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "workshop_app", *args))
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        ["sh", "-c", f"umask 022 && exec {command}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def modes(root: Path) -> dict[str, str]:
    """Every entry under `root` (itself included) -> its permission bits, in octal."""
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            path = Path(folder, name)
            found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def open_to_others(root: Path) -> dict[str, str]:
    return {name: mode for name, mode in modes(root).items() if int(mode, 8) & 0o077}


@pytest.fixture
def room(tmp_path: Path) -> Path:
    path = tmp_path / "rooms" / "demo.workshop"
    path.parent.mkdir()
    os.umask(old := os.umask(0o022))
    try:
        create_demo(path).close()
    finally:
        os.umask(old)
    return path


def test_what_the_app_keeps_is_private_and_what_the_user_saves_is_not(
    room: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    out = tmp_path / "rooms"
    for args in (
        ["import", str(room), str(ROSTER)],  # a backup of the workshop first
        ["charters", str(room), "--out", str(out / "printed")],  # the render cache
        ["export", str(room), "--format", "xlsx", "--out", str(out / "records.xlsx")],
        ["merge", str(out / "merged.workshop"), str(room)],
    ):
        done = run(*args, data=data)
        assert done.returncode == 0, done.stderr[-2000:]

    kept = modes(data)
    assert any(name.startswith("backups/") and name.endswith(".workshop") for name in kept)
    assert any(name.startswith("cache/pdf/") and name.endswith(".pdf") for name in kept)
    assert open_to_others(data) == {}
    assert {"workshop-app.log", "settings.ini", "cache/tmp"} <= kept.keys()  # made private
    assert {m for n, m in kept.items() if (data / n).is_dir()} == {"0o700"}
    assert {m for n, m in kept.items() if (data / n).is_file()} == {"0o600"}
    # The user chose where to save these: the usual permissions, as any program gives.
    saved = modes(out)
    assert saved["merged.workshop"] == saved["records.xlsx"] == "0o644"
    assert saved["printed"] == "0o755"
    assert {m for n, m in saved.items() if n.startswith("printed/")} == {"0o644"}


def test_folders_an_older_version_left_readable_are_tightened_at_start(
    room: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    backups = data / "backups" / "demo-0123456789"
    entries = data / "cache" / "pdf" / "0123456789abcdef0123"
    for folder in (backups, entries):
        folder.mkdir(parents=True, mode=0o755)
    elsewhere = tmp_path / "elsewhere.txt"  # a symlink's target is not the app's to change
    elsewhere.write_text("not the app's")
    files = {
        data / "settings.ini": "[files]\n",
        data / "workshop-app.log": "opened\n",
        backups / "demo_20270101T000000000000Z_v2s9.workshop": "a copy",
        entries / ("0" * 64 + ".4.pdf"): "%PDF-",
    }
    for path, text in files.items():
        path.write_text(text)
    for path in (*files, elsewhere):
        path.chmod(0o644)
    for folder in (data, data / "backups", backups, data / "cache", data / "cache" / "pdf"):
        folder.chmod(0o755)
    (data / "link").symlink_to(elsewhere)
    assert open_to_others(data)

    done = run("info", str(room), data=data)
    assert done.returncode == 0, done.stderr[-2000:]
    assert open_to_others(data) == {"link": "0o777"}  # a symlink's own bits mean nothing
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o644
    assert all(path.read_text() == text for path, text in files.items())


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_private_folder_is_not_walked_again_an_open_one_is(tmp_path: Path) -> None:
    """Start-up tightens what an older version left open, but does not walk a folder that is
    private already (nobody else can enter it): a full render cache is 20,000 entries."""
    from workshop_app.core.private_files import tighten

    root = tmp_path / "cache"
    (root / "pdf").mkdir(parents=True)
    entry = root / "pdf" / "entry.pdf"
    entry.write_bytes(b"%PDF")
    os.chmod(entry, 0o644)
    os.chmod(root, 0o700)
    assert tighten(root) == 0 and stat.S_IMODE(entry.stat().st_mode) == 0o644
    os.chmod(root, 0o755)
    assert tighten(root) >= 2  # the root and the entry
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
