"""Translations: one gettext catalogue for the interface, the CLI and the printed documents.

Two languages are in play at once, and they are independent:
- the **interface language** (the app's windows and the CLI's messages) follows the system,
  or the settings; `_()` and `ngettext()` translate into it;
- the **charter language** belongs to a workshop (`Workshop.language`): its charters,
  summary, handouts and exports' explanations are in it, whoever prints them. Code that
  writes a document asks `translations(workshop.language)` and calls `.gettext()` on it.

The catalogues are `workshop_app/locale/<lang>/LC_MESSAGES/workshop_app.po` (the source, in
the repository) compiled to `.mo` by `make`. A catalogue whose `.mo` is missing or older than
its `.po` (a checkout where `make` has not run, a translator's edit) is compiled in memory
from the `.po`, so the app never shows stale or missing translations.

Strings written at import time (tables of titles) are marked with `N_()` and translated
where they are shown: `_(KIND_TITLES[kind])`.

`PSEUDO` is a test language: every string is wrapped in ⟦ ⟧ and made 40% longer, so that a
scan of the windows finds text that was never marked, and a layout that clips long German.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from pathlib import Path
from typing import Any

from workshop_app.core.charters.dates import italian_articles

DOMAIN = "workshop_app"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

# The languages the app is translated into, with their own names for the language menus.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "it": "Italiano",
    "de": "Deutsch",
    "fr": "Français",
}
SOURCE_LANGUAGE = "en"
PSEUDO = "qps"

# Each string grows by this share in the pseudo-locale (German runs about that much longer).
PSEUDO_GROWTH = 0.4
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


def base_language(lang: str | None) -> str:
    """The catalogue a language tag uses: "en-GB", "it_IT.UTF-8" and "IT" give "en", "it"."""
    tag = (lang or "").strip().split(".")[0].replace("_", "-").lower()
    return tag.split("-")[0] or SOURCE_LANGUAGE


def pseudo(message: str) -> str:
    """`message` as the pseudo-locale shows it: marked at both ends and 40% longer, with its
    placeholders untouched (the padding goes before the closing mark)."""
    if not message:
        return message
    pad = "·" * max(1, round(len(message) * PSEUDO_GROWTH))
    return f"{PSEUDO_OPEN}{message}{pad}{PSEUDO_CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    """Every string, singular or plural, through `pseudo()`."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


class _ItalianText(str):
    """A translated Italian string: formatted, the article or preposition before a date joins
    a day read with a vowel ("il {date}" with 8 marzo gives "l'8 marzo"), whatever the
    sentence and wherever the date came from (Babel, QLocale)."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        return italian_articles(str.format(self, *args, **kwargs))


class ItalianTranslations(gettext.NullTranslations):
    """The Italian catalogue, each string it gives an `_ItalianText`."""

    def __init__(self, catalogue: gettext.NullTranslations) -> None:
        super().__init__()
        self._catalogue = catalogue

    def gettext(self, message: str) -> str:
        return _ItalianText(self._catalogue.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return _ItalianText(self._catalogue.ngettext(msgid1, msgid2, n))

    def pgettext(self, context: str, message: str) -> str:
        return _ItalianText(self._catalogue.pgettext(context, message))

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return _ItalianText(self._catalogue.npgettext(context, msgid1, msgid2, n))


def catalogue_path(lang: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def _compiled(lang: str) -> gettext.NullTranslations | None:
    """The catalogue of `lang`: its `.mo` when that is up to date, else its `.po` compiled in
    memory; None when the app has no catalogue for it."""
    po, mo = catalogue_path(lang), catalogue_path(lang, ".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if not po.is_file():
        return None
    # Babel is a runtime dependency already (dates); only this path needs its catalogue tools.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@cache
def translations(lang: str | None) -> gettext.NullTranslations:
    """The translations for a language tag; English (the strings as written) for English and
    for any language the app has no catalogue for."""
    if (lang or "").strip().lower() == PSEUDO:
        return PseudoTranslations()
    code = base_language(lang)
    # Only the app's own catalogues: a workshop file's language is untrusted text, and
    # "/tmp/x" would otherwise name a folder of its own to read a catalogue from.
    if code == SOURCE_LANGUAGE or code not in LANGUAGES:
        return gettext.NullTranslations()
    catalogue = _compiled(code)
    if catalogue is None:
        return gettext.NullTranslations()
    return ItalianTranslations(catalogue) if code == "it" else catalogue


def system_language(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """The interface language the system asks for, as gettext reads it (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG), limited to the languages the app has; English otherwise."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if not value:
            continue
        # The first variable set decides; LANGUAGE may list several in order of preference.
        for tag in value.split(":"):
            if tag.strip().lower() == PSEUDO:
                return PSEUDO
            if tag not in ("C", "POSIX") and base_language(tag) in LANGUAGES:
                return base_language(tag)
        return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


_interface: gettext.NullTranslations = gettext.NullTranslations()
_interface_language = SOURCE_LANGUAGE


def set_interface_language(lang: str) -> None:
    """Translate `_()` and `ngettext()` into `lang` from now on."""
    global _interface, _interface_language
    _interface = translations(lang)
    _interface_language = PSEUDO if lang == PSEUDO else base_language(lang)


def interface_language() -> str:
    return _interface_language


def _(message: str) -> str:
    """`message` in the interface language."""
    return _interface.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, by the interface language's plural rule."""
    return _interface.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the interface language, told apart from the same English word used
    elsewhere by `context`."""
    return _interface.pgettext(context, message)


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it: it is translated where it is
    shown (tables built at import time, before the language is known)."""
    return message
