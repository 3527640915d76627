"""Charter text is typed by participants: it prints as text, fetches nothing, never crashes."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from web_trap import recording_server

from workshop_app.core.charters import pdf_render
from workshop_app.core.charters.context import charter_context, clean, safe_colour
from workshop_app.core.charters.pdf_render import (
    CHARTER_TEMPLATE,
    FetchRefused,
    fetch_resource,
    jinja_env,
    render_charter_pdf,
    render_document,
    render_html,
    template_dir,
)
from workshop_app.core.demo import create_demo


@pytest.fixture(scope="module")
def base_context(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A complete demo charter (P02), as the template receives it."""
    path = tmp_path_factory.mktemp("safety") / "demo.workshop"
    with create_demo(path) as wf:
        return charter_context(wf, wf.roster.pairs()[1].id)


@pytest.fixture
def requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL WeasyPrint asks the fetcher for, in this process."""
    seen: list[str] = []
    original = pdf_render.fetch_resource

    def recording(url: str) -> tuple[bytes, str]:
        seen.append(url)
        return original(url)

    monkeypatch.setattr(pdf_render, "fetch_resource", recording)
    return seen


@pytest.fixture
def web_server() -> Iterator[tuple[str, list[str]]]:
    """A local web server that records any request made to it."""
    with recording_server() as (address, hits):
        yield f"http://{address}", hits


def allowed(url: str) -> bool:
    if url.startswith("data:"):
        return True
    if url.startswith("file:"):
        path = Path(url.removeprefix("file://")).resolve()
        return path.is_relative_to(template_dir())
    return False


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def images_in(pdf: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        count += sum(1 for name in xobjects if xobjects[name]["/Subtype"] == "/Image")
    return count


def set_everywhere(ctx: dict, value: str) -> dict:
    """`value` in every participant-typed place the template prints."""
    ctx = copy.deepcopy(ctx)
    for who in ("mentor", "mentee"):
        for key in ("name", "title", "department", "email", "manager"):
            ctx["pair"][who][key] = value
    ctx["pair"]["names"] = value
    for section in ctx["sections"]:
        for field in section["short"] + section["long"]:
            field["text"] = value
        for goal in section["goals"] or []:
            for key in ("goal", "why", "measure", "target_date", "first_steps"):
                goal[key] = value
        for plan in section["plans"] or []:
            plan["scenario"] = plan["plan"] = value
    return ctx


# -- the template environment -------------------------------------------------------------


def test_every_template_is_autoescaped_and_strict() -> None:
    env = jinja_env()
    assert env.autoescape is True  # for every name: .html, .j2, .css alike
    assert env.undefined is jinja2.StrictUndefined
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(jinja2.UndefinedError):
        render_html(CHARTER_TEMPLATE, {"lang": "en"})


def test_accent_colour_never_carries_css() -> None:
    assert safe_colour("#1F5F8B") == "#1f5f8b"
    assert safe_colour("abc") == "#aabbcc"
    assert safe_colour("red; } body { display: none") == "#1f4e79"
    assert safe_colour("url(file:///etc/passwd)") == "#1f4e79"


# -- the URL fetcher ------------------------------------------------------------------------


def test_fetcher_serves_data_uris_and_template_files_only(tmp_path: Path) -> None:
    assert fetch_resource("data:text/plain;base64,aGk=") == (b"hi", "text/plain")
    css = (template_dir() / "charter.css").as_uri()
    assert fetch_resource(css)[0].startswith(b"/*")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    for url in (
        "file:///etc/passwd",
        outside.as_uri(),
        template_dir().as_uri() + "/../../../../etc/passwd",
        template_dir().as_uri() + "/%2e%2e/%2e%2e/etc/passwd",
        "file://fileserver/share/charter.css",
        "http://127.0.0.1:9/x.css",
        "https://example.com/logo.png",
        "ftp://example.com/x",
        "javascript:alert(1)",
        "//example.com/x.png",
        "charter.css",
    ):
        with pytest.raises(FetchRefused):
            fetch_resource(url)


def test_html_that_does_reach_weasyprint_still_fetches_nothing_outside(
    requests: list[str], web_server: tuple[str, list[str]]
) -> None:
    """Even markup that bypassed the template would get nothing from outside the folder."""
    pdf_render._load_weasyprint()  # imports WeasyPrint quietly (see there)
    from weasyprint import HTML

    base, hits = web_server
    html = (
        f'<link rel="stylesheet" href="{base}/x.css">'
        '<style>@import url("file:///etc/hostname"); p { background: url(file:///etc/passwd) }'
        "</style>"
        f'<p>x</p><img src="file:///etc/passwd"><img src="{base}/track.png">'
        '<img src="../../../etc/hosts"><img src="charter.css">'
    )
    pdf = HTML(
        string=html, base_url=template_dir().as_uri() + "/", url_fetcher=pdf_render._fetcher()
    ).write_pdf()
    assert hits == []
    assert images_in(pdf) == 0
    assert [u for u in requests if allowed(u)] == [(template_dir() / "charter.css").as_uri()]
    assert {f"{base}/x.css", "file:///etc/hostname", "file:///etc/passwd"} <= set(requests)


# -- hostile input printed as text -----------------------------------------------------------

HOSTILE = [
    '<img src="file:///etc/passwd">',
    "<script>alert(1)</script><style>body { display: none }</style>",
    "</div></section><h1>Forged</h1>",
    "url(file:///etc/passwd) @import url(http://HOST/x.css);",
    '<link rel="stylesheet" href="http://HOST/evil.css">',
    '"><img src=x onerror=alert(1)>',
    "{{ 7 * 7 }} {% raw %}",
    "&lt;already escaped&gt; &amp;",
    "<svg><image href='file:///etc/hostname'/></svg>",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_prints_as_text_and_fetches_nothing(
    base_context: dict,
    value: str,
    requests: list[str],
    web_server: tuple[str, list[str]],
) -> None:
    base, hits = web_server
    value = value.replace("http://HOST", base)
    pdf = render_charter_pdf(set_everywhere(base_context, value))
    assert all(allowed(u) for u in requests), requests
    assert hits == []
    assert images_in(pdf) == 0
    text = text_of(pdf)
    assert re.sub(r"\s+", " ", value) in text
    if "{{" in value:
        assert "49" not in text  # typed template syntax is not evaluated


def test_control_characters_are_dropped_and_newlines_kept(base_context: dict) -> None:
    assert clean("a\x00b\x07c\x1b[0md\r\ne\x7f\x85f\ufffe") == "abc[0md\nef"
    ctx = copy.deepcopy(base_context)
    ctx["sections"][0]["long"][0]["text"] = clean("First line\x00\nSecond line\r\nThird\x1b")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render_charter_pdf(ctx))).pages]
    lines = "\n".join(pages).splitlines()
    assert "First line" in lines and "Second line" in lines and "Third" in lines


def test_an_svg_logo_cannot_reach_outside(tmp_path: Path, requests: list[str]) -> None:
    path = tmp_path / "logo.workshop"
    with create_demo(path) as wf:
        wf.set_workshop_field(
            "logo",
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
            b' width="60" height="20"><image xlink:href="file:///etc/passwd" width="9" height="9"/>'
            b'<image href="http://127.0.0.1:9/x.png" width="9" height="9"/></svg>',
        )
        ctx = charter_context(wf, wf.roster.pairs()[0].id)
    render_charter_pdf(ctx)
    outside = [u for u in requests if not allowed(u)]
    assert outside == ["file:///etc/passwd", "http://127.0.0.1:9/x.png"]  # asked, refused


# -- any Unicode prints ------------------------------------------------------------------------

SCRIPTS = {
    "accents": "Zoë Brontë, François Ł. Żółć, Øre, Ærø, İstanbul, Ğ",
    "cjk": "李小龍と田中さん 한국어 mentoring 计划",
    "arabic": "مرحبا بالعالم، هذا نص عربي",
    "hebrew": "שלום עולם, זה טקסט בעברית",
    "emoji": "Great start 😀 👩🏽‍💻 🇬🇧 ✈️ 1️⃣",
}


def test_scripts_from_around_the_world_print(base_context: dict) -> None:
    ctx = copy.deepcopy(base_context)
    purpose = ctx["sections"][0]["long"][0]
    purpose["text"] = "\n".join(SCRIPTS.values())
    ctx["pair"]["mentee"]["name"] = SCRIPTS["hebrew"]
    pdf = render_charter_pdf(ctx)
    text = text_of(pdf)
    for script in ("accents", "cjk"):
        assert SCRIPTS[script] in text
    fonts = {
        str(f["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any("CJK" in f for f in fonts)
    assert any("Arabic" in f for f in fonts) and any("Hebrew" in f for f in fonts)
    assert any("Emoji" in f for f in fonts)


def test_a_5000_character_field_prints_whole(base_context: dict) -> None:
    ctx = copy.deepcopy(base_context)
    words = " ".join(f"word{i:04d}" for i in range(600))[:5000]
    ctx["sections"][1]["long"][0]["text"] = words  # the mentor's commitments
    ctx["sections"][0]["goals"][0]["why"] = "W" * 5000  # one unbreakable 5,000-letter word
    text = text_of(render_charter_pdf(ctx))
    assert "word0000" in text and "word0554" in text
    assert text.replace(" ", "").count("W" * 50) >= 99


# -- property-based: arbitrary Unicode never crashes ------------------------------------------

any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=any_text, purpose=any_text, goal=any_text, plan=any_text)
def test_arbitrary_unicode_lays_out(
    base_context: dict, name: str, purpose: str, goal: str, plan: str
) -> None:
    ctx = copy.deepcopy(base_context)
    ctx["pair"]["mentor"]["name"] = clean(name)
    ctx["pair"]["names"] = clean(f"{name} & x")
    ctx["sections"][0]["long"][0]["text"] = clean(purpose)
    ctx["sections"][0]["goals"][0]["goal"] = clean(goal)
    ctx["sections"][6]["plans"][0]["plan"] = clean(plan)
    document = render_document(CHARTER_TEMPLATE, ctx)
    assert len(document.pages) >= 3


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=24))
def test_arbitrary_unicode_becomes_a_pdf(base_context: dict, text: str) -> None:
    """Slow (each new script subsets its fallback fonts), so few examples."""
    ctx = copy.deepcopy(base_context)
    ctx["sections"][0]["long"][0]["text"] = clean(text)
    assert render_charter_pdf(ctx).startswith(b"%PDF-")
