"""Which of a pair's own troubleshooting plans answers a reason it is at risk, the library's
scenario for that situation, and what staff do next.

ONE table (`SITUATIONS`) maps each kind of reason to the library's scenario cards for it (in
the order they fit best), the words that name the situation when a pair wrote its plan in its
own words instead of from a card (in English, Italian, German or French), and the next step
for staff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.core.i18n import N_
from workshop_app.core.plain_text import plain

if TYPE_CHECKING:
    from workshop_app.core.content.model import Library
    from workshop_app.core.model import Plan


@dataclass(frozen=True, slots=True)
class Situation:
    scenarios: tuple[str, ...]  # library exercise ids, best fit first
    # Found in a plan's own "if this happens" text, in English, Italian, German or French, as
    # `plain` words (no accents, no case): stems, so "annul" is annullare and annuler.
    words: tuple[str, ...]
    next_step: str  # marked N_: translated where shown (the interface language)


SITUATIONS: dict[str, Situation] = {
    "cadence": Situation(
        ("scenario-partner-goes-silent", "scenario-mentor-too-busy",
         "scenario-repeated-cancellations"),
        ("quiet", "silent", "silence", "stop meeting", "stops meeting", "stop replying",
         "stops replying", "busy", "no time", "miss", "skip", "cancel", "drift", "lose touch",
         "lapse",
         "silenzi", "sparisc", "non risponde", "impegnat", "occupat", "non ha tempo",
         "poco tempo", "saltare", "saltiamo", "annul", "perdiamo i contatti", "perde i contatti",
         "funkstille", "meldet sich nicht", "keine zeit", "beschaftigt", "beschaeftigt",
         "absag", "abgesagt", "ausfall", "aus den augen",
         "ne repond plus", "ne repond pas", "disparait", "deborde", "pas le temps",
         "perdre le contact", "perdons le contact"),
        N_(
            "Call both partners: ask what is keeping them from meeting and help them book the "
            "next meeting."
        ),
    ),
    "no_contact": Situation(
        ("scenario-partner-goes-silent", "scenario-mentor-too-busy"),
        ("quiet", "silent", "silence", "stop replying", "stops replying", "no reply",
         "does not reply", "doesn't reply", "busy", "lose touch",
         "silenzi", "sparisc", "non risponde", "nessuna risposta", "impegnat", "occupat",
         "perdiamo i contatti", "funkstille", "meldet sich nicht", "keine antwort",
         "antwortet nicht", "beschaftigt", "beschaeftigt", "ne repond", "pas de reponse",
         "disparait", "deborde"),
        N_(
            "Ask both partners whether the first meeting took place, and offer to help them book "
            "it."
        ),
    ),
    "goal_stalled": Situation(
        ("scenario-stalled-goals", "scenario-nothing-to-talk-about"),
        ("stall", "stuck", "progress", "goal", "nothing to talk", "no longer fit",
         "stops fitting", "advice",
         "blocc", "non avanza", "obiettiv", "niente di cui parlare", "consigli",
         "non corrispond", "stockt", "festgefahren", "fortschritt", "ziel",
         "nichts zu besprechen", "ratschl", "passt nicht mehr", "bloqu", "stagn", "progres",
         "objectif", "rien a se dire", "conseil", "ne correspond plus"),
        N_(
            "Suggest they revisit the goal at their next meeting: smaller first steps, or a goal "
            "that fits better."
        ),
    ),
    "help": Situation(
        ("scenario-needs-more-help-referral",),
        ("help", "support", "referr", "out of our depth", "beyond",
         "aiut", "sostegno", "oltre le nostre", "fuori dalla nostra portata", "hilfe",
         "unterstutz", "unterstuetz", "uberford", "ueberford", "weitervermitt", "aide",
         "soutien", "orienter", "depasse"),
        N_(
            "Contact them within two working days and offer the program's support."
        ),
    ),
    "fit": Situation(
        ("scenario-personality-clash-rematch", "scenario-different-worlds"),
        ("fit", "clash", "match", "different worlds", "get on", "chemistry",
         "abbinament", "scontr", "chimica", "mondi diversi", "intesa", "non si concilia",
         "non andiamo d'accordo", "passt nicht", "chemie", "konflikt", "verschiedene welten",
         "verstehen uns nicht", "courant ne passe", "conflit", "incompatib",
         "mondes differents", "affinit"),
        N_(
            "Talk to each partner on their own, and offer a no-fault close and a new match."
        ),
    ),
    "satisfaction": Situation(
        ("scenario-mentor-lectures", "scenario-different-worlds",
         "scenario-personality-clash-rematch", "scenario-nothing-to-talk-about"),
        ("lecture", "listen", "useful", "value", "not working", "fit", "nothing to talk",
         "predic", "ascolt", "utile", "non funziona", "niente di cui parlare", "doziert",
         "vortr", "zuhor", "zuhoer", "bringt nichts", "nichts bring", "nutzlos",
         "funktioniert nicht", "sermon", "monologue", "ecout", "ne fonctionne pas",
         "ne marche pas"),
        N_(
            "Ask the partner who is unhappy, on their own, what is not working for them."
        ),
    ),
    "cancellations": Situation(
        ("scenario-repeated-cancellations", "scenario-chronic-lateness",
         "scenario-mentor-too-busy"),
        ("cancel", "postpone", "reschedul", "late", "busy", "peak week",
         "annul", "rimand", "rinvi", "spost", "ritard", "impegnat", "settimana di picco",
         "absag", "abgesagt", "verschieb", "verschob", "verspat", "verspaet", "beschaftigt",
         "beschaeftigt", "stosszeit", "hochsaison", "decal", "retard", "deborde",
         "semaine chargee"),
        N_(
            "Ask the pair to agree a shorter or fixed meeting slot that survives busy weeks."
        ),
    ),
    "concern": Situation(
        ("scenario-needs-more-help-referral", "scenario-confidentiality-breach",
         "scenario-boundary-crossing-request", "scenario-manager-asks-for-a-report"),
        ("concern", "confidential", "boundar", "manager", "help", "worried",
         "preoccup", "riservat", "confini", "aiut", "sorge", "bedenken", "vertraulich",
         "grenze", "vorgesetzt", "fuhrungskraft", "hilfe", "inquiet", "confidenti", "limite",
         "aide"),
        N_(
            "Follow the concern up with the person who raised it before the pair's next meeting."
        ),
    ),
    "checkpoint_overdue": Situation(
        ("scenario-partner-goes-silent",),
        ("check-in", "checkin", "review", "survey", "quiet", "silent",
         "verifica", "questionario", "silenzi", "umfrage", "fragebogen", "funkstille",
         "point d'etape", "questionnaire", "enquete", "silence"),
        N_(
            "Remind the pair of their checkpoint and send them the check-in form again."
        ),
    ),
}  # fmt: skip


def plan_for(kind: str, plans: Sequence[Plan], library: Library | None) -> tuple[str, str]:
    """The pair's own plan for the situation ("" if none fits) and the library scenario's
    title ("" without a library or a card)."""
    situation = SITUATIONS[kind]
    titles = _titles(situation.scenarios, library)
    chosen = _choose(situation, plans, titles)
    scenario = ""
    if chosen is not None and chosen.exercise_id in titles:
        scenario = titles[chosen.exercise_id]
    elif titles:
        scenario = next(iter(titles.values()))
    return (plan_text(chosen) if chosen is not None else ""), scenario


def plan_text(plan: Plan) -> str:
    """A plan as the pair wrote it, its situation and what they will do: "A peak week makes
    Daniel cancel: we swap to a 20-minute call that week"."""
    situation = " ".join(plan.scenario.split()).rstrip(" .:")
    action = " ".join(plan.plan.split())
    return f"{situation}: {action}" if situation and action else situation or action


def _titles(ids: Sequence[str], library: Library | None) -> dict[str, str]:
    if library is None:
        return {}
    return {i: library.exercises[i].title for i in ids if i in library.exercises}


def _choose(situation: Situation, plans: Sequence[Plan], titles: dict[str, str]) -> Plan | None:
    """By the card the plan was written from, else the card's title as its situation, else
    the situation's words in the pair's own text."""
    usable = [p for p in sorted(plans, key=lambda p: p.position) if p.plan.strip()]
    for scenario_id in situation.scenarios:
        for plan in usable:
            if plan.exercise_id == scenario_id:
                return plan
    by_title = {plain(t): i for i, t in titles.items()}
    for plan in usable:
        if plain(plan.scenario) in by_title:
            return plan
    for plan in usable:
        text = plain(plan.scenario)
        if any(word in text for word in situation.words):
            return plan
    return None
