"""The closing subcommand of `workshop-app`: `anonymise`, the retention step after the
program's close-out.

`cli.py` calls `register()` with its subparsers; the handler returns the exit status and lets
a `UserError` reach `cli.main`, which prints it and exits 1.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from workshop_app.core.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    from workshop_app.cli import add_command
    from workshop_app.cli_follow_up import today_arg

    p = add_command(
        sub,
        "anonymise",
        summary=_("remove personal data from a closed program's file once its retention ends"),
        description=_(
            "Remove personal data from the workshop file in place, once the retention "
            "period the program set has passed since its close-out: names become Mentor 1, "
            "Mentee 1 (by pair code), and emails, titles, managers, every word the pairs wrote, "
            "check-in comments, log texts, signatures' names, their values in the change history "
            "and the app's backups of the file are removed. The figures stay: pair codes, "
            "cadences, dates, progress, fit, satisfaction, closures and goal outcomes. Refused "
            "before the period ends, with the date it becomes possible."
        ),
        examples=[
            "anonymise spring.workshop --dry-run",
            "anonymise spring.workshop",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (changed in place)"))
    p.add_argument(
        "--dry-run", action="store_true", help=_("say what would be removed; change nothing")
    )
    p.add_argument(
        "--today",
        type=today_arg,
        metavar="YYYY-MM-DD",
        help=_("the day to judge the retention period by (default: today)"),
    )
    p.set_defaults(handler=cmd_anonymise)


def cmd_anonymise(args: argparse.Namespace) -> int:
    from workshop_app.core.errors import UserError
    from workshop_app.core.followup import retention
    from workshop_app.core.store.workshop_file import WorkshopFile

    today = args.today or date.today()
    if args.dry_run:
        with WorkshopFile.open(args.file, readonly=True) as wf:
            why = retention.refusal(wf, today=today)
            if why is not None:
                raise UserError(why)
            print(
                _("Anonymising {file} would do this (nothing was changed):").format(
                    file=args.file.name
                )
            )
            for line in retention.plan(wf).lines():
                print(f"  {line}")
        return 0
    with WorkshopFile.open(args.file) as wf:
        done = retention.anonymise(wf, today=today)
    print(_("Personal data removed from {file}:").format(file=args.file.name))
    for line in done.lines():
        print(f"  {line}")
    return 0
