"""What the signature rows say about the sections open at signing (defect 13)."""

from __future__ import annotations

from workshop_app.core.demo import FULL
from workshop_app.core.store.workshop_file import WorkshopFile


def a_pair(wf: WorkshopFile) -> str:
    ana = wf.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
    bo = wf.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
    return wf.roster.make_pair(ana.id, bo.id).id


def test_an_incomplete_charter_keeps_its_open_sections_and_the_answer(
    new_workshop: WorkshopFile,
) -> None:
    pid = a_pair(new_workshop)
    for name, value in FULL.items():
        new_workshop.charters.set_field(pid, name, value)
    new_workshop.charters.set_field(pid, "meeting_place", "")
    new_workshop.charters.sign(pid, mentor="Ana Souza", mentee="Bo Li")
    signed = new_workshop.charters.charter(pid).signoffs
    # Goals (2), meetings (4) and troubleshooting (8) are open; not said to be done on paper.
    assert {(s.open_sections, s.paper_completed) for s in signed} == {("2,4,8", False)}
    new_workshop.charters.set_field(pid, "meeting_place", "Room 4")
    new_workshop.charters.sign(pid, mentor="Ana Souza", mentee="Bo Li", paper_completed=True)
    second = [s for s in new_workshop.charters.charter(pid).signoffs if s.version == 2]
    assert {(s.open_sections, s.paper_completed) for s in second} == {("2,8", True)}


def test_a_complete_charter_has_nothing_open_and_no_answer(new_workshop: WorkshopFile) -> None:
    pid = a_pair(new_workshop)
    for name, value in FULL.items():
        new_workshop.charters.set_field(pid, name, value)
    for part, value in (
        ("goal", "Lead"),
        ("measure", "Four meetings"),
        ("target_date", "2027-05-31"),
    ):
        new_workshop.charters.set_goal_part(pid, 1, part, value)
    new_workshop.charters.add_plan(pid, scenario="We get busy", plan="We move the slot")
    new_workshop.charters.sign(pid, mentor="Ana Souza", mentee="Bo Li", paper_completed=True)
    signed = new_workshop.charters.charter(pid).signoffs
    assert {(s.open_sections, s.paper_completed) for s in signed} == {("", None)}
