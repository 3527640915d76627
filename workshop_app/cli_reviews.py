"""The `reviews` subcommand of `workshop-app`: a checkpoint's review packets as PDF files.

`cli.py` calls `register()` with its subparsers; the handler returns the exit status and lets
a `UserError` reach `cli.main`, which prints it and exits 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_app.core.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    from workshop_app.cli import _add_paper, add_command

    p = add_command(
        sub,
        "reviews",
        summary=_("print the review packets for a checkpoint as PDF files"),
        description=_(
            "Write one review packet per pair for a checkpoint (days after the first "
            "meeting: 30, 90, 180, or the pair's own review days) into a folder, pre-filled from "
            "the pair's signed charter: each goal with its measure, its baseline and a 1-5 scale, "
            "the agreed cadence, the troubleshooting plans, what the pair changes, signatures. "
            "Closed pairs are left out. With --combined, also one PDF of all of them, ready for "
            "double-sided printing."
        ),
        examples=[
            "reviews spring.workshop --checkpoint 90 --out reviews",
            "reviews spring.workshop --checkpoint 30 --out reviews --combined --paper letter",
        ],
    )
    p.add_argument("file", type=Path, help=_("the .workshop file (opened read-only)"))
    p.add_argument(
        "--checkpoint",
        type=_days,
        required=True,
        metavar="DAYS",
        help=_("the checkpoint: days after the pair's first meeting, like 90"),
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("the output folder"))
    p.add_argument("--combined", action="store_true", help=_("also write 'All review packets.pdf'"))
    p.add_argument(
        "--duplex",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=_(
            "in 'All review packets.pdf', start each packet on a front page (the default); "
            "--no-duplex for printing on one side"
        ),
    )
    _add_paper(p)
    p.set_defaults(handler=cmd_reviews)


def _days(text: str) -> int:
    try:
        days = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a number of days, like 90").format(text=repr(text))
        ) from None
    if not 0 < days <= 3650:
        raise argparse.ArgumentTypeError(
            _("a checkpoint is 1 to 3650 days after the first meeting")
        )
    return days


def cmd_reviews(args: argparse.Namespace) -> int:
    import sys

    from workshop_app.cli import _output_folder, _progress_line
    from workshop_app.core.followup.review_render import write_review_packets

    _output_folder(args.out)
    written = write_review_packets(
        str(args.file),
        args.checkpoint,
        str(args.out),
        args.combined,
        args.paper,
        args.duplex,
        progress=_progress_line(_("Rendering review packets")),
    )
    for path in [*written.files, *([written.combined] if written.combined else [])]:
        print(path)
    print(written.summary(), file=sys.stderr)
    return 0
