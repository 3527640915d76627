"""What a survey's question columns mean, and the answers in them as check-in values.

A column's meaning is guessed from the question's words (the ready form's questions by their
exact words, others by keywords in English, Italian, German, French, Portuguese and Spanish),
or taken from the mapping saved for the same form (`checkin_forms`, found by the form's
signature, or by name with --mapping). A column mapped to nothing is ignored.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from workshop_app.core.followup.checkin_form import ready_questions
from workshop_app.core.followup.survey_dates import parse_day
from workshop_app.core.i18n import N_, _
from workshop_app.core.number_words import NUMBER_WORDS
from workshop_app.core.plain_text import plain

if TYPE_CHECKING:
    from workshop_app.core.followup.survey_read import SurveyColumn, SurveyTable
    from workshop_app.core.store.access import OpenWorkshop

# Meaning -> what it is, in words (the preview's and the mapping combo's labels).
# Shown in the interface language: translate with _() where shown.
MEANINGS: dict[str, str] = {
    "pair_code": N_("Pair code"),
    "role": N_("Mentor or mentee"),
    "email": N_("Respondent's email"),
    "name": N_("Respondent's name"),
    "checkpoint": N_("Checkpoint (day 30, 90, 180)"),
    "meetings_held": N_("Meetings held since the last checkpoint"),
    "last_meeting": N_("Date of the last meeting"),
    "goal1": N_("Progress on goal 1 (1-5)"),
    "goal2": N_("Progress on goal 2 (1-5)"),
    "goal3": N_("Progress on goal 3 (1-5)"),
    "fit": N_("Fit (good, still deciding, not a fit)"),
    "satisfaction": N_("Satisfaction (1-5)"),
    "wants_help": N_("Would like help from the program team"),
    "comment": N_("Comment"),
}
IGNORED = ""
IGNORED_LABEL = N_("Not used")


# Keyword patterns, tried in this order on the question's plain words; the first that
# matches a meaning not yet taken by an earlier column wins.
_GUESSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (meaning, re.compile(pattern))
    for meaning, pattern in (
        ("pair_code", r"pair code|codice (della )?coppia|paar-?code|code (du|de) binome|"
         r"codigo (da dupla|do par|del par|de la pareja)|\bcode\b|\bcodice\b|\bcodigo\b"),
        ("role", r"mentor[ea]? (or|o|oder|ou|u) (the |il |le |o |el |der )?mentee|"
         r"mentee (or|o|oder|ou) (the |il |le |o |el )?mentor|your role|\bruolo\b|\brolle\b|"
         r"\brole\b|\bpapel\b|\brol\b"),
        ("last_meeting", r"(when|quando|wann|quand|cuando).*(last|ultim|zuletzt|letzt|dernier)|"
         r"(date|data|datum|fecha).*(last|ultim|letzt|dernier)"),
        ("meetings_held", r"(how (many|often)|quant[ieao]s?|wie (viele|oft)|combien|cuant[ao]s)"
         r".*(met|meet|incontr|getroffen|treffen|rencontr|reun|encontr)|"
         r"(number of|numero di|anzahl der|nombre de|numero de) (meetings|incontri|treffen|"
         r"rencontres|reunioes|reuniones)"),
        ("checkpoint", r"checkpoint|punto di controllo|meilenstein|point d.etape|etape|"
         r"\bmarco\b|\bhito\b|which check-?in"),
        ("goal", r"(goal|obiettivo|ziel|objectif|objetivo|meta)\s*(n\.?\s*)?([123])\b"),
        ("satisfaction", r"satisf|soddisf|zufrieden|satisfait|satisfeit"),
        ("wants_help", r"\bhelp\b|aiuto|hilfe|\baide\b|ajuda|ayuda|supporto|unterstutzung"),
        ("fit", r"\bfit\b|working|funziona|\bpasst\b|fonctionne|funcionando|abbinamento|"
         r"\bmatch\b"),
        ("comment", r"anything else|comment|kommentar|\bnote\b|\baltro\b|sonst|autre chose|"
         r"algo mais|algo mas"),
        ("email", r"e-?mail|posta elettronica|correo|messagerie"),
        ("name", r"your name|^name$|^nome$|^nom$|^nombre$|il tuo nome|ihr name|votre nom|"
         r"seu nome|tu nombre"),
    )
)  # fmt: skip


def guess_mapping(columns: list[SurveyColumn]) -> dict[str, str]:
    """Header -> meaning for each column a meaning was found for (first come, first served)."""
    exact = {plain(q.text): q.meaning for q in ready_questions()}
    taken: set[str] = set()
    found: dict[str, str] = {}
    for column in columns:
        words = plain(column.text)
        meaning = exact.get(words) or _guess(words)
        if meaning and meaning not in taken and column.header not in found:
            found[column.header] = meaning
            taken.add(meaning)
    return found


def _guess(words: str) -> str | None:
    for meaning, pattern in _GUESSES:
        if m := pattern.search(words):
            return f"goal{m.group(3)}" if meaning == "goal" else meaning
    return None


def signature(table: SurveyTable) -> str:
    """The form's identity across exports: its tool and its question headers."""
    parts = [table.shape.tool, *(plain(c.header) for c in table.questions)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class SavedForm:
    id: str
    name: str
    source: str
    signature: str
    mapping: dict[str, str]


def saved_forms(wf: OpenWorkshop) -> list[SavedForm]:
    rows = wf.conn.execute(
        "SELECT id, name, source, signature, mapping FROM checkin_forms ORDER BY name"
    ).fetchall()
    return [SavedForm(r[0], r[1], r[2], r[3], _mapping_json(r[4])) for r in rows]


def _mapping_json(text: str) -> dict[str, str]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if v in MEANINGS or v == IGNORED}


def form_name_for(source: str, tool_name: str, taken: set[str]) -> str:
    """A new form's name: its export's file name without the tool's additions."""
    stem = re.sub(r"\.(xlsx|csv|tsv|txt)$", "", source, flags=re.IGNORECASE)
    stem = re.sub(r"\s*\(\d+-\d+\)$", "", stem)  # Microsoft Forms: "Check-in(1-12)"
    stem = re.sub(r"\s*\(responses\)( - form responses \d+)?$", "", stem, flags=re.IGNORECASE)
    stem = re.sub(r"_[A-Z][a-z]+\+\d.*$", "", stem).replace("+", " ")  # Qualtrics' date suffix
    base = " ".join(stem.split()) or tool_name
    name, n = base, 2
    while name in taken:
        name, n = f"{base} ({n})", n + 1
    return name


# -- answers ------------------------------------------------------------------------------

Parsed = tuple[Any, str | None]  # (value, or the problem with it in words)

_FIT_WORDS = {
    "good": (
        "good", "a good fit", "good fit", "yes", "buono", "buona", "un buon abbinamento",
        "funziona bene", "non male", "gut", "passt gut", "nicht schlecht", "bon", "bonne",
        "pas mal", "bom", "boa", "bueno", "buena",
    ),
    "deciding": (
        "still deciding", "deciding", "not sure yet", "too early to say", "ancora da decidere",
        "non so ancora", "noch unentschieden", "noch offen", "weiss noch nicht",
        "encore indecis", "pas encore sur", "je ne sais pas encore", "ainda decidindo",
        "todavia decidiendo", "aun no lo se",
    ),
    "not_a_fit": (
        "not a fit", "not a good fit", "no", "non funziona", "non adatto", "passt nicht",
        "ne fonctionne pas", "pas adapte", "nao combina", "no encaja",
    ),
}  # fmt: skip
_FIT = {plain(w): meaning for meaning, words in _FIT_WORDS.items() for w in words}
# Tried in this order: "non sono ancora sicuro", "noch nicht sicher" and "pas encore sûr" are
# still deciding, not "not a fit", for all their "non", "nicht" and "pas".
_FIT_DECIDING = re.compile(
    r"decid|sure|early|unentschieden|offen|indecis|sais pas|so ancora|ancora sicur|"
    r"non sono sicur|incert|troppo presto|vedremo|nicht (?:ganz |so )?sicher|unsicher|"
    r"zu fruh|mal sehen|werden sehen|pas (?:encore |trop )?sur|trop tot|on verra"
)
_FIT_NOT = re.compile(r"\b(not|non|nicht|pas|nao|no|kein|bad|poor|male|schlecht|mal)\b")
_FIT_GOOD = re.compile(
    r"\b(good|great|excellent|bene|gut|bon|bom|bien|buon[oa]?|ottim[oa]|eccellente|"
    r"ausgezeichnet|prima)\b"
)
# The first word of a yes-or-no answer ("Sì, grazie", "Gerne", "Pas pour l'instant").
_YES = frozenset(
    {"yes", "y", "si", "ja", "oui", "sim", "true", "1", "certo", "certamente", "volentieri",
     "gerne", "gern", "jawohl", "volontiers", "absolument"}
)  # fmt: skip
_NO = frozenset(
    {"no", "n", "non", "nein", "nao", "false", "0", "2", "nessun", "nicht", "kein", "nee",
     "pas", "aucun"}
)  # fmt: skip
# Meetings held: none in words ("nessuno", "mai", "keine", "nie", "aucune", "jamais").
_NONE = frozenset(
    {"none", "never", "nessuno", "nessuna", "mai", "keine", "keins", "nie", "noch nie",
     "niemals", "aucune", "aucun", "jamais", "nenhuma"}
)  # fmt: skip
READY_CHECKPOINTS = (30, 90, 180)
_NUMBER = re.compile(r"\s*(\d+)")


def _fit(text: str) -> str | None:
    words = plain(text)
    if words in ("1", "2", "3"):  # Qualtrics' codes, in the ready form's order
        return ("good", "deciding", "not_a_fit")[int(words) - 1]
    if words in _FIT:
        return _FIT[words]
    if _FIT_DECIDING.search(words):
        return "deciding"
    if _FIT_NOT.search(words):
        return "not_a_fit"
    if _FIT_GOOD.search(words):
        return "good"
    return None


def _yes_no(text: str) -> int | None:
    first = re.split(r"[^a-z0-9]+", plain(text).strip())
    word = next((w for w in first if w), "")
    if word in _YES:
        return 1
    if word in _NO:
        return 0
    return None


def _role(text: str) -> str | None:
    words = plain(text)
    if words == "1":  # Qualtrics' codes, in the ready form's order
        return "mentor"
    if words == "2":
        return "mentee"
    # French "mentoré" (the mentee) is Italian "mentore" (the mentor) without its accent.
    if "mentee" in words or "mentoré" in text.casefold() or re.search(r"mentorad[oa]", words):
        return "mentee"
    if "mentor" in words:
        return "mentor"
    return None


def _whole_number(text: str, low: int, high: int) -> int | None:
    m = _NUMBER.match(text)
    if m is None or len(m.group(1)) > 6:
        return None
    value = int(m.group(1))
    return value if low <= value <= high else None


def _one_choice(text: str, separator: str, read: Callable[[str], Any]) -> Parsed:
    """A single-choice answer: the whole text, or the one choice of a multiple-choice cell
    (Microsoft Forms writes "a;", Google Forms "a, b")."""
    value = read(text)
    if value is not None:
        return value, None
    sep = separator.strip() or separator
    pieces = [p.strip() for p in text.split(sep) if p.strip()]
    if len(pieces) > 1 or text.rstrip().endswith(sep):
        values = {read(p) for p in pieces}
        values.discard(None)
        if len(values) == 1:
            return values.pop(), None
        if len(values) > 1:
            return None, _("{text} gives more than one answer").format(text=repr(text))
    return None, ""


_CHOICES: dict[str, tuple[Callable[[str], Any], str]] = {
    "fit": (_fit, N_("{text} is not good, still deciding or not a fit")),
    "wants_help": (_yes_no, N_("{text} is not yes or no")),
    "role": (_role, N_("{text} is not mentor or mentee")),
}


def parse_answer(
    meaning: str, text: str, *, separator: str, day_first: bool, submitted: date
) -> Parsed:
    """The value for `meaning` in an answer's `text`, or the problem with it. An empty answer
    is None (not known), never a problem."""
    if not text:
        return None, None
    if meaning in ("goal1", "goal2", "goal3", "satisfaction"):
        value = _whole_number(text, 1, 5)
        return (
            (value, None)
            if value is not None
            else (None, _("{text} is not from 1 to 5").format(text=repr(text)))
        )
    if meaning == "meetings_held":
        words = plain(text)
        if words in _NONE:
            return 0, None
        first = words.split(" ", 1)[0].rstrip(".,;:")
        value = NUMBER_WORDS.get(first) if first else None  # "due incontri", "zwei Treffen"
        if value is None:
            value = _whole_number(text, 0, 999)
        return (
            (value, None)
            if value is not None
            else (None, _("{text} is not a number").format(text=repr(text)))
        )
    if meaning == "checkpoint":
        if text.strip() in ("1", "2", "3"):  # Qualtrics' codes of the ready form's choices
            return READY_CHECKPOINTS[int(text) - 1], None
        m = re.search(r"\d+", text)
        day = int(m.group()) if m and len(m.group()) < 5 else 0
        return (
            (day, None)
            if 0 < day <= 1000
            else (None, _("{text} is not a checkpoint day").format(text=repr(text)))
        )
    if meaning == "last_meeting":
        met = parse_day(text, day_first=day_first)
        if met is None:
            return None, _("{text} is not a date").format(text=repr(text))
        if met > submitted:
            return None, _("{day} is after the response was sent").format(day=met.isoformat())
        return met, None
    if meaning in _CHOICES:
        read, expected = _CHOICES[meaning]
        value, problem = _one_choice(text, separator, read)
        if value is None:
            return None, problem or _(expected).format(text=repr(text))
        return value, None
    return text, None  # comment, name, email, pair code: read by the import
