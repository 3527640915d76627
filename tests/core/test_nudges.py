"""Nudges: .eml drafts a mail program opens, in the pair's own words, the same bytes for the
same records, and headers that a hostile name or email cannot break."""

from __future__ import annotations

from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from follow_up_records import agreed_pair, checkin, day, log

from workshop_app.core.content.library import load_library
from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.core.errors import UserError
from workshop_app.core.followup.health import follow_up
from workshop_app.core.followup.nudges import write_nudges

TODAY = date(2027, 9, 14)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory):
    wf = create_after_launch(tmp_path_factory.mktemp("demo") / "after.workshop", today=TODAY)
    yield wf
    wf.close()


def parse(path: Path) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(msg, EmailMessage)
    return msg


def text(msg: EmailMessage) -> str:
    """The body as read, with the file's CRLF line ends as newlines."""
    return msg.get_content().replace("\r\n", "\n")


def pair_id(wf, code: str) -> str:
    return wf.roster.pair_by_code(code).id


def test_a_draft_per_pair_at_risk_that_a_mail_program_opens(program, library, tmp_path):
    at_risk = [p.pair_id for p in follow_up(program, today=TODAY).pairs if p.at_risk]
    result = write_nudges(program, at_risk, tmp_path / "drafts", today=TODAY, library=library)
    assert [p.name for p in result.files] == [
        "P03 Susan Fairweather & Kwame Mensah.eml",
        "P04 Liam O'Connor & Aisha Rahman.eml",
        "P05 Elena Petrova & Marcus Webb.eml",
        "P07 Catherine Brooks & Jamal Edwards.eml",
        "P08 Gareth Hughes & Nina Schulz.eml",
    ]
    assert result.summary() == f"Wrote 5 email drafts to {tmp_path / 'drafts'}."
    msg = parse(result.files[3])
    assert [a.addr_spec for a in msg["To"].addresses] == [
        "catherine.brooks@northwind.example",
        "jamal.edwards@northwind.example",
    ]
    assert msg["Subject"] == "Accelerate Mentoring Program: checking in on your mentoring (P07)"
    assert msg["X-Unsent"] == "1"
    assert msg["Date"] is None and msg["Message-ID"] is None
    assert msg.get_content_charset() == "utf-8"
    body = text(msg)
    assert body.startswith("Dear Catherine Brooks and Jamal Edwards,\n")
    assert "In your charter you agreed to meet every two weeks." in body
    assert "We noticed 2 cancellations in a row" in body
    # Their own plan, quoted; their next checkpoint with its date; the program's contact.
    assert (
        "\u201cRepeated cancellations: whoever cancels books the new date there and then, "
        "within the same week.\u201d" in body
    )
    assert "Your next checkpoint is day 90, on " in body
    assert "Tom Becker, program coordinator: tom.becker@northwind.example, ext. 4417" in body
    assert body.rstrip().endswith("Tom Becker (People & Culture)\nAccelerate Mentoring Program")


def test_the_same_records_and_day_give_the_same_bytes(program, library, tmp_path):
    ids = [pair_id(program, "P03"), pair_id(program, "P07")]
    one = write_nudges(program, ids, tmp_path / "one", today=TODAY, library=library)
    two = write_nudges(program, ids, tmp_path / "two", today=TODAY, library=library)
    assert [f.read_bytes() for f in one.files] == [f.read_bytes() for f in two.files]
    assert b"\r\n" in one.files[0].read_bytes()  # the line ends mail files use


def test_one_partners_answers_go_only_to_that_partner(program, library, tmp_path):
    p08 = [pair_id(program, "P08")]  # the mentee rated satisfaction 2 of 5
    to_pair = parse(
        write_nudges(program, p08, tmp_path / "a", today=TODAY, library=library).files[0]
    )
    to_mentee = write_nudges(
        program, p08, tmp_path / "b", today=TODAY, library=library, to="mentee"
    )
    mentee_msg = parse(to_mentee.files[0])
    assert [a.addr_spec for a in mentee_msg["To"].addresses] == ["nina.schulz@northwind.example"]
    assert "not as useful as it could be" in text(mentee_msg)
    pair_body = text(to_pair)
    assert "not as useful" not in pair_body and "2 of 5" not in pair_body
    assert "how the pairing is working for each of you" in pair_body
    # The mentor said "not a fit" for P05: a draft to the mentee does not say so.
    p05 = [pair_id(program, "P05")]
    to_mentee = write_nudges(
        program, p05, tmp_path / "c", today=TODAY, library=library, to="mentee"
    )
    mentee = text(parse(to_mentee.files[0]))
    assert "fit" not in mentee.replace("how the pairing is working", "")
    assert "concern" not in mentee and "working styles" not in mentee  # staff's note


def test_a_hostile_name_or_email_cannot_add_a_header(new_workshop, tmp_path):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    log(wf, pair, "2027-02-01", "meeting", "both")
    with wf.transaction():  # as a damaged or hand-edited roster could hold them
        wf.conn.execute(
            "UPDATE participants SET name = ? WHERE role = 'mentor'",
            ("Eve\r\nBcc: attacker@evil.example\r\n\r\nInjected body",),
        )
        wf.conn.execute(
            "UPDATE participants SET email = ? WHERE role = 'mentee'",
            ("mentee1@example.org\nCc: attacker@evil.example",),
        )
    result = write_nudges(wf, [pair.id], tmp_path / "out", today=day("2027-04-01"), library=None)
    raw = result.files[0].read_bytes()
    msg = parse(result.files[0])
    assert msg["Bcc"] is None and msg["Cc"] is None
    assert [a.addr_spec for a in msg["To"].addresses] == ["mentor1@example.org"]
    assert msg["To"].addresses[0].display_name == "Eve Bcc: attacker@evil.example Injected body"
    assert b"\nBcc:" not in raw and b"\nCc:" not in raw
    assert result.skipped == ("Mentee 1 (P01)",)
    assert result.summary().endswith(
        "; 1 partner left out for an email that is not valid: Mentee 1 (P01)."
    )


def test_a_private_goal_is_never_named(new_workshop, tmp_path):
    wf = new_workshop
    pair = agreed_pair(wf, 1, baselines=("3", "3"), private_goal=2)
    log(wf, pair, "2027-04-28", "meeting", "both")
    checkin(wf, pair, "mentee", "2027-05-01", day=90, goal1_progress=3, goal2_progress=2)
    result = write_nudges(wf, [pair.id], tmp_path / "out", today=day("2027-05-02"), library=None)
    body = text(parse(result.files[0]))
    assert "Goal 1 (\u201cSecret goal words 1\u201d) is at 3 of 5, where it started (3)." in body
    assert "Goal 2 is at 2 of 5, where it started (3)." in body
    assert "Secret goal words 2" not in body


def test_a_folder_with_files_in_it_is_refused_and_nothing_is_written(program, library, tmp_path):
    out = tmp_path / "drafts"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(UserError, match="not empty"):
        write_nudges(program, [pair_id(program, "P03")], out, today=TODAY, library=library)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]


def test_a_hostile_pair_name_stays_a_file_in_the_folder(new_workshop, tmp_path):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    with wf.transaction():
        wf.conn.execute("UPDATE participants SET name = '../../escape/CON' WHERE role = 'mentor'")
    result = write_nudges(wf, [pair.id], tmp_path / "out", today=day("2027-04-01"), library=None)
    (only,) = result.files
    assert only.parent == tmp_path / "out" and only.name.endswith(".eml")


def test_an_answer_both_partners_gave_goes_to_each_alone(new_workshop, tmp_path):
    wf = new_workshop
    pair = agreed_pair(wf, 1)
    log(wf, pair, "2027-03-01", "meeting", "both")
    checkin(wf, pair, "mentor", "2027-03-03", day=30, satisfaction=2)
    checkin(wf, pair, "mentee", "2027-03-03", day=30, satisfaction=1)
    today = day("2027-03-04")
    for to in ("mentor", "mentee"):
        result = write_nudges(wf, [pair.id], tmp_path / to, today=today, library=None, to=to)
        assert "not as useful as it could be" in text(parse(result.files[0]))
    both = write_nudges(wf, [pair.id], tmp_path / "pair", today=today, library=None)
    assert "not as useful" not in text(parse(both.files[0]))


def test_italian_drafts_address_one_reader_with_lei_and_both_with_voi(library, tmp_path):
    """A trainer read "il vostro mentoring …, o se desidera parlarne" in one draft to both
    partners: the address follows how many read it, from the subject to the last line."""
    wf = create_after_launch(tmp_path / "it.workshop", today=TODAY, language="it")
    try:
        at_risk = [p.pair_id for p in follow_up(wf, today=TODAY).pairs if p.at_risk][:1]
        both = parse(
            write_nudges(wf, at_risk, tmp_path / "a", today=TODAY, library=library).files[0]
        )
        one = parse(
            write_nudges(
                wf, at_risk, tmp_path / "b", today=TODAY, library=library, to="mentee"
            ).files[0]
        )
    finally:
        wf.close()
    assert "il vostro percorso di mentoring" in both["Subject"]
    assert "desiderate parlarne" in text(both) and "desidera parlarne" not in text(both)
    assert "il Suo percorso di mentoring" in one["Subject"]
    assert "desidera parlarne" in text(one) and "desiderate" not in text(one)
