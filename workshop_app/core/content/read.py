"""Reading one content file: collecting its problems, its text and YAML, and the field
values exercises and agendas share (minutes, lists of text)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from workshop_app.core.content.model import ContentProblem
from workshop_app.core.content.wording import _describe, _did_you_mean


class _Problems:
    """Collects the problems of one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[ContentProblem] = []

    def add(self, field_name: str, message: str, line: int | None = None) -> None:
        self.items.append(ContentProblem(self.path, field_name, message, line))

    def __bool__(self) -> bool:
        return bool(self.items)


# The largest content file read: the shipped exercises are under 20 KB, and a file of
# hundreds of megabytes (a mistake, or an attack) would stall the library for minutes.
MAX_FILE_BYTES = 1_000_000


def _read(path: Path, problems: _Problems) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.add(
                "file",
                f"is {size / 1e6:.1f} MB: a content file may be at most "
                f"{MAX_FILE_BYTES // 1_000_000} MB (is it the right file?)",
            )
            return None
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add("file", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")
    except OSError as exc:
        problems.add("file", f"cannot be read ({exc.strerror or exc})")
    return None


def _yaml_load(text: str, first_line: int, problems: _Problems, what: str) -> Any:
    """`text` parsed as YAML; on error, a problem naming the line in the file."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        at = f" at line {line}" if line else ""
        problems.add(
            what,
            f"is not valid YAML{at}: {reason}; check indentation, colons and quotes",
            line,
        )
        return _INVALID


_INVALID = object()


def _known_keys(
    data: Mapping[Any, Any],
    allowed: Sequence[str],
    problems: _Problems,
    *,
    kind: str,
    where: str = "",
    fields_are: str = "",
) -> bool:
    """Each key of `data` that is not in `allowed` is a problem, with the closest field name
    and then `fields_are` (by default, the list of the fields); False if there was any."""
    known = True
    for key in data:
        if key not in allowed:
            problems.add(
                f"{where}.{key}" if where else str(key),
                f"is not {kind}"
                + _did_you_mean(str(key), allowed)
                + "; "
                + (fields_are or "the fields are: " + ", ".join(allowed)),
            )
            known = False
    return known


def _minutes(value: Any, where: str, problems: _Problems) -> float | None:
    if value is None:
        return None
    # YAML reads `.inf` and `.nan` as numbers: neither is a length the runner can count down.
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
        problems.add(where, f"must be a number of minutes above 0, not {value!r}")
        return None
    return float(value)


def _text_list(value: Any, where: str, problems: _Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(where, f"must be a list of text items, not {_describe(value)}")
        return ()
    return tuple(v.strip() for v in value)
