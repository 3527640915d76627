"""Merge the workshop files of several rooms of one launch into a new file, with a report.

Rules (the README (section "Merging rooms") explains them for staff):

- Only rooms of the same launch merge: the same program, organisation and date (compared
  trimmed and without case; rooms create their files separately, so workshop ids differ), in
  the file format this app writes. Anything else is refused, naming the difference.
- Inputs are opened read-only and never changed; OUT must be a new file; it is written to a
  temporary name and moved into place, so a failed merge leaves nothing behind.
- Records are matched by their UUID; participants also by email (the same person imported in
  two rooms), pairs also by their mentor and mentee, goals and signatures by their place.
- The copies of a record merge field by field (`merge.fields`): a copy further along (its
  audit trail already holds the others' changes to the field) is taken; a value someone set
  (its change is in the audit trail, or it is not the column's default) beats a default nobody
  set, whatever `updated_at` says: a fresh import's "not checked in", the 09:00 start time, an
  empty charter field never wipe out a check-in, a start time or a pair's text; for attendance
  "not checked in" never beats present or absent. Set values that still differ are a conflict:
  the value set last wins and the report lists it, one line per field (private text is not
  shown). The same answer in two rooms (checked in in both) keeps the first check-in time.
- A record removed in one room (its removal is in that room's audit trail) stays removed unless
  another room edited it after the removal.
- Pair codes (`merge.codes`): the first file listed keeps all its codes, a pair in several
  files keeps one code (a file's where it is signed, else the first file's), a signed pair's
  code never changes unless two signed pairs held one code (the first file's keeps it; the
  report says which signed paper now shows a wrong code), and a pair that must give up its
  code becomes P03-2; a code that is not a pair code (edited into a file outside the app, like
  `../../escaped`: it would be a path in the per-pair exports) is never carried into OUT, and the
  report names the pair and its new code. Every code that differs from one it had in any file
  is in the rename list, once: the rename is recorded in the audit trail under an id made from
  the pair and the codes, so merging a merged file again does not repeat it.
- Audit rows are unioned by their id, so merging a file that is already in OUT changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

from workshop_app.core.charter_fields import MAX_GOALS
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.core.jobs import Progress
from workshop_app.core.merge.codes import (
    CodeChange,
    Holding,
    PairCodes,
    assign_codes,
    rename_audit_id,
)
from workshop_app.core.merge.fields import FieldConflict, Unit, describe, field_name, merge_record
from workshop_app.core.merge.report import (
    Conflict,
    MergeReport,
    Notice,
    OtherValue,
    Renamed,
    Taken,
    shown,
)
from workshop_app.core.merge.sources import (
    FOLLOW_UP_TABLES,
    RECORD_TABLES,
    Source,
    Version,
    check_same_launch,
    labels,
    launch_key,
    read_source,
)
from workshop_app.core.merge.write import write_merged
from workshop_app.core.paths import resolved
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import sqlite_errors
from workshop_app.core.validation import MAX_CODE, is_pair_code, normalise_email

__all__ = ["MAX_CODE", "RECORD_TABLES", "MergeReport", "merge_workshops"]

_GOAL_REMOVED = re.compile(r"goal\d+")


def merge_workshops(
    *, out: Path | str, inputs: Sequence[Path | str], progress: Progress | None = None
) -> MergeReport:
    """Combine `inputs` (rooms of one launch) into the new workshop file `out`."""
    out, paths = Path(out).expanduser().absolute(), [Path(p).expanduser() for p in inputs]
    if not paths:
        raise UserError(_("Name at least one workshop file to merge."))
    if any(resolved(out) == resolved(p) for p in paths):
        raise UserError(
            _("{name} is one of the files to merge; write the merge to a new file.").format(
                name=out.name
            )
        )
    if out.exists():
        raise UserError(
            _(
                "{path} already exists: a merge writes a new file. Choose another name; "
                "nothing was merged."
            ).format(path=out)
        )
    total = len(paths) + 2
    names = labels(paths)
    sources = []
    for index, path in enumerate(paths):
        if progress is not None:
            progress(index, total)
        sources.append(read_source(index, path, names[index]))
    check_same_launch(sources)
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


def _write(out: Path, merger: _Merger) -> None:
    """Write the merged file; a full or failing disk is the user's to fix, any other SQLite
    error is a bug and goes on as it is. (`atomic_file` has already removed the temporary
    file when the error reaches here.)"""
    with sqlite_errors(out, outcome="it was not written; nothing was merged."):
        write_merged(out, merger)


class _Merger:
    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        self.ids: dict[str, str] = {}  # every original id -> its id in the merged file
        self.first_seen: dict[str, Source] = {}
        self.copies: dict[str, list[Version]] = {}  # merged id -> the copies it was made from
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.workshop: dict[str, Any] = {}
        self.audit: list[dict[str, Any]] = []
        self.conflicts: list[FieldConflict] = []
        self.notes: list[Notice] = []
        self.renamed: list[Renamed] = []
        self.taken: list[tuple[str, dict[str, Any], list[tuple[Unit, Version]]]] = []
        self.removed = 0
        self.now = utc_now()  # when the merge's own changes are made
        self.kept_despite_removal: list[str] = []  # pairs broken in one room, worked on later
        self.people: dict[str, dict[str, Any]] = {}
        self.pair_rows: dict[str, dict[str, Any]] = {}

    def run(self) -> None:
        self._audit_union()
        removals = self._removals()
        self.workshop = self._resolve(
            "workshop",
            [Version(s, dict(s.workshop), s.workshop["id"], None) for s in self.sources],
        )
        self._table("participants", lambda r: [("email", normalise_email(r["email"]))])
        self._table("pairs", lambda r: [("people", r["mentor_id"], r["mentee_id"])])
        self._table("charters", lambda r: [("pair", r["pair_id"])])
        self._table("goals", lambda r: [])
        self._table("plans", lambda r: [])
        self._table("charter_versions", lambda r: [("version", r["pair_id"], r["version"])])
        self._table("signoffs", lambda r: [("sign", r["pair_id"], r["version"], r["role"])])
        self._agenda()
        self._follow_up()
        self._drop_removed(removals)
        self._index()
        self._renumber("goals")
        self._renumber("plans")
        self._codes()
        self._closed_on()
        self._check_people()
        for row in self.audit:
            row["record_id"] = self.ids.get(row["record_id"], row["record_id"])
            if row["pair_id"] is not None:
                row["pair_id"] = self.ids.get(row["pair_id"], row["pair_id"])

    # -- matching and resolving ---------------------------------------------------------------

    def _versions(self, table: str, sources: Sequence[Source] | None = None) -> list[Version]:
        out = []
        for source in sources if sources is not None else self.sources:
            for original in source.tables[table]:
                row = dict(original)
                for key in ("mentor_id", "mentee_id", "pair_id", "form_id", "checkin_id"):
                    if key in row and row[key] in self.ids:
                        row[key] = self.ids[row[key]]
                out.append(Version(source, row, original["id"], original.get("pair_id")))
        return out

    def _table(
        self,
        table: str,
        other_keys: Callable[[dict[str, Any]], list[Hashable]],
        sources: Sequence[Source] | None = None,
    ) -> None:
        groups = _group(self._versions(table, sources), other_keys)
        self.rows[table] = [self._resolve(table, group) for group in groups]

    def _resolve(self, table: str, group: list[Version]) -> dict[str, Any]:
        merged_id = min(v.original_id for v in group)
        for v in group:
            self.ids[v.original_id] = merged_id
            self.first_seen.setdefault(merged_id, v.source)
        merged = merge_record(table, group)
        merged.row["id"] = merged_id
        self.copies[merged_id] = group
        if merged.taken:
            self.taken.append((table, merged.row, merged.taken))
        self.conflicts += merged.conflicts
        return merged.row

    def _agenda(self) -> None:
        """One agenda: the most recently chosen one; its segments merge by id or position."""
        with_agenda = [s for s in self.sources if s.tables["agenda_segments"]]
        if not with_agenda:
            self.rows["agenda_segments"] = []
            return

        def signature(s: Source) -> tuple[tuple[int, str], ...]:
            rows = sorted(s.tables["agenda_segments"], key=lambda r: r["position"])
            return tuple((r["position"], launch_key(r["title"])) for r in rows)

        def chosen_at(s: Source) -> tuple[str, int]:
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
                Notice(
                    _(
                        "the agenda: kept the one chosen last, from {file} ({agenda}); "
                        "{other} had {other_agenda}"
                    ).format(
                        file=winner.label,
                        agenda=_agenda_text(winner),
                        other=other.label,
                        other_agenda=_agenda_text(other),
                    )
                )
            )

    def _follow_up(self) -> None:
        """The records after the launch travel with their pairs (the pair ids are mapped as
        for charters). A form is one by its name; a check-in imported in two rooms is one by
        its `response_key`; the log entries an import made for one check-in are one per kind
        and day; a review is one per pair and checkpoint; a pair has one closure, merged whole
        (two rooms that closed it differently are a conflict the report lists), and a closure
        in one room wins over "open" in another."""
        self._table("checkin_forms", lambda r: [("form", launch_key(r["name"]))])
        self._table("checkins", lambda r: [("response", r["response_key"])])
        self._table(
            "contacts",
            lambda r: (
                [("from checkin", r["checkin_id"], r["kind"], r["on_date"])]
                if r["checkin_id"]
                else []
            ),
        )
        self._table("reviews", lambda r: [("review", r["pair_id"], r["checkpoint_day"])])
        self._table("closures", lambda r: [("closure", r["pair_id"])])
        self._clear_dangling_links()

    def _clear_dangling_links(self) -> None:
        """A form merged away in another room's copy: its check-ins keep their answers."""
        forms = {r["id"] for r in self.rows["checkin_forms"]}
        for row in self.rows["checkins"]:
            if row["form_id"] is not None and row["form_id"] not in forms:
                row["form_id"] = None

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

        def removed(row: dict[str, Any], edited: str | None = None) -> bool:
            at = when.get(row["id"])
            return at is not None and at >= (edited or row["updated_at"])

        # Work on a pair's charter is work on the pair: a pair broken in one room that another
        # room went on working on after the break stays, and the report says so.
        edited = {r["id"]: r["updated_at"] for r in self.rows["pairs"]}
        for table in ("charters", "goals", "plans", "signoffs", *FOLLOW_UP_TABLES):
            for r in self.rows[table]:
                edited[r["pair_id"]] = max(r["updated_at"], edited.get(r["pair_id"], ""))
        gone = {r["id"] for r in self.rows["pairs"] if removed(r, edited[r["id"]])}
        self.kept_despite_removal = [
            r["id"] for r in self.rows["pairs"]
            if r["id"] in when and r["id"] not in gone and not self._decided_before(r["id"])
        ]  # fmt: skip
        self.rows["pairs"] = [r for r in self.rows["pairs"] if r["id"] not in gone]
        paired = {r[k] for r in self.rows["pairs"] for k in ("mentor_id", "mentee_id")}
        count = len(gone)
        for table in ("charters", "goals", "plans", "charter_versions", "signoffs",
                      *FOLLOW_UP_TABLES):  # fmt: skip
            self.rows[table] = [r for r in self.rows[table] if r["pair_id"] not in gone]
        for table in ("participants", "goals", "plans"):
            rows = self.rows[table]
            # Someone removed in one room but in a pair in another stays: the pair needs them.
            self.rows[table] = [r for r in rows if not removed(r) or r["id"] in paired]
            count += len(rows) - len(self.rows[table])
        self.removed = count

    def _decided_before(self, pair_id: str) -> bool:
        """A file holds the pair and its removal: a merge already kept it (and said so)."""
        return any(("pairs", v.original_id) in v.source.removed for v in self.copies[pair_id])

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

    def _dropped_goal(self, row: dict[str, Any]) -> Notice:
        goal = shown("goal", row["goal"], table="goals", private=bool(row["private"]))
        return Notice(
            _(
                "pair {pair}, goals: left out the goal {goal} from {file}: a charter has at "
                "most {most} goals (its text stays in the history)"
            ).format(
                pair=self._code(row["pair_id"]),
                goal=goal,
                file=self.first_seen[row["id"]].label,
                most=MAX_GOALS,
            )
        )

    def _codes(self) -> None:
        """Each pair's code (see `merge.codes`); every change is recorded and reported once."""
        pairs = [
            PairCodes(row["id"], tuple(
                Holding(v.source.index, v.source.label, v.row["code"],
                        v.original_id in v.source.signed_pairs)
                for v in self.copies[row["id"]]
            ))
            for row in self.rows["pairs"]
        ]  # fmt: skip
        codes, changes = assign_codes(pairs)
        by_id = {row["id"]: row for row in self.rows["pairs"]}
        for row in self.rows["pairs"]:
            row["code"] = codes[row["id"]]
        recorded = {row["id"] for row in self.audit}
        now = self.now
        for change in changes:
            audit_id = rename_audit_id(change)
            if audit_id in recorded:
                continue  # an earlier merge made and reported this rename
            row = by_id[change.pair_id]
            row["updated_at"] = now
            self.audit.append(
                {"id": audit_id, "at": now, "table_name": "pairs", "record_id": row["id"],
                 "pair_id": row["id"], "field": "code", "old_value": change.old,
                 "new_value": change.new, "seq": None}
            )  # fmt: skip
            # Translators: joins the names of the files that printed a pair's old code.
            source = _(" and ").join(change.labels)
            old = change.old if is_pair_code(change.old.upper()) else ascii(change.old)
            self.renamed.append(Renamed(source, old, change.new, self._names(row), change.signed))
            if old != change.old and not change.signed:  # else the signed note says it
                self.notes.append(
                    Notice(
                        _(
                            "pair {pair}, pair code: {old} in {file} is not a pair code (1 to "
                            "{most} letters, digits or dashes), so the pair is {new} now"
                        ).format(
                            pair=self._code(change.pair_id),
                            old=old,
                            file=source,
                            most=MAX_CODE,
                            new=change.new,
                        )
                    )
                )
            if change.signed:
                self.notes.append(self._signed_code_changed(change, old, source))

    def _signed_code_changed(self, change: CodeChange, old: str, source: str) -> Notice:
        if change.holder is not None:
            text = _(
                "pair {pair}, pair code: its charter was signed on paper as {old} in {file}, but "
                "{old} stays with pair {holder}; write {new} on the signed charter"
            )
        elif old != change.old:
            text = _(
                "pair {pair}, pair code: its charter was signed on paper as {old} in {file}, but "
                "that is not a pair code; write {new} on the signed charter"
            )
        else:
            text = _(
                "pair {pair}, pair code: its charter was signed on paper as {old} in {file}, but "
                "it was also signed under another code, which it keeps; write {new} on the "
                "signed charter"
            )
        holder = self._code(change.holder) if change.holder is not None else ""
        return Notice(
            text.format(
                pair=self._code(change.pair_id), old=old, file=source, holder=holder, new=change.new
            )
        )

    def new_versions(self, changed: list[tuple[str, str, int]]) -> None:
        """Record and report the signed charters that now hold another room's changes."""
        for charter_id, pair_id, version in changed:
            self.audit.append(
                {"id": new_id(), "at": self.now, "table_name": "charters",
                 "record_id": charter_id, "pair_id": pair_id, "field": "version",
                 "old_value": str(version), "new_value": str(version + 1), "seq": None}
            )  # fmt: skip
            self.notes.append(
                Notice(
                    _(
                        "charter of pair {pair}: version {version} was signed, and changes made "
                        "to it in another room came in with the merge; it is now version "
                        "{next}, not signed (the signed version {version} is kept as it was "
                        "signed)"
                    ).format(pair=self._code(pair_id), version=version, next=version + 1)
                )
            )

    def _closed_on(self) -> None:
        """A pair is closed when the merged file has its closure, whichever room closed it
        (the schema's triggers keep the two in step from then on)."""
        closed = {c["pair_id"]: c["closed_on"] for c in self.rows["closures"]}
        for row in self.rows["pairs"]:
            row["closed_on"] = closed.get(row["id"])

    def _check_people(self) -> None:
        problems = []
        emails: dict[str, int] = {}
        for row in self.rows["participants"]:
            emails[row["email"]] = emails.get(row["email"], 0) + 1
        problems += [
            _("Two different participants have the email {email}.").format(email=e)
            for e, n in emails.items()
            if n > 1
        ]
        for role in ("mentor_id", "mentee_id"):
            seen: dict[str, dict[str, Any]] = {}
            for row in self.rows["pairs"]:
                if row["closed_on"] is not None:  # a closed pair's partner may be re-matched
                    continue
                if row[role] in seen:
                    other = seen[row[role]]
                    person = self._person(row[role])
                    twice = (
                        _("{person} is the mentor of pair {code} ({file}) and of pair {other} "
                          "({other_file}).")
                        if role == "mentor_id"
                        else _("{person} is the mentee of pair {code} ({file}) and of pair "
                               "{other} ({other_file}).")
                    )  # fmt: skip
                    problems.append(
                        twice.format(
                            person=person,
                            code=other["code"],
                            file=self.first_seen[other["id"]].label,
                            other=row["code"],
                            other_file=self.first_seen[row["id"]].label,
                        )
                    )
                seen[row[role]] = row
        if problems:
            raise UserError(
                _(
                    "These files cannot be merged: a person can be in one open pair only. Break "
                    "or close one of the pairs in its room's file, then merge again; nothing "
                    "was merged."
                ),
                details=problems,
            )

    # -- words for the report ----------------------------------------------------------------

    def _index(self) -> None:
        """The people and pairs by id, for naming them (once removals are settled)."""
        self.people = {r["id"]: r for r in self.rows["participants"]}
        self.pair_rows = {r["id"]: r for r in self.rows["pairs"]}

    def _person(self, participant_id: str) -> str:
        row = self.people.get(participant_id)
        return f"{row['name']} <{row['email']}>" if row else _("someone no longer in the roster")

    def _names(self, pair: dict[str, Any]) -> str:
        mentor, mentee = (self.people.get(pair[k]) for k in ("mentor_id", "mentee_id"))
        return f"{mentor['name'] if mentor else '?'} & {mentee['name'] if mentee else '?'}"

    def _code(self, pair_id: str) -> str:
        pair = self.pair_rows.get(pair_id)
        return f"{pair['code']} ({self._names(pair)})" if pair else _("(removed pair)")

    def _record(self, table: str, row: dict[str, Any]) -> str:
        if table == "workshop":
            return _("the workshop's program details")
        if table == "participants":
            return f"{row['name']} <{row['email']}>"
        if table == "pairs":
            return _("pair {pair}").format(pair=self._code(row["id"]))
        if table == "agenda_segments":
            return _("agenda segment {position} ({title})").format(
                position=row["position"], title=row["title"]
            )
        if table == "checkin_forms":
            return _("the check-in form {name}").format(name=repr(row["name"]))
        role = row.get("role")
        if table == "signoffs":
            text = _(RECORD_SIGNOFF.get(role or "", RECORD_SIGNOFF["coordinator"]))
        elif table == "checkins":
            text = _(RECORD_CHECKIN.get(role or "", RECORD_CHECKIN["mentor"]))
        else:
            text = _(RECORD_OF_PAIR[table])
        return text.format(
            pair=self._code(row["pair_id"]),
            position=row.get("position"),
            version=row.get("version"),
            day=str(row.get("submitted_at"))[:10],
            date=row.get("on_date"),
            checkpoint=row.get("checkpoint_day"),
        )

    def _conflict(self, conflict: FieldConflict) -> Conflict:
        field, values = describe(conflict)
        (kept, kept_value, kept_at), *others = values
        return Conflict(
            record=self._record(conflict.table, conflict.row),
            field=field,
            kept=kept_value,
            kept_from=kept.source.label,
            kept_at=kept_at,
            others=tuple(OtherValue(v.source.label, value, at) for v, value, at in others),
        )

    def report(self, out: Path, paths: list[Path]) -> MergeReport:
        kept = {row["id"] for rows in self.rows.values() for row in rows} | {self.workshop["id"]}
        conflicts: list[Conflict | Notice] = [
            self._conflict(c) for c in self.conflicts if c.row["id"] in kept
        ]
        conflicts += [
            Notice(
                _(
                    "pair {pair}: broken in one room, but another room worked on its charter "
                    "after that, so it is kept; break it again if the break stands"
                ).format(pair=self._code(pair_id))
            )
            for pair_id in self.kept_despite_removal
        ]
        return MergeReport(
            out=out,
            inputs=tuple(paths),
            counts={t: len(self.rows[t]) for t in RECORD_TABLES},
            conflicts=[*conflicts, *self.notes],
            renamed=self.renamed,
            taken=[
                Taken(
                    self._record(table, row),
                    tuple((field_name(unit), v.source.label) for unit, v in fields),
                )
                for table, row, fields in self.taken
                if row["id"] in kept
            ],
            removed=self.removed,
        )


def _group(
    versions: list[Version], other_keys: Callable[[dict[str, Any]], list[Hashable]]
) -> list[list[Version]]:
    """Versions of the same record together: by id first, else by the table's other keys
    (never joining two different records of one file)."""
    groups: list[list[Version]] = []
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


# How the report names a record of a pair, by table (in the interface language).
RECORD_OF_PAIR = {
    "charters": N_("charter of pair {pair}"),
    "goals": N_("goal {position} of pair {pair}"),
    "plans": N_("troubleshooting plan {position} of pair {pair}"),
    "charter_versions": N_("signed version {version} of pair {pair}"),
    "contacts": N_("the log entry of {date} of pair {pair}"),
    "reviews": N_("the day-{checkpoint} review of pair {pair}"),
    "closures": N_("the closure of pair {pair}"),
}
RECORD_SIGNOFF = {
    "mentor": N_("the mentor's signature on version {version} of pair {pair}"),
    "mentee": N_("the mentee's signature on version {version} of pair {pair}"),
    "coordinator": N_("the coordinator's signature on version {version} of pair {pair}"),
}
RECORD_CHECKIN = {
    "mentor": N_("the mentor's check-in of {day} of pair {pair}"),
    "mentee": N_("the mentee's check-in of {day} of pair {pair}"),
}


def _agenda_text(source: Source) -> str:
    rows = sorted(source.tables["agenda_segments"], key=lambda r: r["position"])
    titles = ", ".join(r["title"] for r in rows[:4]) + (", ..." if len(rows) > 4 else "")
    return ngettext("{n} segment: {titles}", "{n} segments: {titles}", len(rows)).format(
        n=len(rows), titles=titles
    )
