"""Attacks on the merge rules with real files: three rooms in every order, codes in other
letter cases, a pair removed in one room, signed pairs under one code, codes at the length
limit; and, for random rooms, the invariants: the first file's codes are kept, every changed
code is listed, signed pairs keep their codes, no check-in is lost, merging again changes
nothing."""

from __future__ import annotations

import itertools
import sqlite3
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.core.errors import UserError
from workshop_app.core.merge.report import Conflict, Notice
from workshop_app.core.merge.rooms import MAX_CODE, MergeReport, merge_workshops
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.roster.store import normalise_code
from workshop_app.core.store.workshop_file import WorkshopFile

LAUNCH = {"program": "Accelerate", "organisation": "Northwind", "date": "2027-01-19"}
TABLES = ("workshop", "participants", "pairs", "charters", "goals", "plans",
          "charter_versions", "signoffs", "agenda_segments")  # fmt: skip


def email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@x.example"


def make_room(
    path: Path, pairs: list[tuple[str, str, str]], *, signed: tuple[str, ...] = ()
) -> Path:
    """A room with one pair per (code, mentor, mentee); the pairs coded in `signed` signed."""
    with WorkshopFile.create(path, **LAUNCH) as wf:
        for code, mentor, mentee in pairs:
            a = wf.roster.add_participant(role="mentor", name=mentor, email=email(mentor))
            b = wf.roster.add_participant(role="mentee", name=mentee, email=email(mentee))
            made = wf.roster.make_pair(a.id, b.id, code=code)
            if code in signed:
                wf.charters.sign(made.id, mentor=mentor, mentee=mentee)
    return path


def read(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def codes(path: Path) -> dict[str, str]:
    """Mentor email -> pair code."""
    return dict(read(path, "SELECT m.email, p.code FROM pairs p JOIN participants m"
                           " ON m.id = p.mentor_id"))  # fmt: skip


def signed_codes(path: Path) -> set[tuple[str, str]]:
    """(mentor email, code) of the pairs signed in the file."""
    sql = ("SELECT DISTINCT m.email, p.code FROM pairs p JOIN participants m ON m.id ="
           " p.mentor_id JOIN signoffs s ON s.pair_id = p.id")  # fmt: skip
    return set(read(path, sql))


def content(path: Path) -> dict[str, set[tuple[Any, ...]]]:
    out = {t: set(read(path, f"SELECT * FROM {t}")) for t in TABLES}
    out["audit"] = set(read(path, "SELECT id, at, table_name, record_id, pair_id, field,"
                                  " old_value, new_value FROM audit"))  # fmt: skip
    return out


def renames(report: MergeReport) -> set[tuple[str, str, str]]:
    """(file, old code, new code), one per file that printed the old code."""
    return {(source, r.old_code, r.new_code) for r in report.renamed
            for source in r.source.split(" and ")}  # fmt: skip


def check_codes(rooms: list[Path], out: Path, report: MergeReport) -> None:
    """The code invariants, from the files alone."""
    final = codes(out)
    assert len({c.casefold() for c in final.values()}) == len(final)
    assert all(normalise_code(c) == c.upper() and len(c) <= MAX_CODE for c in final.values())
    signed = [signed_codes(r) for r in rooms]
    signed_under: dict[str, set[str]] = {}  # code -> the pairs signed under it somewhere
    for mentor, code in set().union(*signed):
        signed_under.setdefault(code.casefold(), set()).add(mentor)
    codes_signed: dict[str, set[str]] = {}  # pair -> the codes it is signed under
    for mentor, code in set().union(*signed):
        codes_signed.setdefault(mentor, set()).add(code.casefold())
    expected = set()
    for index, room in enumerate(rooms):
        for mentor, code in codes(room).items():
            if final[mentor].casefold() == code.casefold():
                continue
            expected.add((room.name, code, final[mentor]))
            clash = signed_under.get(code.casefold(), set()) - {mentor}
            twice = len(codes_signed.get(mentor, ())) > 1
            if index == 0:  # the first file keeps its codes, but for a signed pair's
                assert clash or code.casefold() not in codes_signed.get(mentor, {code})
            if (mentor, code) in signed[index]:  # a signed pair keeps its code
                assert clash or twice
    assert renames(report) == expected  # every changed code, and nothing else


def check_attendance(rooms: list[Path], out: Path, report: MergeReport) -> None:
    """No check-in is lost; two different answers: the later one, and a conflict listed."""
    merged = dict(read(out, "SELECT email, present FROM participants"))
    answers: dict[str, list[tuple[str, int, int]]] = {}
    for index, room in enumerate(rooms):
        for mail, present, at in read(room, "SELECT p.email, p.present, max(a.at) FROM"
                                      " participants p LEFT JOIN audit a ON a.record_id = p.id"
                                      " AND a.field = 'present' GROUP BY p.id"):  # fmt: skip
            if present is not None:
                answers.setdefault(mail, []).append((at, -index, present))
    lines = [c.line() for c in report.conflicts if isinstance(c, Conflict)]
    for mail, present in merged.items():
        given = answers.get(mail, [])
        if not given:
            assert present is None
        elif len({p for *_, p in given}) == 1:
            assert present == given[0][2]
        else:
            assert present == max(given)[2]
            assert any(line.startswith(f"{mail}") or f"<{mail}>, attendance" in line
                       for line in lines)  # fmt: skip


def check_again(rooms: list[Path], out: Path, tmp: Path) -> None:
    again = tmp / f"again-{out.name}"
    report = merge_workshops(out=again, inputs=[out, *rooms])
    assert report.renamed == [] and report.conflicts == []
    assert content(again) == content(out)


# -- three rooms, in every order ---------------------------------------------------------------


@pytest.fixture
def three(tmp_path: Path) -> list[Path]:
    a = make_room(tmp_path / "a.workshop", [("P01", "Ana", "Bo"), ("P02", "Cy", "Di"),
                                            ("P03", "Ed", "Fay")])  # fmt: skip
    b = make_room(tmp_path / "b.workshop", [("P01", "Cy", "Di"), ("P02", "Gil", "Ivy"),
                                            ("P03", "Ed", "Fay")])  # fmt: skip
    c = make_room(tmp_path / "c.workshop", [("P01", "Gil", "Ivy"), ("P02", "Kai", "Lea"),
                                            ("P03", "Ola", "Pia")])  # fmt: skip
    return [a, b, c]


def test_three_rooms_in_every_order(three: list[Path], tmp_path: Path) -> None:
    for n, order in enumerate(itertools.permutations(three)):
        out = tmp_path / f"out{n}.workshop"
        report = merge_workshops(out=out, inputs=list(order))
        assert report.counts["pairs"] == 6
        check_codes(list(order), out, report)
        check_again(list(order), out, tmp_path)
    report = merge_workshops(out=tmp_path / "abc.workshop", inputs=three)
    assert [r.line() for r in report.renamed] == [
        "P01 -> P02: Cy & Di (from b.workshop)",
        "P01 -> P02-2: Gil & Ivy (from c.workshop)",
        "P02 -> P02-2: Gil & Ivy (from b.workshop)",
        "P02 -> P02-3: Kai & Lea (from c.workshop)",
        "P03 -> P03-2: Ola & Pia (from c.workshop)",
    ]


def test_one_person_in_two_pairs_across_three_rooms_is_still_refused(
    three: list[Path], tmp_path: Path
) -> None:
    d = make_room(tmp_path / "d.workshop", [("P09", "Ana", "Ivy")])
    with pytest.raises(UserError, match="one open pair only") as caught:
        merge_workshops(out=tmp_path / "all.workshop", inputs=[*three, d])
    assert any("Ana" in line for line in caught.value.details)
    assert not (tmp_path / "all.workshop").exists()


# -- letter case, removals, signatures, length -----------------------------------------------


def test_codes_in_other_letter_cases_are_one_code(tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text("Pair Code,Mentor Name,Mentor Email,Mentee Name,Mentee Email\n"
                   f"P1,Ana,{email('Ana')},Bo,{email('Bo')}\n", encoding="utf-8")  # fmt: skip
    two = tmp_path / "two.csv"
    two.write_text("Pair Code,Mentor Name,Mentor Email,Mentee Name,Mentee Email\n"
                   f"p01,Ana,{email('Ana')},Bo,{email('Bo')}\n"
                   f"p1,Cy,{email('Cy')},Di,{email('Di')}\n", encoding="utf-8")  # fmt: skip
    rooms = []
    for name, sheet in (("one", one), ("two", two)):
        rooms.append(tmp_path / f"{name}.workshop")
        with WorkshopFile.create(rooms[-1], **LAUNCH) as wf:
            plan = plan_import(wf, sheet)
            if name == "two":  # one sheet giving P01 to two pairs is refused, as before
                assert any("P01 is given to more than one pair" in str(p) for p in plan.problems)
                two.write_text(two.read_text(encoding="utf-8").replace("p1,Cy", "P02,Cy"),
                               encoding="utf-8")  # fmt: skip
                plan = plan_import(wf, two)
            apply_import(wf, plan)
    # A file edited by hand (or by an older tool) holds "p02" in lower case; room one has
    # another pair as "P02".
    conn = sqlite3.connect(rooms[1])
    conn.execute("UPDATE pairs SET code = 'p02' WHERE code = 'P02'")
    conn.commit()
    conn.close()
    with WorkshopFile.open(rooms[0]) as wf:
        gil = wf.roster.add_participant(role="mentor", name="Gil", email=email("Gil"))
        ivy = wf.roster.add_participant(role="mentee", name="Ivy", email=email("Ivy"))
        wf.roster.make_pair(gil.id, ivy.id, code="P02")
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=rooms)
    assert codes(out) == {email("Ana"): "P01", email("Gil"): "P02", email("Cy"): "p02-2"}
    assert [r.line() for r in report.renamed] == ["p02 -> p02-2: Cy & Di (from two.workshop)"]
    check_codes(rooms, out, report)


def test_a_pair_removed_in_one_room(tmp_path: Path) -> None:
    base = make_room(tmp_path / "base.workshop", [("P01", "Ana", "Bo"), ("P02", "Cy", "Di")])
    a, b = tmp_path / "a.workshop", tmp_path / "b.workshop"
    for room in (a, b):
        room.write_bytes(base.read_bytes())
    with WorkshopFile.open(a) as wf:  # A breaks P02 and gives its code to a new pair
        p02 = wf.roster.pair_by_code("P02")
        assert p02 is not None
        wf.roster.break_pair(p02.id)
        gil = wf.roster.add_participant(role="mentor", name="Gil", email=email("Gil"))
        ivy = wf.roster.add_participant(role="mentee", name="Ivy", email=email("Ivy"))
        wf.roster.make_pair(gil.id, ivy.id, code="P02")
    out = tmp_path / "ab.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    assert codes(out) == {email("Ana"): "P01", email("Gil"): "P02"}  # B's old P02 stays out
    assert report.renamed == [] and report.removed == 1
    with WorkshopFile.open(b) as wf:  # ...unless B worked on it after the break
        p02 = wf.roster.pair_by_code("P02")
        assert p02 is not None
        wf.charters.set_field(p02.id, "purpose", "We kept meeting")
    out = tmp_path / "ab2.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    assert codes(out) == {email("Ana"): "P01", email("Gil"): "P02", email("Cy"): "P02-2"}
    assert [r.line() for r in report.renamed] == ["P02 -> P02-2: Cy & Di (from b.workshop)"]
    check_codes([a, b], out, report)
    check_again([a, b], out, tmp_path)


def test_two_signed_pairs_under_one_code(tmp_path: Path) -> None:
    a = make_room(tmp_path / "a.workshop", [("P05", "Kai", "Lea")], signed=("P05",))
    b = make_room(tmp_path / "b.workshop", [("P05", "Zoe", "Yan")], signed=("P05",))
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    assert codes(out) == {email("Kai"): "P05", email("Zoe"): "P05-2"}
    [renamed] = report.renamed
    assert renamed.signed
    assert renamed.line() == (
        "P05 -> P05-2: Zoe & Yan (from b.workshop; its signed charter shows P05)"
    )
    notices = [c.line() for c in report.conflicts if isinstance(c, Notice)]
    assert notices == [
        "pair P05-2 (Zoe & Yan), pair code: its charter was signed on paper as P05 in "
        "b.workshop, but P05 stays with pair P05 (Kai & Lea); write P05-2 on the signed charter"
    ]
    assert "1 conflict " in report.text()
    check_codes([a, b], out, report)
    check_again([a, b], out, tmp_path)


def test_a_pair_signed_in_a_later_room_keeps_its_code(tmp_path: Path) -> None:
    a = make_room(tmp_path / "a.workshop", [("P01", "Ana", "Bo"), ("P02", "Max", "Noa")])
    b = make_room(tmp_path / "b.workshop", [("P01", "Max", "Noa")], signed=("P01",))
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    # The signed paper says P01: it keeps P01, and the first file's P01 and P02 change (listed).
    assert codes(out) == {email("Max"): "P01", email("Ana"): "P01-2"}
    assert [r.line() for r in report.renamed] == [
        "P01 -> P01-2: Ana & Bo (from a.workshop)",
        "P02 -> P01: Max & Noa (from a.workshop)",
    ]
    check_codes([a, b], out, report)


def test_codes_at_the_length_limit(tmp_path: Path) -> None:
    long = "NORTHWIND-01"
    assert len(long) == MAX_CODE
    a = make_room(tmp_path / "a.workshop", [(long, "Ana", "Bo")])
    b = make_room(tmp_path / "b.workshop", [(long, "Cy", "Di"), ("NORTHWIND-2", "Ed", "Fay")])
    out = tmp_path / "all.workshop"
    report = merge_workshops(out=out, inputs=[a, b])
    assert codes(out)[email("Cy")] == "NORTHWIND-3"
    assert "NORTHWIND-01 -> NORTHWIND-3: Cy & Di (from b.workshop)" in report.text()
    with WorkshopFile.open(out) as wf:  # the app takes the new code as its own
        pair = wf.roster.pair_by_code("NORTHWIND-3")
        assert pair is not None
        assert wf.roster.rename_pair(pair.id, "NORTHWIND-3").code == "NORTHWIND-3"
    check_codes([a, b], out, report)


# -- random rooms ------------------------------------------------------------------------------

CODES = ("P01", "P02", "P03", "P04", "P05")
PEOPLE = 5  # pair k is always mentor Mk with mentee Ek: a person is never in two pairs


@st.composite
def launches(draw: st.DrawFn) -> tuple[list[tuple[dict[int, str], set[int]]], list[Any]]:
    rooms = []
    for _ in range(draw(st.integers(2, 3))):
        ks = draw(st.lists(st.integers(0, PEOPLE - 1), min_size=1, max_size=4, unique=True))
        room_codes = draw(st.permutations(CODES))
        signed = draw(st.sets(st.sampled_from(ks)))
        rooms.append((dict(zip(ks, room_codes, strict=False)), signed))
    moves = st.tuples(st.integers(0, len(rooms) - 1), st.integers(0, 2 * PEOPLE - 1),
                      st.sampled_from([True, False, None]))  # fmt: skip
    return rooms, draw(st.lists(moves, max_size=12))


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(launches())
def test_invariants_hold_for_random_rooms(
    launch: tuple[list[tuple[dict[int, str], set[int]]], list[Any]],
) -> None:
    specs, check_ins = launch
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        paths = [tmp / f"room{i + 1}.workshop" for i in range(len(specs))]
        with ExitStack() as stack:
            files = [stack.enter_context(WorkshopFile.create(p, **LAUNCH)) for p in paths]
            for wf, (pairs, signed) in zip(files, specs, strict=True):
                for k, code in pairs.items():
                    m = wf.roster.add_participant(role="mentor", name=f"M{k}", email=f"m{k}@x.ex")
                    e = wf.roster.add_participant(role="mentee", name=f"E{k}", email=f"e{k}@x.ex")
                    made = wf.roster.make_pair(m.id, e.id, code=code)
                    if k in signed:
                        wf.charters.sign(made.id, mentor=f"M{k}", mentee=f"E{k}")
            for room, person, present in check_ins:  # interleaved between the rooms
                found = files[room].roster.participant_by_email(
                    f"{'me'[person % 2]}{person // 2}@x.ex"
                )
                if found is not None:
                    files[room].roster.set_attendance(found.id, present)
        out = tmp / "all.workshop"
        report = merge_workshops(out=out, inputs=paths)
        check_codes(paths, out, report)
        check_attendance(paths, out, report)
        check_again(paths, out, tmp)
