"""Each pair's health after the launch, judged against its own signed charter.

`follow_up()` reads the whole program in a handful of queries (never per pair, never a charter
rendered) and says, per pair, in words: how often it agreed to meet and how that is going, where
each goal stands against its baseline, its checkpoints, and why it is at risk, each reason with
the pair's own troubleshooting plan for that situation. Every threshold is the pair's own: its
agreed interval with a grace of half an interval, its own baselines, its own review days.

The page, the `follow-up` command, the nudges, the board and the outcomes report all read this;
nothing else computes health.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from workshop_app.core.charter_fields import choice_label
from workshop_app.core.charters.context import clean
from workshop_app.core.followup.cadence import CHOICE_DAYS
from workshop_app.core.followup.cadence import cadence as agreed_cadence
from workshop_app.core.followup.checkpoints import (
    Checkpoint,
    checkpoint_of,
    day_text,
    next_due,
    pair_checkpoints,
    review_days,
    screen_language,
)
from workshop_app.core.followup.troubleshooting import SITUATIONS, plan_for
from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.core.model import Plan
from workshop_app.core.roster.store import code_sort_key

if TYPE_CHECKING:
    from workshop_app.core.content.model import Library
    from workshop_app.core.store.access import OpenWorkshop

__all__ = [
    "Checkpoint",
    "FollowUp",
    "GoalProgress",
    "PairHealth",
    "Reason",
    "follow_up",
]

# A goal rated at or below its baseline counts as stalled only after the first checkpoint's
# month: the first weeks are for getting started.
STALLED_AFTER_DAY = 30
# "Still deciding" on the fit is a reason from this day on (the charter's second review).
DECIDING_FROM_DAY = 90
# A satisfaction rating at or below this (of 5) is a reason.
UNHAPPY_AT = 2
# Cancellations in a row, with no meeting between, that make a reason.
CANCELLATIONS_IN_A_ROW = 2
# Without an agreed interval, the days after the first meeting before "no contact at all".
NO_CADENCE_GRACE_DAYS = 7
_CONCERN_CHARS = 80
# The health words are read on the coordinator's screen (the Follow-up page, the CLI): they
# are in the interface language, and so are their dates (`screen_language`).
_AGREED = {
    "weekly": N_("agreed weekly"),
    "biweekly": N_("agreed every two weeks"),
    "monthly": N_("agreed monthly"),
}
_ROLES = {"mentor": N_("mentor"), "mentee": N_("mentee")}


@dataclass(frozen=True, slots=True)
class GoalProgress:
    position: int  # 1-3
    title: str  # the goal's words ("" when private: never shown to staff)
    baseline: int | None  # 1-5, the mentee's rating at signing
    latest: int | None  # 1-5, the latest check-in or review
    moving: bool | None  # latest > baseline (None: not known)


@dataclass(frozen=True, slots=True)
class Reason:
    kind: str  # a key of troubleshooting.SITUATIONS
    text: str  # "agreed every two weeks; last meeting 41 days ago (3 missed)"
    plan: str  # the pair's own troubleshooting plan for this situation, "" if none fits
    scenario: str  # the library scenario's title for it ("" if none)
    next_step: str  # what staff do next, in words
    # Whose own check-in answer it is ("mentor", "mentee", "both"), "" for the pair's record:
    # a draft to the pair leaves one partner's answers (fit, satisfaction, help) unsaid.
    who: str = ""


@dataclass(frozen=True, slots=True)
class PairHealth:
    pair_id: str
    code: str
    mentor: str
    mentee: str
    closed: bool  # a closure exists (closed pairs are never at risk)
    cadence: str  # "every two weeks" ("" when not agreed)
    cadence_days: int | None
    last_meeting: date | None
    missed: int  # meetings missed against the cadence since the first meeting
    # None: not known yet (no first meeting or before it, no interval agreed, nothing logged)
    on_cadence: bool | None
    goals: tuple[GoalProgress, ...]
    checkpoints: tuple[Checkpoint, ...]
    next_due: Checkpoint | None
    reasons: tuple[Reason, ...]
    words: tuple[str, ...]  # the pair's health in words, one line each
    signed: bool = False  # both partners signed a version of the charter
    checkins: int = 0  # check-in responses received from either partner
    first_meeting: date | None = None
    # Meetings cancelled since the last one held, and the day of the last: the nudge says
    # them in the pair's language (the reasons' texts are in the interface's).
    cancelled: int = 0
    cancelled_last: date | None = None

    @property
    def at_risk(self) -> bool:
        return bool(self.reasons) and not self.closed

    @property
    def due_this_week(self) -> bool:
        """A checkpoint is due within a week either side of today (the "due this week"
        filter); a closed pair has nothing due."""
        return not self.closed and any(c.state == "due" for c in self.checkpoints)

    @property
    def overdue(self) -> bool:
        """A checkpoint is overdue (the "overdue" filter)."""
        return not self.closed and any(c.state == "overdue" for c in self.checkpoints)


@dataclass(frozen=True, slots=True)
class FollowUp:
    today: date
    pairs: tuple[PairHealth, ...]  # in pair code order

    def pair(self, pair_id: str) -> PairHealth | None:
        return next((p for p in self.pairs if p.pair_id == pair_id), None)

    def updated(self, part: FollowUp, pair_ids: Collection[str]) -> FollowUp:
        """This follow-up with the pairs `pair_ids` as `part` (`follow_up(..., pair_ids=...)`
        on the same day) has them: a pair gone from the workshop leaves, a new one joins in
        code order, every other pair stays as it was."""
        ids = set(pair_ids)
        pairs = [p for p in self.pairs if p.pair_id not in ids]
        pairs.extend(part.pairs)
        pairs.sort(key=lambda p: code_sort_key(p.code))
        return FollowUp(today=part.today, pairs=tuple(pairs))


def follow_up(
    wf: OpenWorkshop,
    *,
    today: date,
    library: Library | None = None,
    pair_ids: Collection[str] | None = None,
) -> FollowUp:
    """Every pair's health on `today`, or only the pairs `pair_ids` (the same reading narrowed
    to them: a log entry recomputes its own pair, see `FollowUp.updated`). `library` names the
    troubleshooting scenarios (load it once and pass it in; without it the reasons carry no
    scenario titles)."""
    with _collector_paused():
        records = _read(wf, pair_ids)
        judged = [_pair_health(row, records, today) for row in records.pairs]
        # The pairs' own plans are read for the pairs with a reason only.
        plans = _read_plans(wf, [key for key, found, _ in judged if found])
        pairs = [
            replace(health, reasons=_with_plans(found, plans.get(key, ()), library))
            if found
            else health
            for key, found, health in judged
        ]
        pairs.sort(key=lambda p: code_sort_key(p.code))
    return FollowUp(today=today, pairs=tuple(pairs))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a program's health is built. That makes tens of
    thousands of small objects holding no cycles, and the collections they set off walk the
    whole heap (the exercise library, the app): measured on 2,000 pairs, about a third of the
    time. Reference counting still frees everything; the collector resumes as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- reading the whole program at once ----------------------------------------------------


Contact = tuple[date, str, bool, str]  # (on date, kind, by staff, a concern's words)
Review = tuple[int, date | None, tuple[Any, ...]]  # (checkpoint day, held on, progress 1-3)


@dataclass(slots=True)
class _Checkin:
    role: str
    day: int | None  # the checkpoint it answers (worked out per pair, see _pair_health)
    submitted: date | None
    checkpoint_day: int | None
    meetings_held: int | None
    last_meeting: date | None
    progress: tuple[int | None, int | None, int | None]
    fit: str
    satisfaction: int | None
    wants_help: bool


@dataclass(slots=True)
class _Records:
    """The program's follow-up records, by the pair's rowid (an integer: a program's 20,000
    rows are grouped without decoding the pair's id text for each)."""

    lang: str
    pairs: list[tuple[Any, ...]]
    goals: dict[int, list[tuple[Any, ...]]] = field(default_factory=dict)
    signed: set[int] = field(default_factory=set)
    checkins: dict[int, list[_Checkin]] = field(default_factory=dict)
    contacts: dict[int, list[Contact]] = field(default_factory=dict)
    reviews: dict[int, list[Review]] = field(default_factory=dict)
    closures: dict[int, tuple[Any, ...]] = field(default_factory=dict)


# Every follow-up table joined to its pair, to group rows by the pair's integer rowid.
_BY_PAIR = " JOIN pairs p ON p.id = {table}.pair_id"
# Narrows a reading to some pairs, given as one JSON list (any number of them, one parameter).
_PAIRS_IN = "p.id IN (SELECT value FROM json_each(?))"
_ROWIDS_IN = "p.rowid IN (SELECT value FROM json_each(?))"


def _where(*conditions: str) -> str:
    kept = [f"({c})" for c in conditions if c]
    return " WHERE " + " AND ".join(kept) if kept else ""


# The texts of a few known values arrive as their index here (a text read is a text decoded):
# the answers on the fit, and the log's kinds health looks at (any other kind as "").
_FITS = ("", "good", "deciding", "not_a_fit")
_LOG_KINDS = ("", "meeting", "cancelled", "concern")


def _code(column: str, values: Sequence[str]) -> str:
    """SQL for the index of `column`'s value in `values`, 0 (the first) for any other."""
    cases = " ".join(f"WHEN '{value}' THEN {i}" for i, value in enumerate(values) if value)
    return f"CASE {column} {cases} ELSE 0 END"


def _day(column: str) -> str:
    """SQL for the ISO date at the start of `column` as a day number (Python's ordinal; NULL
    when it is not a date): tens of thousands of dates arrive as integers, not texts to
    decode and parse."""
    return (
        f"CASE WHEN {column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
        f" THEN CAST(julianday(substr({column}, 1, 10)) - 1721424.5 AS INTEGER) END"
    )


def _read(wf: OpenWorkshop, pair_ids: Collection[str] | None) -> _Records:
    """The records of every pair, or of the pairs `pair_ids`: the same queries, narrowed."""
    conn = wf.conn
    only, params = ("", ()) if pair_ids is None else (_PAIRS_IN, (json.dumps(list(pair_ids)),))
    (lang,) = conn.execute("SELECT language FROM workshop").fetchone()
    day = _Days()
    out = _Records(
        lang=screen_language(lang),
        pairs=conn.execute(
            "SELECT p.rowid, p.id, p.code, m.name, e.name, c.meeting_frequency,"
            f" c.meeting_frequency_custom, {_day('c.first_meeting')}, c.review_days"
            " FROM pairs p JOIN participants m ON m.id = p.mentor_id"
            " JOIN participants e ON e.id = p.mentee_id"
            " LEFT JOIN charters c ON c.pair_id = p.id" + _where(only),
            params,
        ).fetchall(),
    )
    for pair, *goal in conn.execute(
        "SELECT p.rowid, g.position, CASE WHEN g.private THEN '' ELSE g.goal END,"
        " CASE WHEN g.baseline != '' THEN CAST(g.baseline AS INTEGER) END, g.private,"
        " g.goal != '' FROM goals g"
        + _BY_PAIR.format(table="g")
        + _where(only)
        + " ORDER BY g.position",
        params,
    ):
        out.goals.setdefault(pair, []).append(tuple(goal))
    roles: dict[tuple[int, int], int] = {}
    for pair, version, signers in conn.execute(
        "SELECT p.rowid, s.version, count(DISTINCT s.role) FROM signoffs s"
        + _BY_PAIR.format(table="s")
        + _where("s.role IN ('mentor', 'mentee')", only)
        + " GROUP BY p.rowid, s.version",
        params,
    ):
        roles[(pair, version)] = signers
    out.signed = {pair for (pair, _), signers in roles.items() if signers == 2}
    for row in conn.execute(
        f"SELECT p.rowid, c.role = 'mentee', {_day('c.submitted_at')}, c.checkpoint_day,"
        f" c.meetings_held, {_day('c.last_meeting')}, c.goal1_progress, c.goal2_progress,"
        f" c.goal3_progress, {_code('c.fit', _FITS)}, c.satisfaction, c.wants_help"
        " FROM checkins c"
        + _BY_PAIR.format(table="c")
        + _where(only)
        + " ORDER BY c.submitted_at, c.id",
        params,
    ):
        # Positional, in _Checkin's order (7,400 of them: keywords cost a third more).
        out.checkins.setdefault(row[0], []).append(
            _Checkin(
                "mentee" if row[1] else "mentor",  # role
                None,  # day
                day(row[2]),  # submitted
                row[3],  # checkpoint_day
                row[4],  # meetings_held
                day(row[5]),  # last_meeting
                (row[6], row[7], row[8]),  # progress
                _FITS[row[9]],  # fit
                row[10],  # satisfaction
                bool(row[11]),  # wants_help
            )
        )
    # Only a concern's words are shown, and only whether staff made a contact: the rest of
    # the log is read for its dates and kinds.
    for pair, on_date, kind, staff, text in conn.execute(
        f"SELECT p.rowid, {_day('k.on_date')}, {_code('k.kind', _LOG_KINDS)}, k.who = 'staff',"
        " CASE WHEN k.kind = 'concern' THEN k.text END FROM contacts k"
        + _BY_PAIR.format(table="k")
        # A check-in's own log entry says what its row says (the row is read above).
        + _where("k.kind != 'checkin' OR k.checkin_id IS NULL", only)
        + " ORDER BY k.on_date, k.rowid",
        params,
    ):
        when = day(on_date)
        if when is not None:
            out.contacts.setdefault(pair, []).append(
                (when, _LOG_KINDS[kind], bool(staff), text or "")
            )
    for pair, checkpoint_day, held_on, *progress in conn.execute(
        f"SELECT p.rowid, r.checkpoint_day, {_day('r.held_on')}, r.goal1_progress,"
        " r.goal2_progress,"
        " r.goal3_progress FROM reviews r"
        + _BY_PAIR.format(table="r")
        + _where(only)
        + " ORDER BY r.checkpoint_day",
        params,
    ):
        out.reviews.setdefault(pair, []).append((checkpoint_day, day(held_on), tuple(progress)))
    for pair, *closure in conn.execute(
        f"SELECT p.rowid, {_day('x.closed_on')}, x.closed_on, x.kind, x.reason FROM closures x"
        + _BY_PAIR.format(table="x")
        + _where(only),
        params,
    ):
        out.closures[pair] = tuple(closure)
    return out


def _read_plans(wf: OpenWorkshop, keys: Sequence[int]) -> dict[int, list[tuple[Any, ...]]]:
    """(position, scenario, plan, exercise_id) of the pairs with these rowids: only a pair
    with a reason shows its plans, and a program's plans are most of its words."""
    plans: dict[int, list[tuple[Any, ...]]] = {}
    if not keys:
        return plans
    for pair, *plan in wf.conn.execute(
        "SELECT p.rowid, x.position, x.scenario, x.plan, x.exercise_id FROM plans x"
        + _BY_PAIR.format(table="x")
        + _where(_ROWIDS_IN),
        (json.dumps(list(keys)),),
    ):
        plans.setdefault(pair, []).append(tuple(plan))
    return plans


class _Days:
    """Day numbers made dates once each: a program's records fall on a few hundred days."""

    def __init__(self) -> None:
        self._seen: dict[int | None, date | None] = {None: None}

    def __call__(self, ordinal: int | None) -> date | None:
        try:
            return self._seen[ordinal]
        except KeyError:
            made = self._seen[ordinal] = _from_ordinal(ordinal)
            return made


def _from_ordinal(ordinal: int | None) -> date | None:
    if ordinal is None or not 1 <= ordinal <= date.max.toordinal():
        return None
    return date.fromordinal(ordinal)


# -- one pair ------------------------------------------------------------------------------


def _pair_health(
    row: tuple[Any, ...], records: _Records, today: date
) -> tuple[int, list[tuple[str, str, str]], PairHealth]:
    """The pair's rowid, (kind, text, whose) of each reason it is at risk, and its health
    without those reasons (they get their plans from one reading for every pair that has
    one). Each record list is gone through once (this runs for every pair of a big
    program)."""
    key, pair_id, code, mentor, mentee, frequency, custom, first_day, days_text = row
    lang = records.lang
    first = _from_ordinal(first_day)
    days = review_days(days_text)
    checkins = records.checkins.get(key, ())
    reviews = records.reviews.get(key, ())
    log = _read_log(records.contacts.get(key, ()), today)
    answers = _read_checkins(checkins, days, first, today, log.meetings)
    checkpoints = pair_checkpoints(
        days=days,
        first=first,
        today=today,
        reviews={day: held for day, held, _ in reviews},
        answered=answers.marks,
        lang=lang,
    )
    cadence_text, interval = agreed_cadence(frequency, custom)
    meetings = log.meetings
    last = max(meetings) if meetings else None
    held = answers.meetings_held(meetings)
    missed = 0
    on_cadence: bool | None = None
    if interval and first and today >= first:
        # A meeting counts as missed once it is half an interval late (the cadence reason's
        # grace too): the first meeting, then one each interval after it.
        elapsed = (today - first).days
        expected = 1 + int(max(0.0, elapsed - interval / 2) // interval)
        missed = max(0, expected - held)
        gap = (today - last).days if last else elapsed
        if gap > interval * 1.5:
            on_cadence = False
        elif last is not None:
            on_cadence = True
    goals = _goals(records.goals.get(key, ()), checkins, reviews, checkpoints)
    closure = records.closures.get(key)
    cadence_line = _cadence_line(cadence_text, interval, first, last, missed, today, lang)
    words: list[str] = []
    found: list[tuple[str, str, str]] = []
    if closure is not None:
        closed_day, closed_on, kind, why = closure
        label = clean(why) or (_("completed") if kind == "completed" else _("no-fault"))
        when = day_text(_from_ordinal(closed_day), lang) or clean(closed_on)
        words.append(_("closed on {date} ({why})").format(date=when, why=label))
    else:
        heard = log.anything or bool(checkins or reviews)
        found = _reasons(
            cadence_line, on_cadence, interval, first, today, heard, goals, checkins, log,
            answers, reviews, checkpoints, lang,
        )  # fmt: skip
    words.append(cadence_line)
    words.extend(_goal_line(g) for g in goals)
    words.extend(text for kind, text, _ in found if kind not in ("cadence", "goal_stalled"))
    reached = sum(1 for c in checkpoints if c.due is not None and c.due <= today)
    return (
        key,
        found,
        PairHealth(
            pair_id=pair_id,
            code=code,
            mentor=_shown(mentor),
            mentee=_shown(mentee),
            closed=closure is not None,
            cadence=cadence_text,
            cadence_days=interval,
            last_meeting=last,
            missed=missed,
            on_cadence=on_cadence,
            goals=goals,
            checkpoints=checkpoints,
            next_due=None if closure is not None else next_due(checkpoints),
            reasons=(),
            words=tuple(words),
            signed=key in records.signed,
            checkins=min(len(checkins), 2 * reached),
            first_meeting=first,
            cancelled=log.cancelled,
            cancelled_last=log.cancelled_last,
        ),
    )


def _with_plans(
    found: Sequence[tuple[str, str, str]],
    plan_rows: Sequence[tuple[Any, ...]],
    library: Library | None,
) -> tuple[Reason, ...]:
    """Each reason with the pair's own plan for the situation and the library's card."""
    if not found:
        return ()
    plans = [
        Plan(id="", position=position, scenario=scenario, plan=plan, exercise_id=exercise_id)
        for position, scenario, plan, exercise_id in plan_rows
    ]
    reasons = []
    for kind, text, who in found:
        plan, scenario = plan_for(kind, plans, library)
        reasons.append(Reason(kind, text, plan, scenario, _(SITUATIONS[kind].next_step), who))
    return tuple(reasons)


@dataclass(slots=True)
class _Log:
    """What the pair's contact log says, read in one pass (it is in date order)."""

    anything: bool
    meetings: set[date]  # the days a meeting was held, up to today
    staff_last: date | None  # the last contact staff made
    cancelled: int  # cancellations since the last meeting
    cancelled_last: date | None
    concerns: list[tuple[date, str]]


def _read_log(contacts: Sequence[Contact], today: date) -> _Log:
    meetings: set[date] = set()
    staff_last = cancelled_last = None
    cancelled = 0
    concerns = []
    for when, kind, by_staff, text in contacts:
        if kind == "meeting":
            if when <= today:
                meetings.add(when)
            cancelled, cancelled_last = 0, None
        elif kind == "cancelled":
            cancelled, cancelled_last = cancelled + 1, when
        elif kind == "concern":
            concerns.append((when, text))
        if by_staff:
            staff_last = when
    return _Log(bool(contacts), meetings, staff_last, cancelled, cancelled_last, concerns)


@dataclass(slots=True)
class _Answers:
    """What the pair's check-ins say, read in one pass (they are in the order sent)."""

    marks: list[tuple[int | None, str, date | None]]  # (checkpoint, role, sent) each
    reported: dict[int | None, int]  # meetings held, per checkpoint, the larger count
    counted_until: date | None  # the last check-in that counted meetings
    fit: dict[str, _Checkin]  # each partner's latest answer on the fit
    satisfaction: dict[str, _Checkin]  # ... and on satisfaction
    help: list[_Checkin]  # the check-ins that asked for help

    def meetings_held(self, meetings: set[date]) -> int:
        """Up to the last check-in that counted meetings, the larger of what the check-ins
        report (per checkpoint the larger of the partners' counts: they report the same
        meetings) and what the log shows; after it, the meetings logged."""
        if self.counted_until is None:
            return len(meetings)
        until = self.counted_until
        before = sum(1 for when in meetings if when <= until)
        return max(before, sum(self.reported.values())) + len(meetings) - before


def _read_checkins(
    checkins: Sequence[_Checkin],
    days: Sequence[int],
    first: date | None,
    today: date,
    meetings: set[date],
) -> _Answers:
    """Also sets each check-in's `day` and adds the last meetings they report to
    `meetings`."""
    answers = _Answers([], {}, None, {}, {}, [])
    for c in checkins:
        day = c.day = (
            c.checkpoint_day
            if c.checkpoint_day in days
            else checkpoint_of(c.checkpoint_day, c.submitted, days, first)
        )
        answers.marks.append((day, c.role, c.submitted))
        if c.last_meeting and c.last_meeting <= today:
            meetings.add(c.last_meeting)
        if c.meetings_held is not None:
            if c.meetings_held > answers.reported.get(day, 0):
                answers.reported[day] = c.meetings_held
            if c.submitted and (
                answers.counted_until is None or c.submitted > answers.counted_until
            ):
                answers.counted_until = c.submitted
        if c.fit:
            answers.fit[c.role] = c
        if c.satisfaction is not None:
            answers.satisfaction[c.role] = c
        if c.wants_help:
            answers.help.append(c)
    return answers


def _goals(
    rows: Iterable[tuple[Any, ...]],
    checkins: Sequence[_Checkin],
    reviews: Sequence[Review],
    checkpoints: Sequence[Checkpoint],
) -> tuple[GoalProgress, ...]:
    """Each goal against its baseline. The latest rating wins; on the same day a review's
    (the pair's joint one) over a check-in's."""
    # Oldest first (check-ins come in the order they were sent): each later rating replaces
    # the one before.
    ratings = [c.progress for c in checkins if c.submitted]
    if reviews:
        due = {c.day: c.due for c in checkpoints}
        dated = [(c.submitted, 1 if c.role == "mentee" else 0, c.progress) for c in checkins]
        dated += [(held or due.get(day), 2, p) for day, held, p in reviews]
        dated = [r for r in dated if r[0] is not None]
        dated.sort(key=lambda r: (r[0], r[1]))
        ratings = [progress for _, _, progress in dated]
    latest_of: list[int | None] = [None, None, None]
    for progress in ratings:
        for index in (0, 1, 2):
            if progress[index] is not None:
                latest_of[index] = progress[index]
    out = []
    for position, title, baseline, private, has_words in rows:
        if not has_words and baseline is None:
            continue
        latest = latest_of[position - 1]
        out.append(
            GoalProgress(
                position=position,
                title="" if private else _shown(title),
                baseline=baseline,
                latest=latest,
                moving=None if latest is None or baseline is None else latest > baseline,
            )
        )
    return tuple(out)


def _shown(text: str) -> str:
    """Text typed by a person, safe to show on one screen line or a terminal (no control
    characters: an escape sequence in a name must not reach a terminal)."""
    return text if text.isprintable() else " ".join(clean(text).split())


def _goal_line(goal: GoalProgress) -> str:
    """'goal 2 at 2 of 5, baseline 1': the numbers only, so a private goal shows the same."""
    at = (
        _("at {n} of 5").format(n=goal.latest)
        if goal.latest is not None
        else _("not rated since signing")
    )
    base = (
        _("baseline {n}").format(n=goal.baseline) if goal.baseline is not None else _("no baseline")
    )
    # Translators: "goal 2 at 3 of 5, baseline 1".
    return _("goal {n} {at}, {baseline}").format(n=goal.position, at=at, baseline=base)


def _cadence_line(
    text: str,
    interval: int | None,
    first: date | None,
    last: date | None,
    missed: int,
    today: date,
    lang: str,
) -> str:
    """'agreed every two weeks; last meeting 41 days ago (3 missed)'."""
    head = _agreed(text, interval)
    if first is not None and today < first:
        return _("{agreed}; first meeting on {date}").format(
            agreed=head, date=day_text(first, lang)
        )
    if last is not None:
        ago = (today - last).days
        if ago == 0:
            line = _("{agreed}; last meeting today").format(agreed=head)
        else:
            line = ngettext(
                "{agreed}; last meeting {n} day ago", "{agreed}; last meeting {n} days ago", ago
            ).format(agreed=head, n=f"{ago:,}")
    elif first is None:
        line = _("{agreed}; no first meeting date in the charter").format(agreed=head)
    else:
        line = _("{agreed}; no meeting logged yet").format(agreed=head)
    if not missed:
        return line
    return ngettext("{line} ({n} missed)", "{line} ({n} missed)", missed).format(
        line=line, n=missed
    )


def _agreed(text: str, interval: int | None) -> str:
    """'agreed every two weeks': a choice of the charter's in the interface language, the
    pair's own words for a custom cadence as they wrote them."""
    if not text:
        return _("no meeting cadence agreed")
    if interval is None:
        return _("agreed \u201c{cadence}\u201d (no interval in it to judge meetings by)").format(
            cadence=text
        )
    for key in CHOICE_DAYS:
        if text == choice_label("meeting_frequency", key).lower():
            return _(_AGREED[key])
    # Translators: {cadence} is the pair's own words ("every 10 days"), in their language.
    return _("agreed {cadence}").format(cadence=text)


def _reasons(
    cadence_line: str,
    on_cadence: bool | None,
    interval: int | None,
    first: date | None,
    today: date,
    heard: bool,
    goals: Sequence[GoalProgress],
    checkins: Sequence[_Checkin],
    log: _Log,
    answers: _Answers,
    reviews: Sequence[Review],
    checkpoints: Sequence[Checkpoint],
    lang: str,
) -> list[tuple[str, str, str]]:
    """(kind, text, whose answer) of every reason the pair's own charter and records give,
    one per kind."""
    found: list[tuple[str, str, str]] = []
    grace = interval / 2 if interval else NO_CADENCE_GRACE_DAYS
    if first is not None and (today - first).days > grace and not heard:
        since = day_text(first, lang)
        text = _("no contact since the first meeting on {date}").format(date=since)
        found.append(("no_contact", text, ""))
    elif on_cadence is False:
        found.append(("cadence", cadence_line, ""))
    stalled = [
        _("goal {n} at {latest} of 5, baseline {baseline} (day {day})").format(
            n=g.position, latest=g.latest, baseline=g.baseline, day=day
        )
        for g in goals
        if (day := _stalled_at(g, checkins, reviews)) is not None
    ]
    if stalled:
        found.append(("goal_stalled", "; ".join(stalled), ""))
    # A request for help stands until staff log a contact after it.
    asked = {
        c.role
        for c in answers.help
        if log.staff_last is None or c.submitted is None or c.submitted > log.staff_last
    }
    if asked:
        if len(asked) == 2:
            text = _("mentor and mentee asked for help")
        else:
            text = _("{role} asked for help").format(role=_(_ROLES[next(iter(asked))]))
        found.append(("help", text, _whose(asked)))
    for kind, said in (
        ("fit", _fit(answers.fit)),
        ("satisfaction", _satisfaction(answers.satisfaction)),
    ):
        if said:
            roles = {role for role, _ in said}
            found.append((kind, "; ".join(text for _, text in said), _whose(roles)))
    if log.cancelled >= CANCELLATIONS_IN_A_ROW and log.cancelled_last is not None:
        on = day_text(log.cancelled_last, lang)
        text = ngettext(
            "{n} cancellation in a row (the last on {date})",
            "{n} cancellations in a row (the last on {date})",
            log.cancelled,
        ).format(n=log.cancelled, date=on)
        found.append(("cancellations", text, ""))
    concern = _concern(log.concerns, reviews, lang)
    if concern:
        found.append(("concern", concern, ""))
    overdue = [c for c in checkpoints if c.state == "overdue" and c.due is not None]
    if overdue:
        due = day_text(overdue[0].due, lang)
        if len(overdue) == 1:
            text = _("day {day} checkpoint overdue (due {date}; no check-in or review)").format(
                day=overdue[0].day, date=due
            )
        else:
            days = _("{days} and {last}").format(
                days=", ".join(str(c.day) for c in overdue[:-1]), last=overdue[-1].day
            )
            text = _("days {days} checkpoints overdue (due {date}; no check-in or review)").format(
                days=days, date=due
            )
        found.append(("checkpoint_overdue", text, ""))
    return found


def _stalled_at(
    goal: GoalProgress, checkins: Sequence[_Checkin], reviews: Sequence[Review]
) -> int | None:
    """The checkpoint day after day 30 at which the goal was last rated, when that rating is
    at or below its baseline; else None."""
    if goal.latest is None or goal.baseline is None or goal.latest > goal.baseline:
        return None
    index = goal.position - 1
    rated = [day for day, _, progress in reviews if progress[index] is not None]
    rated += [c.day for c in checkins if c.progress[index] is not None and c.day is not None]
    latest_day = max(rated, default=None)
    return latest_day if latest_day is not None and latest_day > STALLED_AFTER_DAY else None


def _by_role(latest: dict[str, _Checkin]) -> list[_Checkin]:
    return [latest[role] for role in ("mentor", "mentee") if role in latest]


def _at(c: _Checkin) -> str:
    role = _(_ROLES[c.role])
    return _("{role}, day {day}").format(role=role, day=c.day) if c.day is not None else role


def _whose(roles: set[str]) -> str:
    return "both" if len(roles) > 1 else next(iter(roles))


def _fit(latest: dict[str, _Checkin]) -> list[tuple[str, str]]:
    """(role, words) per partner whose latest answer on the fit is a reason."""
    out = []
    for c in _by_role(latest):
        if c.fit == "not_a_fit":
            out.append((c.role, _("not a fit ({who})").format(who=_at(c))))
        elif c.fit == "deciding" and c.day is not None and c.day >= DECIDING_FROM_DAY:
            out.append((c.role, _("still deciding on the fit ({who})").format(who=_at(c))))
    return out


def _satisfaction(latest: dict[str, _Checkin]) -> list[tuple[str, str]]:
    return [
        (c.role, _("satisfaction {n} of 5 ({who})").format(n=c.satisfaction, who=_at(c)))
        for c in _by_role(latest)
        if c.satisfaction is not None and c.satisfaction <= UNHAPPY_AT
    ]


def _concern(concerns: Sequence[tuple[date, str]], reviews: Sequence[Review], lang: str) -> str:
    """The latest concern logged since the pair's last review (a review is where a pair and
    staff take stock, so a concern before it has been dealt with)."""
    if not concerns:
        return ""
    reviewed = max((held for _, held, _ in reviews if held), default=None)
    when, text = concerns[-1]
    if reviewed is not None and when <= reviewed:
        return ""
    said = " ".join(clean(text).split())
    if len(said) > _CONCERN_CHARS:
        said = said[: _CONCERN_CHARS - 1].rstrip() + "\u2026"
    on = day_text(when, lang)
    if not said:
        return _("concern logged on {date}").format(date=on)
    return _("concern logged on {date}: {text}").format(date=on, text=said)
