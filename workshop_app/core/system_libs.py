"""The system libraries the app loads at run time and a wheel cannot carry: Pango (WeasyPrint's
text layout, for every PDF) and, on Linux, the X11 libraries of Qt's xcb platform. Checked
before the window opens and before anything prints, so a missing one is named with the
command that installs it on this platform, instead of WeasyPrint's OSError or Qt's abort
(exit 134). The bundle and the .deb carry their own; `pipx install` of the wheel does not."""

from __future__ import annotations

import ctypes
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _


@dataclass(frozen=True)
class Library:
    names: tuple[str, ...]  # what the platform's loader finds it by (as WeasyPrint opens it)
    debian: str  # the package on Debian and Ubuntu
    fedora: str  # ... and on Fedora


PANGO = [
    Library(
        ("libgobject-2.0.so.0", "libgobject-2.0.0.dylib", "libgobject-2.0-0.dll"),
        "libglib2.0-0",
        "glib2",
    ),
    Library(
        ("libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll"), "libpango-1.0-0", "pango"
    ),
    Library(
        ("libpangoft2-1.0.so.0", "libpangoft2-1.0.dylib", "libpangoft2-1.0-0.dll"),
        "libpangoft2-1.0-0",
        "pango",
    ),
    Library(
        ("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll"),
        "libharfbuzz0b",
        "harfbuzz",
    ),
    Library(
        ("libfontconfig.so.1", "libfontconfig.1.dylib", "libfontconfig-1.dll"),
        "libfontconfig1",
        "fontconfig",
    ),
]
# What Qt's xcb platform plugin needs beyond what PySide6's wheel carries, the ones a desktop
# without Qt applications often lacks (scripts/check-system.sh lists every one).
XCB = [
    Library(("libxcb-cursor.so.0",), "libxcb-cursor0", "xcb-util-cursor"),
    Library(("libxcb-icccm.so.4",), "libxcb-icccm4", "xcb-util-wm"),
    Library(("libxcb-image.so.0",), "libxcb-image0", "xcb-util-image"),
    Library(("libxcb-keysyms.so.1",), "libxcb-keysyms1", "xcb-util-keysyms"),
    Library(("libxcb-render-util.so.0",), "libxcb-render-util0", "xcb-util-renderutil"),
    Library(("libxkbcommon-x11.so.0",), "libxkbcommon-x11-0", "libxkbcommon-x11"),
]


def _loads(library: Library) -> bool:
    if sys.platform == "win32":  # where WeasyPrint looks for MSYS2's DLLs, as it does itself
        for folder in os.environ.get("WEASYPRINT_DLL_DIRECTORIES", "").split(";"):
            if folder and Path(folder).is_dir():
                os.add_dll_directory(folder)
    for name in library.names:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return True
    return False


def missing_libraries(*, window: bool) -> list[Library]:
    """The libraries that do not load; with `window`, also those of the xcb platform when Qt
    will use it (Linux, no other platform chosen)."""
    wanted = list(PANGO)
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if window and sys.platform.startswith("linux") and platform in ("", "xcb"):
        wanted += XCB
    return [library for library in wanted if not _loads(library)]


def _os_release() -> str:
    try:
        return Path("/etc/os-release").read_text(errors="replace")
    except OSError:
        return ""


def install_command(missing: list[Library], *, platform: str, os_release: str = "") -> str:
    """The command that installs `missing` on this platform."""
    if platform == "darwin":
        return "brew install pango"
    if platform == "win32":
        return "pacman -S mingw-w64-x86_64-pango (MSYS2)"
    ids = {
        word.strip("\"'")
        for line in os_release.splitlines()
        if line.startswith(("ID=", "ID_LIKE="))
        for word in line.partition("=")[2].split()
    }
    if ids & {"debian", "ubuntu"}:
        return "sudo apt-get install " + " ".join(dict.fromkeys(lib.debian for lib in missing))
    if ids & {"fedora", "rhel", "centos"}:
        return "sudo dnf install " + " ".join(dict.fromkeys(lib.fedora for lib in missing))
    return _("your distribution's packages of Pango and the xcb utility libraries")


def require_system_libraries(*, window: bool = False) -> None:
    """Raise a UserError that names what is missing and the command to install it."""
    missing = missing_libraries(window=window)
    if not missing:
        return
    names = ", ".join(library.names[0] for library in missing)
    command = install_command(missing, platform=sys.platform, os_release=_os_release())
    raise UserError(
        _("Some system libraries the app needs are missing: {names}.").format(names=names),
        details=[_("Install them with: {command}").format(command=command)],
    )
