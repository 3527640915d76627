"""Every demo pair reads as its own people (defect 14): no sentence of one pair's charter is
in another's, a charter names only its own pair, the mentee's line manager and the program's
staff, and what it says about experience fits the people's titles and departments. The demo
keeps its shape and fills the charter's second-edition fields."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from workshop_app.core.charter_fields import CHARTER_COLUMNS
from workshop_app.core.demo import PROGRAM, create_demo
from workshop_app.core.model import Charter, Participant
from workshop_app.core.store.workshop_file import WorkshopFile

TEXT_FIELDS = [f.name for f in CHARTER_COLUMNS if f.kind in ("text", "line")]
STAFF = ("coordinator", "facilitator", "sponsor_name")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    wf = create_demo(Path(tmp_path_factory.mktemp("demo")) / "demo.workshop")
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
    assert "Tom" in staff and "Margaret" in everyone and "Anita" in everyone
    for code, (mentor, mentee) in people(demo).items():
        own = names(mentor.name, mentee.name, mentee.manager) | staff
        pair = demo.roster.pair_by_code(code)
        assert pair is not None
        for text in texts(demo.charters.charter(pair.id)):
            found = {n for n in everyone if re.search(rf"\b{re.escape(n)}\b", text)}
            assert found <= own, f"{code} names {sorted(found - own)} in {text!r}"


def test_what_a_charter_says_of_experience_fits_the_roster(demo: WorkshopFile) -> None:
    """A line of work a charter speaks of is one its people are in (the demo once gave its
    Finance Director "twenty years in operations")."""
    for code, (mentor, mentee) in people(demo).items():
        pair = demo.roster.pair_by_code(code)
        assert pair is not None
        roster = " ".join((mentor.title, mentor.department, mentee.title, mentee.department))
        written = " ".join(texts(demo.charters.charter(pair.id)))
        for work in ("operations", "finance", "fleet", "procurement", "customer service"):
            if re.search(rf"\b{work}\b", written, re.IGNORECASE):
                assert re.search(rf"\b{work}\b", roster, re.IGNORECASE), (
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
    assert workshop.return_copy_to == PROGRAM["return_copy_to"] and workshop.return_copy_by
    assert "does not advocate" in workshop.mentor_boundary
    assert workshop.manager_acknowledgement == "yes"
    for o in demo.charters.overview():
        goals = demo.charters.goals(o.pair_id)
        ratings = [g.baseline for g in goals]
        if o.complete:
            assert ratings and all(r in "12345" and r for r in ratings), o.code
        else:
            assert not any(ratings), o.code
