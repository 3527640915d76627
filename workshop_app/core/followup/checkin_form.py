"""The ready check-in form: questions to paste into Microsoft Forms, Google Forms or Qualtrics.

Its questions map themselves when the export comes back (`survey_mapping` knows their exact
words), and its choices are in the order whose codes a Qualtrics export of codes gives (1, 2,
...). Every word of it is here, by language, so that a translation adds one entry to `TEXTS`.
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
