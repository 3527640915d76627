"""Charters and the staff summary are tagged PDFs a screen reader can follow (issue 14, 4)."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from workshop_app.core.charters.context import charter_context
from workshop_app.core.charters.pdf_render import render_charter_pdf, render_summary_pdf
from workshop_app.core.charters.summary_context import summary_context
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    create_demo(path).close()
    return path


@pytest.fixture(scope="module")
def charter(demo: Path) -> dict:
    with WorkshopFile.open(demo, readonly=True) as wf:
        return charter_context(wf, wf.roster.pairs()[0].id)


def structure_types(element: Any) -> list[str]:
    """The structure types of the tree under `element`, depth first, in document order."""
    element = element.get_object()
    found = [str(element["/S"])] if "/S" in element else []
    kids = element.get("/K")
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        kid = kid.get_object() if kid is not None else None
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            found += structure_types(kid)
    return found


def assert_tagged_root(data: bytes, *, lang: str, title: str) -> None:
    """The catalogue says tagged, in `lang`, showing `title`, with a structure tree."""
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert (
        root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    )  # the title, not a file name
    assert root["/Lang"] == lang
    assert reader.metadata is not None and reader.metadata.title == title
    tree = root["/StructTreeRoot"].get_object()
    assert tree["/Type"] == "/StructTreeRoot"
    assert "/ParentTree" in tree


def assert_tagged(data: bytes, *, lang: str, title: str) -> list[str]:
    assert_tagged_root(data, lang=lang, title=title)
    reader = PdfReader(io.BytesIO(data))
    tree = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    types = structure_types(tree["/K"][0])
    assert types[0] == "/Document"
    for page in reader.pages:  # every page's marked content is mapped to the tree
        assert "/StructParents" in page
    return types


def test_a_charter_is_tagged_with_its_language_and_title(charter: dict) -> None:
    types = assert_tagged(render_charter_pdf(charter), lang="en-GB", title=charter["title"])
    assert "/H1" in types and "/P" in types
    assert types.count("/H2") >= 12  # a heading per numbered section, "1 The parties" first


def test_the_language_is_the_workshops_charter_language(charter: dict) -> None:
    german = copy.deepcopy(charter)
    german["lang"] = "de-DE"
    assert_tagged(render_charter_pdf(german), lang="de-DE", title=charter["title"])


def test_the_summary_is_tagged(demo: Path) -> None:
    with WorkshopFile.open(demo, readonly=True) as wf:
        context = summary_context(wf)
    types = assert_tagged(render_summary_pdf(context), lang=context["lang"], title=context["title"])
    assert "/H1" in types


def test_the_signature_block_reads_row_by_row(charter: dict) -> None:
    """Role, then the name under the signature line, then the date: mentor, mentee,
    coordinator, in that order (how a screen reader and a copy-paste get it)."""
    reader = PdfReader(io.BytesIO(render_charter_pdf(charter)))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    block = text[text.index("12 Signatures") :]
    pair, program = charter["pair"], charter["program"]
    expected = [
        "Mentor",
        pair["mentor"]["name"],
        "Date",
        "Mentee",
        pair["mentee"]["name"],
        "Date",
        "Program coordinator",
        program["coordinator"],
        "Date",
    ]
    position = 0
    for item in expected:
        found = block.find(item, position)
        assert found >= 0, f"{item!r} is not after {block[:position]!r}"
        position = found + len(item)


def test_the_combined_print_file_is_tagged_charter_by_charter(demo: Path, tmp_path: Path) -> None:
    """'All charters.pdf' keeps each charter's structure: one /Document per charter under
    its root, and every page's marked content maps to elements of that page."""
    from workshop_app.core.charters.batch import render_charters

    with WorkshopFile.open(demo, readonly=True) as wf:
        contexts = [charter_context(wf, p.id) for p in wf.roster.pairs()[:3]]
    result = render_charters(contexts, out_dir=tmp_path, combined=True, workers=0, duplex=True)
    assert result.combined is not None
    data = result.combined.read_bytes()
    title = f"Mentoring charters: {contexts[0]['program']['name']} (3 pairs)"
    assert_tagged_root(data, lang=contexts[0]["lang"], title=title)
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    tree = root["/StructTreeRoot"].get_object()
    documents = [kid.get_object() for kid in tree["/K"]]
    assert [d["/S"] for d in documents] == ["/Document"] * 3
    assert all(d.raw_get("/P").idnum == root.raw_get("/StructTreeRoot").idnum for d in documents)
    nums = tree["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
    keys = []
    for page in reader.pages:
        if "/StructParents" not in page:  # a blank page for double-sided printing
            assert not page.extract_text().strip()
            continue
        keys.append(int(page["/StructParents"]))
        for element in parents[keys[-1]]:
            element = element.get_object()
            assert element["/Pg"].indirect_reference.idnum == page.indirect_reference.idnum
    assert len(keys) == sum(result.pages) and len(set(keys)) == len(keys)
    assert int(tree["/ParentTreeNextKey"]) > max(keys)
    for n, document in enumerate(documents):  # each charter's tree reads its own pair first
        assert contexts[n]["pair"]["code"] in _text_under(document, reader)


def _text_under(element: Any, reader: PdfReader) -> str:
    """The text of the first page an element's tree marks."""
    page = element.raw_get("/Pg") if "/Pg" in element else None
    kids = element.get("/K")
    if page is None:
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            kid = kid.get_object() if kid is not None else None
            if isinstance(kid, DictionaryObject):
                return _text_under(kid, reader)
        return ""
    number = page.idnum
    return next(p for p in reader.pages if p.indirect_reference.idnum == number).extract_text()
