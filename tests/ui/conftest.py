"""Every GUI test runs with the wheel guard, as the app does from its start."""

from __future__ import annotations

import pytest

from workshop_app.ui.wheel_guard import install_wheel_guard


@pytest.fixture(autouse=True)
def wheel_guard(qapp) -> None:  # type: ignore[no-untyped-def]
    install_wheel_guard()
