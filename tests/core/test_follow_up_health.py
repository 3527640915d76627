"""Pair health against each pair's own charter: the words, the checkpoints and every reason a
pair is at risk, from records a person would make (a charter agreed, check-ins imported, calls
logged)."""

from __future__ import annotations

from datetime import date

import pytest
from follow_up_records import agreed_pair, checkin, close, day, log, review

from benchmarks.follow_up_program import make_program
from workshop_app.core.content.library import load_library
from workshop_app.core.followup.board import board
from workshop_app.core.followup.cadence import custom_days
from workshop_app.core.followup.health import PairHealth, follow_up
from workshop_app.core.store.workshop_file import WorkshopFile

SILENT = (
    "scenario-partner-goes-silent",
    "If one of us goes quiet",
    "the other calls within a week.",
)
CANCEL = ("", "We cancel twice in a row", "we book three dates there and then.")


@pytest.fixture(scope="module")
def library():
    return load_library()


def health(wf, today: str, library=None) -> PairHealth:
    (only,) = follow_up(wf, today=day(today), library=library).pairs
    return only


def kinds(h: PairHealth) -> list[str]:
    return [r.kind for r in h.reasons]


def test_the_issues_cadence_words_with_the_pairs_own_plan_beside_the_reason(new_workshop, library):
    wf = new_workshop
    pair = agreed_pair(wf, 1, plans=(SILENT,))
    log(wf, pair, "2027-02-01", "meeting", "both")
    log(wf, pair, "2027-02-23", "meeting", "both")
    h = health(wf, "2027-04-05", library)  # 41 days after 23 February, day 63
    assert h.words[0] == "agreed every two weeks; last meeting 41 days ago (3 missed)"
    assert (h.cadence, h.cadence_days, h.missed, h.on_cadence) == ("every two weeks", 14, 3, False)
    assert h.last_meeting == date(2027, 2, 23)
    (reason,) = [r for r in h.reasons if r.kind == "cadence"]
    assert reason.text == h.words[0]
    assert reason.plan == "If one of us goes quiet: the other calls within a week."
    assert reason.scenario == "A partner who goes silent"
    assert reason.next_step.startswith("Call both partners")
    assert h.at_risk


def test_a_pair_meeting_as_agreed_is_on_cadence_and_not_at_risk(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1, frequency="weekly", review_days="30")
    for on in ("2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"):
        log(wf, pair, on, "meeting", "both")
    h = health(wf, "2027-02-25")
    assert h.words[0] == "agreed weekly; last meeting 3 days ago"
    assert (h.on_cadence, h.missed, h.reasons) == (True, 0, ())
    # Within one interval and a half of grace (10 days for weekly), still on cadence...
    assert health(wf, "2027-03-04").on_cadence is True
    # ... and not after it: the pair's own interval, not a fixed threshold.
    assert "cadence" in kinds(health(wf, "2027-03-05"))


def test_check_ins_count_the_meetings_they_report(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1, frequency="weekly")
    checkin(wf, pair, "mentee", "2027-03-03", day=30, meetings_held=5, last_meeting="2027-03-01")
    checkin(wf, pair, "mentor", "2027-03-04", day=30, meetings_held=4, last_meeting="2027-03-01")
    h = health(wf, "2027-03-05")
    assert h.missed == 0 and h.on_cadence is True
    assert h.words[0] == "agreed weekly; last meeting 4 days ago"


@pytest.mark.parametrize(
    ("words", "days"),
    [
        ("every 3 weeks", 21),
        ("twice a month", 15),
        ("every 10 days", 10),
        ("Fortnightly, Tuesdays", 14),
        ("every other week", 14),
        ("once a month over lunch", 30),
        ("when we can", None),
        ("", None),
    ],
)
def test_a_custom_cadence_in_the_pairs_own_words(words, days):
    assert custom_days(words) == days


def test_a_custom_cadence_is_judged_by_its_own_interval(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1, frequency="custom", custom="every 10 days")
    log(wf, pair, "2027-02-01", "meeting", "both")
    h = health(wf, "2027-02-16")
    assert (h.cadence_days, h.reasons) == (10, ())
    assert h.words[0] == "agreed every 10 days; last meeting 15 days ago (1 missed)"
    assert "cadence" in kinds(health(wf, "2027-02-17"))


def test_words_that_give_no_interval_give_no_cadence_reason_and_say_so(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1, frequency="custom", custom="when we can")
    log(wf, pair, "2027-02-01", "meeting", "both")
    h = health(wf, "2027-06-01")
    assert h.words[0] == (
        "agreed \u201cwhen we can\u201d (no interval in it to judge meetings by);"
        " last meeting 120 days ago"
    )
    assert h.cadence_days is None and h.on_cadence is None
    assert "cadence" not in kinds(h)


def test_no_contact_at_all_since_the_first_meeting(new_workshop, library):
    wf = new_workshop
    agreed_pair(wf, 1, plans=(SILENT,))
    assert health(wf, "2027-02-08").reasons == ()  # within half an interval: too early
    h = health(wf, "2027-02-09", library)
    assert kinds(h) == ["no_contact"]
    assert h.reasons[0].text == "no contact since the first meeting on 1 February 2027"
    assert h.reasons[0].plan.startswith("If one of us goes quiet")
    assert h.on_cadence is None  # nothing logged to judge the cadence by, not a judgement


def test_a_goal_at_or_below_its_baseline_after_day_30_and_goal_words_without_the_goal(
    new_workshop,
):
    wf = new_workshop
    pair = agreed_pair(wf, 1, baselines=("2", "1"), private_goal=2)
    log(wf, pair, "2027-04-28", "meeting", "both")
    checkin(wf, pair, "mentee", "2027-03-03", day=30, goal1_progress=2, goal2_progress=1)
    early = health(wf, "2027-03-04")
    assert "goal_stalled" not in kinds(early)  # at day 30 a goal may not have moved yet
    checkin(wf, pair, "mentee", "2027-05-01", day=90, goal1_progress=2, goal2_progress=2)
    h = health(wf, "2027-05-02")
    assert "goal 1 at 2 of 5, baseline 2" in h.words
    assert "goal 2 at 2 of 5, baseline 1" in h.words
    (stalled,) = [r for r in h.reasons if r.kind == "goal_stalled"]
    assert stalled.text == "goal 1 at 2 of 5, baseline 2 (day 90)"
    assert [(g.position, g.title, g.baseline, g.latest, g.moving) for g in h.goals] == [
        (1, "Secret goal words 1", 2, 2, False),
        (2, "", 1, 2, True),  # private: the progress shows, the goal's words never
    ]
    assert not any("Secret goal words 2" in line for line in h.words)


def test_a_review_rating_is_the_latest_word_on_a_goal(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    checkin(wf, pair, "mentee", "2027-04-30", day=90, goal1_progress=2)
    review(wf, pair, 90, "2027-05-02", goal1_progress=4)
    h = health(wf, "2027-05-03")
    assert h.goals[0].latest == 4 and h.goals[0].moving is True
    assert h.checkpoints[1].known == "review held 2 May 2027"


def test_a_help_request_is_a_reason_until_staff_follow_it_up(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    log(wf, pair, "2027-03-01", "meeting", "both")
    checkin(wf, pair, "mentee", "2027-03-03", day=30, wants_help=1)
    h = health(wf, "2027-03-04")
    assert "mentee asked for help" in [r.text for r in h.reasons]
    assert "mentee asked for help" in h.words
    log(wf, pair, "2027-03-05", "note", "staff", "Called Mentee 1, booked a chat")
    assert "help" not in kinds(health(wf, "2027-03-06"))


def test_not_a_fit_and_still_deciding_at_day_90(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    log(wf, pair, "2027-03-01", "meeting", "both")
    checkin(wf, pair, "mentor", "2027-03-03", day=30, fit="not_a_fit")
    checkin(wf, pair, "mentee", "2027-03-03", day=30, fit="deciding")
    h = health(wf, "2027-03-04")
    assert [r.text for r in h.reasons if r.kind == "fit"] == ["not a fit (mentor, day 30)"]
    checkin(wf, pair, "mentor", "2027-05-01", day=90, fit="good")
    checkin(wf, pair, "mentee", "2027-05-01", day=90, fit="deciding")
    log(wf, pair, "2027-04-29", "meeting", "both")
    h = health(wf, "2027-05-02")
    assert [r.text for r in h.reasons if r.kind == "fit"] == [
        "still deciding on the fit (mentee, day 90)"
    ]


def test_low_satisfaction(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    log(wf, pair, "2027-03-01", "meeting", "both")
    checkin(wf, pair, "mentee", "2027-03-03", day=30, satisfaction=2)
    checkin(wf, pair, "mentor", "2027-03-03", day=30, satisfaction=3)
    h = health(wf, "2027-03-04")
    assert [r.text for r in h.reasons] == ["satisfaction 2 of 5 (mentee, day 30)"]


def test_two_cancellations_in_a_row_with_the_pairs_plan_in_its_own_words(new_workshop, library):
    wf = new_workshop
    pair = agreed_pair(wf, 1, plans=(SILENT, CANCEL))
    log(wf, pair, "2027-02-01", "meeting", "both")
    log(wf, pair, "2027-02-14", "cancelled", "mentor", "Travelling")
    assert "cancellations" not in kinds(health(wf, "2027-02-16"))
    log(wf, pair, "2027-02-15", "cancelled", "mentee", "Peak week")
    (reason,) = health(wf, "2027-02-16", library).reasons
    assert reason.text == "2 cancellations in a row (the last on 15 February 2027)"
    assert reason.plan == "We cancel twice in a row: we book three dates there and then."
    assert reason.scenario == "Repeated cancellations"
    log(wf, pair, "2027-02-16", "meeting", "both")
    assert health(wf, "2027-02-17").reasons == ()


def test_a_logged_concern_until_the_next_review(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    log(wf, pair, "2027-03-01", "meeting", "both")
    log(wf, pair, "2027-03-02", "concern", "staff", "Mentee says the meetings\nfeel rushed")
    h = health(wf, "2027-03-03")
    assert [r.text for r in h.reasons] == [
        "concern logged on 2 March 2027: Mentee says the meetings feel rushed"
    ]
    review(wf, pair, 30, "2027-03-04")
    assert health(wf, "2027-03-05").reasons == ()


def test_checkpoints_from_the_charters_days_and_their_states(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1, review_days="30, 60, 120", frequency="monthly")
    log(wf, pair, "2027-03-01", "meeting", "both")
    checkin(wf, pair, "mentee", "2027-03-02", day=None)  # no day given: the nearest checkpoint
    h = health(wf, "2027-04-05")
    assert [(c.day, c.due, c.state, c.known) for c in h.checkpoints] == [
        (30, date(2027, 3, 3), "done", "mentee checked in on 2 March 2027"),
        (60, date(2027, 4, 2), "due", ""),
        (120, date(2027, 6, 1), "upcoming", ""),
    ]
    assert h.next_due is h.checkpoints[1]
    later = health(wf, "2027-04-10")
    assert later.checkpoints[1].state == "overdue"
    assert [r.text for r in later.reasons if r.kind == "checkpoint_overdue"] == [
        "day 60 checkpoint overdue (due 2 April 2027; no check-in or review)"
    ]


def test_the_dates_follow_the_interface_language_when_it_changes(new_workshop):
    """A sentence and its dates are in the interface's language, also after it is changed
    in the same session (the screens' language is not remembered from an earlier page)."""
    from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language

    pair = agreed_pair(new_workshop, 1, review_days="30", frequency="monthly")
    checkin(new_workshop, pair, "mentee", "2027-03-02", day=30)
    assert health(new_workshop, "2027-04-05").checkpoints[0].known == (
        "mentee checked in on 2 March 2027"
    )
    set_interface_language("de")
    try:
        german = health(new_workshop, "2027-04-05").checkpoints[0].known
    finally:
        set_interface_language(SOURCE_LANGUAGE)
    assert german == "Check-in des Mentees am 2. März 2027"


def test_without_agreed_days_the_programs_defaults_and_without_a_date_unknown(new_workshop):
    wf = new_workshop
    agreed_pair(wf, 1, review_days="", first_meeting="")
    h = health(wf, "2027-06-01")
    assert [(c.day, c.due, c.state) for c in h.checkpoints] == [
        (30, None, "unknown"),
        (90, None, "unknown"),
        (180, None, "unknown"),
    ]
    assert h.on_cadence is None and h.reasons == ()
    assert h.words[0] == "agreed every two weeks; no first meeting date in the charter"


def test_before_the_first_meeting_nothing_is_judged(new_workshop):
    wf = new_workshop
    agreed_pair(wf, 1)
    h = health(wf, "2027-01-25")
    assert h.words[0] == "agreed every two weeks; first meeting on 1 February 2027"
    assert (h.on_cadence, h.missed, h.reasons) == (None, 0, ())


def test_a_closed_pair_says_so_and_is_never_at_risk(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    close(wf, pair, "2027-03-10", "Mentee moved to another site")
    h = health(wf, "2027-06-01")
    assert h.words[0] == "closed on 10 March 2027 (Mentee moved to another site)"
    assert h.closed and not h.at_risk and h.next_due is None


def test_the_board_counts_against_what_is_known(new_workshop):
    wf = new_workshop
    meeting = agreed_pair(wf, 1, frequency="weekly")
    quiet = agreed_pair(wf, 2)
    closed = agreed_pair(wf, 3)
    agreed_pair(wf, 4, first_meeting="")  # cannot be judged yet
    log(wf, meeting, "2027-03-01", "meeting", "both")
    checkin(wf, meeting, "mentee", "2027-03-02", day=30, goal1_progress=4)
    log(wf, quiet, "2027-02-01", "meeting", "both")
    close(wf, closed, "2027-02-20", "")
    wf.charters.sign(meeting.id, mentor="Mentor 1", mentee="Mentee 1")
    fu = follow_up(wf, today=day("2027-03-04"))
    assert [p.code for p in fu.pairs] == ["P01", "P02", "P03", "P04"]
    figures = {f.key: (f.count, f.out_of) for f in board(fu).figures}
    assert figures == {
        "pairs": (4, 4),
        "signed": (1, 4),
        "active": (3, 4),
        "on_cadence": (1, 2),
        "goals_moving": (1, 1),
        "checkins": (1, 4),
        "at_risk": (1, 3),
        "closed": (1, 4),
    }
    assert fu.pairs[2].words[0] == "closed on 20 February 2027 (no-fault)"


def test_the_whole_program_is_read_in_a_handful_of_queries(tmp_path):
    """Not per pair: the number of statements does not grow with the program."""
    counts = []
    for pairs in (20, 80):
        path = make_program(tmp_path / f"p{pairs}.workshop", pairs, today=date(2027, 5, 1))
        with WorkshopFile.open(path, readonly=True) as wf:
            statements: list[str] = []
            wf.conn.set_trace_callback(statements.append)
            fu = follow_up(wf, today=date(2027, 5, 1))
            wf.conn.set_trace_callback(None)
        assert len(fu.pairs) == pairs
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 10


def test_the_benchmark_program_has_every_kind_of_pair(tmp_path, library):
    path = make_program(tmp_path / "p.workshop", 40, today=date(2027, 5, 1))
    with WorkshopFile.open(path, readonly=True) as wf:
        fu = follow_up(wf, today=date(2027, 5, 1), library=library)
    found = {r.kind for p in fu.pairs for r in p.reasons}
    assert found == {
        "cadence", "no_contact", "goal_stalled", "help", "fit", "satisfaction",
        "cancellations", "concern", "checkpoint_overdue",
    }  # fmt: skip
    assert sum(p.closed for p in fu.pairs) == 2
    healthy = [p for p in fu.pairs if int(p.code[1:]) % 20 in range(1, 12)]
    assert all(not p.at_risk and p.missed == 0 for p in healthy), [
        (p.code, p.words) for p in healthy if p.at_risk or p.missed
    ]


def test_whose_answer_a_reason_is(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    log(wf, pair, "2027-03-01", "meeting", "both")
    checkin(wf, pair, "mentor", "2027-03-03", day=30, fit="not_a_fit", satisfaction=1)
    checkin(wf, pair, "mentee", "2027-03-03", day=30, satisfaction=2, wants_help=1)
    h = health(wf, "2027-03-04")
    assert {r.kind: r.who for r in h.reasons} == {
        "help": "mentee",
        "fit": "mentor",
        "satisfaction": "both",
    }
    assert [r.text for r in h.reasons if r.kind == "satisfaction"] == [
        "satisfaction 1 of 5 (mentor, day 30); satisfaction 2 of 5 (mentee, day 30)"
    ]


def test_a_damaged_or_hand_edited_file_is_read_without_a_crash(new_workshop):
    """Dates that are not dates, a first meeting at the end of the calendar, control
    characters in a name: what a file edited outside the app may hold."""
    wf = new_workshop
    end = agreed_pair(wf, 1)
    odd = agreed_pair(wf, 2)
    log(wf, odd, "2027-03-01", "meeting", "both")
    with wf.transaction():
        wf.conn.execute(
            "UPDATE charters SET first_meeting = '9999-12-30T09:00' WHERE pair_id = ?", (end.id,)
        )
        wf.conn.execute(
            "UPDATE participants SET name = ? WHERE email = 'mentor2@example.org'",
            ("Eve\x1b[2J\nNewline",),
        )
        wf.conn.execute("UPDATE contacts SET on_date = 'now' WHERE pair_id = ?", (odd.id,))
    checkin(wf, odd, "mentee", "2027-03-03", day=30, last_meeting="yesterday")
    fu = follow_up(wf, today=day("2027-03-04"))
    first, second = fu.pairs
    assert [c.due for c in first.checkpoints] == [None, None, None]
    assert first.words[0] == "agreed every two weeks; first meeting on 30 December 9999"
    assert second.mentor == "Eve[2J Newline"  # no escape reaches a terminal
    assert second.last_meeting is None  # neither 'now' nor 'yesterday' is a date


def test_the_due_this_week_and_overdue_filters(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1, review_days="30")
    log(wf, pair, "2027-02-28", "meeting", "both")
    assert not health(wf, "2027-02-22").due_this_week  # 9 days before day 30
    assert health(wf, "2027-02-24").due_this_week  # 7 days before
    assert health(wf, "2027-03-10").due_this_week  # 7 days after
    late = health(wf, "2027-03-11")
    assert late.overdue and not late.due_this_week
    close(wf, pair, "2027-03-11", "")
    assert not health(wf, "2027-03-11").overdue


def test_a_program_forms_day_answers_the_pairs_own_nearest_checkpoint(new_workshop):
    wf = new_workshop
    pair = agreed_pair(wf, 1, review_days="45, 120")
    log(wf, pair, "2027-03-01", "meeting", "both")
    checkin(wf, pair, "mentee", "2027-03-03", day=30, fit="not_a_fit")
    h = health(wf, "2027-03-04")
    assert h.checkpoints[0].known == "mentee checked in on 3 March 2027"
    assert "not a fit (mentee, day 45)" in h.words


def test_a_closed_pairs_check_ins_still_count_on_the_board(new_workshop):
    wf = new_workshop
    meeting = agreed_pair(wf, 1)
    closed = agreed_pair(wf, 2)
    checkin(wf, meeting, "mentee", "2027-02-10", day=30)
    checkin(wf, closed, "mentor", "2027-02-10", day=30)
    checkin(wf, closed, "mentee", "2027-02-11", day=30)
    close(wf, closed, "2027-02-20", "")
    figures = {
        f.key: (f.count, f.out_of) for f in board(follow_up(wf, today=day("2027-03-04"))).figures
    }
    # P01's day 30 (2 due, 1 received) and the closed P02's day 30 (2 due, both received).
    assert figures["checkins"] == (3, 4)
