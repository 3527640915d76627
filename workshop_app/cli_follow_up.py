"""`workshop-app follow-up`: checkpoints, pair health and the pairs at risk, with reasons.

The text is for a person at a terminal: the program's figures, a table of pairs (checkpoints,
what is due next, health in words), then each pair at risk with its reasons, the pair's own
plan for each and the next step for staff. `--json` gives the same in the stable shape of
docs/json-schema.md ("The follow-up document"). The workshop is opened read-only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from workshop_app.core.followup.board import Board
    from workshop_app.core.followup.health import Checkpoint, FollowUp, PairHealth

# The follow-up document's shape; raised when a field changes meaning or goes.
JSON_VERSION = 1
# A checkpoint's state as the table shows it ("day 30 overdue"); the JSON keeps the key.
STATES = {
    "done": N_("done"),
    "due": N_("due"),
    "overdue": N_("overdue"),
    "upcoming": N_("upcoming"),
    "unknown": N_("unknown"),
}


def today_arg(text: str) -> date:
    """`--today YYYY-MM-DD`: the day follow-up is judged on (default: today's date here)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("write the date as YYYY-MM-DD, not {text}").format(text=repr(text))
        ) from None


def register(sub: argparse._SubParsersAction) -> None:
    from workshop_app.cli import add_command
    from workshop_app.core.followup.nudges import RECIPIENTS

    p = add_command(
        sub,
        "follow-up",
        summary=_("checkpoints, health and at-risk pairs, with reasons"),
        description=_(
            "Show each pair's checkpoints, what is due next and its health against "
            "its own charter (the cadence it agreed, its goals against their baselines), and "
            "the pairs at risk with the reason, the pair's own troubleshooting plan for it and "
            "the next step for staff. --nudges writes an email draft (.eml) to each pair at "
            "risk, for a mail program to open; nothing is sent. The workshop is opened read-only."
        ),
        examples=[
            "follow-up spring.workshop",
            "follow-up spring.workshop --at-risk --today 2027-05-03",
            "follow-up spring.workshop --due --json > due.json",
            "follow-up spring.workshop --nudges drafts --to mentee",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.add_argument(
        "--json", action="store_true", help=_("print JSON (see docs/json-schema.md) instead")
    )
    p.add_argument(
        "--due", action="store_true", help=_("only pairs with a checkpoint due this week")
    )
    p.add_argument("--at-risk", action="store_true", help=_("only pairs at risk"))
    p.add_argument(
        "--today",
        type=today_arg,
        metavar="DATE",
        help=_("judge as on this day, YYYY-MM-DD (default: today)"),
    )
    p.add_argument(
        "--nudges",
        type=Path,
        metavar="DIR",
        help=_("write an email draft for each pair at risk into this new folder"),
    )
    p.add_argument(
        "--to",
        choices=RECIPIENTS,
        default="pair",
        help=_("with --nudges: write to both partners (pair, the default) or to one"),
    )
    p.set_defaults(handler=cmd_follow_up)


def cmd_follow_up(args: argparse.Namespace) -> int:
    from workshop_app.cli import _content_dir
    from workshop_app.core.content.library import load_library
    from workshop_app.core.followup.board import board
    from workshop_app.core.followup.health import follow_up
    from workshop_app.core.followup.nudges import write_nudges
    from workshop_app.core.store.workshop_file import WorkshopFile

    if args.to != "pair" and args.nudges is None:
        print("workshop-app follow-up: " + _("--to goes with --nudges DIR"), file=sys.stderr)
        return 2
    today: date = args.today or date.today()
    content = _content_dir(args)  # the organisation's scenarios, as every command reads them
    library = load_library(extra_dirs=[content] if content else ())
    with WorkshopFile.open(args.file, readonly=True) as wf:
        fu = follow_up(wf, today=today, library=library)
        workshop = wf.workshop()
        shown = [p for p in fu.pairs if _wanted(p, due=args.due, at_risk=args.at_risk)]
        if args.nudges is not None:
            at_risk = [p.pair_id for p in shown if p.at_risk]
            if not at_risk:
                print(_("No pair is at risk: no drafts were written."))
                return 0
            result = write_nudges(
                wf, at_risk, args.nudges, today=today, library=library, to=args.to
            )
            print(result.summary())
            return 0
    figures = board(fu)
    if args.json:
        doc = document(fu, figures, shown, workshop.program, args)
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        filtered = args.due or args.at_risk
        print(text(fu, figures, shown, workshop.program, workshop.language, filtered=filtered))
    return 0


def _wanted(p: PairHealth, *, due: bool, at_risk: bool) -> bool:
    """Both filters narrow: --due --at-risk is the pairs at risk with a checkpoint due."""
    if due and not p.due_this_week:
        return False
    return not (at_risk and not p.at_risk)


# -- text -----------------------------------------------------------------------------------


def text(
    fu: FollowUp,
    figures: Board,
    shown: list[PairHealth],
    program: str,
    lang: str,
    *,
    filtered: bool,
) -> str:
    from workshop_app.core.followup.checkpoints import day_text, screen_language

    # The coordinator's screen: its words and dates in the interface language.
    lang = screen_language(lang)
    heading = _("{program}: follow-up on {day}").format(
        program=program, day=day_text(fu.today, lang)
    )
    lines = [heading, ""]
    width = max(len(f.label) for f in figures.figures)
    lines += [f"  {f.label:<{width}}  {f.text}" for f in figures.figures]
    lines.append("")
    if not shown:
        lines.append(_("No pair matches.") if filtered else _("The workshop has no pairs."))
        return "\n".join(lines)
    rows = [(_("Pair"), _("Mentor & mentee"), _("Checkpoints"), _("Next due"), _("Health"))]
    rows += [
        (
            p.code,
            _("{mentor} & {mentee}").format(mentor=p.mentor, mentee=p.mentee),
            "\n".join(_checkpoint(c) for c in p.checkpoints),
            _next_due(p.next_due, lambda d: day_text(d, lang)),
            "\n".join(p.words),
        )
        for p in shown
    ]
    lines += _table(rows)
    at_risk = [p for p in shown if p.at_risk]
    n = len(at_risk)
    lines += ["", ngettext("At risk: {n} pair", "At risk: {n} pairs", n).format(n=n)]
    for p in at_risk:
        names = _("{mentor} & {mentee}").format(mentor=p.mentor, mentee=p.mentee)
        lines += ["", f"{p.code}  {names}"]
        for r in p.reasons:
            lines.append(f"  - {r.text}")
            parts = [
                (_("their plan:"), r.plan or _("(none in their charter for this)")),
                (_("scenario:"), r.scenario),
                (_("next step:"), r.next_step),
            ]
            # The values line up after the longest label, in whichever language.
            width = max(len(label) for label, _value in parts)
            lines += [f"    {label:<{width}} {value}" for label, value in parts if value]
    return "\n".join(lines)


def _checkpoint(c: Checkpoint) -> str:
    return _("day {day} {state}").format(day=c.day, state=_(STATES[c.state]))


def _next_due(c: Checkpoint | None, shown_date: Callable[[date], str]) -> str:
    if c is None:
        return ""
    if c.due is None:
        return _("day {day}, date not set").format(day=c.day)
    return _("day {day}, {date}").format(day=c.day, date=shown_date(c.due))


def _table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Columns as wide as their widest line; a cell of several lines takes several rows."""
    cells = [[cell.splitlines() or [""] for cell in row] for row in rows]
    widths = [max(len(line) for row in cells for line in row[i]) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(cells):
        height = max(len(cell) for cell in row)
        for k in range(height):
            parts = [
                (cell[k] if k < len(cell) else "").ljust(widths[i]) for i, cell in enumerate(row)
            ]
            out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


# -- JSON -----------------------------------------------------------------------------------


def document(
    fu: FollowUp, figures: Board, shown: list[PairHealth], program: str, args: Any
) -> dict[str, Any]:
    """The follow-up document (docs/json-schema.md): dates ISO, unknowns null."""
    return {
        "follow_up_version": JSON_VERSION,
        "program": program,
        "today": fu.today.isoformat(),
        "filters": {"due": bool(args.due), "at_risk": bool(args.at_risk)},
        "board": {
            f.key: {"label": f.label, "count": f.count, "out_of": f.out_of} for f in figures.figures
        },
        "pairs": [_pair(p) for p in shown],
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _checkpoint_json(c: Checkpoint | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"day": c.day, "due": _iso(c.due), "state": c.state, "known": c.known}


def _pair(p: PairHealth) -> dict[str, Any]:
    return {
        "code": p.code,
        "mentor": p.mentor,
        "mentee": p.mentee,
        "signed": p.signed,
        "closed": p.closed,
        "at_risk": p.at_risk,
        "cadence": p.cadence,
        "cadence_days": p.cadence_days,
        "first_meeting": _iso(p.first_meeting),
        "last_meeting": _iso(p.last_meeting),
        "missed": p.missed,
        "on_cadence": p.on_cadence,
        "checkins": p.checkins,
        "goals": [
            {
                "position": g.position,
                "title": g.title,
                "baseline": g.baseline,
                "latest": g.latest,
                "moving": g.moving,
            }
            for g in p.goals
        ],
        "checkpoints": [_checkpoint_json(c) for c in p.checkpoints],
        "next_due": _checkpoint_json(p.next_due),
        "reasons": [
            {
                "kind": r.kind,
                "text": r.text,
                "plan": r.plan,
                "scenario": r.scenario,
                "next_step": r.next_step,
                "who": r.who,
            }
            for r in p.reasons
        ],
        "words": list(p.words),
    }
