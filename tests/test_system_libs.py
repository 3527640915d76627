"""Qt's xcb platform plugin finds every system library it loads (without one, the app aborts at
start with exit 134), and scripts/check-system.sh checks and installs each of them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECK_SYSTEM = ROOT / "scripts" / "check-system.sh"
# glibc: on every Linux that PySide6's wheels run on (they are built against it).
GLIBC = re.compile(r"(libc|libm|libdl|libpthread|librt|ld-linux[\w-]*)\.so\.\d+")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="Qt's xcb platform plugin and ldd are Linux's; macOS and Windows use other plugins",
)


def _xcb_plugins() -> list[Path]:
    """The xcb platform plugin, the library it is built on, and its GL integrations."""
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    libraries = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    platform = plugins / "platforms" / "libqxcb.so"
    assert platform.is_file(), f"PySide6 has no xcb platform plugin at {platform}"
    qpa = libraries / "libQt6XcbQpa.so.6"
    return [
        platform,
        *([qpa] if qpa.is_file() else []),
        *sorted((plugins / "xcbglintegrations").glob("*.so")),
    ]


def _pyside_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent


def _ldd(path: Path) -> dict[str, str | None]:
    """Every shared library `path` loads, directly or not: soname -> where it was found."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout
    found: dict[str, str | None] = {}
    for line in out.splitlines():
        soname, arrow, where = line.strip().partition(" => ")
        if arrow:
            found[soname] = None if where.startswith("not found") else where.split(" (")[0]
    return found


def _packages() -> dict[str, str]:
    """check-system.sh's soname -> Debian package list: the one place it is written."""
    pairs = re.findall(r'^\s*"(lib\S+\.so[.\d]*) (\S+)"$', CHECK_SYSTEM.read_text(), re.M)
    return dict(pairs)


def test_the_xcb_platform_plugin_finds_every_library_it_loads() -> None:
    packages = _packages()
    missing = sorted(
        {soname for plugin in _xcb_plugins() for soname, at in _ldd(plugin).items() if not at}
    )
    to_install = sorted({packages[s] for s in missing if s in packages})
    unknown = [s for s in missing if s not in packages]
    advice = []
    if to_install:
        advice.append(
            f"Install: apt-get install {' '.join(to_install)} "
            "(`bash scripts/check-system.sh` as root does it)."
        )
    if unknown:
        advice.append(f"Not in scripts/check-system.sh yet: {', '.join(unknown)}.")
    assert not missing, (
        f"Qt's xcb platform plugin cannot load {', '.join(missing)}, so the app aborts at "
        f"start. {' '.join(advice)}"
    )


def test_check_system_covers_every_library_the_xcb_plugin_loads() -> None:
    """A newer PySide6 that needs one more library fails here, even where it is installed."""
    # Qt's own libraries (and the ICU it bundles) come with the PySide6 wheel.
    pyside = _pyside_dir()
    loaded: dict[str, str | None] = {}
    for plugin in _xcb_plugins():
        loaded.update(_ldd(plugin))
    system = {
        s: at
        for s, at in loaded.items()
        if not GLIBC.fullmatch(s) and not (at and Path(at).resolve().is_relative_to(pyside))
    }
    listed = set(_packages())
    # What a listed library loads comes with its package (libXau under libxcb, ...).
    covered = set(listed)
    for soname in listed & system.keys():
        at = system[soname]
        if at:
            covered.update(_ldd(Path(at)))
    uncovered = sorted(system.keys() - covered)
    assert not uncovered, (
        f"scripts/check-system.sh does not check {', '.join(uncovered)}, which Qt's xcb plugin "
        "loads: add each to qt_libs with its Debian package (`dpkg -S SONAME` names it)."
    )


def _path_with(tmp_path: Path, *commands: str) -> str:
    """A PATH holding only these commands, to show the script a machine without the others."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in commands:
        found = shutil.which(name)
        assert found, name
        (folder / name).symlink_to(found)
    return str(folder)


def _check_system(path: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [shutil.which("bash") or "/bin/bash", str(CHECK_SYSTEM), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path},
        check=False,
    )


def test_check_system_names_the_missing_test_tools_where_it_cannot_install(
    tmp_path: Path,
) -> None:
    # No apt-get here, so nothing is installed: the script can only say what is missing.
    path = _path_with(tmp_path, "uname", "id", "find", "grep")
    result = _check_system(path, "--test")
    assert result.returncode == 1
    for tool in ("Xvfb", "openbox", "xdotool", "import"):
        assert tool in result.stderr


def test_check_system_finds_the_libraries_with_ldconfig_off_the_path(tmp_path: Path) -> None:
    """Debian keeps ldconfig in /sbin, which a normal user's PATH lacks; the app's libraries are
    still found (they are installed: the test above checks), and `make run` asks for no test
    tools."""
    path = _path_with(tmp_path, "uname", "id", "find", "grep")
    result = _check_system(path)
    assert (result.returncode, result.stderr) == (0, "")
