"""The render cache: a charter already rendered is copied, never laid out again, and what comes
out is byte for byte what rendering gives; an edit, a damaged entry or no cache at all only
mean rendering again."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest

from workshop_app.core.charters import pdf_render, render_cache
from workshop_app.core.charters.batch import charter_key, render_charters
from workshop_app.core.charters.context import charter_context
from workshop_app.core.charters.render_cache import RenderCache, default_cache
from workshop_app.core.demo import create_demo
from workshop_app.core.exports.archive import prepare_archive, write_archive
from workshop_app.core.exports.tables import read_export_data
from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.workshop"
    create_demo(path).close()
    return path


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The templates laid out by WeasyPrint in this process, in order."""
    seen: list[str] = []
    real = pdf_render.render_document

    def counting(template: str, context: dict, **kwargs: object) -> object:
        seen.append(template)
        return real(template, context, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_render, "render_document", counting)
    return seen


def archive(path: Path, out: Path) -> list[str]:
    with WorkshopFile.open(path, readonly=True) as wf:
        data = read_export_data(wf, include_confidential=False)
        return write_archive(wf, data, out=out, workers=0)


def zip_contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_a_second_archive_renders_nothing_and_is_the_same(
    demo: Path, tmp_path: Path, layouts: list[str]
) -> None:
    archive(demo, tmp_path / "first.zip")
    assert layouts.count(pdf_render.CHARTER_TEMPLATE) == 12 and len(layouts) == 13
    layouts.clear()
    archive(demo, tmp_path / "second.zip")
    assert layouts == []
    first, second = zip_contents(tmp_path / "first.zip"), zip_contents(tmp_path / "second.zip")
    assert first.keys() == second.keys()
    for name in first:
        if name not in ("workshop.json", "README.txt"):  # they say when they were written
            assert first[name] == second[name], name


def test_cached_bytes_are_what_rendering_gives(demo: Path, tmp_path: Path) -> None:
    cache = default_cache()
    assert cache is not None
    with WorkshopFile.open(demo, readonly=True) as wf:
        contexts = [charter_context(wf, p.id) for p in wf.roster.pairs()[:2]]
    render_charters(contexts, out_dir=tmp_path / "a", combined=False, workers=0, cache=cache)
    again = render_charters(
        contexts, out_dir=tmp_path / "b", combined=False, workers=0, cache=RenderCache(cache.folder)
    )
    for context, path in zip(contexts, again.files, strict=True):
        assert path.read_bytes() == pdf_render.render_charter_pdf(context)
    assert again.pages == [n for n in again.pages if n > 0]


def test_an_edit_renders_that_charter_only(demo: Path, tmp_path: Path, layouts: list[str]) -> None:
    archive(demo, tmp_path / "first")
    with WorkshopFile.open(demo) as wf:
        pair = wf.roster.pairs()[3]
        wf.charters.set_field(pair.id, "purpose", "A purpose typed after the first archive.")
        code = pair.code
    layouts.clear()
    archive(demo, tmp_path / "second")
    # The summary comes from the cache: it shows the same counts, and its date is the data's
    # latest change, the demo's signing on 19 January 2027, later than this edit.
    assert layouts == [pdf_render.CHARTER_TEMPLATE]
    edited = next((tmp_path / "second" / "charters").glob(f"{code} - *.pdf"))
    before = next((tmp_path / "first" / "charters").glob(f"{code} - *.pdf"))
    assert edited.read_bytes() != before.read_bytes()


def test_prepare_archive_leaves_the_export_nothing_to_render(
    demo: Path, tmp_path: Path, layouts: list[str]
) -> None:
    seen: list[tuple[int, int]] = []
    rendered = prepare_archive(
        str(demo), False, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: False
    )
    assert rendered == 12 and seen[-1] == (12, 12)
    layouts.clear()
    archive(demo, tmp_path / "quick.zip")
    assert layouts == []
    again = prepare_archive(str(demo), False, progress=lambda d, t: None, cancelled=lambda: False)
    assert again == 0


def test_prepare_archive_stops_when_cancelled(demo: Path, layouts: list[str]) -> None:
    rendered = prepare_archive(str(demo), False, progress=lambda d, t: None, cancelled=lambda: True)
    assert rendered == 0 and layouts == []


def test_a_damaged_entry_is_rendered_again(demo: Path, tmp_path: Path, layouts: list[str]) -> None:
    archive(demo, tmp_path / "first")
    cache = default_cache()
    assert cache is not None
    entries = sorted(cache.folder.glob("*.pdf"))
    entries[0].write_bytes(b"not a PDF at all")
    layouts.clear()
    archive(demo, tmp_path / "second")
    assert len(layouts) == 1
    assert all(p.read_bytes().startswith(b"%PDF-") for p in (tmp_path / "second").rglob("*.pdf"))


def test_no_cache_when_turned_off(
    demo: Path, tmp_path: Path, layouts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKSHOP_APP_CACHE_DIR", "off")
    assert default_cache() is None
    archive(demo, tmp_path / "first.zip")
    archive(demo, tmp_path / "second.zip")
    assert layouts.count(pdf_render.CHARTER_TEMPLATE) == 24


def test_an_unwritable_cache_never_fails_an_export(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be made under a file")
    monkeypatch.setenv("WORKSHOP_APP_CACHE_DIR", str(blocker))
    names = archive(demo, tmp_path / "out.zip")
    assert len([n for n in names if n.startswith("charters/")]) == 12


def test_the_key_follows_the_context_and_the_paper(demo: Path) -> None:
    with WorkshopFile.open(demo, readonly=True) as wf:
        context = charter_context(wf, wf.roster.pairs()[0].id)
    same = dict(reversed(list(context.items())))
    assert charter_key(context, None) == charter_key(same, None)
    assert charter_key(context, "letter") != charter_key(context, None)
    changed = {**context, "pair": {**context["pair"], "names": "Someone Else & Another"}}
    assert charter_key(changed, None) != charter_key(context, None)


def test_pruning_keeps_the_recently_used(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path / "pdf" / "current")
    for n in range(10):
        cache.put(f"{n:064x}", b"%PDF-" + b"x" * 1000 + b"\n%%EOF\n", 1)
        os.utime(cache.folder / f"{n:064x}.1.pdf", (1_000_000 + n, 1_000_000 + n))
    assert cache.lookup(f"{0:064x}") is not None  # used just now
    old = tmp_path / "pdf" / "older-renderer"
    old.mkdir()
    day_ago = time.time() - 2 * render_cache.STALE_SECONDS
    os.utime(old, (day_ago, day_ago))
    cache.prune(max_bytes=5000)
    left = {p.name.split(".")[0] for p in cache.folder.glob("*.pdf")}
    assert f"{0:064x}" in left and f"{1:064x}" not in left
    assert 3 <= len(left) <= 4  # under 80% of the limit
    assert not old.exists()


def test_a_new_font_or_renderer_means_a_new_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    def fresh() -> str:
        render_cache.fingerprint.cache_clear()
        return render_cache.fingerprint()

    before = fresh()
    try:
        monkeypatch.setattr(render_cache, "font_stamp", lambda: "/usr/share/fonts 1234")
        after_font = fresh()
        monkeypatch.setattr(render_cache, "FORMAT", render_cache.FORMAT + 1)
        after_format = fresh()
    finally:
        monkeypatch.undo()
    assert len({before, after_font, after_format}) == 3
    assert fresh() == before


def test_a_change_to_the_layout_code_means_a_new_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The fingerprint reads the renderer's own source files, found from its modules (a file
    named by path would be missed once the module moved)."""
    from workshop_app.core.charters import font_subsets, pdf_render

    code = render_cache.render_code()
    assert code == [Path(pdf_render.__file__ or ""), Path(font_subsets.__file__ or "")]
    assert all(path.is_file() for path in code)
    edited = tmp_path / "pdf_render.py"
    edited.write_bytes(code[0].read_bytes() + b"\n# a change to the layout\n")
    render_cache.fingerprint.cache_clear()
    before = render_cache.fingerprint()
    monkeypatch.setattr(render_cache, "render_code", lambda: [edited, code[1]])
    render_cache.fingerprint.cache_clear()
    assert render_cache.fingerprint() != before
    monkeypatch.undo()
    render_cache.fingerprint.cache_clear()


def test_the_preview_renders_a_charter_once(demo: Path, layouts: list[str]) -> None:
    from workshop_app.core.charters.batch import cached_charter_pdf

    with WorkshopFile.open(demo, readonly=True) as wf:
        context = charter_context(wf, wf.roster.pairs()[0].id)
    first = cached_charter_pdf(context)
    again = cached_charter_pdf(context)
    assert layouts == [pdf_render.CHARTER_TEMPLATE]
    assert again == first == pdf_render.render_charter_pdf(context)
