"""The state of a workshop at a glance: pairs, completeness, signatures, attendance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workshop_app.core.charter_fields import SECTION_BY_KEY
from workshop_app.core.charters.store import PairOverview, signature_words
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.store.workshop_file import WorkshopFile


def workshop_info(
    wf: WorkshopFile, *, overview: Sequence[PairOverview] | None = None, pairs: bool = True
) -> dict[str, Any]:
    """The counts, and with `pairs` every pair's line (the board needs only the counts)."""
    w = wf.workshop()
    overview = wf.charters.overview() if overview is None else overview
    counts: dict[tuple[str, int | None], int] = {
        (role, present): n
        for role, present, n in wf.conn.execute(
            "SELECT role, present, count(*) FROM participants GROUP BY role, present"
        )
    }
    total = sum(counts.values())
    present = sum(n for (_role, here), n in counts.items() if here == 1)
    absent = sum(n for (_role, here), n in counts.items() if here == 0)
    info: dict[str, Any] = {
        "workshop": {
            "id": w.id,
            "program": w.program,
            "organisation": w.organisation,
            "date": w.date,
            "cohort": w.cohort,
            "venue": w.venue,
            "facilitator": w.facilitator,
            "paper_size": w.paper_size,
        },
        "participants": {
            "mentors": sum(n for (role, _), n in counts.items() if role == "mentor"),
            "mentees": sum(n for (role, _), n in counts.items() if role == "mentee"),
            "unpaired": total - 2 * len(overview),
        },
        "attendance": {
            "present": present,
            "absent": absent,
            "not_checked_in": total - present - absent,
            "total": total,
        },
        "charters": {
            "pairs": len(overview),
            "complete": sum(1 for o in overview if o.complete),
            "signed": sum(1 for o in overview if o.signed_version is not None),
            "edited_since_signing": sum(
                1 for o in overview if o.signed_version is not None and o.version > o.signed_version
            ),
        },
    }
    info["pairs"] = (
        [
            {
                "code": o.code,
                "mentor": {
                    "name": o.mentor_name,
                    "email": o.mentor_email,
                    "present": o.mentor_present,
                },
                "mentee": {
                    "name": o.mentee_name,
                    "email": o.mentee_email,
                    "present": o.mentee_present,
                },
                "complete": o.complete,
                "missing_sections": list(o.missing),
                "version": o.version,
                "signed_version": o.signed_version,
                "signature": o.signature_state,
                "reopened": o.reopened,
            }
            for o in overview
        ]
        if pairs
        else []
    )
    return info


def signature_text(pair: dict[str, Any]) -> str:
    """Where a pair's charter stands with its signatures, in the interface language (the
    "signature" value itself stays English: scripts read the JSON)."""
    return signature_words(pair["version"], pair["signed_version"], pair["reopened"])


def format_info(info: dict[str, Any]) -> str:
    """The text `workshop-app info` prints, in the interface language."""
    w, c, a = info["workshop"], info["charters"], info["attendance"]
    charters = _("Pairs: {pairs}, charters complete: {complete} of {pairs}, signed: {signed}")
    if c["edited_since_signing"]:
        charters = ngettext(
            "Pairs: {pairs}, charters complete: {complete} of {pairs}, signed: {signed} "
            "({edited} edited since)",
            "Pairs: {pairs}, charters complete: {complete} of {pairs}, signed: {signed} "
            "({edited} edited since)",
            c["edited_since_signing"],
        )
    lines = [
        f"{w['program']} - {w['organisation']}, {w['date']}",
        charters.format(
            pairs=c["pairs"],
            complete=c["complete"],
            signed=c["signed"],
            edited=c["edited_since_signing"],
        ),
        _(
            "Attendance: {present} present, {absent} absent, {unknown} not checked in (of {total})"
        ).format(
            present=a["present"],
            absent=a["absent"],
            unknown=a["not_checked_in"],
            total=a["total"],
        ),
    ]
    if info["participants"]["unpaired"]:
        lines.append(
            _("Participants without a pair: {n}").format(n=info["participants"]["unpaired"])
        )
    if info["pairs"]:
        lines.append("")
    for pair in info["pairs"]:
        absent = [pair[r]["name"] for r in ("mentor", "mentee") if pair[r]["present"] is False]
        # Section titles keep their capitals: German nouns must.
        missing = ", ".join(_(SECTION_BY_KEY[k].title) for k in pair["missing_sections"])
        state = (
            _("complete") if pair["complete"] else _("missing: {sections}").format(sections=missing)
        )
        parts = [
            f"{pair['code']:<5} {pair['mentor']['name']} + {pair['mentee']['name']}",
            signature_text(pair),
            state,
        ]
        if absent:
            parts.append(_("absent: {names}").format(names=", ".join(absent)))
        lines.append("  |  ".join(parts))
    return "\n".join(lines)


def workshop_held(wf: WorkshopFile) -> bool:
    """Whether the day has happened in this file: someone was checked in, or a charter was
    signed. (A past date then is the day it was, not a date to correct.)"""
    found = wf.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM participants WHERE present = 1)"
        " OR EXISTS (SELECT 1 FROM signoffs)"
    ).fetchone()
    return bool(found[0])
