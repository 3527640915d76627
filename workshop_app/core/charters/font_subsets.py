"""Font subsets shared between PDFs: the step that made every charter PDF slow, done once.

WeasyPrint embeds a subset of each font holding exactly the glyphs a document uses. Without
HarfBuzz-subset installed it subsets with fontTools, which decompiles the whole font's layout
tables first: about 0.4 s per font face, three faces per charter, every charter. That was two
thirds of the time of printing a charter.

Here each font is subset to the glyphs the document uses *plus a fixed base set* (the
glyphs of printable ASCII, Latin-1, Latin Extended-A and common punctuation), and subsets
are cached by (font file, glyph set). A charter written in a Latin script then uses no glyph
outside the base set, every charter gets the same subset, and the work is done once per
process. The result stays deterministic: what a PDF holds depends only on its own text,
never on what was rendered before it or beside it, so the preview, a single re-print and a
batch print of the same charter are the same bytes.

fontTools also stamps the time into every font it saves; `reproducible_sfnt` puts the
font's own creation date back, so the same charter gives the same bytes on any day.

The hook is per document (`install(document)`), not a global patch: it wraps the `subset`
and `clean` methods of the Font objects WeasyPrint creates while writing that document, and
does nothing if a future WeasyPrint no longer has them (the PDF is then just slower to make).
"""

from __future__ import annotations

import hashlib
import io
import struct
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

BASE_TEXT = (
    "".join(chr(c) for c in range(0x20, 0x7F))  # ASCII
    + "".join(chr(c) for c in range(0xA0, 0x180))  # Latin-1 and Latin Extended-A
    + "\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021"
    + "\u2022\u2026\u2030\u2032\u2033\u2039\u203a\u20ac\u2122\u2212\u00b7\u2190\u2192"
)
# The standard ligatures that shaping makes of BASE_TEXT ("office", "fly"): glyphs of their
# own, which the cmap does not list. By their usual glyph names; a font without them simply
# has none, and a charter that uses one it does have still gets it.
BASE_LIGATURES = ("fi", "fl", "f_f", "f_f_i", "f_f_l", "f_i", "f_l")
_CACHE_SIZE = 64

_subsets: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
_base_glyphs: dict[tuple[str, int], frozenset[int]] = {}
stats = {"hits": 0, "misses": 0}


class _SubsetCachingFonts(dict[Any, Any]):
    """`Document.fonts`: every font WeasyPrint adds gets the caching subset."""

    def __setitem__(self, key: Any, font: Any) -> None:
        _wrap(font)
        super().__setitem__(key, font)


def install(document: Any) -> Any:
    """Make `document` (a weasyprint Document about to be written) use cached subsets."""
    fonts = getattr(document, "fonts", None)
    if isinstance(fonts, dict) and not isinstance(fonts, _SubsetCachingFonts):
        caching = _SubsetCachingFonts()
        for key, font in fonts.items():
            caching[key] = font
        document.fonts = caching
    return document


def _wrap(font: Any) -> None:
    original: Callable[[dict[int, str], bool], None] | None = getattr(font, "subset", None)
    original_clean: Callable[[dict[int, str], bool], None] | None = getattr(font, "clean", None)
    if original is None or not isinstance(getattr(font, "file_content", None), bytes):
        return

    if original_clean is not None:

        def clean(to_unicode: dict[int, str], hinting: bool) -> None:
            original_clean(to_unicode, hinting)
            if isinstance(font.file_content, bytes):
                font.file_content = reproducible_sfnt(font.file_content)

        font.clean = clean

    def subset(to_unicode: dict[int, str], hinting: bool) -> None:
        if not to_unicode:
            original(to_unicode, hinting)
            return
        digest = hashlib.blake2b(font.file_content, digest_size=16).hexdigest()
        index = int(getattr(font, "index", 0) or 0)
        gids = frozenset(to_unicode) | _base(digest, index, font.file_content)
        key = (digest, index, gids, bool(hinting), bool(getattr(font, "missing", None)))
        cached = _subsets.get(key)
        if cached is not None:
            _subsets.move_to_end(key)
            stats["hits"] += 1
            font.file_content = cached
            return
        stats["misses"] += 1
        font.file_content = without_layout_tables(font.file_content, index)
        original(dict.fromkeys(sorted(gids), ""), hinting)
        _subsets[key] = font.file_content
        while len(_subsets) > _CACHE_SIZE:
            _subsets.popitem(last=False)

    font.subset = subset


def without_layout_tables(data: bytes, index: int) -> bytes:
    """The font without its GSUB and GPOS tables, which the subset drops anyway.

    The text is shaped by then (Pango read the font file itself), and a PDF needs no
    substitution or positioning rules. fontTools decompiles both tables before dropping
    them, three quarters of its time; without them a face subsets in 0.13 s instead of
    0.45 s, to the same bytes (tested). A collection, or a font fontTools cannot read,
    is left as it is."""
    if index or data[:4] == b"ttcf":
        return data
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(data), lazy=True)
        if "GSUB" not in font and "GPOS" not in font:
            return data
        for tag in ("GSUB", "GPOS"):
            if tag in font:
                del font[tag]
        out = io.BytesIO()
        font.save(out, reorderTables=False)
        return out.getvalue()
    except Exception:  # unreadable here: the subsetter gets the font as it was
        return data


def reproducible_sfnt(data: bytes) -> bytes:
    """The font with its `head.modified` set to `head.created`.

    fontTools stamps the time of saving into every font it writes (subsets, emoji fonts
    with their bitmaps removed), which would make two prints of the same charter differ.
    """
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return data
    (count,) = struct.unpack_from(">H", data, 4)
    for i in range(count):
        record = 12 + 16 * i
        if record + 16 > len(data):
            return data
        tag, _, offset, length = struct.unpack_from(">4sLLL", data, record)
        if tag != b"head":
            continue
        if length < 36 or offset + length > len(data):
            return data
        out = bytearray(data)
        out[offset + 28 : offset + 36] = out[offset + 20 : offset + 28]  # modified = created
        out[offset + 8 : offset + 12] = b"\0\0\0\0"  # checkSumAdjustment, recomputed below
        struct.pack_into(">L", out, record + 4, _checksum(out[offset : offset + length]))
        adjustment = (0xB1B0AFBA - _checksum(out)) & 0xFFFFFFFF
        struct.pack_into(">L", out, offset + 8, adjustment)
        return bytes(out)
    return data


def _checksum(data: bytes | bytearray) -> int:
    padded = bytes(data) + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}L", padded)) & 0xFFFFFFFF


def _base(digest: str, index: int, content: bytes) -> frozenset[int]:
    """The glyph ids of BASE_TEXT and its ligatures in this font (read once per process)."""
    key = (digest, index)
    found = _base_glyphs.get(key)
    if found is None:
        found = frozenset()
        try:
            from fontTools.ttLib import TTFont

            font = TTFont(io.BytesIO(content), fontNumber=index, lazy=True)
            cmap = font.getBestCmap() or {}
            names = [cmap[ord(ch)] for ch in BASE_TEXT if ord(ch) in cmap]
            known = set(font.getGlyphOrder())
            names += [name for name in BASE_LIGATURES if name in known]
            found = frozenset(font.getGlyphID(name) for name in names)
        except Exception:  # an unreadable cmap: subset to the used glyphs only
            found = frozenset()
        _base_glyphs[key] = found
    return found


def clear() -> None:
    """Forget cached subsets (tests; a long-lived process after a font change)."""
    _subsets.clear()
    _base_glyphs.clear()
    stats.update(hits=0, misses=0)
