"""The handouts there are, by the short name the CLI's `--only` takes (kept apart from their
contexts: the command line lists them without loading the library or the renderer)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Handout:
    name: str  # the short name `--only` takes
    title: str  # the file's name and the page's heading
    what: str  # one line for --help and the docs


HANDOUTS: tuple[Handout, ...] = (
    Handout("scenarios", "Scenario cards", "every troubleshooting scenario, one to a page"),
    Handout(
        "observer", "Observer sheet", "for the triads' observer: what to watch, round by round"
    ),
    Handout("grow", "GROW card", "the GROW model and questions for each stage"),
    Handout("sbi", "SBI card", "situation, behaviour, impact, with room to write one"),
    Handout("smart", "SMART goal worksheet", "a goal drafted in every part, and the SMART check"),
    Handout("charter", "Paper charter", "the charter's 12 sections, blank, for drafting by hand"),
    Handout("sign-in", "Sign-in sheet", "every participant by name, with a column to sign"),
)
HANDOUT_BY_NAME = {h.name: h for h in HANDOUTS}
