"""The report of a merge: the fields two rooms set differently (conflicts, one line each), what
else the merge decided, the pair codes that changed, and how values are shown in it (never
private text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop_app.core.charter_fields import FIELD_BY_NAME
from workshop_app.core.exports.tables import GOAL_PART_NAMES, attendance_word
from workshop_app.core.words import count


@dataclass(frozen=True, slots=True)
class OtherValue:
    """A value the merge did not keep, where it came from and when it was set."""

    source: str
    value: str
    at: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """One field that two files set differently, and what the merge kept: one line."""

    record: str
    field: str
    kept: str
    kept_from: str
    kept_at: str = ""
    others: tuple[OtherValue, ...]

    def line(self) -> str:
        others = "; ".join(f"{o.source} had {o.value}{_set(o.at)}" for o in self.others)
        return (
            f"{self.record}, {self.field}: kept the version from {self.kept_from} "
            f"({self.kept}{_set(self.kept_at, inside=True)}); {others}"
        )


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the merge had to decide that is not a field's value (the agenda chosen, a goal
    left out, a signed charter's code changed): one line, written out."""

    text: str

    def line(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Taken:
    """A record whose copies differed without a conflict: each field that differed, and the
    file it was taken from (the one that changed it, or the only one where it was set)."""

    record: str
    fields: tuple[tuple[str, str], ...]  # (field, file)

    def line(self) -> str:
        return f"{self.record}: " + ", ".join(f"{f} from {source}" for f, source in self.fields)


@dataclass(frozen=True, slots=True)
class Renamed:
    source: str  # the file (or files) that printed the old code
    old_code: str
    new_code: str
    names: str
    signed: bool = False  # its charter was signed on paper under the old code

    def line(self) -> str:
        signed = f"; its signed charter shows {self.old_code}" if self.signed else ""
        return f"{self.old_code} -> {self.new_code}: {self.names} (from {self.source}{signed})"


@dataclass(slots=True, kw_only=True)
class MergeReport:
    out: Path
    inputs: tuple[Path, ...]
    counts: dict[str, int]
    conflicts: list[Conflict | Notice]
    renamed: list[Renamed]
    taken: list[Taken]
    removed: int

    @property
    def updated(self) -> int:
        """How many records combined the copies' fields without a conflict."""
        return len(self.taken)

    def lines(self) -> list[str]:
        c = self.counts
        out = [
            f"Merged {count(len(self.inputs), 'file')} into {self.out}: "
            f"{count(c['pairs'], 'pair')}, {count(c['participants'], 'participant')}.",
        ]
        if self.renamed:
            out += ["", "Pair codes renamed (charters already printed show the old code):"]
            out += [f"  {r.line()}" for r in self.renamed]
        out.append("")
        if self.conflicts:
            out.append(
                f"{count(len(self.conflicts), 'conflict')} (where the files disagree, the value "
                "set last was kept unless the line says otherwise):"
            )
            out += [f"  {c.line()}" for c in self.conflicts]
        else:
            out.append("No conflicts.")
        if self.taken:
            out.append(
                f"{count(self.updated, 'record')} differed between the files without a "
                "conflict; each field was taken from the file that changed it:"
            )
            out += [f"  {t.line()}" for t in self.taken]
        if self.removed:
            out.append(f"{count(self.removed, 'record')} removed in one room {_were(self.removed)} "
                       "left out.")  # fmt: skip
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


def _were(n: int) -> str:
    return "was" if n == 1 else "were"


def _set(stamp: str, *, inside: bool = False) -> str:
    if not stamp:
        return ""
    return f", set {_when(stamp)}" if inside else f" (set {_when(stamp)})"


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ") + " UTC" if stamp else ""


def shown(name: str, value: Any, *, table: str, private: bool = False) -> str:
    """A value as the report shows it: short, and never private text."""
    if table == "charter_versions" and name == "snapshot":
        return "(signed content, not shown)"
    charter_field = FIELD_BY_NAME.get(name) if table == "charters" else None
    if (
        (charter_field is not None and charter_field.private)
        or (private and table == "goals" and name in GOAL_PART_NAMES)
        or (table == "agenda_segments" and name == "private_notes")  # the facilitator's own
        or (table == "checkins" and name == "comment")  # shown to staff only when asked for
    ):
        return "(private, not shown)"
    if isinstance(value, bytes):
        return f"an image of {len(value)} bytes"
    if table == "participants" and name == "present":
        return attendance_word(None if value is None else bool(value))
    if value is None or value == "":
        return "(empty)"
    text = " ".join(str(value).split())
    return repr(text if len(text) <= 60 else text[:59] + "...")
