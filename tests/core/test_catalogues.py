"""The translations are complete: every string marked in the code and the templates (extracted
afresh here, so a string marked without `make messages` counts too) has a translation in every
language, none is fuzzy, and each keeps the English string's placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from workshop_app.core import i18n

ROOT = Path(__file__).resolve().parents[2]
LANGS = [lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE_LANGUAGE]
# {name}, {0}, {n:,} (str.format and f-string style), %(name)s, %s, %d, and HTML-ish tags
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdif]|%[sdif]|</?[a-z]+[^>]*>")


def _extracted() -> dict[tuple[str, str | None], tuple[str, ...]]:
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[tuple[str, str | None], tuple[str, ...]] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        ROOT, method_map, options_map
    ):
        ids = (message,) if isinstance(message, str) else tuple(m for m in message if m)
        found[(ids[0], context)] = ids
    return found


@pytest.fixture(scope="module")
def extracted() -> dict[tuple[str, str | None], tuple[str, ...]]:
    return _extracted()


def _catalogue(lang: str):
    with i18n.catalogue_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def _shape(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("lang", LANGS)
def test_every_marked_string_is_translated(lang, extracted):
    catalogue = _catalogue(lang)
    missing = []
    for (msgid, context), _ids in sorted(extracted.items(), key=lambda kv: kv[0][0]):
        entry = catalogue.get(msgid, context)
        strings = () if entry is None else entry.string
        strings = (strings,) if isinstance(strings, str) else strings
        if entry is None or not all(strings):
            missing.append(msgid)
    assert not missing, f"{lang}: {len(missing)} untranslated, e.g. {missing[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_fuzzy_entries_and_placeholders_kept(lang):
    problems = []
    for entry in _catalogue(lang):
        if not entry.id:
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {entry.id!r}")
        ids = (entry.id,) if isinstance(entry.id, str) else entry.id
        strings = (entry.string,) if isinstance(entry.string, str) else entry.string
        for i, text in enumerate(strings):
            if not text:
                continue
            english = ids[min(i, len(ids) - 1)]
            # A plural's singular may say "one" where English has {n}: compare with either form.
            if _shape(text) not in (_shape(english), *(_shape(other) for other in ids)):
                problems.append(f"placeholders differ: {english!r} -> {text!r}")
    assert not problems, f"{lang}: " + "; ".join(problems[:5])


@pytest.mark.parametrize("lang", LANGS)
def test_plural_entries_have_every_form_the_language_needs(lang):
    catalogue = _catalogue(lang)
    short = [
        entry.id[0]
        for entry in catalogue
        if entry.pluralizable and len(entry.string) != catalogue.num_plurals
    ]
    assert not short, f"{lang}: plural forms missing for {short[:5]}"


def test_a_stale_or_missing_mo_is_compiled_from_the_po(tmp_path, monkeypatch):
    folder = tmp_path / "it" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "workshop_app.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Signatures"\nmsgstr "Firme"\n\n'
        '#, fuzzy\nmsgid "Goals"\nmsgstr "Scopi"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        italian = i18n.translations("it-CH")
        assert italian.gettext("Signatures") == "Firme"
        assert italian.gettext("Goals") == "Goals"  # a fuzzy guess is never shown
        assert i18n.translations("en-GB").gettext("Signatures") == "Signatures"
        assert i18n.translations("pt").gettext("Signatures") == "Signatures"
    finally:
        i18n.translations.cache_clear()


@pytest.mark.parametrize("hostile", ["/tmp/evil", "C:\\evil", "it/../../x", "zz", "\x00"])
def test_a_hostile_language_in_a_workshop_file_reads_no_catalogue_of_its_own(tmp_path, hostile):
    # A file can hold any text as its charter language: only the app's catalogues are read.
    evil = tmp_path / "LC_MESSAGES"
    evil.mkdir()
    (evil / "workshop_app.po").write_text('garbage "', encoding="utf-8")
    i18n.translations.cache_clear()
    try:
        for lang in (hostile, str(tmp_path)):
            assert i18n.translations(lang).gettext("Signatures") == "Signatures"
    finally:
        i18n.translations.cache_clear()


def test_the_pseudo_locale_marks_and_lengthens_and_keeps_placeholders():
    text = i18n.translations(i18n.PSEUDO).gettext("Print {n} charters")
    assert text.startswith(i18n.PSEUDO_OPEN) and text.endswith(i18n.PSEUDO_CLOSE)
    assert "{n}" in text and len(text) >= 1.4 * len("Print {n} charters")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "it_IT.UTF-8"}, "it"),
        ({"LANGUAGE": "de_CH:fr", "LANG": "en_US.UTF-8"}, "de"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "it_IT.UTF-8"}, "fr"),
        ({"LANG": "pt_BR.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_read_as_gettext_reads_it(environ, expected):
    assert i18n.system_language(environ) == expected
