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
from workshop_app.core.followup.closing import mark_rematched
from workshop_app.core.i18n import (
    N_,
    SOURCE_LANGUAGE,
    _,
    ngettext,
)
from workshop_app.core.model import Participant
from workshop_app.core.roster.columns import (
    PREFIXES,
    column_header,
    meanings,
    needed_columns,
    role_value,
)
from workshop_app.core.roster.read import RawTable, read_table
from workshop_app.core.roster.store import format_code, normalise_code
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import normalise_email, valid_email

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

Shape = Literal["participants", "pairs"]
PERSON_COLUMNS = ("name", "email", "title", "department", "manager")
MAX_LENGTH = {"name": 200, "title": 200, "department": 200, "manager": 200, "email": 254}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
# The words for a person's fields in messages ("the title is longer than 200 characters").
FIELD_WORDS = {
    "name": N_("name"),
    "email": N_("email"),
    "title": N_("title"),
    "department": N_("department"),
    "manager": N_("manager"),
}
# What a column can be read as, for the preview ("Ruolo: title", "Courriel du mentoré: the
# mentee's email"): a header in another language, or of two meanings, is checked there.
COLUMN_WORDS = {
    **FIELD_WORDS,
    "first_name": N_("first name"),
    "last_name": N_("last name"),
    "role": N_("program role"),
    "pair_code": N_("pair code"),
    "partner_email": N_("partner's email"),
}
PARTNERS_FIELD = {"mentor_": N_("the mentor's {field}"), "mentee_": N_("the mentee's {field}")}


def column_meaning(field: str) -> str:
    """What a column was read as, in the interface language: "first name", "the mentee's
    email"."""
    for prefix, whose in PARTNERS_FIELD.items():
        if field.startswith(prefix):
            return _(whose).format(field=_(COLUMN_WORDS[field.removeprefix(prefix)]))
    return _(COLUMN_WORDS[field])


def _named(field: str) -> str:
    """A column named in a message: its header in the interface language, and the English
    one beside it when that differs ("Ruolo o Role")."""
    header, english = column_header(field), column_header(field, SOURCE_LANGUAGE)
    return (
        header
        if header == english
        else _("{header} or {english}").format(header=header, english=english)
    )


@dataclass(frozen=True, slots=True)
class ImportProblem:
    source: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            where = _("{source}, row {row}, column '{column}'")
        elif self.row is not None:
            where = _("{source}, row {row}")
        elif self.column:
            where = _("{source}, column '{column}'")
        else:
            where = "{source}"
        place = where.format(source=self.source, row=self.row, column=self.column)
        return _("{place}: {problem}").format(place=place, problem=self.message)


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
    read_columns: list[tuple[str, str]] = field(default_factory=list)
    """(header, field) of each column used, in the sheet's order."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> list[str]:
        shape = (
            _("{source}: one row per pair")
            if self.shape == "pairs"
            else _("{source}: one row per participant")
        )
        people = ngettext(
            "{add} participant to add, {update} to update, {unchanged} already up to date",
            "{add} participants to add, {update} to update, {unchanged} already up to date",
            len(self.add),
        )
        pairs = ngettext(
            "{new} pair to make, {existing} already made",
            "{new} pairs to make, {existing} already made",
            len(self.new_pairs),
        )
        lines = [
            shape.format(source=self.source),
            "  "
            + people.format(
                add=f"{len(self.add):,}",
                update=f"{len(self.update):,}",
                unchanged=f"{self.unchanged:,}",
            ),
            "  "
            + pairs.format(new=f"{len(self.new_pairs):,}", existing=f"{self.existing_pairs:,}"),
        ]
        if self.ignored_columns:
            lines.append(
                "  "
                + _("columns not used: {columns}").format(columns=", ".join(self.ignored_columns))
            )
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
    read = [
        (table.headers[index], name) for name, index in sorted(columns.items(), key=lambda c: c[1])
    ]
    plan = ImportPlan(source=table.source, shape=shape, ignored_columns=ignored, read_columns=read)
    if shape is None:
        problems.add(
            1,
            None,
            _(
                "cannot tell what this roster holds. Use either one row per participant "
                "(columns {participant_columns}) or one row per pair ({pair_columns}); the "
                "headers may be in English, Italian, German or French. Headers found: {headers}"
            ).format(headers=", ".join(repr(h) for h in table.headers if h), **needed_columns()),
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

    def values(index: int) -> list[str]:
        return [cells[index] for _row, cells in table.rows if index < len(cells)]

    for index, (header, name) in enumerate(
        zip(table.headers, meanings(table.headers, values), strict=True)
    ):
        if name is None:
            if header:
                ignored.append(header)
            continue
        if name in columns:
            first = table.headers[columns[name]]
            problems.add(
                1,
                header,
                _("this column and '{first}' both seem to hold {what}; keep one of them").format(
                    first=first, what=column_meaning(name)
                ),
            )
            continue
        columns[name] = index
    return columns, ignored


def _unmatched_pair(code: str, members: list[RosterPerson]) -> str:
    """Why the rows given one pair code do not make a pair of one mentor and one mentee."""
    rows = ", ".join(str(m.row) for m in members)
    mentors = sum(1 for m in members if m.role == "mentor")
    mentees = len(members) - mentors
    if mentees == 0:
        message = ngettext(
            "pair {code} must have one mentor and one mentee, but row {rows} gives {n} mentor",
            "pair {code} must have one mentor and one mentee, but rows {rows} give {n} mentors",
            mentors,
        )
        return message.format(code=code, rows=rows, n=mentors)
    if mentors == 0:
        message = ngettext(
            "pair {code} must have one mentor and one mentee, but row {rows} gives {n} mentee",
            "pair {code} must have one mentor and one mentee, but rows {rows} give {n} mentees",
            mentees,
        )
        return message.format(code=code, rows=rows, n=mentees)
    return _(
        "pair {code} must have one mentor and one mentee, but rows {rows} give {mentors} and "
        "{mentees}"
    ).format(
        code=code,
        rows=rows,
        mentors=ngettext("{n} mentor", "{n} mentors", mentors).format(n=mentors),
        mentees=ngettext("{n} mentee", "{n} mentees", mentees).format(n=mentees),
    )


def _shape(columns: dict[str, int]) -> Shape | None:
    if any(name.startswith(PREFIXES) for name in columns):
        return "pairs"
    if {"role", "email"} & set(columns) or "partner_email" in columns:
        return "participants"
    return None


def _missing_columns(shape: Shape, columns: dict[str, int], problems: _Problems) -> bool:
    # Named by their headers in the interface language, with the English ones beside them
    # (every language's spellings are read: roster.columns).
    missing = []
    prefixes = ("",) if shape == "participants" else ("mentor_", "mentee_")
    for prefix in prefixes:
        if prefix + "email" not in columns:
            missing.append(_("the column {name} is missing").format(name=_named(prefix + "email")))
        if prefix + "name" not in columns and prefix + "first_name" not in columns:
            missing.append(
                _("the column {name} is missing (or {first} and {last})").format(
                    name=_named(prefix + "name"),
                    first=column_header(prefix + "first_name"),
                    last=column_header(prefix + "last_name"),
                )
            )
    if shape == "participants" and "role" not in columns:
        missing.append(
            _("the column {name} (mentor or mentee) is missing").format(name=_named("role"))
        )
    for message in missing:
        problems.add(1, None, message)
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
            _("the name is empty"),
        )
        ok = False
    raw_email = values["email"]
    values["email"] = normalise_email(raw_email)
    if not values["email"]:
        problems.add(row, header("email"), _("the email is empty"))
        ok = False
    elif not valid_email(values["email"]):
        problems.add(
            row, header("email"), _("{text} is not an email address").format(text=repr(raw_email))
        )
        ok = False
    for column, limit in MAX_LENGTH.items():
        if len(values[column]) > limit:
            problems.add(
                row,
                header(column),
                _("the {field} is longer than {limit} characters").format(
                    field=_(FIELD_WORDS[column]), limit=limit
                ),
            )
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
                _("the role must be mentor or mentee, not {text}").format(text=repr(raw_role))
                if raw_role
                else _("the role is empty (mentor or mentee)"),
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
            problems.add(
                members[-1].row,
                table.headers[columns["pair_code"]],
                _unmatched_pair(code, members),
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
                problems.add(
                    row,
                    header,
                    _("the partner {email} is not in this roster").format(email=partner_email),
                )
            continue
        if partner.role == me.role:
            both = (
                _("{name} and {partner} are both mentors")
                if me.role == "mentor"
                else _("{name} and {partner} are both mentees")
            )
            problems.add(row, header, both.format(name=me.name, partner=partner.name))
            continue
        said_back = partners.get(partner_email)
        if said_back is not None and said_back[1] != email:
            problems.add(
                row,
                header,
                _(
                    "{name} names {partner} as partner, but row {row} gives {partner}'s "
                    "partner as {other}"
                ).format(name=me.name, partner=partner.name, row=said_back[0], other=said_back[1]),
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
                (
                    _("{email} is already paired on row {row}; a mentor can be in only one pair")
                    if person.role == "mentor"
                    else _(
                        "{email} is already paired on row {row}; a mentee can be in only one pair"
                    )
                ).format(email=person.email, row=first.row),
            )
        elif first.role != person.role:
            problems.add(
                person.row,
                column,
                (
                    _("{email} is a mentor here but a mentee on row {row}")
                    if person.role == "mentor"
                    else _("{email} is a mentee here but a mentor on row {row}")
                ).format(email=person.email, row=first.row),
            )
        else:
            problems.add(
                person.row,
                column,
                _("{email} is already on row {row}").format(email=person.email, row=first.row),
            )


def _check_against_workshop(
    wf: WorkshopFile,
    people: list[RosterPerson],
    pairs: list[RosterPair],
    plan: ImportPlan,
    problems: _Problems,
) -> None:
    existing = {p.email: p for p in wf.roster.participants()}
    current_pairs = wf.roster.pairs()
    # A roster row of a pair already made (closed or not) is that pair; anyone else in an
    # open pair cannot be paired, and a person whose pairs are all closed can (re-matched).
    made_as = {(p.mentor_id, p.mentee_id): p.code for p in current_pairs}
    pair_of = {  # participant id -> the code of their open pair
        person: made.code
        for made in current_pairs
        if not made.closed_on
        for person in (made.mentor_id, made.mentee_id)
    }
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
                (
                    _("{email} is already in the workshop as a mentor, not a mentee")
                    if known.role == "mentor"
                    else _("{email} is already in the workshop as a mentee, not a mentor")
                ).format(email=person.email),
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
        if mentor and mentee and (mentor.id, mentee.id) in made_as:
            code = made_as[(mentor.id, mentee.id)]
            if pair.code and pair.code != code:
                problems.add(
                    pair.row,
                    None,
                    _("this pair is already in the workshop as {code}, not {given}").format(
                        code=code, given=pair.code
                    ),
                )
            plan.existing_pairs += 1
            continue
        clash = False
        for partner in (mentor, mentee):
            if partner is not None and partner.id in pair_of:
                code = pair_of[partner.id]
                problems.add(
                    pair.row,
                    None,
                    _("{name} is already in pair {code} with someone else").format(
                        name=partner.name, code=code
                    ),
                )
                clash = True
        if pair.code and pair.code in codes:
            problems.add(
                pair.row, None, _("the pair code {code} is already taken").format(code=pair.code)
            )
            clash = True
        if not clash:
            plan.new_pairs.append(pair)
    taken = [c for c in (p.code for p in plan.new_pairs) if c]
    for code in {c for c in taken if taken.count(c) > 1}:
        rows = ", ".join(str(p.row) for p in plan.new_pairs if p.code == code)
        problems.add(
            None,
            None,
            _("the pair code {code} is given to more than one pair (rows {rows})").format(
                code=code, rows=rows
            ),
        )


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    pairs_made: int

    def summary(self) -> str:
        """E.g. "24 participants added, 0 updated, 12 pairs made"."""
        people = ngettext(
            "{added} participant added, {updated} updated",
            "{added} participants added, {updated} updated",
            self.added,
        ).format(added=f"{self.added:,}", updated=f"{self.updated:,}")
        pairs = ngettext("{n} pair made", "{n} pairs made", self.pairs_made).format(
            n=f"{self.pairs_made:,}"
        )
        return _("{people}, {pairs}").format(people=people, pairs=pairs)


def apply_import(wf: WorkshopFile, plan: ImportPlan) -> ImportResult:
    """Write a checked plan in one transaction. A plan with problems is refused whole."""
    if plan.problems:
        n = len(plan.problems)
        raise UserError(
            ngettext(
                "{source} has {n} problem; nothing was imported.",
                "{source} has {n} problems; nothing was imported.",
                n,
            ).format(source=plan.source, n=f"{n:,}"),
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
        mark_rematched(wf, [r[k] for r in pair_rows for k in ("mentor_id", "mentee_id")], at=now)
    return ImportResult(
        added=len(plan.add), updated=len(plan.update), pairs_made=len(plan.new_pairs)
    )
