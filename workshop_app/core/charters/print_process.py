"""Print a workshop's charters from a child process (see `core.jobs.run_in_child`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workshop_app.core.charters.batch import BatchResult, render_charters
from workshop_app.core.charters.context import charter_context, workshop_parts
from workshop_app.core.charters.print_options import PrintOptions
from workshop_app.core.charters.render_cache import default_cache
from workshop_app.core.jobs import CancelCheck, Cancelled, Progress, run_in_child
from workshop_app.core.store.workshop_file import WorkshopFile


def render_workshop_charters(
    path: str,
    pair_ids: list[str],
    out_dir: str,
    duplex: bool,
    copies: tuple[str, ...],
    *,
    progress: Progress,
    cancelled: CancelCheck,
) -> BatchResult:
    """The child's work: read the charters and render them (per pair and combined)."""
    with WorkshopFile.open(Path(path), readonly=True) as wf:
        parts = workshop_parts(wf)
        contexts = [charter_context(wf, pair_id, parts=parts) for pair_id in pair_ids]
    result = render_charters(
        contexts,
        out_dir=Path(out_dir),
        combined=True,
        progress=progress,
        cancelled=cancelled,
        cache=default_cache(),
        duplex=duplex,
        copies=copies,
    )
    if result.cancelled:
        raise Cancelled
    return result


def print_in_process(
    path: Path,
    pair_ids: Sequence[str],
    out_dir: Path,
    options: PrintOptions,
    *,
    progress: Progress,
    cancelled: CancelCheck,
) -> BatchResult:
    """Render `pair_ids` into `out_dir` (plus the combined PDF) in a child process; waits."""
    result: BatchResult = run_in_child(
        render_workshop_charters,
        str(path),
        list(pair_ids),
        str(out_dir),
        options.duplex,
        options.copies,
        progress=progress,
        cancelled=cancelled,
    )
    return result
