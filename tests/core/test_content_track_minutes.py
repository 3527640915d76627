"""check-content refuses a hard-coded "N minutes" in a parallel segment's track prompts and
notes, as it does in the shared room prompt: expectations-aligned runs 20 minutes in the
half-day and 15 in the express, so a fixed length there goes wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.cli import main

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("what did your group expect", "what did your group expect (4 minutes)"),
        ("share them, add to them", "share them, add to them for 4 minutes"),
    ],
    ids=["shared-prompt", "mentors-track-prompt"],
)
def test_fixed_minutes_refused_in_every_prompt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str
) -> None:
    text = (EXERCISES / "expectations-aligned.md").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "expectations-aligned.md").write_text(text.replace(old, new), encoding="utf-8")
    assert main(["check-content", str(tmp_path)]) == 1
    assert "'4 minutes' is a fixed length" in capsys.readouterr().err


def test_a_huge_content_file_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 100 MB exercise file stalled check-content (and the app) for minutes."""
    text = (EXERCISES / "powerful-questions-grow.md").read_text(encoding="utf-8")
    huge = tmp_path / "huge.md"
    huge.write_text(
        text.replace("id: powerful-questions-grow", "id: huge") + ("word " * 20000 + "\n") * 20,
        encoding="utf-8",
    )
    assert main(["check-content", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "huge.md" in err and "a content file may be at most 1 MB" in err
