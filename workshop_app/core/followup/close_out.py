"""The program's close-out: the outcome per goal of every pair still open, the date, and how
long personal data is kept after it.

Each open pair gets a closure of kind `completed` with its goal outcomes (met / partly / not
met; "" for a goal with no outcome recorded or no goal); pairs closed before keep their
closures, with the outcomes given for them added. After the close-out the file is the
program's record: closures stand (no reopening), closed charters stay read-only, and the
outcomes report reads it. All in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from workshop_app.core.errors import UserError
from workshop_app.core.followup.closing import OUTCOMES, closures, program_closed_refusal
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.runner.clock import new_id, utc_now

if TYPE_CHECKING:
    from workshop_app.core.store.access import OpenWorkshop

MAX_RETENTION_MONTHS = 120


@dataclass(frozen=True, slots=True)
class PairToClose:
    """What the close-out asks about one pair."""

    pair_id: str
    code: str
    goals: tuple[int, ...]  # the positions of its goals (1-3)
    closed: bool  # already closed (no fault) before the close-out
    outcomes: tuple[str, str, str]
    names: str = ""  # "Mentor Name & Mentee Name"


def pairs_to_close(wf: OpenWorkshop) -> list[PairToClose]:
    """Every pair, in code order, with its goals and any outcomes already recorded."""
    from workshop_app.core.roster.store import code_sort_key

    conn = wf.conn
    done = closures(conn)
    goals: dict[str, list[int]] = {}
    for pair_id, position in conn.execute("SELECT pair_id, position FROM goals ORDER BY position"):
        goals.setdefault(pair_id, []).append(position)
    rows = sorted(
        conn.execute(
            "SELECT p.id, p.code, m.name || ' & ' || e.name FROM pairs p"
            " JOIN participants m ON m.id = p.mentor_id JOIN participants e ON e.id = p.mentee_id"
        ),
        key=lambda r: code_sort_key(r[1]),
    )
    return [
        PairToClose(
            pair_id=pair_id,
            code=code,
            goals=tuple(goals.get(pair_id, ())),
            closed=pair_id in done,
            outcomes=done[pair_id].outcomes if pair_id in done else ("", "", ""),
            names=names,
        )
        for pair_id, code, names in rows
    ]


def check_retention(months: object) -> int | None:
    if months is None or months == "":
        return None
    if (
        not isinstance(months, int)
        or isinstance(months, bool)
        or not 0 <= months <= MAX_RETENTION_MONTHS
    ):
        raise UserError(
            _(
                "Personal data is kept 0 to {limit} whole months after the close-out, not {months}."
            ).format(limit=MAX_RETENTION_MONTHS, months=repr(months))
        )
    return months


def close_program(
    wf: OpenWorkshop,
    *,
    closed_on: date,
    today: date,
    outcomes: Mapping[str, Sequence[str]],
    retention_months: int | None,
) -> int:
    """Close the program on `closed_on`: `outcomes` maps pair id -> outcome of goal 1, 2, 3
    (missing pairs and goals: not recorded). Returns how many pairs were closed now."""
    retention = check_retention(retention_months)
    if closed_on > today:
        raise UserError(
            _("The program is closed on a day that has come; {day} is ahead.").format(
                day=closed_on.isoformat()
            )
        )
    for given_values in outcomes.values():
        bad = [v for v in given_values if v not in ("", *OUTCOMES)]
        if bad or len(given_values) > 3:
            raise UserError(
                _("A goal's outcome is met, partly or not met, not {outcome}.").format(
                    outcome=repr((bad or given_values)[0])
                )
            )
    conn = wf.conn
    with wf.transaction():
        refusal = program_closed_refusal(conn)
        if refusal is not None:
            raise UserError(_("{refusal} Nothing was changed.").format(refusal=refusal))
        (first_day,) = conn.execute("SELECT date FROM workshop").fetchone()
        if first_day and closed_on.isoformat() < first_day:
            raise UserError(
                _("The program cannot close on {day}: its workshop was on {first_day}.").format(
                    day=closed_on.isoformat(), first_day=first_day
                )
            )
        known = {r[0] for r in conn.execute("SELECT id FROM pairs")}
        gone = set(outcomes) - known
        if gone:
            raise UserError(
                ngettext(
                    "{n} pair in the close-out is no longer in the workshop; nothing was changed.",
                    "{n} pairs in the close-out are no longer in the workshop; nothing was "
                    "changed.",
                    len(gone),
                ).format(n=len(gone))
            )
        existing = closures(conn)
        now = utc_now()
        closed_now = 0
        audit: list[tuple[str, str, str, Any, Any, str]] = []
        for pair_id in sorted(known):
            given = (*outcomes.get(pair_id, ()), "", "", "")
            values = {f"goal{n}_outcome": given[n - 1] for n in (1, 2, 3)}
            if pair_id in existing:
                before = existing[pair_id]
                changed = {
                    k: v for (k, v), old in zip(values.items(), before.outcomes, strict=True)
                    if v and v != old
                }  # fmt: skip
                if not changed:
                    continue
                sets = ", ".join(f"{k} = ?" for k in changed)
                conn.execute(
                    f"UPDATE closures SET {sets}, updated_at = ? WHERE id = ?",
                    (*changed.values(), now, before.id),
                )
                audit += [
                    ("closures", before.id, k, old, v, pair_id)
                    for (k, v), old in zip(values.items(), before.outcomes, strict=True)
                    if k in changed
                ]
                continue
            record = {
                "id": new_id(),
                "pair_id": pair_id,
                "closed_on": closed_on.isoformat(),
                "kind": "completed",
                "reason": "",
                "asked_by": "program",
                "rematched": 0,
                **values,
                "updated_at": now,
            }
            wf.insert("closures", record)
            shown = {"closed_on": record["closed_on"], "kind": "completed", **values}
            audit.append(("closures", record["id"], "*created*", None, shown, pair_id))
            closed_now += 1
        for entry in audit:
            wf.audit(*entry[:5], pair_id=entry[5], at=now)
        record_id = conn.execute("SELECT id FROM workshop").fetchone()[0]
        conn.execute(
            "UPDATE workshop SET program_closed_on = ?, retention_months = ?, updated_at = ?",
            (closed_on.isoformat(), retention, now),
        )
        wf.audit("workshop", record_id, "program_closed_on", "", closed_on.isoformat(), at=now)
        wf.audit("workshop", record_id, "retention_months", None, retention, at=now)
    return closed_now
