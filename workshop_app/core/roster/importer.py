"""Import a roster into a workshop: all rows are checked first, then all go in or none do.

Two shapes are understood, told apart by their headers: one row per participant (role, name,
email, ... and a pair code or the partner's email) or one row per pair (mentor name, mentor
email, mentee name, mentee email, ...). Email is a person's identity, so importing the same
roster twice adds nobody twice.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from workshop_app.core.errors import UserError
from workshop_app.core.model import Participant
from workshop_app.core.roster.columns import PREFIXES, field_for, role_value
from workshop_app.core.roster.read import RawTable, read_table
from workshop_app.core.roster.store import format_code, normalise_code
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import normalise_email, valid_email
from workshop_app.core.words import count

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

Shape = Literal["participants", "pairs"]
PERSON_COLUMNS = ("name", "email", "title", "department", "manager")
MAX_LENGTH = {"name": 200, "title": 200, "department": 200, "manager": 200, "email": 254}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True, slots=True)
class ImportProblem:
    source: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.source]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


@dataclass(slots=True)
class RosterPerson:
    row: int
    role: str
    name: str
    email: str
    title: str = ""
    department: str = ""
    manager: str = ""


@dataclass(slots=True)
class RosterPair:
    row: int
    mentor_email: str
    mentee_email: str
    code: str | None = None


@dataclass(slots=True)
class ImportPlan:
    source: str
    shape: Shape | None
    add: list[RosterPerson] = field(default_factory=list)
    update: list[tuple[Participant, dict[str, str]]] = field(default_factory=list)
    unchanged: int = 0
    new_pairs: list[RosterPair] = field(default_factory=list)
    existing_pairs: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> list[str]:
        lines = [
            f"{self.source}: one row per {'pair' if self.shape == 'pairs' else 'participant'}",
            f"  {count(len(self.add), 'participant')} to add, {len(self.update):,} to update, "
            f"{self.unchanged:,} already up to date",
            f"  {count(len(self.new_pairs), 'pair')} to make, {self.existing_pairs:,} already made",
        ]
        if self.ignored_columns:
            lines.append("  columns not used: " + ", ".join(self.ignored_columns))
        return lines


class _Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[ImportProblem] = []

    def add(self, row: int | None, column: str | None, message: str) -> None:
        self.items.append(ImportProblem(self.source, row, column, message))


def plan_import(wf: WorkshopFile, path: Path) -> ImportPlan:
    """Read and check a roster against the workshop; change nothing."""
    table = read_table(Path(path))
    problems = _Problems(table.source)
    columns, ignored = _map_columns(table, problems)
    shape = _shape(columns)
    plan = ImportPlan(source=table.source, shape=shape, ignored_columns=ignored)
    if shape is None:
        problems.add(
            1,
            None,
            "cannot tell what this roster holds. Use either one row per participant (columns "
            "Role, Name, Email) or one row per pair (Mentor Name, Mentor Email, Mentee Name, "
            "Mentee Email). Headers found: " + ", ".join(repr(h) for h in table.headers if h),
        )
    elif _missing_columns(shape, columns, problems):
        pass
    else:
        people, pairs = (
            _read_people(table, columns, problems)
            if shape == "participants"
            else _read_pairs(table, columns, problems)
        )
        _check_against_workshop(wf, people, pairs, plan, problems)
    plan.problems = problems.items
    return plan


def _map_columns(table: RawTable, problems: _Problems) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    ignored = []
    for index, header in enumerate(table.headers):
        name = field_for(header)
        if name is None:
            if header:
                ignored.append(header)
            continue
        if name in columns:
            first = table.headers[columns[name]]
            problems.add(
                1,
                header,
                f"this column and '{first}' both seem to hold {name.replace('_', ' ')};"
                " keep one of them",
            )
            continue
        columns[name] = index
    return columns, ignored


def _shape(columns: dict[str, int]) -> Shape | None:
    if any(name.startswith(PREFIXES) for name in columns):
        return "pairs"
    if {"role", "email"} & set(columns) or "partner_email" in columns:
        return "participants"
    return None


def _missing_columns(shape: Shape, columns: dict[str, int], problems: _Problems) -> bool:
    missing = []
    prefixes = ("",) if shape == "participants" else ("mentor_", "mentee_")
    for prefix in prefixes:
        who = prefix.rstrip("_").capitalize()
        label = f"{who} " if who else ""
        if prefix + "email" not in columns:
            missing.append(f"{label}Email")
        if prefix + "name" not in columns and prefix + "first_name" not in columns:
            missing.append(f"{label}Name (or {label}First Name and {label}Last Name)")
    if shape == "participants" and "role" not in columns:
        missing.append("Role (mentor or mentee)")
    for name in missing:
        problems.add(1, None, f"the column {name} is missing")
    return bool(missing)


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _person(
    table: RawTable,
    row: int,
    cells: list[str],
    columns: dict[str, int],
    problems: _Problems,
    *,
    prefix: str,
    role: str,
) -> RosterPerson | None:
    def header(name: str) -> str:
        return table.headers[columns[prefix + name]] if prefix + name in columns else name

    values = {c: _one_line(_cell(cells, columns, prefix + c)) for c in PERSON_COLUMNS}
    if not values["name"]:
        first = _one_line(_cell(cells, columns, prefix + "first_name"))
        last = _one_line(_cell(cells, columns, prefix + "last_name"))
        values["name"] = f"{first} {last}".strip()
    ok = True
    if not values["name"]:
        problems.add(
            row,
            header("name") if prefix + "name" in columns else header("first_name"),
            "the name is empty",
        )
        ok = False
    raw_email = values["email"]
    values["email"] = normalise_email(raw_email)
    if not values["email"]:
        problems.add(row, header("email"), "the email is empty")
        ok = False
    elif not valid_email(values["email"]):
        problems.add(row, header("email"), f"{raw_email!r} is not an email address")
        ok = False
    for column, limit in MAX_LENGTH.items():
        if len(values[column]) > limit:
            problems.add(row, header(column), f"the {column} is longer than {limit} characters")
            ok = False
    if not ok:
        return None
    return RosterPerson(row=row, role=role, **values)


def _read_people(
    table: RawTable, columns: dict[str, int], problems: _Problems
) -> tuple[list[RosterPerson], list[RosterPair]]:
    people: list[RosterPerson] = []
    codes: dict[str, list[RosterPerson]] = defaultdict(list)
    partners: dict[str, tuple[int, str]] = {}
    # Rows refused for a problem of their own: their partners are not blamed for them too.
    refused_codes: Counter[str] = Counter()
    refused_emails: set[str] = set()
    role_header = table.headers[columns["role"]]
    for row, cells in table.rows:
        raw_role = _cell(cells, columns, "role")
        role = role_value(raw_role)
        if role is None:
            problems.add(
                row,
                role_header,
                f"the role must be mentor or mentee, not {raw_role!r}"
                if raw_role
                else "the role is empty (mentor or mentee)",
            )
        person = _person(table, row, cells, columns, problems, prefix="", role=role or "mentor")
        if person is None or role is None:
            refused_emails.add(normalise_email(_cell(cells, columns, "email")))
            with contextlib.suppress(UserError):
                refused_codes[normalise_code(_cell(cells, columns, "pair_code"))] += 1
            continue
        people.append(person)
        code = _cell(cells, columns, "pair_code")
        if code:
            try:
                codes[normalise_code(code)].append(person)
            except UserError as exc:
                problems.add(row, table.headers[columns["pair_code"]], exc.message)
        partner = normalise_email(_cell(cells, columns, "partner_email"))
        if partner:
            partners[person.email] = (row, partner)
    _check_duplicates(people, problems, table, columns)
    pairs: list[RosterPair] = []
    for code, members in codes.items():
        roles = sorted(m.role for m in members)
        if roles != ["mentee", "mentor"]:
            if len(members) + refused_codes[code] == 2 and len(set(roles)) == len(roles):
                continue  # the partner's row has its own problem; the pair is judged once fixed
            rows = ", ".join(str(m.row) for m in members)
            given = " and ".join(
                f"{n} {role}s" if n > 1 else f"1 {role}"
                for role, n in sorted(Counter(roles).items(), reverse=True)
            )
            where = f"row {rows} gives" if len(members) == 1 else f"rows {rows} give"
            problems.add(
                members[-1].row,
                table.headers[columns["pair_code"]],
                f"pair {code} must have one mentor and one mentee, but {where} {given}",
            )
            continue
        mentor = next(m for m in members if m.role == "mentor")
        mentee = next(m for m in members if m.role == "mentee")
        pairs.append(
            RosterPair(
                row=min(mentor.row, mentee.row),
                mentor_email=mentor.email,
                mentee_email=mentee.email,
                code=code,
            )
        )
    if partners:
        pairs.extend(
            _pairs_from_partners(people, partners, pairs, problems, table, columns, refused_emails)
        )
    return people, pairs


def _pairs_from_partners(
    people: list[RosterPerson],
    partners: dict[str, tuple[int, str]],
    coded: list[RosterPair],
    problems: _Problems,
    table: RawTable,
    columns: dict[str, int],
    refused_emails: set[str],
) -> list[RosterPair]:
    header = table.headers[columns["partner_email"]]
    by_email = {p.email: p for p in people}
    already = {(p.mentor_email, p.mentee_email) for p in coded}
    found: dict[tuple[str, str], int] = {}
    for email, (row, partner_email) in partners.items():
        me = by_email[email]
        partner = by_email.get(partner_email)
        if partner is None:
            if partner_email not in refused_emails:  # else that row has its own problem
                problems.add(row, header, f"the partner {partner_email} is not in this roster")
            continue
        if partner.role == me.role:
            problems.add(row, header, f"{me.name} and {partner.name} are both {me.role}s")
            continue
        said_back = partners.get(partner_email)
        if said_back is not None and said_back[1] != email:
            problems.add(
                row,
                header,
                f"{me.name} names {partner.name} as partner, but row {said_back[0]} gives "
                f"{partner.name}'s partner as {said_back[1]}",
            )
            continue
        key = (email, partner_email) if me.role == "mentor" else (partner_email, email)
        found.setdefault(key, row)
    return [
        RosterPair(row=row, mentor_email=m, mentee_email=e)
        for (m, e), row in found.items()
        if (m, e) not in already
    ]


def _read_pairs(
    table: RawTable, columns: dict[str, int], problems: _Problems
) -> tuple[list[RosterPerson], list[RosterPair]]:
    people: list[RosterPerson] = []
    pairs: list[RosterPair] = []
    for row, cells in table.rows:
        mentor = _person(table, row, cells, columns, problems, prefix="mentor_", role="mentor")
        mentee = _person(table, row, cells, columns, problems, prefix="mentee_", role="mentee")
        code: str | None = None
        raw_code = _cell(cells, columns, "pair_code")
        if raw_code:
            try:
                code = normalise_code(raw_code)
            except UserError as exc:
                problems.add(row, table.headers[columns["pair_code"]], exc.message)
        if mentor and mentee:
            people.extend((mentor, mentee))
            pairs.append(
                RosterPair(row=row, mentor_email=mentor.email, mentee_email=mentee.email, code=code)
            )
    _check_duplicates(people, problems, table, columns, pairs_shape=True)
    return people, pairs


def _check_duplicates(
    people: list[RosterPerson],
    problems: _Problems,
    table: RawTable,
    columns: dict[str, int],
    *,
    pairs_shape: bool = False,
) -> None:
    seen: dict[str, RosterPerson] = {}
    for person in people:
        first = seen.get(person.email)
        column = (
            table.headers[columns[f"{person.role}_email"]]
            if pairs_shape
            else table.headers[columns["email"]]
        )
        if first is None:
            seen[person.email] = person
        elif pairs_shape and first.role == person.role:
            problems.add(
                person.row,
                column,
                f"{person.email} is already paired on row {first.row}; a {person.role} "
                "can be in only one pair",
            )
        elif first.role != person.role:
            problems.add(
                person.row,
                column,
                f"{person.email} is a {person.role} here but a {first.role} on row {first.row}",
            )
        else:
            problems.add(person.row, column, f"{person.email} is already on row {first.row}")


def _check_against_workshop(
    wf: WorkshopFile,
    people: list[RosterPerson],
    pairs: list[RosterPair],
    plan: ImportPlan,
    problems: _Problems,
) -> None:
    existing = {p.email: p for p in wf.roster.participants()}
    current_pairs = wf.roster.pairs()
    pair_of: dict[str, tuple[str, str]] = {}  # participant id -> (code, partner id)
    for made in current_pairs:
        pair_of[made.mentor_id] = (made.code, made.mentee_id)
        pair_of[made.mentee_id] = (made.code, made.mentor_id)
    codes = {p.code: p for p in current_pairs}
    seen: set[str] = set()
    for person in people:
        if person.email in seen:
            continue
        seen.add(person.email)
        known = existing.get(person.email)
        if known is None:
            plan.add.append(person)
            continue
        if known.role != person.role:
            problems.add(
                person.row,
                None,
                f"{person.email} is already in the workshop as a {known.role}, not a {person.role}",
            )
            continue
        changes = {
            c: getattr(person, c)
            for c in ("name", "title", "department", "manager")
            if getattr(person, c) and getattr(person, c) != getattr(known, c)
        }
        if changes:
            plan.update.append((known, changes))
        else:
            plan.unchanged += 1
    for pair in pairs:
        mentor = existing.get(pair.mentor_email)
        mentee = existing.get(pair.mentee_email)
        if mentor and mentee and pair_of.get(mentor.id, ("", ""))[1] == mentee.id:
            code = pair_of[mentor.id][0]
            if pair.code and pair.code != code:
                problems.add(
                    pair.row,
                    None,
                    f"this pair is already in the workshop as {code}, not {pair.code}",
                )
            plan.existing_pairs += 1
            continue
        clash = False
        for partner in (mentor, mentee):
            if partner is not None and partner.id in pair_of:
                code, _ = pair_of[partner.id]
                problems.add(
                    pair.row, None, f"{partner.name} is already in pair {code} with someone else"
                )
                clash = True
        if pair.code and pair.code in codes:
            problems.add(pair.row, None, f"the pair code {pair.code} is already taken")
            clash = True
        if not clash:
            plan.new_pairs.append(pair)
    taken = [c for c in (p.code for p in plan.new_pairs) if c]
    for code in {c for c in taken if taken.count(c) > 1}:
        rows = ", ".join(str(p.row) for p in plan.new_pairs if p.code == code)
        problems.add(
            None, None, f"the pair code {code} is given to more than one pair (rows {rows})"
        )


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    pairs_made: int

    def summary(self) -> str:
        """E.g. "24 participants added, 0 updated, 12 pairs made"."""
        return (
            f"{count(self.added, 'participant')} added, {self.updated:,} updated, "
            f"{count(self.pairs_made, 'pair')} made"
        )


def apply_import(wf: WorkshopFile, plan: ImportPlan) -> ImportResult:
    """Write a checked plan in one transaction. A plan with problems is refused whole."""
    if plan.problems:
        raise UserError(
            f"{plan.source} has {count(len(plan.problems), 'problem')}; nothing was imported.",
            details=[str(p) for p in plan.problems],
        )
    now = utc_now()
    conn = wf.conn
    with wf.transaction():
        ids: dict[str, str] = {p.email: p.id for p in wf.roster.participants()}
        records = []
        for person in plan.add:
            pid = new_id()
            ids[person.email] = pid
            records.append(
                {
                    "id": pid,
                    "role": person.role,
                    "name": person.name,
                    "email": person.email,
                    "title": person.title,
                    "department": person.department,
                    "manager": person.manager,
                    "updated_at": now,
                }
            )
        wf.insert_all("participants", records)
        audit: list[tuple[str, str, str, str | None, str, str | None]] = [
            ("participants", r["id"], "*created*", None, f"{r['name']} <{r['email']}>", None)
            for r in records
        ]
        for known, changes in plan.update:
            for column, value in changes.items():
                conn.execute(
                    f"UPDATE participants SET {column} = ?, updated_at = ? WHERE id = ?",
                    (value, now, known.id),
                )
                audit.append(
                    ("participants", known.id, column, getattr(known, column), value, None)
                )
        next_number = int(wf.roster.next_code()[1:])
        taken = {code for (code,) in conn.execute("SELECT code FROM pairs")}
        pair_rows, charter_rows = [], []
        for pair in plan.new_pairs:
            code = pair.code
            if code is None:
                while format_code(next_number) in taken:
                    next_number += 1
                code = format_code(next_number)
            taken.add(code)
            pair_id = new_id()
            pair_rows.append(
                {
                    "id": pair_id,
                    "code": code,
                    "mentor_id": ids[pair.mentor_email],
                    "mentee_id": ids[pair.mentee_email],
                    "updated_at": now,
                }
            )
            charter_rows.append({"id": new_id(), "pair_id": pair_id, "updated_at": now})
            audit.append(
                (
                    "pairs",
                    pair_id,
                    "*created*",
                    None,
                    f"{code}: {pair.mentor_email} + {pair.mentee_email}",
                    pair_id,
                )
            )
        wf.insert_all("pairs", pair_rows)
        wf.insert_all("charters", charter_rows)
        wf.audit_many(audit, at=now)
    return ImportResult(
        added=len(plan.add), updated=len(plan.update), pairs_made=len(plan.new_pairs)
    )
