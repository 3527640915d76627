"""Small programs, at random: nothing the outcomes report prints is a count of 1 to 4, and no
hidden figure can be worked out from the printed ones.

Each program is written through the stores (a few pairs, some people without a pair, two
departments, attendance, check-ins, closures). The printed report is read as a system of
equations that always hold between its figures (each figure's parts add up to its total; the
open pairs are the cadence figure's total; people in pairs are twice the pairs; a breakdown's
columns add up to the program-wide parts...), with every hidden count an unknown: a hidden
count can be worked out exactly when its unit row lies in the span of the equations, which is
tested by elimination over the rationals."""

from __future__ import annotations

import io
import re
import tempfile
from datetime import date
from fractions import Fraction
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from workshop_app.core.followup.outcomes import FITS, Outcomes, outcomes
from workshop_app.core.followup.outcomes_render import outcomes_context, render_outcomes_pdf
from workshop_app.core.followup.outcomes_suppress import MINIMUM, Suppressed
from workshop_app.core.followup.outcomes_xlsx import write_outcomes_xlsx
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import WorkshopFile

TODAY = date(2027, 5, 1)

person = st.fixed_dictionaries(
    {
        "present": st.sampled_from([True, False, None]),
        "department": st.sampled_from(["Finance", "Operations"]),
        "fit": st.sampled_from([None, "", "good", "deciding", "not_a_fit"]),
        "satisfaction": st.sampled_from([None, 3, 4, 5]),
    }
)
pair = st.fixed_dictionaries(
    {
        "mentor": person,
        "mentee": person,
        "progress": st.sampled_from([None, 1, 2, 3]),
        "closure": st.sampled_from(["", "no_fault", "completed"]),
        "asked_by": st.sampled_from(["mentor", "mentee", "program"]),
        "rematched": st.booleans(),
        "outcome": st.sampled_from(["", "met", "partly", "not_met"]),
    }
)
program = st.fixed_dictionaries(
    {"pairs": st.lists(pair, min_size=1, max_size=7), "alone": st.lists(person, max_size=3)}
)


def _write(path: Path, data: dict) -> None:
    with WorkshopFile.create(path, program="Small", organisation="Org", date="2027-01-19") as wf:
        made = []

        def add(role: str, p: dict, n: int):
            who = wf.roster.add_participant(
                role=role, name=f"{role} {n}", email=f"{role}{n}@x.example",
                department=p["department"],
            )  # fmt: skip
            if p["present"] is not None:
                wf.roster.set_attendance(who.id, p["present"])
            return who

        for i, p in enumerate(data["pairs"]):
            a, b = add("mentor", p["mentor"], i), add("mentee", p["mentee"], i)
            made.append((wf.roster.make_pair(a.id, b.id), p))
        for i, p in enumerate(data["alone"]):
            add("mentee", p, 100 + i)
        for pr, _p in made:
            wf.charters.set_field(pr.id, "meeting_frequency", "monthly")
            wf.charters.set_field(pr.id, "first_meeting", "2027-02-01T10:00")
            wf.charters.set_goal_part(pr.id, 1, "goal", "A goal")
            wf.charters.set_goal_part(pr.id, 1, "baseline", "2")
        now = utc_now()
        with wf.transaction():
            for pr, p in made:
                for role in ("mentor", "mentee"):
                    answer = p[role]
                    if answer["fit"] is None:
                        continue
                    wf.insert("checkins", {
                        "id": new_id(), "pair_id": pr.id, "role": role,
                        "response_key": f"t:{pr.id}:{role}", "form_id": None,
                        "submitted_at": "2027-03-03T09:00:00+00:00", "checkpoint_day": 30,
                        "meetings_held": 1, "last_meeting": "2027-03-01",
                        "goal1_progress": p["progress"] if role == "mentee" else None,
                        "goal2_progress": None, "goal3_progress": None,
                        "fit": answer["fit"], "satisfaction": answer["satisfaction"],
                        "wants_help": 0, "comment": "", "updated_at": now,
                    })  # fmt: skip
                if p["closure"]:
                    wf.insert("closures", {
                        "id": new_id(), "pair_id": pr.id, "closed_on": "2027-04-01",
                        "kind": p["closure"], "reason": "", "asked_by": p["asked_by"],
                        "rematched": int(p["rematched"]), "goal1_outcome": p["outcome"],
                        "goal2_outcome": "", "goal3_outcome": "", "updated_at": now,
                    })  # fmt: skip


class System:
    """Linear equations between the report's figures: printed counts are constants, hidden
    ones unknowns."""

    def __init__(self) -> None:
        self.unknowns: dict[tuple, int] = {}
        self.rows: list[dict[int, Fraction]] = []

    def term(self, name: tuple, value: int | None) -> tuple[int | None, int]:
        if value is not None:
            return None, value
        return self.unknowns.setdefault(name, len(self.unknowns)), 0

    def equal(self, left: list[tuple[tuple, int | None, int]]) -> None:
        """sum(coefficient * quantity) == 0 over (name, printed value or None, coefficient)."""
        row: dict[int, Fraction] = {}
        for name, value, k in left:
            index, _ = self.term(name, value)
            if index is not None:
                row[index] = row.get(index, Fraction(0)) + k
        if any(row.values()):
            self.rows.append(row)

    def recoverable(self) -> list[tuple]:
        """The unknowns whose value the equations fix."""
        n = len(self.unknowns)
        matrix = [[row.get(j, Fraction(0)) for j in range(n)] for row in self.rows]
        pivots: list[int] = []
        r = 0
        for c in range(n):
            pivot = next((i for i in range(r, len(matrix)) if matrix[i][c]), None)
            if pivot is None:
                continue
            matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
            lead = matrix[r][c]
            matrix[r] = [v / lead for v in matrix[r]]
            for i in range(len(matrix)):
                if i != r and matrix[i][c]:
                    k = matrix[i][c]
                    matrix[i] = [a - k * b for a, b in zip(matrix[i], matrix[r], strict=True)]
            pivots.append(c)
            r += 1
        names = {j: name for name, j in self.unknowns.items()}
        # e_j is in the row space exactly when some reduced row is e_j.
        return [
            names[c]
            for i, c in enumerate(pivots)
            if all(v == 0 for j, v in enumerate(matrix[i]) if j != c)
        ]


def _table(system: System, name: str, table: Suppressed, row: int = 0) -> None:
    parts = [((name, row, c), v, 1) for c, v in enumerate(table.cells[row])]
    system.equal([*parts, ((name, row, "size"), table.sizes[row], -1)])


def _system(result: Outcomes) -> System:
    s = System()
    f = {fig.key: fig.table for fig in result.figures}
    for key, table in f.items():
        _table(s, key, table)
    _table(s, "roster", result.roster)
    _table(s, "pairs", result.pairs)

    def same(a: tuple, av: int | None, b: tuple, bv: int | None, k: int = 1) -> None:
        s.equal([(a, av, 1), (b, bv, -k)])

    size = lambda key: ((key, 0, "size"), f[key].sizes[0])  # noqa: E731
    cell = lambda key, c: ((key, 0, c), f[key].cells[0][c])  # noqa: E731
    roster_size = (("roster", 0, "size"), result.roster.sizes[0])
    pairs_size = (("pairs", 0, "size"), result.pairs.sizes[0])
    same(*roster_size, *size("attended"))
    for key in ("signed", "closed"):
        same(*pairs_size, *size(key))
    for key in ("fit", "satisfaction", "response"):
        same(*size(key), *pairs_size, k=2)
    same(*cell("closed", 2), *size("cadence"))
    for key in ("asked_by", "rematched"):
        same(*cell("closed", 0), *size(key))
    goals = f["goals"]
    for c in range(3):
        s.equal(
            [
                *(((f"goal{r}", 0, c), g.table.cells[0][c], 1) for r, g in
                  enumerate(result.goals_by_position, 1)),
                (("goals", 0, c), goals.cells[0][c], -1),
            ]
        )  # fmt: skip
    for r, g in enumerate(result.goals_by_position, 1):
        _table(s, f"goal{r}", g.table)
    unpaired = [(*roster_size, 1), (*size("fit"), -1)]  # everyone less the people in pairs
    program_columns = [
        [(*cell("attended", 0), 1)],
        [(*cell("attended", 1), 1), (*cell("attended", 2), 1)],
        [(*cell("response", 0), 1)],
        [(*cell("response", 1), 1), *unpaired],
        *([(*cell("fit", c), 1)] for c in range(len(FITS))),
        [(*cell("fit", len(FITS)), 1), *unpaired],
    ]
    for b in result.breakdowns:
        name = f"by {b.key}"
        t = b.table
        for r in range(len(b.groups)):
            for start, width in ((0, 2), (2, 2), (4, len(FITS) + 1)):
                s.equal(
                    [
                        *(((name, r, c), t.cells[r][c], 1) for c in range(start, start + width)),
                        ((name, r, "size"), t.sizes[r], -1),
                    ]
                )
        s.equal([*(((name, r, "size"), v, 1) for r, v in enumerate(t.sizes)), (*roster_size, -1)])
        for c, total in enumerate(program_columns):
            s.equal(
                [
                    *(((name, r, c), t.cells[r][c], 1) for r in range(len(b.groups))),
                    *((n, v, -k) for n, v, k in total),
                ]
            )
    return s


def _printed_counts(result: Outcomes) -> list[int]:
    tables = [fig.table for fig in (*result.figures, *result.goals_by_position)]
    tables += [result.roster, result.pairs, *(b.table for b in result.breakdowns)]
    return [
        v for t in tables for v in (*(c for row in t.cells for c in row), *t.sizes) if v is not None
    ]


def _report(result: Outcomes) -> str:
    lines = [f"{fig.key}: {fig.table.cells} {fig.table.sizes}" for fig in result.figures]
    lines += [f"goal: {g.table.cells} {g.table.sizes}" for g in result.goals_by_position]
    lines += [f"roster {result.roster.cells} pairs {result.pairs.sizes}"]
    lines += [f"{b.key}: {b.table.cells} {b.table.sizes}" for b in result.breakdowns]
    return "\n".join(lines)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(program)
def test_a_small_program_prints_no_small_count_and_gives_none_away(data: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "small.workshop"
        _write(path, data)
        with WorkshopFile.open(path, readonly=True) as wf:
            result = outcomes(wf, today=TODAY)
    assert not [v for v in _printed_counts(result) if 0 < v < MINIMUM]
    assert _system(result).recoverable() == [], _report(result)
    ratings = [
        p[role]["satisfaction"]
        for p in data["pairs"]
        for role in ("mentor", "mentee")
        if p[role]["fit"] is not None and p[role]["satisfaction"] is not None
    ]
    note = result.figure("satisfaction").note
    shown = note.startswith("median ") and not note.startswith("median:")
    assert shown == (len(data["pairs"]) >= MINIMUM and len(ratings) >= MINIMUM)


def test_a_three_pair_program_prints_none_of_its_figures(tmp_path: Path) -> None:
    """Three pairs who all answered: satisfaction 4, 4, 5, 5, 4, 4 and one "not a fit". Before,
    the page printed the median and "not a fit: 1"; now every figure of them is held back."""
    answers = [("good", 4), ("good", 4), ("good", 5), ("not_a_fit", 5), ("good", 4), ("good", 4)]
    people = [
        {"present": True, "department": "Finance", "fit": fit, "satisfaction": rating}
        for fit, rating in answers
    ]
    pairs = [
        {"mentor": people[2 * i], "mentee": people[2 * i + 1], "progress": 3, "closure": "",
         "asked_by": "mentor", "rematched": False, "outcome": ""}
        for i in range(3)
    ]  # fmt: skip
    path = tmp_path / "three.workshop"
    _write(path, {"pairs": pairs, "alone": []})
    with WorkshopFile.open(path, readonly=True) as wf:
        result = outcomes(wf, today=TODAY)
        pdf = render_outcomes_pdf(outcomes_context(result, wf.workshop()))
    assert not [v for v in _printed_counts(result) if 0 < v < MINIMUM]
    assert _system(result).recoverable() == []
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert not re.search(r"median \d|average change [+-]?\d", text.lower())
    assert "Fewer than 5 pairs so far: not broken out." in text
    # Fit, satisfaction and check-ins count 6 people, twice the 3 pairs: hidden with them.
    assert "Not shown: it would let a smaller figure beside it be worked out." in text
    assert "pairs: fewer than 5" in text
    out = tmp_path / "three.xlsx"
    write_outcomes_xlsx(result, out=out)
    wb = openpyxl.load_workbook(out)
    figures = list(wb["Figures"].iter_rows(min_row=2, values_only=True))
    fit = [row for row in figures if row[1] == "Fit, as the partners see it"]
    assert {row[3] for row in fit} == {"not shown", "fewer than 5"}
    assert all(not isinstance(row[3], int) or row[3] == 0 or row[3] >= MINIMUM for row in figures)
