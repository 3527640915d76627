"""Writing the letters of appointment: one PDF per participant and, if asked, one of all.

`write_letters` is the one way, for the CLI (in this process) and the app (in a child
process, `core.jobs.run_in_child`). It lays each letter out once: the per-person file is that
layout, and the combined file joins the same layouts, its fonts subset once for all
(`charters.pdf_render.write_pdf`). A letter is one page, so the whole room's letters take
seconds in one process; the charters' worker pool (`charters.batch`) is built around
multi-page charters and their render cache, which letters do not need. Files are written whole
or not at all, and the same roster always gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from workshop_app.core import temp_files
from workshop_app.core.certificates.context import CERTIFICATE_TEMPLATE, letter_contexts
from workshop_app.core.errors import UserError
from workshop_app.core.file_names import safe_filename, unique_names
from workshop_app.core.i18n import translations
from workshop_app.core.jobs import CancelCheck, Cancelled, Progress, never_cancelled
from workshop_app.core.store import atomic

COMBINED_NAME = "All letters of appointment.pdf"


def letter_filename(context: dict) -> str:
    """`Letter of appointment - Margaret Osei.pdf`."""
    return safe_filename(f"Letter of appointment - {context['person']['name']}", fallback="letter")


def write_letters(
    path: str,
    out_dir: str,
    combined: bool,
    paper: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck = never_cancelled,
) -> list[Path]:
    """Write a letter for every participant of the workshop at `path` into `out_dir` (and
    COMBINED_NAME with all of them if `combined`); the files written, the combined one last.
    `Cancelled` between letters leaves those written, each whole, and no combined file."""
    from workshop_app.core.charters.pdf_render import render_document, write_pdf
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(Path(path), readonly=True) as wf:
        contexts = letter_contexts(wf)
    if not contexts:
        raise UserError(f"{Path(path).name} has no participants yet: import the roster first.")
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the folder {folder}: {exc.strerror}.") from exc
    temp_files.remove_stale(folder)
    names = unique_names(
        [letter_filename(c) for c in contexts], taken=[COMBINED_NAME] if combined else []
    )
    # Progress counts letters; joining them into the combined file takes a moment at the end.
    steps = len(contexts)
    if progress:
        progress(0, steps)
    documents = []
    written: list[Path] = []
    for n, (context, name) in enumerate(zip(contexts, names, strict=True)):
        if cancelled():
            raise Cancelled
        document = render_document(CERTIFICATE_TEMPLATE, context, paper=paper)
        atomic.write_bytes(folder / name, write_pdf([document]), batch=True)
        written.append(folder / name)
        if combined:
            documents.append(document)
        if progress:
            progress(n + 1, steps)
    if combined:
        if cancelled():
            raise Cancelled
        target = folder / COMBINED_NAME
        atomic.write_bytes(
            target, write_pdf([_all_in_one(documents, contexts[0]["lang"])]), batch=True
        )
        written.append(target)
    atomic.fsync_folder(folder)
    return written


def _all_in_one(documents: list, lang: str) -> object:
    """The letters' pages as one document, titled for all of them (a joined document takes
    its metadata from its first letter)."""
    import copy

    whole = documents[0].copy([page for document in documents for page in document.pages])
    whole.metadata = copy.copy(whole.metadata)
    n = len(documents)
    whole.metadata.title = (
        translations(lang)
        .ngettext(
            "Letters of appointment ({n} participant)",
            "Letters of appointment ({n} participants)",
            n,
        )
        .format(n=n)
    )
    return whole
