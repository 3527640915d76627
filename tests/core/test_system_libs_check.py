"""The system libraries are checked before the window opens and before anything prints: a
missing one (faked here) is named, with the command that installs it on this platform."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from workshop_app import cli
from workshop_app.core import system_libs
from workshop_app.core.charters import pdf_render
from workshop_app.core.system_libs import PANGO, XCB, install_command

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n'
UBUNTU = "ID=ubuntu\nID_LIKE=debian\n"
FEDORA = "ID=fedora\nVERSION_ID=40\n"


@pytest.fixture
def without(monkeypatch: pytest.MonkeyPatch):
    """Fake the named libraries as missing: loading them fails as the loader's would."""

    def fake(names: set[str]) -> None:
        real = ctypes.CDLL

        def loader(name: str, *args: object, **kwargs: object) -> ctypes.CDLL:
            if name in names:
                raise OSError(f"{name}: cannot open shared object file")
            return real(name, *args, **kwargs)

        monkeypatch.setattr(system_libs.ctypes, "CDLL", loader)
        monkeypatch.setattr(system_libs, "_os_release", lambda: DEBIAN)

    return fake


def test_nothing_is_missing_here() -> None:
    assert system_libs.missing_libraries(window=False) == []


def test_the_install_command_for_each_platform() -> None:
    pango, cursor = PANGO[1], XCB[0]
    assert install_command([pango], platform="linux", os_release=DEBIAN) == (
        "sudo apt-get install libpango-1.0-0"
    )
    assert install_command([pango, PANGO[2], cursor], platform="linux", os_release=UBUNTU) == (
        "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libxcb-cursor0"
    )
    assert install_command([pango, PANGO[2], cursor], platform="linux", os_release=FEDORA) == (
        "sudo dnf install pango xcb-util-cursor"
    )
    assert install_command([pango], platform="darwin") == "brew install pango"
    assert "mingw-w64-x86_64-pango" in install_command([pango], platform="win32")
    assert "Pango" in install_command([pango], platform="linux", os_release="ID=arch\n")


def test_a_charter_print_names_a_missing_pango_and_its_package(
    without, tmp_path: Path, app_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.workshop"
    assert cli.main(["demo", str(demo)]) == 0
    capsys.readouterr()
    without({"libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll"})
    # A fresh process: this one may have loaded WeasyPrint (and Pango) for an earlier test.
    pdf_render._load_weasyprint.cache_clear()
    out = tmp_path / "out"
    assert cli.main(["charters", str(demo), "--pair", "P01", "--out", str(out)]) == 1
    said = capsys.readouterr().err.splitlines()
    assert said == [
        "workshop-app: Some system libraries the app needs are missing: libpango-1.0.so.0.",
        "  Install them with: sudo apt-get install libpango-1.0-0",
    ]
    assert not list(out.glob("*.pdf"))


def test_the_window_does_not_open_without_the_xcb_libraries(
    without, monkeypatch: pytest.MonkeyPatch, app_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop_app.ui import launch

    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(launch, "run_app", lambda *_a, **_kw: pytest.fail("the window opened"))
    without({"libxcb-cursor.so.0"})
    assert cli.main(["open"]) == 1
    said = capsys.readouterr().err
    assert "libxcb-cursor.so.0" in said and "sudo apt-get install libxcb-cursor0" in said
    # Another platform plugin (offscreen, wayland) does not need them.
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(launch, "run_app", lambda *_a, **_kw: 0)
    assert cli.main(["open"]) == 0
