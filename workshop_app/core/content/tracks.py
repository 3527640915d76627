"""Reading the parallel tracks of an exercise: mentors and mentees in separate groups at the
same time, each with its own room prompt and timed steps, before the together part.

In the header, `tracks:` holds a `mentors:` and a `mentees:` track, each with its `steps:`
(written as the exercise's own steps are); the exercise's `steps:` are the together part
that follows. In the body, `## Room prompt: mentors` and `## Room prompt: mentees` are what
each group sees, and `## Facilitator notes: mentors` / `: mentees` may add notes for
whoever runs that group. One timer counts for both groups, so both tracks' steps must take
the same minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from workshop_app.core.content.model import (
    _PART_BY_KEY,
    FACILITATOR_NOTES,
    ROOM_PROMPT,
    TRACK_TITLES,
    TRACKS,
    Step,
    Track,
)
from workshop_app.core.content.read import _known_keys, _Problems
from workshop_app.core.content.wording import _describe, _did_you_mean, _num

TRACK_PARTS = (ROOM_PROMPT, FACILITATOR_NOTES)
"""The parts of the body a track may have its own of, as `## Room prompt: mentors`."""

StepReader = Callable[[Any, str, _Problems], Step | None]


def track_part_name(part: str, track: str) -> str:
    """How a track's own part is named in the body: "Room prompt: mentors"."""
    return f"{part}: {track}"


def is_track_part(name: str) -> bool:
    return any(name == track_part_name(p, t) for p in TRACK_PARTS for t in TRACKS)


def steps_by_part(tracks: Sequence[Track]) -> dict[str, tuple[Step, ...]]:
    """The steps that a track's own parts' minutes placeholders count, by part name."""
    return {track_part_name(p, t.name): t.steps for t in tracks for p in TRACK_PARTS}


def track_heading(key: str) -> tuple[str | None, str]:
    """A `## ` heading's text read as a track's part: its name ("Room prompt: mentors"), or
    None and why not ("" when the heading does not look like a track's part at all)."""
    part_key, colon, track = key.partition(":")
    part = _PART_BY_KEY.get(part_key.strip().lower())
    if not colon or part is None:
        return None, ""
    if part not in TRACK_PARTS:
        return None, f"only {' and '.join(TRACK_PARTS)} can be a track's own part"
    track = track.strip().lower()
    if track not in TRACKS:
        return None, (
            f"'{track}' is not a track{_did_you_mean(track, TRACKS)}; "
            f"the tracks are: {', '.join(TRACKS)}"
        )
    return track_part_name(part, track), ""


def read_tracks(
    raw: Any,
    parts: Mapping[str, str],
    *,
    audience: str | None,
    together: Sequence[Step],
    problems: _Problems,
    read_step: StepReader,
) -> tuple[Track, ...]:
    """The tracks of the header's `tracks:` with their parts of the body (`parts`, by
    name); every problem is added to `problems`, and then no track is returned."""
    before = len(problems.items)
    if raw is None:
        for name in parts:
            if is_track_part(name):
                problems.add(
                    f"part '{name}'",
                    "is for an exercise with parallel tracks: add 'tracks:' with 'mentors:' "
                    "and 'mentees:' to the header, or name the heading without a track",
                )
        return ()
    if not isinstance(raw, dict) or not raw:
        problems.add(
            "tracks",
            f"must be a 'mentors:' and a 'mentees:' track, each with its 'steps:', "
            f"not {_describe(raw)}",
        )
        return ()
    _known_keys(
        raw, TRACKS, problems, kind="a track", fields_are="the tracks are: " + ", ".join(TRACKS)
    )
    tracks: list[Track] = []
    for name in TRACKS:
        track = _track(name, raw.get(name), parts, problems, read_step)
        if track is not None:
            tracks.append(track)
    if audience is not None and audience != "everyone":
        problems.add(
            "audience",
            f"is '{audience}', but an exercise with tracks is for everyone: mentors and "
            "mentees both take part, apart and then together",
        )
    if not together:
        problems.add(
            "steps",
            "is missing: after the tracks comes the together part; give it its timed steps "
            "(e.g. '- name: \"Together: compare\"' with 'minutes: 5')",
        )
    if len(tracks) == len(TRACKS) and len({t.minutes for t in tracks}) > 1:
        problems.add(
            "tracks",
            " but ".join(
                f"the {t.name}' steps take {_num(t.minutes)} minutes ({_sum(t.steps)})"
                for t in tracks
            )
            + "; both groups run on one timer, so their steps must take the same minutes",
        )
    return tuple(tracks) if len(problems.items) == before else ()


def _track(
    name: str, raw: Any, parts: Mapping[str, str], problems: _Problems, read_step: StepReader
) -> Track | None:
    where = f"tracks.{name}"
    prompt_part = track_part_name(ROOM_PROMPT, name)
    if prompt_part not in parts:
        problems.add(
            f"part '{prompt_part}'",
            f"is missing: add a heading '## {prompt_part}' followed by what the "
            f"{TRACK_TITLES[name].lower()}' group sees",
        )
    if raw is None:
        problems.add(
            where,
            "is missing: a parallel segment has a mentors track and a mentees track, "
            "each with its 'steps:'",
        )
        return None
    if not isinstance(raw, dict):
        problems.add(where, f"must hold the track's 'steps:', not {_describe(raw)}")
        return None
    if not _known_keys(
        raw,
        ("steps",),
        problems,
        kind="a track field",
        where=where,
        fields_are="a track has: steps",
    ):
        return None
    raw_steps = raw.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        problems.add(
            f"{where}.steps",
            "must be a list of the track's timed steps, each with 'name' and 'minutes'",
        )
        return None
    steps = [read_step(s, f"{where}.steps[{i}]", problems) for i, s in enumerate(raw_steps, 1)]
    if any(s is None for s in steps) or prompt_part not in parts:
        return None
    return Track(
        name,
        tuple(s for s in steps if s is not None),
        parts[prompt_part],
        parts.get(track_part_name(FACILITATOR_NOTES, name), ""),
    )


def _sum(steps: Sequence[Step]) -> str:
    return " + ".join(
        f"{s.repeat} × {_num(s.minutes)}" if s.repeat > 1 else _num(s.minutes) for s in steps
    )
