"""The printed charter's layout, measured on WeasyPrint's laid-out boxes: where each line of
text lies on which page. Long text stays inside the paper, headings and labels keep what
follows them, lines that belong together line up, and complete charters fit on four pages."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workshop_app.core.charters.context import charter_context
from workshop_app.core.charters.pdf_render import (
    CHARTER_TEMPLATE,
    render_document,
)
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile

MM = 72 / 25.4  # PDF points per millimetre
PX = 0.75  # PDF points per CSS pixel (WeasyPrint's boxes are in CSS pixels)
MARGIN_X = 18 * MM  # base.css's left and right page margins
WORD = "Unbreakable" + "x" * 289  # a 300-character word
COMPLETE = ("P01", "P02", "P03", "P04", "P05")  # the demo's complete charters


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "demo.workshop"
    create_demo(path).close()
    return path


@pytest.fixture(scope="module")
def contexts(demo: Path) -> dict[str, dict]:
    with WorkshopFile.open(demo, readonly=True) as wf:
        return {p.code: charter_context(wf, p.id) for p in wf.roster.pairs()}


def hostile(ctx: dict) -> dict:
    """Every text a user types, made one 300-character word."""
    ctx = copy.deepcopy(ctx)
    ctx["brand"]["organisation"] = "Org" + WORD
    program = ctx["program"]
    program["name"] = "Program" + WORD
    program["endorsement"] = [f"We said {WORD} and meant it."]
    program["sponsor_name"] = "Sponsor" + WORD
    program["coordinator"] = "Coordinator" + WORD
    program["facilitator"] = "Facilitator" + WORD
    program["support"] = ["Help" + WORD, "Also " + WORD]
    pair = ctx["pair"]
    for role in ("mentor", "mentee"):
        person = pair[role]
        for key in ("name", "title", "department", "email", "manager"):
            person[key] = f"{role}{key}{WORD}"
    pair["names"] = f"{pair['mentor']['name']} & {pair['mentee']['name']}"
    for section in ctx["sections"]:
        for field in section["short"] + section["long"]:
            field["text"] = field["label"] + WORD
        for goal in section["goals"] or []:
            for key in goal:
                goal[key] = key + WORD if key != "baseline" else "3"
        for plan in section["plans"] or []:
            plan["scenario"], plan["plan"] = "If" + WORD, "Then" + WORD
    return ctx


# -- the laid-out boxes ------------------------------------------------------------------------


def descendants(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from descendants(child)


def classes_of(element: Any) -> set[str]:
    if element is None or not hasattr(element, "get"):
        return set()
    return set((element.get("class") or "").split())


def classes(box: Any) -> set[str]:
    return classes_of(getattr(box, "element", None))


def parents(document: Any) -> dict[Any, Any]:
    """Each HTML element's parent (the parsed tree is ElementTree, which keeps none)."""
    root = document.pages[0]._page_box.children[0].element
    while root.tag != "html":  # a margin box comes first: climb from the body's box
        root = next(
            b for b in document.pages[0]._page_box.children if b.element_tag == "html"
        ).element
    return {child: node for node in root.iter() for child in node}


def text_of(element: Any) -> str:
    return "".join(element.itertext())


def text_boxes(page: Any) -> Iterator[Any]:
    for box in descendants(page._page_box):
        if type(box).__name__ == "TextBox" and box.text.strip():
            yield box


def margin_box(page: Any, at: str) -> Any:
    """The page's margin box `at` ('@bottom-right'...), None where it shows nothing."""
    return next((b for b in page._page_box.children if getattr(b, "at_keyword", "") == at), None)


def line_count(box: Any) -> int:
    return sum(type(b).__name__ == "LineBox" for b in descendants(box)) if box else 0


def element_pages(document: Any) -> dict[Any, set[int]]:
    """Each HTML element and the pages its boxes lie on."""
    pages: dict[Any, set[int]] = {}
    for number, page in enumerate(document.pages):
        for box in descendants(page._page_box):
            element = getattr(box, "element", None)
            if element is not None and hasattr(element, "tag"):
                pages.setdefault(element, set()).add(number)
    return pages


# -- defect 2: every typed text wraps ----------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_300_character_word_stays_inside_the_page_everywhere(
    contexts: dict[str, dict], paper: str
) -> None:
    document = render_document(CHARTER_TEMPLATE, hostile(contexts["P03"]), paper=paper)
    width = document.pages[0].width * PX
    seen = ""
    for page in document.pages:
        for box in text_boxes(page):
            left, right = box.position_x * PX, (box.position_x + box.width) * PX
            assert left >= MARGIN_X - 1 and right <= width - MARGIN_X + 1, (
                box.text[:40],
                left,
                right,
            )
            seen += box.text
    seen = re.sub(r"\s", "", seen)
    for typed in ("“Wesaid", "mentortitle", "Help", "Then", "goal", "relationship"):
        assert typed + WORD in seen  # wrapped onto the next lines, not cut away
    for page in document.pages:  # the running lines are cut to two lines at most
        assert line_count(margin_box(page, "@bottom-left")) in (1, 2)
        assert line_count(margin_box(page, "@top-left")) <= 2


# -- defect 8: long names -----------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_long_names_keep_the_page_number_on_one_line(contexts: dict[str, dict], paper: str) -> None:
    document = render_document(CHARTER_TEMPLATE, hostile(contexts["P01"]), paper=paper)
    total = len(document.pages)
    for number, page in enumerate(document.pages, 1):
        box = margin_box(page, "@bottom-right")
        assert line_count(box) == 1
        assert "".join(b.text for b in text_boxes_in(box)) == f"Page {number} of {total}"


def text_boxes_in(box: Any) -> Iterator[Any]:
    return (b for b in descendants(box) if type(b).__name__ == "TextBox")


def test_long_names_keep_each_signature_line_level_with_its_date_line(
    contexts: dict[str, dict],
) -> None:
    ctx = hostile(contexts["P01"])
    ctx["pair"]["mentor"]["name"] = "Margaret " + "Osei-" * 40  # wraps over several lines
    document = render_document(CHARTER_TEMPLATE, ctx)
    rows = 0
    for page in document.pages:
        for box in descendants(page._page_box):
            if "signer" in classes(box) and type(box).__name__ == "BlockBox":
                lines = [b for b in descendants(box) if "sig-line" in classes(b)]
                assert len(lines) == 2 and lines[0].position_y == lines[1].position_y
                assert lines[0].position_x + lines[0].width < lines[1].position_x
                rows += 1
    assert rows == 3 + len(ctx["pair"]["managers"])  # and each line manager's acknowledgement


# -- defect 9: one column of values --------------------------------------------------------------


def test_program_facts_and_section_facts_start_where_the_parties_values_start(
    contexts: dict[str, dict],
) -> None:
    document = render_document(CHARTER_TEMPLATE, contexts["P01"])
    parent = parents(document)
    mentor_x: list[float] = []
    other_x: list[float] = []
    for page in document.pages:
        for box in descendants(page._page_box):
            element = getattr(box, "element", None)
            if type(box).__name__ == "TableCellBox" and element.tag == "td":
                row = parent[element]
                if "parties-grid" not in classes_of(parent[parent[row]]):
                    continue
                if parent[row].get("class") == "program":
                    other_x.append(round(box.content_box_x(), 2))
                elif list(row).index(element) == 1:
                    mentor_x.append(round(box.content_box_x(), 2))
            elif "dd" in classes(box) and "fact" in classes_of(parent[element]):
                other_x.append(round(box.content_box_x(), 2))
    assert len(other_x) > 10  # the program's rows and every section's short answers
    assert len(set(mentor_x)) == 1 and set(other_x) == set(mentor_x)


# -- defect 4 and 5: what stays together --------------------------------------------------------

KEPT_WHOLE = {"fact", "part", "plan", "goal", "signer", "blank", "checkpoints-field", "changes"}


def _pushed(ctx: dict, chars: int, key: str) -> dict:
    """Push everything after section `key` down the page by `chars` characters of text."""
    ctx = copy.deepcopy(ctx)
    words = ("We will keep each other honest about progress and setbacks. " * 200)[:chars]
    section = next(s for s in ctx["sections"] if s["key"] == key)
    section["long"][0]["text"] = words
    return ctx


def assert_kept_together(document: Any) -> None:
    """No row, card or writing line is split across pages; every heading, label and hint
    is on the page where the item after it starts."""
    pages = element_pages(document)
    parent = parents(document)
    for element, on in pages.items():
        row = element.tag == "tr" and parent[element].tag != "thead"  # a thead repeats
        if KEPT_WHOLE & classes_of(element) or row:
            assert len(on) == 1, (element.get("class"), text_of(element)[:60], on)
        if element.tag == "h2" or classes_of(element) & {"label", "hint"}:
            siblings = list(parent[element])
            after = siblings[siblings.index(element) + 1 :]
            if after and after[0] in pages:
                assert min(pages[after[0]]) == max(on), text_of(element)


@pytest.mark.parametrize("chars", range(0, 2400, 200))
@pytest.mark.parametrize("code", ["P01", "P12"])
def test_headings_keep_their_first_item_and_rows_are_never_split(
    contexts: dict[str, dict], chars: int, code: str
) -> None:
    assert_kept_together(
        render_document(CHARTER_TEMPLATE, _pushed(contexts[code], chars, "purpose"))
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_rows_of_long_words_are_never_split(contexts: dict[str, dict], paper: str) -> None:
    assert_kept_together(render_document(CHARTER_TEMPLATE, hostile(contexts["P03"]), paper=paper))


@pytest.mark.parametrize("chars", range(0, 2400, 300))
def test_the_signatures_keep_the_section_before_them(contexts: dict[str, dict], chars: int) -> None:
    document = render_document(CHARTER_TEMPLATE, _pushed(contexts["P01"], chars, "roles"))
    pages = element_pages(document)
    heading = {text_of(e): e for e in pages if e.tag == "h2"}
    assert pages[heading["12 Signatures"]] == pages[heading["11 Program commitments"]]


# -- section 3: shorter ---------------------------------------------------------------------------


def page_one_blank(document: Any) -> float:
    """The share of page 1's text area left empty below its last line."""
    page = document.pages[0]._page_box
    body = next(b for b in page.children if b.element_tag == "html")
    bottom = max(
        b.position_y + b.height for b in descendants(body) if type(b).__name__ == "LineBox"
    )
    top, height = page.content_box_y(), page.height
    return 1 - (bottom - top) / height


def with_every_option(ctx: dict) -> dict:
    """The program's optional parts all printed: where the copy goes, the mentor boundary,
    the line managers' acknowledgement, and a baseline rating on every goal."""
    ctx = copy.deepcopy(ctx)
    ctx["program"]["return_copy"] = (
        "Return a signed copy to Priya Nair, People team, 4th floor by 29 January 2027."
    )
    ctx["program"]["manager_acknowledgement"] = True
    ctx["pair"]["manager_row"] = True
    ctx["pair"]["managers"] = ["Hamid Farouk", "Grace Adeyemi"]
    for section in ctx["sections"]:
        if section["key"] == "boundaries":
            section["wording"] = ["The mentor does not advocate for the mentee's promotion or pay."]
        for goal in section["goals"] or []:
            goal["baseline"] = "2"
    return ctx


@pytest.mark.parametrize("options", [False, True])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_complete_demo_charters_fit_on_four_pages_and_fill_page_one(
    contexts: dict[str, dict], paper: str, options: bool
) -> None:
    counts = {}
    for code, ctx in contexts.items():
        if options:
            ctx = with_every_option(ctx)
        document = render_document(CHARTER_TEMPLATE, ctx, paper=paper)
        counts[code] = len(document.pages)
        if ctx["sections"][0]["goals"]:  # the first goal card starts on page 1
            first_card = next(
                b for b in descendants(document.pages[0]._page_box) if "goal" in classes(b)
            )
            assert "".join(b.text for b in text_boxes_in(first_card)).startswith("GOAL 1")
            assert page_one_blank(document) < 0.15, (code, page_one_blank(document))
    assert all(counts[code] <= 4 for code in COMPLETE), counts
    assert all(n <= 5 for n in counts.values()), counts


# -- defect 11: a blank card's labels sit on their writing lines --------------------------------


def test_each_blank_label_sits_on_its_first_writing_line(contexts: dict[str, dict]) -> None:
    document = render_document(CHARTER_TEMPLATE, contexts["P12"])
    checked = 0
    for page in document.pages:
        for part in descendants(page._page_box):
            if not {"part", "empty"} <= classes(part) or type(part).__name__ != "BlockBox":
                continue
            label = next(b for b in descendants(part) if type(b).__name__ == "TextBox")
            rules = [b for b in descendants(part) if "rule" in classes(b)]
            if not rules:
                continue  # the baseline's boxes to circle
            first = rules[0]
            bottom = label.position_y + label.height
            assert first.position_y <= bottom <= first.position_y + first.margin_height() + 1, (
                label.text
            )
            checked += 1
    assert checked == 12  # three blank cards of four lined parts each


# -- the same rules in German, the longest of the charter languages ------------------------------


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    path = tmp_path_factory.mktemp("layout-de") / "demo.workshop"
    with create_demo(path) as wf:
        wf.set_workshop_field("language", "de")
        return {p.code: charter_context(wf, p.id) for p in wf.roster.pairs()}


def test_german_charters_keep_every_layout_rule(german: dict[str, dict]) -> None:
    """Long words, rows kept whole, headings with their first item, signatures with the
    section before them, and complete charters on four pages, with German's longer labels."""
    assert german["P01"]["sections"][0]["title"] == "Zweck und Ziele"
    assert_kept_together(render_document(CHARTER_TEMPLATE, hostile(german["P03"])))
    for chars in (0, 900, 1800):
        document = render_document(CHARTER_TEMPLATE, _pushed(german["P01"], chars, "roles"))
        assert_kept_together(document)
        pages = element_pages(document)
        heading = {text_of(e): e for e in pages if e.tag == "h2"}
        assert (
            pages[heading["12 Unterschriften"]]
            == pages[heading["11 Verpflichtungen gegenüber dem Programm"]]
        )
    for code in COMPLETE:
        document = render_document(CHARTER_TEMPLATE, with_every_option(german[code]))
        assert len(document.pages) <= 4, code
        first_card = next(
            b for b in descendants(document.pages[0]._page_box) if "goal" in classes(b)
        )
        assert "".join(b.text for b in text_boxes_in(first_card)).startswith("ZIEL 1")
