"""Rendered PDFs kept by what they show, so that no charter is laid out twice.

Laying out a charter with WeasyPrint takes about a quarter of a second of a core: that is
what made archiving a 2,000-pair workshop, or printing a room again, take minutes. Yet a PDF
depends on nothing but
- its context (the plain data of `charter_context`, or of `archive_context` for a staff copy),
  the template and the paper;
- the renderer: the templates and stylesheets, the code that drives WeasyPrint, the versions
  of the libraries it uses, and the fonts installed on this machine;
and the same inputs always give the same bytes (tested across processes). So each PDF is kept
under a hash of all of these, and rendering the same inputs again is a file copy. An entry
cannot go stale: an edit changes the context and so the key; a new template, library or font
changes the renderer's fingerprint, which names the folder the entries are in (the folders of
other fingerprints are deleted once unused for a day).

The cache lives in the platform's cache folder: `WORKSHOP_APP_CACHE_DIR` moves it, `off`
turns it off, and with `WORKSHOP_APP_DATA_DIR` set (portable installs, tests) it is in that
folder. Every entry is written whole (a temporary file, then a rename), the least recently
used are deleted beyond MAX_BYTES, and an entry that cannot be read or written is simply
rendered: the cache never makes a print or an export fail. It holds what the PDFs hold
(a pair's own copy includes the text private to the pair), so its folders are 0700 and its
entries 0600, as the backups are (`private_files`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from workshop_app.core import temp_files
from workshop_app.core.paths import cache_root
from workshop_app.core.private_files import make_private_dir

log = logging.getLogger(__name__)

MAX_BYTES = 1 << 30  # 1 GiB: 10,000 to 20,000 charters, with a logo or without
STALE_SECONDS = 24 * 3600
TOUCH_AFTER_S = 3600  # an entry's time of last use is kept to the hour (for pruning)
FORMAT = 1  # raise when a change of this module's layout makes older entries unreadable
_LIBRARIES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "pillow", "jinja2")


@cache
def fingerprint() -> str:
    """A hash of everything besides the context that a rendered PDF depends on."""
    from workshop_app.core.charters.pdf_render import template_dir

    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name} {version}\n".encode())
    files = render_code()
    files += sorted(p for p in template_dir().rglob("*") if p.is_file())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(font_stamp().encode())
    return digest.hexdigest()[:20]


def render_code() -> list[Path]:
    """The source files of the code that lays a charter out, wherever the modules live."""
    from workshop_app.core.charters import font_subsets, pdf_render

    return [Path(module.__file__ or "") for module in (pdf_render, font_subsets)]


def font_stamp() -> str:
    """What changes when fonts are installed, removed or upgraded: the modification times of
    the font folders (as fontconfig itself checks them), every level of them."""
    lines = []
    for root in font_folders():
        for folder, _dirs, _files in os.walk(root):
            with contextlib.suppress(OSError):
                lines.append(f"{folder} {os.stat(folder).st_mtime_ns}")
    return "\n".join(sorted(lines))


def font_folders() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        candidates = [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        candidates = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    else:
        candidates = [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local/share/fonts",
            home / ".fonts",
            Path("/etc/fonts"),
        ]
    return [p for p in candidates if p.is_dir()]


Memo = dict[int, tuple[object, str]]
_SHARED_PARTS = ("brand", "program")  # alike in every charter of a workshop; a logo is big


def render_key(template: str, context: dict, paper: str | None, *, memo: Memo | None = None) -> str:
    """The key of one PDF: the template, the paper and the context (the fingerprint is the
    folder). Contexts are plain data; anything else is written as its text. The parts that
    the charters of a batch share are hashed once per `memo` (keyed by the object)."""
    shallow = dict(context)
    for name in _SHARED_PARTS:
        part = shallow.get(name)
        if isinstance(part, dict):
            found = memo.get(id(part)) if memo is not None else None
            if found is None:
                found = (part, _digest(part))
                if memo is not None:
                    memo[id(part)] = found
            shallow[name] = found[1]
    return _digest([template, paper, shallow])


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class RenderCache:
    """The entries of one renderer fingerprint: `<key>.<pages>.pdf` in `folder`.

    Plain enough to send to a worker process (`folder` is all it holds besides an index)."""

    folder: Path
    _index: dict[str, Path] | None = field(default=None, repr=False, compare=False)

    def lookup(self, key: str) -> tuple[Path, int] | None:
        """The entry's file and page count, or None. Marks it recently used; an entry that
        is not a whole PDF (a damaged disk, someone's editing) is deleted."""
        path = self._entries().get(key)
        if path is None:
            return None
        try:
            with open(path, "rb") as handle:
                head = handle.read(5)
                stat = os.fstat(handle.fileno())
                handle.seek(max(0, stat.st_size - 32))
                tail = handle.read()
            if head != b"%PDF-" or b"%%EOF" not in tail:
                path.unlink()
                raise OSError(f"{path.name} is not a whole PDF")
            if time.time() - stat.st_mtime > TOUCH_AFTER_S:
                os.utime(path)
        except OSError as exc:  # deleted meanwhile (another process pruned it), or damaged
            log.info("render cache: %s", exc)
            self._entries().pop(key, None)
            return None
        return path, int(path.name.split(".")[1])

    def read(self, key: str) -> tuple[bytes, int] | None:
        found = self.lookup(key)
        if found is None:
            return None
        try:
            return found[0].read_bytes(), found[1]
        except OSError:
            return None

    def put(self, key: str, data: bytes, pages: int) -> None:
        """Keep `data` under `key`; any failure only means it is not kept."""
        target = self.folder / f"{key}.{pages}.pdf"
        temp = None
        try:
            make_private_dir(self.folder)
            temp = temp_files.new_file(self.folder, target.name)  # 0600
            with open(temp, "wb") as handle:
                handle.write(data)
            os.replace(temp, target)
        except OSError as exc:
            log.info("render cache: could not keep %s: %s", target.name, exc)
            if temp is not None:
                temp.unlink(missing_ok=True)
            return
        if self._index is not None:
            self._index[key] = target

    def forget_index(self) -> None:
        """Read the folder again on the next lookup (after workers added entries)."""
        self._index = None

    def _entries(self) -> dict[str, Path]:
        if self._index is None:
            index: dict[str, Path] = {}
            with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
                for entry in entries:
                    key, _, rest = entry.name.partition(".")
                    if rest.endswith(".pdf") and rest[:-4].isdigit():
                        index[key] = Path(entry.path)
            self._index = index
        return self._index

    def prune(self, *, max_bytes: int = MAX_BYTES) -> None:
        """Delete the least recently used entries beyond `max_bytes`, and the folders of other
        fingerprints unused for a day. Never raises."""
        try:
            self._prune(max_bytes)
        except OSError as exc:
            log.info("render cache: could not prune %s: %s", self.folder, exc)

    def _prune(self, max_bytes: int) -> None:
        now = time.time()
        with os.scandir(self.folder.parent) as siblings:
            for entry in siblings:
                if (
                    entry.is_dir()
                    and entry.name != self.folder.name
                    and now - entry.stat().st_mtime > STALE_SECONDS
                ):
                    shutil.rmtree(entry.path, ignore_errors=True)
        temp_files.remove_stale(self.folder)  # left by killed processes
        files = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if entry.is_file() and entry.name.endswith(".pdf"):
                    stat = entry.stat()
                    files.append((stat.st_mtime, stat.st_size, entry.path))
        total = sum(size for _, size, _ in files)
        if total <= max_bytes:
            return
        files.sort()
        for _, size, path in files:
            if total <= max_bytes * 0.8:
                break
            Path(path).unlink(missing_ok=True)
            total -= size
        self._index = None


def cached(cache: RenderCache | None, key: str, render: Callable[[], tuple[bytes, int]]) -> bytes:
    """The PDF under `key` if `cache` holds it, else `render()` (bytes and page count), kept."""
    found = cache.read(key) if cache else None
    if found is not None:
        return found[0]
    data, pages = render()
    if cache is not None:
        cache.put(key, data, pages)
    return data


def default_cache() -> RenderCache | None:
    """This machine's cache for the current renderer, or None when caching is off."""
    root = cache_root()
    if root is None:
        return None
    folder = root / "pdf" / fingerprint()
    with contextlib.suppress(OSError):
        make_private_dir(folder)
        os.utime(folder)  # in use: not stale
    return RenderCache(folder)


def cached_files() -> list[Path]:
    """Every cached PDF on this machine, of every renderer fingerprint and every workshop."""
    root = cache_root()
    folder = root / "pdf" if root is not None else None
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*/*") if p.is_file())


def clear() -> int:
    """Delete every cached PDF (and what killed processes left beside them); how many PDFs.

    For anonymising a workshop (`followup.retention`): an entry is named by the hash of what it
    shows, not by its workshop, so which entries hold that workshop's names cannot be told
    without working out again the key of every document ever printed from it (each copy,
    paper, language and template, as it was before the names went). All are deleted instead:
    the other workshops' charters are rendered once more when next printed. Never raises; an
    entry that cannot be deleted is logged."""
    files = cached_files()
    removed = 0
    for path in files:
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:  # pruned meanwhile by another process
            pass
        except OSError as exc:
            log.warning("render cache: could not delete %s: %s", path, exc)
    for folder in {p.parent for p in files}:
        temp_files.remove_stale(folder)
    return removed


__all__ = [
    "RenderCache",
    "cached",
    "cached_files",
    "clear",
    "default_cache",
    "fingerprint",
    "render_key",
]
