"""Charter editing, goals and plans, signing and versions, and the completeness rule."""

from __future__ import annotations

import pytest

from workshop_app.core.charter_fields import CONTENT_SECTIONS
from workshop_app.core.completeness import missing_sections, section_status
from workshop_app.core.demo import FULL
from workshop_app.core.errors import UserError
from workshop_app.core.model import Goal, Plan
from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture
def pair_id(new_workshop: WorkshopFile) -> str:
    wf = new_workshop
    a = wf.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
    b = wf.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
    return wf.roster.make_pair(a.id, b.id).id


def fill(wf: WorkshopFile, pair_id: str) -> None:
    for name, value in FULL.items():
        wf.charters.set_field(pair_id, name, value)
    for part, value in (
        ("goal", "Lead the weekly planning"),
        ("measure", "Four meetings led"),
        ("target_date", "2027-05-31"),
    ):
        wf.charters.set_goal_part(pair_id, 1, part, value)
    wf.charters.add_plan(pair_id, scenario="We both get busy", plan="we move the slot")


def test_completeness_follows_the_sections(new_workshop: WorkshopFile, pair_id: str) -> None:
    wf = new_workshop
    all_keys = [s.key for s in CONTENT_SECTIONS]
    assert list(wf.charters.overview()[0].missing) == all_keys
    wf.charters.set_field(pair_id, "mentor_commitments", "Listen first")
    status = section_status(wf.charters.charter(pair_id).fields)
    assert status["roles"] == "partial"
    wf.charters.set_field(pair_id, "mentee_commitments", "Come prepared")
    assert "roles" not in wf.charters.overview()[0].missing
    fill(wf, pair_id)
    overview = wf.charters.overview()[0]
    assert overview.missing == ()
    assert overview.complete


def test_goals_need_what_measure_and_date() -> None:
    half = Goal(id="g", position=1, goal="Lead a meeting", measure="", target_date="2027-01-01")
    whole = Goal(id="g", position=1, goal="Lead", measure="Done twice", target_date="2027-01-01")
    assert section_status({"purpose": "x"}, [half])["purpose"] == "partial"
    assert section_status({"purpose": "x"}, [whole])["purpose"] == "complete"


def test_custom_frequency_needs_its_description() -> None:
    values = {k: v for k, v in FULL.items()}
    plan = Plan(id="p", position=1, scenario="a", plan="b")
    goal = Goal(id="g", position=1, goal="a", measure="b", target_date="2027-01-01")
    values["meeting_frequency"] = "custom"
    assert "meetings" in missing_sections(values, [goal], [plan])
    values["meeting_frequency_custom"] = "Twice in the first month, then monthly"
    assert missing_sections(values, [goal], [plan]) == []


def test_whitespace_does_not_count_as_filled() -> None:
    assert section_status({"boundaries": "   \n"})["boundaries"] == "empty"


def test_field_values_are_checked(new_workshop: WorkshopFile, pair_id: str) -> None:
    charters = new_workshop.charters
    with pytest.raises(UserError, match="one of weekly"):
        charters.set_field(pair_id, "meeting_frequency", "hourly")
    with pytest.raises(UserError, match="whole number"):
        charters.set_field(pair_id, "meeting_minutes", "an hour")
    with pytest.raises(UserError, match="date like"):
        charters.set_field(pair_id, "end_date", "next spring")
    with pytest.raises(UserError, match="like 30, 90, 180"):
        charters.set_field(pair_id, "review_days", "thirty")
    charters.set_field(pair_id, "review_days", "180;30 90")
    charters.set_field(pair_id, "first_meeting", "2027-02-02T08:30:45")
    charter = charters.charter(pair_id)
    assert charter.value("review_days") == "30, 90, 180"
    assert charter.value("first_meeting") == "2027-02-02T08:30"


def test_three_goals_at_most_and_removal_renumbers(
    new_workshop: WorkshopFile, pair_id: str
) -> None:
    charters = new_workshop.charters
    for n in (1, 2, 3):
        charters.set_goal_part(pair_id, n, "goal", f"Goal {n}")
    with pytest.raises(UserError, match="at most 3"):
        charters.set_goal_part(pair_id, 4, "goal", "Goal 4")
    charters.remove_goal(pair_id, 1)
    assert [(g.position, g.goal) for g in charters.goals(pair_id)] == [(1, "Goal 2"), (2, "Goal 3")]


def test_plans_are_kept_in_order(new_workshop: WorkshopFile, pair_id: str) -> None:
    charters = new_workshop.charters
    first = charters.add_plan(pair_id, scenario="Cancellations", exercise_id="repeated-cancel")
    charters.add_plan(pair_id, scenario="Silence")
    charters.set_plan_part(first.id, "plan", "we talk about it at the next meeting")
    plans = charters.plans(pair_id)
    assert [p.scenario for p in plans] == ["Cancellations", "Silence"]
    assert plans[0].plan == "we talk about it at the next meeting"
    charters.remove_plan(first.id)
    assert [p.scenario for p in charters.plans(pair_id)] == ["Silence"]


def test_editing_a_signed_charter_makes_a_new_version(
    new_workshop: WorkshopFile, pair_id: str
) -> None:
    wf = new_workshop
    fill(wf, pair_id)
    assert wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li") == 1
    assert wf.charters.overview()[0].signature_state == "signed v1"
    with pytest.raises(UserError, match="already signed"):
        wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li")
    wf.charters.set_field(pair_id, "purpose", "A sharper purpose")
    wf.charters.set_field(pair_id, "boundaries", "No pay talk")  # same new version
    charter = wf.charters.charter(pair_id)
    assert charter.version == 2
    assert charter.signed_version == 1
    assert charter.edited_since_signing
    assert wf.charters.overview()[0].signature_state == "signed v1, edited since"
    signed = wf.charters.signed_snapshot(pair_id, 1)
    assert signed is not None and signed["fields"]["purpose"] == FULL["purpose"]
    assert wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li", coordinator="Tom") == 2
    assert wf.charters.overview()[0].signature_state == "signed v2"


def test_signing_needs_both_names(new_workshop: WorkshopFile, pair_id: str) -> None:
    with pytest.raises(UserError, match="Both the mentor and the mentee"):
        new_workshop.charters.sign(pair_id, mentor="Ana", mentee=" ")


def test_an_unchanged_value_writes_nothing(new_workshop: WorkshopFile, pair_id: str) -> None:
    wf = new_workshop
    wf.charters.set_field(pair_id, "purpose", "Same")
    count = len(wf.history())
    wf.charters.set_field(pair_id, "purpose", "Same")
    assert len(wf.history()) == count


def test_breaking_a_pair_keeps_its_charter_in_the_audit(
    new_workshop: WorkshopFile, pair_id: str
) -> None:
    wf = new_workshop
    wf.charters.set_field(pair_id, "purpose", "Worth keeping")
    wf.roster.break_pair(pair_id)
    assert wf.roster.pairs() == []
    removed = [e for e in wf.history() if e.field == "*removed*" and e.table_name == "pairs"]
    assert removed and "Worth keeping" in (removed[0].old_value or "")


def test_cached_pairs_list_follows_every_kind_of_write(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The list is cached between calls; after any write it must equal a fresh read."""
    from workshop_app.core.demo import create_demo

    wf = create_demo(tmp_path / "demo.workshop")
    charters, roster = wf.charters, wf.roster

    def fresh() -> list:  # type: ignore[type-arg]
        charters.invalidate()
        return charters.overview()

    assert charters.overview() == fresh()
    p10 = roster.pair_by_code("P10")
    assert p10 is not None
    steps = [
        lambda: charters.set_field(p10.id, "purpose", "Now we have a purpose"),
        lambda: charters.set_goal_part(p10.id, 1, "goal", "A goal"),
        lambda: charters.add_plan(p10.id, scenario="Silence", plan="we call"),
        lambda: roster.set_attendance(roster.participant(p10.mentor_id).id, False),
        lambda: roster.update_participant(roster.participant(p10.mentee_id).id, name="Renamed"),
        lambda: roster.rename_pair(p10.id, "P99"),
        lambda: charters.sign(roster.pair_by_code("P02").id, mentor="A", mentee="B"),
        lambda: roster.break_pair(roster.pair_by_code("P11").id),
        lambda: roster.make_pair(
            roster.add_participant(role="mentor", name="New M", email="nm@x.example").id,
            roster.add_participant(role="mentee", name="New E", email="ne@x.example").id,
        ),
    ]
    for step in steps:
        charters.overview()  # fill the cache
        step()
        cached = charters.overview()
        assert cached == fresh()
    wf.close()
