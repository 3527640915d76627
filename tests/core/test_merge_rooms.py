"""Two rooms that made their files separately, as the issue tells it: each room creates its file
and imports a pair sheet with the real `workshop-app` command, checks people in and signs with
the app's own calls, and the rooms are merged with the real command. Printed codes, check-ins
and values someone set survive; every changed code is reported."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from cli_runner import run

from workshop_app.core.store.workshop_file import WorkshopFile

LAUNCH = ("--program", "Accelerate", "--organisation", "Northwind", "--date", "2027-01-19")
HEADER = "Pair Code,Mentor Name,Mentor Email,Mentor Title,Mentee Name,Mentee Email,Mentee Title"
# (mentor, mentor's title, mentee, mentee's title), in room 1's order P01-P07.
PEOPLE = [
    ("Ana Souza", "Head of Data", "Bo Li", "Analyst"),
    ("Cy Doe", "Finance Director", "Di Roe", "Accountant"),
    ("Ed Poe", "VP Sales", "Fay Wu", "Account Manager"),
    ("Gil Hay", "CTO", "Ivy Jo", "Engineer"),
    ("Kai Um", "COO", "Lea Vo", "Planner"),
    ("Max Ng", "CFO", "Noa Oz", "Controller"),
    ("Ola Pi", "CHRO", "Pia Qu", "HR Partner"),
    ("Quin Ray", "CMO", "Rae Sol", "Brand Lead"),  # only ever in room 2
]


def email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@northwind.example"


def pair_sheet(path: Path, rows: list[tuple[str, int]], *, titles: bool) -> Path:
    """A pair sheet: (code, index into PEOPLE) per row; titles left empty unless asked for."""
    lines = [HEADER]
    for code, index in rows:
        mentor, mentor_title, mentee, mentee_title = PEOPLE[index]
        if not titles:
            mentor_title = mentee_title = ""
        lines.append(f"{code},{mentor},{email(mentor)},{mentor_title},{mentee},{email(mentee)},"
                     f"{mentee_title}")  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cli(app_data: Path, *args: str | Path) -> str:
    done = run(*map(str, args), data=app_data)
    assert done.returncode == 0, done.stderr
    return done.stdout


def new_room(tmp_path: Path, app_data: Path, name: str, sheet: Path) -> Path:
    path = tmp_path / name
    cli(app_data, "new", path, *LAUNCH)
    cli(app_data, "import", path, sheet)
    return path


def check_in(path: Path, name: str, present: bool) -> None:
    with WorkshopFile.open(path) as wf:
        person = wf.roster.participant_by_email(email(name))
        assert person is not None
        wf.roster.set_attendance(person.id, present)


def codes_by_mentor(path: Path) -> dict[str, str]:
    with WorkshopFile.open(path, readonly=True) as wf:
        return {wf.roster.participant(p.mentor_id).name: p.code for p in wf.roster.pairs()}


def attendance(path: Path) -> dict[str, tuple[Any, Any]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT email, present, checked_in_at FROM participants").fetchall()
    finally:
        conn.close()
    return {e: (p, at) for e, p, at in rows}


def room_one(tmp_path: Path, app_data: Path) -> Path:
    """Room 1: P01-P07 from its sheet, everyone in but Noa (absent) and Pia (not yet), the
    start time set to 08:30, P05's purpose written and the charter signed."""
    sheet = pair_sheet(tmp_path / "room1.csv", [(f"P{i + 1:02d}", i) for i in range(7)],
                       titles=True)  # fmt: skip
    path = new_room(tmp_path, app_data, "room1.workshop", sheet)
    with WorkshopFile.open(path) as wf:
        wf.set_workshop_field("start_time", "08:30")
        for person in wf.roster.participants():
            if person.name not in ("Noa Oz", "Pia Qu"):
                wf.roster.set_attendance(person.id, True)
        noa = wf.roster.participant_by_email(email("Noa Oz"))
        assert noa is not None
        wf.roster.set_attendance(noa.id, False)
        p05 = wf.roster.pair_by_code("P05")
        assert p05 is not None
        wf.charters.set_field(p05.id, "purpose", "Plan the new hub's opening")
        wf.charters.sign(p05.id, mentor="Kai Um", mentee="Lea Vo")
    return path


def test_the_issue_first_room_keeps_its_codes_check_ins_and_start_time(
    tmp_path: Path, app_data: Path
) -> None:
    room1 = room_one(tmp_path, app_data)
    # Room 2: a new file for the same launch, its sheet holds room 1's P04-P07 as P01-P04
    # (same mentor and mentee, other codes), without titles.
    sheet = pair_sheet(tmp_path / "room2.csv", [("P01", 3), ("P02", 4), ("P03", 5), ("P04", 6)],
                       titles=False)  # fmt: skip
    room2 = new_room(tmp_path, app_data, "room2.workshop", sheet)
    check_in(room1, "Pia Qu", True)  # the late check-in, after room 2's import
    before = attendance(room1)

    out = tmp_path / "all.workshop"
    printed = cli(app_data, "merge", out, room1, room2)

    assert codes_by_mentor(out) == codes_by_mentor(room1) == {
        "Ana Souza": "P01", "Cy Doe": "P02", "Ed Poe": "P03", "Gil Hay": "P04",
        "Kai Um": "P05", "Max Ng": "P06", "Ola Pi": "P07",
    }  # fmt: skip
    # Room 2's papers carry its own codes: each one that changed is listed, none silently.
    for line in ("P01 -> P04: Gil Hay & Ivy Jo (from room2.workshop)",
                 "P02 -> P05: Kai Um & Lea Vo (from room2.workshop)",
                 "P03 -> P06: Max Ng & Noa Oz (from room2.workshop)",
                 "P04 -> P07: Ola Pi & Pia Qu (from room2.workshop)"):  # fmt: skip
        assert line in printed
    assert printed.count(" -> ") == 4
    assert "No conflicts." in printed
    assert attendance(out) == before  # every check-in, the absence and the late one
    assert before[email("Noa Oz")][0] == 0 and before[email("Pia Qu")][0] == 1
    with WorkshopFile.open(out, readonly=True) as wf:
        assert wf.workshop().start_time == "08:30"
        p05 = wf.roster.pair_by_code("P05")
        assert p05 is not None and wf.roster.participant(p05.mentor_id).name == "Kai Um"
        charter = wf.charters.charter(p05.id)
        assert charter.value("purpose") == "Plan the new hub's opening"
        assert [s.version for s in charter.signoffs] == [1, 1]
        assert charter.version == 1  # room 2's empty copy changed nothing: still signed v1
        gil = wf.roster.participant_by_email(email("Gil Hay"))
        assert gil is not None and gil.title == "CTO"  # room 2's sheet had no titles

    again = tmp_path / "again.workshop"
    printed = cli(app_data, "merge", again, out, room1, room2)
    assert " -> " not in printed and "No conflicts." in printed
    assert codes_by_mentor(again) == codes_by_mentor(out) and attendance(again) == before


def test_same_pairs_keep_one_code_different_pairs_are_renamed_and_answers_meet(
    tmp_path: Path, app_data: Path
) -> None:
    room1 = room_one(tmp_path, app_data)
    # Room 2: room 1's P04-P06 under other codes, and a pair of its own that also took P04;
    # room 1's P07 is only in room 1.
    sheet = pair_sheet(tmp_path / "room2.csv", [("P01", 3), ("P02", 4), ("P03", 5), ("P04", 7)],
                       titles=False)  # fmt: skip
    room2 = new_room(tmp_path, app_data, "room2.workshop", sheet)
    with WorkshopFile.open(room2) as wf:
        wf.set_workshop_field("paper_size", "letter")  # set only here: kept, no conflict
    check_in(room2, "Gil Hay", True)  # present in both rooms: the same answer
    check_in(room2, "Kai Um", False)  # present in room 1, absent later in room 2: a conflict
    check_in(room2, "Quin Ray", True)
    check_in(room1, "Pia Qu", True)  # the late check-in
    before = attendance(room1)

    out = tmp_path / "all.workshop"
    printed = cli(app_data, "merge", out, room1, room2)

    codes = codes_by_mentor(out)
    assert {k: v for k, v in codes.items() if k != "Quin Ray"} == codes_by_mentor(room1)
    assert codes["Quin Ray"] == "P04-2"
    assert "P04 -> P04-2: Quin Ray & Rae Sol (from room2.workshop)" in printed
    assert "P01 -> P04: Gil Hay & Ivy Jo (from room2.workshop)" in printed
    assert printed.count(" -> ") == 4
    after = attendance(out)
    assert after[email("Gil Hay")] == before[email("Gil Hay")]  # the first check-in time
    assert after[email("Kai Um")][0] == 0  # the later answer
    assert after[email("Quin Ray")][0] == 1
    assert after[email("Rae Sol")] == (None, None)
    others = set(before) - {email("Kai Um")}
    assert {e: after[e] for e in others} == {e: before[e] for e in others}
    conflicts = [line for line in printed.splitlines() if "kept the version from" in line]
    assert len(conflicts) == 1 and "1 conflict " in printed
    assert conflicts[0].startswith("  Kai Um <kai.um@northwind.example>, attendance: kept the "
                                   "version from room2.workshop (absent")  # fmt: skip
    assert "room1.workshop had present" in conflicts[0]
    with WorkshopFile.open(out, readonly=True) as wf:
        w = wf.workshop()
        assert (w.start_time, w.paper_size) == ("08:30", "letter")
