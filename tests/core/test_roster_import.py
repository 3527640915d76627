"""Roster import against the corpus in tests/data/rosters: every awkward file has its outcome.

Problems must name the file, the row as a spreadsheet shows it (the header is row 1) and the
column by the header text the file itself uses. Any problem means nothing is imported.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.roster.importer import ImportPlan, ImportResult, apply_import, plan_import
from workshop_app.core.roster.read import read_table
from workshop_app.core.store.workshop_file import WorkshopFile

ROSTERS = Path(__file__).resolve().parents[1] / "data" / "rosters"


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups taken while opening files go to the test's own folder."""
    monkeypatch.setenv("WORKSHOP_APP_DATA_DIR", str(tmp_path / "appdata"))


@pytest.fixture
def wf(tmp_path: Path):
    workshop = WorkshopFile.create(
        tmp_path / "launch.workshop", program="Accelerate", organisation="Harbourline",
        date="2026-12-01",
    )  # fmt: skip
    yield workshop
    workshop.close()


def plan_of(wf: WorkshopFile, roster: Path | str) -> ImportPlan:
    return plan_import(wf, ROSTERS / roster if isinstance(roster, str) else roster)


def import_ok(wf: WorkshopFile, roster: Path | str) -> ImportResult:
    plan = plan_of(wf, roster)
    assert [str(p) for p in plan.problems] == []
    return apply_import(wf, plan)


def snapshot(wf: WorkshopFile) -> dict[str, list[tuple[object, ...]]]:
    """Everything an import may touch, row by row."""
    return {
        table: sorted(wf.conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in ("participants", "pairs", "charters", "audit")
    }


def pairs_by_code(wf: WorkshopFile) -> dict[str, tuple[str, str]]:
    """Pair code -> (mentor email, mentee email)."""
    email = {p.id: p.email for p in wf.roster.participants()}
    return {p.code: (email[p.mentor_id], email[p.mentee_id]) for p in wf.roster.pairs()}


def person(wf: WorkshopFile, email: str):
    found = wf.roster.participant_by_email(email)
    assert found is not None, f"{email} was not imported"
    return found


def variant(tmp_path: Path, source: str, old: str, new: str, *, name: str = "") -> Path:
    """A copy of a corpus CSV with one piece of text changed (UTF-8 files only)."""
    text = (ROSTERS / source).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / (name or source)
    path.write_text(text.replace(old, new), encoding="utf-8", newline="")
    return path


# -- files that import ------------------------------------------------------------------------


@dataclass(frozen=True)
class Good:
    file: str
    shape: str
    mentors: int
    mentees: int
    pairs: int
    probe_email: str
    probe: dict[str, str]
    probe_pair: tuple[str, str, str]  # code, mentor email, mentee email


GOOD = [
    Good(
        "participants_pair_codes.csv", "participants", 6, 6, 6,
        "severine.dubois@harbourline.example",
        {"name": "Séverine Dubois", "role": "mentor", "title": "Finance Director",
         "department": "Finance", "manager": "Henrik Larsen"},
        # the mentee's row comes before the mentor's in this pair
        ("P04", "lucia.fernandez@harbourline.example", "chen.jing@harbourline.example"),
    ),
    Good(
        "pairs_mentor_mentee_headers.csv", "pairs", 5, 5, 5,
        "liam.osullivan@veldtbank.example",
        {"name": "Liam O'Sullivan", "role": "mentee", "title": "Compliance Officer",
         "department": "Compliance"},
        ("P03", "fatima.alsayed@veldtbank.example", "liam.osullivan@veldtbank.example"),
    ),
    Good(
        "semicolon.csv", "participants", 3, 3, 3,
        "elodie.marchand@lumenis-sa.example",
        {"name": "Élodie Marchand", "title": "Directrice, Achats", "department": "Achats, Europe"},
        ("A2", "guenter.hoffmann@lumenis-sa.example", "sofia.ramirez@lumenis-sa.example"),
    ),
    Good(
        "tab_delimited.tsv", "participants", 2, 2, 2,
        "olusegun.bakare@tidewater.example",
        {"name": "Olusegun Bakare", "title": "Director, Clinical Operations",
         "department": "Clinical Ops; Trials"},
        ("M-02", "hiroshi.nakamura@tidewater.example", "valentina.rossi@tidewater.example"),
    ),
    Good(
        "utf8_bom.csv", "participants", 2, 2, 2,
        "lukasz.wisniewski@fjordline.example",
        {"name": "Łukasz Wiśniewski", "role": "mentor", "department": "Platform"},
        ("P01", "zoe.kowalska@fjordline.example", "ngozi.okonkwo@fjordline.example"),
    ),
    Good(
        "utf16_bom.txt", "participants", 3, 3, 3,
        "dung.tran@sable.example",
        {"name": "Trần Văn Dũng", "role": "mentee", "title": "Analyst"},
        ("P01", "hoa.nguyen@sable.example", "sebnem.yilmaz@sable.example"),
    ),
    Good(
        "utf16le_no_bom.csv", "participants", 2, 2, 2,
        "oksana.bondar@sable.example",
        {"name": "Oksana Bondar", "role": "mentor", "department": "Marketing"},
        ("P02", "oksana.bondar@sable.example", "rahul.kapoor@sable.example"),
    ),
    Good(
        "cp1252_accents.csv", "participants", 3, 3, 3,
        "zoe.oconnor@iberica.example",
        {"name": "Zoë O’Connor", "role": "mentee", "department": "RR. HH."},
        ("P01", "jose.munoz@iberica.example", "juergen.mueller@iberica.example"),
    ),
    Good(
        "first_last_email_headers.csv", "participants", 3, 3, 3,
        "sukarno@brightwater.example",  # one name only: the Last Name cell is empty
        {"name": "Sukarno", "role": "mentee", "title": "Backend Developer",
         "department": "Engineering", "manager": "José Luis García Márquez"},
        ("2", "joseluis.garcia@brightwater.example", "sukarno@brightwater.example"),
    ),
    Good(
        "participants_partner_email.csv", "participants", 3, 4, 3,
        "lea.rousseau@nordkyst.example",
        {"name": "Léa Rousseau", "role": "mentee", "department": "Finance"},
        ("", "chidi.okafor@nordkyst.example", "lea.rousseau@nordkyst.example"),
    ),
    Good(
        "empty_rows.csv", "participants", 2, 2, 2,
        "omer.celik@meridian.example",
        {"name": "Ömer Çelik", "role": "mentee", "department": "Sales"},
        ("P02", "carmen.delgado@meridian.example", "omer.celik@meridian.example"),
    ),
    Good(
        "quoted_newlines.csv", "participants", 2, 2, 2,
        "nadia.petrova@ostrava-tech.example",  # line breaks inside a cell become spaces
        {"title": "Head of Partnerships", "department": "Business Development (EMEA, APAC)"},
        ("P02", "beatriz.santos@ostrava-tech.example", "abebe.tesfaye@ostrava-tech.example"),
    ),
    Good(
        "formula_cells.csv", "participants", 2, 2, 2,
        "mateus.oliveira@harbourline.example",
        {"name": "-2", "department": "@SUM(A1)"},
        ("P02", "severine.dubois@harbourline.example", "oluwaseun.adeyemi@harbourline.example"),
    ),
    Good(
        "pairs.xlsx", "pairs", 3, 3, 3,
        "fatima.alsayed@veldtbank.example",
        {"name": "Fatima Al-Sayed", "role": "mentor", "title": "2024"},
        ("X2", "rafael.gutierrez@veldtbank.example", "yuki.sato@veldtbank.example"),
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", GOOD, ids=lambda c: c.file)
def test_good_roster_imports_everyone_and_every_pair(wf: WorkshopFile, case: Good) -> None:
    plan = plan_of(wf, case.file)
    assert [str(p) for p in plan.problems] == []
    assert plan.shape == case.shape
    result = apply_import(wf, plan)

    people = wf.roster.participants()
    assert result.added == len(people) == case.mentors + case.mentees
    assert sum(p.role == "mentor" for p in people) == case.mentors
    assert sum(p.role == "mentee" for p in people) == case.mentees
    assert result.pairs_made == len(wf.roster.pairs()) == case.pairs
    assert wf.conn.execute("SELECT count(*) FROM charters").fetchone()[0] == case.pairs

    probe = person(wf, case.probe_email)
    for field, expected in case.probe.items():
        assert getattr(probe, field) == expected, field
    code, mentor, mentee = case.probe_pair
    pairs = pairs_by_code(wf)
    if code:
        assert pairs[code] == (mentor, mentee)
    else:  # no code in the roster: the app numbers the pair itself
        assert (mentor, mentee) in pairs.values()


def test_partner_emails_give_new_codes_and_leave_the_unmatched_unpaired(wf: WorkshopFile) -> None:
    import_ok(wf, "participants_partner_email.csv")
    pairs = pairs_by_code(wf)
    assert sorted(pairs) == ["P01", "P02", "P03"]
    assert set(pairs.values()) == {
        ("sigrid.halvorsen@nordkyst.example", "arjun.mehta@nordkyst.example"),
        ("chidi.okafor@nordkyst.example", "lea.rousseau@nordkyst.example"),
        ("mikko.virtanen@nordkyst.example", "camila.torres@nordkyst.example"),
    }
    hamid = person(wf, "hamid.karimi@nordkyst.example")
    assert wf.roster.pair_of(hamid.id) is None


def test_formula_looking_cells_are_stored_as_literal_text(wf: WorkshopFile) -> None:
    import_ok(wf, "formula_cells.csv")
    aiko = person(wf, "aiko.tanaka@harbourline.example")
    assert aiko.name == '=HYPERLINK("https://intranet.example/people/4711","Aiko Tanaka")'
    assert (aiko.title, aiko.department) == ("=1+1", "+1")
    severine = person(wf, "severine.dubois@harbourline.example")
    assert (severine.title, severine.department) == ('=CONCAT("Finance"," Director")', "-2")
    seun = person(wf, "oluwaseun.adeyemi@harbourline.example")
    assert (seun.name, seun.title, seun.department) == ("@SUM(A1)", "+1", "=cmd|' /C calc'!A0")


@pytest.mark.parametrize(
    ("file", "encoding", "delimiter"),
    [
        ("participants_pair_codes.csv", "utf-8", ","),
        ("semicolon.csv", "utf-8", ";"),
        ("tab_delimited.tsv", "utf-8", "\t"),
        ("utf8_bom.csv", "utf-8-sig", ","),
        ("utf16_bom.txt", "utf-16", "\t"),
        ("utf16le_no_bom.csv", "utf-16-le", ","),
        ("cp1252_accents.csv", "cp1252", ","),
    ],
)
def test_encoding_and_delimiter_are_recognised(file: str, encoding: str, delimiter: str) -> None:
    table = read_table(ROSTERS / file)
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert table.headers[0] in ("Role", "Email")  # no BOM left on the first header


# -- row numbers as a spreadsheet shows them --------------------------------------------------


def test_empty_rows_keep_the_row_numbers_a_spreadsheet_shows(wf: WorkshopFile) -> None:
    plan = plan_of(wf, "empty_rows.csv")
    assert {p.email.split("@")[0]: p.row for p in plan.add} == {
        "astrid.lindqvist": 3,
        "ikechukwu.eze": 4,
        "carmen.delgado": 7,
        "omer.celik": 9,
    }


def test_a_problem_after_empty_rows_names_the_spreadsheet_row(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    bad = variant(tmp_path, "empty_rows.csv", "omer.celik@meridian.example", "omer.celik@")
    problems = [str(p) for p in plan_of(wf, bad).problems]
    assert problems == [
        "empty_rows.csv, row 9, column 'Email': 'omer.celik@' is not an email address"
    ]


def test_a_problem_after_a_cell_with_line_breaks_names_the_spreadsheet_row(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    # Abebe is on line 8 of the file but row 5 of the spreadsheet.
    bad = variant(
        tmp_path, "quoted_newlines.csv", "abebe.tesfaye@ostrava-tech.example", "Abebe Tesfaye"
    )
    problems = [str(p) for p in plan_of(wf, bad).problems]
    assert problems == [
        "quoted_newlines.csv, row 5, column 'Email': 'Abebe Tesfaye' is not an email address"
    ]


def test_a_problem_in_an_xlsx_names_the_row_and_header_excel_shows(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.load_workbook(ROSTERS / "pairs.xlsx")
    sheet = book.worksheets[0]
    assert sheet["F5"].value == "liam.osullivan@veldtbank.example"
    sheet["F5"] = "liam.osullivan at veldtbank"
    bad = tmp_path / "pairs.xlsx"
    book.save(bad)
    problems = [str(p) for p in plan_of(wf, bad).problems]
    assert problems == [
        "pairs.xlsx, row 5, column 'Mentee E-mail': 'liam.osullivan at veldtbank'"
        " is not an email address"
    ]


# -- files that are refused -------------------------------------------------------------------


BAD: dict[str, list[tuple[int, str | None, str]]] = {
    "missing_email_column.csv": [(1, None, "the column Email is missing")],
    "duplicate_emails.csv": [
        (5, "Email", "ines.duarte@alcyon.example is a mentee here but a mentor on row 2"),
        (7, "Email", "kofi.boateng@alcyon.example is a mentor here but a mentee on row 6"),
        (8, "Email", "ravi.shankar@alcyon.example is already on row 3"),
    ],
    "mentor_paired_twice.csv": [
        (5, "Mentor Email", "rafael.gutierrez@veldtbank.example is already paired on row 3"),
    ],
    "formula_in_email.csv": [
        (2, "Email", '\'=HYPERLINK("mailto:aiko.tanaka@harbourline.example",'),
        (5, "Email", "'@SUM(A1)' is not an email address"),
    ],
    "bad_roles.csv": [
        (3, "Participant Type", "the role must be mentor or mentee, not 'Coach'"),
        (5, "Participant Type", "the role is empty"),
        (6, "Participant Type", "the role must be mentor or mentee, not 'Mentor / Mentee'"),
    ],
    "one_invalid_email.csv": [
        (7, "Email", "'mathieu.lefebvre@cobaltair' is not an email address"),
    ],
    "pair_code_three_people.csv": [
        (
            8,
            "Pair Code",
            "pair P03 must have one mentor and one mentee, but rows 6, 7, 8 give"
            " 1 mentor and 2 mentees",
        ),
    ],
    "partner_emails_disagree.csv": [
        (
            4,
            "Partner Email",
            "Chidi Okafor names Léa Rousseau as partner, but row 5 gives Léa Rousseau's"
            " partner as mikko.virtanen@nordkyst.example",
        ),
    ],
}


@pytest.mark.parametrize("file", sorted(BAD))
def test_bad_roster_names_file_row_and_column_and_imports_nothing(
    wf: WorkshopFile, file: str
) -> None:
    plan = plan_of(wf, file)
    problems = [str(p) for p in sorted(plan.problems, key=lambda p: p.row or 0)]
    expected = BAD[file]
    assert len(problems) == len(expected), problems
    for text, (row, column, message) in zip(problems, expected, strict=True):
        where = f"{file}, row {row}" + (f", column '{column}'" if column else "") + ": "
        assert text.startswith(where), text
        assert message in text[len(where) :], text
    with pytest.raises(UserError, match="nothing was imported") as raised:
        apply_import(wf, plan)
    assert raised.value.details == [str(p) for p in plan.problems]
    assert wf.roster.participants() == []
    assert wf.roster.pairs() == []


def test_a_row_refused_for_its_email_does_not_also_blame_its_partner(wf: WorkshopFile) -> None:
    # Mathieu's email is wrong; Zainab (row 6, same pair code) is fine and must not be named.
    problems = plan_of(wf, "one_invalid_email.csv").problems
    assert [(p.row, p.column) for p in problems] == [(7, "Email")]


def test_a_partner_whose_row_is_refused_is_not_also_reported_missing(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    # Sigrid (row 2) names Arjun as partner; Arjun's row is refused for its role alone.
    bad = variant(
        tmp_path, "participants_partner_email.csv",
        "Mentee,Arjun Mehta,", "Intern,Arjun Mehta,",
    )  # fmt: skip
    problems = [str(p) for p in plan_of(wf, bad).problems]
    assert problems == [
        "participants_partner_email.csv, row 3, column 'Role': the role must be mentor or"
        " mentee, not 'Intern'"
    ]


def test_missing_columns_are_all_listed(wf: WorkshopFile, tmp_path: Path) -> None:
    path = tmp_path / "names_only.csv"
    path.write_text("Name,Department\nAiko Tanaka,Engineering\n", encoding="utf-8")
    (problem,) = plan_of(wf, path).problems
    assert str(problem).startswith("names_only.csv, row 1: cannot tell what this roster holds")
    assert "'Name', 'Department'" in problem.message


# -- all or nothing ---------------------------------------------------------------------------


def test_one_bad_row_among_good_ones_leaves_a_filled_workshop_unchanged(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    import_ok(wf, "participants_pair_codes.csv")
    before = snapshot(wf)
    text = (ROSTERS / "participants_pair_codes.csv").read_text(encoding="utf-8")
    text = text.replace("Head of Data Platform", "VP Data")  # an update
    text += "Mentor,Rania Haddad,rania.haddad@harbourline.example,CISO,Security,,P07\n"  # an add
    text += "Mentee,Diego Alvarez,diego.alvarez@@harbourline.example,Analyst,Security,,P07\n"
    bad = tmp_path / "roster_v2.csv"
    bad.write_text(text, encoding="utf-8")

    plan = plan_of(wf, bad)
    assert plan.add and plan.update  # there was something to write...
    assert [(p.row, p.column) for p in plan.problems] == [(15, "Email")]
    with pytest.raises(UserError):
        apply_import(wf, plan)
    assert snapshot(wf) == before  # ...and none of it was written


def test_a_failure_while_writing_rolls_the_whole_import_back(wf: WorkshopFile) -> None:
    import_ok(wf, "semicolon.csv")
    before = snapshot(wf)
    plan = plan_of(wf, "participants_pair_codes.csv")
    assert not plan.problems
    # The charters are written after the participants and pairs: fail on the fourth one.
    wf.conn.execute(
        "CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON charters"
        " WHEN (SELECT count(*) FROM charters) >= 6"
        " BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
    )
    with pytest.raises(sqlite3.DatabaseError, match="simulated failure"):
        apply_import(wf, plan)
    wf.conn.execute("DROP TRIGGER fail_midway")
    assert snapshot(wf) == before


# -- importing again --------------------------------------------------------------------------

REIMPORTABLE = [
    "participants_pair_codes.csv",
    "pairs_mentor_mentee_headers.csv",
    "participants_partner_email.csv",
    "first_last_email_headers.csv",
    "cp1252_accents.csv",
    "pairs.xlsx",
]


@pytest.mark.parametrize("file", REIMPORTABLE)
def test_importing_the_same_roster_twice_adds_nobody(wf: WorkshopFile, file: str) -> None:
    import_ok(wf, file)
    people = {p.email: p.id for p in wf.roster.participants()}
    pairs = pairs_by_code(wf)

    plan = plan_of(wf, file)
    assert plan.problems == []
    assert (plan.add, plan.update, plan.new_pairs) == ([], [], [])
    assert plan.unchanged == len(people)
    assert plan.existing_pairs == len(pairs)
    result = apply_import(wf, plan)
    assert (result.added, result.updated, result.pairs_made) == (0, 0, 0)
    assert {p.email: p.id for p in wf.roster.participants()} == people
    assert pairs_by_code(wf) == pairs


def test_email_case_and_spaces_do_not_make_a_new_person(wf: WorkshopFile, tmp_path: Path) -> None:
    import_ok(wf, "pairs_mentor_mentee_headers.csv")
    shouting = variant(
        tmp_path, "pairs_mentor_mentee_headers.csv",
        "kwame.mensah@veldtbank.example", "  Kwame.MENSAH@VeldtBank.example ",
    )  # fmt: skip
    plan = plan_of(wf, shouting)
    assert plan.problems == [] and plan.add == [] and plan.new_pairs == []
    apply_import(wf, plan)
    assert len(wf.roster.participants()) == 10
    assert len(wf.roster.pairs()) == 5


def test_reimport_after_a_title_change_updates_it(wf: WorkshopFile, tmp_path: Path) -> None:
    import_ok(wf, "participants_pair_codes.csv")
    pairs = pairs_by_code(wf)
    promoted = variant(
        tmp_path, "participants_pair_codes.csv",
        "Priya Raman,priya.raman@harbourline.example,Shift Supervisor",
        "Priya Raman,priya.raman@harbourline.example,Production Manager",
    )  # fmt: skip
    plan = plan_of(wf, promoted)
    assert plan.problems == [] and plan.add == [] and plan.new_pairs == []
    assert [(known.email, changes) for known, changes in plan.update] == [
        ("priya.raman@harbourline.example", {"title": "Production Manager"})
    ]
    result = apply_import(wf, plan)
    assert (result.added, result.updated, result.pairs_made) == (0, 1, 0)
    assert person(wf, "priya.raman@harbourline.example").title == "Production Manager"
    assert len(wf.roster.participants()) == 12
    assert pairs_by_code(wf) == pairs


def test_a_growing_roster_adds_only_the_newcomers(wf: WorkshopFile, tmp_path: Path) -> None:
    import_ok(wf, "participants_partner_email.csv")
    grown = variant(
        tmp_path, "participants_partner_email.csv",
        "Mentee,Hamid Karimi,hamid.karimi@nordkyst.example,Operations,",
        "Mentee,Hamid Karimi,hamid.karimi@nordkyst.example,Operations,"
        "yara.haddad@nordkyst.example\n"
        "Mentor,Yara Haddad,yara.haddad@nordkyst.example,Operations,",
    )  # fmt: skip
    result = import_ok(wf, grown)
    assert (result.added, result.updated, result.pairs_made) == (1, 0, 1)
    assert pairs_by_code(wf)["P04"] == (
        "yara.haddad@nordkyst.example",
        "hamid.karimi@nordkyst.example",
    )


@pytest.mark.parametrize(
    ("file", "row", "email", "listed_as"),
    [
        ("participants_pair_codes.csv", 2, "aiko.tanaka@harbourline.example", "mentor"),
        ("pairs_mentor_mentee_headers.csv", 3, "yuki.sato@veldtbank.example", "mentee"),
    ],
)
def test_someone_already_there_with_another_role_is_refused(
    wf: WorkshopFile, file: str, row: int, email: str, listed_as: str
) -> None:
    other = "mentee" if listed_as == "mentor" else "mentor"
    wf.roster.add_participant(role=other, name="Already Here", email=email)
    before = snapshot(wf)
    plan = plan_of(wf, file)
    expected = f"{file}, row {row}: {email} is already in the workshop as a {other}"
    assert f"{expected}, not a {listed_as}" in [str(p) for p in plan.problems]
    with pytest.raises(UserError, match="nothing was imported"):
        apply_import(wf, plan)
    assert snapshot(wf) == before


# -- size -------------------------------------------------------------------------------------


def test_the_5000_row_roster_imports_fully(wf: WorkshopFile) -> None:
    result = import_ok(wf, "large_5000_participants.csv")
    assert (result.added, result.pairs_made) == (5000, 2500)
    people = wf.roster.participants()
    assert len(people) == 5000
    assert len({p.email for p in people}) == 5000
    assert sum(p.role == "mentor" for p in people) == 2500
    pairs = pairs_by_code(wf)
    assert len(pairs) == 2500
    assert len({m for m, _ in pairs.values()} | {e for _, e in pairs.values()}) == 5000
    assert pairs["P2500"] == (
        "fatima.kowalczyk.05000@globex-large.example",
        "liam.sato.05001@globex-large.example",
    )
    assert wf.conn.execute("SELECT count(*) FROM charters").fetchone()[0] == 2500

    again = plan_of(wf, "large_5000_participants.csv")
    assert (len(again.add), again.unchanged, again.existing_pairs) == (0, 5000, 2500)


def test_summaries_count_in_words(wf: WorkshopFile, tmp_path: Path) -> None:
    one_pair = tmp_path / "one pair.csv"
    one_pair.write_text(
        "Mentor Name,Mentor Email,Mentee Name,Mentee Email\n"
        "Ingrid Solberg,ingrid@x.example,Kwame Mensah,kwame@x.example\n",
        encoding="utf-8",
    )
    plan = plan_of(wf, one_pair)
    assert plan.summary()[1:] == [
        "  2 participants to add, 0 to update, 0 already up to date",
        "  1 pair to make, 0 already made",
    ]
    assert apply_import(wf, plan).summary() == "2 participants added, 0 updated, 1 pair made"
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Mentor Name,Mentor Email,Mentee Name,Mentee Email\nA,not-an-email,B,b@x.example\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError, match=r"has 1 problem; nothing was imported"):
        apply_import(wf, plan_of(wf, bad))


def test_utf8_with_a_few_cp1252_bytes_is_refused_naming_the_first_such_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "first_name,last_name,email,role\nZoë,Brontë,zoe@example.com,mentor\n".encode()
        + "René,Müller,rene@example.com,mentee\n".encode("cp1252")
        + "Björn,Ångström,bjorn@example.com,mentee\n".encode()
    )
    with pytest.raises(UserError) as refused:
        read_table(path)
    assert refused.value.message == (
        "mixed.csv, line 3 is not UTF-8 text, and other lines are: the file mixes two "
        "encodings (save it again as CSV UTF-8)."
    )


def test_cp1252_throughout_is_still_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("first_name,last_name\nRené,Müller\n".encode("cp1252"))
    assert read_table(path).encoding == "cp1252"
