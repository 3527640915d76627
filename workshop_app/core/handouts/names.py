"""The handouts there are, by the short name the CLI's `--only` takes (kept apart from their
contexts: the command line lists them without loading the library or the renderer)."""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.core.i18n import N_


@dataclass(frozen=True, slots=True)
class Handout:
    name: str  # the short name `--only` takes
    title: str  # the file's name, and (in the charter language) the page's heading
    what: str  # one line for --help and the docs


HANDOUTS: tuple[Handout, ...] = (
    Handout("scenarios", N_("Scenario cards"), "every troubleshooting scenario, one to a page"),
    Handout(
        "observer", N_("Observer sheet"), "for the triads' observer: what to watch, round by round"
    ),
    Handout("grow", N_("GROW card"), "the GROW model and questions for each stage"),
    Handout("sbi", N_("SBI card"), "situation, behaviour, impact, with room to write one"),
    Handout(
        "smart", N_("SMART goal worksheet"), "a goal drafted in every part, and the SMART check"
    ),
    Handout(
        "charter", N_("Paper charter"), "the charter's 12 sections, blank, for drafting by hand"
    ),
    Handout("sign-in", N_("Sign-in sheet"), "every participant by name, with a column to sign"),
)
HANDOUT_BY_NAME = {h.name: h for h in HANDOUTS}
