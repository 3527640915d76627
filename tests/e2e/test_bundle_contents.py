"""What the frozen bundle holds, checked file by file rather than trusted from PyInstaller's
warnings: WeasyPrint's Pango stack, Qt's plugins and translations, the app's catalogues, the
exercise library, the templates and the fonts the templates ask for; and every library in it
finds what it links against in the bundle or among the few a desktop always has."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from frozen import INTERNAL, ROOT, bundle

pytestmark = pytest.mark.bundle

QT = INTERNAL / "PySide6" / "Qt"
LANGUAGES = ("it", "de", "fr")
# What the bundle leaves to the system on purpose: glibc, the GL drivers (they must match the
# desktop's graphics), the X connection and Wayland's client libraries (a desktop has them;
# the .deb depends on them).
SYSTEM = re.compile(
    r"(libc|libm|libdl|libpthread|librt|libresolv|libGL|libEGL|libGLX|libGLdispatch|libxcb"
    r"|libwayland-[a-z]+|libwayland-egl|libdrm)\.so\.\d+"
)


def test_weasyprint_s_pango_stack_is_inside() -> None:
    bundle()
    for soname in (
        "libpango-1.0.so.0",
        "libpangoft2-1.0.so.0",
        "libharfbuzz.so.0",
        "libfontconfig.so.1",
        "libgobject-2.0.so.0",
        "libglib-2.0.so.0",
        "libfreetype.so.6",
        "libfribidi.so.0",
    ):
        assert (INTERNAL / soname).is_file(), soname


def test_qt_s_plugins_and_translations_are_inside() -> None:
    bundle()
    plugins = QT / "plugins"
    for plugin in (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "printsupport/libcupsprintersupport.so",
    ):
        assert (plugins / plugin).is_file(), plugin
    assert list((plugins / "xcbglintegrations").glob("*.so"))
    shipped = {p.name for p in (QT / "translations").glob("*.qm")}
    assert {f"qtbase_{lang}.qm" for lang in LANGUAGES} <= shipped
    assert all(name.removesuffix(".qm").rsplit("_", 1)[1] in LANGUAGES for name in shipped)


def test_the_catalogues_exercises_and_templates_are_the_working_tree_s() -> None:
    bundle()
    package = INTERNAL / "workshop_app"
    for lang in LANGUAGES:
        mo = f"locale/{lang}/LC_MESSAGES/workshop_app.mo"
        assert (package / mo).read_bytes() == (ROOT / "workshop_app" / mo).read_bytes(), mo
    for name in ("exercises", "report_templates"):
        source = ROOT / name
        files = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
        assert files
        inside = package / "_shipped" / name
        for rel in files:
            assert (inside / rel).read_bytes() == (source / rel).read_bytes(), f"{name}/{rel}"
    for icon in (ROOT / "workshop_app" / "icons").iterdir():
        assert (package / "icons" / icon.name).is_file(), icon.name


def test_every_font_family_the_templates_ask_for_is_inside() -> None:
    bundle()
    asked = set()
    for css in (ROOT / "report_templates").glob("*.css"):
        for families in re.findall(r"font-family:\s*([^;]+);", css.read_text()):
            asked |= {f.strip().strip("\"'") for f in families.split(",")}
    asked -= {"serif", "sans-serif", "monospace", "inherit"}
    assert asked
    fonts = INTERNAL / "fonts"
    assert (fonts / "fonts.conf").is_file()
    found = subprocess.run(
        ["fc-scan", "--format", "%{family}\n", str(fonts)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    inside = {name for line in found.splitlines() for name in line.split(",")}
    assert asked <= inside, asked - inside


def test_every_library_inside_finds_what_it_links_against() -> None:
    bundle()
    elves = [
        p
        for p in INTERNAL.rglob("*")
        if p.is_file() and not p.is_symlink() and (p.suffix == ".so" or ".so." in p.name)
    ]
    assert len(elves) > 100
    env = {**os.environ, "LD_LIBRARY_PATH": str(INTERNAL)}
    problems = []
    for elf in elves:
        out = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            name, _, where = line.strip().partition(" => ")
            if not where or where.startswith(str(INTERNAL)):
                continue
            if not SYSTEM.fullmatch(name):
                problems.append(f"{elf.relative_to(INTERNAL)}: {line.strip()}")
    assert problems == []
