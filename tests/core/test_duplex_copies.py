"""The combined PDF for double-sided printing and labelled copies, checked by its pages."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop_app.core.charters.batch import charter_key, render_charters
from workshop_app.core.charters.context import charter_context
from workshop_app.core.charters.pdf_join import join_pdfs
from workshop_app.core.charters.pdf_render import (
    CHARTER_TEMPLATE,
    jinja_env,
    render_charter_pdf,
    render_html,
)
from workshop_app.core.charters.print_options import COPIES, labelled, ordered
from workshop_app.core.charters.render_cache import RenderCache
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def made_pdf(tmp_path: Path, name: str, pages: int, paper: str) -> Path:
    """A PDF of `pages` pages reading "NAME page N", on `paper` (a stand-in charter)."""
    from workshop_app.core.charters.pdf_render import _load_weasyprint

    _load_weasyprint()  # without its start-up warning
    from weasyprint import HTML

    body = "".join(
        f'<p style="break-before: page">{name} page {n}</p>' for n in range(1, pages + 1)
    )
    html = f"<style>@page {{ size: {paper}; }}</style>{body}"
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(HTML(string=html).write_pdf())
    return path


def fake_context(code: str) -> dict:
    return {
        "pair": {"id": f"id-{code}", "code": code, "names": f"Mentor {code} & Mentee {code}"},
        "program": {"name": "Accelerate"},
        "author": "Northwind",
        "created": "2027-01-19T09:00:00",
        "lang": "en",
        "copy_label": "",
    }


def outline(reader: PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Each top bookmark's title and page, with its children's titles and pages."""
    marks: list[tuple[str, int, list[tuple[str, int]]]] = []
    for item in reader.outline:
        if isinstance(item, list):
            children = [(c.title, reader.get_destination_page_number(c)) for c in item]
            title, page, _ = marks[-1]
            marks[-1] = (title, page, children)
        else:
            marks.append((item.title, reader.get_destination_page_number(item), []))
    return marks


def texts(reader: PdfReader) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()).strip() for page in reader.pages]


def size(page) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    return round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Charters of 1 page (Letter), 2 pages and 5 pages (A4)."""
    folder = tmp_path_factory.mktemp("parts")
    return [
        made_pdf(folder, "A", 1, "letter"),
        made_pdf(folder, "B", 2, "A4"),
        made_pdf(folder, "C", 5, "A4"),
    ]


def test_duplex_starts_every_charter_on_a_front_page(parts: list[Path], tmp_path: Path) -> None:
    contexts = [fake_context(c) for c in ("P01", "P02", "P03")]
    join_pdfs(parts, contexts, target=tmp_path / "duplex.pdf", duplex=True)
    reader = PdfReader(tmp_path / "duplex.pdf")
    assert texts(reader) == [
        "A page 1",
        "",  # blank: the back of A's only sheet
        "B page 1",
        "B page 2",
        "C page 1",
        "C page 2",
        "C page 3",
        "C page 4",
        "C page 5",
        "",  # blank after C too: whatever is printed next starts on a front page
    ]
    assert [size(p) for p in reader.pages] == [LETTER, LETTER] + [A4] * 8
    assert outline(reader) == [
        ("P01: Mentor P01 & Mentee P01", 0, []),
        ("P02: Mentor P02 & Mentee P02", 2, []),
        ("P03: Mentor P03 & Mentee P03", 4, []),
    ]
    assert reader.metadata is not None
    assert reader.metadata["/Title"] == "Mentoring charters: Accelerate (3 pairs)"


def test_without_duplex_the_charters_follow_each_other(parts: list[Path], tmp_path: Path) -> None:
    contexts = [fake_context(c) for c in ("P01", "P02", "P03")]
    join_pdfs(parts, contexts, target=tmp_path / "simplex.pdf", duplex=False)
    reader = PdfReader(tmp_path / "simplex.pdf")
    assert "" not in texts(reader) and len(reader.pages) == 8
    assert [page for _, page, _ in outline(reader)] == [0, 1, 3]


def test_copies_are_ordered_and_checked() -> None:
    assert ordered(["program", "mentor"]) == ("mentor", "program")
    assert ordered(["mentee", "mentee"]) == ("mentee",)
    with pytest.raises(ValueError, match="sponsor"):
        ordered(["mentor", "sponsor"])
    two = labelled([fake_context("P01"), fake_context("P02")], ["mentee", "mentor"])
    assert [(c["pair"]["code"], c["copy_label"]) for c in two] == [
        ("P01", "Mentor's copy"),
        ("P01", "Mentee's copy"),
        ("P02", "Mentor's copy"),
        ("P02", "Mentee's copy"),
    ]


@pytest.fixture(scope="module")
def demo_contexts(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """P01 (4 pages) and P10 (5 pages) of the demo."""
    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    create_demo(path).close()
    with WorkshopFile.open(path, readonly=True) as wf:
        return [charter_context(wf, wf.roster.pair_by_code(c).id) for c in ("P01", "P10")]  # type: ignore[union-attr]


def test_labelled_copies_each_start_on_a_front_page(
    demo_contexts: list[dict], tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    out = tmp_path / "out"
    result = render_charters(
        demo_contexts,
        out_dir=out,
        combined=True,
        workers=0,
        duplex=True,
        copies=tuple(COPIES),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.pages == [4, 5] and not result.cancelled
    assert seen[0] == (0, 8) and seen[-1] == (8, 8)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    # The per-pair files are the plain charters, printed alone; no hidden folder is left.
    for path, context in zip(result.files, demo_contexts, strict=True):
        assert path.read_bytes() == render_charter_pdf(context)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [p.name for p in result.files] + ["All charters.pdf"]
    )
    assert result.combined is not None
    reader = PdfReader(result.combined)
    pages = texts(reader)
    assert len(pages) == 3 * 4 + 3 * 6
    labels = ["Mentor's copy", "Mentee's copy", "Program's copy"]
    assert outline(reader) == [
        ("P01: Margaret Osei & Daniel Kowalski", 0, list(zip(labels, [0, 4, 8], strict=True))),
        ("P10: Henrik Larsen & Grace Mwangi", 12, list(zip(labels, [12, 18, 24], strict=True))),
    ]
    for start, label in zip([0, 4, 8, 12, 18, 24], labels * 2, strict=True):
        assert label in pages[start] and "Mentoring charter" in pages[start]
        assert all(label in p for p in pages[start : start + 4])  # on every page of the copy
    assert [i for i, p in enumerate(pages) if not p] == [17, 23, 29]  # after each 5-page copy
    plain = texts(PdfReader(result.files[0]))
    assert not any(label in p for label in labels for p in plain)


def test_a_copy_label_makes_its_own_render_cache_entry(
    demo_contexts: list[dict], tmp_path: Path
) -> None:
    plain = demo_contexts[0]
    keys = {charter_key(c, None) for c in [plain, *labelled([plain], list(COPIES))]}
    assert len(keys) == 4
    cache = RenderCache(tmp_path / "cache")
    render_charters([plain], out_dir=tmp_path / "a", combined=True, workers=0, cache=cache)
    again = render_charters(
        [plain], out_dir=tmp_path / "b", combined=True, workers=0, cache=cache, copies=["mentee"]
    )
    assert again.combined is not None
    pages = texts(PdfReader(again.combined))
    assert len(pages) == 4 and all("Mentee's copy" in p for p in pages)
    assert len(list((tmp_path / "cache").glob("*.pdf"))) == 2  # the plain one and the copy


def test_without_a_label_the_charter_is_exactly_as_before(demo_contexts: list[dict]) -> None:
    """The label's one element renders nothing for "": the HTML, and so the PDF, is that of
    the template without it (its CSS rule matches nothing then)."""
    from workshop_app.core.charters.pdf_render import template_dir

    context = demo_contexts[1]
    assert context["copy_label"] == ""
    source = (template_dir() / CHARTER_TEMPLATE).read_text(encoding="utf-8")
    element = (
        '{% if copy_label %}<strong class="copy-label">{{ copy_label }}</strong>'
        ' <span class="sep">·</span> {% endif %}'
    )
    assert source.count(element) == 1
    without = jinja_env().from_string(source.replace(element, "")).render(**context)
    assert render_html(CHARTER_TEMPLATE, context) == without
    assert 'class="copy-label"' not in without
    with_label = render_html(CHARTER_TEMPLATE, {**context, "copy_label": "Program's copy"})
    assert '<strong class="copy-label">Program&#39;s copy</strong>' in with_label
    pdf = render_charter_pdf({**context, "copy_label": "Program's copy"})
    assert "Program's copy" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
