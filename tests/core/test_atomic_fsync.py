"""An export written as a folder is on the disk before it takes its name: every file and every
folder in it is flushed, each folder after what it holds, and the rename after that."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from workshop_app.core.store import atomic

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture
def flushed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of everything `os.fsync` is called on, in order."""
    calls: list[str] = []
    real = os.fsync

    def recording(fd: int) -> None:
        calls.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(os, "fsync", recording)
    return calls


def test_every_file_and_folder_of_an_export_is_flushed_deepest_first(
    tmp_path: Path, flushed: list[str]
) -> None:
    out = tmp_path / "archive"
    with atomic.atomic_folder(out) as folder:
        temp = str(folder)
        (folder / "README.txt").write_text("top")
        (folder / "charters" / "signed").mkdir(parents=True)
        (folder / "charters" / "P01.pdf").write_bytes(b"%PDF-1")
        (folder / "charters" / "signed" / "P02.pdf").write_bytes(b"%PDF-2")
    order = [p.replace(temp, str(out)) for p in flushed]

    written = [str(out), *(str(p) for p in out.rglob("*"))]
    assert sorted(set(order) - {str(tmp_path)}) == sorted(written)
    for path in written:
        inside = [i for i, p in enumerate(order) if p.startswith(path + os.sep)]
        assert all(i < order.index(path) for i in inside), f"{path} flushed before its content"
    assert order[-1] == str(tmp_path)  # the rename itself, last


def test_a_file_and_its_rename_are_flushed(tmp_path: Path, flushed: list[str]) -> None:
    atomic.write_bytes(tmp_path / "records.json", b"{}")
    assert len(flushed) == 2 and flushed[-1] == str(tmp_path)
    assert (tmp_path / "records.json").read_bytes() == b"{}"
