"""`workshop-app follow-up`: the table, the filters, the JSON document, the nudges, and the
exit status, as staff and scripts run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run

from workshop_app.cli import main
from workshop_app.core.store.workshop_file import WorkshopFile

TODAY = "2027-09-14"


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "after.workshop"
    assert main(["demo", str(path), "--after-launch", "--today", TODAY]) == 0
    return path


def follow_up(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["follow-up", *args]) == 0
    return capsys.readouterr().out


def test_the_table_the_figures_and_the_pairs_at_risk(program, capsys) -> None:
    out = follow_up(capsys, str(program), "--today", TODAY)
    assert out.startswith("Accelerate Mentoring Program: follow-up on 14 September 2027\n")
    assert "  Pairs at risk                                    5 of 11\n" in out
    header = next(line for line in out.splitlines() if line.startswith("Pair "))
    assert header.split() == [
        "Pair",
        "Mentor",
        "&",
        "mentee",
        "Checkpoints",
        "Next",
        "due",
        "Health",
    ]
    assert "P03   Susan Fairweather & Kwame Mensah  day 30 done" in out
    assert "agreed every two weeks; last meeting 58 days ago (3 missed)" in out
    assert "At risk: 5 pairs" in out
    risk = out.split("At risk: 5 pairs", 1)[1]
    assert "P07  Catherine Brooks & Jamal Edwards\n" in risk
    assert "  - 2 cancellations in a row (the last on 11 September 2027)\n" in risk
    assert "    their plan: Repeated cancellations: whoever cancels books the new date" in risk
    assert "    scenario:   Repeated cancellations\n" in risk
    assert "    next step:  Ask the pair to agree a shorter or fixed meeting slot" in risk
    assert "their plan: (none in their charter for this)" in risk


def test_the_filters_narrow_the_list(program, capsys) -> None:
    at_risk = follow_up(capsys, str(program), "--today", TODAY, "--at-risk")
    table = at_risk.split("At risk:", 1)[0].splitlines()
    rows = [line.split()[0] for line in table if line[:1] == "P" and line[3:4] == " "]
    assert rows == ["P03", "P04", "P05", "P07", "P08"]
    due = json.loads(follow_up(capsys, str(program), "--today", TODAY, "--due", "--json"))
    assert due["filters"] == {"due": True, "at_risk": False}
    # P01 answered its day-90 check-in early: done, so not due.
    assert [p["code"] for p in due["pairs"]] == ["P03", "P05", "P07"]
    assert all(any(c["state"] == "due" for c in p["checkpoints"]) for p in due["pairs"])
    later = "2027-09-20"  # P02's and P09's day 90 come into the week; they are not at risk
    due = json.loads(follow_up(capsys, str(program), "--today", later, "--due", "--json"))
    both = json.loads(
        follow_up(capsys, str(program), "--today", later, "--due", "--at-risk", "--json")
    )
    assert {"P02", "P09"} <= {p["code"] for p in due["pairs"]}
    assert not {"P02", "P09"} & {p["code"] for p in both["pairs"]}
    assert all(p["at_risk"] for p in both["pairs"]) and both["pairs"]
    # A day when nothing matches says so.
    none = follow_up(capsys, str(program), "--today", "2027-06-10", "--due")
    assert none.rstrip().endswith("No pair matches.")


def test_the_json_document(program, capsys) -> None:
    doc = json.loads(follow_up(capsys, str(program), "--today", TODAY, "--json"))
    assert list(doc) == ["follow_up_version", "program", "today", "filters", "board", "pairs"]
    assert doc["follow_up_version"] == 1 and doc["today"] == TODAY
    assert doc["board"]["at_risk"] == {"label": "Pairs at risk", "count": 5, "out_of": 11}
    p07 = next(p for p in doc["pairs"] if p["code"] == "P07")
    assert list(p07) == [
        "code", "mentor", "mentee", "signed", "closed", "at_risk", "cadence", "cadence_days",
        "first_meeting", "last_meeting", "missed", "on_cadence", "checkins", "goals",
        "checkpoints", "next_due", "reasons", "words",
    ]  # fmt: skip
    assert p07["cadence_days"] == 14 and p07["at_risk"] is True
    assert p07["checkpoints"][0] == {
        "day": 30,
        "due": "2027-07-22",
        "state": "done",
        "known": "mentor and mentee checked in on 22 July 2027",
    }
    assert [r["kind"] for r in p07["reasons"]] == ["cadence", "cancellations"]
    assert set(p07["reasons"][0]) == {"kind", "text", "plan", "scenario", "next_step", "who"}
    p10 = next(p for p in doc["pairs"] if p["code"] == "P10")
    assert p10["next_due"] == {"day": 30, "due": None, "state": "unknown", "known": ""}
    assert p10["on_cadence"] is None and p10["first_meeting"] is None


def test_nudges_are_written_for_the_pairs_at_risk(program, capsys, tmp_path) -> None:
    out = follow_up(capsys, str(program), "--today", TODAY, "--nudges", str(tmp_path / "d"))
    assert out == f"Wrote 5 email drafts to {tmp_path / 'd'}.\n"
    assert len(list((tmp_path / "d").glob("*.eml"))) == 5
    out = follow_up(
        capsys, str(program), "--today", TODAY, "--nudges", str(tmp_path / "m"), "--to", "mentor"
    )
    assert "5 email drafts" in out
    p03 = (tmp_path / "m" / "P03 Susan Fairweather & Kwame Mensah.eml").read_bytes()
    assert b"To: Susan Fairweather <susan.fairweather@northwind.example>\r\n" in p03
    none = follow_up(
        capsys, str(program), "--today", "2027-06-10", "--due", "--nudges", str(tmp_path / "n")
    )
    assert none == "No pair is at risk: no drafts were written.\n"
    assert not (tmp_path / "n").exists()


def test_the_workshop_is_only_read(program, capsys) -> None:
    before = program.read_bytes()
    follow_up(capsys, str(program), "--today", TODAY)
    assert program.read_bytes() == before
    with WorkshopFile.open(program, readonly=True) as wf:
        assert wf.conn.execute("SELECT count(*) FROM checkins").fetchone()[0] > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--today", "14/09/2027"], "write the date as YYYY-MM-DD, not '14/09/2027'"),
        (["--to", "manager", "--nudges", "x"], "invalid choice: 'manager'"),
    ],
)
def test_a_mistyped_option_is_status_2(program, capsys, args, message) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["follow-up", str(program), *args])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_to_without_nudges_is_status_2(program, capsys) -> None:
    assert main(["follow-up", str(program), "--to", "mentee"]) == 2
    assert capsys.readouterr().err == "workshop-app follow-up: --to goes with --nudges DIR\n"


def test_from_the_real_command(tmp_path: Path, app_data: Path) -> None:
    missing = run("follow-up", str(tmp_path / "nope.workshop"), data=app_data)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    path = tmp_path / "after.workshop"
    made = run("demo", str(path), "--after-launch", "--today", TODAY, data=app_data)
    assert made.returncode == 0, made.stderr
    assert (
        made.stdout == f"Created the demo workshop {path} (12 pairs), 100 days after its launch\n"
    )
    done = run("follow-up", str(path), "--today", TODAY, "--at-risk", data=app_data)
    assert done.returncode == 0 and done.stderr == ""
    assert "At risk: 5 pairs" in done.stdout
    plain = run("demo", str(tmp_path / "plain.workshop"), "--today", TODAY, data=app_data)
    assert plain.returncode == 2 and "--today goes with --after-launch" in plain.stderr


def test_an_organisations_folder_that_is_not_there_is_named(program, capsys, tmp_path) -> None:
    assert main(["--content", str(tmp_path / "nope"), "follow-up", str(program)]) == 1
    assert capsys.readouterr().err == (
        f"workshop-app: --content {tmp_path / 'nope'}: there is no such folder.\n"
    )
