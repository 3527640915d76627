"""Writing a checkpoint's review packets: one PDF per pair and, if asked, one of all of them.

`write_review_packets` is the one way, for the CLI (in this process) and the app (in a child
process, `core.jobs.run_in_child`). The packets go through the charters' batch
(`charters.batch.render_charters`): the same worker processes, render cache, whole-or-nothing
files and combined file (`charters.pdf_join`: tagged, a bookmark per pair, each packet on a
front page when printed double-sided). The same workshop always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.core.file_names import safe_filename
from workshop_app.core.followup.review_context import REVIEW_TEMPLATE, packet_batch
from workshop_app.core.i18n import _, ngettext, translations
from workshop_app.core.jobs import CancelCheck, Cancelled, Progress, never_cancelled

COMBINED_NAME = "All review packets.pdf"


@dataclass(frozen=True, slots=True)
class PacketsWritten:
    """What `write_review_packets` wrote, and the pairs it left out, in words."""

    day: int
    files: list[Path] = field(default_factory=list)
    combined: Path | None = None
    left_out: str = ""

    def summary(self) -> str:
        """'12 review packets for day 90 (1 closed pair left out).'"""
        n = len(self.files)
        what = ngettext(
            "{n} review packet for day {day}", "{n} review packets for day {day}", n
        ).format(n=n, day=self.day)
        if not self.left_out:
            return what + "."
        return _("{what} ({left_out}).").format(what=what, left_out=self.left_out)


def packet_filename(context: dict) -> str:
    """`P07 - Margaret Osei & Daniel Kowalski - Day 90 review.pdf`."""
    pair = context["pair"]
    # File names stay English in every charter language, as the charters' and handouts' do;
    # long names give way, the checkpoint is never cut.
    label = f"Day {context['checkpoint']['day']} review"
    return safe_filename(f"{pair['code']} - {pair['names']}", fallback="review", ending=label)


def write_review_packets(
    path: str,
    day: int,
    out_dir: str,
    combined: bool,
    paper: str | None = None,
    duplex: bool = True,
    pair_ids: list[str] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck = never_cancelled,
    workers: int | None = None,
) -> PacketsWritten:
    """Write the day-`day` review packet of every open pair that has that checkpoint (or of
    `pair_ids`) of the workshop at `path` into `out_dir`, and COMBINED_NAME if `combined`.
    `Cancelled` leaves the packets finished, each whole, and no combined file."""
    from workshop_app.core.charters.batch import render_charters
    from workshop_app.core.charters.render_cache import default_cache
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(Path(path), readonly=True) as wf:
        batch = packet_batch(wf, day, pair_ids=pair_ids)
    contexts = batch.contexts
    first = contexts[0]
    result = render_charters(
        contexts,
        out_dir=Path(out_dir),
        combined=combined,
        paper=paper,
        progress=progress,
        cancelled=cancelled,
        # A worker's start-up costs about two packets.
        workers=workers if workers is not None else (0 if len(contexts) <= 2 else None),
        combined_name=COMBINED_NAME,
        cache=default_cache(),
        duplex=duplex,
        template=REVIEW_TEMPLATE,
        file_name=packet_filename,
        # The PDF's title is part of the document: the workshop's language.
        combined_title=translations(first["lang"])
        .ngettext(
            "Day {day} review packets: {program} ({n} pair)",
            "Day {day} review packets: {program} ({n} pairs)",
            len(contexts),
        )
        .format(day=day, program=first["program"]["name"], n=len(contexts)),
    )
    if result.cancelled:
        raise Cancelled
    return PacketsWritten(
        day=day, files=result.files, combined=result.combined, left_out=batch.left_out()
    )
