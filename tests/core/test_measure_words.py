"""The program's own measures of success, as HR departments write them in English, Italian,
German and French, each matched to the figure of the outcomes report that speaks to it (""
when the app cannot see it)."""

from __future__ import annotations

from datetime import date

import pytest

from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.core.followup.measure_words import measure_figure
from workshop_app.core.followup.outcomes import outcomes
from workshop_app.core.store.workshop_file import WorkshopFile

ENGLISH = [
    ("Pairs meet at least monthly", "cadence"),
    ("80% of mentees report progress on a goal", "goals"),
    ("Average satisfaction of 4 out of 5", "satisfaction"),
    ("Fewer than 10% of pairs need a re-match", "fit"),
    ("Check-in response rate above 70%", "response"),
    ("Line managers are responsible for release time", ""),
    ("90% of pairs complete the program", "closed"),
    ("All charters signed within two weeks", "signed"),
    ("Sign-ups from every site", "attended"),
    ("A significant improvement in confidence", ""),
    ("Promotion rate after 12 months", ""),
]
ITALIAN = [
    ("Le coppie si incontrano almeno una volta al mese", "cadence"),
    ("Frequenza degli incontri rispettata dall'85% delle coppie", "cadence"),
    ("Incontri regolari tra mentor e mentee", "cadence"),
    ("Avanzamento sugli obiettivi di sviluppo", "goals"),
    ("Raggiungimento degli obiettivi concordati", "goals"),
    ("L'80% dei mentee dichiara progressi su almeno un obiettivo", "goals"),
    ("Piano di sviluppo individuale aggiornato", "goals"),
    ("Soddisfazione media dei partecipanti pari ad almeno 4 su 5", "satisfaction"),
    ("Gradimento del percorso", "satisfaction"),
    ("Il 90% consiglierebbe il programma a un collega", "satisfaction"),
    ("Qualità dell’abbinamento mentor-mentee", "fit"),
    ("Meno del 10% di riabbinamenti", "fit"),
    ("Tasso di risposta al questionario di metà percorso", "response"),
    ("Compilazione dei check-in a 30, 90 e 180 giorni", "response"),
    ("Coinvolgimento dei responsabili diretti", ""),
    ("Tasso di abbandono inferiore al 10%", "closed"),
    ("Coppie che portano a termine il percorso", "closed"),
    ("Accordi firmati entro due settimane dal workshop", "signed"),
    ("Partecipazione al workshop di lancio", "attended"),
    ("Numero di iscrizioni al programma", "attended"),
    ("Tasso di promozione interna a 12 mesi", ""),
    ("Avanzamento di carriera dei mentee", ""),
    ("Punteggio di engagement nell'indagine di clima", ""),
    ("Retribuzione dei partecipanti dopo 12 mesi", ""),
]
GERMAN = [
    ("Die Tandems treffen sich mindestens einmal im Monat", "cadence"),
    ("Regelmäßige Mentoringtreffen", "cadence"),
    ("Treffhäufigkeit wie vereinbart", "cadence"),
    ("Fortschritt bei den Entwicklungszielen", "goals"),
    ("Zielerreichung von mindestens 70 %", "goals"),
    ("80 % der Mentees berichten von Fortschritten bei mindestens einem Ziel", "goals"),
    ("Teilnehmerzufriedenheit von mindestens 4 von 5", "satisfaction"),
    ("Weiterempfehlungsrate über 80 %", "satisfaction"),
    ("Passung der Tandems", "fit"),
    ("Weniger als 10 % Neuzuordnungen", "fit"),
    ("Rücklaufquote der Umfragen über 70 %", "response"),
    ("Ruecklaufquote der Check-ins", "response"),
    ("Rückmeldungen im Fragebogen zur Halbzeit", "response"),
    ("Abbruchquote unter 10 %", "closed"),
    ("Anteil der Tandems mit regulärem Abschluss", "closed"),
    ("Unterzeichnete Vereinbarungen zwei Wochen nach dem Workshop", "signed"),
    ("Teilnahme am Auftaktworkshop", "attended"),
    ("Anzahl der Anmeldungen", "attended"),
    ("Interne Beförderungsquote der Teilnehmenden nach 12 Monaten", ""),
    ("Fluktuation im Vergleich zur Kontrollgruppe", ""),
    ("Ergebnisse der Mitarbeiterbefragung", ""),
    ("Die Erwartungen übertreffen", ""),
]
FRENCH = [
    ("Les binômes se rencontrent au moins une fois par mois", "cadence"),
    ("Rencontres régulières entre mentor et mentoré", "cadence"),
    ("Le mentoré met en œuvre son plan de développement", "goals"),
    ("Progrès sur les objectifs de développement", "goals"),
    ("Atteinte des objectifs fixés à 180 jours", "goals"),
    ("Satisfaction des participants d'au moins 4 sur 5", "satisfaction"),
    ("90 % recommanderaient le programme", "satisfaction"),
    ("Qualité des binômes", "fit"),
    ("Moins de 10 % de changements de binôme", "fit"),
    ("Adéquation des appariements", "fit"),
    ("Taux de réponse aux enquêtes", "response"),
    ("Questionnaires remplis aux points d’étape", "response"),
    ("Taux d'abandon inférieur à 10 %", "closed"),
    ("Binômes menés jusqu'au terme du programme", "closed"),
    ("Chartes signées dans les deux semaines", "signed"),
    ("Présence à l'atelier de lancement", "attended"),
    ("Nombre d'inscriptions", "attended"),
    ("Résultats attendus", ""),
    ("Taux de promotion interne au bout de 12 mois", ""),
    ("Mobilité interne des mentorés", ""),
    ("Rémunération comparée à celle des pairs", ""),
]


@pytest.mark.parametrize(("measure", "figure"), ENGLISH + ITALIAN + GERMAN + FRENCH)
def test_a_measure_finds_the_figure_that_speaks_to_it(measure, figure):
    assert measure_figure(measure) == figure


@pytest.mark.parametrize(
    "measure", ["QUALITÀ DELL'ABBINAMENTO", "qualita dell abbinamento", "Qualità dell`abbinamento"]
)
def test_accents_case_and_apostrophes_do_not_count(measure):
    assert measure_figure(measure) == "fit"


@pytest.mark.parametrize("lang", ["it", "de", "fr"])
def test_the_demo_programs_measures_in_its_own_language(tmp_path, lang):
    """The demo's measures (meetings, goal progress, promotions) in Italian, German and
    French: the first two speak to the report's figures, the third is outside the app."""
    today = date(2027, 5, 1)
    path = tmp_path / "demo.workshop"
    create_after_launch(path, today=today, language=lang).close()
    with WorkshopFile.open(path, readonly=True) as wf:
        result = outcomes(wf, today=today)
    assert [m.figure for m in result.measures] == ["cadence", "goals", ""]
    progress = {"it": "Progressi degli obiettivi", "de": "Zielfortschritt", "fr": "Progression"}
    assert result.measures[1].answer.startswith(progress[lang])
    not_measured = {
        "it": "non misurato dall'app",
        "de": "von der App nicht gemessen",
        "fr": "non mesuré par l'application",
    }
    assert result.measures[2].answer == not_measured[lang]
