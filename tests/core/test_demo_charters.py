"""Every demo pair reads as its own people (defect 14): no sentence of one pair's charter is
in another's, a charter names only its own pair, the mentee's line manager and the program's
staff, and what it says about experience fits the people's titles and departments. The demo
keeps its shape and fills the charter's second-edition fields. All of it in each of the demo's
languages (`demo --language`), whose words are its own, not English left in."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.core.charter_fields import CHARTER_COLUMNS
from workshop_app.core.demo import create_demo
from workshop_app.core.demo_data import LANGUAGES, demo_texts
from workshop_app.core.model import Charter, Participant
from workshop_app.core.store.workshop_file import WorkshopFile

TEXT_FIELDS = [f.name for f in CHARTER_COLUMNS if f.kind in ("text", "line")]
STAFF = ("coordinator", "facilitator", "sponsor_name")


# In each language, the words that say a charter speaks of a line of work (the demo once gave
# its Finance Director "twenty years in operations"); German compounds start with them.
LINES_OF_WORK = {
    "en-GB": [rf"\b{w}\b" for w in ("operations", "finance", "fleet", "procurement")]
    + [r"\bcustomer service\b"],
    "it": [rf"\b{w}\b" for w in ("operations", "finanza", "flotta", "acquisti")]
    + [r"\bservizio clienti\b"],
    "de": [r"\boperations\b", r"\bfinanz", r"\bfuhrpark", r"\beinkauf", r"\bkundenservice"],
    "fr": [rf"\b{w}\b" for w in ("exploitation", "flotte", "achats?")]
    + [r"\bfinanc", r"\bservice client\b"],
}
# The mentor's boundary the program prints on every charter, as each language says it.
NO_ADVOCACY = {
    "en-GB": "does not advocate",
    "it": "non si adopera",
    "de": "setzt sich nicht",
    "fr": "n'intervient pas",
}


@pytest.fixture(scope="module", params=list(LANGUAGES))
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    path = Path(tmp_path_factory.mktemp("demo")) / "demo.workshop"
    wf = create_demo(path, language=request.param)
    yield wf
    wf.close()


def texts(charter: Charter) -> list[str]:
    """Everything the pair wrote in words."""
    out = [charter.fields[name] for name in TEXT_FIELDS]
    out += [getattr(g, p) for g in charter.goals for p in ("goal", "why", "measure", "first_steps")]
    out += [part for p in charter.plans for part in (p.scenario, p.plan)]
    return [t for t in out if t]


def sentences(text: str) -> list[str]:
    return [s.strip(" .;") for s in re.split(r"(?<=[.;!?])\s+|\n", text) if s.strip(" .;")]


def people(wf: WorkshopFile) -> dict[str, tuple[Participant, Participant]]:
    """Pair code -> (mentor, mentee)."""
    return {
        p.code: (wf.roster.participant(p.mentor_id), wf.roster.participant(p.mentee_id))
        for p in wf.roster.pairs()
    }


def names(*full_names: str) -> set[str]:
    """The names a charter could call these people by: first names, surnames, full names."""
    return {part for name in full_names if name for part in (name, *name.split())}


def test_no_sentence_is_in_two_pairs_charters(demo: WorkshopFile) -> None:
    pairs_of: dict[str, set[str]] = defaultdict(set)
    for pair in demo.roster.pairs():
        for text in texts(demo.charters.charter(pair.id)):
            for sentence in sentences(text):
                pairs_of[sentence.casefold()].add(pair.code)
    shared = {s: sorted(codes) for s, codes in pairs_of.items() if len(codes) > 1}
    assert shared == {}
    assert len(pairs_of) > 150  # the nine charters begun have plenty of their own text


def test_a_charter_names_only_its_own_people(demo: WorkshopFile) -> None:
    workshop = demo.workshop()
    staff = names(*(getattr(workshop, f) for f in STAFF))
    everyone = names(*(p.name for p in demo.roster.participants()), *(
        p.manager for p in demo.roster.participants()
    ))  # fmt: skip
    words = demo_texts(workshop.language)
    assert words.coordinator_signature.split()[0] in staff
    assert words.people[0][0][0].split()[0] in everyone and words.managers[0].split()[0] in everyone
    for code, (mentor, mentee) in people(demo).items():
        own = names(mentor.name, mentee.name, mentee.manager) | staff
        pair = demo.roster.pair_by_code(code)
        assert pair is not None
        for text in texts(demo.charters.charter(pair.id)):
            found = {n for n in everyone if re.search(rf"\b{re.escape(n)}\b", text)}
            assert found <= own, f"{code} names {sorted(found - own)} in {text!r}"


def test_what_a_charter_says_of_experience_fits_the_roster(demo: WorkshopFile) -> None:
    """A line of work a charter speaks of is one its people are in."""
    lines_of_work = LINES_OF_WORK[demo.workshop().language]
    for code, (mentor, mentee) in people(demo).items():
        pair = demo.roster.pair_by_code(code)
        assert pair is not None
        roster = " ".join((mentor.title, mentor.department, mentee.title, mentee.department))
        written = " ".join(texts(demo.charters.charter(pair.id)))
        for work in lines_of_work:
            if re.search(work, written, re.IGNORECASE):
                assert re.search(work, roster, re.IGNORECASE), (
                    f"{code} speaks of {work} but its people are: {roster}"
                )


def test_the_demo_keeps_its_shape(demo: WorkshopFile) -> None:
    overview = {o.code: o for o in demo.charters.overview()}
    assert len(overview) == 12
    assert [c for c, o in overview.items() if o.complete] == ["P01", "P02", "P03", "P04", "P05"]
    assert [len(overview[c].missing) for c in ("P06", "P07", "P08", "P09")] == [8, 8, 8, 7]
    assert all(len(overview[c].missing) == 10 for c in ("P10", "P11", "P12"))
    assert [c for c, o in overview.items() if o.signed_version] == ["P01"]


def test_the_second_editions_fields_are_filled(demo: WorkshopFile) -> None:
    workshop = demo.workshop()
    program = demo_texts(workshop.language).program
    assert workshop.return_copy_to == program["return_copy_to"] and workshop.return_copy_by
    assert NO_ADVOCACY[workshop.language] in workshop.mentor_boundary
    assert workshop.manager_acknowledgement == "yes"
    for o in demo.charters.overview():
        goals = demo.charters.goals(o.pair_id)
        ratings = [g.baseline for g in goals]
        if o.complete:
            assert ratings and all(r in "12345" and r for r in ratings), o.code
        else:
            assert not any(ratings), o.code


def test_the_demo_is_written_in_its_charter_language(demo: WorkshopFile) -> None:
    """Its charter language is the demo's, and no sentence of the English demo is left in
    another language's program, roster or charters."""
    workshop = demo.workshop()
    assert workshop.language in LANGUAGES
    if workshop.language == "en-GB":
        assert workshop.organisation == "Northwind Logistics"
        return
    with create_demo(Path(demo.path).with_name("english.workshop")) as english:
        english_sentences = _all_sentences(english)
    assert english_sentences
    assert _all_sentences(demo) & english_sentences == set()


def _all_sentences(wf: WorkshopFile) -> set[str]:
    workshop = wf.workshop()
    written = [workshop.program, workshop.organisation, workshop.endorsement, workshop.venue]
    written += [workshop.confidentiality_text, workshop.no_fault_text, workshop.mentor_boundary]
    written += [f"{p.title}, {p.department}" for p in wf.roster.participants()]
    written += [t for pair in wf.roster.pairs() for t in texts(wf.charters.charter(pair.id))]
    return {s.casefold() for text in written for s in sentences(text) if len(s) > 3}


@pytest.mark.parametrize("language", ["it", "de", "fr"])
def test_every_language_has_the_words_of_every_field_english_has(language: str) -> None:
    """A translation fills what English fills (same fields, goals and plans per charter), so
    the demo's shape is the same in every language."""
    english, other = demo_texts("en-GB"), demo_texts(language)
    assert other.program.keys() == english.program.keys()
    assert len(other.people) == len(english.people) and len(other.managers) == len(english.managers)
    for mine, theirs in zip(other.charters, english.charters, strict=True):
        assert mine.fields.keys() == theirs.fields.keys()
        assert len(mine.goals) == len(theirs.goals) and len(mine.plans) == len(theirs.plans)


def test_the_demo_command_writes_the_language_asked_for(tmp_path: Path, capsys) -> None:
    path = tmp_path / "prova.workshop"
    assert main(["demo", str(path), "--language", "it"]) == 0
    assert "12 pairs" in capsys.readouterr().out
    with WorkshopFile.open(path) as wf:
        workshop = wf.workshop()
        assert workshop.language == "it"
        assert workshop.organisation == demo_texts("it").program["organisation"]


def test_the_italian_demos_agenda_is_the_italian_librarys(tmp_path: Path) -> None:
    """A trainer saw "Coffee break" and "Short break" in the Italian demo's agenda: it was
    chosen from the English library, whatever the demo's language."""
    with create_demo(tmp_path / "it.workshop", language="it") as wf:
        breaks = [s.title for s in wf.agenda.segments() if s.kind == "break"]
    assert breaks == ["Pausa caffè", "Breve pausa"]
