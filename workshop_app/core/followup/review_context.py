"""What a pair's checkpoint review packet shows, as plain data for `review_packet.html.j2`.

A packet is the pair's own paper for the review meeting, pre-filled from what they signed:
the last signed version's snapshot (never an edit made since), or, for a charter nobody has
signed yet, the charter as it is now, marked "not signed" on every page. Private goals print:
the packet goes to the pair. Like the charter's, the context is nested dicts, lists and
strings only (it pickles into a render worker), values formatted for people here, text
cleaned but escaped by the template; its `created` comes from the data, so the same file
always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from workshop_app.core.charter_fields import choice_label
from workshop_app.core.charters.context import (
    WorkshopParts,
    clean,
    w3c_datetime,
    workshop_parts,
)
from workshop_app.core.charters.dates import format_date, parse_date
from workshop_app.core.errors import UserError
from workshop_app.core.followup.checkpoints import review_days
from workshop_app.core.i18n import N_, _, ngettext, translations

if TYPE_CHECKING:
    from workshop_app.core.model import Charter
    from workshop_app.core.store.workshop_file import WorkshopFile

REVIEW_TEMPLATE = "review_packet.html.j2"
CADENCE_ANSWERS = (("yes", N_("Yes")), ("partly", N_("Partly")), ("no", N_("No")))


@dataclass(frozen=True, slots=True)
class AgreedCharter:
    """What a review goes by: the last signed version's content, or the current charter's
    when none is signed (`signed_version` None)."""

    fields: Mapping[str, Any]
    goals: tuple[Mapping[str, Any], ...]
    plans: tuple[Mapping[str, Any], ...]
    signed_version: int | None
    signed_on: str  # ISO timestamp of the signing, "" when not signed
    current_version: int

    @property
    def review_days(self) -> tuple[int, ...]:
        return review_days(self.fields.get("review_days"))

    def checkpoint_date(self, day: int) -> date | None:
        start = parse_date(self.fields.get("first_meeting"))
        return start + timedelta(days=day) if start else None


@dataclass(frozen=True, slots=True)
class PacketBatch:
    """The packets of one checkpoint: a context per pair that has it, and who was left out."""

    day: int
    contexts: list[dict] = field(default_factory=list)
    closed: int = 0  # closed pairs, left out
    without: int = 0  # open pairs whose charter has no such checkpoint

    def left_out(self) -> str:
        """'1 closed pair and 2 pairs without a day-45 checkpoint left out', or ''.
        For the person at the keyboard: the interface language."""
        closed = ngettext("{n} closed pair", "{n} closed pairs", self.closed).format(n=self.closed)
        without = ngettext(
            "{n} pair without a day-{day} checkpoint",
            "{n} pairs without a day-{day} checkpoint",
            self.without,
        ).format(n=self.without, day=self.day)
        if self.closed and self.without:
            return _("{closed} and {without} left out").format(closed=closed, without=without)
        if self.closed or self.without:
            return _("{what} left out").format(what=closed if self.closed else without)
        return ""


def agreed_charter(charter: Charter, snapshot: Mapping[str, Any] | None) -> AgreedCharter:
    """`charter` as the pair agreed it: `snapshot` is its last signed version's (None when
    no version is signed)."""
    signed = charter.signed_version
    if signed is not None and snapshot is not None:
        return AgreedCharter(
            fields=snapshot["fields"],
            goals=tuple(snapshot["goals"]),
            plans=tuple(snapshot["plans"]),
            signed_version=signed,
            signed_on=max(s.signed_at for s in charter.signoffs if s.version == signed),
            current_version=charter.version,
        )
    return AgreedCharter(
        fields=charter.fields,
        goals=tuple(
            {"goal": g.goal, "measure": g.measure, "baseline": g.baseline, "private": g.private}
            for g in charter.goals
        ),
        plans=tuple({"scenario": p.scenario, "plan": p.plan} for p in charter.plans),
        signed_version=None,
        signed_on="",
        current_version=charter.version,
    )


def read_agreed(wf: WorkshopFile, pair_id: str) -> AgreedCharter:
    charter = wf.charters.charter(pair_id)
    signed = charter.signed_version
    snapshot = wf.charters.signed_snapshot(pair_id, signed) if signed is not None else None
    return agreed_charter(charter, snapshot)


def cadence_words(fields: Mapping[str, Any], lang: str = "en") -> str:
    """The agreed cadence as a sentence says it: 'every two weeks', 'weekly', or the pair's
    own words for a custom one; '' when none is agreed."""
    value = str(fields.get("meeting_frequency") or "")
    if value == "custom":
        return clean(fields.get("meeting_frequency_custom"))
    label = choice_label("meeting_frequency", value)
    label = translations(lang).gettext(label) if label and label != value else label
    return label[:1].lower() + label[1:] if label else ""


def closed_pairs(wf: WorkshopFile) -> set[str]:
    return {r[0] for r in wf.conn.execute("SELECT pair_id FROM closures")}


def packet_batch(
    wf: WorkshopFile, day: int, *, pair_ids: Sequence[str] | None = None
) -> PacketBatch:
    """The packets for checkpoint `day` of every open pair whose charter has it (or of
    `pair_ids` only), in pair-code order. A UserError, in one line, when no open pair has
    that checkpoint."""
    if day <= 0:
        raise UserError(f"A checkpoint is a number of days after the first meeting, not {day}.")
    closed = closed_pairs(wf)
    wanted = None if pair_ids is None else set(pair_ids)
    pairs = [p for p in wf.roster.pairs() if wanted is None or p.id in wanted]
    if not pairs:
        raise UserError(f"{wf.path.name} has no pairs yet: import the roster first.")
    parts = workshop_parts(wf)
    found: set[int] = set()
    contexts = []
    without = 0
    for pair in pairs:
        if pair.id in closed:
            continue
        agreed = read_agreed(wf, pair.id)
        found.update(agreed.review_days)
        if day not in agreed.review_days:
            without += 1
            continue
        contexts.append(packet_context(wf, pair.id, day, agreed=agreed, parts=parts))
    shut = len(closed & {p.id for p in pairs})
    if not contexts:
        if shut == len(pairs):
            raise UserError(f"Every pair in {wf.path.name} is closed: there is nobody to review.")
        days = ", ".join(str(d) for d in sorted(found))
        raise UserError(
            f"No open pair has a day-{day} checkpoint; the pairs' checkpoints are days {days}."
        )
    return PacketBatch(day=day, contexts=contexts, closed=shut, without=without)


def packet_context(
    wf: WorkshopFile,
    pair_id: str,
    day: int,
    *,
    agreed: AgreedCharter | None = None,
    parts: WorkshopParts | None = None,
) -> dict:
    """Everything `review_packet.html.j2` needs for one pair's checkpoint `day`."""
    parts = parts or workshop_parts(wf)
    agreed = agreed or read_agreed(wf, pair_id)
    workshop = parts.workshop
    lang = workshop.language or "en"
    t = translations(lang)
    pair = wf.roster.pair(pair_id)
    mentor = wf.roster.participant(pair.mentor_id)
    mentee = wf.roster.participant(pair.mentee_id)
    names = f"{mentor.name} & {mentee.name}"
    days = agreed.review_days
    later = [d for d in days if d > day]
    when = agreed.checkpoint_date(day)
    following = agreed.checkpoint_date(later[0]) if later else None
    if agreed.signed_version is not None:
        basis = t.gettext("From version {version} of our charter, signed {date}").format(
            version=agreed.signed_version, date=format_date(agreed.signed_on, lang)
        )
        if agreed.current_version > agreed.signed_version:
            basis += " " + t.gettext("(version {version} is not signed yet)").format(
                version=agreed.current_version
            )
        stamp = agreed.signed_on
    else:
        basis = t.gettext("Not signed: from our charter as it is now")
        charter = wf.charters.charter(pair_id)
        stamp = max(
            (t for t in (charter.updated_at, pair.updated_at, workshop.updated_at) if t),
            default=workshop.date,
        )
    stamp = max((t for t in (stamp, mentor.updated_at, mentee.updated_at) if t), default=stamp)
    return {
        "kind": "review",
        "lang": lang,
        "paper": workshop.paper_size,
        "title": clean(
            t.gettext("Day {n} review {code}: {names}").format(n=day, code=pair.code, names=names)
        ),
        "author": clean(f"{workshop.organisation}, {workshop.program}"),
        "created": w3c_datetime(stamp or workshop.date),
        "brand": parts.brand,
        "program": parts.program,
        "pair": {
            "id": pair.id,
            "code": clean(pair.code),
            "names": clean(names),
            "mentor": clean(mentor.name),
            "mentee": clean(mentee.name),
        },
        "signed": agreed.signed_version is not None,
        "basis": basis,
        "checkpoint": {
            "day": day,
            "label": t.gettext("Day {n} review").format(n=day),
            "date": format_date(when.isoformat(), lang) if when else "",
        },
        "next": (
            {
                "label": t.gettext("Day {n}").format(n=later[0]),
                "date": format_date(following.isoformat(), lang) if following else "",
            }
            if later
            else None
        ),
        "cadence": cadence_words(agreed.fields, lang),
        "cadence_answers": [t.gettext(label) for _, label in CADENCE_ANSWERS],
        "goals": [
            {
                "number": n,
                "goal": clean(g.get("goal")),
                "measure": clean(g.get("measure")),
                "baseline": clean(g.get("baseline")),
                "private": bool(g.get("private")),
            }
            for n, g in enumerate(agreed.goals, 1)
            if clean(g.get("goal")) or clean(g.get("measure"))
        ],
        "plans": [
            {"scenario": clean(p.get("scenario")), "plan": clean(p.get("plan"))}
            for p in agreed.plans
            if clean(p.get("scenario")) or clean(p.get("plan"))
        ],
        "copy_label": "",
    }


def checkpoint_counts(wf: WorkshopFile, *, pair_ids: Sequence[str] | None = None) -> dict[int, int]:
    """How many open pairs (of `pair_ids`, or all) have each checkpoint, by day, in order:
    what a print dialog offers. Read in three queries, not charter by charter."""
    closed = closed_pairs(wf)
    wanted = None if pair_ids is None else set(pair_ids)
    signed = {
        o.pair_id: o.signed_version
        for o in wf.charters.overview()
        if o.pair_id not in closed and (wanted is None or o.pair_id in wanted)
    }
    agreed: dict[str, Any] = {
        pair_id: days
        for pair_id, days in wf.conn.execute("SELECT pair_id, review_days FROM charters")
    }
    for pair_id, version, days in wf.conn.execute(
        "SELECT pair_id, version, json_extract(snapshot, '$.fields.review_days')"
        " FROM charter_versions"
    ):
        if signed.get(pair_id) == version:
            agreed[pair_id] = days
    counts: dict[int, int] = {}
    for pair_id in signed:
        for day in review_days(agreed.get(pair_id)):
            counts[day] = counts.get(day, 0) + 1
    return dict(sorted(counts.items()))
