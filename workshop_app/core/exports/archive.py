"""Archive export: every charter as PDF, the staff summary, and the JSON, in a folder or a zip.

    README.txt                                            what is inside, and what was left out
    Workshop summary.pdf                                  named in the workshop's language
    workshop.json                                         the JSON export
    charters/P01 - Margaret Osei & Daniel Kowalski.pdf   one per pair

The summary is for a person, so its name is in the workshop's language ("Riepilogo del
workshop.pdf"); README.txt, workshop.json and charters/ keep their names in every language,
as scripts that read an archive find its parts by them.

A pair's charter is the version both partners signed where there is one (even if it was
edited since: the archive keeps the record), else the current draft. The archive is written
to a temporary file or folder that takes its name only once everything is written; charters
rendered for it are kept meanwhile in a scratch folder of the app's own private temporary
folder (`temp_files`: what a killed export left there is removed by the next one).

Speed: rendering is what an archive costs (a quarter of a second of a core per charter), so
it takes each charter from the `charters.render_cache` where it is, and renders only the others
(`charters.batch`, worker processes on every core). While a workshop is open the app keeps
the cache ready (`prepare_archive`, a low-priority child process), so archiving a 2,000-pair
workshop is a matter of copying files.

Confidentiality: `charter_context` describes the charter as the pair sees it, private fields
and goals included. Unless the export includes confidential content, the archive replaces
that text in the context, before rendering, with a note saying it was left out; which text is
private comes from the model (`CharterField.private`, `Goal.private`) as in every export.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workshop_app.core import temp_files
from workshop_app.core.charters.context import (
    WorkshopParts,
    charter_context,
    clean,
    workshop_parts,
)
from workshop_app.core.charters.render_cache import RenderCache, cached, default_cache, render_key
from workshop_app.core.errors import UserError
from workshop_app.core.exports.json_document import json_bytes
from workshop_app.core.exports.tables import (
    GOAL_PART_NAMES,
    ExportData,
    about_lines,
    goals_private,
    private_fields,
)
from workshop_app.core.i18n import N_, translations
from workshop_app.core.jobs import CancelCheck, Progress
from workshop_app.core.parent_watch import watch_parent
from workshop_app.core.paths import temp_dir
from workshop_app.core.store.atomic import atomic_file, atomic_folder, check_target

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

T = TypeVar("T")

CHARTERS_DIR = "charters"
JSON_NAME = "workshop.json"
README_NAME = "README.txt"
LEFT_OUT = N_("Private to the pair: left out of this staff copy.")
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

    Charters already in the render cache (printed, previewed or archived before, or prepared
    by `prepare_archive`) are copied from it; the others are rendered by
    `charters.batch.render_charters` (`workers` is passed on: 0 renders in this process)."""
    from workshop_app.core.charters.batch import charter_filename, charter_files, summary_filename
    from workshop_app.core.charters.summary_context import summary_context
    from workshop_app.core.file_names import unique_names

    out = check_target(out, folder=out.suffix.lower() != ".zip")
    cache = default_cache()
    contexts = archive_contexts(wf, data)
    names = [f"{CHARTERS_DIR}/{n}" for n in unique_names([charter_filename(c) for c in contexts])]
    total = len(contexts) + 2

    def rendered(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, total)

    try:
        scratch = temp_files.new_folder(temp_files.app_temp_dir(), out.name)
    except OSError as exc:
        raise UserError(
            f"Could not prepare {out.name} in the app's temporary folder {temp_dir()} "
            f"({exc.strerror or exc}): nothing was written."
        ) from exc
    try:
        sources = charter_files(
            contexts, scratch=scratch, cache=cache, progress=rendered, workers=workers
        )

        def extras() -> dict[str, bytes]:
            summary = summary_context(wf, overview=data.overview)
            return {
                README_NAME: readme_text(data).encode("utf-8-sig"),
                summary_filename(data.workshop.language): summary_pdf(
                    summary, cache=cache, workers=workers
                ),
                JSON_NAME: json_bytes(data),
            }

        if out.suffix.lower() == ".zip":
            with atomic_file(out) as temp, zipfile.ZipFile(temp, "w") as zf:
                written = _alongside(lambda: _zip_files(zf, names, sources), extras)
                for name, content in written.items():
                    zf.writestr(zip_entry(name), content)
        else:
            with atomic_folder(out) as folder:
                (folder / CHARTERS_DIR).mkdir()
                written = _alongside(lambda: _copy_files(folder, names, sources), extras)
                for name, content in written.items():
                    (folder / name).write_bytes(content)
        rendered(total - 1, total)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    rendered(total, total)
    return [*written, *names]


def prepare_archive(
    path: str,
    include_confidential: bool,
    *,
    progress: Progress,
    cancelled: CancelCheck,
) -> int:
    """Render into the render cache, in this process and at a low priority, every charter the
    archive of the workshop at `path` would hold and the cache lacks (the app runs this in a
    child process while the workshop is open, so that exporting the archive is quick).
    Returns how many charters were rendered."""
    from workshop_app.core.charters.batch import charter_keys, render_charters
    from workshop_app.core.charters.summary_context import summary_context
    from workshop_app.core.exports.tables import read_export_data
    from workshop_app.core.store.workshop_file import WorkshopFile

    cache = default_cache()
    if cache is None:
        return 0
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)  # behind the app, the presenter window and anything else running
    with WorkshopFile.open(Path(path), readonly=True) as wf:
        data = read_export_data(wf, include_confidential=include_confidential)
        contexts = archive_contexts(wf, data)
        summary = summary_context(wf, overview=data.overview)
    keys = charter_keys(contexts, None)
    missing = [c for c, key in zip(contexts, keys, strict=True) if cache.lookup(key) is None]
    scratch = temp_files.new_folder(temp_files.app_temp_dir(), "prepare-archive")
    try:
        result = render_charters(
            missing,
            out_dir=scratch,
            combined=False,
            progress=progress,
            cancelled=cancelled,
            workers=0,
            cache=cache,
            private=True,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if not result.cancelled and not cancelled():
        summary_pdf(summary, cache=cache, workers=0)
    return len(result.files)


def archive_contexts(wf: WorkshopFile, data: ExportData) -> list[dict[str, Any]]:
    """The staff copy of every pair's charter, in the order of `data.overview`."""
    parts = workshop_parts(wf)
    return [
        archive_context(
            wf, o.pair_id, version=o.signed_version, include=data.include_confidential, parts=parts
        )
        for o in data.overview
    ]


def summary_pdf(
    summary: dict[str, Any], *, cache: RenderCache | None, workers: int | None
) -> bytes:
    """The staff summary PDF, from the cache if it holds it, else rendered (in a worker
    process unless `workers` is 0: never WeasyPrint in the app's own process)."""
    from workshop_app.core.charters.pdf_render import SUMMARY_TEMPLATE, render_summary_pdf

    def render() -> tuple[bytes, int]:
        if workers == 0:
            return render_summary_pdf(summary), 0
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=spawn, initializer=watch_parent) as pool:
            return pool.submit(render_summary_pdf, summary).result(), 0

    return cached(cache, render_key(SUMMARY_TEMPLATE, summary, None), render)


def zip_entry(name: str) -> zipfile.ZipInfo:
    """A zip member written now, readable by all; PDFs are stored as they are (they are
    compressed already: deflating them again only costs time), the rest deflated."""
    entry = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    entry.compress_type = zipfile.ZIP_STORED if name.endswith(".pdf") else zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    return entry


def _alongside(copy: Callable[[], None], work: Callable[[], T]) -> T:
    """`work()`, while `copy()` runs on a thread: copying is file input and output, which lets
    go of the interpreter, so it costs next to nothing beside the work of this thread."""
    with ThreadPoolExecutor(max_workers=1) as copier:
        copying = copier.submit(copy)
        result = work()
        copying.result()
    return result


def _zip_files(zf: zipfile.ZipFile, names: list[str], sources: list[Path]) -> None:
    for name, source in zip(names, sources, strict=True):
        zf.writestr(zip_entry(name), source.read_bytes())


def _copy_files(folder: Path, names: list[str], sources: list[Path]) -> None:
    """Copy each file and flush it to the disk (the folder is renamed into place after)."""
    for name, source in zip(names, sources, strict=True):
        with open(folder / name, "wb") as target:
            target.write(source.read_bytes())
            target.flush()
            os.fsync(target.fileno())


def archive_context(
    wf: WorkshopFile,
    pair_id: str,
    *,
    version: int | None,
    include: bool,
    parts: WorkshopParts | None = None,
) -> dict[str, Any]:
    """The charter context of one pair, with private text replaced unless `include`."""
    context = charter_context(wf, pair_id, version=version, parts=parts)
    if include:
        return context
    # By field name: the printed labels are in the charter's language.
    private = {f.name for f in private_fields()}
    left_out = translations(context["lang"]).gettext(LEFT_OUT)
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
        for entry in section["long"] + section["short"]:
            if entry.get("name") in private:
                entry["text"] = left_out
        for goal in section["goals"] or []:
            if tuple(goal.get(k, "") for k in _GOAL_KEY) in withheld:
                goal.update(dict.fromkeys(GOAL_PART_NAMES, "-"), goal=left_out)
    return context


def readme_text(data: ExportData) -> str:
    """The archive's README, in the workshop's charter language (file names as they are)."""
    from workshop_app.core.charters.batch import summary_filename

    lang = data.workshop.language or "en"
    t = translations(lang)
    lines = [t.gettext("Mentoring workshop archive"), ""]
    lines += [f"{key}: {value}" for key, value in about_lines(data, lang)]
    lines += [
        "",
        t.gettext("Contents:"),
        f"  {CHARTERS_DIR}/  " + t.gettext("one PDF per pair"),
        f"  {summary_filename(lang)}  "
        + t.gettext("the one-page staff summary (counts only, no charter content)"),
        f"  {JSON_NAME}  " + t.gettext("every record of the workshop (see its _about entry)"),
        "",
        t.gettext("Which version of each charter is here:"),
    ]
    for o in data.overview:
        if o.signed_version is None:
            state = t.gettext("not signed: the current draft (version {version})").format(
                version=o.version
            )
        elif o.version > o.signed_version:
            state = t.gettext(
                "the signed version {signed}; it was edited after signing "
                "(now version {version}), and that draft is not in the archive"
            ).format(signed=o.signed_version, version=o.version)
        else:
            state = t.gettext("the signed version {signed}").format(signed=o.signed_version)
        lines.append(f"  {o.code}  {o.mentor_name} & {o.mentee_name}: {state}")
    return "\r\n".join(lines) + "\r\n"


__all__ = ["archive_context", "readme_text", "write_archive"]
