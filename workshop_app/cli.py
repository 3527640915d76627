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
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="an organisation's own exercises and agendas, added to or overriding the shipped "
        "ones (for this run; the app's File menu sets it for good)",
    )
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
        "dir",
        type=Path,
        nargs="?",
        help="an organisation's own exercises and agendas, checked on top of the shipped ones",
    )
    p.set_defaults(handler=cmd_check_content)

    p = sub.add_parser(
        "charters",
        help="print the pairs' charters as PDF files",
        description="Write one PDF per pair (named by pair code and names) into a folder; "
        "with --combined, also one PDF of all of them in order, for printing in one go.",
    )
    p.add_argument("file", type=Path, help="the .workshop file")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="the output folder")
    p.add_argument(
        "--pair",
        action="append",
        default=[],
        metavar="CODE",
        help="only this pair (repeat for several); default: every pair",
    )
    p.add_argument("--combined", action="store_true", help="also write 'All charters.pdf'")
    p.add_argument(
        "--paper",
        choices=("a4", "letter"),
        type=str.lower,
        help="paper size (default: the workshop's setting)",
    )
    p.add_argument(
        "--summary",
        action="store_true",
        help="also write the one-page staff summary, 'Workshop summary.pdf'",
    )
    p.set_defaults(handler=cmd_charters)

    p = sub.add_parser(
        "sign-in-sheet",
        help="print the attendance sign-in sheet as a PDF",
        description="Write a PDF listing every participant (name, role, pair, department), "
        "sorted by name, with a column to sign, on the workshop's paper size.",
    )
    p.add_argument("file", type=Path, help="the .workshop file (opened read-only)")
    p.add_argument("--out", type=Path, required=True, metavar="PDF", help="the PDF to write")
    p.add_argument(
        "--paper",
        choices=("a4", "letter"),
        type=str.lower,
        help="paper size (default: the workshop's setting)",
    )
    p.set_defaults(handler=cmd_sign_in_sheet)

    from workshop_app import cli_staff

    cli_staff.register(sub)
    return parser


def _workshop_path(path: Path) -> Path:
    if path.suffix == "" and not path.exists():
        return path.with_suffix(".workshop")
    return path


def _content_dir(args: argparse.Namespace) -> Path | None:
    folder: Path | None = args.content
    if folder is not None and not folder.is_dir():
        raise UserError(f"--content {folder}: there is no such folder.")
    return folder


def cmd_gui(args: argparse.Namespace) -> int:
    from workshop_app.ui.launch import run_app

    return run_app(None, content_dir=_content_dir(args))


def cmd_open(args: argparse.Namespace) -> int:
    from workshop_app.ui.launch import run_app

    return run_app(args.file, content_dir=_content_dir(args))


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
    from workshop_app.core.words import count
    from workshop_app.core.workshop_file import WorkshopFile

    with WorkshopFile.open(args.file, readonly=args.dry_run) as wf:
        plan = plan_import(wf, args.roster)
        if not plan.ok:
            raise UserError(
                f"{plan.source} has {count(len(plan.problems), 'problem')}; nothing was imported.",
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
    print(f"Imported {plan.source}: {result.summary()}.")
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
    if args.content is not None:
        folders.append(_content_dir(args))
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


def cmd_charters(args: argparse.Namespace) -> int:
    from workshop_app.core.batch_render import render_charters, write_atomically
    from workshop_app.core.charter_context import charter_context, workshop_parts
    from workshop_app.core.render_cache import default_cache
    from workshop_app.core.roster_store import normalise_code
    from workshop_app.core.workshop_file import WorkshopFile

    if args.out.exists() and not args.out.is_dir():
        raise UserError(f"{args.out} is a file; --out needs a folder.")
    with WorkshopFile.open(args.file, readonly=True) as wf:
        if args.pair:
            pairs = []
            for code in args.pair:
                try:
                    pair = wf.roster.pair_by_code(normalise_code(code))  # p7 finds P07
                except UserError:
                    pair = None
                if pair is None:
                    raise UserError(f"There is no pair {code!r} in {args.file.name}.")
                if pair not in pairs:
                    pairs.append(pair)
        else:
            pairs = wf.roster.pairs()
            if not pairs:
                raise UserError(f"{args.file.name} has no pairs yet: import the roster first.")
        parts = workshop_parts(wf)
        contexts = [charter_context(wf, p.id, parts=parts) for p in pairs]
        summary = None
        if args.summary:
            from workshop_app.core.summary_context import summary_context

            summary = summary_context(wf)

    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            end = "\n" if done == total else ""
            print(f"\rRendering charters: {done}/{total}", end=end, file=sys.stderr, flush=True)

    result = render_charters(
        contexts,
        out_dir=args.out,
        combined=args.combined,
        paper=args.paper,
        progress=progress,
        workers=0 if len(contexts) <= 2 else None,  # a worker's start-up costs two charters
        cache=default_cache(),
    )
    written = [*result.files, *([result.combined] if result.combined else [])]
    if summary is not None:
        from workshop_app.core.pdf_render import render_summary_pdf

        path = args.out / "Workshop summary.pdf"
        write_atomically(path, render_summary_pdf(summary, paper=args.paper))
        written.append(path)
    for path in written:
        print(path)
    return 0


def cmd_sign_in_sheet(args: argparse.Namespace) -> int:
    from workshop_app.core.attendance import sign_in_context, write_sign_in_sheet
    from workshop_app.core.workshop_file import WorkshopFile

    if args.out.is_dir():
        raise UserError(f"{args.out} is a folder; --out needs the name of the PDF to write.")
    if not args.out.parent.is_dir():
        raise UserError(f"The folder {args.out.parent} does not exist.")
    with WorkshopFile.open(args.file, readonly=True) as wf:
        context = sign_in_context(wf)
    print(write_sign_in_sheet(context, args.out, paper=args.paper))
    return 0
