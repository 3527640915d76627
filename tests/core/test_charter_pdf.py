"""Printed charters and the staff summary, checked by their content as a reader would."""

from __future__ import annotations

import base64
import copy
import io
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop_app.core.charter_fields import SECTIONS
from workshop_app.core.charters import font_subsets
from workshop_app.core.charters.batch import BatchResult, render_charters
from workshop_app.core.charters.context import charter_context, draft_note
from workshop_app.core.charters.pdf_join import join_pdfs
from workshop_app.core.charters.pdf_render import render_charter_pdf, render_summary_pdf
from workshop_app.core.charters.summary_context import summary_context
from workshop_app.core.demo import GOALS, PLANS, create_demo
from workshop_app.core.errors import UserError
from workshop_app.core.file_names import safe_filename, unique_names
from workshop_app.core.store import atomic
from workshop_app.core.store.workshop_file import WorkshopFile

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    create_demo(path).close()
    return path


@pytest.fixture(scope="module")
def contexts(demo: Path) -> list[dict]:
    with WorkshopFile.open(demo, readonly=True) as wf:
        return [charter_context(wf, p.id) for p in wf.roster.pairs()]


@pytest.fixture(scope="module")
def printed(contexts: list[dict], tmp_path_factory: pytest.TempPathFactory) -> BatchResult:
    """The demo's twelve charters and the combined file, rendered in this process."""
    out = tmp_path_factory.mktemp("printed")
    return render_charters(contexts, out_dir=out, combined=True, workers=0)


def pages_text(data: bytes | Path) -> list[str]:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def page_size(data: bytes | Path) -> tuple[float, float]:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    box = reader.pages[0].mediabox
    return float(box.width), float(box.height)


# -- content ---------------------------------------------------------------------------------


def test_every_charter_shows_the_pair_its_goals_and_plans(
    printed: BatchResult, contexts: list[dict]
) -> None:
    for path, ctx in zip(printed.files, contexts, strict=True):
        pages = pages_text(path)
        text = flat(" ".join(pages))
        pair = ctx["pair"]
        assert pair["mentor"]["name"] in text and pair["mentee"]["name"] in text
        for page in pages:  # the pair code is printed on every page
            assert f"{pair['code']} · {pair['names']}" in flat(page)
            assert re.search(r"Page \d+ of \d+", page)
        for section in SECTIONS:
            assert f"{section.number} {section.title}" in text
        assert "Mentoring charter" in text
        assert "Our next leaders are already in this building" in text  # the endorsement
        assert "Either partner may end the mentoring relationship" in text  # no-fault clause
        assert "What is said in mentoring conversations" in text  # confidentiality wording
        for goal in ctx["sections"][0]["goals"]:
            assert flat(goal["goal"]) in text and flat(goal["measure"]) in text
        for plan in ctx["sections"][6]["plans"]:
            assert flat(plan["scenario"]) in text
        assert page_size(path) == pytest.approx(A4, abs=0.5)


def test_demo_goals_plans_and_meetings_read_as_written(printed: BatchResult) -> None:
    text = flat(" ".join(pages_text(printed.files[2])))  # P03: three goals, two plans
    for goal, why, measure, _target, steps in GOALS:
        assert goal in text and why in text and measure in text and steps in text
    assert "31 May 2027" in text
    assert "GOAL 1" in text and "GOAL 2" in text and "GOAL 3" in text
    for scenario, plan in PLANS:
        assert f"If {scenario} we will" in text
        assert plan[:40] in text
    assert "How often Every two weeks" in text  # choice labels, not stored values
    assert "First meeting Tuesday 2 February 2027, 08:30" in text
    assert "Day 90 3 May 2027" in text  # review checkpoints dated from the first meeting


def test_combined_file_holds_every_charter_in_order(printed: BatchResult) -> None:
    assert printed.combined is not None
    reader = PdfReader(printed.combined)
    assert (
        len(reader.pages)
        == sum(printed.pages)
        == sum(len(PdfReader(f).pages) for f in printed.files)
    )
    titles = [item.title for item in reader.outline]
    assert titles[0] == "P01: Margaret Osei & Daniel Kowalski" and len(titles) == 12
    assert reader.metadata is not None and reader.metadata.title.startswith("Mentoring charters")
    starts = [0]
    for n in printed.pages[:-1]:
        starts.append(starts[-1] + n)
    for start, path in zip(starts, printed.files, strict=True):
        first = flat(reader.pages[start].extract_text())
        assert flat(PdfReader(path).pages[0].extract_text()) == first


def test_incomplete_charters_say_so_discreetly(printed: BatchResult, contexts: list[dict]) -> None:
    complete = pages_text(printed.files[0])
    assert not any("Draft" in page for page in complete)
    half = pages_text(printed.files[6])
    note = draft_note(contexts[6]["missing"])
    assert note.startswith("Draft: sections")
    assert all(note in flat(page) for page in half)  # in the header of every page
    assert draft_note([4]) == "Draft: section 4 still open"
    assert draft_note([4, 7]) == "Draft: sections 4 and 7 still open"
    assert draft_note([2, 3, 4, 5, 9]) == "Draft: sections 2–5 and 9 still open"


def test_empty_charter_prints_room_to_write(printed: BatchResult) -> None:
    text = flat(" ".join(pages_text(printed.files[11])))
    assert "Draft: sections 2–11 still open" in text
    assert "GOAL 1 Why it matters How we will know Target date First steps" in text
    assert text.count("If we will") == 3  # three blank "If ... we will ..." rows


def test_pdf_metadata(printed: BatchResult) -> None:
    reader = PdfReader(printed.files[0])
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Mentoring charter P01: Margaret Osei & Daniel Kowalski"
    assert meta.author == "Northwind Logistics, Accelerate Mentoring Program"
    assert meta["/CreationDate"] == "D:20270119160500Z"  # when the charter was signed
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "/ID" not in reader.trailer


def test_letter_paper_from_the_argument_and_from_the_workshop(
    contexts: list[dict], tmp_path: Path
) -> None:
    assert page_size(render_charter_pdf(contexts[0], paper="letter")) == pytest.approx(LETTER)
    ctx = copy.deepcopy(contexts[0])
    ctx["paper"] = "letter"
    assert page_size(render_charter_pdf(ctx)) == pytest.approx(LETTER, abs=0.5)
    assert page_size(render_charter_pdf(ctx, paper="a4")) == pytest.approx(A4, abs=0.5)


# -- pagination --------------------------------------------------------------------------------


def _with_long_text(ctx: dict, chars: int) -> dict:
    ctx = copy.deepcopy(ctx)
    words = ("We will keep each other honest about progress and setbacks. " * 200)[:chars]
    section = next(s for s in ctx["sections"] if s["key"] == "program")
    section["long"][0]["text"] = words
    return ctx


@pytest.mark.parametrize("chars", range(0, 3300, 300))
def test_signature_block_is_never_split(contexts: list[dict], chars: int) -> None:
    """Pushing the block down the page in steps: it always lands whole on one page."""
    pages = [flat(p) for p in pages_text(render_charter_pdf(_with_long_text(contexts[0], chars)))]
    pledge = "We have read this charter, agree to it"
    on = [i for i, page in enumerate(pages) if pledge in page]
    assert len(on) == 1
    page = pages[on[0]]
    assert "12 Signatures" in page
    block = page[page.index("12 Signatures") :]
    for text in ("Mentor", "Margaret Osei", "Mentee", "Daniel Kowalski", "Program coordinator"):
        assert text in block
    assert block.count("Date") >= 3


@pytest.mark.parametrize("chars", [0, 900, 1800, 2700])
def test_headings_are_never_left_at_a_page_foot(contexts: list[dict], chars: int) -> None:
    headings = {f"{s.number} {s.title}" for s in SECTIONS}
    labels = {f["label"].upper() for s in contexts[0]["sections"] for f in s["long"]} | {
        "THE PROGRAM'S GOALS",
        "REVIEW CHECKPOINTS",
    }
    for page in pages_text(render_charter_pdf(_with_long_text(contexts[0], chars))):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        content = [ln for ln in lines if "·" not in ln and not ln.startswith("Version")]
        assert content[-1] not in headings | labels, content[-3:]


# -- signed versions, branding, the summary ---------------------------------------------------


def test_a_signed_version_prints_as_signed(demo: Path, tmp_path: Path) -> None:
    copy_path = tmp_path / "signed.workshop"
    copy_path.write_bytes(demo.read_bytes())
    with WorkshopFile.open(copy_path) as wf:
        pair = wf.roster.pair_by_code("P01")
        assert pair is not None
        wf.charters.set_field(pair.id, "renewal", "We renew every year, no questions asked.")
        now = flat(" ".join(pages_text(render_charter_pdf(charter_context(wf, pair.id)))))
        then = flat(
            " ".join(pages_text(render_charter_pdf(charter_context(wf, pair.id, version=1))))
        )
        with pytest.raises(UserError):
            charter_context(wf, pair.id, version=7)
    assert "We renew every year" in now and "Version 2" in now
    assert "Recorded as signed" not in now
    assert "We renew every year" not in then and "Decide together at the 180-day" in then
    assert "Version 1, signed" in then and "Recorded as signed (version 1)" in then


def test_logo_png_and_svg_are_embedded(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "logo.workshop"
    path.write_bytes(demo.read_bytes())
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20">'
        b'<rect width="90" height="20"/></svg>'
    )
    with WorkshopFile.open(path) as wf:
        pair_id = wf.roster.pairs()[0].id
        wf.set_workshop_field("logo", PNG_1PX)
        wf.set_workshop_field("logo_mime", "image/png")
        with_png = render_charter_pdf(charter_context(wf, pair_id))
        wf.set_workshop_field("logo", svg)
        wf.set_workshop_field("logo_mime", "image/svg+xml")
        ctx = charter_context(wf, pair_id)
        assert ctx["brand"]["logo"].startswith("data:image/svg+xml;base64,")
        with_svg = render_charter_pdf(ctx)
        wf.set_workshop_field("logo", b"GIF89a not an image we take")
        assert charter_context(wf, pair_id)["brand"]["logo"] == ""
    first = PdfReader(io.BytesIO(with_png)).pages[0]
    images = first["/Resources"]["/XObject"]
    assert any(images[name]["/Subtype"] == "/Image" for name in images)
    assert "Northwind Logistics" in PdfReader(io.BytesIO(with_svg)).pages[0].extract_text()


def test_summary_is_one_page_of_counts_only(demo: Path) -> None:
    with WorkshopFile.open(demo, readonly=True) as wf:
        ctx = summary_context(wf)
    data = render_summary_pdf(ctx)
    pages = pages_text(data)
    assert len(pages) == 1
    text = flat(pages[0])
    assert "Launch workshop summary" in text
    assert "23 of 24 participants present" in text
    assert re.search(r"12 ?mentoring pairs", text) and "5 of 12 charters complete" in text
    assert "1 of 12 charters signed" in text
    assert "Every two weeks" in text and "Prepare high-potential staff" in text
    assert "P06 David Nakamura & Sofia Almeida, P07" in text  # the open charters
    # No charter content: not a goal, not a boundary, not a plan.
    assert GOALS[0][0] not in text and "pay review" not in text and PLANS[0][0] not in text
    assert page_size(data) == pytest.approx(A4, abs=0.5)


# -- determinism and the batch path ------------------------------------------------------------


def test_same_data_same_bytes_in_this_process_and_another(
    contexts: list[dict], printed: BatchResult, tmp_path: Path
) -> None:
    first = render_charter_pdf(contexts[1])
    font_subsets.clear()  # a cold cache must give the same subsets
    assert render_charter_pdf(contexts[1]) == first
    assert printed.files[1].read_bytes() == first  # the batch file is the preview's bytes
    pickled = tmp_path / "ctx.pickle"
    pickled.write_bytes(pickle.dumps(contexts[1]))
    code = (
        "import pickle, sys; from workshop_app.core.charters.pdf_render import render_charter_pdf; "
        f"sys.stdout.buffer.write(render_charter_pdf(pickle.loads(open({str(pickled)!r}, 'rb')"
        ".read())))"
    )
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert other.stdout == first
    assert printed.combined is not None
    join_pdfs(printed.files, contexts, target=tmp_path / "again.pdf")
    assert (tmp_path / "again.pdf").read_bytes() == printed.combined.read_bytes()


def test_batch_in_worker_processes_reports_progress_and_can_be_cancelled(
    contexts: list[dict], tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    result = render_charters(
        contexts[:4],
        out_dir=tmp_path / "pool",
        combined=True,
        workers=2,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert [p.name for p in result.files][:2] == [
        "P01 - Margaret Osei & Daniel Kowalski.pdf",
        "P02 - Rajesh Iyer & Chloé Martin.pdf",
    ]
    assert all(p.is_file() for p in result.files) and result.combined is not None
    assert [p.name for p in (tmp_path / "pool").iterdir() if p.name.startswith(".")] == []

    stopped = render_charters(
        contexts, out_dir=tmp_path / "stop", combined=True, workers=0, cancelled=lambda: True
    )
    assert stopped.cancelled and stopped.combined is None and stopped.files == []
    assert list((tmp_path / "stop").iterdir()) == []

    calls: list[int] = []
    halfway = render_charters(
        contexts[:6],
        out_dir=tmp_path / "half",
        combined=True,
        workers=1,
        progress=lambda done, total: calls.append(done),
        cancelled=lambda: calls[-1] > 0,  # cancel once the first charter is out
    )
    assert halfway.cancelled and halfway.combined is None
    assert 1 <= len(halfway.files) < 6 and len(halfway.pages) == len(halfway.files)
    assert sorted(p.name for p in (tmp_path / "half").iterdir()) == sorted(
        p.name for p in halfway.files
    )


def test_a_failed_write_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(UserError, match="The disk is full"):
        atomic.write_bytes(tmp_path / "P01.pdf", b"%PDF-1.7 ...")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code_and_names", "expected"),
    [
        ("P07 - Margaret Osei & Daniel Kowalski", "P07 - Margaret Osei & Daniel Kowalski.pdf"),
        ("P01 - ../../etc/passwd", "P01 - ..-..-etc-passwd.pdf"),
        ('P02 - a\\b/c:d*e?f"g<h>i|j', "P02 - a-b-c-d-e-f-g-h-i-j.pdf"),
        ("P03 - Zoë\x00\x1b[31m\u202eevil\u200b", "P03 - Zoë [31m evil.pdf"),
        ("...", "charter.pdf"),
        ("CON", "_CON.pdf"),
        ("P04 - 李小龍 & שרה כהן 😀", "P04 - 李小龍 & שרה כהן 😀.pdf"),
    ],
)
def test_safe_filenames(code_and_names: str, expected: str) -> None:
    assert safe_filename(code_and_names) == expected


def test_long_names_are_cut_and_clashes_numbered() -> None:
    name = safe_filename("P05 - " + "Ω" * 400)
    assert len(name) <= 124 and len(name.encode("utf-8")) <= 204 and name.endswith(".pdf")
    assert unique_names(["a.pdf", "A.pdf", "a.pdf"], taken=["b.pdf"]) == [
        "a.pdf",
        "A (2).pdf",
        "a (3).pdf",
    ]


def test_reproducible_fonts_keep_valid_checksums() -> None:
    from fontTools.ttLib import TTFont

    source = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not source.exists():
        pytest.skip("DejaVu Sans is not installed")
    font = TTFont(source)
    font["head"].modified = font["head"].created + 12345
    buffer = io.BytesIO()
    font.save(buffer)
    fixed = font_subsets.reproducible_sfnt(buffer.getvalue())
    again = TTFont(io.BytesIO(fixed), checkChecksums=2)
    assert again["head"].modified == again["head"].created
