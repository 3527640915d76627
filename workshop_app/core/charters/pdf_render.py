"""HTML and PDF for charters and the staff summary: Jinja2 templates, WeasyPrint, safely.

Charter text is typed by participants and is untrusted. Three rules keep it inert:
- every template is autoescaped (including `.j2` names) with `StrictUndefined`, and the
  templates never put participant text in an attribute, a style or a URL;
- WeasyPrint's URL fetcher serves `data:` URIs and files inside `report_templates/` only:
  nothing from the network, no other local file (`fetch_resource`);
- the only colour that reaches CSS is validated (`charters.context.safe_colour`).

WeasyPrint is imported inside the functions that render (the GUI's start-up does not pay
for it). Parsed stylesheets and the font configuration are kept per process, so a worker
that renders many charters parses the CSS once.

Every PDF is tagged (structure tree, language, title shown): screen readers follow it.

Every word a document prints is in the workshop's charter language (`Workshop.language`,
the context's `lang`), never the interface's: each catalogue has its own Jinja2 environment
with `jinja2.ext.i18n` bound to `translations(lang)`, so renders in parallel threads never
share a switched global, and the footer's "Page 2 of 8" comes from the same catalogue.

The same context always gives the same bytes: the PDF's dates come from the data (the
template's `dcterms.created`), and no file identifier is written.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
import urllib.parse
import urllib.request
import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2

from workshop_app.core.charters import font_subsets
from workshop_app.core.charters.dates import italian_articles
from workshop_app.core.i18n import base_language, translations
from workshop_app.resources import shipped_dir

if TYPE_CHECKING:
    from weasyprint import CSS, Document
    from weasyprint.text.fonts import FontConfiguration

Paper = Literal["a4", "letter"]
PAPER_CSS = {"a4": "A4", "letter": "letter"}
CHARTER_TEMPLATE = "charter.html.j2"
SUMMARY_TEMPLATE = "summary.html.j2"
ATTENDANCE_TEMPLATE = "attendance.html.j2"
STYLESHEETS = {
    CHARTER_TEMPLATE: ("base.css", "charter.css"),
    SUMMARY_TEMPLATE: ("base.css", "summary.css"),
    ATTENDANCE_TEMPLATE: ("base.css", "masthead.css", "attendance.css"),
    # The room's handouts and the letters of appointment (core.handouts, core.certificates).
    "handouts.html.j2": ("base.css", "masthead.css", "handouts.css"),
    "certificate.html.j2": ("base.css", "certificate.css"),
    # The sponsor's outcomes report (core.followup.outcomes_render).
    "outcomes.html.j2": ("base.css", "outcomes.css"),
    # A pair's checkpoint review packet (core.followup.review_context).
    "review_packet.html.j2": ("base.css", "masthead.css", "review_packet.css"),
}
# WeasyPrint options for every PDF: no /ID (it would differ per run), compressed streams,
# tagged for screen readers. With `pdf_tags` WeasyPrint writes the structure tree (from the
# HTML elements, in document order), `/MarkInfo << /Marked true >>` and
# `/ViewerPreferences << /DisplayDocTitle true >>` (weasyprint/pdf/tags.py); `/Lang` comes
# from the template's `<html lang>`, the workshop's charter language.
PDF_OPTIONS: dict[str, Any] = {"pdf_identifier": False, "uncompressed_pdf": False, "pdf_tags": True}


class FetchRefused(ValueError):
    """A template or a field asked for a resource outside what the fetcher serves."""


def template_dir() -> Path:
    return shipped_dir("report_templates").resolve()


def jinja_env(lang: str = "en") -> jinja2.Environment:
    """The environment that writes documents in `lang`: one per catalogue ("en-GB" and
    "en-US" share English's), made once."""
    return _jinja_env(base_language(lang))


@cache
def _jinja_env(catalogue: str) -> jinja2.Environment:
    """Autoescape for every template name (select_autoescape would skip `.j2`), strict, and
    `{% trans %}`/`_()` in the catalogue's language (new style: `_("{n} pairs", n=n)`
    formats and escapes its placeholders)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(catalogue), newstyle=True)  # type: ignore[attr-defined]
    env.filters["text_dir"] = text_dir
    env.filters["language_tag"] = document_language
    return env


# The region a document's language tag names when the workshop gives none (`/Lang` in the
# PDF, `<html lang>`): the country whose HR documents the translation is written for.
_DOCUMENT_REGIONS = {"en": "GB", "it": "IT", "de": "DE", "fr": "FR"}


def document_language(lang: str) -> str:
    """The BCP 47 tag a document declares: "it" gives "it-IT", "en-US" stays "en-US"."""
    tag = (lang or "").strip().replace("_", "-")
    code, _, region = tag.partition("-")
    code = code.lower() or "en"
    region = region.upper() or _DOCUMENT_REGIONS.get(code, "")
    return f"{code}-{region}" if region else code


def text_dir(text: str) -> str:
    """'rtl' when the text's first strong character is right-to-left (Arabic, Hebrew...),
    else 'ltr': each typed value then reads in its own direction, as `dir="auto"` would
    (which WeasyPrint does not implement)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def render_html(template: str, context: dict) -> str:
    lang = context.get("lang") or "en"
    html = jinja_env(lang).get_template(template).render(**context)
    # A template's "{% trans %}il %(date)s{% endtrans %}" is formatted by Jinja, after the
    # catalogue: its Italian articles before dates are joined here, on the page as written.
    return italian_articles(html) if base_language(lang) == "it" else html


# -- the URL fetcher ---------------------------------------------------------------------


def fetch_resource(url: str) -> tuple[bytes, str]:
    """The bytes and media type behind `url`, if it is a `data:` URI or a file inside the
    template folder; FetchRefused for anything else (WeasyPrint then leaves it out)."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "data":
        with urllib.request.urlopen(url) as response:  # data: only, never the network
            return response.read(), response.headers.get_content_type()
    if scheme == "file":
        parsed = urllib.parse.urlsplit(url)
        if parsed.netloc not in ("", "localhost"):
            raise FetchRefused(f"refused {url!r}: not a local file")
        path = Path(urllib.request.url2pathname(parsed.path)).resolve()
        root = template_dir()
        if path.is_relative_to(root) and path.is_file():
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return path.read_bytes(), mime
        raise FetchRefused(f"refused {url!r}: outside {root}")
    raise FetchRefused(f"refused {url!r}: only data: URIs and the report templates are served")


@cache
def _load_weasyprint() -> None:
    """Import WeasyPrint (once, and only when something is rendered).

    Without the system's HarfBuzz-subset library WeasyPrint 70 warns on import that a future
    version will need it. Nobody at a workshop can act on that, and `charters.font_subsets` removes
    most of the slowness it causes (installing it, e.g. Debian's libharfbuzz-subset0, is
    still recommended: subsetting then runs in C).
    """
    from workshop_app.core.system_libs import require_system_libraries

    require_system_libraries()  # a missing Pango is named with its install command
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning
        )
        import weasyprint  # noqa: F401


@cache
def _fetcher() -> Any:
    _load_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplateOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            body, mime = fetch_resource(url)
            return URLFetcherResponse(url, body, {"Content-Type": mime})

    return TemplateOnlyFetcher(allowed_protocols=("data", "file"), fail_on_errors=False)


# -- rendering -----------------------------------------------------------------------------


@cache
def _fonts() -> FontConfiguration:
    _load_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _stylesheet(name: str) -> CSS:
    _load_weasyprint()
    from weasyprint import CSS

    path = template_dir() / name
    return CSS(
        string=path.read_text(encoding="utf-8"),
        base_url=path.as_uri(),
        url_fetcher=_fetcher(),
        font_config=_fonts(),
    )


@cache
def _paper_stylesheet(paper: Paper) -> CSS:
    _load_weasyprint()
    from weasyprint import CSS

    return CSS(string=f"@page {{ size: {PAPER_CSS[paper]}; }}", font_config=_fonts())


@cache
def _page_number_stylesheet(catalogue: str) -> CSS:
    """The footer's "Page 2 of 8" in the document's language. It comes right after base.css,
    so a stylesheet that drops the page number (the letter) still can."""
    _load_weasyprint()
    from weasyprint import CSS

    return CSS(string=page_number_css(catalogue), font_config=_fonts())


def page_number_css(lang: str) -> str:
    """`@page` CSS whose bottom-right box reads "Page 2 of 8" in `lang`: the translated
    sentence, cut at its two placeholders into CSS strings and counters."""
    # Translators: the footer of every printed page; keep {page} and {pages}.
    sentence = translations(lang).gettext("Page {page} of {pages}")
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", sentence):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "@page { @bottom-right { content: " + " ".join(parts) + "; } }"


def stylesheets(template: str, paper: Paper, lang: str = "en") -> list[CSS]:
    first, *rest = STYLESHEETS[template]
    return [
        _stylesheet(first),
        _page_number_stylesheet(base_language(lang)),
        *(_stylesheet(n) for n in rest),
        _paper_stylesheet(paper),
    ]


def paper_of(context: dict, paper: str | None = None) -> Paper:
    chosen = (paper or context.get("paper") or "a4").lower()
    if chosen not in PAPER_CSS:
        raise ValueError(f"unknown paper size {chosen!r}")
    return chosen  # type: ignore[return-value]


def render_document(template: str, context: dict, *, paper: str | None = None) -> Document:
    """Lay out one document (not yet written as PDF)."""
    _load_weasyprint()
    from weasyprint import HTML

    html = HTML(
        string=render_html(template, context),
        base_url=template_dir().as_uri() + "/",
        url_fetcher=_fetcher(),
    )
    return html.render(
        font_config=_fonts(),
        stylesheets=stylesheets(template, paper_of(context, paper), context.get("lang") or "en"),
        **PDF_OPTIONS,
    )


def write_pdf(documents: Sequence[Document]) -> bytes:
    """One PDF of the pages of `documents`, in order; fonts are subset once for all of them.

    Metadata (title, author, language, dates) comes from the first document."""
    first = documents[0]
    if len(documents) > 1:
        first = first.copy([page for doc in documents for page in doc.pages])
    pdf = font_subsets.install(first).write_pdf(**PDF_OPTIONS)
    assert isinstance(pdf, bytes)
    return pdf


# A page in the charter's type, in its three faces (regular, bold, italic), of Latin text
# only: writing it computes the font subsets every Latin-script charter then shares.
_WARM_UP_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"></head>
<body class="charter"><h1>Mentoring charter</h1><p>The parties <strong>agree</strong> to
<em>meet</em>.</p></body></html>"""


def warm_up() -> None:
    """Get this process ready to render as fast as it ever will: import WeasyPrint, read the
    stylesheets and the charter template, load the fonts and make their subsets by writing a
    small page, then `settle_heap()`. The preview process does this while the app starts, so
    the first preview is as quick as the next."""
    _load_weasyprint()
    from weasyprint import HTML

    jinja_env().get_template(CHARTER_TEMPLATE)
    page = HTML(
        string=_WARM_UP_HTML, base_url=template_dir().as_uri() + "/", url_fetcher=_fetcher()
    )
    write_pdf(
        [
            page.render(
                font_config=_fonts(), stylesheets=stylesheets(CHARTER_TEMPLATE, "a4"), **PDF_OPTIONS
            )
        ]
    )
    settle_heap()


@cache
def settle_heap() -> None:
    """Move everything this process holds now (modules, stylesheets, fonts, font subsets)
    out of the garbage collector's sight, once, in a process that only renders.

    Laying out a charter allocates hundreds of thousands of objects, so Python's cyclic
    collector runs its full pass several times a charter, each time walking the renderer's
    long-lived objects again: that was 15% of a charter's time. Frozen, they are never
    walked again; a document's own objects are collected as before. For worker and preview
    processes only (the app's own process and the tests keep the collector as it is)."""
    import gc

    gc.collect()
    gc.freeze()


def render_charter_pdf(context: dict, *, paper: str | None = None) -> bytes:
    """One charter as PDF bytes (the on-screen preview and single prints)."""
    return write_pdf([render_document(CHARTER_TEMPLATE, context, paper=paper)])


def render_summary_pdf(context: dict, *, paper: str | None = None) -> bytes:
    """The one-page staff summary of a workshop as PDF bytes."""
    return write_pdf([render_document(SUMMARY_TEMPLATE, context, paper=paper)])
