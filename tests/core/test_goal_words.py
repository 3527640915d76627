"""The staff summary reads goals and program goals written in Italian, German and French as
it reads English ones: checkable measures, the program goal a goal names, goals that share a
program goal's words, and program goals that speak of working across sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.core.charters.goal_words import (
    checkable_measure,
    program_goal_number,
    speaks_of_mixing,
    theme_words,
)
from workshop_app.core.charters.summary_context import summary_context
from workshop_app.core.demo import create_demo


@pytest.mark.parametrize(
    ("measure", "checkable"),
    [
        ("Conduco quattro riunioni di pianificazione", True),
        ("Esame di certificazione superato", True),
        ("Budget approvato dal direttore", True),
        ("Piano dell'organico messo in pratica", True),
        ("Mi sento più sicuro", False),
        ("Un feedback dal mio responsabile", False),  # "un" is an article here
        ("Drei Kundengespräche selbst geführt", True),
        ("Zertifizierungsprüfung bestanden", True),
        ("Winterplan freigegeben", True),
        ("Ich fühle mich sicherer", False),
        ("Eine bessere Zusammenarbeit", False),
        ("Deux présentations au comité de direction", True),
        ("Examen de certification réussi", True),
        ("Plan d'effectifs mis en œuvre", True),
        ("Je me sens plus à l'aise", False),
        ("Une meilleure visibilité", False),
    ],
)
def test_a_measure_is_checkable_with_a_number_or_an_outcome(measure, checkable):
    assert checkable_measure(measure) is checkable


@pytest.mark.parametrize(
    ("why", "number"),
    [
        ("Prepares me for a team-lead role (program goal 1)", 1),
        ("Mi prepara a un ruolo di caposquadra (obiettivo 1 del programma)", 1),
        ("Serve l'obiettivo del programma n. 2", 2),
        ("Bereitet mich auf eine Teamleitung vor (Programmziel 3)", 3),
        ("Passt zu Programmziel Nr. 2", 2),
        ("Me prépare à un poste de chef d'équipe (objectif 1 du programme)", 1),
        ("Répond à l'objectif du programme n° 3", 3),
        ("Mi prepara a guidare un team", None),
    ],
)
def test_the_program_goal_a_goal_names(why, number):
    assert program_goal_number(why) == number


@pytest.mark.parametrize(
    ("goals", "mixing"),
    [
        ("Favorire la collaborazione trasversale", True),
        ("Mettere in contatto le diverse sedi", True),
        ("Bereichsübergreifende Zusammenarbeit stärken", True),
        ("Lager, Transport und Zentrale über die Standorte hinweg vernetzen", True),
        ("Décloisonner les services", True),
        ("Relier les équipes d'un site à l'autre", True),
        ("Preparare i futuri capisquadra", False),
        ("Nachwuchskräfte auf Führungsaufgaben vorbereiten", False),
    ],
)
def test_program_goals_that_speak_of_working_across_the_organisation(goals, mixing):
    assert speaks_of_mixing(goals) is mixing


def test_a_goal_and_a_program_goal_share_words_across_plural_and_accents():
    assert {"competenz", "digital"} <= theme_words("Sviluppare competenze digitali")
    assert {"competenz", "digital"} <= theme_words("Competenza digitale per tutti")
    assert {"kompetenz", "fuhrung"} <= theme_words("Führung und Kompetenzen")
    assert theme_words("della delle nostro perché") == set()


@pytest.mark.parametrize("language", ["en-GB", "it", "de", "fr"])
def test_the_demos_summary_links_every_goal_in_each_language(tmp_path: Path, language):
    """Every demo goal names its program goal in its own language, and the program's third
    goal speaks of sites: the summary links all 13 goals and shows the pair mix."""
    with create_demo(tmp_path / "demo.workshop", language=language) as wf:
        context = summary_context(wf)
    themes = context["goals"]["themes"]
    assert [t["count"] for t in themes] == [8, 2, 3, 0]
    assert context["mix"] is not None
    assert context["goals"]["smart"] >= 11
