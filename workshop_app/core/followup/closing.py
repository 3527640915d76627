"""Closing a pairing: the no-fault conclusion the charter promises, and undoing it.

A closed pair stays in the workshop with every record of it (its signed charter, check-ins,
log, reviews): the closure is the last record, not a removal. Its charter can no longer be
edited or signed (the charter store asks `closed_refusal` before every write). A closure can
be undone (the pairing reopened) while the program is open; after the close-out the file is
the program's record and closures stand.

Re-matching: a person is in at most one open pair (`pairs.closed_on`, kept in step with the
closures by the schema's triggers). Once their pair is closed they may be paired again, on the
Roster page, by a roster import or by a merge, and the closed pair keeps every record. Making
that new pair marks the closed pair's no-fault closure re-matched, without asking
(`mark_rematched`): the new pair is the fact the closure's "re-matched" records, so the two
cannot disagree. The closure dialog's box stays for a re-match made outside this file (another
cohort's); unticking it there while the new pair exists is the coordinator's correction.
A closure whose partner has since been re-matched cannot be undone while the new pair is open.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workshop_app.core.charters.dates import format_date, format_number
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _, interface_language, ngettext
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import storable_text

if TYPE_CHECKING:
    from workshop_app.core.store.access import OpenWorkshop

ASKED_BY = ("mentor", "mentee", "both", "program")
# Who asked, as a closure's line says it: whole phrases (the preposition and article differ
# with the word in other languages). Marked here, translated where shown.
ASKED_BY_WORDS = {
    "mentor": N_("asked by the mentor"),
    "mentee": N_("asked by the mentee"),
    "both": N_("asked by both partners"),
    "program": N_("asked by the program"),
    "": N_("who asked is not recorded"),
}
OUTCOMES = ("met", "partly", "not_met")
OUTCOME_WORDS = {
    "met": N_("met"),
    "partly": N_("partly met"),
    "not_met": N_("not met"),
    "": N_("not recorded"),
}
MAX_REASON = 2000
# Said by every write on a pair broken (or merged away) while a page still showed it.
# Marked here, translated where it is raised: `UserError(_(PAIR_GONE))`.
PAIR_GONE = N_("That pair is no longer in the workshop; nothing was changed.")
_COLUMNS = (
    "id, pair_id, closed_on, kind, reason, asked_by, rematched, goal1_outcome, goal2_outcome,"
    " goal3_outcome, updated_at"
)


@dataclass(frozen=True, slots=True)
class Closure:
    id: str
    pair_id: str
    closed_on: str  # ISO date
    kind: str  # "no_fault" | "completed"
    reason: str
    asked_by: str
    rematched: bool
    outcomes: tuple[str, str, str]  # goal 1-3: "" | "met" | "partly" | "not_met"
    updated_at: str


def _closure(row: tuple[object, ...]) -> Closure:
    return Closure(
        id=str(row[0]),
        pair_id=str(row[1]),
        closed_on=str(row[2]),
        kind=str(row[3]),
        reason=str(row[4]),
        asked_by=str(row[5]),
        rematched=bool(row[6]),
        outcomes=(str(row[7]), str(row[8]), str(row[9])),
        updated_at=str(row[10]),
    )


def closure(conn: sqlite3.Connection, pair_id: str) -> Closure | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM closures WHERE pair_id = ?", (pair_id,)).fetchone()
    return None if row is None else _closure(row)


def closures(conn: sqlite3.Connection) -> dict[str, Closure]:
    """Every closure, by pair id."""
    return {c.pair_id: c for c in map(_closure, conn.execute(f"SELECT {_COLUMNS} FROM closures"))}


def closed_refusal(conn: sqlite3.Connection, pair_id: str) -> str | None:
    """The one line a write on a closed pair's charter is refused with (in the interface
    language, its date too), or None when open."""
    row = conn.execute(
        "SELECT p.code, c.closed_on FROM closures c JOIN pairs p ON p.id = c.pair_id"
        " WHERE c.pair_id = ?",
        (pair_id,),
    ).fetchone()
    if row is None:
        return None
    return _("Pair {code} was closed on {date}; its charter is kept as it was.").format(
        code=row[0], date=format_date(row[1], interface_language())
    )


def pair_records(conn: sqlite3.Connection, pair_id: str) -> list[str]:
    """What of a pair is the program's record, in words ("a signed charter", "3 check-ins"):
    what breaking the pair would delete. Empty when nothing would be lost but a draft."""
    signed = conn.execute(
        "SELECT count(DISTINCT version) FROM signoffs WHERE pair_id = ?", (pair_id,)
    ).fetchone()[0]
    out = []
    if signed == 1:
        out.append(_("a signed charter"))
    elif signed:
        out.append(
            ngettext("{n} signed charter version", "{n} signed charter versions", signed).format(
                n=signed
            )
        )
    for table in ("checkins", "contacts", "reviews"):
        (n,) = conn.execute(
            f"SELECT count(*) FROM {table} WHERE pair_id = ?", (pair_id,)
        ).fetchone()
        if n:
            out.append(_counted(table, n))
    if conn.execute("SELECT 1 FROM closures WHERE pair_id = ?", (pair_id,)).fetchone():
        out.append(_("its closure"))
    return out


def _counted(table: str, n: int) -> str:
    if table == "checkins":
        return ngettext("{n} check-in", "{n} check-ins", n).format(n=n)
    if table == "contacts":
        return ngettext("{n} log entry", "{n} log entries", n).format(n=n)
    return ngettext("{n} review", "{n} reviews", n).format(n=n)


def and_list(items: list[str]) -> str:
    """ "a, b and c", in the interface language."""
    if len(items) == 1:
        return items[0]
    # Translators: the end of a list: "a signed charter, 3 check-ins{ and }its closure".
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def program_closed_refusal(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT program_closed_on FROM workshop").fetchone()
    if not row or not row[0]:
        return None
    return _(
        "The program was closed on {date}; the file is its record and its pairs stay as they "
        "were closed."
    ).format(date=format_date(row[0], interface_language()))


def close_pairing(
    wf: OpenWorkshop,
    pair_id: str,
    *,
    closed_on: date,
    reason: str,
    asked_by: str,
    rematched: bool,
    today: date,
) -> Closure:
    """Close a pairing with no fault on either side. The pair and all its records stay."""
    reason = storable_text(reason or "").strip()
    if asked_by not in ASKED_BY:
        raise UserError(
            _(
                "Who asked to close is the mentor, the mentee, both or the program, not {who}."
            ).format(who=repr(asked_by))
        )
    if len(reason) > MAX_REASON:
        raise UserError(
            _("The reason is {size} characters long; keep it under {limit}.").format(
                size=format_number(len(reason), interface_language()),
                limit=format_number(MAX_REASON, interface_language()),
            )
        )
    if closed_on > today:
        raise UserError(
            _("A pairing is closed on a day that has come; {day} is ahead.").format(
                day=closed_on.isoformat()
            )
        )
    conn = wf.conn
    with wf.transaction():
        pair = _pair(conn, pair_id)
        _refuse_when_program_closed(conn)
        if _first_day(conn) and closed_on.isoformat() < _first_day(conn):
            raise UserError(
                _("Pair {code} cannot be closed on {day}: the workshop was after that.").format(
                    code=pair[0], day=closed_on.isoformat()
                )
            )
        if closure(conn, pair_id) is not None:
            raise UserError(closed_refusal(conn, pair_id) or _(PAIR_GONE))
        now = utc_now()
        record = {
            "id": new_id(),
            "pair_id": pair_id,
            "closed_on": closed_on.isoformat(),
            "kind": "no_fault",
            "reason": reason,
            "asked_by": asked_by,
            "rematched": int(rematched),
            "updated_at": now,
        }
        wf.insert("closures", record)
        wf.audit(
            "closures",
            str(record["id"]),
            "*created*",
            None,
            {k: v for k, v in record.items() if k not in ("id", "pair_id", "updated_at")},
            pair_id=pair_id,
            at=now,
        )
    found = closure(conn, pair_id)
    assert found is not None
    return found


def reopen_pairing(wf: OpenWorkshop, pair_id: str) -> None:
    """Undo a closure while the program is open: the pair is open again, records unchanged."""
    conn = wf.conn
    with wf.transaction():
        code = _pair(conn, pair_id)[0]
        _refuse_when_program_closed(conn)
        found = closure(conn, pair_id)
        if found is None:
            raise UserError(_("Pair {code} is not closed; nothing was changed.").format(code=code))
        _refuse_when_rematched(conn, pair_id, code)
        conn.execute("DELETE FROM closures WHERE id = ?", (found.id,))
        wf.audit(
            "closures",
            found.id,
            "*removed*",
            {"closed_on": found.closed_on, "kind": found.kind, "reason": found.reason,
             "asked_by": found.asked_by, "rematched": int(found.rematched)},
            None,
            pair_id=pair_id,
        )  # fmt: skip


def mark_rematched(wf: OpenWorkshop, participant_ids: list[str], *, at: str) -> None:
    """Mark re-matched the no-fault closures of these people's closed pairs: called by every
    writer of a new pair, in its transaction."""
    people = set(participant_ids)
    rows = wf.conn.execute(
        "SELECT c.id, c.pair_id, p.mentor_id, p.mentee_id FROM closures c"
        " JOIN pairs p ON p.id = c.pair_id WHERE c.kind = 'no_fault' AND c.rematched = 0"
    ).fetchall()
    for closure_id, pair_id, mentor_id, mentee_id in rows:
        if not people & {mentor_id, mentee_id}:
            continue
        wf.conn.execute(
            "UPDATE closures SET rematched = 1, updated_at = ? WHERE id = ?", (at, closure_id)
        )
        wf.audit("closures", closure_id, "rematched", 0, 1, pair_id=pair_id, at=at)


def describe(c: Closure) -> str:
    """A closure in one line, as the Charters page and the reopen question show it: a screen's
    sentence, so it and its date are in the interface language, whatever the workshop's."""
    day = format_date(c.closed_on, interface_language())
    if c.kind == "completed":
        parts = [_("Completed on {date}").format(date=day)]
    else:
        parts = [_("Closed (no fault) on {date}").format(date=day)]
        asked = ASKED_BY_WORDS.get(c.asked_by)
        parts.append(_(asked) if asked is not None else c.asked_by)
        parts.append(_("re-matched") if c.rematched else _("not re-matched"))
    line = ", ".join(parts)
    return _("{closure}: {reason}").format(closure=line, reason=c.reason) if c.reason else line


def _pair(conn: sqlite3.Connection, pair_id: str) -> tuple[str]:
    row = conn.execute("SELECT code FROM pairs WHERE id = ?", (pair_id,)).fetchone()
    if row is None:
        raise UserError(_(PAIR_GONE))
    return (str(row[0]),)


def _first_day(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT date FROM workshop").fetchone()[0] or "")


def _refuse_when_rematched(conn: sqlite3.Connection, pair_id: str, code: str) -> None:
    row = conn.execute(
        "SELECT person.name, other.code FROM pairs closed JOIN pairs other"
        " ON other.closed_on IS NULL AND other.id != closed.id"
        " AND (other.mentor_id = closed.mentor_id OR other.mentee_id = closed.mentee_id)"
        " JOIN participants person ON person.id IN (other.mentor_id, other.mentee_id)"
        " AND person.id IN (closed.mentor_id, closed.mentee_id)"
        " WHERE closed.id = ? ORDER BY other.code LIMIT 1",
        (pair_id,),
    ).fetchone()
    if row is not None:
        raise UserError(
            _(
                "Pair {code} cannot be reopened: {name} is now in pair {other}. "
                "Nothing was changed."
            ).format(code=code, name=row[0], other=row[1])
        )


def _refuse_when_program_closed(conn: sqlite3.Connection) -> None:
    refusal = program_closed_refusal(conn)
    if refusal is not None:
        raise UserError(_("{refusal} Nothing was changed.").format(refusal=refusal))
