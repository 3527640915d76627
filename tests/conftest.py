from __future__ import annotations

import os
from pathlib import Path

import pytest

# GUI tests run without a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read the English messages, whatever language the developer's desktop speaks; a
# test of another language sets it itself. (The CLI tests' child processes inherit these.)
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _app_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups and settings go to a fresh folder per test, never the user's own."""
    data = tmp_path_factory.mktemp("appdata")
    monkeypatch.setenv("WORKSHOP_APP_DATA_DIR", str(data))
    return data


@pytest.fixture
def app_data(_app_data: Path) -> Path:
    return _app_data


@pytest.fixture
def new_workshop(tmp_path: Path):
    from workshop_app.core.store.workshop_file import WorkshopFile

    wf = WorkshopFile.create(
        tmp_path / "room.workshop",
        program="Accelerate",
        organisation="Northwind",
        date="2027-01-19",
    )
    yield wf
    wf.close()
