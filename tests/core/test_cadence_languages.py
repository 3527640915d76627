"""A custom cadence as a pair types it on the charter (Meetings: "Custom frequency", or changed
at a review), in English, Italian, German or French, with numbers in digits or words; the pair
is then judged by that interval."""

from __future__ import annotations

import pytest
from follow_up_records import agreed_pair, day, log

from workshop_app.core.followup.cadence import custom_days
from workshop_app.core.followup.health import follow_up

ENGLISH = [
    ("every 3 weeks", 21),
    ("two times every month", 15),
    ("once every two weeks", 14),
    ("a meeting twice monthly", 15),
    ("every second week", 14),
    ("2x a month", 15),
]
ITALIAN = [
    ("Ogni due settimane", 14),
    ("ogni 3 settimane, il martedì", 21),
    ("ogni settimana", 7),
    ("ogni mese, a pranzo", 30),
    ("ogni due mesi", 60),
    ("ogni quindici giorni", 15),
    ("ogni 10 giorni", 10),
    ("due volte al mese", 15),
    ("2 volte al mese", 15),
    ("tre volte al mese", 10),
    ("una volta al mese", 30),
    ("Una volta a settimana", 7),
    ("una volta alla settimana", 7),
    ("una volta ogni due settimane", 14),
    ("tutte le settimane", 7),
    ("una settimana sì e una no", 14),
    ("a settimane alterne", 14),
    ("settimanale", 7),
    ("Incontri mensili in presenza", 30),
    ("mensilmente", 30),
    ("quindicinale, il venerdì", 14),
    ("bimensile", 15),
    ("bimestrale", 60),
    ("quando possiamo", None),
    ("il martedì alle 18", None),
    ("bisettimanale", None),  # twice a week to some, every two weeks to others
]
GERMAN = [
    ("alle zwei Wochen", 14),
    ("Alle 3 Wochen", 21),
    ("alle 14 Tage", 14),
    ("alle vierzehn Tage", 14),
    ("jede Woche", 7),
    ("jeden Monat", 30),
    ("jede zweite Woche", 14),
    ("zweimal im Monat", 15),
    ("2-mal im Monat", 15),
    ("einmal im Monat", 30),
    ("ein Mal pro Woche", 7),
    ("einmal die Woche", 7),
    ("dreimal im Monat", 10),
    ("zweimal monatlich", 15),
    ("wöchentlich", 7),
    ("woechentlich", 7),
    ("monatlich, meist dienstags", 30),
    ("vierzehntäglich", 14),
    ("vierzehntägig", 14),
    ("14-tägig", 14),
    ("zweiwöchentlich", 14),
    ("im Zwei-Wochen-Rhythmus", 14),
    ("im Monatsrhythmus", 30),
    ("nach Absprache", None),
]
FRENCH = [
    ("toutes les deux semaines", 14),
    ("Toutes les 3 semaines", 21),
    ("tous les quinze jours", 15),
    ("tous les mois", 30),
    ("chaque semaine", 7),
    ("deux fois par mois", 15),
    ("2 fois par mois", 15),
    ("trois fois par mois", 10),
    ("une fois par mois", 30),
    ("une fois par semaine", 7),
    ("une fois toutes les deux semaines", 14),
    ("une semaine sur deux", 14),
    ("un mois sur deux", 60),
    ("hebdomadaire", 7),
    ("mensuel", 30),
    ("Rencontres mensuelles", 30),
    ("bimensuel", 15),  # twice a month, not every two months
    ("bimensuelle, le jeudi", 15),
    ("bimestriel", 60),
    ("quand nous le pouvons", None),
    ("bihebdomadaire", None),  # twice a week to some, every two weeks to others
]


@pytest.mark.parametrize(("words", "days"), ENGLISH + ITALIAN + GERMAN + FRENCH)
def test_a_custom_cadence_in_each_language(words, days):
    assert custom_days(words) == days


@pytest.mark.parametrize(
    ("words", "days"),
    [("ogni tre settimane", 21), ("alle drei Wochen", 21), ("toutes les trois semaines", 21)],
)
def test_a_pair_is_judged_by_the_interval_it_wrote_in_its_language(new_workshop, words, days):
    wf = new_workshop
    pair = agreed_pair(wf, 1, frequency="custom", custom=words)
    log(wf, pair, "2027-02-01", "meeting", "both")
    # Half an interval of grace: on cadence 31 days after the last meeting, behind at 32.
    (on_time,) = follow_up(wf, today=day("2027-03-04")).pairs
    assert (on_time.cadence, on_time.cadence_days) == (words, days)
    assert "cadence" not in [r.kind for r in on_time.reasons]
    (late,) = follow_up(wf, today=day("2027-03-05")).pairs
    assert "cadence" in [r.kind for r in late.reasons]
