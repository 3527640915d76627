"""The report of a merge: the records two rooms changed differently (conflicts), the pair
codes renamed to keep them unique, and how values are shown in it (never private text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop_app.core.charter_fields import FIELD_BY_NAME
from workshop_app.core.export_tables import GOAL_PART_NAMES, attendance_word


@dataclass(frozen=True, slots=True)
class FieldDifference:
    field: str
    kept: str
    other: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """One record that two files changed differently, and what the merge kept."""

    table: str
    record: str
    fields: tuple[FieldDifference, ...]
    kept_from: str
    other_from: str
    kept_at: str = ""
    other_at: str = ""

    def lines(self) -> list[str]:
        when = f", edited {_when(self.kept_at)}" if self.kept_at else ""
        out = [f"{self.record}: kept the version from {self.kept_from}{when}"]
        for d in self.fields:
            out.append(f"    {d.field}: kept {d.kept}; {self.other_from} had {d.other}")
        return out


@dataclass(frozen=True, slots=True)
class Renamed:
    source: str
    old_code: str
    new_code: str
    names: str


@dataclass(slots=True, kw_only=True)
class MergeReport:
    out: Path
    inputs: tuple[Path, ...]
    counts: dict[str, int]
    conflicts: list[Conflict]
    renamed: list[Renamed]
    updated: int
    removed: int

    def lines(self) -> list[str]:
        c = self.counts
        out = [
            f"Merged {len(self.inputs)} file{'s' if len(self.inputs) != 1 else ''} into "
            f"{self.out}: {c['pairs']} pairs, {c['participants']} participants.",
        ]
        if self.renamed:
            out += ["", "Pair codes renamed (charters already printed show the old code):"]
            out += [f"  {r.old_code} -> {r.new_code}: {r.names} (from {r.source})"
                    for r in self.renamed]  # fmt: skip
        out.append("")
        if self.conflicts:
            out.append(
                f"{len(self.conflicts)} conflict{'s' if len(self.conflicts) != 1 else ''} "
                "(changed differently in two files; the newer edit was kept):"
            )
            out += [f"  {line}" for c in self.conflicts for line in c.lines()]
        else:
            out.append("No conflicts.")
        if self.updated:
            out.append(
                f"{self.updated} record(s) were further along in one file and were taken from it."
            )
        if self.removed:
            out.append(f"{self.removed} record(s) removed in one room were left out.")
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ") + " UTC" if stamp else ""


def shown(name: str, value: Any, *, table: str, private: bool = False) -> str:
    """A value as the report shows it: short, and never private text."""
    if table == "charter_versions" and name == "snapshot":
        return "(signed content, not shown)"
    charter_field = FIELD_BY_NAME.get(name) if table == "charters" else None
    if (charter_field is not None and charter_field.private) or (
        private and table == "goals" and name in GOAL_PART_NAMES
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
