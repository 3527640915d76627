"""The sponsor's outcomes report: its figures against records made through the stores, small
groups never broken out, no private text in the PDF or the workbook, one page always, the
same bytes for the same data and date, and a file anonymised by SQL still reported."""

from __future__ import annotations

import io
import re
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from outcomes_program import PRIVATE, REASON, make_program
from pypdf import PdfReader

from workshop_app.core.errors import UserError
from workshop_app.core.followup.board import board
from workshop_app.core.followup.health import follow_up
from workshop_app.core.followup.outcomes import NOT_MEASURED, outcomes
from workshop_app.core.followup.outcomes_render import (
    outcomes_context,
    render_outcomes_pdf,
    report_target,
    write_report,
)
from workshop_app.core.store.workshop_file import WorkshopFile

TODAY = date(2027, 5, 1)
H = None  # hidden


@pytest.fixture
def program(tmp_path: Path) -> Path:
    return make_program(tmp_path / "program.workshop")


def figures_of(path: Path, **options):
    with WorkshopFile.open(path, readonly=True) as wf:
        return outcomes(wf, today=TODAY, **options)


def pdf_of(path: Path, *, include_comments: bool = False, paper: str | None = None) -> bytes:
    with WorkshopFile.open(path, readonly=True) as wf:
        result = outcomes(wf, today=TODAY, include_comments=include_comments)
        context = outcomes_context(result, wf.workshop())
    return render_outcomes_pdf(context, paper=paper)


def text_of(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def cells_of(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None]  # fmt: skip


def test_figures_count_the_records(program: Path) -> None:
    result = figures_of(program)
    assert result.roster.cells == ((10, 10),) and result.roster.sizes == (20,)
    assert result.pairs.sizes == (10,)
    # 19 attended and 1 absent: the 1 is hidden, and 19 with it (the total 20 is printed).
    assert result.figure("attended").table.cells == ((H, H, 0),)
    assert result.figure("attended").total == 20
    assert result.figure("signed").table.cells == ((H, H),)  # 6 signed, 4 not
    # 15 good, 2 deciding, 1 not a fit, 2 no answer: all three small, 5 together.
    assert result.figure("fit").table.cells == ((15, H, H, H),)
    # Mentors 5, mentees 4, two never answered: the 2 hidden with the 8 fours.
    satisfaction = result.figure("satisfaction")
    assert satisfaction.table.cells == ((0, 0, 0, H, 10, H),)
    assert satisfaction.note == "median 5 of 5"
    assert result.figure("response").table.cells == ((H, H),)
    # The board's rate: all ten pairs reached their 30-day checkpoint (two check-ins each are
    # due; the closed pair answered its own before closing, and its history counts); mentee
    # 8 never answered.
    assert result.figure("response").note == (
        # 2 of them missing: the 18 would give the 2 away.
        "check-ins received: not shown; due: 20 (two per checkpoint reached)"
    )
    assert result.figure("closed").table.cells == ((H, 0, H),)
    assert result.figure("asked_by").total is None  # one closure: not broken out
    assert result.figure("goal_outcomes").total is None


def test_cadence_and_goals_are_the_boards_figures(program: Path) -> None:
    result = figures_of(program)
    with WorkshopFile.open(program, readonly=True) as wf:
        figures = board(follow_up(wf, today=TODAY))
    # Every pair agreed to meet monthly from 1 February and last met on 1 March: by 1 May,
    # the nine open pairs are behind.
    # They are the open pairs, a part hidden in the closures' figure (9 open, 1 closed):
    # printing 9 here would give away the 1, so the figure is hidden whole, as a complement.
    cadence = result.figure("cadence")
    assert cadence.table.cells == ((H, H, H),) and cadence.table.small_sizes == (False,)
    assert (figures.on_cadence.count, figures.on_cadence.out_of) == (0, 9)
    goals = result.figure("goals")
    # Goal 1 of every pair: baseline 2, the mentees of pairs 0-7 rated it 4 since.
    assert goals.table.cells == ((8, 0, 0),)
    assert goals.count("Moved up") == figures.goals_moving.count
    assert goals.note == "average change +2 points on the 1-5 scale"
    assert result.goals_by_position[0].table.cells == ((8, 0, 0),)
    assert result.goals_by_position[1].total == 0


def test_breakdowns_by_role_and_department(program: Path) -> None:
    result = figures_of(program)
    role, department = result.breakdowns
    assert role.groups == ("Mentees", "Mentors") and role.table.sizes == (10, 10)
    fit = [role.columns.index(("Fit", label)) for label in ("Good fit", "Not a fit")]
    # Mentors: 10 good fit; mentees: 5 good and 1 not a fit (hidden, with its complements).
    # The program's "still deciding", "not a fit" and "no answer" are hidden, so are those
    # columns; the mentors' 10 would then give their three zeros away, and the mentees' 5
    # the mentors' 10 from the printed 15: the fit columns are hidden whole.
    assert role.table.cells[1][fit[0]] is None and role.table.small[1][fit[0]] is False
    assert role.table.cells[0][fit[1]] is None
    # Attendance and check-ins are hidden program-wide (19 of 20 attended; 18 of 20 answered):
    # their columns too. Only the groups' sizes are left.
    assert all(v is None for row in role.table.cells for v in row)
    assert department.groups == ("Finance", "Operations")
    assert department.table.sizes == (10, 10)
    assert role.medians == ("median 4 of 5", "median 5 of 5")


def test_a_department_of_fewer_than_five_is_not_broken_out(program: Path) -> None:
    with sqlite3.connect(program) as conn:
        conn.execute("UPDATE participants SET department = 'Legal' WHERE name LIKE '% 1'")
        conn.execute("UPDATE participants SET department = 'Sales' WHERE name LIKE '% 3'")
    department = figures_of(program).breakdowns[1]
    assert department.groups == ("Finance", "Legal", "Operations", "Sales")
    # Legal and Sales have 2 people each: both hidden, with Finance (6) so that 2 + 2 + 6
    # cannot be read off the total.
    assert department.table.sizes == (H, H, 10, H)
    assert all(v is None for g in (0, 1, 3) for v in department.table.cells[g])
    assert department.medians[1] == ""


def test_departments_are_told_apart_by_all_their_words(program: Path) -> None:
    """Two departments whose names begin alike are two groups; the case does not count."""
    long = "Regional operations and logistics planning, northern sites " + "W" * 300
    with sqlite3.connect(program) as conn:
        conn.execute("UPDATE participants SET department = ? || ' A' WHERE department = "
                     "'Operations'", (long,))  # fmt: skip
        conn.execute("UPDATE participants SET department = ? || ' B' WHERE department = "
                     "'Finance'", (long,))  # fmt: skip
        conn.execute("UPDATE participants SET department = 'REGIONAL' || substr(department, "
                     "9) WHERE name = 'Mentor 2'")  # fmt: skip
    department = figures_of(program).breakdowns[1]
    assert len(department.groups) == 2 and department.groups[0].startswith("Regional")
    assert department.table.sizes == (10, 10)


def test_the_programs_own_measures_of_success(program: Path) -> None:
    measures = figures_of(program).measures
    assert [m.figure for m in measures] == ["cadence", "goals", "", "satisfaction"]
    assert measures[1].answer.startswith("Goal progress against baseline: Moved up: 8")
    assert measures[2].answer == NOT_MEASURED
    assert measures[3].text == "=Everyone is satisfied with their mentor"


def test_comments_only_when_asked_and_only_from_five_people(program: Path) -> None:
    assert figures_of(program).comments is None
    comments = figures_of(program, include_comments=True).comments
    assert comments is not None and comments.writers == 6 and len(comments.texts) == 6
    with sqlite3.connect(program) as conn:
        conn.execute("UPDATE checkins SET comment = '' WHERE comment LIKE '=COMMENT 0%'")
        conn.execute("UPDATE checkins SET comment = '' WHERE comment LIKE '=COMMENT 1%'")
    comments = figures_of(program, include_comments=True).comments
    assert comments is not None and comments.writers == 4 and comments.texts == ()
    assert "COMMENT" not in text_of(pdf_of(program, include_comments=True))
    reasons = figures_of(program, include_comments=True).reasons
    assert reasons is not None and reasons.writers == 1 and reasons.texts == ()


def test_no_private_text_in_the_pdf_or_the_workbook(program: Path, tmp_path: Path) -> None:
    pdf = text_of(pdf_of(program, include_comments=True))
    with WorkshopFile.open(program, readonly=True) as wf:
        write_report(wf, out=tmp_path / "o.xlsx", format="xlsx", today=TODAY,
                     include_comments=True)  # fmt: skip
    workbook = " ".join(cells_of(tmp_path / "o.xlsx"))
    for marker in (*(v.split()[0] for v in PRIVATE.values()), REASON.split()[0]):
        assert marker not in pdf, marker
        assert marker not in workbook, marker
    assert "=COMMENT 0 it helps" in pdf  # asked for, and six people wrote one
    assert "=COMMENT 5 it helps" in workbook


def test_the_workbook_holds_text_never_formulas(program: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.xlsx"
    with WorkshopFile.open(program, readonly=True) as wf:
        write_report(wf, out=out, format="xlsx", today=TODAY, include_comments=True)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["README", "Figures", "Measures of success", "By role",
                             "By department", "Goal progress", "Closures", "Comments",
                             "Closure reasons"]  # fmt: skip
    leading = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and c.value[:1] in "=+-@"]  # fmt: skip
    assert leading and all(c.data_type == "s" for c in leading)
    figures = {(r[1], r[2]): r[3] for r in wb["Figures"].iter_rows(values_only=True)}
    assert figures[("Fit, as the partners see it", "Good fit")] == 15
    assert figures[("Fit, as the partners see it", "Not a fit")] == "fewer than 5"
    assert figures[("Satisfaction", "4 of 5")] == "not shown"  # 8: the complement of 2
    readme = {r[0]: r[1] for r in wb["README"].iter_rows(values_only=True)}
    assert "fewer than 5" in readme and readme["Fit, as the partners see it"].startswith("Each")


def test_one_page_the_same_bytes_for_the_same_data_and_date(program: Path) -> None:
    first, second = pdf_of(program), pdf_of(program)
    assert first == second
    reader = PdfReader(io.BytesIO(first))
    assert len(reader.pages) == 1
    assert str(reader.metadata["/CreationDate"]).startswith("D:20270501")
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)
    letter = PdfReader(io.BytesIO(pdf_of(program, paper="letter"))).pages
    assert len(letter) == 1 and round(float(letter[0].mediabox[3])) == 792


def test_one_page_for_hostile_text_and_many_departments(tmp_path: Path) -> None:
    path = make_program(tmp_path / "big.workshop", pairs=60)
    word = "W" * 300
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE participants SET department = ? || (rowid % 9)",
            (f"<b>&amp; {word} ",),
        )
        conn.execute(
            "UPDATE workshop SET program = ?, organisation = ?, success_metrics = ?",
            (word * 2, "<script>x</script>" + word,
             "\n".join(f"{word} measure {n} meet" for n in range(20))),
        )  # fmt: skip
        conn.execute("UPDATE checkins SET comment = ? || id", (word + " =cmd|' /C calc'!A0 ",))
        # Five no-fault closures, each with a reason: the reasons are listed too.
        pairs = [row[0] for row in conn.execute("SELECT id FROM pairs ORDER BY code LIMIT 6")]
        conn.executemany(
            "INSERT OR IGNORE INTO closures (id, pair_id, closed_on, kind, reason, asked_by, "
            "rematched, updated_at) VALUES (?, ?, '2027-04-01', 'no_fault', ?, 'mentor', 0, '')",
            [(f"c{n}", pair, f"{word} reason {n}") for n, pair in enumerate(pairs)],
        )
    for paper in ("a4", "letter"):  # Letter is the shorter page
        pdf = pdf_of(path, include_comments=True, paper=paper)
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, paper
    text = re.sub(r"\s+", " ", text_of(pdf))
    assert "… and 16 more measures in the workbook" in text
    assert "Reasons for no-fault closures" in text and "reason 0" not in text
    assert "… and 4 more departments in the workbook" in text
    assert "<script>x</script>" in text  # escaped: shown as typed, not read as markup


def test_an_empty_program_is_one_page(tmp_path: Path) -> None:
    with WorkshopFile.create(
        tmp_path / "empty.workshop", program="New", organisation="Org", date="2027-06-01"
    ):
        pass
    pdf = pdf_of(tmp_path / "empty.workshop")
    text = text_of(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "the launch is in 31 days" in text
    assert "has not set its measures of success" in text
    assert "Nobody on the roster yet." in text and "has fewer than 5 people" not in text


def test_an_anonymised_file_gives_the_same_figures(program: Path) -> None:
    before = figures_of(program, include_comments=True)
    with sqlite3.connect(program) as conn:
        conn.execute("UPDATE participants SET name = 'Participant ' || rowid, email = "
                     "'p' || rowid || '@anon.invalid'")  # fmt: skip
        conn.execute("UPDATE goals SET goal = '', why = '', measure = '', first_steps = ''")
        conn.execute("UPDATE plans SET scenario = '', plan = ''")
        conn.execute("UPDATE checkins SET comment = ''")
        conn.execute("UPDATE closures SET reason = ''")
        conn.execute("UPDATE charters SET boundaries = '', confidentiality_exceptions = ''")
        conn.execute("UPDATE workshop SET anonymised_on = '2028-01-01'")
    after = figures_of(program, include_comments=True)
    assert after.figures == before.figures
    assert after.anonymised and after.comments is not None and after.comments.writers == 0
    assert "Personal data removed" in text_of(pdf_of(program))


@pytest.mark.parametrize(
    ("out", "chosen", "expected"),
    [
        ("r.pdf", None, ("r.pdf", "pdf")),
        ("r.XLSX", None, ("r.XLSX", "xlsx")),
        ("report", "pdf", ("report.pdf", "pdf")),
        ("r.v2", "xlsx", ("r.v2.xlsx", "xlsx")),
    ],
)
def test_report_target(out: str, chosen: str | None, expected: tuple[str, str]) -> None:
    path, format = report_target(Path(out), chosen)
    assert (str(path), format) == expected


@pytest.mark.parametrize(("out", "chosen"), [("r.txt", None), ("r", None), ("r.pdf", "xlsx")])
def test_report_target_refuses(out: str, chosen: str | None) -> None:
    with pytest.raises(UserError, match=re.escape(Path(out).name)):
        report_target(Path(out), chosen)


def test_the_demo_after_launch_shows_no_charter_words(tmp_path: Path) -> None:
    """The demo 100 days after its launch, one goal marked private: no goal, boundary,
    confidentiality exception or plan of any pair reaches the page or the workbook, even
    with comments included."""
    from workshop_app.core.demo_follow_up import create_after_launch

    path = tmp_path / "demo.workshop"
    with create_after_launch(path, today=TODAY) as wf:
        first = wf.roster.pairs()[0].id
        wf.charters.set_goal_part(first, 2, "goal", "Apply for the Leeds hub manager post")
        wf.charters.set_goal_part(first, 2, "private", True)
    with sqlite3.connect(path) as conn:
        words = [
            text
            for query in (
                "SELECT goal FROM goals",
                "SELECT why FROM goals",
                "SELECT measure FROM goals",
                "SELECT plan FROM plans",
                "SELECT boundaries FROM charters",
                "SELECT confidentiality_exceptions FROM charters",
                "SELECT confidentiality_scope FROM charters",
            )
            for (text,) in conn.execute(query)
            if text and len(text) > 20
        ]
    assert "Apply for the Leeds hub manager post" in words and len(words) > 30
    pdf = re.sub(r"\s+", " ", text_of(pdf_of(path, include_comments=True)))
    with WorkshopFile.open(path, readonly=True) as wf:
        write_report(wf, out=tmp_path / "o.xlsx", format="xlsx", today=TODAY,
                     include_comments=True)  # fmt: skip
    workbook = " ".join(cells_of(tmp_path / "o.xlsx"))
    for text in words:
        fragment = " ".join(text.split()[:5])
        assert fragment not in pdf, fragment
        assert fragment not in workbook, fragment
