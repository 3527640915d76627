"""Check-in answers as people type them in Italian, German and French: fit ("non sono ancora
sicuro" is still deciding, not "not a fit"), yes or no ("Gerne", "Pas pour l'instant") and
meetings held in words ("due", "zwei Treffen", "jamais")."""

from __future__ import annotations

from datetime import date

import pytest

from workshop_app.core.followup.survey_mapping import parse_answer


def read(meaning: str, text: str):
    return parse_answer(meaning, text, separator=";", day_first=True, submitted=date(2027, 5, 1))


@pytest.mark.parametrize(
    ("text", "fit"),
    [
        ("Non sono ancora sicuro", "deciding"),
        ("non sono sicura", "deciding"),
        ("Troppo presto per dirlo", "deciding"),
        ("Noch nicht sicher", "deciding"),
        ("Ich bin unsicher", "deciding"),
        ("Zu früh, um das zu sagen", "deciding"),
        ("Je ne suis pas encore sûre", "deciding"),
        ("Trop tôt pour le dire", "deciding"),
        ("On verra", "deciding"),
        ("Non funziona", "not_a_fit"),
        ("Passt leider nicht", "not_a_fit"),
        ("Ça se passe mal", "not_a_fit"),
        ("Ottimo", "good"),
        ("Non male", "good"),
        ("Nicht schlecht", "good"),
        ("Pas mal", "good"),
        ("Très bien", "good"),
    ],
)
def test_fit_in_each_language(text, fit):
    assert read("fit", text) == (fit, None)


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        ("Sì, grazie", 1),
        ("Volentieri", 1),
        ("Certo", 1),
        ("Gerne", 1),
        ("Volontiers", 1),
        ("No, grazie", 0),
        ("Nessun bisogno", 0),
        ("Nicht nötig", 0),
        ("Kein Bedarf", 0),
        ("Pas pour l'instant", 0),
        ("Aucun besoin", 0),
    ],
)
def test_yes_or_no_in_each_language(text, wants):
    assert read("wants_help", text) == (wants, None)


@pytest.mark.parametrize(
    ("text", "meetings"),
    [
        ("due", 2),
        ("Tre incontri", 3),
        ("un incontro", 1),
        ("mai", 0),
        ("zwei Treffen", 2),
        ("Einmal", 1),
        ("noch nie", 0),
        ("deux", 2),
        ("Trois rencontres", 3),
        ("jamais", 0),
        ("4", 4),
    ],
)
def test_meetings_held_in_words(text, meetings):
    assert read("meetings_held", text) == (meetings, None)


def test_words_that_are_no_number_are_still_a_problem():
    value, problem = read("meetings_held", "parecchi")
    assert value is None and problem == "'parecchi' is not a number"
