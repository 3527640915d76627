"""Each concept of the program has one word in each language's catalogue: a department is
"reparto", "Abteilung", "service" wherever the English says department, and so on for the
role, the mentor and the mentee, the pair, the charter and the sponsor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "workshop_app" / "locale"
# The English word, and the stem each language's translation of a string with it holds.
TERMS = {
    r"departments?": {"it": "repart", "de": "abteilung", "fr": "service"},
    r"roles?": {"it": "ruol", "de": "rolle", "fr": "rôle"},
    r"mentors?": {"it": "mentor", "de": "mentor", "fr": "mentor"},
    r"mentees?": {"it": "mentee", "de": "mentee", "fr": "mentoré"},
    r"pairs?": {"it": "coppi", "de": "tandem", "fr": "binôme"},
    r"charters?": {"it": "accord", "de": "vereinbarung", "fr": "charte"},
    r"sponsors?": {"it": "sponsor", "de": "sponsor", "fr": "sponsor"},
}
# Not the word of the concept: placeholders, command-line options and the values they take
# ("--copies mentor,mentee", "--to pair"), file names ('All charters.pdf'), names made up in
# English in the file ("Mentee 1").
NOT_WORDS = re.compile(
    r"\{[^{}]*\}|%\([a-z_]+\)[sdif]|--[a-z-]+|'[^']*'|\bMentee \d|\bmentor,\s*mentee\b"
    r"|any of mentor, mentee, program|\(pair, the default\)"
)


def _strings(lang: str) -> list[tuple[str, str]]:
    with (LOCALE / lang / "LC_MESSAGES" / "workshop_app.po").open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    pairs = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs.append((ids[0], " ".join(strings).replace("&", "")))
    return pairs


@pytest.mark.parametrize("lang", ["it", "de", "fr"])
@pytest.mark.parametrize("word", TERMS)
def test_one_word_for_each_concept(lang: str, word: str) -> None:
    stem = TERMS[word][lang]
    english = re.compile(rf"\b{word}\b", re.IGNORECASE)
    off = [
        (msgid, translated)
        for msgid, translated in _strings(lang)
        if english.search(NOT_WORDS.sub("", msgid)) and stem not in translated.casefold()
    ]
    assert off == []


def test_italian_calls_the_department_reparto_and_the_job_title_qualifica() -> None:
    """ "Funzione" was the department in some strings, "ruolo" (the program role) the job
    title in others."""
    strings = dict(_strings("it"))
    assert [strings[m] for m in ("Department", "department", "Title")] == [
        *("Reparto", "reparto", "Qualifica"),
    ]
    assert [m for m, t in strings.items() if re.search(r"\bfunzion[ei]\b", t, re.I)] == [
        m for m in strings if re.search(r"\bfunction", m, re.I)
    ]
