"""The `x_display` fixture: a display of its own for each end-to-end test, torn down after."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from x_display import XDisplay, missing_tools, start_openbox, start_xvfb, stop


@pytest.fixture
def x_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XDisplay]:
    if not sys.platform.startswith("linux"):
        pytest.skip("the end-to-end tests drive an X display through Qt's xcb plugin: Linux only")
    # A missing tool fails, never skips: CI must catch what a trainer's first start would hit.
    problem = missing_tools()
    if problem:
        pytest.fail(problem)
    folder = tmp_path_factory.mktemp("xdisplay")
    xvfb, name = start_xvfb(folder / "xvfb.log")
    display = XDisplay(name)
    try:
        openbox = start_openbox(display, folder)
        try:
            yield display
        finally:
            stop(openbox)
    finally:
        stop(xvfb)
