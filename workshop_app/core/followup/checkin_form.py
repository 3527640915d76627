"""The ready check-in form: questions to paste into Microsoft Forms, Google Forms or Qualtrics.

Its questions map themselves when the export comes back (`survey_mapping` knows their exact
words), and its choices are in the order whose codes a Qualtrics export of codes gives (1, 2,
...). Every word of it is here, by language, so that a translation adds one entry to `TEXTS`.

The words stay in this table rather than the catalogue: the form is in the workshop's
language, and an export of any language's form maps itself, so every language's exact
questions are needed at once (`ready_questions`), whatever language the app speaks.
Each translation's choices are ones `survey_mapping` reads (a role, a fit, yes or no).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.core.model import Workshop


@dataclass(frozen=True, slots=True)
class FormQuestion:
    meaning: str  # what the answer is, as survey_mapping names it
    text: str
    kind: str  # the question type to choose in the form tool, in words
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True, slots=True)
class FormText:
    title: str
    intro: str
    how_to: str
    required: str
    questions: tuple[FormQuestion, ...]


def _scale(low: str, high: str) -> tuple[str, ...]:
    return (f"1 - {low}", "2", "3", "4", f"5 - {high}")


_GOAL = "How far has goal {n} of your charter moved? (1 = not started, 5 = achieved)"
TEXTS: dict[str, FormText] = {
    "en": FormText(
        title="{program}: check-in",
        intro=(
            "A few questions about how your mentoring pair is going. Your answers go to the "
            "program team ({organisation}) and help them support you."
        ),
        how_to=(
            "Make a new form with these questions, in this order, with these answer choices "
            "(Microsoft Forms, Google Forms or Qualtrics). Export the responses as they come "
            "and import them with Follow-up > Import check-in survey."
        ),
        required="required",
        questions=(
            FormQuestion(
                "pair_code",
                "Your pair code (on your charter, e.g. P07)",
                "short text",
                required=True,
            ),
            FormQuestion(
                "role", "Are you the mentor or the mentee?", "choice", ("Mentor", "Mentee"), True
            ),
            FormQuestion(
                "checkpoint",
                "Which checkpoint is this check-in for?",
                "choice",
                ("Day 30", "Day 90", "Day 180"),
            ),
            FormQuestion(
                "meetings_held",
                "How many times have you met since the last checkpoint?",
                "number",
            ),
            FormQuestion("last_meeting", "When did you last meet?", "date"),
            FormQuestion("goal1", _GOAL.format(n=1), "choice", _scale("not started", "achieved")),
            FormQuestion("goal2", _GOAL.format(n=2), "choice", _scale("not started", "achieved")),
            FormQuestion("goal3", _GOAL.format(n=3), "choice", _scale("not started", "achieved")),
            FormQuestion(
                "fit",
                "How is the pairing working for you?",
                "choice",
                ("A good fit", "Still deciding", "Not a fit"),
            ),
            FormQuestion(
                "satisfaction",
                "How satisfied are you with the mentoring so far? (1 = not at all, 5 = very)",
                "choice",
                _scale("not at all", "very"),
            ),
            FormQuestion(
                "wants_help",
                "Would you like help from the program team?",
                "choice",
                ("Yes, we'd like help from the program team", "No, not now"),
            ),
            FormQuestion(
                "comment", "Anything else you want the program team to know?", "long text"
            ),
        ),
    ),
    "it": FormText(
        title="{program}: check-in",
        intro=(
            "Alcune domande sull'andamento della Sua coppia di mentoring. Le risposte vanno "
            "allo staff del programma ({organisation}) e lo aiutano a sostenerLa."
        ),
        how_to=(
            "Crei un nuovo modulo con queste domande, in quest'ordine e con queste risposte "
            "(Microsoft Forms, Google Forms o Qualtrics). Esporti le risposte man mano che "
            "arrivano e le importi con Follow-up > Importa sondaggio di check-in."
        ),
        required="obbligatoria",
        questions=(
            FormQuestion(
                "pair_code",
                "Il codice della Sua coppia (sul Suo accordo di mentoring, ad es. P07)",
                "testo breve",
                required=True,
            ),
            FormQuestion(
                "role", "Lei è il mentor o il mentee?", "scelta", ("Mentor", "Mentee"), True
            ),
            FormQuestion(
                "checkpoint",
                "A quale verifica si riferisce questo check-in?",
                "scelta",
                ("Giorno 30", "Giorno 90", "Giorno 180"),
            ),
            FormQuestion(
                "meetings_held",
                "Quante volte vi siete incontrati dall'ultima verifica?",
                "numero",
            ),
            FormQuestion("last_meeting", "Quando vi siete incontrati l'ultima volta?", "data"),
            *(
                FormQuestion(
                    f"goal{n}",
                    f"Quanto è avanzato l'obiettivo {n} del Suo accordo? "
                    "(1 = non iniziato, 5 = raggiunto)",
                    "scelta",
                    _scale("non iniziato", "raggiunto"),
                )
                for n in (1, 2, 3)
            ),
            FormQuestion(
                "fit",
                "Come funziona per Lei l'abbinamento?",
                "scelta",
                ("Un buon abbinamento", "Ancora da decidere", "Non funziona"),
            ),
            FormQuestion(
                "satisfaction",
                "Quanto è soddisfatto/a del mentoring finora? (1 = per niente, 5 = molto)",
                "scelta",
                _scale("per niente", "molto"),
            ),
            FormQuestion(
                "wants_help",
                "Desidera un aiuto dallo staff del programma?",
                "scelta",
                ("Sì, vorremmo un aiuto dallo staff del programma", "No, non ora"),
            ),
            FormQuestion(
                "comment",
                "C'è altro che desidera far sapere allo staff del programma?",
                "testo lungo",
            ),
        ),
    ),
    "de": FormText(
        title="{program}: Check-in",
        intro=(
            "Einige Fragen dazu, wie es in Ihrem Mentoring-Tandem läuft. Ihre Antworten gehen "
            "an das Programmteam ({organisation}) und helfen ihm, Sie zu unterstützen."
        ),
        how_to=(
            "Legen Sie ein neues Formular mit diesen Fragen an, in dieser Reihenfolge und mit "
            "diesen Antwortmöglichkeiten (Microsoft Forms, Google Forms oder Qualtrics). "
            "Exportieren Sie die Antworten, sobald sie eingehen, und importieren Sie sie mit "
            "Begleitung > Check-in-Umfrage importieren."
        ),
        required="Pflichtfrage",
        questions=(
            FormQuestion(
                "pair_code",
                "Ihr Tandem-Code (auf Ihrer Mentoring-Vereinbarung, z. B. P07)",
                "kurzer Text",
                required=True,
            ),
            FormQuestion(
                "role",
                "Sind Sie Mentor/Mentorin oder Mentee?",
                "Auswahl",
                ("Mentor/Mentorin", "Mentee"),
                True,
            ),
            FormQuestion(
                "checkpoint",
                "Für welche Zwischenbilanz ist dieser Check-in?",
                "Auswahl",
                ("Tag 30", "Tag 90", "Tag 180"),
            ),
            FormQuestion(
                "meetings_held",
                "Wie oft haben Sie sich seit der letzten Zwischenbilanz getroffen?",
                "Zahl",
            ),
            FormQuestion("last_meeting", "Wann haben Sie sich zuletzt getroffen?", "Datum"),
            *(
                FormQuestion(
                    f"goal{n}",
                    f"Wie weit ist Ziel {n} Ihrer Vereinbarung vorangekommen? "
                    "(1 = nicht begonnen, 5 = erreicht)",
                    "Auswahl",
                    _scale("nicht begonnen", "erreicht"),
                )
                for n in (1, 2, 3)
            ),
            FormQuestion(
                "fit",
                "Wie passt das Tandem für Sie?",
                "Auswahl",
                ("Passt gut", "Noch unentschieden", "Passt nicht"),
            ),
            FormQuestion(
                "satisfaction",
                "Wie zufrieden sind Sie bisher mit dem Mentoring? (1 = gar nicht, 5 = sehr)",
                "Auswahl",
                _scale("gar nicht", "sehr"),
            ),
            FormQuestion(
                "wants_help",
                "Wünschen Sie Unterstützung durch das Programmteam?",
                "Auswahl",
                ("Ja, wir wünschen Unterstützung durch das Programmteam", "Nein, jetzt nicht"),
            ),
            FormQuestion(
                "comment",
                "Gibt es sonst noch etwas, das das Programmteam wissen sollte?",
                "langer Text",
            ),
        ),
    ),
    "fr": FormText(
        title="{program} : point d'étape",
        intro=(
            "Quelques questions sur le déroulement de votre binôme de mentorat. Vos réponses "
            "sont transmises à l'équipe du programme ({organisation}) et l'aident à vous "
            "accompagner."
        ),
        how_to=(
            "Créez un nouveau formulaire avec ces questions, dans cet ordre et avec ces choix "
            "de réponse (Microsoft Forms, Google Forms ou Qualtrics). Exportez les réponses au "
            "fur et à mesure et importez-les avec Suivi > Importer un questionnaire de point "
            "d'étape."
        ),
        required="obligatoire",
        questions=(
            FormQuestion(
                "pair_code",
                "Le code de votre binôme (sur votre charte de mentorat, par ex. P07)",
                "texte court",
                required=True,
            ),
            FormQuestion(
                "role", "Êtes-vous le mentor ou le mentoré ?", "choix", ("Mentor", "Mentoré"), True
            ),
            FormQuestion(
                "checkpoint",
                "À quel bilan d'étape ce point d'étape se rapporte-t-il ?",
                "choix",
                ("Jour 30", "Jour 90", "Jour 180"),
            ),
            FormQuestion(
                "meetings_held",
                "Combien de fois vous êtes-vous rencontrés depuis le dernier bilan d'étape ?",
                "nombre",
            ),
            FormQuestion(
                "last_meeting", "Quand vous êtes-vous rencontrés pour la dernière fois ?", "date"
            ),
            *(
                FormQuestion(
                    f"goal{n}",
                    f"Où en est l'objectif {n} de votre charte ? (1 = pas commencé, 5 = atteint)",
                    "choix",
                    _scale("pas commencé", "atteint"),
                )
                for n in (1, 2, 3)
            ),
            FormQuestion(
                "fit",
                "Comment le binôme fonctionne-t-il pour vous ?",
                "choix",
                ("Cela fonctionne bien", "Encore indécis", "Ne fonctionne pas"),
            ),
            FormQuestion(
                "satisfaction",
                "Êtes-vous satisfait du mentorat jusqu'ici ? (1 = pas du tout, 5 = très)",
                "choix",
                _scale("pas du tout", "très"),
            ),
            FormQuestion(
                "wants_help",
                "Souhaitez-vous l'aide de l'équipe du programme ?",
                "choix",
                ("Oui, nous souhaitons l'aide de l'équipe du programme", "Non, pas maintenant"),
            ),
            FormQuestion(
                "comment",
                "Souhaitez-vous faire part d'autre chose à l'équipe du programme ?",
                "texte long",
            ),
        ),
    ),
}


def form_text(language: str) -> FormText:
    """The form in `language` ("en-GB" uses "en"), English where the app has no translation."""
    return TEXTS.get(language) or TEXTS.get(language.split("-")[0]) or TEXTS["en"]


def ready_questions() -> tuple[FormQuestion, ...]:
    """Every language's questions: each maps itself, whichever language the form is in."""
    return tuple(q for text in TEXTS.values() for q in text.questions)


def form_lines(workshop: Workshop) -> list[str]:
    """The form as text to paste, question by question, numbered, with their choices."""
    text = form_text(workshop.language)
    lines = [
        text.title.format(program=workshop.program),
        "",
        text.intro.format(organisation=workshop.organisation),
        "",
    ]
    for number, question in enumerate(text.questions, start=1):
        note = f" ({question.kind}{', ' + text.required if question.required else ''})"
        lines.append(f"{number}. {question.text}{note}")
        lines.extend(f"   - {choice}" for choice in question.choices)
    lines.extend(["", text.how_to])
    return lines
