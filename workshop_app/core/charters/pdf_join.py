"""The combined print file: per-pair charter PDFs joined into one, still a tagged PDF.

Joining copies each file's pages, a bookmark per pair (under it one per labelled copy), and
for double-sided printing a blank page after every charter with an odd number of pages.
Copying pages alone would drop what makes each file accessible: its structure tree
(headings, paragraphs, tables, in reading order) and the map from each page's marked
content to it. Here each file's tree becomes one more `/Document` under the combined file's
root, its pages' `/StructParents` keys move past those of the files before it, and its
parent tree's entries follow them: a screen reader reads the combined file charter by
charter, as it reads each charter's own file.

qpdf (through pikepdf) does the copying: a charter's ~750 structure objects, 40 times, took
pypdf's pure-Python reader 10 s; qpdf copies them in a fraction of a second. Every charter
embeds the same three font subsets (`charters.font_subsets`), so a font already in the
combined file is shared rather than copied again. The bytes depend on the files only.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workshop_app.core.charters.pdf_render import document_language
from workshop_app.core.i18n import translations
from workshop_app.core.store import atomic


def join_pdfs(
    files: Sequence[Path],
    contexts: Sequence[dict],
    *,
    target: Path,
    private: bool = False,
    duplex: bool = False,
    title: str | None = None,
) -> None:
    """One tagged PDF of `files` in order, a bookmark per pair (under it one per labelled
    copy), metadata for the whole set. With `duplex`, a blank page of the same size follows
    each file with an odd number of pages: every charter starts on a front page when printed
    double-sided. (A plain blank: a printed note would need a font of its own.) `title`
    names the set (default: the program's mentoring charters)."""
    import pikepdf

    combined = pikepdf.new()
    structure = _Structure(combined)
    fonts = _SharedFonts()
    marks: list[tuple[str, int, list[tuple[str, int]]]] = []
    previous = None
    sources = []
    for path, context in zip(files, contexts, strict=True):
        source = pikepdf.open(path)
        sources.append(source)  # open until the combined file is saved: qpdf copies lazily
        start = len(combined.pages)
        combined.pages.extend(source.pages)
        copied = list(combined.pages)[start:]
        structure.add(source, copied)
        for copy in copied:
            fonts.share(copy)
        pair = context["pair"]
        if pair["id"] != previous:
            marks.append((f"{pair['code']}: {pair['names']}", start, []))
            previous = pair["id"]
        if context.get("copy_label"):
            marks[-1][2].append((context["copy_label"], start))
        if duplex and (len(combined.pages) - start) % 2:
            box = combined.pages[-1].mediabox
            combined.add_blank_page(
                page_size=(float(box[2]) - float(box[0]), float(box[3]) - float(box[1]))
            )
    structure.finish()
    with combined.open_outline() as outline:
        for mark, first_page, copies in marks:
            item = pikepdf.OutlineItem(mark, first_page)
            item.children.extend(pikepdf.OutlineItem(label, at) for label, at in copies)
            outline.root.append(item)
    first = contexts[0]
    pairs = len({c["pair"]["id"] for c in contexts})
    created = max(c["created"] for c in contexts)
    stamp = "D:" + re.sub(r"\D", "", created)[:14] + "Z"
    t = translations(first["lang"])
    combined.docinfo = combined.make_indirect(
        pikepdf.Dictionary(
            Title=title
            or t.ngettext(
                "Mentoring charters: {program} ({n} pair)",
                "Mentoring charters: {program} ({n} pairs)",
                pairs,
            ).format(program=first["program"]["name"], n=pairs),
            Author=first["author"],
            Creator="workshop-app",
            Producer="WeasyPrint and qpdf",
            CreationDate=stamp,
            ModDate=stamp,
        )
    )
    root = combined.Root
    root.Lang = document_language(first["lang"])
    root.MarkInfo = pikepdf.Dictionary(Marked=structure.tagged)
    root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    root.PageMode = pikepdf.Name.UseOutlines
    buffer = io.BytesIO()
    # No /ID (as the per-pair files): the same charters give the same bytes on any day.
    combined.save(
        buffer,
        static_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        compress_streams=True,
    )
    for source in sources:
        source.close()
    atomic.write_bytes(target, buffer.getvalue(), private=private, batch=True)


class _Structure:
    """The combined file's structure tree, built from each joined file's."""

    def __init__(self, pdf: Any) -> None:
        import pikepdf

        self._pdf = pdf
        self._kids = pikepdf.Array()
        self._nums: Any = pikepdf.Array()  # keys (int) and values, alternating
        self._namespaces: Any = None
        self._next_key = 0
        self.tagged = False
        self._root = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=self._kids)
        )

    def add(self, source: Any, pages: Sequence[Any]) -> None:
        """Graft `source`'s structure tree (if it has one) under the combined root; `pages`
        are its pages as copied into the combined file, in order."""
        import pikepdf

        tree = source.Root.get("/StructTreeRoot")
        if tree is None:
            return
        # Copied after the pages: qpdf maps each element's /Pg to the page's copy.
        tree = self._pdf.copy_foreign(tree)
        kids = tree.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]:
            kid.P = self._root
            self._kids.append(kid)
        if self._namespaces is None and "/Namespaces" in tree:
            self._namespaces = tree.Namespaces
        offset = self._next_key
        highest = -1
        for key, value in _number_tree(tree.get("/ParentTree")):
            self._nums.extend([key + offset, value])
            highest = max(highest, key)
        for page in pages:
            highest = max(highest, _shift(page.obj, "/StructParents", offset))
            for annotation in page.obj.get("/Annots") or []:
                highest = max(highest, _shift(annotation, "/StructParent", offset))
        self._next_key = offset + highest + 1
        self.tagged = True

    def finish(self) -> None:
        """Hang the tree on the catalogue (if any file had one)."""
        import pikepdf

        if not self.tagged:
            return
        self._root.ParentTree = self._pdf.make_indirect(pikepdf.Dictionary(Nums=self._nums))
        self._root.ParentTreeNextKey = self._next_key
        if self._namespaces is not None:
            self._root.Namespaces = self._namespaces
        self._pdf.Root.StructTreeRoot = self._root


class _SharedFonts:
    """Each embedded font file the combined file already holds, by its bytes: a copied
    page's font then uses the first copy of an identical file instead of its own. (The font
    dictionaries stay each charter's own: their widths list the glyphs that charter uses.)"""

    _FILES = ("/FontFile", "/FontFile2", "/FontFile3")

    def __init__(self) -> None:
        self._seen: dict[bytes, Any] = {}

    def share(self, page: Any) -> None:
        fonts = page.obj.get("/Resources", {}).get("/Font")
        for name in list(fonts.keys()) if fonts is not None else []:
            font = fonts[name]
            for part in [font, *(font.get("/DescendantFonts") or [])]:
                descriptor = part.get("/FontDescriptor")
                for key in self._FILES if descriptor is not None else ():
                    if key in descriptor:
                        descriptor[key] = self._first(descriptor[key])

    def _first(self, stream: Any) -> Any:
        digest = hashlib.blake2b(stream.read_raw_bytes(), digest_size=16)
        for key in sorted(stream.stream_dict.keys()):
            digest.update(f"{key}={stream.stream_dict[key]!r};".encode())
        return self._seen.setdefault(digest.digest(), stream)


def _number_tree(node: Any) -> list[tuple[int, Any]]:
    """The (key, value) pairs of a PDF number tree, leaves and intermediate nodes alike."""
    if node is None:
        return []
    found = []
    nums = node.get("/Nums") or []
    for i in range(0, len(nums) - 1, 2):
        found.append((int(nums[i]), nums[i + 1]))
    for kid in node.get("/Kids") or []:
        found += _number_tree(kid)
    return found


def _shift(obj: Any, key: str, offset: int) -> int:
    """Move `obj[key]` (a parent tree key) on by `offset`; the key it had (-1: none)."""
    if key not in obj:
        return -1
    old = int(obj[key])
    obj[key] = old + offset
    return old
