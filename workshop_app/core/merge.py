"""Merge the workshop files of several rooms of one launch into a new file, with a report.

Rules (the README (section "After the workshop") explains them for staff):

- Only rooms of the same launch merge: the same program, organisation and date (compared
  trimmed and without case; rooms create their files separately, so workshop ids differ), in
  the file format this app writes. Anything else is refused, naming the difference.
- Inputs are opened read-only and never changed; OUT must be a new file; it is written to a
  temporary name and moved into place, so a failed merge leaves nothing behind.
- Records are matched by their UUID; participants also by email (the same person imported in
  two rooms), pairs also by their mentor and mentee, goals and signatures by their place.
- When the versions of a record differ, the one whose recorded history (the audit trail)
  already contains every change of the others is simply further along and is taken without
  fuss. Otherwise both files changed it: that is a conflict, the newer edit (`updated_at`) wins
  and the report lists it, field by field (private text is not shown).
- A record removed in one room (its removal is in that room's audit trail) stays removed unless
  another room edited it after the removal.
- Pair codes that collide are made unique (`P03` becomes `P03-2`); the pair from the file listed
  first keeps its code, and the report lists every rename, since codes are printed on paper.
- Audit rows are unioned by their id, so merging a file that is already in OUT changes nothing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.core.atomic import atomic_file
from workshop_app.core.charter_fields import FIELD_BY_NAME, MAX_GOALS
from workshop_app.core.clock import new_id, utc_now
from workshop_app.core.errors import UserError
from workshop_app.core.export_tables import Progress
from workshop_app.core.merge_report import Conflict, FieldDifference, MergeReport, Renamed, shown
from workshop_app.core.roster_store import code_sort_key
from workshop_app.core.schema import apply_migrations, schema_version
from workshop_app.core.validation import normalise_email

RECORD_TABLES = (
    "participants",
    "pairs",
    "charters",
    "goals",
    "plans",
    "charter_versions",
    "signoffs",
    "agenda_segments",
)
LAUNCH_FIELDS = ("program", "organisation", "date")
_NOT_CONTENT = frozenset({"id", "updated_at"})
_GOAL_REMOVED = re.compile(r"goal\d+")
MAX_CODE = 12


@dataclass(slots=True)
class _Source:
    index: int
    path: Path
    label: str
    workshop: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    audit: list[dict[str, Any]]
    history: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for row in self.audit:
            self.history.setdefault((row["table_name"], row["record_id"]), set()).add(row["id"])

    def chosen(self) -> set[str]:
        """Audit ids of this file's agenda choices."""
        return {r["id"] for r in self.audit if r["field"] == "*chosen*"}


@dataclass(slots=True)
class _Version:
    source: _Source
    row: dict[str, Any]  # foreign keys mapped to the merged ids
    original_id: str
    original_pair: str | None


def merge_workshops(
    *, out: Path | str, inputs: Sequence[Path | str], progress: Progress | None = None
) -> MergeReport:
    """Combine `inputs` (rooms of one launch) into the new workshop file `out`."""
    out, paths = Path(out).expanduser().absolute(), [Path(p).expanduser() for p in inputs]
    if not paths:
        raise UserError("Name at least one workshop file to merge.")
    if any(out.resolve() == p.resolve() for p in paths):
        raise UserError(f"{out.name} is one of the files to merge; write the merge to a new file.")
    if out.exists():
        raise UserError(
            f"{out} already exists: a merge writes a new file. Choose another name; "
            "nothing was merged."
        )
    total = len(paths) + 2
    labels = _labels(paths)
    sources = []
    for index, path in enumerate(paths):
        if progress is not None:
            progress(index, total)
        sources.append(_read(index, path, labels[index]))
    _check_same_launch(sources)
    if progress is not None:
        progress(len(paths), total)
    merger = _Merger(sources)
    merger.run()
    if progress is not None:
        progress(len(paths) + 1, total)
    _write(out, merger)
    if progress is not None:
        progress(total, total)
    return merger.report(out, paths)


# -- reading and refusing ---------------------------------------------------------------------


def _labels(paths: list[Path]) -> list[str]:
    names = [p.name for p in paths]
    return [
        p.name if names.count(p.name) == 1 else f"{p.parent.name}/{p.name} (input {i + 1})"
        for i, p in enumerate(paths)
    ]


def _read(index: int, path: Path, label: str) -> _Source:
    from workshop_app.core.workshop_file import WorkshopFile

    try:
        wf = WorkshopFile.open(path, readonly=True)
    except UserError as exc:
        raise UserError(f"Cannot merge {path}: {exc.message} Nothing was merged.") from exc
    with wf:
        conn = wf.conn
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        if version != schema_version():
            raise UserError(
                f"Cannot merge {path.name}: it is in file format {version} and this app writes "
                f"format {schema_version()}. Open it in this version of the app first; "
                "nothing was merged."
            )
        tables = {name: _rows(conn, f"SELECT * FROM {name}") for name in RECORD_TABLES}
        workshop = _rows(conn, "SELECT * FROM workshop")[0]
        audit = _rows(conn, "SELECT * FROM audit ORDER BY seq")
    return _Source(index, path, label, workshop, tables, audit)


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _launch_key(value: Any) -> str:
    return " ".join(str(value or "").split()).casefold()


def _check_same_launch(sources: list[_Source]) -> None:
    first = sources[0]
    for other in sources[1:]:
        differ = [
            f"{name} {first.workshop[name]!r} and {other.workshop[name]!r}"
            for name in LAUNCH_FIELDS
            if _launch_key(first.workshop[name]) != _launch_key(other.workshop[name])
        ]
        if differ:
            raise UserError(
                f"{first.label} and {other.label} are not from the same launch: "
                + "; ".join(differ)
                + ". Only rooms of one launch (same program, organisation and date) can be "
                "merged; nothing was merged."
            )


# -- merging ------------------------------------------------------------------------------------


def _newest(v: _Version) -> tuple[str, int]:
    """Newer edit first; on a tie, the file listed first."""
    return (v.row.get("updated_at") or "", -v.source.index)


class _Merger:
    def __init__(self, sources: list[_Source]) -> None:
        self.sources = sources
        self.ids: dict[str, str] = {}  # every original id -> its id in the merged file
        self.first_seen: dict[str, _Source] = {}
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.workshop: dict[str, Any] = {}
        self.audit: list[dict[str, Any]] = []
        self.conflicts: list[tuple[str, dict[str, Any], _Version, _Version]] = []
        self.notes: list[Conflict] = []
        self.renamed: list[Renamed] = []
        self.updated = 0
        self.removed = 0

    def run(self) -> None:
        self._audit_union()
        removals = self._removals()
        self.workshop = self._resolve(
            "workshop",
            [_Version(s, dict(s.workshop), s.workshop["id"], None) for s in self.sources],
        )
        self._table("participants", lambda r: [("email", normalise_email(r["email"]))])
        self._table("pairs", lambda r: [("people", r["mentor_id"], r["mentee_id"])])
        self._table("charters", lambda r: [("pair", r["pair_id"])])
        self._table("goals", lambda r: [])
        self._table("plans", lambda r: [])
        self._table("charter_versions", lambda r: [("version", r["pair_id"], r["version"])])
        self._table("signoffs", lambda r: [("sign", r["pair_id"], r["version"], r["role"])])
        self._agenda()
        self._drop_removed(removals)
        self._renumber("goals")
        self._renumber("plans")
        self._unique_codes()
        self._check_people()
        for row in self.audit:
            row["record_id"] = self.ids.get(row["record_id"], row["record_id"])
            if row["pair_id"] is not None:
                row["pair_id"] = self.ids.get(row["pair_id"], row["pair_id"])

    # -- matching and resolving ---------------------------------------------------------------

    def _versions(self, table: str, sources: Sequence[_Source] | None = None) -> list[_Version]:
        out = []
        for source in sources if sources is not None else self.sources:
            for original in source.tables[table]:
                row = dict(original)
                for key in ("mentor_id", "mentee_id", "pair_id"):
                    if key in row and row[key] in self.ids:
                        row[key] = self.ids[row[key]]
                out.append(_Version(source, row, original["id"], original.get("pair_id")))
        return out

    def _table(
        self,
        table: str,
        other_keys: Callable[[dict[str, Any]], list[Hashable]],
        sources: Sequence[_Source] | None = None,
    ) -> None:
        groups = _group(self._versions(table, sources), other_keys)
        self.rows[table] = [self._resolve(table, group) for group in groups]

    def _resolve(self, table: str, group: list[_Version]) -> dict[str, Any]:
        merged_id = min(v.original_id for v in group)
        for v in group:
            self.ids[v.original_id] = merged_id
            self.first_seen.setdefault(merged_id, v.source)
        content = {id(v): _content(v.row) for v in group}
        newest = max(group, key=_newest)
        row = dict(newest.row)
        if len({content[id(v)] for v in group}) > 1:
            history = {id(v): self._history(table, v) for v in group}

            def includes(a: _Version, b: _Version) -> bool:
                """a's history holds every change of b (or they are the same)."""
                if content[id(a)] == content[id(b)]:
                    return True
                ha, hb = history[id(a)], history[id(b)]
                return hb <= ha and bool(ha or hb)

            ahead = [v for v in group if all(includes(v, o) for o in group)]
            if ahead:
                row = dict(max(ahead, key=_newest).row)
                self.updated += 1
            else:
                if table == "workshop":
                    row = _fill(sorted(group, key=_newest, reverse=True))
                kept = _Version(newest.source, row, newest.original_id, None)
                seen = {_content(row)}
                for loser in sorted(group, key=_newest, reverse=True):
                    if content[id(loser)] not in seen and not includes(newest, loser):
                        seen.add(content[id(loser)])
                        self.conflicts.append((table, row, kept, loser))
        row["id"] = merged_id
        return row

    def _history(self, table: str, v: _Version) -> set[str]:
        if table in ("signoffs", "charter_versions"):
            return set(v.source.history.get(("signoffs", v.original_pair or ""), ()))
        return set(v.source.history.get((table, v.original_id), ()))

    def _agenda(self) -> None:
        """One agenda: the most recently chosen one; its segments merge by id or position."""
        with_agenda = [s for s in self.sources if s.tables["agenda_segments"]]
        if not with_agenda:
            self.rows["agenda_segments"] = []
            return

        def signature(s: _Source) -> tuple[tuple[int, str], ...]:
            rows = sorted(s.tables["agenda_segments"], key=lambda r: r["position"])
            return tuple((r["position"], _launch_key(r["title"])) for r in rows)

        def chosen_at(s: _Source) -> tuple[str, int]:
            times = [r["at"] for r in s.audit if r["field"] == "*chosen*"]
            times += [r["updated_at"] for r in s.tables["agenda_segments"]]
            return (max(times), -s.index)

        winner = max(with_agenda, key=chosen_at)
        same = [s for s in with_agenda if signature(s) == signature(winner)]
        self._table("agenda_segments", lambda r: [("position", r["position"])], same)
        for other in with_agenda:
            if other in same or (other.chosen() and other.chosen() <= winner.chosen()):
                continue
            self.notes.append(
                Conflict(
                    table="agenda",
                    record="the agenda",
                    fields=(
                        FieldDifference("segments", _agenda_text(winner), _agenda_text(other)),
                    ),
                    kept_from=winner.label,
                    other_from=other.label,
                )
            )

    # -- removals, positions, codes ---------------------------------------------------------

    def _audit_union(self) -> None:
        seen: set[str] = set()
        rows = []
        for source in self.sources:
            for row in source.audit:
                if row["id"] not in seen:
                    seen.add(row["id"])
                    rows.append((row["at"], source.index, row["seq"], dict(row)))
        self.audit = [row for *_, row in sorted(rows, key=lambda item: item[:3])]

    def _removals(self) -> dict[str, str]:
        """Original record id -> when it was removed, from every file's audit trail."""
        out: dict[str, str] = {}
        for row in self.audit:
            removed = row["field"] == "*removed*" or (
                row["table_name"] == "goals"
                and row["new_value"] is None
                and _GOAL_REMOVED.fullmatch(row["field"])
            )
            if removed:
                out[row["record_id"]] = max(row["at"], out.get(row["record_id"], ""))
        return out

    def _drop_removed(self, removals: dict[str, str]) -> None:
        when = {self.ids.get(k, k): v for k, v in removals.items()}

        def removed(row: dict[str, Any]) -> bool:
            at = when.get(row["id"])
            return at is not None and at >= row["updated_at"]

        gone = {r["id"] for r in self.rows["pairs"] if removed(r)}
        self.rows["pairs"] = [r for r in self.rows["pairs"] if r["id"] not in gone]
        paired = {r[k] for r in self.rows["pairs"] for k in ("mentor_id", "mentee_id")}
        count = len(gone)
        for table in ("charters", "goals", "plans", "charter_versions", "signoffs"):
            self.rows[table] = [r for r in self.rows[table] if r["pair_id"] not in gone]
        for table in ("participants", "goals", "plans"):
            rows = self.rows[table]
            # Someone removed in one room but in a pair in another stays: the pair needs them.
            self.rows[table] = [r for r in rows if not removed(r) or r["id"] in paired]
            count += len(rows) - len(self.rows[table])
        self.removed = count

    def _renumber(self, table: str) -> None:
        """Positions 1, 2, 3... within each pair where two records claim one place."""
        by_pair: dict[str, list[dict[str, Any]]] = {}
        for row in self.rows[table]:
            by_pair.setdefault(row["pair_id"], []).append(row)
        for rows in by_pair.values():
            if len({r["position"] for r in rows}) == len(rows):
                continue
            rows.sort(key=lambda r: (r["position"], r["updated_at"], r["id"]))
            for position, row in enumerate(rows, start=1):
                row["position"] = position
        if table == "goals":
            for rows in by_pair.values():
                for extra in rows[MAX_GOALS:]:
                    self.notes.append(self._dropped_goal(extra))
            self.rows[table] = [r for rows in by_pair.values() for r in rows[:MAX_GOALS]]

    def _dropped_goal(self, row: dict[str, Any]) -> Conflict:
        return Conflict(
            table="goal",
            record=f"a goal of pair {self._code(row['pair_id'])}",
            fields=(FieldDifference("goal", "(not kept: a charter has at most 3 goals)",
                                    shown("goal", row["goal"], table="goals",
                                          private=bool(row["private"]))),),
            kept_from=self.first_seen[row["id"]].label,
            other_from=self.first_seen[row["id"]].label,
        )  # fmt: skip

    def _unique_codes(self) -> None:
        pairs = sorted(
            self.rows["pairs"],
            key=lambda r: (self.first_seen[r["id"]].index, code_sort_key(r["code"])),
        )
        taken = {r["code"].casefold() for r in pairs}
        holders: set[str] = set()
        now = utc_now()
        for row in pairs:
            code = row["code"]
            if code.casefold() not in holders:
                holders.add(code.casefold())
                continue
            n = 2
            while True:
                suffix = f"-{n}"
                candidate = code[: MAX_CODE - len(suffix)] + suffix
                if candidate.casefold() not in taken:
                    break
                n += 1
            taken.add(candidate.casefold())
            holders.add(candidate.casefold())
            row["code"], row["updated_at"] = candidate, now
            self.audit.append(
                {"id": new_id(), "at": now, "table_name": "pairs", "record_id": row["id"],
                 "pair_id": row["id"], "field": "code", "old_value": code,
                 "new_value": candidate, "seq": None}
            )  # fmt: skip
            self.renamed.append(
                Renamed(self.first_seen[row["id"]].label, code, candidate, self._names(row))
            )

    def _check_people(self) -> None:
        problems = []
        emails: dict[str, int] = {}
        for row in self.rows["participants"]:
            emails[row["email"]] = emails.get(row["email"], 0) + 1
        problems += [f"Two different participants have the email {e}." for e, n in
                     emails.items() if n > 1]  # fmt: skip
        for role in ("mentor_id", "mentee_id"):
            seen: dict[str, dict[str, Any]] = {}
            for row in self.rows["pairs"]:
                if row[role] in seen:
                    other = seen[row[role]]
                    person = self._person(row[role])
                    problems.append(
                        f"{person} is the {role[:6]} of pair {other['code']} "
                        f"({self.first_seen[other['id']].label}) and of pair {row['code']} "
                        f"({self.first_seen[row['id']].label})."
                    )
                seen[row[role]] = row
        if problems:
            raise UserError(
                "These files cannot be merged: a person can be in one pair only. Break one of "
                "the pairs in its room's file, then merge again; nothing was merged.",
                details=problems,
            )

    # -- words for the report ----------------------------------------------------------------

    def _person(self, participant_id: str) -> str:
        row = next((r for r in self.rows["participants"] if r["id"] == participant_id), None)
        return f"{row['name']} <{row['email']}>" if row else "someone no longer in the roster"

    def _names(self, pair: dict[str, Any]) -> str:
        people = {r["id"]: r["name"] for r in self.rows["participants"]}
        return f"{people.get(pair['mentor_id'], '?')} & {people.get(pair['mentee_id'], '?')}"

    def _code(self, pair_id: str) -> str:
        pair = next((r for r in self.rows["pairs"] if r["id"] == pair_id), None)
        return f"{pair['code']} ({self._names(pair)})" if pair else "(removed pair)"

    def _record(self, table: str, row: dict[str, Any]) -> str:
        if table == "workshop":
            return "the workshop's program details"
        if table == "participants":
            return f"{row['name']} <{row['email']}>"
        if table == "pairs":
            return f"pair {self._code(self.ids.get(row['id'], row['id']))}"
        if table == "agenda_segments":
            return f"agenda segment {row['position']} ({row['title']})"
        pair = self._code(row["pair_id"])
        return {
            "charters": f"charter of pair {pair}",
            "goals": f"goal {row.get('position')} of pair {pair}",
            "plans": f"troubleshooting plan {row.get('position')} of pair {pair}",
            "charter_versions": f"signed version {row.get('version')} of pair {pair}",
            "signoffs": f"{row.get('role')}'s signature on version {row.get('version')} of "
            f"pair {pair}",
        }[table]

    def report(self, out: Path, paths: list[Path]) -> MergeReport:
        conflicts = []
        for table, row, kept, other in self.conflicts:
            private = bool(kept.row.get("private") or other.row.get("private"))
            diffs = tuple(
                FieldDifference(
                    _field_label(name),
                    shown(name, kept.row.get(name), private=private, table=table),
                    shown(name, other.row.get(name), private=private, table=table),
                )
                for name in sorted(set(kept.row) | set(other.row))
                if name not in _NOT_CONTENT
                and kept.row.get(name) != other.row.get(name)
                and not (table == "workshop" and other.row.get(name) in (None, "", b""))
            )
            if not diffs:
                continue
            conflicts.append(
                Conflict(
                    table=table.rstrip("s").replace("_", " ") if table != "workshop" else table,
                    record=self._record(table, row),
                    fields=diffs,
                    kept_from=kept.source.label,
                    other_from=other.source.label,
                    kept_at=kept.row.get("updated_at") or "",
                    other_at=other.row.get("updated_at") or "",
                )
            )
        counts = {t: len(self.rows[t]) for t in RECORD_TABLES}
        return MergeReport(
            out=out,
            inputs=tuple(paths),
            counts=counts,
            conflicts=conflicts + self.notes,
            renamed=self.renamed,
            updated=self.updated,
            removed=self.removed,
        )


def _group(
    versions: list[_Version], other_keys: Callable[[dict[str, Any]], list[Hashable]]
) -> list[list[_Version]]:
    """Versions of the same record together: by id first, else by the table's other keys
    (never joining two different records of one file)."""
    groups: list[list[_Version]] = []
    where: dict[Hashable, int] = {}
    for v in versions:
        keys: list[Hashable] = [("id", v.original_id), *other_keys(v.row)]
        hit = where.get(keys[0])
        if hit is None:
            for key in keys[1:]:
                candidate = where.get(key)
                if candidate is not None and all(o.source is not v.source
                                                 for o in groups[candidate]):  # fmt: skip
                    hit = candidate
                    break
        if hit is None:
            hit = len(groups)
            groups.append([])
        groups[hit].append(v)
        for key in keys:
            where.setdefault(key, hit)
    return groups


def _fill(newest_first: list[_Version]) -> dict[str, Any]:
    """The workshop's details field by field: the newest value that is not empty.

    Rooms create their files separately, so one room's empty program context must not wipe out
    what another room filled in."""
    row = dict(newest_first[0].row)
    for name, value in row.items():
        if value in (None, "", b""):
            row[name] = next(
                (v.row[name] for v in newest_first if v.row.get(name) not in (None, "", b"")),
                value,
            )
    return row


def _content(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(sorted((k, v) for k, v in row.items() if k not in _NOT_CONTENT))


def _field_label(name: str) -> str:
    f = FIELD_BY_NAME.get(name)
    return f.label if f else name.replace("_", " ")


def _agenda_text(source: _Source) -> str:
    rows = sorted(source.tables["agenda_segments"], key=lambda r: r["position"])
    titles = ", ".join(r["title"] for r in rows[:4]) + (", ..." if len(rows) > 4 else "")
    return f"{len(rows)} segments: {titles}"


# -- writing ------------------------------------------------------------------------------------


def _write(out: Path, merger: _Merger) -> None:
    with atomic_file(out) as temp:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            apply_migrations(conn)
            conn.execute("BEGIN")
            _insert(conn, "workshop", [merger.workshop])
            for table in RECORD_TABLES:
                _insert(conn, table, merger.rows[table])
            _insert(conn, "audit", [{k: v for k, v in r.items() if k != "seq"}
                                    for r in merger.audit])  # fmt: skip
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise UserError(
                    "The merged file would not be consistent; nothing was written.",
                    details=[str(p) for p in problems[:20]],
                )
            conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            raise UserError(
                f"The files could not be combined ({exc}); nothing was written."
            ) from exc
        finally:
            conn.close()


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "seq"]
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [tuple(row.get(c) for c in columns) for row in rows],
    )
