"""The command line speaks the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): its
help, what it prints and its messages, with the file, row and column filled in; the exit
codes stay what scripts rely on. Each expected line is read from the catalogue, not copied."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from cli_runner import run as run_cli

from workshop_app.core.i18n import translations

ITALIAN = {"LANG": "it_IT.UTF-8"}
GERMAN = {"LANGUAGE": "de", "LANG": "en_US.UTF-8"}
FRENCH = {"LC_ALL": "fr_FR.UTF-8"}


def in_language(lang: str, message: str) -> str:
    """`message` as the catalogue of `lang` has it; never the English (that would prove
    nothing)."""
    translated = translations(lang).gettext(message)
    assert translated != message, f"{message!r} has no {lang} translation"
    return translated


def plural(lang: str, singular: str, plural_: str, n: int) -> str:
    translated = translations(lang).ngettext(singular, plural_, n)
    assert translated not in (singular, plural_), f"{singular!r} has no {lang} translation"
    return translated


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`workshop-app ARGS` in a child process with `environ` as its language settings."""

    def in_env(environ: dict[str, str], *args: str):
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return run_cli(*args, data=tmp_path / "data")

    return in_env


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "spring.workshop"
    done = run_cli(
        "new",
        str(path),
        "--program",
        "Accelerate",
        "--organisation",
        "Northwind",
        "--date",
        "2027-03-09",
        data=tmp_path / "data",
    )
    assert done.returncode == 0, done.stderr
    return path


def test_info_in_italian(run, workshop: Path) -> None:
    done = run(ITALIAN, "info", str(workshop))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    pairs = "Pairs: {pairs}, charters complete: {complete} of {pairs}, signed: {signed}"
    assert lines[1] == in_language("it", pairs).format(pairs=0, complete=0, signed=0)
    attendance = (
        "Attendance: {present} present, {absent} absent, {unknown} not checked in (of {total})"
    )
    assert lines[2] == in_language("it", attendance).format(present=0, absent=0, unknown=0, total=0)


def test_a_bad_roster_row_is_named_in_german_and_nothing_is_imported(
    run, workshop: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Role,Name,Email,Pair Code\n"
        "mentor,Ann Rossi,ann@example.org,P01\n"
        "mentee,Bob Weber,bob.example.org,P01\n",
        encoding="utf-8",
    )
    done = run(GERMAN, "import", str(workshop), str(roster))
    assert done.returncode == 1
    heading, *details = done.stderr.splitlines()
    assert heading == "workshop-app: " + plural(
        "de",
        "{source} has {n} problem; nothing was imported.",
        "{source} has {n} problems; nothing was imported.",
        1,
    ).format(source="roster.csv", n=1)
    place = in_language("de", "{source}, row {row}, column '{column}'").format(
        source="roster.csv", row=3, column="Email"
    )
    problem = in_language("de", "{text} is not an email address").format(text="'bob.example.org'")
    # "{place}: {problem}" reads the same in German as in English.
    assert details == [
        "  " + translations("de").gettext("{place}: {problem}").format(place=place, problem=problem)
    ]
    info = run(GERMAN, "info", str(workshop), "--json")
    assert '"mentors": 0' in info.stdout  # all or nothing: the good row was not imported


def test_a_missing_file_in_italian(run, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.workshop"
    done = run(ITALIAN, "info", str(missing))
    assert done.returncode == 1
    assert done.stderr.strip() == "workshop-app: " + in_language(
        "it", "There is no file {path}."
    ).format(path=missing)


def test_help_in_german_keeps_its_examples_and_exit_codes(run) -> None:
    done = run(GERMAN, "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert in_language("de", "import a roster (CSV or XLSX) into a workshop") in text
    assert in_language("de", "exit status:") in done.stdout
    assert done.stdout.startswith(in_language("de", "usage: ") + "workshop-app ")
    assert in_language("de", "show this help message and exit") in done.stdout
    assert "  workshop-app open spring.workshop" in done.stdout  # examples as written
    done = run(GERMAN, "import", "--help")
    assert done.returncode == 0
    assert in_language("de", "show what would be imported, and change nothing") in " ".join(
        done.stdout.split()
    )
    status = done.stdout.split(in_language("de", "exit status:"), 1)[1].splitlines()[1:]
    assert [line.split()[0] for line in status if line[2:3].isdigit()] == ["0", "1", "2"]


def test_usage_errors_keep_exit_code_2_in_any_language(run) -> None:
    assert run(ITALIAN, "import").returncode == 2
    assert run(FRENCH, "no-such-command").returncode == 2


def test_argparse_own_messages_in_italian_and_german(run) -> None:
    """argparse's usage line and errors come from the app's catalogue, not English."""
    done = run(ITALIAN, "import")
    assert done.stderr.startswith(in_language("it", "usage: ") + "workshop-app import ")
    required = in_language("it", "the following arguments are required: %s") % ""
    assert "errore: " + required in done.stderr, done.stderr
    done = run(GERMAN, "no-such-command")
    assert done.returncode == 2
    assert "Fehler: " in done.stderr and "ungültige Auswahl: 'no-such-command'" in done.stderr
    assert "Sie aus" in done.stderr and "usage" not in done.stderr
    done = run(GERMAN, "import", "--help")
    assert in_language("de", "show this help message and exit") in done.stdout


def test_created_in_french(run, tmp_path: Path) -> None:
    path = tmp_path / "automne.workshop"
    done = run(
        FRENCH,
        *("new", str(path), "--program", "P", "--organisation", "O", "--date", "2027-10-05"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == in_language("fr", "Created {path}").format(path=path)


def test_english_when_the_system_asks_for_a_language_the_app_lacks(run, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.workshop"
    done = run({"LANG": "pt_BR.UTF-8"}, "info", str(missing))
    assert done.stderr.strip() == f"workshop-app: There is no file {missing}."


@pytest.fixture
def after_launch(tmp_path: Path) -> Path:
    """The demo program 100 days after its launch (pairs at risk), its workshop in English."""
    path = tmp_path / "after.workshop"
    done = run_cli(
        "demo", str(path), "--after-launch", "--today", "2027-04-29", data=tmp_path / "data"
    )
    assert done.returncode == 0, done.stderr
    return path


def test_follow_up_in_italian(run, after_launch: Path) -> None:
    done = run(ITALIAN, "follow-up", str(after_launch), "--today", "2027-04-29", "--at-risk")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # The coordinator's screen: the words and their dates in the interface language, though
    # the workshop is in English.
    assert lines[0] == in_language("it", "{program}: follow-up on {day}").format(
        program="Accelerate Mentoring Program", day="29 aprile 2027"
    )
    assert lines[2].split()[0] == in_language("it", "Pairs")
    header = lines[lines.index("") + 1 :][9]
    assert header.split()[:1] == [in_language("it", "Pair")]
    assert in_language("it", "Next due") in header
    at_risk = plural("it", "At risk: {n} pair", "At risk: {n} pairs", 5).format(n=5)
    assert at_risk in lines
    assert any(line.strip().startswith(in_language("it", "next step:")) for line in lines), (
        done.stdout
    )


def test_a_check_in_problem_in_italian_names_its_row_and_column(
    run, workshop: Path, tmp_path: Path
) -> None:
    export = tmp_path / "check-in.csv"
    goal = "How far has goal 1 of your charter moved? (1 = not started, 5 = achieved)"
    export.write_text(
        f'Timestamp,"Your pair code (on your charter, e.g. P07)","{goal}"\n'
        "3/10/2027 14:03:22,P01,7\n",
        encoding="utf-8",
    )
    before = workshop.read_bytes()
    done = run(ITALIAN, "checkins", "import", str(workshop), str(export), "--today", "2027-06-01")
    assert done.returncode == 1
    heading, *details = done.stderr.splitlines()
    assert heading == "workshop-app: " + plural(
        "it",
        "{source} has {n} problem; nothing was imported.",
        "{source} has {n} problems; nothing was imported.",
        2,
    ).format(source="check-in.csv", n=2)
    it = translations("it")

    def line(column: str, problem: str) -> str:
        place = in_language("it", "{source}, row {row}, column '{column}'").format(
            source="check-in.csv", row=2, column=column
        )
        return "  " + it.gettext("{place}: {problem}").format(place=place, problem=problem)

    no_pair = in_language("it", "matches no pair in this workshop ({said})").format(
        said=in_language("it", "code {code}").format(code="'P01'")
    )
    assert details == [
        line(goal, in_language("it", "{text} is not from 1 to 5").format(text="'7'")),
        line("Your pair code (on your charter, e.g. P07)", no_pair),
    ]
    assert workshop.read_bytes() == before  # nothing imported, nothing changed


def test_a_nudge_in_german_whatever_the_interface_speaks(run, tmp_path: Path) -> None:
    path = tmp_path / "nachher.workshop"
    done = run_cli(
        *("demo", str(path), "--after-launch", "--today", "2027-04-29", "--language", "de"),
        data=tmp_path / "data",
    )
    assert done.returncode == 0, done.stderr
    drafts = tmp_path / "entwuerfe"
    done = run(ITALIAN, "follow-up", str(path), "--today", "2027-04-29", "--nudges", str(drafts))
    assert done.returncode == 0, done.stderr
    # What was written is said to the person at the keyboard, in Italian ...
    wrote = plural(
        "it", "Wrote {n} email draft to {folder}", "Wrote {n} email drafts to {folder}", 5
    ).format(n=5, folder=drafts)
    assert done.stdout.strip() == wrote + "."
    # ... and the draft to the pair in the workshop's German, its dates too.
    eml = drafts / "P07 Katharina Berger & Jonas Lindner.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    subject = "{program}: checking in on your mentoring ({code})"
    assert message["Subject"] == plural("de", subject, subject, 2).format(
        program="Mentoring-Programm Aufwind", code="P07"
    )
    body = message.get_content().splitlines()
    assert body[0] == in_language("de", "Dear {first} and {second},").format(
        first="Katharina Berger", second="Jonas Lindner"
    )
    assert in_language("de", "What we noticed:") in body
    cancelled = plural(
        "de",
        "We noticed {n} cancellation in a row (the last on {date}).",
        "We noticed {n} cancellations in a row (the last on {date}).",
        2,
    ).format(n=2, date="26. April 2027")
    assert "- " + cancelled in body
    assert in_language("de", "Best wishes,") in body
