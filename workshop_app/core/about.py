"""What the About dialog says: the app's version, where its data lives, and each component it
runs on with its version (read from what is installed, never written down) and its licence.

The licences are a reviewed table: package metadata spells them in a dozen ways or not at all,
and the C libraries have none to read. The versions come from the running process: the Python
packages' metadata, and the C libraries' own version functions, loaded the way WeasyPrint
loads them (`system_libs`)."""

from __future__ import annotations

import ctypes
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from workshop_app import __version__
from workshop_app.core import paths
from workshop_app.core.i18n import _
from workshop_app.core.system_libs import PANGO, Library


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str  # "" when it cannot be read here
    licence: str  # an SPDX expression, or the licence's own name


# (shown name, distribution name on PyPI, licence): the Python packages the app imports.
PYTHON_PACKAGES = (
    ("PySide6 (Qt for Python)", "PySide6", "LGPL-3.0-only"),
    ("WeasyPrint", "weasyprint", "BSD-3-Clause"),
    ("pydyf", "pydyf", "BSD-3-Clause"),
    ("tinyhtml5", "tinyhtml5", "MIT"),
    ("tinycss2", "tinycss2", "BSD-3-Clause"),
    ("cssselect2", "cssselect2", "BSD-3-Clause"),
    ("Pyphen", "pyphen", "GPL-2.0-or-later OR LGPL-2.1-or-later OR MPL-1.1"),
    ("fontTools", "fonttools", "MIT"),
    ("Pillow", "pillow", "MIT-CMU"),
    ("cffi", "cffi", "MIT"),
    ("Brotli", "brotli", "MIT"),
    ("zopfli", "zopfli", "Apache-2.0"),
    ("Jinja2", "Jinja2", "BSD-3-Clause"),
    ("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    ("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    ("Babel", "Babel", "BSD-3-Clause"),
    ("openpyxl", "openpyxl", "MIT"),
    ("lxml", "lxml", "BSD-3-Clause"),
    ("pikepdf", "pikepdf", "MPL-2.0"),
    ("orjson", "orjson", "Apache-2.0 OR MIT"),
    ("PyYAML", "PyYAML", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("icalendar", "icalendar", "BSD-2-Clause"),
)
# (shown name, the library as system_libs knows it, its version function, licence).
_PANGO, _HARFBUZZ, _FONTCONFIG = (
    next(lib for lib in PANGO if lib.names[0].startswith(prefix))
    for prefix in ("libpango-1.0", "libharfbuzz", "libfontconfig")
)
C_LIBRARIES: tuple[tuple[str, Library, str, str], ...] = (
    ("Pango", _PANGO, "pango_version_string", "LGPL-2.1-or-later"),
    ("HarfBuzz", _HARFBUZZ, "hb_version_string", "MIT"),
    ("Fontconfig", _FONTCONFIG, "FcGetVersion", "MIT"),
)
# What the charters are set in (report_templates/base.css), and the bundled library under it.
OTHER_PARTS = (
    ("SQLite", "sqlite3", "blessing (public domain)"),
    ("qpdf (in pikepdf)", "qpdf", "Apache-2.0"),
    ("Noto Sans fonts", "", "OFL-1.1"),
    ("DejaVu Sans font", "", "Bitstream-Vera"),
)


def _package_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _c_library_version(library: Library, function: str) -> str:
    """The version a C library reports of itself, or "" when it is not loadable here."""
    for name in library.names:
        try:
            loaded = ctypes.CDLL(name)
        except OSError:
            continue
        try:
            call = getattr(loaded, function)
        except AttributeError:
            return ""
        if function == "FcGetVersion":  # an int: 21400 is 2.14.0
            call.restype = ctypes.c_int
            number = int(call())
            return f"{number // 10000}.{number // 100 % 100}.{number % 100}"
        call.restype = ctypes.c_char_p
        text = call()
        return text.decode("ascii", "replace") if text else ""
    return ""


def _other_version(kind: str, sqlite_version: str) -> str:
    if kind == "sqlite3":
        return sqlite_version
    if kind == "qpdf":
        try:
            import pikepdf
        except ImportError:
            return ""
        return str(getattr(pikepdf, "__libqpdf_version__", ""))
    return ""


def components(qt_version: str) -> list[Component]:
    """Every component the app runs on, the Python interpreter first; `qt_version` from the
    caller (reading it needs Qt, which the core does not import)."""
    import sqlite3

    found = [
        Component("Python", platform.python_version(), "PSF-2.0"),
        Component("Qt", qt_version, "LGPL-3.0-only"),
    ]
    found += [Component(shown, _package_version(dist), lic) for shown, dist, lic in PYTHON_PACKAGES]
    found += [
        Component(shown, _c_library_version(library, function), lic)
        for shown, library, function, lic in C_LIBRARIES
    ]
    for shown, kind, lic in OTHER_PARTS:
        found.append(Component(shown, _other_version(kind, sqlite3.sqlite_version), lic))
    return found


@dataclass(frozen=True, slots=True)
class Place:
    what: str
    path: Path


def data_places(workshop: Path | None) -> list[Place]:
    """Where the app keeps what it keeps, in the order a person looks for it."""
    places = [
        Place(_("Data folder (settings, backups, log)"), paths.user_data_dir()),
        Place(_("Backups"), paths.backups_dir()),
        Place(_("Log"), paths.log_file()),
        Place(_("Cache of printed charters"), paths.user_cache_dir()),
    ]
    if workshop is not None:
        places.insert(0, Place(_("This workshop"), workshop))
    return places


def version_line() -> str:
    return _("Version {version}").format(version=__version__)
