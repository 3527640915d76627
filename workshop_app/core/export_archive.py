"""Archive export: every charter as PDF, the staff summary, and the JSON, in a folder or a zip.

    charters/P01 - Margaret Osei & Daniel Kowalski.pdf   one per pair
    charters/All charters.pdf                             the same, in one file
    Workshop summary.pdf
    workshop.json                                         the JSON export
    README.txt                                            what is inside, and what was left out

A pair's charter is the version both partners signed where there is one (even if it was
edited since: the archive keeps the record), else the current draft. The charters are
rendered by `batch_render` (worker processes, each file written atomically) into a temporary
folder that becomes the archive only once everything is written.

Confidentiality: `charter_context` describes the charter as the pair sees it, private fields
and goals included. Unless the export includes confidential content, the archive replaces
that text in the context, before rendering, with a note saying it was left out; which text is
private comes from the model (`CharterField.private`, `Goal.private`) as in every export.
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.core.atomic import atomic_file, atomic_folder
from workshop_app.core.charter_context import charter_context, clean
from workshop_app.core.export_json import json_bytes
from workshop_app.core.export_tables import (
    ExportData,
    Progress,
    about_lines,
    goals_private,
    private_fields,
)

if TYPE_CHECKING:
    from workshop_app.core.workshop_file import WorkshopFile

CHARTERS_DIR = "charters"
SUMMARY_NAME = "Workshop summary.pdf"
JSON_NAME = "workshop.json"
README_NAME = "README.txt"
LEFT_OUT = "Private to the pair: left out of this staff copy."
_GOAL_KEY = ("goal", "why", "measure", "first_steps")


def write_archive(
    wf: WorkshopFile,
    data: ExportData,
    *,
    out: Path,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[str]:
    """Write the archive to the new folder `out`, or to a zip if `out` ends in `.zip`.

    `workers` is passed to `batch_render.render_charters` (0 renders in this process)."""
    if out.suffix.lower() == ".zip":
        with atomic_file(out) as temp:
            scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
            try:
                names = _fill(wf, data, scratch, progress, workers)
                with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as zf:
                    for name in names:
                        zf.write(scratch / name, name)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
        return names
    with atomic_folder(out) as folder:
        return _fill(wf, data, folder, progress, workers)


def _fill(
    wf: WorkshopFile,
    data: ExportData,
    folder: Path,
    progress: Progress | None,
    workers: int | None,
) -> list[str]:
    from workshop_app.core.batch_render import render_charters
    from workshop_app.core.pdf_render import render_summary_pdf
    from workshop_app.core.summary_context import summary_context

    contexts = [
        archive_context(wf, o.pair_id, version=o.signed_version, include=data.include_confidential)
        for o in data.overview
    ]
    total = len(contexts) + 2

    def rendered(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, total)

    result = render_charters(
        contexts,
        out_dir=folder / CHARTERS_DIR,
        combined=bool(contexts),
        progress=rendered,
        workers=workers,
    )
    summary = summary_context(wf)
    if workers == 0:
        pdf = render_summary_pdf(summary)
    else:
        # Like the charters, never with WeasyPrint in the app's own process.
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
            pdf = pool.submit(render_summary_pdf, summary).result()
    (folder / SUMMARY_NAME).write_bytes(pdf)
    if progress is not None:
        progress(len(contexts) + 1, total)
    (folder / JSON_NAME).write_bytes(json_bytes(data))
    (folder / README_NAME).write_bytes(readme_text(data).encode("utf-8-sig"))
    if progress is not None:
        progress(total, total)
    charters = [*result.files, *([result.combined] if result.combined else [])]
    return [
        README_NAME,
        SUMMARY_NAME,
        JSON_NAME,
        *(f"{CHARTERS_DIR}/{path.name}" for path in charters),
    ]


def archive_context(
    wf: WorkshopFile, pair_id: str, *, version: int | None, include: bool
) -> dict[str, Any]:
    """The charter context of one pair, with private text replaced unless `include`."""
    context = charter_context(wf, pair_id, version=version)
    if include:
        return context
    private = {f.label: f.name for f in private_fields()}
    if version is None:
        goals = [(g.private, {k: getattr(g, k) for k in _GOAL_KEY}) for g in
                 wf.charters.goals(pair_id)]  # fmt: skip
    else:
        snapshot = wf.charters.signed_snapshot(pair_id, version) or {}
        goals = [(bool(g.get("private")), g) for g in snapshot.get("goals", [])]
    withheld = {
        tuple(clean(g.get(k, "")) for k in _GOAL_KEY)
        for is_private, g in goals
        if is_private or goals_private()
    }
    for section in context["sections"]:
        for entry in section["long"]:
            if entry["label"] in private:
                entry["text"] = LEFT_OUT
        for entry in section["short"]:
            if entry.get("name") in private.values():
                entry["text"] = LEFT_OUT
        for goal in section["goals"] or []:
            if tuple(goal.get(k, "") for k in _GOAL_KEY) in withheld:
                goal.update(goal=LEFT_OUT, why="-", measure="-", target_date="-", first_steps="-")
    return context


def readme_text(data: ExportData) -> str:
    lines = ["Mentoring workshop archive", ""]
    lines += [f"{key}: {value}" for key, value in about_lines(data)]
    lines += [
        "",
        "Contents:",
        f"  {CHARTERS_DIR}/  one PDF per pair, and all of them in one file",
        f"  {SUMMARY_NAME}  the one-page staff summary (counts only, no charter content)",
        f"  {JSON_NAME}  every record of the workshop (see its _about entry)",
        "",
        "Which version of each charter is here:",
    ]
    for o in data.overview:
        if o.signed_version is None:
            state = f"not signed: the current draft (version {o.version})"
        elif o.version > o.signed_version:
            state = (
                f"the signed version {o.signed_version}; it was edited after signing "
                f"(now version {o.version}), and that draft is not in the archive"
            )
        else:
            state = f"the signed version {o.signed_version}"
        lines.append(f"  {o.code}  {o.mentor_name} & {o.mentee_name}: {state}")
    return "\r\n".join(lines) + "\r\n"


__all__ = ["archive_context", "readme_text", "write_archive"]
