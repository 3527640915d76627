"""`workshop-app checkins import|form`: check-in survey exports, and the ready form to make them.

`cli.py` calls `register()` with its subparsers; the handlers return the exit status and let a
`UserError` reach `cli.main`, which prints it and exits 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_app.core.i18n import N_, _, ngettext

# Who answered, in the dry run's list of responses.
ROLES = {"mentor": N_("mentor"), "mentee": N_("mentee")}


def register(sub: argparse._SubParsersAction) -> None:
    from workshop_app.cli import add_command
    from workshop_app.cli_follow_up import today_arg

    p = add_command(
        sub,
        "checkins",
        summary=_("import a check-in survey export, or print the ready check-in form"),
        description=_(
            "Check-in surveys after the launch. 'checkins import' reads a Microsoft "
            "Forms, Google Forms or Qualtrics export and saves each response with its pair; "
            "'checkins form' prints the questions of a ready form whose exports map themselves."
        ),
        examples=[
            "checkins import spring.workshop check-in.xlsx --dry-run",
            "checkins form spring.workshop",
        ],
    )
    what = p.add_subparsers(
        title=_("what to do"), metavar="ACTION", required=True, help=_("import or form")
    )
    p = add_command(
        what,
        "import",
        summary=_("import a check-in survey export (xlsx, csv, tsv)"),
        description=_(
            "Import a check-in survey export from Microsoft Forms (.xlsx), Google Forms (.csv) or"
            " Qualtrics (.csv, .tsv). Each response is matched to a pair by its pair code, else "
            "the respondent's email, else their name; every row that matches no pair, or matches "
            "ambiguously, and every answer that is not what its question asks, is listed with its"
            " row and column, and then nothing is imported. Responses already imported are left "
            "as they are, so a later export of the same form adds only the new ones. The columns'"
            " meanings are saved with the form and reused for its next export."
        ),
        examples=[
            "checkins import spring.workshop 'Check-in(1-42).xlsx' --dry-run",
            "checkins import spring.workshop responses.csv --mapping 'Day 30 check-in'",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file"))
    p.add_argument("export", type=Path, help=_("the survey export: .xlsx, .csv or .tsv"))
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=_("show what would be imported, and how the columns are read; change nothing"),
    )
    p.add_argument(
        "--mapping",
        metavar="NAME",
        help=_(
            "use the saved mapping NAME (the form's name in a previous import) instead of "
            "the one found for this export's questions"
        ),
    )
    p.add_argument(
        "--today",
        type=today_arg,
        metavar="YYYY-MM-DD",
        help=_("no response can have been sent after this day (default: today)"),
    )
    p.set_defaults(handler=cmd_checkins_import)

    p = add_command(
        what,
        "form",
        summary=_("print the questions of a ready check-in form"),
        description=_(
            "Print the questions of a ready check-in form, numbered, with their answer "
            "choices: paste them into Microsoft Forms, Google Forms or Qualtrics, and the exports "
            "map themselves when imported. The workshop is opened read-only."
        ),
        examples=["checkins form spring.workshop", "checkins form spring.workshop > form.txt"],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.set_defaults(handler=cmd_checkins_form)


def cmd_checkins_import(args: argparse.Namespace) -> int:
    from workshop_app.core.errors import UserError
    from workshop_app.core.followup.checkin_import import apply_checkins, plan_checkins
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(args.file, readonly=args.dry_run) as wf:
        plan = plan_checkins(wf, args.export, mapping_name=args.mapping, today=args.today)
        if not plan.ok:
            raise UserError(
                ngettext(
                    "{source} has {n} problem; nothing was imported.",
                    "{source} has {n} problems; nothing was imported.",
                    len(plan.problems),
                ).format(source=plan.source, n=len(plan.problems)),
                details=[str(p) for p in plan.problems],
            )
        if args.dry_run:
            print(_("Dry run, nothing imported. Would import:"))
            print("\n".join(plan.summary()))
            print(_("Columns:"))
            print("\n".join(plan.mapping_lines()))
            for response in plan.responses:
                values = {
                    "row": response.row,
                    "code": response.code,
                    "role": _(ROLES[response.role]),
                }
                if response.person:
                    line = _("row {row}: {code} {role} ({person})")
                    values["person"] = response.person
                else:
                    line = _("row {row}: {code} {role}")
                print("  + " + line.format(**values))
            return 0
        result = apply_checkins(wf, plan)
    print(
        _("Imported {source} (mapping '{mapping}'): {summary}.").format(
            source=plan.source, mapping=result.form_name, summary=result.summary()
        )
    )
    return 0


def cmd_checkins_form(args: argparse.Namespace) -> int:
    from workshop_app.core.followup.checkin_form import form_lines
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(args.file, readonly=True) as wf:
        print("\n".join(form_lines(wf.workshop())))
    return 0
