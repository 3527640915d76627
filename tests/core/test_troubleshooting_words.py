"""A pair's own troubleshooting plan, written in its words in Italian, German or French
instead of from a card, is found for the reason the pair is at risk, as an English one is."""

from __future__ import annotations

import pytest

from workshop_app.core.followup.troubleshooting import plan_for
from workshop_app.core.model import Plan


def plans(*scenarios: str) -> list[Plan]:
    return [
        Plan(id=str(n), position=n, scenario=s, plan=f"plan {n}")
        for n, s in enumerate(scenarios, start=1)
    ]


OTHER = "Il progetto cambia in corsa"  # names no situation


@pytest.mark.parametrize(
    ("kind", "scenario"),
    [
        ("cancellations", "Una settimana di picco a Piacenza costringe Davide ad annullare"),
        ("cancellations", "Wenn einer von uns zweimal hintereinander absagt"),
        ("cancellations", "Si l'un de nous annule deux fois de suite"),
        ("cadence", "Se uno dei due sparisce per qualche settimana"),
        ("cadence", "Wenn Funkstille herrscht"),
        ("cadence", "Si l'un de nous ne répond plus"),
        ("no_contact", "Se l'altro non risponde ai messaggi"),
        ("no_contact", "Wenn sich jemand nicht meldet und keine Antwort kommt"),
        ("no_contact", "Si nous n'avons pas de réponse"),
        ("goal_stalled", "I consigli non corrispondono più a ciò che succede nel magazzino"),
        ("goal_stalled", "Wenn unser Ziel festgefahren ist"),
        ("goal_stalled", "Si l'objectif stagne"),
        ("help", "Se serve un aiuto che va oltre le nostre competenze"),
        ("help", "Wenn wir Unterstützung brauchen"),
        ("help", "Si la situation nous dépasse"),
        ("fit", "Se i nostri modi di lavorare non si conciliano"),
        ("fit", "Wenn die Chemie nicht stimmt"),
        ("fit", "Si le courant ne passe pas"),
        ("satisfaction", "Se il mentor fa la predica invece di ascoltare"),
        ("satisfaction", "Wenn die Treffen nichts bringen"),
        ("satisfaction", "Si le mentor ne fait que des monologues"),
        ("concern", "Se qualcosa di riservato esce dalla coppia"),
        ("concern", "Wenn der Vorgesetzte nach Details fragt"),
        ("concern", "Si quelque chose de confidentiel est répété"),
        ("checkpoint_overdue", "Se dimentichiamo il questionario di verifica"),
        ("checkpoint_overdue", "Wenn wir die Umfrage vergessen"),
        ("checkpoint_overdue", "Si nous oublions le point d'étape"),
    ],
)
def test_a_plan_in_the_pairs_own_words_is_found_in_each_language(kind, scenario):
    plan, _card = plan_for(kind, plans(OTHER, scenario), None)
    assert plan == f"{scenario}: plan 2"


def test_a_plan_that_names_no_situation_is_not_chosen():
    assert plan_for("cancellations", plans(OTHER), None) == ("", "")
