"""The CLI contract, run as the real command in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run


def test_new_then_info(tmp_path: Path, app_data: Path) -> None:
    path = tmp_path / "spring.workshop"
    done = run(
        "new",
        str(path),
        "--program",
        "Lift",
        "--organisation",
        "Acme",
        "--date",
        "2027-03-01",
        data=app_data,
    )
    assert done.returncode == 0, done.stderr
    assert path.exists()
    info = run("info", str(path), "--json", data=app_data)
    assert info.returncode == 0
    data = json.loads(info.stdout)
    assert data["workshop"]["program"] == "Lift"
    assert data["charters"] == {"pairs": 0, "complete": 0, "signed": 0, "edited_since_signing": 0}


def test_new_without_a_suffix_adds_one(tmp_path: Path, app_data: Path) -> None:
    done = run(
        "new",
        str(tmp_path / "spring"),
        "--program",
        "Lift",
        "--organisation",
        "Acme",
        "--date",
        "2027-03-01",
        data=app_data,
    )
    assert done.returncode == 0
    assert (tmp_path / "spring.workshop").exists()


def test_demo_has_twelve_pairs_in_every_state(tmp_path: Path, app_data: Path) -> None:
    path = tmp_path / "demo.workshop"
    assert run("demo", str(path), data=app_data).returncode == 0
    data = json.loads(run("info", str(path), "--json", data=app_data).stdout)
    pairs = data["pairs"]
    assert len(pairs) == 12
    assert 0 < data["charters"]["complete"] < 12
    assert data["charters"]["signed"] == 1
    half = [p for p in pairs if not p["complete"] and len(p["missing_sections"]) < 10]
    assert half, "some charters are half-filled"
    assert data["attendance"]["absent"] == 1
    text = run("info", str(path), data=app_data).stdout
    assert "charters complete: 5 of 12" in text
    assert "P01" in text and "signed v1" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("info", "{missing}"), "There is no file"),
        (("info", "{foreign}"), "not a workshop file"),
        (
            ("new", "{existing}", "--program", "X", "--organisation", "Y", "--date", "2027-01-01"),
            "already exists",
        ),
        (
            ("new", "{fresh}", "--program", "X", "--organisation", "Y", "--date", "01/02/2027"),
            "YYYY-MM-DD",
        ),
        (("demo", "{existing}"), "already exists"),
    ],
)
def test_user_errors_exit_1_with_one_line(
    tmp_path: Path, app_data: Path, args: tuple[str, ...], message: str
) -> None:
    foreign = tmp_path / "foreign.workshop"
    foreign.write_text("hello")
    existing = tmp_path / "existing.workshop"
    existing.write_text("keep me")
    names = {
        "missing": tmp_path / "missing.workshop",
        "foreign": foreign,
        "existing": existing,
        "fresh": tmp_path / "fresh.workshop",
    }
    done = run(*(a.format(**names) for a in args), data=app_data)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert existing.read_text() == "keep me"
    assert foreign.read_text() == "hello"


@pytest.mark.parametrize("args", [("bogus",), ("new", "x.workshop"), ("info",), ("--nope",)])
def test_bad_usage_exits_2(app_data: Path, args: tuple[str, ...]) -> None:
    done = run(*args, data=app_data)
    assert done.returncode == 2
    assert "usage:" in done.stderr


def test_info_works_while_the_app_has_the_file_open(tmp_path: Path, app_data: Path) -> None:
    from workshop_app.core.demo import create_demo

    path = tmp_path / "live.workshop"
    with create_demo(path):
        done = run("info", str(path), data=app_data)
    assert done.returncode == 0, done.stderr
    assert "P12" in done.stdout


def test_check_content_passes_on_the_shipped_library(app_data: Path) -> None:
    done = run("check-content", data=app_data)
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout


def test_check_content_says_which_exercises_each_language_lacks(
    tmp_path: Path, app_data: Path
) -> None:
    from workshop_app.core.content.library import content_coverage

    italian = next(c for c in content_coverage() if c.language == "it")
    done = run("check-content", data=app_data)
    assert done.returncode == 0, done.stderr  # a missing translation is not a problem
    total = len(italian.exercises) + len(italian.missing_exercises)
    assert f"it: {len(italian.exercises)} of {total} exercises, 4 of 4 agendas" in done.stdout
    assert "de: none" in done.stdout and "fr: none" in done.stdout
    # An organisation's exercise with no Italian is named among those Italian lacks.
    english = tmp_path / "icebreaker.md"
    english.write_text(
        "---\nid: icebreaker\ntitle: Icebreaker\nkind: logistics\nminutes: 10\n"
        "format: plenary\naudience: everyone\n---\n\n## Room prompt\n\nSay hello.\n\n"
        "## Facilitator notes\n\nSmile.\n",
        encoding="utf-8",
    )
    done = run("check-content", str(tmp_path), data=app_data)
    assert done.returncode == 0, done.stderr
    assert "icebreaker" in done.stdout.split("it:")[1].splitlines()[0]
    # A translation that changes the exercise's minutes is a real problem: status 1.
    (tmp_path / "it").mkdir()
    (tmp_path / "it" / "icebreaker.md").write_text(
        english.read_text(encoding="utf-8")
        .replace("minutes: 10", "minutes: 15")
        .replace("Say hello.", "Salutare."),
        encoding="utf-8",
    )
    done = run("check-content", str(tmp_path), data=app_data)
    assert done.returncode == 1
    assert str(Path("it") / "icebreaker.md") in done.stderr and "minutes" in done.stderr
    assert f"it: {len(italian.exercises)} of {total + 1} exercises" in done.stdout


def test_check_content_names_file_and_field_of_each_problem(tmp_path: Path, app_data: Path) -> None:
    (tmp_path / "icebreaker.md").write_text(
        "---\nid: icebreaker\ntitle: Icebreaker\nkind: party\nminutes: 10\nformat: plenary\n"
        "audience: everyone\ncaptures: [horoscope]\n---\n\n## Room prompt\n\nSay hello.\n",
        encoding="utf-8",
    )
    done = run("check-content", str(tmp_path), data=app_data)
    assert done.returncode == 1
    assert "icebreaker.md" in done.stderr
    assert "kind" in done.stderr and "horoscope" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("argv", "opened"), [(["open"], None), (["open", "spring.workshop"], Path("spring.workshop"))]
)
def test_open_without_a_file_starts_as_the_menu_entry_does(
    monkeypatch: pytest.MonkeyPatch, app_data: Path, argv: list[str], opened: Path | None
) -> None:
    """The menu entry runs `workshop-app open %f`, which is `open` alone from the menu."""
    from workshop_app import cli
    from workshop_app.ui import launch

    calls = []
    monkeypatch.setattr(launch, "run_app", lambda path, **_kw: calls.append(path) or 0)
    assert cli.main(argv) == 0
    assert calls == [opened]
