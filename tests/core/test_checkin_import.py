"""Importing check-in survey exports into a workshop: matched to pairs and roles, checked
whole before anything is saved, each response once, the form's mapping saved and reused.

The workshop's pairs come from tests/data/checkins/roster.csv (P01 to P06; two participants
are called Alex Morgan, the mentee of P05 and the mentor of P06).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.followup import checkin_import
from workshop_app.core.followup.checkin_import import (
    CheckinPlan,
    CheckinResult,
    apply_checkins,
    replan,
)
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

DATA = Path(__file__).resolve().parents[1] / "data" / "checkins"
READY_CODE = "Your pair code (on your charter, e.g. P07)"
# The exports were sent in January 2027: they are imported on a day after that.
TODAY = date(2027, 6, 1)


@pytest.fixture
def wf(tmp_path: Path):
    workshop = WorkshopFile.create(
        tmp_path / "program.workshop", program="Accelerate", organisation="Harbourline",
        date="2026-12-01",
    )  # fmt: skip
    apply_import(workshop, plan_import(workshop, DATA / "roster.csv"))
    yield workshop
    workshop.close()


def plan_checkins(wf: WorkshopFile, path: Path, **kw: str) -> CheckinPlan:
    return checkin_import.plan_checkins(wf, path, today=TODAY, **kw)


def plan_ok(wf: WorkshopFile, path: Path | str, **kw: str) -> CheckinPlan:
    plan = plan_checkins(wf, DATA / path if isinstance(path, str) else path, **kw)
    assert [str(p) for p in plan.problems] == []
    return plan


def import_ok(wf: WorkshopFile, path: Path | str, **kw: str) -> CheckinResult:
    return apply_checkins(wf, plan_ok(wf, path, **kw))


def problems(wf: WorkshopFile, path: Path) -> list[str]:
    return [str(p) for p in plan_checkins(wf, path).problems]


def checkins(wf: WorkshopFile) -> list[tuple[object, ...]]:
    return wf.conn.execute(
        """SELECT p.code, c.role, c.submitted_at, c.checkpoint_day, c.meetings_held,
                  c.last_meeting, c.goal1_progress, c.goal2_progress, c.goal3_progress, c.fit,
                  c.satisfaction, c.wants_help, c.comment
           FROM checkins c JOIN pairs p ON p.id = c.pair_id ORDER BY c.submitted_at, p.code"""
    ).fetchall()


def snapshot(wf: WorkshopFile) -> dict[str, list[tuple[object, ...]]]:
    return {
        t: sorted(wf.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        for t in ("checkins", "contacts", "checkin_forms", "audit")
    }


def google_csv(tmp_path: Path, rows: list[list[str]], name: str = "check-in.csv") -> Path:
    headers = [
        "Timestamp", "Email Address", READY_CODE, "Are you the mentor or the mentee?",
        "How many times have you met since the last checkpoint?", "When did you last meet?",
        "How far has goal 1 of your charter moved? (1 = not started, 5 = achieved)",
        "Anything else you want the program team to know?",
    ]  # fmt: skip
    out = io.StringIO()
    csv.writer(out).writerows([headers, *rows])
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


# -- each tool's export ---------------------------------------------------------------------


def test_microsoft_forms_in_english(wf: WorkshopFile) -> None:
    result = import_ok(wf, "ms_forms_en.xlsx")
    assert (result.added, result.already, result.meetings_logged) == (3, 0, 1)
    assert checkins(wf) == [
        ("P01", "mentor", "2027-01-04T09:15:41", 30, 2, "2026-12-28", 3, 2, None, "good", 4, 0,
         "Off to a good start."),
        ("P01", "mentee", "2027-01-05T17:44:09", 30, 2, "2026-12-28", 2, 2, 1, "deciding", 3, 0,
         ""),
        # No pair code: the email says who answered, and so which pair.
        ("P06", "mentee", "2027-01-06T08:06:02", 30, 0, "", 1, None, None, "not_a_fit", 2, 1,
         "We have not managed to meet yet; our calendars never line up."),
    ]  # fmt: skip


def test_microsoft_forms_in_italian_answered_anonymously(wf: WorkshopFile) -> None:
    plan = plan_ok(wf, "ms_forms_it.xlsx")
    assert [(r.code, r.role, r.person) for r in plan.responses] == [
        ("P01", "mentor", "Giulia Rossi"),
        ("P01", "mentee", "Marco Bianchi"),
    ]
    apply_checkins(wf, plan)
    rows = checkins(wf)
    assert [r[5] for r in rows] == ["2027-01-11", "2027-01-11"]  # 11/01/2027: day first
    assert [(r[9], r[11]) for r in rows] == [("good", 0), ("deciding", 1)]  # "Sì"


def test_google_forms_in_portuguese_and_german(wf: WorkshopFile) -> None:
    import_ok(wf, "google_forms_pt.csv")
    import_ok(wf, "google_forms_de.csv")
    rows = checkins(wf)
    assert [(r[0], r[1], r[2], r[5], r[9]) for r in rows] == [
        ("P02", "mentor", "2027-01-19T14:03:22", "2027-01-08", "good"),
        ("P03", "mentor", "2027-01-19T14:03:22", "2027-01-15", "good"),
        ("P02", "mentee", "2027-01-20T08:45:10", "2027-01-08", "deciding"),
        ("P03", "mentee", "2027-02-05T09:10:00", "2027-02-02", "deciding"),
    ]


@pytest.mark.parametrize("name", ["qualtrics_text.csv", "qualtrics_codes.csv", "qualtrics.tsv"])
def test_qualtrics_choice_text_and_codes_read_the_same(wf: WorkshopFile, name: str) -> None:
    import_ok(wf, name)
    assert [r[:12] for r in checkins(wf)] == [
        ("P04", "mentor", "2027-01-20T09:10:30", 30, 3, "2027-01-14", 4, 3, 2, "good", 5, 0),
        ("P04", "mentee", "2027-01-21T09:11:30", 30, 3, "2027-01-14", 3, 3, None, "good", 4, 0),
        # An anonymous link: the code and the role question say who.
        ("P05", "mentee", "2027-01-22T09:12:30", 30, 1, "2026-12-20", 1, 1, 1, "deciding", 2, 1),
    ]


# -- the same export twice, a later export ------------------------------------------------


def test_importing_the_same_export_twice_adds_nothing(wf: WorkshopFile) -> None:
    import_ok(wf, "ms_forms_en.xlsx")
    before = snapshot(wf)
    plan = plan_ok(wf, "ms_forms_en.xlsx")
    assert (len(plan.responses), plan.already) == (0, 3)
    assert "3 responses already imported" in plan.summary()[1]
    result = apply_checkins(wf, plan)
    assert (
        result.summary() == "0 responses imported, 0 meetings logged; 3 responses already imported"
    )
    assert snapshot(wf)["checkins"] == before["checkins"]


def test_a_later_export_adds_only_its_new_responses(wf: WorkshopFile, tmp_path: Path) -> None:
    first = [["1/19/2027 14:03:22", "giulia.rossi@harbourline.example", "P01", "Mentor", "2",
              "1/12/2027", "3", ""]]  # fmt: skip
    import_ok(wf, google_csv(tmp_path, first, "week1.csv"))
    later = [*first, ["1/20/2027 09:00:00", "marco.bianchi@harbourline.example", "P01", "Mentee",
                      "2", "1/12/2027", "2", ""]]  # fmt: skip
    plan = plan_ok(wf, google_csv(tmp_path, later, "week2.csv"))
    assert plan.form is not None and plan.form.name == "week1"  # found by its questions
    assert ([r.row for r in plan.responses], plan.already) == ([3], 1)
    apply_checkins(wf, plan)
    assert len(checkins(wf)) == 2


# -- matching -------------------------------------------------------------------------------


def test_rows_that_match_nothing_or_contradict_are_listed_and_nothing_is_saved(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    rows = [
        ["1/19/2027 14:03:22", "giulia.rossi@harbourline.example", "P01", "Mentor", "2", "", "3",
         ""],
        ["1/19/2027 15:00:00", "nobody@elsewhere.example", "P99", "Mentor", "2", "", "3", ""],
        ["1/19/2027 15:30:00", "anna.schmidt@harbourline.example", "P01", "Mentor", "1", "", "2",
         ""],
        ["1/19/2027 16:00:00", "marco.bianchi@harbourline.example", "P01", "Mentor", "1", "", "2",
         ""],
        ["1/19/2027 16:30:00", "", "P02", "", "1", "", "2", ""],
    ]  # fmt: skip
    path = google_csv(tmp_path, rows)
    before = snapshot(wf)
    found = problems(wf, path)
    assert found == [
        f"check-in.csv, row 3, column '{READY_CODE}': matches no pair in this workshop "
        "(code 'P99', email nobody@elsewhere.example)",
        f"check-in.csv, row 4, column '{READY_CODE}': the code gives pair P01, but the email "
        "anna.schmidt@harbourline.example is Anna Schmidt's, who is in pair P02",
        "check-in.csv, row 5, column 'Are you the mentor or the mentee?': the answer says "
        "mentor, but Marco Bianchi is the mentee of pair P01",
        f"check-in.csv, row 6, column '{READY_CODE}': pair P02, but not whether its mentor or "
        "its mentee answered: add the role question to the form, or collect emails",
    ]
    with pytest.raises(UserError, match="has 4 problems; nothing was imported"):
        apply_checkins(wf, plan_checkins(wf, path))
    assert snapshot(wf) == before


def test_a_name_two_participants_share_is_ambiguous_unless_the_code_says_which(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", READY_CODE,
                  "How is the pairing working for you?"])  # fmt: skip
    sheet.append([1, "2027-01-19 10:00", "2027-01-19 10:05", "", "alex MORGAN", "", "A good fit"])
    sheet.append(
        [2, "2027-01-19 11:00", "2027-01-19 11:05", "", "Alex Morgan", "P06", "A good fit"]
    )
    sheet.append([3, "2027-01-19 12:00", "2027-01-19 12:05", "", "Helene martin", "", "Not a fit"])
    path = tmp_path / "names.xlsx"
    book.save(path)
    assert problems(wf, path) == [
        "names.xlsx, row 2: 2 participants are called 'alex MORGAN'; add the pair code "
        "question to the form, or collect emails"
    ]


def test_a_partner_named_without_accents_and_case_is_found(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name",
                  "How is the pairing working for you?"])  # fmt: skip
    sheet.append(
        [3, "2027-01-19 12:00", "2027-01-19 12:05", "anonymous", "helene MARTIN", "Not a fit"]
    )
    path = tmp_path / "names.xlsx"
    book.save(path)
    plan = plan_ok(wf, path)
    assert [(r.code, r.role, r.person) for r in plan.responses] == [
        ("P04", "mentee", "Hélène Martin")
    ]


# -- values ---------------------------------------------------------------------------------


def test_bad_values_are_listed_with_row_and_column(wf: WorkshopFile, tmp_path: Path) -> None:
    rows = [
        ["1/19/2027 14:03:22", "giulia.rossi@harbourline.example", "P01", "Mentor", "a few",
         "yesterday", "7", ""],
        ["1/19/2027 14:05:00", "marco.bianchi@harbourline.example", "P01", "Mentee", "1",
         "2/1/2027", "3", ""],
        ["not a time", "anna.schmidt@harbourline.example", "P02", "Mentor", "1", "", "3", ""],
    ]  # fmt: skip
    path = google_csv(tmp_path, rows)
    assert problems(wf, path) == [
        "check-in.csv, row 2, column 'How many times have you met since the last checkpoint?': "
        "'a few' is not a number",
        "check-in.csv, row 2, column 'When did you last meet?': 'yesterday' is not a date",
        "check-in.csv, row 2, column 'How far has goal 1 of your charter moved? (1 = not "
        "started, 5 = achieved)': '7' is not from 1 to 5",
        "check-in.csv, row 3, column 'When did you last meet?': 2027-02-01 is after the "
        "response was sent",
        "check-in.csv, row 4, column 'Timestamp': 'not a time' is not a date and time",
    ]


def test_formula_text_is_stored_as_text_and_exported_as_text(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", READY_CODE,
                  "Are you the mentor or the mentee?",
                  "Anything else you want the program team to know?"])  # fmt: skip
    hyperlink = '=HYPERLINK("https://example.com/x","click me")'
    sheet.append([1, "2027-01-19 10:00", "2027-01-19 10:05", "", "", "P01", "Mentor", hyperlink])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    import_ok(wf, path)
    (comment,) = wf.conn.execute("SELECT comment FROM checkins").fetchone()
    assert comment == hyperlink
    # The staff XLSX export writes text that starts with "=" as a text cell, never a formula.
    from workshop_app.core.exports.xlsx_workbook import _value

    out = openpyxl.Workbook(write_only=True)
    ws = out.create_sheet()
    ws.append([_value(ws, comment, None)])
    saved = tmp_path / "export.xlsx"
    out.save(saved)
    cell = openpyxl.load_workbook(saved).active["A1"]
    assert (cell.data_type, cell.value) == ("s", hyperlink)


def test_a_formula_in_a_number_question_is_a_bad_value(wf: WorkshopFile, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    satisfaction = "How satisfied are you with the mentoring so far? (1 = not at all, 5 = very)"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", READY_CODE,
                  "Are you the mentor or the mentee?", satisfaction])  # fmt: skip
    sheet.append([1, "2027-01-19 10:00", "2027-01-19 10:05", "", "", "P01", "Mentor", "=1+4"])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    assert problems(wf, path) == [
        "formulas.xlsx, row 2, column 'How satisfied are you with the mentoring so far? (1 = "
        "not at all, 5 = very)': '=1+4' is not from 1 to 5"
    ]


# -- the mapping ----------------------------------------------------------------------------


def test_the_mapping_is_saved_with_the_form_and_reused(wf: WorkshopFile) -> None:
    plan = plan_ok(wf, "ms_forms_en.xlsx")
    assert plan.ignored_columns == ["Topics you discussed"]
    apply_checkins(wf, plan)
    (name, source, mapping) = wf.conn.execute(
        "SELECT name, source, mapping FROM checkin_forms"
    ).fetchone()
    assert (name, source) == ("ms_forms_en", "ms_forms")
    assert json.loads(mapping)[READY_CODE] == "pair_code"
    assert json.loads(mapping)["Topics you discussed"] == ""
    again = plan_ok(wf, "ms_forms_en.xlsx")
    assert again.form is not None and again.form.name == "ms_forms_en"
    assert "the saved mapping 'ms_forms_en'" in again.summary()[0]


def test_a_corrected_mapping_is_checked_again_and_saved(wf: WorkshopFile) -> None:
    plan = plan_ok(wf, "ms_forms_en.xlsx")
    changed = dict(plan.mapping, **{"Anything else you want the program team to know?": ""})
    apply_checkins(wf, replan(wf, plan, changed))
    assert {r[12] for r in checkins(wf)} == {""}
    (mapping,) = wf.conn.execute("SELECT mapping FROM checkin_forms").fetchone()
    assert json.loads(mapping)["Anything else you want the program team to know?"] == ""


def test_two_columns_for_one_meaning_are_a_problem(wf: WorkshopFile) -> None:
    plan = plan_ok(wf, "ms_forms_en.xlsx")
    changed = dict(plan.mapping, **{"Topics you discussed": "comment"})
    assert [str(p) for p in replan(wf, plan, changed).problems] == [
        "ms_forms_en.xlsx, row 1, column 'Topics you discussed': this column and 'Anything "
        "else you want the program team to know?' are both mapped to 'Comment'; map one of "
        "them to 'Not used'"
    ]


def test_mapping_by_name_for_an_export_whose_questions_changed(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    import_ok(wf, "qualtrics_text.csv")
    # The same survey exported with a question added at the end: another signature.
    text = (DATA / "qualtrics_text.csv").read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    lines[0] += ",Q13"
    lines[1] += ",What did you talk about?"
    lines[2] += ',"{""ImportId"":""QID13_TEXT""}"'
    changed = tmp_path / "changed.csv"
    changed.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    guessed = plan_checkins(wf, changed)
    assert guessed.form is None
    plan = plan_ok(wf, changed, mapping_name="qualtrics_text")
    assert plan.form is not None and plan.already == 0  # a new signature: new identities
    with pytest.raises(
        UserError, match=r"no saved mapping named 'Nope' \(saved mappings: 'qualtrics_text'\)"
    ):
        plan_checkins(wf, changed, mapping_name="Nope")


def test_an_export_with_no_check_in_questions(wf: WorkshopFile, tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Timestamp,Favourite colour\n1/19/2027 14:03:22,blue\n", encoding="utf-8")
    assert problems(wf, path) == [
        "other.csv, row 1: no question of this export is mapped to a check-in answer (meetings, "
        "goals, fit, satisfaction, help, comment); map the question columns, or use the ready "
        "form (workshop-app checkins form)",
        "other.csv, row 1: nothing in this export says who answered: map the pair code question",
    ]


# -- what is saved --------------------------------------------------------------------------


def test_each_response_logs_a_check_in_and_its_last_meeting_once(wf: WorkshopFile) -> None:
    import_ok(wf, "ms_forms_en.xlsx")
    rows = wf.conn.execute(
        "SELECT p.code, c.on_date, c.kind, c.who, c.text, c.checkin_id IS NOT NULL FROM contacts c "
        "JOIN pairs p ON p.id = c.pair_id ORDER BY c.on_date, c.kind"
    ).fetchall()
    assert [r[:4] for r in rows] == [
        ("P01", "2026-12-28", "meeting", "both"),  # both partners give it: logged once
        ("P01", "2027-01-04", "checkin", "mentor"),
        ("P01", "2027-01-05", "checkin", "mentee"),
        ("P06", "2027-01-06", "checkin", "mentee"),
    ]
    assert rows[1][4] == (
        "Mentor check-in (day 30); 2 meetings since the last checkpoint; last met 28 December "
        "2026; goal 1 at 3 of 5; goal 2 at 2 of 5; a good fit; satisfaction 4 of 5"
    )
    assert all(r[5] for r in rows)
    audited = wf.conn.execute(
        "SELECT table_name, COUNT(*) FROM audit WHERE table_name IN ('checkins', 'contacts', "
        "'checkin_forms') GROUP BY table_name ORDER BY table_name"
    ).fetchall()
    assert audited == [("checkin_forms", 1), ("checkins", 3)]  # a response, with its entries


# The English words of a check-in's log lines; none is Italian ("check-in" and "mentor" are
# both, and so are not here).
ENGLISH_LOG_WORDS = {
    "meeting", "meetings", "since", "checkpoint", "last", "met", "goal", "at", "of", "good",
    "fit", "still", "deciding", "not", "satisfaction", "would", "like", "help", "from", "the",
    "program", "team", "day", "reported", "mentor's", "mentee's",
}  # fmt: skip


def test_an_italian_workshop_logs_its_check_ins_in_italian(wf: WorkshopFile) -> None:
    """The log lines are the program's record: written in the workshop's language, whoever
    imports them, with its plurals and dates."""
    wf.set_workshop_field("language", "it")
    exports = sorted(p for p in DATA.iterdir() if p.suffix in (".csv", ".tsv", ".xlsx"))
    for path in exports:
        if path.name != "roster.csv":
            import_ok(wf, path)
    texts = [
        t for (t,) in wf.conn.execute("SELECT text FROM contacts WHERE checkin_id IS NOT NULL")
    ]
    assert len(texts) > 10
    for text in texts:
        words = set(re.findall(r"[a-z']+", text.lower()))
        assert not words & ENGLISH_LOG_WORDS, text
    assert (
        "Check-in del mentor (giorno 30); 2 incontri dall'ultima verifica; ultimo incontro: 28 "
        "dicembre 2026; obiettivo 1 a 3 su 5; obiettivo 2 a 2 su 5; buona intesa; "
        "soddisfazione 4 su 5"
    ) in texts
    assert any("1 incontro dall'ultima verifica" in t for t in texts)  # the singular
    assert "Incontro segnalato nel check-in del mentee" in texts


def test_the_demo_logs_its_check_ins_as_the_import_does(tmp_path: Path) -> None:
    from workshop_app.core.demo_follow_up import create_after_launch

    with create_after_launch(tmp_path / "demo.workshop", today=TODAY, language="it") as demo:
        texts = [
            t for (t,) in demo.conn.execute("SELECT text FROM contacts WHERE kind = 'checkin'")
        ]
    assert texts and all(
        t.startswith(("Check-in del mentor", "Check-in del mentee")) for t in texts
    )
    for text in texts:
        assert not set(re.findall(r"[a-z']+", text.lower())) & ENGLISH_LOG_WORDS, text


def test_a_meeting_already_logged_that_day_is_not_logged_again(wf: WorkshopFile) -> None:
    import_ok(wf, "ms_forms_it.xlsx")  # P01 met on 11 January
    import_ok(wf, "google_forms_de.csv")
    count_meetings = "SELECT COUNT(*) FROM contacts WHERE kind = 'meeting' AND on_date = ?"
    assert wf.conn.execute(count_meetings, ("2027-01-11",)).fetchone() == (1,)


def test_the_save_gives_back_the_page_cache_it_took(wf: WorkshopFile) -> None:
    """The import holds a big page cache for its one transaction only: the open file keeps
    SQLite's usual one afterwards, whether the save went through or was refused."""
    cache = "PRAGMA cache_size"
    before = wf.conn.execute(cache).fetchone()
    plan = plan_ok(wf, "ms_forms_en.xlsx")
    apply_checkins(wf, plan)
    assert wf.conn.execute(cache).fetchone() == before
    with pytest.raises(UserError, match="The workshop changed"):
        apply_checkins(wf, plan)  # the same responses again: refused inside the transaction
    assert wf.conn.execute(cache).fetchone() == before


def test_nothing_changes_when_the_workshop_changed_since_the_preview(wf: WorkshopFile) -> None:
    plan = plan_ok(wf, "ms_forms_en.xlsx")
    pair = wf.roster.pair_by_code("P06")
    assert pair is not None
    wf.roster.break_pair(pair.id)
    before = snapshot(wf)
    with pytest.raises(
        UserError, match=r"The workshop changed since ms_forms_en\.xlsx was checked"
    ):
        apply_checkins(wf, plan)
    assert snapshot(wf) == before


def test_a_hostile_file_changes_nothing_in_the_workshop_file(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = wf.path.read_bytes()
    with pytest.raises(UserError, match=r"bad\.xlsx is not a readable Excel workbook"):
        plan_checkins(wf, bad)
    wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert wf.path.read_bytes() == before


def test_a_read_only_workshop_refuses_the_import_in_one_line(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.workshop"
    wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(wf.path, copy)
    with WorkshopFile.open(copy, readonly=True) as ro:
        plan = plan_ok(ro, "ms_forms_en.xlsx")
        with pytest.raises(UserError, match="is open read-only, so this change was not saved"):
            apply_checkins(ro, plan)


def test_a_code_typed_as_its_number_alone_is_found(wf: WorkshopFile, tmp_path: Path) -> None:
    rows = [
        ["1/19/2027 14:03:22", "", "7", "Mentor", "1", "", "3", ""],
        ["1/19/2027 14:05:00", "", "03", "Mentee", "1", "", "3", ""],
        ["1/19/2027 14:06:00", "", "p 04", "Mentee", "1", "", "3", ""],
    ]
    path = google_csv(tmp_path, rows)
    found = problems(wf, path)
    assert found == [
        f"check-in.csv, row 2, column '{READY_CODE}': matches no pair in this workshop (code '7')"
    ]  # there is no P07
    plan = plan_ok(wf, google_csv(tmp_path, rows[1:], "ok.csv"))
    assert [(r.code, r.role, r.person) for r in plan.responses] == [
        ("P03", "mentee", "João Pereira"),
        ("P04", "mentee", "Hélène Martin"),
    ]


def test_a_question_asked_twice_is_two_columns_to_map(wf: WorkshopFile, tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        f'Timestamp,"{READY_CODE}",Are you the mentor or the mentee?,Comment,Comment\n'
        "1/19/2027 14:03:22,P01,Mentor,first,second\n",
        encoding="utf-8",
    )
    plan = plan_ok(wf, path)
    assert plan.mapping == {
        READY_CODE: "pair_code",
        "Are you the mentor or the mentee?": "role",
        "Comment": "comment",
        "Comment (2)": "",
    }
    apply_checkins(wf, replan(wf, plan, {**plan.mapping, "Comment": "", "Comment (2)": "comment"}))
    assert wf.conn.execute("SELECT comment FROM checkins").fetchone() == ("second",)


def _close_p02(wf: WorkshopFile, on: str) -> None:
    from datetime import date

    from workshop_app.core.followup.closing import close_pairing

    pair = wf.roster.pair_by_code("P02")
    assert pair is not None
    day = date.fromisoformat(on)
    close_pairing(
        wf, pair.id, closed_on=day, reason="Moved", asked_by="mentee", rematched=False, today=day
    )


def test_a_response_sent_after_its_pair_was_closed_is_listed(wf: WorkshopFile) -> None:
    _close_p02(wf, "2027-01-19")  # the mentor answered that day, the mentee the day after
    assert problems(wf, DATA / "google_forms_de.csv") == [
        "google_forms_de.csv, row 3, column 'Zeitstempel': pair P02 was closed on 19 January "
        "2027; this response was sent after that"
    ]


def test_a_closure_made_since_the_preview_stops_the_import(wf: WorkshopFile) -> None:
    plan = plan_ok(wf, "google_forms_de.csv")
    _close_p02(wf, "2027-01-19")
    before = snapshot(wf)
    with pytest.raises(UserError, match=r"The workshop changed since google_forms_de\.csv"):
        apply_checkins(wf, plan)
    assert snapshot(wf) == before


def test_a_closed_program_takes_no_more_check_ins(wf: WorkshopFile) -> None:
    """After the close-out (and above all after anonymising) an import would bring names,
    emails and comments back into the program's record."""
    plan = plan_ok(wf, "google_forms_de.csv")
    with wf.transaction():  # as close_out.close_program records it
        wf.conn.execute("UPDATE workshop SET program_closed_on = '2027-10-19'")
    before = snapshot(wf)
    message = r"The program was closed on 19 October 2027: .* no longer imported"
    with pytest.raises(UserError, match=message):
        plan_checkins(wf, DATA / "google_forms_de.csv")
    with pytest.raises(UserError, match=message):
        apply_checkins(wf, plan)
    assert snapshot(wf) == before


def test_a_response_sent_after_today_is_listed_and_nothing_is_saved(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    rows = [
        ["1/19/2027 14:03:22", "giulia.rossi@harbourline.example", "P01", "Mentor", "1",
         "1/12/2027", "3", ""],
        ["1/19/2099 14:05:00", "marco.bianchi@harbourline.example", "P01", "Mentee", "1",
         "1/12/2099", "3", ""],
    ]  # fmt: skip
    path = google_csv(tmp_path, rows)
    found = problems(wf, path)
    assert found == [
        "check-in.csv, row 3, column 'Timestamp': '1/19/2099 14:05:00' is after today (1 June "
        "2027): a response cannot be sent in the future"
    ]
    before = snapshot(wf)
    with pytest.raises(UserError):
        apply_checkins(wf, plan_checkins(wf, path))
    assert snapshot(wf) == before


def test_a_re_matched_partner_answers_for_the_open_pair_unless_the_code_says_the_closed_one(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    """Marco Bianchi (mentee of P01) is re-matched after P01 closed: by email alone his answer
    is the new pair's; with P01's code it is the closed pair's (an answer sent before)."""
    from workshop_app.core.followup import closing

    p01 = wf.roster.pair_by_code("P01")
    assert p01 is not None
    closing.close_pairing(wf, p01.id, closed_on=date(2027, 1, 10), reason="", asked_by="mentee",
                          rematched=False, today=TODAY)  # fmt: skip
    new_mentor = wf.roster.add_participant(role="mentor", name="Zoe Adler", email="zoe@x.example")
    new = wf.roster.make_pair(new_mentor.id, p01.mentee_id)
    rows = [
        ["1/19/2027 14:03:22", "marco.bianchi@harbourline.example", "", "Mentee", "2", "", "3",
         ""],
        ["1/9/2027 14:03:22", "marco.bianchi@harbourline.example", "P01", "Mentee", "1", "", "2",
         ""],
    ]  # fmt: skip
    import_ok(wf, google_csv(tmp_path, rows))
    assert [(code, role, held) for code, role, _, _, held, *_ in checkins(wf)] == [
        ("P01", "mentee", 1),
        (new.code, "mentee", 2),
    ]
