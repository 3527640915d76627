"""The `workshop-app` command: the GUI by default, plus subcommands for staff and scripts.

Exit status: 0 on success, 1 with a one-line message on stderr for something the user can
fix, 2 for bad usage (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workshop_app import __version__
from workshop_app.core.errors import UserError

PROG = "workshop-app"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except UserError as exc:
        print(f"{PROG}: {exc.message}", file=sys.stderr)
        for line in exc.details:
            print(f"  {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run a mentoring program's launch workshop and print the pairs' charters. "
        "With no command, opens the app on the last workshop (or the demo).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("open", help="open the app on a workshop file")
    p.add_argument("file", type=Path, help="the .workshop file")
    p.set_defaults(handler=cmd_open)

    p = sub.add_parser("new", help="create a new, empty workshop file")
    p.add_argument("file", type=Path)
    p.add_argument("--program", required=True, help="the mentoring program's name")
    p.add_argument("--organisation", "--organization", required=True, dest="organisation")
    p.add_argument("--date", required=True, help="the workshop date, YYYY-MM-DD")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("demo", help="create a realistic demo workshop (12 pairs)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("import", help="import a roster (CSV or XLSX) into a workshop")
    p.add_argument("file", type=Path, help="the .workshop file")
    p.add_argument("roster", type=Path, help="the roster: .csv or .xlsx")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("info", help="pairs, completeness, signatures, attendance")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser(
        "check-content", help="check the exercise library (shipped, plus an optional folder)"
    )
    p.add_argument(
        "dir", type=Path, nargs="?",
        help="an organisation's own exercises and agendas, checked on top of the shipped ones",
    )
    p.set_defaults(handler=cmd_check_content)
    return parser


def _workshop_path(path: Path) -> Path:
    if path.suffix == "" and not path.exists():
        return path.with_suffix(".workshop")
    return path


def cmd_gui(args: argparse.Namespace) -> int:
    from workshop_app.ui.launch import run_app

    return run_app(None)


def cmd_open(args: argparse.Namespace) -> int:
    from workshop_app.ui.launch import run_app

    return run_app(args.file)


def cmd_new(args: argparse.Namespace) -> int:
    from workshop_app.core.workshop_file import WorkshopFile

    path = _workshop_path(args.file)
    with WorkshopFile.create(
        path, program=args.program, organisation=args.organisation, date=args.date
    ):
        pass
    print(f"Created {path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from workshop_app.core.demo import create_demo

    path = _workshop_path(args.file)
    with create_demo(path) as wf:
        count = len(wf.roster.pairs())
    print(f"Created the demo workshop {path} ({count} pairs)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from workshop_app.core.roster_import import apply_import, plan_import
    from workshop_app.core.workshop_file import WorkshopFile

    with WorkshopFile.open(args.file, readonly=args.dry_run) as wf:
        plan = plan_import(wf, args.roster)
        if not plan.ok:
            raise UserError(
                f"{plan.source} has {len(plan.problems)} problem(s); nothing was imported.",
                details=[str(p) for p in plan.problems],
            )
        if args.dry_run:
            print("Dry run, nothing imported. Would import:")
            print("\n".join(plan.summary()))
            for person in plan.add:
                print(f"  + {person.role:<6} {person.name} <{person.email}>")
            for known, changes in plan.update:
                print(f"  ~ {known.name}: " + ", ".join(f"{k} -> {v}" for k, v in changes.items()))
            for pair in plan.new_pairs:
                print(
                    f"  = pair {pair.code or '(new code)'}: {pair.mentor_email} + "
                    f"{pair.mentee_email}"
                )
            return 0
        result = apply_import(wf, plan)
    print(
        f"Imported {plan.source}: {result.added} added, {result.updated} updated, "
        f"{result.pairs_made} pair(s) made."
    )
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from workshop_app.core.info import format_info, workshop_info
    from workshop_app.core.workshop_file import WorkshopFile

    with WorkshopFile.open(args.file, readonly=True) as wf:
        info = workshop_info(wf)
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        print(format_info(info))
    return 0


def cmd_check_content(args: argparse.Namespace) -> int:
    from workshop_app.core.content import check_content
    from workshop_app.resources import shipped_dir

    folders = [shipped_dir("exercises")]
    if args.dir is not None:
        if not args.dir.is_dir():
            raise UserError(f"{args.dir} is not a folder of exercises.")
        folders.append(args.dir)
    problems = check_content(*folders)
    if problems:
        raise UserError(
            f"The exercise library has {len(problems)} problem(s).",
            details=[str(p) for p in problems],
        )
    print("The exercise library is valid: " + ", ".join(str(f) for f in folders))
    return 0
