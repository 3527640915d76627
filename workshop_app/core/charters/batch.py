"""Printing a whole room's charters: per-pair PDFs in worker processes, plus one combined PDF.

Where the time goes, measured (see benchmarks/bench_charters.py): laying out a charter takes
about 0.25 s; writing its PDF took 1.2 s more, nearly all of it fontTools subsetting the same
three fonts again for every document. `charters.font_subsets` now does that once per process, so a
charter costs its layout plus ~0.05 s, and the layouts run in parallel on every core.

- Work goes to a `ProcessPoolExecutor` (spawn context: safe beside a GUI's threads) one
  charter at a time; the entry point `_render_chunk` takes plain data only.
- Each worker keeps its parsed stylesheets, fonts and font subsets across its chunks.
- Given a `charters.render_cache`, a charter rendered before (same context, same renderer) is copied
  from it instead, and each charter rendered is kept there: printing a room again, or
  archiving charters printed before, costs file copies.
- Every file is written by `store.atomic.write_bytes` (a hidden temporary name in the output folder,
  renamed into place), so a failure or a cancel never leaves half a file; what a killed run
  left there is removed when the next one starts, and the folder is flushed once at the end.
- Workers leave as soon as the process that started them is gone (`parent_watch`).
- The combined PDF is the per-pair files joined (`charters.pdf_join`: still tagged, one
  copy of each font), with a bookmark per pair: its bytes depend on the charters only, not
  on the workers. For double-sided printing (`duplex`) a blank page follows every charter
  with an odd number of pages, so that the next one starts on a front page. With `copies`
  it holds each pair's labelled copies (`charters.print_options`) instead, rendered into a
  hidden folder and removed once joined; the per-pair files stay one unlabelled charter
  each, as they are printed alone.
"""

from __future__ import annotations

import math
import os
import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.core import temp_files
from workshop_app.core.charters.pdf_join import join_pdfs
from workshop_app.core.charters.print_options import labelled as copy_contexts
from workshop_app.core.charters.render_cache import (
    Memo,
    RenderCache,
    cached,
    default_cache,
    render_key,
)
from workshop_app.core.errors import UserError
from workshop_app.core.file_names import safe_filename, unique_names
from workshop_app.core.i18n import N_, translations
from workshop_app.core.jobs import CancelCheck, Progress
from workshop_app.core.parent_watch import watch_parent
from workshop_app.core.store import atomic

# The combined file's name before translation (an English workshop's, and the one a test or
# another document per pair can pass as `combined_name`).
COMBINED_TITLE = N_("All charters")
COMBINED_NAME = f"{COMBINED_TITLE}.pdf"
# Translators: the name of the file of the staff summary (a file name: no / or :).
SUMMARY_TITLE = N_("Workshop summary")


def combined_filename(lang: str | None) -> str:
    """The name of the file holding every charter, in the charter language `lang`."""
    return safe_filename(translations(lang).gettext(COMBINED_TITLE), fallback="charters")


def summary_filename(lang: str | None) -> str:
    """The name of the staff summary's PDF, in the charter language `lang`."""
    return safe_filename(translations(lang).gettext(SUMMARY_TITLE), fallback="summary")


@dataclass(slots=True, kw_only=True)
class BatchResult:
    """What `render_charters` wrote. `files` follows the order of the contexts given."""

    files: list[Path] = field(default_factory=list)
    combined: Path | None = None
    pages: list[int] = field(default_factory=list)
    cancelled: bool = False


# -- file names --------------------------------------------------------------------------


def charter_filename(context: dict) -> str:
    """`P07 - Margaret Osei & Daniel Kowalski.pdf`."""
    pair = context["pair"]
    return safe_filename(f"{pair['code']} - {pair['names']}")


# -- rendering -----------------------------------------------------------------------------


def render_charters(
    contexts: Sequence[dict],
    *,
    out_dir: Path,
    combined: bool,
    paper: str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    workers: int | None = None,
    combined_name: str | None = None,
    cache: RenderCache | None = None,
    private: bool = False,
    duplex: bool = False,
    copies: Sequence[str] = (),
    template: str | None = None,
    file_name: Callable[[dict], str] = charter_filename,
    combined_title: str | None = None,
) -> BatchResult:
    """Write one PDF per charter context into `out_dir` and, if asked, one combined PDF
    (each charter starting on a front page if `duplex`; each pair's labelled `copies`, keys
    of `charters.print_options.COPIES`, in place of its charter if any).

    `progress(done, total)` is called in this thread as charters finish; `cancelled()` is
    polled a few times a second and stops the batch (files already finished are kept and
    listed, the combined file is not written). `workers=0` renders in this process (tests,
    a one-off charter from the command line); None starts worker processes on every core,
    as the GUI needs (WeasyPrint never runs on a thread of the app's process). With a
    `cache`, a charter rendered before is copied from it, and every new one is kept there.
    The files get the user's usual permissions, or 0600 if `private` (a scratch folder).
    Another printed document made per pair (the review packets) comes through here too: its
    `template` (default: the charter's), its `file_name(context)` and the combined file's
    `combined_title`.
    """
    if combined_name is None:
        combined_name = combined_filename(contexts[0].get("lang") if contexts else None)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the folder {out_dir}: {exc.strerror}.") from exc
    temp_files.remove_stale(out_dir)
    total = len(contexts)
    # One progress bar for the charters and then their copies.
    report = progress
    copy_count = total * len(copies) if combined else 0

    def overall(done: int, _total: int, *, offset: int = 0) -> None:
        if report:
            report(offset + done, total + copy_count)

    if progress:
        progress = overall
    names = unique_names(
        [file_name(c) for c in contexts], taken=[combined_name] if combined else []
    )
    result = BatchResult(files=[out_dir / n for n in names], pages=[0] * total)
    if progress:
        progress(0, total)
    if total == 0:
        result.files = []
        return result

    keys = charter_keys(contexts, paper, template) if cache else None
    todo: list[int] | None = list(range(total))
    if cache is not None and keys is not None:
        todo = _copy_cached(cache, keys, result, progress, cancelled, private)
    if todo is None:
        result.cancelled = True
        todo = []
    done = total - len(todo)
    count = _worker_count(workers, len(todo))
    # One charter a job: the pool hands the next one to whichever worker is free, so the
    # workers finish within one charter of each other (with four a job, one core sat idle
    # for up to four charters at the end of a batch), and progress and a cancel move charter
    # by charter. Handing one over costs about a millisecond; laying it out, a few hundred.
    jobs = [[i] for i in todo]

    def finished(indexes: list[int], pages: list[int]) -> None:
        nonlocal done
        for i, p in zip(indexes, pages, strict=True):
            result.pages[i] = p
        done += len(indexes)
        if progress:
            progress(done, total)

    def job_args(indexes: list[int]) -> tuple[Any, ...]:
        return (
            [contexts[i] for i in indexes],
            [names[i] for i in indexes],
            paper,
            str(out_dir),
            str(cache.folder) if cache else None,
            [keys[i] for i in indexes] if keys else None,
            private,
            count > 0,
            template,
        )

    if result.cancelled or not jobs:
        pass  # cancelled while copying from the cache, or every charter was there
    elif count == 0:
        for indexes in jobs:
            if cancelled and cancelled():
                result.cancelled = True
                break
            finished(indexes, _render_chunk(*job_args(indexes)))
    else:
        result.cancelled = _run_pool(jobs, job_args, finished, cancelled, count)
    if cache is not None and todo:
        cache.forget_index()
        cache.prune()
    if result.cancelled:
        kept = [i for i, p in enumerate(result.pages) if p]
        result.files = [result.files[i] for i in kept]
        result.pages = [result.pages[i] for i in kept]
    elif combined and copies:
        labelled = copy_contexts(contexts, copies)
        scratch = temp_files.new_folder(out_dir, combined_name)
        try:
            printed = render_charters(
                labelled,
                out_dir=scratch,
                combined=False,
                paper=paper,
                progress=lambda done, _total: overall(done, _total, offset=total),
                cancelled=cancelled,
                workers=workers,
                cache=cache,
                private=True,
            )
            result.cancelled = printed.cancelled
            if not printed.cancelled:
                result.combined = out_dir / combined_name
                join_pdfs(
                    printed.files, labelled, target=result.combined, private=private, duplex=duplex
                )
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    elif combined:
        result.combined = out_dir / combined_name
        join_pdfs(
            result.files,
            contexts,
            target=result.combined,
            private=private,
            duplex=duplex,
            title=combined_title,
        )
    atomic.fsync_folder(out_dir)
    return result


def _copy_cached(
    cache: RenderCache,
    keys: list[str],
    result: BatchResult,
    progress: Progress | None,
    cancelled: CancelCheck | None,
    private: bool,
) -> list[int] | None:
    """Put every charter the cache holds in place; the indexes left to render (None if
    cancelled meanwhile)."""
    todo = []
    for i, key in enumerate(keys):
        if i % 25 == 0 and cancelled and cancelled():
            return None
        found = cache.read(key)
        if found is None:
            todo.append(i)
            continue
        atomic.write_bytes(result.files[i], found[0], private=private, batch=True)
        result.pages[i] = found[1]
        done = i + 1 - len(todo)
        if progress and done % 25 == 0:
            progress(done, len(keys))
    if progress and len(todo) < len(keys):
        progress(len(keys) - len(todo), len(keys))
    return todo


def _run_pool(
    jobs: list[list[int]],
    job_args: Callable[[list[int]], tuple[Any, ...]],
    finished: Callable[[list[int], list[int]], None],
    cancelled: CancelCheck | None,
    count: int,
) -> bool:
    """Run the chunks on `count` worker processes. True if cancelled."""
    import multiprocessing

    pool = ProcessPoolExecutor(
        max_workers=count, mp_context=multiprocessing.get_context("spawn"), initializer=watch_parent
    )
    pending: dict[Future[list[int]], list[int]] = {}
    stopped = False
    try:
        for indexes in jobs:
            pending[pool.submit(_render_chunk, *job_args(indexes))] = indexes
        while pending and not stopped:
            ready, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in ready:
                finished(pending.pop(future), future.result())
            stopped = bool(pending) and cancelled is not None and cancelled()
    finally:
        # On a cancel or an error: drop the chunks not started, let the running ones finish
        # their files (each is written whole or not at all).
        pool.shutdown(wait=True, cancel_futures=True)
    for future, indexes in pending.items():
        if future.done() and not future.cancelled() and future.exception() is None:
            finished(indexes, future.result())
    return stopped


def _worker_count(workers: int | None, total: int) -> int:
    """`workers` if given (0: in this process), else one process per core, two charters
    at least per process (starting one costs about as much as rendering two)."""
    if workers is not None:
        return max(0, workers)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, math.ceil(total / 2)))


def charter_key(
    context: dict, paper: str | None, memo: Memo | None = None, template: str | None = None
) -> str:
    from workshop_app.core.charters.pdf_render import CHARTER_TEMPLATE

    return render_key(template or CHARTER_TEMPLATE, context, paper, memo=memo)


def charter_keys(
    contexts: Sequence[dict], paper: str | None, template: str | None = None
) -> list[str]:
    memo: Memo = {}
    return [charter_key(c, paper, memo, template) for c in contexts]


def _render_chunk(
    contexts: list[dict],
    names: list[str],
    paper: str | None,
    out_dir: str,
    cache_folder: str | None = None,
    keys: list[str] | None = None,
    private: bool = False,
    in_worker: bool = False,
    template: str | None = None,
) -> list[int]:
    """Worker entry point (plain data in, page counts out): write each charter's PDF, and
    keep it in the cache at `cache_folder` under its key."""
    from workshop_app.core.charters.pdf_render import (
        CHARTER_TEMPLATE,
        render_document,
        settle_heap,
        write_pdf,
    )

    cache = RenderCache(Path(cache_folder)) if cache_folder else None
    pages = []
    for n, (context, name) in enumerate(zip(contexts, names, strict=True)):
        document = render_document(template or CHARTER_TEMPLATE, context, paper=paper)
        data = write_pdf([document])
        if in_worker:
            settle_heap()  # after the first charter: stylesheets, fonts and subsets are loaded
        atomic.write_bytes(Path(out_dir) / name, data, private=private, batch=True)
        pages.append(len(document.pages))
        if cache is not None and keys is not None:
            cache.put(keys[n], data, len(document.pages))
    return pages


def charter_files(
    contexts: Sequence[dict],
    *,
    scratch: Path,
    cache: RenderCache | None,
    paper: str | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[Path]:
    """A PDF file for every context, in order, for a caller that copies them somewhere
    itself: the cache's own entry where it holds one, else a file rendered into `scratch`
    (and kept in the cache)."""
    keys = charter_keys(contexts, paper)
    found = [cache.lookup(key) if cache else None for key in keys]
    misses = [i for i, entry in enumerate(found) if entry is None]
    ready = len(contexts) - len(misses)

    def shifted(done: int, _total: int) -> None:
        if progress:
            progress(ready + done, len(contexts))

    rendered = render_charters(
        [contexts[i] for i in misses],
        out_dir=scratch,
        combined=False,
        paper=paper,
        progress=shifted,
        workers=workers,
        cache=cache,
        private=True,
    )
    paths = [entry[0] if entry else scratch for entry in found]
    for i, path in zip(misses, rendered.files, strict=True):
        paths[i] = path
    return paths


def cached_charter_pdf(context: dict, *, paper: str | None = None) -> bytes:
    """One charter's PDF (the preview): from the render cache where it is, else rendered in
    this process and kept there."""
    from workshop_app.core.charters.pdf_render import CHARTER_TEMPLATE, render_document, write_pdf

    def render() -> tuple[bytes, int]:
        document = render_document(CHARTER_TEMPLATE, context, paper=paper)
        return write_pdf([document]), len(document.pages)

    return cached(default_cache(), charter_key(context, paper), render)
