"""Writing the handouts: one PDF each, named for what it is, in the workshop's paper size.

`write_handouts` is the one way, for the CLI (in this process) and the app (in a child
process, `core.jobs.run_in_child`): it takes plain data, reads the workshop read-only, loads the
library with the organisation's folders over the shipped one, and writes each file whole or
not at all (`store.atomic`). The same workshop and library always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workshop_app.core import temp_files
from workshop_app.core.errors import UserError
from workshop_app.core.handouts.context import HANDOUT_TEMPLATE, handout_context
from workshop_app.core.handouts.names import HANDOUT_BY_NAME, HANDOUTS
from workshop_app.core.jobs import CancelCheck, Cancelled, Progress, never_cancelled
from workshop_app.core.store import atomic


def chosen_handouts(names: Sequence[str]) -> list[str]:
    """The short names asked for, in the order of HANDOUTS (all of them when none is);
    a UserError naming the valid ones for a name that is not one."""
    valid = ", ".join(h.name for h in HANDOUTS)
    for name in names:
        if name not in HANDOUT_BY_NAME:
            raise UserError(f"There is no handout {name!r}: the handouts are {valid}.")
    return [h.name for h in HANDOUTS if not names or h.name in names]


def handout_filename(name: str) -> str:
    return f"{HANDOUT_BY_NAME[name].title}.pdf"


def write_handouts(
    path: str,
    content_dirs: Sequence[str],
    out_dir: str,
    names: Sequence[str],
    paper: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck = never_cancelled,
) -> list[Path]:
    """Write the handouts `names` (short names; all when empty) of the workshop at `path`
    into `out_dir`; the files written, in order. Stops with `Cancelled` between handouts
    (those written are kept: each is whole)."""
    from workshop_app.core.charters.pdf_render import (
        ATTENDANCE_TEMPLATE,
        render_document,
        write_pdf,
    )
    from workshop_app.core.content.library import load_library
    from workshop_app.core.roster.attendance import sign_in_context
    from workshop_app.core.store.workshop_file import WorkshopFile

    chosen = chosen_handouts(names)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the folder {folder}: {exc.strerror}.") from exc
    temp_files.remove_stale(folder)
    with WorkshopFile.open(Path(path), readonly=True) as wf:
        # The exercises in the workshop's language, as the runner shows them.
        library = load_library(
            extra_dirs=[Path(d) for d in content_dirs], language=wf.workshop().language
        )
        contexts = [
            (ATTENDANCE_TEMPLATE, sign_in_context(wf))
            if name == "sign-in"
            else (HANDOUT_TEMPLATE, handout_context(wf, library, name))
            for name in chosen
        ]
    written: list[Path] = []
    if progress:
        progress(0, len(chosen))
    for n, (name, (template, context)) in enumerate(zip(chosen, contexts, strict=True)):
        if cancelled():
            raise Cancelled
        data = write_pdf([render_document(template, context, paper=paper)])
        target = folder / handout_filename(name)
        atomic.write_bytes(target, data, batch=True)
        written.append(target)
        if progress:
            progress(n + 1, len(chosen))
    atomic.fsync_folder(folder)
    return written
