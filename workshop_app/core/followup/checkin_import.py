"""Import a check-in survey export: every response matched to a pair and a role, all checked
first, then all saved in one transaction or none.

A response is matched by the pair code it gives (the ready form's first question), then by the
respondent's email, then by their name (without case or accents); its role is the matched
person's, or the answer to a role question. A response that matches no pair, matches more than
one, or contradicts itself (the code of one pair, the email of another) is listed with its row
before anything is saved, as are answers that are not what their question asks for. A
response's identity is its tool, its form and its id (Google Forms gives none: its timestamp
and email), so importing the same export, or a later one that holds it, adds it once.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.core.charters.dates import format_date, format_number
from workshop_app.core.errors import UserError
from workshop_app.core.followup.survey_dates import day_first_for, iso_when, parse_when
from workshop_app.core.followup.survey_mapping import (
    IGNORED,
    IGNORED_LABEL,
    MEANINGS,
    SavedForm,
    form_name_for,
    guess_mapping,
    parse_answer,
    saved_forms,
    signature,
)
from workshop_app.core.followup.survey_read import SurveyTable, read_survey
from workshop_app.core.i18n import N_, _, ngettext, translations
from workshop_app.core.model import Pair, Participant, pair_by_person
from workshop_app.core.plain_text import plain
from workshop_app.core.roster.importer import ImportProblem
from workshop_app.core.roster.store import format_code, normalise_code
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import normalise_email, storable_text

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

# What Microsoft Forms writes for the email and name of someone who answered a form that
# anyone can answer, in the languages the headers are known in.
ANONYMOUS = frozenset({"anonymous", "anonimo", "anonym", "anonyme", "anónimo", "anônimo"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]+")
# The fit as a check-in's log line says it; marked here, written in the workshop's language.
FIT_WORDS = {
    "good": N_("a good fit"),
    "deciding": N_("still deciding"),
    "not_a_fit": N_("not a fit"),
}


@dataclass(slots=True)
class Response:
    row: int
    key: str
    pair_id: str
    code: str
    role: str
    person: str  # who answered, as the roster names them ("" when only the code is known)
    submitted_at: str
    values: dict[str, Any]


@dataclass(slots=True)
class CheckinPlan:
    table: SurveyTable
    form: SavedForm | None  # the saved form whose mapping this is (None: a new form)
    form_name: str
    signature: str
    mapping: dict[str, str]  # header -> meaning, for every question column ("" = not used)
    today: date  # no response can have been sent after it (this machine's clock by default)
    responses: list[Response] = field(default_factory=list)
    already: int = 0
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.table.source

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def ignored_columns(self) -> list[str]:
        return [h for h, meaning in self.mapping.items() if meaning == IGNORED]

    def summary(self) -> list[str]:
        pairs = {r.pair_id for r in self.responses}
        if self.form is not None and self.form.mapping == self.mapping:
            head = _("{source}: a {tool} export, the saved mapping '{mapping}'")
            mapping = self.form.name
        else:
            head = _("{source}: a {tool} export, a new mapping, saved as '{mapping}'")
            mapping = self.form_name
        n, already = len(self.responses), self.already
        # One sentence in three counted parts: each part has its own plural.
        to_import = ngettext("{n} response to import", "{n} responses to import", n)
        from_pairs = ngettext("from {n} pair", "from {n} pairs", len(pairs))
        done = ngettext("{n} response already imported", "{n} responses already imported", already)
        lines = [
            head.format(source=self.source, tool=self.table.shape.tool_name, mapping=mapping),
            "  "
            + _("{to_import}, {from_pairs}; {already}").format(
                to_import=to_import.format(n=n),
                from_pairs=from_pairs.format(n=len(pairs)),
                already=done.format(n=already),
            ),
        ]
        if self.ignored_columns:
            columns = ", ".join(self.ignored_columns)
            lines.append("  " + _("columns not used: {columns}").format(columns=columns))
        return lines

    def mapping_lines(self) -> list[str]:
        return [
            f"  {header} -> {_(MEANINGS.get(meaning, IGNORED_LABEL))}"
            for header, meaning in self.mapping.items()
        ]


class _Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[ImportProblem] = []

    def add(self, row: int | None, column: str | None, message: str) -> None:
        self.items.append(ImportProblem(self.source, row, column, message))


def plan_checkins(
    wf: WorkshopFile, path: Path, *, mapping_name: str | None = None, today: date | None = None
) -> CheckinPlan:
    """Read and check a survey export against the workshop; change nothing."""
    return plan_table(wf, read_survey(Path(path)), mapping_name=mapping_name, today=today)


def plan_table(
    wf: WorkshopFile,
    table: SurveyTable,
    *,
    mapping_name: str | None = None,
    today: date | None = None,
) -> CheckinPlan:
    """Check an export already read (`read_survey`, on a worker thread) against the workshop."""
    forms = saved_forms(wf)
    sig = signature(table)
    if mapping_name is not None:
        form = next((f for f in forms if f.name == mapping_name), None)
        if form is None:
            known = ", ".join(repr(f.name) for f in forms) or _("none yet")
            raise UserError(
                _("There is no saved mapping named {name} (saved mappings: {known}).").format(
                    name=repr(mapping_name), known=known
                )
            )
    else:
        form = next((f for f in forms if f.signature == sig), None)
    if form is not None:
        mapping = _complete(table, form.mapping)
        name = form.name
    else:
        mapping = _complete(table, guess_mapping(table.questions))
        name = form_name_for(table.source, table.shape.tool_name, {f.name for f in forms})
    return check_plan(
        wf, table, form=form, form_name=name, mapping=mapping, today=today or date.today()
    )


def _complete(table: SurveyTable, mapping: dict[str, str]) -> dict[str, str]:
    return {c.header: mapping.get(c.header, IGNORED) for c in table.questions}


def replan(wf: WorkshopFile, plan: CheckinPlan, mapping: dict[str, str]) -> CheckinPlan:
    """The same export checked again with a mapping the user corrected."""
    return check_plan(
        wf,
        plan.table,
        form=plan.form,
        form_name=plan.form_name,
        mapping=_complete(plan.table, mapping),
        today=plan.today,
    )


def check_plan(
    wf: WorkshopFile,
    table: SurveyTable,
    *,
    form: SavedForm | None,
    form_name: str,
    mapping: dict[str, str],
    today: date,
) -> CheckinPlan:
    _program_must_be_open(wf)
    plan = CheckinPlan(
        table=table,
        form=form,
        form_name=form_name,
        signature=signature(table),
        mapping=mapping,
        today=today,
    )
    problems = _Problems(table.source)
    columns = _meaning_columns(table, mapping, problems)
    if not problems.items:
        _check_rows(wf, table, columns, plan, problems)
    plan.problems = problems.items
    return plan


def _program_must_be_open(wf: WorkshopFile) -> None:
    """After the close-out the file is the program's record (and after anonymising, an
    import would bring names, emails and comments back): check-ins are refused."""
    workshop = wf.workshop()
    if workshop.program_closed_on:
        when = format_date(workshop.program_closed_on, workshop.language or "en")
        raise UserError(
            _(
                "The program was closed on {day}: its file is the program's record, and "
                "check-ins are no longer imported into it."
            ).format(day=when)
        )


def _meaning_columns(
    table: SurveyTable, mapping: dict[str, str], problems: _Problems
) -> dict[str, int]:
    columns: dict[str, int] = {}
    for column in table.questions:
        meaning = mapping.get(column.header, IGNORED)
        if meaning == IGNORED:
            continue
        if meaning in columns:
            first = table.headers[columns[meaning]]
            problems.add(
                1,
                column.header,
                _(
                    "this column and '{first}' are both mapped to '{meaning}'; "
                    "map one of them to '{not_used}'"
                ).format(first=first, meaning=_(MEANINGS[meaning]), not_used=_(IGNORED_LABEL)),
            )
            continue
        columns[meaning] = column.index
    shape = table.shape
    if not set(columns) - {"pair_code", "role", "email", "name"}:
        problems.add(
            1,
            None,
            _(
                "no question of this export is mapped to a check-in answer (meetings, goals, "
                "fit, satisfaction, help, comment); map the question columns, or use the ready "
                "form (workshop-app checkins form)"
            ),
        )
    identifies = {"pair_code", "email", "name"} & set(columns)
    if not identifies and shape.email_column is None and shape.first_name_column is None:
        problems.add(
            1, None, _("nothing in this export says who answered: map the pair code question")
        )
    return columns


@dataclass(slots=True)
class _Roster:
    by_code: dict[str, Pair]
    by_email: dict[str, Participant]
    by_name: dict[str, list[Participant]]
    pair_of: dict[str, Pair]
    people: dict[str, Participant]
    typed: dict[str, Pair | None] = field(default_factory=dict)  # a code as typed -> its pair


def _roster(wf: WorkshopFile) -> _Roster:
    people = {p.id: p for p in wf.roster.participants()}
    pairs = wf.roster.pairs()
    by_name: dict[str, list[Participant]] = defaultdict(list)
    for person in people.values():
        by_name[plain(person.name)].append(person)
    return _Roster(
        by_code={p.code: p for p in pairs},
        by_email={p.email: p for p in people.values()},
        by_name=dict(by_name),
        pair_of=pair_by_person(pairs),  # without a code, a re-matched person's open pair
        people=people,
    )


def _pair_for_code(text: str, roster: _Roster) -> Pair | None:
    """The pair a typed code names: as the charter prints it (P07), in any case and spacing
    ("p 07"), or as its number alone ("7", "07"), as people type it into a form. Each text
    is looked at once: a pair's partners type the same code five times a program."""
    if text in roster.typed:
        return roster.typed[text]
    roster.typed[text] = _find_code(text, roster)
    return roster.typed[text]


def _find_code(text: str, roster: _Roster) -> Pair | None:
    try:
        code = normalise_code("".join(text.split()))
    except UserError:
        return None
    if code.isdigit():
        code = format_code(int(code))
    return roster.by_code.get(code)


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _check_rows(
    wf: WorkshopFile,
    table: SurveyTable,
    columns: dict[str, int],
    plan: CheckinPlan,
    problems: _Problems,
) -> None:
    shape = table.shape
    roster = _roster(wf)
    stored = {k for (k,) in wf.conn.execute("SELECT response_key FROM checkins")}
    closed = dict(wf.conn.execute("SELECT pair_id, closed_on FROM closures").fetchall())
    lang = wf.workshop().language or "en"
    submitted_header = table.header(shape.submitted_column)
    when_first = day_first_for(
        (_cell(c, shape.submitted_column) for _, c in table.rows), hint=shape.day_first
    )
    day_first = (
        day_first_for((_cell(c, columns["last_meeting"]) for _, c in table.rows), hint=when_first)
        if "last_meeting" in columns
        else when_first
    )
    today = plan.today
    seen: dict[str, int] = {}
    known: dict[str, dict[str, tuple[Any, str | None]]] = {}  # meaning -> answer -> parsed
    for row, cells in table.rows:
        raw_when = _cell(cells, shape.submitted_column)
        when = parse_when(raw_when, day_first=when_first)
        if when is None:
            problems.add(
                row,
                submitted_header,
                _("{text} is not a date and time").format(text=repr(raw_when))
                if raw_when
                else _("the time it was sent is empty"),
            )
            continue
        # A response cannot have been sent after today by this machine's clock (a wrong
        # clock or year where the export was made): its dates would count as future meetings.
        sent_on = (when.astimezone() if when.tzinfo else when).date()
        if sent_on > today:
            problems.add(
                row,
                submitted_header,
                _(
                    "{text} is after today ({today}): a response cannot be sent in the future"
                ).format(text=repr(raw_when), today=format_date(today, lang)),
            )
            continue
        sent = iso_when(when)  # once a row: it is the key, the closure check and the record
        key = _response_key(plan.signature, shape.tool, cells, shape, sent, columns)
        if key is None:
            problems.add(row, table.header(shape.id_column or 0), _("the response has no id"))
            continue
        if key in seen:
            problems.add(
                row, None, _("this is the same response as row {row}").format(row=seen[key])
            )
            continue
        seen[key] = row
        values, ok = _values(table, row, cells, columns, when.date(), day_first, problems, known)
        match = _match(table, row, cells, columns, values, roster, problems)
        if match is None or not ok:
            continue
        if key in stored:
            plan.already += 1
            continue
        pair, role, person = match
        closed_on = closed.get(pair.id)
        if closed_on is not None and sent[:10] > closed_on:
            problems.add(
                row,
                submitted_header,
                _("pair {code} was closed on {day}; this response was sent after that").format(
                    code=pair.code, day=format_date(closed_on, lang)
                ),
            )
            continue
        plan.responses.append(
            Response(
                row=row,
                key=key,
                pair_id=pair.id,
                code=pair.code,
                role=role,
                person=person,
                submitted_at=sent,
                values=values,
            )
        )


def _response_key(
    sig: str,
    tool: str,
    cells: list[str],
    shape: Any,
    sent: str,
    columns: dict[str, int],
) -> str | None:
    if shape.id_column is not None:
        rid = _cell(cells, shape.id_column)
        return f"{tool}:{sig}:{rid}" if rid else None
    email = normalise_email(_cell(cells, shape.email_column))
    # Without an email (a form that collects none), two people who sent it in the same second
    # are told apart by the pair code they gave.
    extra = "" if email else plain(_cell(cells, columns.get("pair_code")))
    return f"{tool}:{sig}:{sent}:{email}:{extra}"


def _values(
    table: SurveyTable,
    row: int,
    cells: list[str],
    columns: dict[str, int],
    submitted: date,
    day_first: bool,
    problems: _Problems,
    known: dict[str, dict[str, tuple[Any, str | None]]],
) -> tuple[dict[str, Any], bool]:
    values: dict[str, Any] = {}
    ok = True
    width = len(cells)
    for meaning, index in columns.items():
        text = cells[index] if index < width else ""
        if meaning == "comment":
            values[meaning] = storable_text(_CONTROL.sub(" ", text)).strip() if text else ""
            continue
        # The same answer means the same everywhere but for a date (checked against the day
        # the response was sent): a 10,000-row export has a few dozen different answers.
        answers = known.get(meaning)
        if answers is None:
            answers = known[meaning] = {}
        found = answers.get(text) if meaning != "last_meeting" else None
        if found is None:
            found = parse_answer(
                meaning,
                text,
                separator=table.shape.separator,
                day_first=day_first,
                submitted=submitted,
            )
            if meaning != "last_meeting":
                answers[text] = found
        value, problem = found
        if problem:
            problems.add(row, table.headers[index], problem)
            ok = False
        values[meaning] = value
    return values, ok


def _match(
    table: SurveyTable,
    row: int,
    cells: list[str],
    columns: dict[str, int],
    values: dict[str, Any],
    roster: _Roster,
    problems: _Problems,
) -> tuple[Pair, str, str] | None:
    """The response's pair, role and person, or None with the reason listed."""
    shape = table.shape
    code_header = table.headers[columns["pair_code"]] if "pair_code" in columns else None
    code_pair: Pair | None = None
    raw_code = str(values.get("pair_code") or "").strip()
    if raw_code:
        code_pair = _pair_for_code(raw_code, roster)
    email = normalise_email(str(values.get("email") or _cell(cells, shape.email_column)))
    if plain(email) in ANONYMOUS:
        email = ""
    name = str(values.get("name") or "").strip() or " ".join(
        p
        for p in (_cell(cells, shape.first_name_column), _cell(cells, shape.last_name_column))
        if p
    )
    if plain(name) in ANONYMOUS:
        name = ""
    by_email = roster.by_email.get(email) if email else None
    named = roster.by_name.get(plain(name), []) if name else []
    # Who answered, if the roster knows them: by email, else by a name only one person has
    # (or only one person of the pair the code names).
    person = by_email
    if person is None and named:
        if code_pair is not None:
            inside = [p for p in named if p.id in (code_pair.mentor_id, code_pair.mentee_id)]
            named = inside or named
        if len(named) == 1:
            person = named[0]
    person_pair = roster.pair_of.get(person.id) if person is not None else None
    # The code may name a closed pair of someone re-matched since: that is their pair too.
    if (
        person is not None
        and code_pair is not None
        and person.id
        in (
            code_pair.mentor_id,
            code_pair.mentee_id,
        )
    ):
        person_pair = code_pair
    if code_pair is not None and person is not None and person_pair is not code_pair:
        if person is by_email:
            # Translators: "the code gives pair P01, but the email ann@x.org is Ann Rossi's,
            # who is in pair P02".
            message = _("the code gives pair {code}, but the email {email} is {person}'s, {where}")
        else:
            message = _("the code gives pair {code}, but the name {name} is {person}'s, {where}")
        where = (
            _("who is in pair {code}").format(code=person_pair.code)
            if person_pair
            else _("who is in no pair")
        )
        problems.add(
            row,
            code_header,
            message.format(
                code=code_pair.code, email=email, name=repr(name), person=person.name, where=where
            ),
        )
        return None
    pair = code_pair or person_pair
    if pair is None:
        if person is not None:
            problems.add(row, None, _("{person} is not in a pair").format(person=person.name))
        elif len(named) > 1:
            problems.add(
                row,
                None,
                ngettext(
                    "{n} participant is called {name}; add the pair code question to the form, "
                    "or collect emails",
                    "{n} participants are called {name}; add the pair code question to the "
                    "form, or collect emails",
                    len(named),
                ).format(n=len(named), name=repr(name)),
            )
        else:
            given = [
                _("code {code}").format(code=repr(raw_code)) if raw_code else "",
                _("email {email}").format(email=email) if email else "",
                _("name {name}").format(name=repr(name)) if name else "",
            ]
            said = ", ".join(g for g in given if g) or _("no pair code, email or name")
            problems.add(
                row, code_header, _("matches no pair in this workshop ({said})").format(said=said)
            )
        return None
    stated = values.get("role")
    role = person.role if person is not None else stated
    if person is not None and stated and stated != person.role:
        problems.add(
            row,
            table.headers[columns["role"]],
            (
                _("the answer says mentee, but {person} is the mentor of pair {code}")
                if person.role == "mentor"
                else _("the answer says mentor, but {person} is the mentee of pair {code}")
            ).format(person=person.name, code=pair.code),
        )
        return None
    if role is None:
        problems.add(
            row,
            code_header,
            _(
                "pair {code}, but not whether its mentor or its mentee answered: add the "
                "role question to the form, or collect emails"
            ).format(code=pair.code),
        )
        return None
    if person is None:
        person = roster.people.get(pair.mentor_id if role == "mentor" else pair.mentee_id)
    return pair, role, person.name if person is not None else ""


@dataclass(frozen=True, slots=True)
class CheckinResult:
    added: int
    already: int
    meetings_logged: int
    form_name: str

    def summary(self) -> str:
        """E.g. "12 responses imported, 3 meetings logged; 4 responses already imported"."""
        added = ngettext("{n} response imported", "{n} responses imported", self.added)
        logged = ngettext("{n} meeting logged", "{n} meetings logged", self.meetings_logged)
        already = ngettext(
            "{n} response already imported", "{n} responses already imported", self.already
        )
        return _("{added}, {logged}; {already}").format(
            added=added.format(n=self.added),
            logged=logged.format(n=self.meetings_logged),
            already=already.format(n=self.already),
        )


def checkin_summary(
    role: str, values: Mapping[str, Any], lang: str | None, dates: dict[date, str] | None = None
) -> str:
    """A check-in response in one line, as the contact log stores it: written for the
    program, so in the workshop's language `lang`. `values` are the answers by meaning
    (`MEANINGS`); `dates`: dates formatted so far."""
    t = translations(lang)
    v = values.get
    dates = {} if dates is None else dates
    checkpoint = v("checkpoint")
    if checkpoint is None:
        head = t.gettext("Mentor check-in") if role == "mentor" else t.gettext("Mentee check-in")
    elif role == "mentor":
        head = t.gettext("Mentor check-in (day {day})").format(day=checkpoint)
    else:
        head = t.gettext("Mentee check-in (day {day})").format(day=checkpoint)
    parts = [head]
    if (held := v("meetings_held")) is not None:
        parts.append(
            t.ngettext(
                "{n} meeting since the last checkpoint",
                "{n} meetings since the last checkpoint",
                held,
            ).format(n=format_number(held, lang or "en"))
        )
    if (met := v("last_meeting")) is not None:
        shown = dates.get(met)
        if shown is None:
            shown = dates[met] = format_date(met, lang or "en")
        # Translators: "last met 3 March 2027", the date in Babel's long form.
        parts.append(t.gettext("last met {date}").format(date=shown))
    for n, name in _GOALS:
        if progress := v(name):
            parts.append(t.gettext("goal {n} at {progress} of 5").format(n=n, progress=progress))
    if fit := v("fit"):
        parts.append(t.gettext(FIT_WORDS[fit]))
    if (satisfaction := v("satisfaction")) is not None:
        parts.append(t.gettext("satisfaction {score} of 5").format(score=satisfaction))
    if v("wants_help") == 1:
        parts.append(t.gettext("would like help from the program team"))
    return "; ".join(parts)


def meeting_reported(role: str, lang: str | None) -> str:
    """The log line of the meeting a check-in reports, in the workshop's language `lang`."""
    t = translations(lang)
    if role == "mentor":
        return t.gettext("Meeting reported in the mentor's check-in")
    return t.gettext("Meeting reported in the mentee's check-in")


_GOALS = ((1, "goal1"), (2, "goal2"), (3, "goal3"))


def apply_checkins(wf: WorkshopFile, plan: CheckinPlan) -> CheckinResult:
    """Save a checked plan in one transaction: the form's mapping, the responses, and the
    contact log's entries for them. A plan with problems is refused whole."""
    if plan.problems:
        raise UserError(
            ngettext(
                "{source} has {n} problem; nothing was imported.",
                "{source} has {n} problems; nothing was imported.",
                len(plan.problems),
            ).format(source=plan.source, n=len(plan.problems)),
            details=[str(p) for p in plan.problems],
        )
    now = utc_now()
    lang = wf.workshop().language
    conn = wf.conn
    audit: list[tuple[str, str, str, Any, Any, str | None]] = []
    with wf.transaction():
        # What the preview was made against may have changed since (a pair broken up, the
        # same export imported from another window): checked again inside the transaction.
        _program_must_be_open(wf)
        pairs = {pid for (pid,) in conn.execute("SELECT id FROM pairs")}
        stored = {k for (k,) in conn.execute("SELECT response_key FROM checkins")}
        closed = dict(conn.execute("SELECT pair_id, closed_on FROM closures").fetchall())
        if any(
            r.pair_id not in pairs
            or r.key in stored
            or r.submitted_at[:10] > closed.get(r.pair_id, "9999")
            for r in plan.responses
        ):
            raise UserError(
                _(
                    "The workshop changed since {source} was checked; nothing was imported. "
                    "Check the export again."
                ).format(source=plan.source)
            )
        form_id = _save_form(wf, plan, now, audit)
        meeting_days = {
            (pid, day)
            for pid, day in conn.execute(
                "SELECT pair_id, on_date FROM contacts WHERE kind = 'meeting'"
            )
        }
        checkins: list[dict[str, Any]] = []
        contacts: list[dict[str, Any]] = []
        dates: dict[date, str] = {}  # each date formatted once (Babel is slow, dates repeat)
        for response in plan.responses:
            cid = new_id()
            value = response.values.get
            met = value("last_meeting")
            last = met.isoformat() if met is not None else ""
            checkins.append(
                {
                    "id": cid,
                    "pair_id": response.pair_id,
                    "role": response.role,
                    "response_key": response.key,
                    "form_id": form_id,
                    "submitted_at": response.submitted_at,
                    "checkpoint_day": value("checkpoint"),
                    "meetings_held": value("meetings_held"),
                    "last_meeting": last,
                    "goal1_progress": value("goal1"),
                    "goal2_progress": value("goal2"),
                    "goal3_progress": value("goal3"),
                    "fit": value("fit") or "",
                    "satisfaction": value("satisfaction"),
                    "wants_help": value("wants_help"),
                    "comment": value("comment") or "",
                    "updated_at": now,
                }
            )
            text = checkin_summary(response.role, response.values, lang, dates)
            # One audit row per response: its log entries are part of it (they go with it).
            audit.append(("checkins", cid, "*created*", None, text, response.pair_id))
            contacts.append(
                _contact(
                    response.pair_id,
                    response.submitted_at[:10],
                    "checkin",
                    response.role,
                    text,
                    cid,
                    now,
                )
            )
            if last and (response.pair_id, last) not in meeting_days:
                meeting_days.add((response.pair_id, last))
                contacts.append(
                    _contact(
                        response.pair_id,
                        last,
                        "meeting",
                        "both",
                        meeting_reported(response.role, lang),
                        cid,
                        now,
                    )
                )
        # Random ids go into indexes the size of the whole program's records: with SQLite's
        # default 2 MB page cache, pages of them are written out and read back many times
        # over before the commit. For this one write the cache holds them all.
        with _page_cache(conn, mb=64):
            wf.insert_all("checkins", checkins)
            wf.insert_all("contacts", contacts)
            wf.audit_many(audit, at=now)
    return CheckinResult(
        added=len(checkins),
        already=plan.already,
        meetings_logged=sum(1 for c in contacts if c["kind"] == "meeting"),
        form_name=plan.form_name,
    )


@contextmanager
def _page_cache(conn: sqlite3.Connection, *, mb: int) -> Iterator[None]:
    (before,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = {-mb * 1024}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


def _contact(
    pair_id: str, on_date: str, kind: str, who: str, text: str, checkin_id: str, now: str
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "pair_id": pair_id,
        "on_date": on_date,
        "kind": kind,
        "who": who,
        "text": text,
        "checkin_id": checkin_id,
        "updated_at": now,
    }


def _save_form(
    wf: WorkshopFile,
    plan: CheckinPlan,
    now: str,
    audit: list[tuple[str, str, str, Any, Any, str | None]],
) -> str:
    """The form's row in `checkin_forms`: made for a new form, its mapping brought up to date
    (and its signature, when --mapping chose it for an export of changed questions)."""
    mapping = json.dumps(plan.mapping, ensure_ascii=False, sort_keys=True)
    form = plan.form
    if form is None:
        form_id = new_id()
        wf.insert(
            "checkin_forms",
            {
                "id": form_id,
                "name": plan.form_name,
                "source": plan.table.shape.tool,
                "signature": plan.signature,
                "mapping": mapping,
                "updated_at": now,
            },
        )
        audit.append(("checkin_forms", form_id, "*created*", None, plan.form_name, None))
        return form_id
    old = json.dumps(form.mapping, ensure_ascii=False, sort_keys=True)
    if old != mapping or form.signature != plan.signature:
        wf.conn.execute(
            "UPDATE checkin_forms SET mapping = ?, signature = ?, updated_at = ? WHERE id = ?",
            (mapping, plan.signature, now, form.id),
        )
        audit.append(("checkin_forms", form.id, "mapping", old, mapping, None))
    return form.id
