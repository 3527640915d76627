"""The workshop's records as plain tables for staff, with private content left out unless asked.

`read_export_data()` reads everything an export needs in a few queries and applies the
confidentiality rule once; every format (CSV, XLSX, JSON, ICS, archive) starts from its result,
so no format can leak what another leaves out.

What is private comes from the model, not from here: every charter field with
`CharterField.private` (today `boundaries`), and every part of a goal whose `private` flag the
pair set. Marking the goals or troubleshooting list private in `charter_fields.py` withholds
the whole list. Values keep their Python types (date, datetime, bool, int) so each format can
write them its own way: times of records are UTC (`timestamp`), the first meeting is the local
wall-clock time the pair agreed (`datetime`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal

from workshop_app.core.charter_fields import (
    CHARTER_COLUMNS,
    FIELD_BY_NAME,
    GOAL_PARTS,
    GOALS_LIST,
    PLAN_PARTS,
    SECTION_BY_KEY,
    TROUBLESHOOTING_LIST,
    CharterField,
)
from workshop_app.core.charters.store import PairOverview, signoff
from workshop_app.core.i18n import N_, translations
from workshop_app.core.model import (
    Goal,
    Participant,
    Plan,
    Segment,
    Signoff,
    Workshop,
    pair_by_person,
)
from workshop_app.core.roster.store import code_sort_key

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

ColumnKind = Literal["text", "int", "number", "bool", "date", "datetime", "timestamp"]
GOAL_PART_NAMES = tuple(name for name, _ in GOAL_PARTS)
PLAN_PART_NAMES = tuple(name for name, _ in PLAN_PARTS)
# What a withheld goal says: nothing in any of its parts.
_WITHHELD_GOAL: dict[str, Any] = dict.fromkeys(GOAL_PART_NAMES, "")
# The Export page's tick box, as the app names it (its label begins with these words, in
# every language): the README quotes it by this text, so both say the same.
INCLUDE_CHECKBOX = N_("Include private content")
INCLUDE_HINT = N_(
    "To include it, export again with --include-confidential "
    "(in the app: tick “{checkbox}” and confirm)."
)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind = "text"


@dataclass(slots=True)
class Table:
    """`name` (the CSV file's) and `title` (the XLSX sheet's, cut to 31 characters) are in
    English in every language, as scripts find the tables by them; the READMEs give the
    title in the workshop's language too (`t.gettext(table.title)`)."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)


def private_fields() -> tuple[CharterField, ...]:
    """The charter columns private to the pair (left out of staff exports by default)."""
    return tuple(f for f in CHARTER_COLUMNS if f.private)


def goals_private() -> bool:
    return FIELD_BY_NAME[GOALS_LIST].private


def plans_private() -> bool:
    return FIELD_BY_NAME[TROUBLESHOOTING_LIST].private


def left_out_labels(lang: str = "en") -> list[str]:
    """What a staff export leaves out by default, in words (in `lang`; the column names in
    brackets stay as the files name them)."""
    t = translations(lang)
    out = [f"{t.gettext(f.label)} ({f.name})" for f in private_fields()]
    out.append(
        t.gettext("all SMART goals")
        if goals_private()
        else t.gettext(
            "every part of a goal the pair marked private (the goal is listed, its text is not)"
        )
    )
    if plans_private():
        out.append(t.gettext("all troubleshooting plans"))
    out.append(t.gettext("the comments written in check-ins (comment)"))
    return out


def confidentiality_note(*, included: bool, lang: str = "en") -> str:
    """The sentence every export carries at its top, README or `_about` entry, in `lang`
    (the workshop's charter language, as every export's README)."""
    t = translations(lang)
    listed = "; ".join(left_out_labels(lang))
    if included:
        return t.gettext(
            "This export INCLUDES content private to the pairs ({listed}). "
            "Share it only with people entitled to read it."
        ).format(listed=listed)
    return (
        t.gettext("Private charter content is left out of this export: {listed}.").format(
            listed=listed
        )
        + " "
        + t.gettext(INCLUDE_HINT).format(checkbox=t.gettext(INCLUDE_CHECKBOX))
    )


@dataclass(slots=True, kw_only=True)
class ExportData:
    """Everything an export shows, already filtered for confidentiality."""

    workshop: Workshop
    source: str
    exported_at: str
    include_confidential: bool
    participants: list[Participant]
    overview: list[PairOverview]
    fields: dict[str, dict[str, Any]]
    charter_ids: dict[str, tuple[str, str]]
    goals: dict[str, list[Goal]]
    plans: dict[str, list[Plan]]
    signoffs: dict[str, list[Signoff]]
    signed_versions: dict[str, list[dict[str, Any]]]
    segments: list[Segment]
    pair_code_of: dict[str, str]
    # After the launch, per pair id, each record a dict of its columns (FOLLOW_UP_COLUMNS);
    # a check-in's comment is None when left out (it is the respondent's own words).
    follow_up: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)

    @property
    def charter_columns(self) -> tuple[CharterField, ...]:
        return exported_columns(include_confidential=self.include_confidential)

    def withheld(self, goal: Goal) -> bool:
        return not self.include_confidential and (goal.private or goals_private())


def exported_columns(*, include_confidential: bool) -> tuple[CharterField, ...]:
    return tuple(f for f in CHARTER_COLUMNS if include_confidential or not f.private)


def read_export_data(wf: WorkshopFile, *, include_confidential: bool) -> ExportData:
    conn = wf.conn
    keep = {f.name for f in exported_columns(include_confidential=include_confidential)}
    names = [f.name for f in CHARTER_COLUMNS]
    fields: dict[str, dict[str, Any]] = {}
    charter_ids: dict[str, tuple[str, str]] = {}
    for row in conn.execute(f"SELECT pair_id, id, updated_at, {', '.join(names)} FROM charters"):
        values = dict(zip(names, row[3:], strict=True))
        fields[row[0]] = {k: v for k, v in values.items() if k in keep}
        charter_ids[row[0]] = (row[1], row[2])
    withhold_goal = not include_confidential
    goals: dict[str, list[Goal]] = {}
    for g in conn.execute(
        f"SELECT pair_id, id, position, {', '.join(GOAL_PART_NAMES)}, private, updated_at"
        " FROM goals ORDER BY pair_id, position"
    ):
        parts = len(GOAL_PART_NAMES)
        goal = Goal(
            id=g[1],
            position=g[2],
            **dict(zip(GOAL_PART_NAMES, g[3 : 3 + parts], strict=True)),
            private=bool(g[3 + parts]),
            updated_at=g[4 + parts],
        )
        if withhold_goal and (goal.private or goals_private()):
            goal = replace(goal, **_WITHHELD_GOAL)
        goals.setdefault(g[0], []).append(goal)
    plans: dict[str, list[Plan]] = {}
    if include_confidential or not plans_private():
        for p in conn.execute(
            "SELECT pair_id, id, position, scenario, plan, exercise_id, updated_at FROM plans"
            " ORDER BY pair_id, position"
        ):
            plans.setdefault(p[0], []).append(
                Plan(id=p[1], position=p[2], scenario=p[3], plan=p[4], exercise_id=p[5],
                     updated_at=p[6])
            )  # fmt: skip
    signoffs: dict[str, list[Signoff]] = {}
    for s in conn.execute(
        "SELECT pair_id, id, version, role, name, signed_at, paper_completed, open_sections"
        " FROM signoffs ORDER BY pair_id, version, role"
    ):
        signoffs.setdefault(s[0], []).append(signoff(s[1:]))
    versions: dict[str, list[dict[str, Any]]] = {}
    for pair_id, version, snapshot in conn.execute(
        "SELECT pair_id, version, snapshot FROM charter_versions ORDER BY pair_id, version"
    ):
        versions.setdefault(pair_id, []).append(
            filter_snapshot(json.loads(snapshot), version, include_confidential)
        )
    follow_up = read_follow_up(conn, include_confidential=include_confidential)
    overview = wf.charters.overview()
    pair_code_of = {person: pair.code for person, pair in pair_by_person(wf.roster.pairs()).items()}
    return ExportData(
        workshop=wf.workshop(),
        source=wf.path.name,
        exported_at=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        include_confidential=include_confidential,
        participants=wf.roster.participants(),
        overview=overview,
        fields=fields,
        charter_ids=charter_ids,
        goals=goals,
        plans=plans,
        signoffs=signoffs,
        signed_versions=versions,
        segments=wf.agenda.segments(),
        pair_code_of=pair_code_of,
        follow_up=follow_up,
    )


# The records after the launch as exported: table -> (column, kind), in file order. The
# column names are those of the workshop file, and docs/exports.md lists them.
FOLLOW_UP_COLUMNS: dict[str, tuple[tuple[str, ColumnKind], ...]] = {
    "checkins": (
        ("role", "text"), ("submitted_at", "datetime"), ("checkpoint_day", "int"),
        ("meetings_held", "int"), ("last_meeting", "date"), ("goal1_progress", "int"),
        ("goal2_progress", "int"), ("goal3_progress", "int"), ("fit", "text"),
        ("satisfaction", "int"), ("wants_help", "bool"), ("comment", "text"),
    ),
    "contacts": (
        ("on_date", "date"), ("kind", "text"), ("who", "text"), ("text", "text"),
        ("from_checkin", "bool"),
    ),
    "reviews": (
        ("checkpoint_day", "int"), ("held_on", "date"), ("cadence_kept", "text"),
        ("goal1_progress", "int"), ("goal2_progress", "int"), ("goal3_progress", "int"),
        ("plans_used", "text"), ("changes", "text"), ("charter_version", "int"),
    ),
    "closures": (
        ("closed_on", "date"), ("kind", "text"), ("reason", "text"), ("asked_by", "text"),
        ("rematched", "bool"), ("goal1_outcome", "text"), ("goal2_outcome", "text"),
        ("goal3_outcome", "text"),
    ),
}  # fmt: skip
_FOLLOW_UP_ORDER = {
    "checkins": "submitted_at, role, id",
    "contacts": "on_date, kind, id",
    "reviews": "checkpoint_day",
    "closures": "closed_on",
}
_BOOLEANS = frozenset({"wants_help", "rematched"})


def read_follow_up(
    conn: Any, *, include_confidential: bool
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """table -> pair id -> its records, oldest first."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table, columns in FOLLOW_UP_COLUMNS.items():
        names = [n for n, _ in columns if n != "from_checkin"]
        extra = ", checkin_id IS NOT NULL" if table == "contacts" else ""
        by_pair: dict[str, list[dict[str, Any]]] = {}
        for row in conn.execute(
            f"SELECT pair_id, {', '.join(names)}{extra} FROM {table}"
            f" ORDER BY pair_id, {_FOLLOW_UP_ORDER[table]}"
        ):
            record = dict(zip(names, row[1 : 1 + len(names)], strict=True))
            if extra:
                record["from_checkin"] = bool(row[-1])
            for name in _BOOLEANS & record.keys():
                record[name] = None if record[name] is None else bool(record[name])
            if table == "checkins" and not include_confidential:
                record["comment"] = None
            by_pair.setdefault(row[0], []).append(record)
        out[table] = by_pair
    return out


def filter_snapshot(snapshot: dict[str, Any], version: int, include: bool) -> dict[str, Any]:
    """A signed version's content with the same confidentiality rule as the live charter."""
    keep = {f.name for f in exported_columns(include_confidential=include)}
    goals = []
    for position, goal in enumerate(snapshot.get("goals", []), start=1):
        private = bool(goal.get("private"))
        entry: dict[str, Any] = {"position": position, "private": private}
        if include or not (private or goals_private()):
            entry.update({n: goal.get(n, "") for n in GOAL_PART_NAMES})
        else:
            entry["withheld"] = True
        goals.append(entry)
    plans = snapshot.get("plans", []) if include or not plans_private() else []
    return {
        "version": version,
        "fields": {k: v for k, v in snapshot.get("fields", {}).items() if k in keep},
        "goals": goals,
        "plans": [
            {"position": i, **{n: p.get(n, "") for n in PLAN_PART_NAMES}}
            for i, p in enumerate(plans, start=1)
        ],
    }


# -- values --------------------------------------------------------------------------------


def as_date(value: Any) -> date | str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)


def as_local(value: Any) -> datetime | str | None:
    """A wall-clock time as typed (no time zone)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        return str(value)


def as_utc(value: Any) -> datetime | str | None:
    """A stored record time, as an aware UTC datetime to the second."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "date": as_date,
    "datetime": as_local,
    "timestamp": as_utc,
}


_CHARTER_KINDS: dict[str, ColumnKind] = {"int": "int", "date": "date", "datetime": "datetime"}


def charter_kind(f: CharterField) -> ColumnKind:
    return _CHARTER_KINDS.get(f.kind, "text")


def attendance_word(present: bool | None) -> str:
    """The attendance column's code (the same in every language; the README explains it)."""
    return "not checked in" if present is None else ("present" if present else "absent")


# Columns whose values are codes a script reads, the same in every language, with what
# each code means (the READMEs explain them in the workshop's language). `signature` is
# `PairOverview.signature_state`; its {n} stands for a version number.
CODES: dict[str, tuple[tuple[str, str], ...]] = {
    "attendance": (
        ("present", N_("checked in at the workshop")),
        ("absent", N_("marked absent")),
        ("not checked in", N_("neither checked in nor marked absent")),
    ),
    "signature": (
        ("not signed", N_("no version of the charter is signed")),
        ("signed v{n}", N_("both partners signed version {n}, the current one")),
        (
            "signed v{n}, edited since",
            N_("both partners signed version {n}; the charter was edited after that"),
        ),
        ("version {n}, to sign", N_("version {n} was reopened and waits for signatures")),
    ),
}


# -- the tables ----------------------------------------------------------------------------


def build_tables(data: ExportData) -> list[Table]:
    """The staff tables, in the order files and sheets are written."""
    return [
        _participants(data),
        _pairs(data),
        _goals(data),
        _plans(data),
        _attendance(data),
        _agenda(data),
        _signoffs(data),
        *_follow_up(data),
    ]


_FOLLOW_UP_TITLES = {
    "checkins": ("checkins", N_("Check-ins")),
    "contacts": ("contact_log", N_("Contact and meeting log")),
    "reviews": ("reviews", N_("Checkpoint reviews")),
    "closures": ("closures", N_("Closures")),
}


def _follow_up(data: ExportData) -> list[Table]:
    """One table per kind of record after the launch, in pair-code order, then by date."""
    tables = []
    for source, columns in FOLLOW_UP_COLUMNS.items():
        name, title = _FOLLOW_UP_TITLES[source]
        t = _table(name, title, [("pair_code", "text"), *columns])
        records = data.follow_up.get(source, {})
        for o in data.overview:
            for record in records.get(o.pair_id, []):
                _add(t, [o.code, *(record[n] for n, _ in columns)])
        tables.append(t)
    return tables


def _table(name: str, title: str, columns: list[tuple[str, ColumnKind]]) -> Table:
    return Table(name, title, tuple(Column(n, k) for n, k in columns))


def _add(table: Table, values: list[Any]) -> None:
    converted = []
    for column, value in zip(table.columns, values, strict=True):
        convert = _CONVERT.get(column.kind)
        converted.append(convert(value) if convert else value)
    table.rows.append(tuple(converted))


def _participants(data: ExportData) -> Table:
    t = _table(
        "participants",
        N_("Participants"),
        [("participant_id", "text"), ("role", "text"), ("name", "text"), ("email", "text"),
         ("title", "text"), ("department", "text"), ("manager", "text"), ("pair_code", "text"),
         ("updated_at_utc", "timestamp")],
    )  # fmt: skip
    for p in data.participants:
        _add(t, [p.id, p.role, p.name, p.email, p.title, p.department, p.manager,
                 data.pair_code_of.get(p.id, ""), p.updated_at])  # fmt: skip
    return t


def _pairs(data: ExportData) -> Table:
    words = translations(data.workshop.language)
    charter = data.charter_columns
    charter_columns: list[tuple[str, ColumnKind]] = [(f.name, charter_kind(f)) for f in charter]
    t = _table(
        "pairs",
        N_("Pairs and charters"),
        [("pair_code", "text"), ("pair_id", "text"), ("mentor_name", "text"),
         ("mentor_email", "text"), ("mentee_name", "text"), ("mentee_email", "text"),
         ("complete", "bool"), ("missing_sections", "text"), ("charter_version", "int"),
         ("signed_version", "int"), ("signature", "text"), *charter_columns,
         ("charter_updated_at_utc", "timestamp")],
    )  # fmt: skip
    for o in data.overview:
        values = data.fields.get(o.pair_id, {})
        # Words for a person: the titles as the charter prints them (the JSON has the keys).
        missing = "; ".join(words.gettext(SECTION_BY_KEY[k].title) for k in o.missing)
        _add(
            t,
            [o.code, o.pair_id, o.mentor_name, o.mentor_email, o.mentee_name, o.mentee_email,
             o.complete, missing, o.version, o.signed_version, o.signature_state]
            + [values.get(f.name) for f in charter]
            + [data.charter_ids.get(o.pair_id, ("", ""))[1]],
        )  # fmt: skip
    return t


def _goals(data: ExportData) -> Table:
    t = _table(
        "goals",
        N_("SMART goals"),
        [("pair_code", "text"), ("position", "int"), ("private", "bool"), ("goal", "text"),
         ("why", "text"), ("measure", "text"), ("target_date", "date"), ("first_steps", "text"),
         ("baseline", "int"), ("updated_at_utc", "timestamp")],
    )  # fmt: skip
    for o in data.overview:
        for g in data.goals.get(o.pair_id, []):
            # The rating as a number a spreadsheet can average; empty when not rated. A value
            # the app never writes (a file edited outside it) is exported as it is stored.
            baseline = int(g.baseline) if g.baseline.isdecimal() else (g.baseline or None)
            _add(t, [o.code, g.position, g.private, g.goal, g.why, g.measure, g.target_date,
                     g.first_steps, baseline, g.updated_at])  # fmt: skip
    return t


def _plans(data: ExportData) -> Table:
    t = _table(
        "troubleshooting",
        N_("Troubleshooting plans"),
        [("pair_code", "text"), ("position", "int"), ("if_this_happens", "text"),
         ("we_will", "text"), ("exercise_id", "text"), ("updated_at_utc", "timestamp")],
    )  # fmt: skip
    for o in data.overview:
        for p in data.plans.get(o.pair_id, []):
            _add(t, [o.code, p.position, p.scenario, p.plan, p.exercise_id, p.updated_at])
    return t


def _attendance(data: ExportData) -> Table:
    t = _table(
        "attendance",
        N_("Attendance"),
        [("pair_code", "text"), ("role", "text"), ("name", "text"), ("email", "text"),
         ("attendance", "text"), ("checked_in_at_utc", "timestamp")],
    )  # fmt: skip
    people = sorted(
        data.participants,
        key=lambda p: (
            p.id not in data.pair_code_of,
            code_sort_key(data.pair_code_of.get(p.id, "")),
            p.role != "mentor",
            p.name.casefold(),
        ),
    )
    for p in people:
        _add(t, [data.pair_code_of.get(p.id, ""), p.role, p.name, p.email,
                 attendance_word(p.present), p.checked_in_at])  # fmt: skip
    return t


def _agenda(data: ExportData) -> Table:
    """Planned against actual minutes. Only a segment that was run and ended has an actual
    time; one the facilitator only looked at, or that is still running, has none."""
    t = _table(
        "agenda",
        N_("Agenda timings"),
        [("position", "int"), ("title", "text"), ("kind", "text"), ("exercise_id", "text"),
         ("planned_minutes", "number"), ("added_minutes", "number"), ("skipped", "bool"),
         ("started_at_utc", "timestamp"), ("ended_at_utc", "timestamp"),
         ("actual_minutes", "number"), ("over_minutes", "number")],
    )  # fmt: skip
    for s in data.segments:
        added = round(s.extra_seconds / 60, 1) if s.extra_seconds else None
        actual = round(s.actual_seconds / 60, 1) if s.ran and s.actual_seconds else None
        over = None if actual is None else round(actual - s.planned_minutes, 1)
        ended = s.ended_at if s.ran else None
        _add(t, [s.position, s.title, s.kind, s.exercise_id or "", s.planned_minutes, added,
                 s.skipped, s.started_at, ended, actual, over])  # fmt: skip
    return t


def _signoffs(data: ExportData) -> Table:
    t = _table(
        "signoffs",
        N_("Sign-offs"),
        [("pair_code", "text"), ("version", "int"), ("role", "text"), ("name", "text"),
         ("signed_at_utc", "timestamp"), ("current_version", "int"),
         ("edited_since_signing", "bool"), ("open_sections", "text"),
         ("paper_completed", "bool")],
    )  # fmt: skip
    for o in data.overview:
        for s in data.signoffs.get(o.pair_id, []):
            _add(t, [o.code, s.version, s.role, s.name, s.signed_at, o.version,
                     o.version > s.version, s.open_sections, s.paper_completed])  # fmt: skip
    return t


def names_note(lang: str) -> str:
    """Why the file, sheet and column names stay in English, in `lang`."""
    return translations(lang).gettext(
        "File names, sheet names and column names are the same in every language, as "
        "programs read them; the titles beside them are in the workshop's language."
    )


def code_lines(lang: str) -> list[tuple[str, str]]:
    """The codes of `CODES`, each as ("column = code", its meaning in `lang`), N standing for
    a version number; then `missing_sections`, which is words, not codes."""
    t = translations(lang)
    lines = [
        (f"{column} = {code.format(n='N')}", t.gettext(meaning).format(n="N"))
        for column, codes in CODES.items()
        for code, meaning in codes
    ]
    lines.append(
        (
            "missing_sections",
            t.gettext(
                "the sections still to complete, titled as the charter prints them "
                "(the JSON document lists their keys)"
            ),
        )
    )
    return lines


def about_lines(data: ExportData, lang: str = "en") -> list[tuple[str, str]]:
    """What every export says about itself (README file or sheet), in `lang`."""
    w = data.workshop
    t = translations(lang)
    return [
        (t.gettext("Workshop"), f"{w.program} - {w.organisation}, {w.date}"),
        (t.gettext("Source file"), data.source),
        (t.gettext("Exported at (UTC)"), data.exported_at),
        (
            t.gettext("Private content"),
            confidentiality_note(included=data.include_confidential, lang=lang),
        ),
        (
            t.gettext("Dates"),
            # Translators: the date pattern as your language writes it (JJJJ-MM-TT, AAAA-MM-GG).
            t.gettext("ISO 8601, YYYY-MM-DD"),
        ),
        (
            t.gettext("Times"),
            t.gettext(
                "Columns ending in _utc are UTC. first_meeting is the local wall-clock time the "
                "pair agreed, with no time zone."
            ),
        ),
    ]
