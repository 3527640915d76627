"""The report of a merge: the fields two rooms set differently (conflicts, one line each), what
else the merge decided, the pair codes that changed, and how values are shown in it (never
private text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop_app.core.charter_fields import FIELD_BY_NAME
from workshop_app.core.exports.tables import GOAL_PART_NAMES, attendance_word
from workshop_app.core.i18n import _, ngettext


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
        others = "; ".join(
            (_("{file} had {value} (set {when})") if o.at else _("{file} had {value}")).format(
                file=o.source, value=o.value, when=_when(o.at)
            )
            for o in self.others
        )
        kept = (
            _("{record}, {field}: kept the version from {file} ({value}, set {when}); {others}")
            if self.kept_at
            else _("{record}, {field}: kept the version from {file} ({value}); {others}")
        )
        return kept.format(
            record=self.record,
            field=self.field,
            file=self.kept_from,
            value=self.kept,
            when=_when(self.kept_at),
            others=others,
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
        fields = ", ".join(
            _("{field} from {file}").format(field=f, file=source) for f, source in self.fields
        )
        return _("{record}: {fields}").format(record=self.record, fields=fields)


@dataclass(frozen=True, slots=True)
class Renamed:
    source: str  # the file (or files) that printed the old code
    old_code: str
    new_code: str
    names: str
    signed: bool = False  # its charter was signed on paper under the old code

    def line(self) -> str:
        line = (
            _("{old} -> {new}: {names} (from {file}; its signed charter shows {old})")
            if self.signed
            else _("{old} -> {new}: {names} (from {file})")
        )
        return line.format(old=self.old_code, new=self.new_code, names=self.names, file=self.source)


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
        files = len(self.inputs)
        out = [
            ngettext(
                "Merged {n} file into {path}: {pairs}, {participants}.",
                "Merged {n} files into {path}: {pairs}, {participants}.",
                files,
            ).format(
                n=files,
                path=self.out,
                pairs=ngettext("{n} pair", "{n} pairs", c["pairs"]).format(n=f"{c['pairs']:,}"),
                participants=ngettext(
                    "{n} participant", "{n} participants", c["participants"]
                ).format(n=f"{c['participants']:,}"),
            ),
        ]
        if self.renamed:
            out += ["", _("Pair codes renamed (charters already printed show the old code):")]
            out += [f"  {r.line()}" for r in self.renamed]
        out.append("")
        if self.conflicts:
            n = len(self.conflicts)
            out.append(
                ngettext(
                    "{n} conflict (where the files disagree, the value set last was kept unless "
                    "the line says otherwise):",
                    "{n} conflicts (where the files disagree, the value set last was kept unless "
                    "the line says otherwise):",
                    n,
                ).format(n=f"{n:,}")
            )
            out += [f"  {c.line()}" for c in self.conflicts]
        else:
            out.append(_("No conflicts."))
        if self.taken:
            out.append(
                ngettext(
                    "{n} record differed between the files without a conflict; each field was "
                    "taken from the file that changed it:",
                    "{n} records differed between the files without a conflict; each field was "
                    "taken from the file that changed it:",
                    self.updated,
                ).format(n=f"{self.updated:,}")
            )
            out += [f"  {t.line()}" for t in self.taken]
        if self.removed:
            out.append(
                ngettext(
                    "{n} record removed in one room was left out.",
                    "{n} records removed in one room were left out.",
                    self.removed,
                ).format(n=f"{self.removed:,}")
            )
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ") + " UTC" if stamp else ""


def shown(name: str, value: Any, *, table: str, private: bool = False) -> str:
    """A value as the report shows it: short, and never private text."""
    if table == "charter_versions" and name == "snapshot":
        return _("(signed content, not shown)")
    charter_field = FIELD_BY_NAME.get(name) if table == "charters" else None
    if (
        (charter_field is not None and charter_field.private)
        or (private and table == "goals" and name in GOAL_PART_NAMES)
        or (table == "agenda_segments" and name == "private_notes")  # the facilitator's own
        or (table == "checkins" and name == "comment")  # shown to staff only when asked for
    ):
        return _("(private, not shown)")
    if isinstance(value, bytes):
        return ngettext("an image of {n} byte", "an image of {n} bytes", len(value)).format(
            n=len(value)
        )
    if table == "participants" and name == "present":
        return attendance_word(None if value is None else bool(value))
    if value is None or value == "":
        return _("(empty)")
    text = " ".join(str(value).split())
    return repr(text if len(text) <= 60 else text[:59] + "...")
