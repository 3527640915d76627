"""Every command explains itself: a description, help for every option, an example and the
exit status in its --help, and a line and a section in docs/cli.md (as sqlite-utils checks
its docs)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from cli_runner import run

from workshop_app.cli import PROG, build_parser, main

CLI_DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def commands() -> dict[str, argparse.ArgumentParser]:
    """Every subcommand there is when the test runs, by name."""
    parser = build_parser()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def help_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_has_a_description_an_example_and_the_exit_status(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = commands()[name]
    text = help_of(capsys, name)
    assert parser.description and len(parser.description) > 40, "no description"
    assert " ".join(parser.description.split()[:5]) in " ".join(text.split())
    examples = re.search(r"^examples?:\n((?:  .*\n)+)", text, re.MULTILINE)
    assert examples, "no example"
    assert all(
        line.startswith((f"  {PROG} {name}", f"  {PROG} --", "      "))
        for line in examples.group(1).splitlines()
    )
    assert f"  {PROG} " in examples.group(1) and f" {name} " in examples.group(1) + " "
    status = re.search(r"^exit status:\n((?:  .*\n?)+)", text, re.MULTILINE)
    assert status, "no exit status"
    codes = [line.split()[0] for line in status.group(1).splitlines() if line[2:3].isdigit()]
    assert codes == ["0", "1", "2"]


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_option_and_argument_has_help(name: str) -> None:
    missing = [
        action.dest
        for action in commands()[name]._actions
        if not isinstance(action, argparse._HelpAction)
        and (not action.help or action.help == argparse.SUPPRESS)
    ]
    assert missing == []


def test_the_command_itself_has_help_examples_and_exit_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = help_of(capsys)
    assert "examples:" in text and "exit status:" in text
    for name in commands():
        assert f"    {name}" in text  # listed with its one-line summary
    parser = build_parser()
    assert all(a.help for a in parser._actions if not isinstance(a, argparse._SubParsersAction))


def test_the_cli_page_lists_every_command_and_gives_each_a_section() -> None:
    text = CLI_DOC.read_text(encoding="utf-8")
    section = text.split("# The command line", 1)[1]
    block = section.split("```", 2)[1]
    listed = set(re.findall(rf"^{PROG} ([a-z-]+)", block, re.MULTILINE))
    assert set(commands()) <= listed, f"not in docs/cli.md: {set(commands()) - listed}"
    headed = set(re.findall(rf"^## `{PROG} ([a-z-]+)`$", text, re.MULTILINE))
    assert set(commands()) <= headed, f"no section in docs/cli.md: {set(commands()) - headed}"


def test_help_from_the_real_command(app_data: Path) -> None:
    done = run("charters", "--help", data=app_data)
    assert done.returncode == 0
    assert "exit status:" in done.stdout and done.stderr == ""
