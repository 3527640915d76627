"""The `outcomes` subcommand of `workshop-app`: the sponsor's outcomes report, PDF or XLSX.

`cli.py` calls `register()` with its subparsers; the handler returns the exit status and lets
a `UserError` reach `cli.main`, which prints it and exits 1.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from workshop_app.core.i18n import _, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    from workshop_app.cli import add_command

    p = add_command(
        sub,
        "outcomes",
        summary=_("the sponsor's outcomes report (one-page PDF or XLSX)"),
        description=_(
            "Write the sponsor's outcomes report: participation, charters signed, "
            "pairs meeting at their agreed cadence, goal progress against baseline, fit and "
            "satisfaction, check-ins answered and closures, beside the program's own measures "
            "of success. No count of fewer than 5 people is shown, nor one that would let it be "
            "worked out; no charter content appears. Free text (check-in comments, reasons for "
            "closures) only with --include-comments. The workshop is opened read-only."
        ),
        examples=[
            "outcomes spring.workshop --out outcomes.pdf",
            "outcomes spring.workshop --out outcomes.xlsx --today 2027-07-01",
            "outcomes spring.workshop --out sponsor-report --format pdf --include-comments",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.add_argument("--out", type=Path, required=True, metavar="PATH", help=_("the file to write"))
    p.add_argument(
        "--format",
        choices=("pdf", "xlsx"),
        type=str.lower,
        help=_("what to write (default: from the suffix of --out)"),
    )
    p.add_argument(
        "--today",
        type=_day,
        metavar="DATE",
        help=_("the report's date, YYYY-MM-DD (default: today's date on this computer)"),
    )
    p.add_argument(
        "--include-comments",
        action="store_true",
        help=_(
            "include what people wrote (check-in comments, reasons for closures), and then "
            "only when at least 5 people wrote one"
        ),
    )
    p.set_defaults(handler=cmd_outcomes)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date: use YYYY-MM-DD").format(text=repr(text))
        ) from None


def cmd_outcomes(args: argparse.Namespace) -> int:
    from workshop_app.core.followup.outcomes_render import report_target, write_report
    from workshop_app.core.paths import resolved
    from workshop_app.core.store.workshop_file import WorkshopFile

    out, format = report_target(args.out, args.format)
    resolved(out)  # a loop of links is refused, not silently replaced by the report
    with WorkshopFile.open(args.file, readonly=True) as wf:
        result = write_report(
            wf,
            out=out,
            format=format,
            today=args.today or date.today(),
            include_comments=args.include_comments,
        )
        pairs = len(wf.roster.pairs())
    print(
        ngettext(
            "Wrote {path}: the outcomes report for {n} pair, as of {day}",
            "Wrote {path}: the outcomes report for {n} pairs, as of {day}",
            pairs,
        ).format(path=out, n=pairs, day=result.today)
    )
    return 0
