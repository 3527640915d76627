"""Entering a checkpoint review back: the review row, and the charter's next version."""

from __future__ import annotations

import pytest
from review_data import charter_pair, close

from workshop_app.core.errors import UserError
from workshop_app.core.followup.review_store import CharterChanges, ReviewStore
from workshop_app.core.store.workshop_file import WorkshopFile


def test_a_review_without_charter_changes_leaves_the_charter(new_workshop: WorkshopFile) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf)
    review = ReviewStore(wf).save(
        pair_id,
        90,
        held_on="2027-05-03",
        cadence_kept="partly",
        progress={1: 3, 2: 2},
        plans_used="We used the quiet plan once.",
    )
    assert (review.held_on, review.cadence_kept, review.progress) == (
        "2027-05-03",
        "partly",
        (3, 2, None),
    )
    assert review.charter_version is None
    charter = wf.charters.charter(pair_id)
    assert (charter.version, charter.signed_version) == (1, 1)
    assert wf.charters.overview()[0].signature_state == "signed v1"
    row = wf.conn.execute("SELECT plans_used, goal1_progress FROM reviews").fetchone()
    assert row == ("We used the quiet plan once.", 3)


def test_charter_changes_open_version_2_and_v1_stays_signed(new_workshop: WorkshopFile) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf)
    signed_before = wf.charters.signed_snapshot(pair_id, 1)
    review = ReviewStore(wf).save(
        pair_id,
        90,
        held_on="2027-05-03",
        cadence_kept="no",
        changes="Weekly from now on; goal 2 replaced.",
        charter=CharterChanges(
            cadence="weekly",
            goals={2: "Run the Leeds stand-up"},
            plans={2: ("a meeting is cancelled", "we rebook it the same day")},
        ),
    )
    assert review.charter_version == 2
    charter = wf.charters.charter(pair_id)
    assert (charter.version, charter.signed_version) == (2, 1)
    assert charter.fields["meeting_frequency"] == "weekly"
    assert [g.goal for g in charter.goals] == ["Lead the weekly planning", "Run the Leeds stand-up"]
    assert charter.goals[1].baseline == "1"  # the goal's other parts stay
    assert (charter.plans[1].scenario, charter.plans[1].plan) == (
        "a meeting is cancelled",
        "we rebook it the same day",
    )
    # The signed v1 is as it was: its snapshot and both signatures.
    assert wf.charters.signed_snapshot(pair_id, 1) == signed_before
    assert signed_before is not None and signed_before["fields"]["meeting_frequency"] == "biweekly"
    assert {(s.version, s.role) for s in charter.signoffs} >= {(1, "mentor"), (1, "mentee")}
    assert wf.charters.overview()[0].signature_state == "version 2, to sign"
    # The audit says what the review did, and what the charter's new version holds.
    fields = {(e.table_name, e.field) for e in wf.history(pair_id=pair_id)}
    assert ("reviews", "*created*") in fields
    assert ("charters", "*reopened*") in fields
    assert ("charters", "meeting_frequency") in fields
    assert ("goals", "goal2.goal") in fields
    assert ("plans", "scenario") in fields
    # Signing version 2 makes it the agreement in force.
    wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li")
    assert wf.charters.overview()[0].signature_state == "signed v2"


def test_entering_the_same_checkpoint_again_edits_the_review(new_workshop: WorkshopFile) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf)
    store = ReviewStore(wf)
    first = store.save(pair_id, 90, cadence_kept="yes", charter=CharterChanges(cadence="weekly"))
    again = store.save(pair_id, 90, cadence_kept="partly", progress={1: 4})
    assert again.id == first.id
    assert (again.cadence_kept, again.progress[0]) == ("partly", 4)
    assert again.charter_version == 2  # what the first save opened stays recorded
    assert wf.conn.execute("SELECT count(*) FROM reviews").fetchone() == (1,)
    # More changes at the same review go into the same open version 2.
    store.save(pair_id, 90, charter=CharterChanges(goals={1: "Lead planning twice a month"}))
    assert wf.charters.charter(pair_id).version == 2
    audit = [e for e in wf.history(pair_id=pair_id) if e.table_name == "reviews"]
    assert {e.field for e in audit} == {"*created*", "cadence_kept", "goal1_progress"}


def test_a_change_to_what_was_agreed_anyway_opens_no_version(new_workshop: WorkshopFile) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf)
    review = ReviewStore(wf).save(
        pair_id,
        30,
        charter=CharterChanges(cadence="biweekly", goals={1: "Lead the weekly planning"}),
    )
    assert review.charter_version is None
    assert wf.charters.charter(pair_id).version == 1


def test_an_unsigned_charter_is_edited_where_it_is(new_workshop: WorkshopFile) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf, sign=False)
    review = ReviewStore(wf).save(pair_id, 30, charter=CharterChanges(goals={3: "A third goal"}))
    assert review.charter_version == 1
    assert [g.goal for g in wf.charters.goals(pair_id)][-1] == "A third goal"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cadence_kept": "sometimes"}, "yes, partly or no"),
        ({"progress": {1: 6}}, "1 to 5"),
        ({"progress": {4: 3}}, "at most 3 goals"),
        ({"held_on": "next Tuesday"}, "a date like"),
        ({"charter": CharterChanges(cadence="fortnightly")}, "A cadence is one of"),
        ({"charter": CharterChanges(cadence="custom")}, "needs its words"),
        ({"charter": CharterChanges(goals={1: "  "})}, "empty"),
        ({"charter": CharterChanges(plans={1: ("x", "")})}, "both its situation"),
    ],
)
def test_bad_values_save_nothing(new_workshop: WorkshopFile, kwargs: dict, message: str) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf)
    with pytest.raises(UserError, match=message):
        ReviewStore(wf).save(pair_id, 90, **kwargs)
    assert wf.conn.execute("SELECT count(*) FROM reviews").fetchone() == (0,)
    assert wf.charters.charter(pair_id).version == 1


def test_a_failure_part_way_saves_nothing(
    new_workshop: WorkshopFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reopen and the cadence are done when the goal's edit fails: all of it goes."""
    wf = new_workshop
    pair_id = charter_pair(wf)

    def refuse(*_args: object) -> None:
        raise UserError("The disk is full.")

    monkeypatch.setattr(wf.charters, "set_goal_part", refuse)
    with pytest.raises(UserError, match="disk is full"):
        ReviewStore(wf).save(
            pair_id,
            90,
            cadence_kept="yes",
            charter=CharterChanges(cadence="weekly", goals={1: "x"}),
        )
    charter = wf.charters.charter(pair_id)
    assert (charter.version, charter.fields["meeting_frequency"]) == (1, "biweekly")
    assert wf.conn.execute("SELECT count(*) FROM reviews").fetchone() == (0,)
    assert wf.charters.overview()[0].signature_state == "signed v1"


def test_a_closed_pair_records_a_review_but_its_charter_stays(new_workshop: WorkshopFile) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf)
    close(wf, pair_id)
    with pytest.raises(UserError, match="closed"):
        ReviewStore(wf).save(pair_id, 90, charter=CharterChanges(cadence="weekly"))
    assert wf.charters.charter(pair_id).version == 1
    assert ReviewStore(wf).save(pair_id, 90, cadence_kept="no").cadence_kept == "no"


def test_a_broken_pair_is_one_line(new_workshop: WorkshopFile) -> None:
    with pytest.raises(UserError, match="no longer in the workshop"):
        ReviewStore(new_workshop).save("gone", 90, cadence_kept="yes")


def test_a_read_only_workshop_saves_nothing(new_workshop: WorkshopFile) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf)
    path = wf.path
    wf.close()
    with WorkshopFile.open(path, readonly=True) as ro, pytest.raises(UserError, match="read-only"):
        ReviewStore(ro).save(pair_id, 90, cadence_kept="yes")


def test_a_private_goal_reworded_at_a_review_stays_out_of_staff_exports(
    new_workshop: WorkshopFile, tmp_path
) -> None:
    from workshop_app.core.exports.formats import export_workshop

    wf = new_workshop
    pair_id = charter_pair(wf, sign=False)
    wf.charters.set_goal_part(pair_id, 2, "private", True)
    wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li")
    ReviewStore(wf).save(pair_id, 90, charter=CharterChanges(goals={2: "Ask for the Leeds role"}))
    assert wf.charters.goals(pair_id)[1].private  # the new words are as private as the old
    out = tmp_path / "staff.json"
    export_workshop(wf, format="json", out=out)
    assert "Ask for the Leeds role" not in out.read_text(encoding="utf-8")
    export_workshop(wf, format="json", out=out, include_confidential=True)
    assert "Ask for the Leeds role" in out.read_text(encoding="utf-8")
