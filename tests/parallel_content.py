"""A parallel exercise for tests, written as a content writer writes one: mentors and
mentees apart (1-2-4-All each, 12 minutes), then together (two steps of 3 minutes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def one_two_four_all(group: str, last: float = 5) -> list[dict[str, Any]]:
    return [
        {"name": "Alone", "minutes": 1},
        {"name": "In pairs", "minutes": 2},
        {"name": "In fours", "minutes": 4},
        {"name": f"All the {group}", "minutes": last},
    ]


def parallel_text(*, body: str | None = None, drop: tuple[str, ...] = (), **fields: Any) -> str:
    header: dict[str, Any] = {
        "id": "apart",
        "title": "Apart, then together",
        "kind": "expectations",
        "minutes": 18,
        "format": "plenary",
        "audience": "everyone",
        "tracks": {
            "mentors": {"steps": one_two_four_all("mentors")},
            "mentees": {"steps": one_two_four_all("mentees")},
        },
        "steps": [
            {"name": "With your partner: compare", "minutes": 3},
            {"name": "The whole room", "minutes": 3},
        ],
    }
    header.update(fields)
    for name in drop:
        header.pop(name)
    if body is None:
        body = (
            "## Room prompt\n\nTogether: compare.\n\n"
            "## Room prompt: mentors\n\nWhat do you expect of your mentee?\n\n"
            "## Room prompt: mentees\n\nWhat do you expect of your mentor?\n\n"
            "## Facilitator notes\n\nSplit the room.\n\n"
            "## Facilitator notes: mentees\n\nStay with the mentees.\n\n"
            "## Debrief questions\n\n- What surprised you?\n"
        )
    return f"---\n{yaml.safe_dump(header, sort_keys=False)}---\n\n{body}"


def parallel_folder(folder: Path) -> Path:
    """A content folder holding the parallel exercise `apart` (to add to the library)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "apart.md").write_text(parallel_text(), encoding="utf-8")
    return folder
