"""The `workshop-app` command: the GUI by default, plus subcommands for staff and scripts.

Exit status: 0 on success, 1 with a one-line message on stderr for something the user can
fix, 2 for bad usage (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app import __version__, cli_follow_up
from workshop_app.core.app_folders import secure_app_folders
from workshop_app.core.demo_data import DEFAULT_LANGUAGE as DEMO_DEFAULT_LANGUAGE
from workshop_app.core.demo_data import LANGUAGES as DEMO_LANGUAGES
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _, ngettext, pgettext, set_interface_language, system_language
from workshop_app.core.roster.columns import needed_columns

if TYPE_CHECKING:
    from workshop_app.core.content.library import Coverage

PROG = "workshop-app"


# What a shell reports for a command ended by SIGPIPE (128 + 13), as `cat` is in `cat | head`.
EXIT_READER_GONE = 141


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _run(argv)
        finally:
            # Output to a pipe is buffered: a reader that has gone (`| head -1`) shows here at
            # the latest, rather than as a traceback when the interpreter flushes at exit.
            sys.stdout.flush()
    except BrokenPipeError:
        # The Python docs' recipe: nothing more can reach the reader, so point stdout (and
        # stderr, which may be the same pipe) at devnull for the final flush, and end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.dup2(devnull, sys.stderr.fileno())
        return EXIT_READER_GONE


def _run(argv: Sequence[str] | None) -> int:
    # The messages and the help are in the system's language; the app's window may then
    # choose the one in its settings.
    set_interface_language(system_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    secure_app_folders()  # the app's data, cache and temporary folders: private, no stale files
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except UserError as exc:
        print(f"{PROG}: {exc.message}", file=sys.stderr)
        for line in exc.details:
            print(f"  {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("{prog}: interrupted").format(prog=PROG), file=sys.stderr)
        return 130


def exit_status() -> str:
    """The table of exit codes every --help ends with, in the interface language."""
    import textwrap

    codes = [
        # Translators: exit status 0, the command did what it was asked ("fatto", "erledigt").
        ("0", pgettext("exit status", "done")),
        (
            "1",
            _(
                "a problem you can fix (a wrong file, a bad roster, a full disk): one line on "
                "standard error says what and where, and the lines after it list every problem"
            ),
        ),
        ("2", _("bad usage: an unknown command, or an option missing or mistyped")),
    ]
    rows = [
        textwrap.fill(what, width=85, initial_indent=f"  {code}  ", subsequent_indent="     ")
        for code, what in codes
    ]
    return "\n".join([_("exit status:"), *rows])


def examples_heading(n: int) -> str:
    return ngettext("example:", "examples:", n)


class _Formatter(argparse.HelpFormatter):
    """Wraps the description as usual; keeps the epilog's examples and table as written (a
    text with indented lines)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n  " in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def _argparse_in_interface_language() -> None:
    """argparse's own words ("usage:", its headings, -h, its errors) from the app's catalogue
    (they are listed in workshop_app/argparse_messages.py): argparse calls the `_` and
    `ngettext` it imported from gettext, looked up in its module when called."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def add_command(
    sub: argparse._SubParsersAction,
    name: str,
    *,
    summary: str,
    description: str,
    examples: Sequence[str],
) -> argparse.ArgumentParser:
    """A subcommand with what every one has: a line in the list of commands, a description,
    examples and the exit status in its --help (tests/test_cli_help.py checks them all)."""
    # A long example is written over several lines, each but the last ending in " \\".
    shown = "\n".join(f"  {PROG} " + example.replace("\n", "\n      ") for example in examples)
    epilog = f"{examples_heading(len(examples))}\n{shown}\n\n{exit_status()}"
    return sub.add_parser(
        name, help=summary, description=description, epilog=epilog, formatter_class=_Formatter
    )


def build_parser() -> argparse.ArgumentParser:
    _argparse_in_interface_language()
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Run a mentoring program's launch workshop and print the pairs' charters. "
            "With no command, opens the app on the last workshop (the first time, on its "
            "welcome page)."
        ),
        epilog=f"{examples_heading(3)}\n  {PROG}\n  {PROG} open spring.workshop"
        f"\n  {PROG} new --help\n\n{exit_status()}",
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show the version number and exit"),
    )
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help=_(
            "an organisation's own exercises and agendas, added to or overriding the shipped "
            "ones (for this run; the app's File menu sets it for good)"
        ),
    )
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    p = add_command(
        sub,
        "open",
        summary=_("open the app on a workshop file"),
        description=_(
            "Open the app on a workshop file. If another window has it open for "
            "writing, the app offers to open it read-only."
        ),
        examples=["open spring.workshop", "--content ~/our-exercises open spring.workshop"],
    )
    # Optional, as the menu entry's `Exec=workshop-app open %f` gives no file when the app is
    # started from the menu: then it opens as with no command (the last workshop, else the
    # welcome page).
    p.add_argument("file", type=Path, nargs="?", help=_("the .workshop file"))
    p.set_defaults(handler=cmd_open)

    p = add_command(
        sub,
        "new",
        summary=_("create a new, empty workshop file"),
        description=_(
            "Create a workshop file with its program, organisation and date; the rest "
            "(sponsor, goals, wording, roster, agenda) is filled in in the app or with import. "
            "'.workshop' is added to a name without a suffix. An existing file is never replaced."
        ),
        examples=[
            'new spring.workshop --program "Accelerate Mentoring Program" \\\n'
            '--organisation "Northwind Logistics" --date 2027-03-09'
        ],
    )
    p.add_argument("file", type=Path, help=_("the new .workshop file (must not exist)"))
    p.add_argument("--program", required=True, help=_("the mentoring program's name"))
    p.add_argument(
        "--organisation",
        "--organization",
        required=True,
        dest="organisation",
        help=_("the organisation running the program, printed on every charter"),
    )
    p.add_argument("--date", required=True, help=_("the workshop date, YYYY-MM-DD"))
    p.set_defaults(handler=cmd_new)

    p = add_command(
        sub,
        "demo",
        summary=_("create a realistic demo workshop (12 pairs)"),
        description=_(
            "Create a demo workshop to try the app with: a launch at a logistics "
            "company with its program context, an agenda, and twelve pairs whose charters are "
            "in every state (complete, half-filled, empty, signed, a partner absent). With "
            "--after-launch, the same program 100 days after its launch, with its follow-up "
            "records: check-ins, meetings logged, a review, pairs at risk and a pair closed. "
            "With --language, the same workshop in Italian, German or French: a company, people "
            "and charters of that country, and its charter language set to match."
        ),
        examples=[
            "demo try-out.workshop",
            "demo prova.workshop --language it",
            "demo after.workshop --after-launch --today 2027-04-29",
        ],
    )
    p.add_argument("file", type=Path, help=_("the new .workshop file (must not exist)"))
    p.add_argument(
        "--after-launch",
        action="store_true",
        help=_("make it a program 100 days after its launch, with follow-up records"),
    )
    p.add_argument(
        "--today",
        type=cli_follow_up.today_arg,
        metavar="DATE",
        help=_("with --after-launch: the day the program has reached, YYYY-MM-DD (default: today)"),
    )
    p.add_argument(
        "--language",
        choices=list(DEMO_LANGUAGES),
        default=DEMO_DEFAULT_LANGUAGE,
        help=_("the language its data and charters are written in (default: %(default)s)"),
    )
    p.set_defaults(handler=cmd_demo)

    p = add_command(
        sub,
        "relaunch",
        summary=_("start a re-launch workshop from a program's file"),
        description=_(
            "Make the workshop file for re-launching a program: the same people, "
            "pairs and charters (every signed version and its signatures) on the re-launch's "
            "date, with no agenda yet and nobody checked in. The program's file is only read; a "
            "charter revised at the re-launch becomes version 2 of the one signed there."
        ),
        examples=["relaunch spring.workshop --out spring-relaunch.workshop --date 2027-06-08"],
    )
    p.add_argument("file", type=Path, help=_("the program's .workshop file (only read)"))
    p.add_argument("--out", type=Path, required=True, help=_("the new .workshop file"))
    p.add_argument("--date", required=True, help=_("the re-launch's date, YYYY-MM-DD"))
    p.set_defaults(handler=cmd_relaunch)

    p = add_command(
        sub,
        "import",
        summary=_("import a roster (CSV or XLSX) into a workshop"),
        description=_(
            "Import participants and pairs from a roster: one row per participant or "
            "one row per pair, CSV (any common delimiter and encoding) or Excel. Every row is "
            "checked first; if any has a problem nothing is imported and each problem is listed "
            "with its row and column. Importing the same roster again adds nobody twice."
        )
        + " "
        + _(
            "The columns: {participant_columns}, and a {pair_code} or {partner_email}, for one "
            "row per participant; {pair_columns} for one row per pair. The headers may be in "
            "English, Italian, German or French."
        ).format(**needed_columns()),
        examples=[
            "import spring.workshop roster.xlsx --dry-run",
            "import spring.workshop roster.csv",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file"))
    p.add_argument("roster", type=Path, help=_("the roster: .csv or .xlsx"))
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=_("show what would be imported, and change nothing"),
    )
    p.set_defaults(handler=cmd_import)

    p = add_command(
        sub,
        "info",
        summary=_("pairs, completeness, signatures, attendance"),
        description=_(
            "Show a workshop at a glance: the program, how many charters are complete "
            "and signed, who is here, and each pair's state. The file is opened read-only, so "
            "this works while the app has it open."
        ),
        examples=["info spring.workshop", "info spring.workshop --json"],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    p.set_defaults(handler=cmd_info)

    p = add_command(
        sub,
        "check-content",
        summary=_("check the exercise library (shipped, plus an optional folder)"),
        description=_(
            "Check the exercise library: the shipped exercises and agendas, and an "
            "organisation's own folder on top of them, in every language. Each problem names "
            "its file, field and line; the last lines say which exercises each language lacks."
        ),
        examples=["check-content", "check-content ~/our-exercises"],
    )
    p.add_argument(
        "dir",
        type=Path,
        nargs="?",
        help=_("an organisation's own exercises and agendas, checked on top of the shipped ones"),
    )
    p.set_defaults(handler=cmd_check_content)

    p = add_command(
        sub,
        "charters",
        summary=_("print the pairs' charters as PDF files"),
        description=_(
            "Write one PDF per pair (named by pair code and names) into a folder; "
            "with --combined, also one PDF of all of them in order, for printing in one go: "
            "ready for double-sided printing (each charter starts on a front page), and with "
            "--copies, each pair's labelled copies one after the other."
        ),
        examples=[
            "charters spring.workshop --out printed --combined",
            "charters spring.workshop --out printed --pair P07 --pair P12 \\\n--paper letter",
            "charters spring.workshop --out printed --copies mentor,mentee,program",
            "charters spring.workshop --out printed --combined --no-duplex",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file"))
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("the output folder"))
    p.add_argument(
        "--pair",
        action="append",
        default=[],
        metavar="CODE",
        help=_("only this pair (repeat for several); default: every pair"),
    )
    p.add_argument(
        "--combined",
        action="store_true",
        help=_(
            "also write one PDF of all the charters ('All charters.pdf', named in the "
            "workshop's language)"
        ),
    )
    p.add_argument(
        "--duplex",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=_(
            "in the PDF of all the charters, start each charter on a front page: a blank page "
            "follows a charter with an odd number of pages (the default); --no-duplex for "
            "printing on one side"
        ),
    )
    p.add_argument(
        "--copies",
        type=copies_argument,
        metavar="WHOSE",
        help=_(
            "in the PDF of all the charters (implies --combined), each pair's charter once per "
            "copy, labelled: any of mentor, mentee, program, separated by commas; or a number: "
            "2 for mentor,mentee, 3 for all three, 1 for one copy without a label (the default)"
        ),
    )
    _add_paper(p)
    p.add_argument(
        "--summary",
        action="store_true",
        help=_(
            "also write the one-page staff summary ('Workshop summary.pdf', named in the "
            "workshop's language)"
        ),
    )
    p.set_defaults(handler=cmd_charters)

    p = add_command(
        sub,
        "sign-in-sheet",
        summary=_("print the attendance sign-in sheet as a PDF"),
        description=_(
            "Write a PDF listing every participant (name, role, pair, department), "
            "sorted by name, with a column to sign, on the workshop's paper size."
        ),
        examples=[
            "sign-in-sheet spring.workshop --out sign-in.pdf",
            "sign-in-sheet spring.workshop --out sign-in.pdf --paper letter",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.add_argument("--out", type=Path, required=True, metavar="PDF", help=_("the PDF to write"))
    _add_paper(p)
    p.set_defaults(handler=cmd_sign_in_sheet)

    _add_handouts(sub)
    _add_certificates(sub)

    from workshop_app import cli_checkins, cli_closing, cli_outcomes, cli_reviews, cli_staff

    cli_staff.register(sub)
    cli_reviews.register(sub)
    cli_closing.register(sub)
    cli_follow_up.register(sub)
    cli_checkins.register(sub)
    cli_outcomes.register(sub)
    return parser


def _workshop_path(path: Path) -> Path:
    if path.suffix == "" and not path.exists():
        return path.with_suffix(".workshop")
    return path


def _content_dir(args: argparse.Namespace) -> Path | None:
    folder: Path | None = args.content
    if folder is not None and not folder.is_dir():
        raise UserError(_("--content {folder}: there is no such folder.").format(folder=folder))
    return folder


def cmd_gui(args: argparse.Namespace) -> int:
    from workshop_app.core.system_libs import require_system_libraries
    from workshop_app.ui.launch import run_app

    require_system_libraries(window=True)
    return run_app(None, content_dir=_content_dir(args))


def cmd_open(args: argparse.Namespace) -> int:
    from workshop_app.core.system_libs import require_system_libraries
    from workshop_app.ui.launch import run_app

    require_system_libraries(window=True)
    return run_app(args.file, content_dir=_content_dir(args))


def cmd_new(args: argparse.Namespace) -> int:
    from workshop_app.core.store.workshop_file import WorkshopFile

    path = _workshop_path(args.file)
    with WorkshopFile.create(
        path, program=args.program, organisation=args.organisation, date=args.date
    ):
        pass
    print(_("Created {path}").format(path=path))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from datetime import date

    from workshop_app.core.demo import create_demo
    from workshop_app.core.demo_follow_up import DAYS_SINCE_LAUNCH, create_after_launch

    path = _workshop_path(args.file)
    if args.today is not None and not args.after_launch:
        print(_("{prog} demo: --today goes with --after-launch").format(prog=PROG), file=sys.stderr)
        return 2
    if args.after_launch:
        today = args.today or date.today()
        with create_after_launch(path, today=today, language=args.language) as wf:
            pairs = len(wf.roster.pairs())
        print(
            ngettext(
                "Created the demo workshop {path} ({n} pair), {days} days after its launch",
                "Created the demo workshop {path} ({n} pairs), {days} days after its launch",
                pairs,
            ).format(path=path, n=pairs, days=DAYS_SINCE_LAUNCH)
        )
        return 0
    with create_demo(path, language=args.language) as wf:
        pairs = len(wf.roster.pairs())
    print(
        ngettext(
            "Created the demo workshop {path} ({n} pair)",
            "Created the demo workshop {path} ({n} pairs)",
            pairs,
        ).format(path=path, n=pairs)
    )
    return 0


def cmd_relaunch(args: argparse.Namespace) -> int:
    from workshop_app.core.store.relaunch import start_relaunch

    out = start_relaunch(args.file, out=_workshop_path(args.out), date=args.date)
    print(
        _("Created {path} for the re-launch on {date}: choose its agenda in the app").format(
            path=out, date=args.date.strip()
        )
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from workshop_app.cli_checkins import ROLES
    from workshop_app.core.roster.importer import (
        FIELD_WORDS,
        apply_import,
        column_meaning,
        plan_import,
    )
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(args.file, readonly=args.dry_run) as wf:
        plan = plan_import(wf, args.roster)
        if not plan.ok:
            n = len(plan.problems)
            raise UserError(
                ngettext(
                    "{source} has {n} problem; nothing was imported.",
                    "{source} has {n} problems; nothing was imported.",
                    n,
                ).format(source=plan.source, n=f"{n:,}"),
                details=[str(p) for p in plan.problems],
            )
        if args.dry_run:
            print(_("Dry run, nothing imported. Would import:"))
            print("\n".join(plan.summary()))
            read = "; ".join(
                _("{column}: {meaning}").format(column=h, meaning=column_meaning(f))
                for h, f in plan.read_columns
            )
            print("  " + _("columns read: {columns}").format(columns=read))
            roles = {role: _(word) for role, word in ROLES.items()}
            width = max(len(word) for word in roles.values())
            for person in plan.add:
                print(f"  + {roles[person.role]:<{width}} {person.name} <{person.email}>")
            for known, changes in plan.update:
                print(
                    f"  ~ {known.name}: "
                    + ", ".join(f"{_(FIELD_WORDS[k])} -> {v}" for k, v in changes.items())
                )
            for pair in plan.new_pairs:
                print(
                    "  = "
                    + _("pair {code}: {mentor} + {mentee}").format(
                        code=pair.code or _("(new code)"),
                        mentor=pair.mentor_email,
                        mentee=pair.mentee_email,
                    )
                )
            return 0
        result = apply_import(wf, plan)
    print(_("Imported {source}: {summary}.").format(source=plan.source, summary=result.summary()))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from workshop_app.core.store.info import format_info, workshop_info
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(args.file, readonly=True) as wf:
        info = workshop_info(wf)
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        print(format_info(info))
    return 0


def cmd_check_content(args: argparse.Namespace) -> int:
    from workshop_app.core.content.library import check_content, content_coverage
    from workshop_app.resources import shipped_dir

    folders = [shipped_dir("exercises")]
    content = _content_dir(args)
    if content is not None:
        folders.append(content)
    if args.dir is not None:
        if not args.dir.is_dir():
            raise UserError(_("{folder} is not a folder of exercises.").format(folder=args.dir))
        folders.append(args.dir)
    problems = check_content(*folders)
    # Which languages the exercises are in: a missing translation is not a problem (the
    # English file stands in), so it never changes the exit status.
    print(_("Languages (the English files stand in for what a language lacks):"))
    for line in coverage_lines(content_coverage(*folders)):
        print("  " + line)
    if problems:
        raise UserError(
            ngettext(
                "The exercise library has {n} problem.",
                "The exercise library has {n} problems.",
                len(problems),
            ).format(n=len(problems)),
            details=[str(p) for p in problems],
        )
    print(
        _("The exercise library is valid: {folders}").format(
            folders=", ".join(str(f) for f in folders)
        )
    )
    return 0


def coverage_lines(report: Sequence[Coverage]) -> list[str]:
    """One line per language: "it: 43 of 43 exercises, 4 of 4 agendas", "de: none", with
    the ids a partly translated language lacks."""
    lines = []
    for lang in report:
        done, total = len(lang.exercises), len(lang.exercises) + len(lang.missing_exercises)
        agendas = len(lang.agendas)
        all_agendas = agendas + len(lang.missing_agendas)
        if not done and not agendas:
            lines.append(_("{lang}: none").format(lang=lang.language))
            continue
        line = (
            ngettext(
                "{lang}: {done} of {total} exercise",
                "{lang}: {done} of {total} exercises",
                total,
            ).format(lang=lang.language, done=done, total=total)
            + ", "
            + ngettext("{done} of {total} agenda", "{done} of {total} agendas", all_agendas).format(
                done=agendas, total=all_agendas
            )
        )
        missing = [*lang.missing_exercises, *(f"agendas/{a}" for a in lang.missing_agendas)]
        if missing:
            line += " " + _("(lacks: {ids})").format(ids=", ".join(missing))
        lines.append(line)
    return lines


def copies_argument(text: str) -> tuple[str, ...]:
    """`--copies`: "mentor,program" (any of the copies, in any order), or how many."""
    from workshop_app.core.charters.print_options import COPIES, ordered

    text = text.strip().lower()
    if text.isdigit():
        if not 1 <= int(text) <= len(COPIES):
            raise argparse.ArgumentTypeError(
                _("a number of copies is 1 to {most}").format(most=len(COPIES))
            )
        return tuple(COPIES)[: int(text)] if int(text) > 1 else ()
    try:
        return ordered(word.strip() for word in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text}: copies are {copies} (separated by commas), or a number").format(
                text=repr(text), copies=", ".join(COPIES)
            )
        ) from None


def cmd_charters(args: argparse.Namespace) -> int:
    from workshop_app.core.charters.batch import render_charters, summary_filename
    from workshop_app.core.charters.context import charter_context, workshop_parts
    from workshop_app.core.charters.render_cache import default_cache
    from workshop_app.core.paths import resolved
    from workshop_app.core.roster.store import normalise_code
    from workshop_app.core.store.atomic import write_bytes
    from workshop_app.core.store.workshop_file import WorkshopFile

    resolved(args.out)  # a loop of links is named as one, not as "the folder exists"
    if args.out.exists() and not args.out.is_dir():
        raise UserError(_("{path} is a file; --out needs a folder.").format(path=args.out))
    with WorkshopFile.open(args.file, readonly=True) as wf:
        if args.pair:
            pairs = []
            for code in args.pair:
                try:
                    pair = wf.roster.pair_by_code(normalise_code(code))  # p7 finds P07
                except UserError:
                    pair = None
                if pair is None:
                    raise UserError(
                        _("There is no pair {code} in {file}.").format(
                            code=repr(code), file=args.file.name
                        )
                    )
                if pair not in pairs:
                    pairs.append(pair)
        else:
            pairs = wf.roster.pairs()
            if not pairs:
                raise UserError(
                    _("{file} has no pairs yet: import the roster first.").format(
                        file=args.file.name
                    )
                )
        parts = workshop_parts(wf)
        contexts = [charter_context(wf, p.id, parts=parts) for p in pairs]
        summary = None
        if args.summary:
            from workshop_app.core.charters.summary_context import summary_context

            summary = summary_context(wf)

    result = render_charters(
        contexts,
        out_dir=args.out,
        combined=args.combined or args.copies is not None,
        paper=args.paper,
        progress=_progress_line(_("Rendering charters")),
        workers=0 if len(contexts) <= 2 else None,  # a worker's start-up costs two charters
        cache=default_cache(),
        duplex=args.duplex,
        copies=args.copies or (),
    )
    written = [*result.files, *([result.combined] if result.combined else [])]
    if summary is not None:
        from workshop_app.core.charters.pdf_render import render_summary_pdf

        path = args.out / summary_filename(summary["lang"])
        write_bytes(path, render_summary_pdf(summary, paper=args.paper))
        written.append(path)
    for path in written:
        print(path)
    return 0


def cmd_sign_in_sheet(args: argparse.Namespace) -> int:
    from workshop_app.core.paths import resolved
    from workshop_app.core.roster.attendance import sign_in_context, write_sign_in_sheet
    from workshop_app.core.store.workshop_file import WorkshopFile

    resolved(args.out)  # a loop of links is refused, not silently replaced by the PDF
    if args.out.is_dir():
        raise UserError(
            _("{path} is a folder; --out needs the name of the PDF to write.").format(path=args.out)
        )
    if not args.out.parent.is_dir():
        raise UserError(_("The folder {path} does not exist.").format(path=args.out.parent))
    with WorkshopFile.open(args.file, readonly=True) as wf:
        context = sign_in_context(wf)
    print(write_sign_in_sheet(context, args.out, paper=args.paper))
    return 0


# -- handouts and letters of appointment -----------------------------------------------------


def _add_handouts(sub: argparse._SubParsersAction) -> None:
    import textwrap

    from workshop_app.core.handouts.names import HANDOUTS

    names = "\n".join(f"  {h.name:<10} {h.title}.pdf: {h.what}" for h in HANDOUTS)
    about = textwrap.fill(
        _(
            "Write the handouts for the room into a folder, one PDF each, from the exercise "
            "library's own text with the program's details and the agenda's minutes filled in, "
            "on the workshop's paper size. The handouts, by the short name --only takes:"
        ),
        width=78,
    )
    p = add_command(
        sub,
        "handouts",
        summary=_("print the room's handouts as PDF files"),
        description=f"{about}\n{names}",
        examples=[
            "handouts spring.workshop --out handouts",
            "handouts spring.workshop --out handouts --only scenarios --only grow",
            "--content ~/our-exercises handouts spring.workshop --out handouts",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("the output folder"))
    p.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help=_("only this handout, by its short name (repeat for several); default: all"),
    )
    _add_paper(p)
    p.set_defaults(handler=cmd_handouts)


def _add_paper(p: argparse.ArgumentParser) -> None:
    """`--paper`, the same for every command that prints."""
    p.add_argument(
        "--paper",
        choices=("a4", "letter"),
        type=str.lower,
        help=_("paper size (default: the workshop's setting)"),
    )


def _add_certificates(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "certificates",
        summary=_("print a letter of appointment for every participant"),
        description=_(
            "Write a letter of appointment for every mentor and mentee of the roster "
            "into a folder, one PDF each (named for the person): chosen for the program, its "
            "name and dates, signed by the sponsor, in the organisation's colours; with "
            "--combined, also one PDF of all of them, by name, to print in one go."
        ),
        examples=[
            "certificates spring.workshop --out letters",
            "certificates spring.workshop --out letters --combined --paper letter",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("the output folder"))
    p.add_argument(
        "--combined", action="store_true", help=_("also write 'All letters of appointment.pdf'")
    )
    _add_paper(p)
    p.set_defaults(handler=cmd_certificates)


def _output_folder(out: Path) -> None:
    from workshop_app.core.paths import resolved

    resolved(out)  # a loop of links is named as one, not as "the folder exists"
    if out.exists() and not out.is_dir():
        raise UserError(_("{path} is a file; --out needs a folder.").format(path=out))


def _progress_line(what: str) -> Callable[[int, int], None]:
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            end = "\n" if done == total else ""
            print(f"\r{what}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return progress


def cmd_handouts(args: argparse.Namespace) -> int:
    from workshop_app.core.handouts.render import chosen_handouts, write_handouts

    chosen_handouts(args.only)  # a mistyped name stops here, before anything is read
    _output_folder(args.out)
    content = _content_dir(args)
    written = write_handouts(
        str(args.file),
        [str(content)] if content else [],
        str(args.out),
        args.only,
        args.paper,
        progress=_progress_line(_("Rendering handouts")),
    )
    for path in written:
        print(path)
    return 0


def cmd_certificates(args: argparse.Namespace) -> int:
    from workshop_app.core.certificates.render import write_letters

    _output_folder(args.out)
    written = write_letters(
        str(args.file),
        str(args.out),
        args.combined,
        args.paper,
        progress=_progress_line(_("Rendering letters")),
    )
    for path in written:
        print(path)
    return 0
