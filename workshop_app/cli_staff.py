"""The staff subcommands of `workshop-app`: `export` and `merge`.

`cli.py` calls `register()` with its subparsers; the handlers return the exit status and let a
`UserError` reach `cli.main`, which prints it and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from workshop_app.core.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    from workshop_app.cli import add_command
    from workshop_app.core.exports.formats import FORMATS

    p = add_command(
        sub,
        "export",
        summary=_("export the records for program staff: csv, xlsx, json, ics or archive"),
        description=_(
            "Export a workshop's records for program staff. Content private to the "
            "pairs (boundaries, goals marked private) is left out unless --include-confidential "
            "is given; every file says which. The workshop is opened read-only and never changed."
        ),
        examples=[
            "export spring.workshop --format xlsx --out records.xlsx",
            "export spring.workshop --format ics --out calendars.zip --per-pair \\\n"
            "--timezone Europe/London",
            "export spring.workshop --format archive --out archive.zip \\\n--include-confidential",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.add_argument("--format", required=True, choices=FORMATS, help=_("what to write"))
    p.add_argument(
        "--out",
        required=True,
        type=Path,
        help=_(
            "where: a file for xlsx, json and ics; a new folder, or a .zip, for csv and "
            "archive (and for ics with --per-pair)"
        ),
    )
    p.add_argument(
        "--include-confidential",
        action="store_true",
        help=_("include content private to the pairs"),
    )
    p.add_argument(
        "--per-pair", action="store_true", help=_("ics: one calendar per pair (folder or .zip)")
    )
    p.add_argument(
        "--timezone",
        metavar="ZONE",
        help=_(
            "ics: the time zone of the agreed meeting times, like Europe/London, or "
            "'floating' for times without a zone (default: this computer's time zone)"
        ),
    )
    p.set_defaults(handler=cmd_export)

    p = add_command(
        sub,
        "merge",
        summary=_("merge the workshop files of several rooms of one launch into a new file"),
        description=_(
            "Combine the workshop files of several rooms of the same launch into a new "
            "file and print a report of conflicts and renamed pair codes. The inputs are not "
            "changed."
        ),
        examples=["merge launch.workshop room-a.workshop room-b.workshop room-c.workshop"],
    )
    p.add_argument("out", type=Path, help=_("the new merged .workshop file (must not exist)"))
    p.add_argument("inputs", type=Path, nargs="+", help=_("the rooms' .workshop files"))
    p.set_defaults(handler=cmd_merge)


def cmd_export(args: argparse.Namespace) -> int:
    from workshop_app.core.exports.formats import export_workshop
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(args.file, readonly=True) as wf:
        result = export_workshop(
            wf,
            format=args.format,
            out=args.out,
            include_confidential=args.include_confidential,
            per_pair=args.per_pair,
            timezone=args.timezone,
            progress=_progress_on_terminal(),
        )
    if result.confidential_included:
        print(result.summary())
    else:
        print(_("{summary} (--include-confidential puts it in.)").format(summary=result.summary()))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from workshop_app.core.merge.rooms import merge_workshops

    out = args.out if args.out.suffix else args.out.with_suffix(".workshop")
    report = merge_workshops(out=out, inputs=args.inputs, progress=_progress_on_terminal())
    print(report.text())
    return 0


def _progress_on_terminal() -> Callable[[int, int], None] | None:
    """A progress callback that redraws one line on stderr, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{done}/{total}", end=end, file=sys.stderr, flush=True)

    return show
