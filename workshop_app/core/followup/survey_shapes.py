"""Which tool exported a survey file, told from its headers, and which columns are the tool's own.

Microsoft Forms (.xlsx): `ID`, `Start time`, `Completion time`, `Email`, `Name` (in the form
owner's language), sometimes `Last modified time`, then one column per question. Google Forms
(.csv): `Timestamp` (localised: `Carimbo de data/hora`, `Marca temporale`, `Zeitstempel`,
`Horodateur`, ...), `Email Address` when emails are collected, `Score` for a quiz, then the
questions. Qualtrics (.csv, .tsv): three header rows (the columns' ids, the question texts,
`{"ImportId":...}`), the tool's own columns (`StartDate`, ..., `ResponseId`, `RecipientEmail`)
and the questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tool = Literal["ms_forms", "google_forms", "qualtrics"]
TOOL_NAMES: dict[str, str] = {
    "ms_forms": "Microsoft Forms",
    "google_forms": "Google Forms",
    "qualtrics": "Qualtrics",
}

# Header words by language; the language tells whether a date like 03/04/2027 is day first.
DAY_FIRST_LANGUAGES = frozenset({"it", "de", "fr", "pt", "es", "nl", "pl"})
_MS_ID = frozenset({"id", "id."})
_MS_START = {
    "start time": "en",
    "ora di inizio": "it",
    "startzeit": "de",
    "heure de début": "fr",
    "hora de início": "pt",
    "hora de inicio": "es",
    "begintijd": "nl",
}
_MS_COMPLETION = {
    "completion time": "en",
    "ora di completamento": "it",
    "fertigstellungszeit": "de",
    "heure de fin": "fr",
    "hora de conclusão": "pt",
    "hora de finalización": "es",
    "tijd van voltooien": "nl",
}
_MS_MODIFIED = frozenset(
    {
        "last modified time",
        "ora dell'ultima modifica",
        "ora ultima modifica",
        "zeitpunkt der letzten änderung",
        "letzte änderung",
        "heure de la dernière modification",
        "hora da última modificação",
        "hora de la última modificación",
    }
)
_GOOGLE_TIMESTAMP = {
    "timestamp": "en",
    "carimbo de data/hora": "pt",
    "marca temporale": "it",
    "zeitstempel": "de",
    "horodateur": "fr",
    "marca temporal": "es",
    "tijdstempel": "nl",
    "sygnatura czasowa": "pl",
}
_GOOGLE_EMAIL = frozenset(
    {
        "email address",
        "endereço de e-mail",
        "indirizzo email",
        "e-mail-adresse",
        "adresse e-mail",
        "dirección de correo electrónico",
        "e-mailadres",
        "adres e-mail",
        "username",
        "nome utente",
        "nome de usuário",
    }
)
_GOOGLE_SCORE = frozenset({"score", "pontuação", "punteggio", "punktzahl", "puntuación"})
# Qualtrics' own columns (the first header row). Embedded data and questions are the rest.
_QUALTRICS_OWN = frozenset(
    {
        "StartDate",
        "EndDate",
        "Status",
        "IPAddress",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "RecordedDate",
        "ResponseId",
        "ResponseID",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "ExternalReference",
        "ExternalDataReference",
        "LocationLatitude",
        "LocationLongitude",
        "DistributionChannel",
        "UserLanguage",
    }
)


@dataclass(frozen=True, slots=True)
class Shape:
    tool: Tool
    header_rows: int
    id_column: int | None  # the response's id (MS Forms ID, Qualtrics ResponseId)
    submitted_column: int
    email_column: int | None
    first_name_column: int | None  # the respondent's name, whole or first
    last_name_column: int | None
    own_columns: frozenset[int]  # the tool's columns: never questions
    day_first: bool  # the header language writes 03/04/2027 as 3 April
    separator: str  # how a multiple-choice answer joins its choices

    @property
    def tool_name(self) -> str:
        return TOOL_NAMES[self.tool]


def _key(header: str) -> str:
    return " ".join(header.replace("\u00a0", " ").split()).casefold()


def detect_shape(records: list[list[str]], *, workbook: bool) -> Shape | None:
    """The tool that wrote `records` (all rows, headers first), or None for another table."""
    if not records:
        return None
    headers = records[0]
    keys = [_key(h) for h in headers]
    if "ResponseId" in headers or "ResponseID" in headers:
        return _qualtrics(records)
    if keys and keys[0] in _GOOGLE_TIMESTAMP:
        return _google(keys)
    if len(keys) >= 5 and keys[0] in _MS_ID:
        language = _MS_START.get(keys[1]) or _MS_COMPLETION.get(keys[2])
        # The columns' order is the same in every language, so an export in a language the
        # words above do not know is still told by its place and its file type.
        if language is not None or workbook:
            own = {0, 1, 2, 3, 4}
            if len(keys) > 5 and keys[5] in _MS_MODIFIED:
                own.add(5)
            return Shape(
                tool="ms_forms",
                header_rows=1,
                id_column=0,
                submitted_column=2,
                email_column=3,
                first_name_column=4,
                last_name_column=None,
                own_columns=frozenset(own),
                day_first=language in DAY_FIRST_LANGUAGES,
                separator=";",
            )
    return None


def _google(keys: list[str]) -> Shape:
    own = {0}
    email = None
    for index in (1, 2):
        if index < len(keys) and keys[index] in _GOOGLE_EMAIL:
            email = index
            own.add(index)
        elif index < len(keys) and keys[index] in _GOOGLE_SCORE:
            own.add(index)
    return Shape(
        tool="google_forms",
        header_rows=1,
        id_column=None,
        submitted_column=0,
        email_column=email,
        first_name_column=None,
        last_name_column=None,
        own_columns=frozenset(own),
        day_first=_GOOGLE_TIMESTAMP[keys[0]] in DAY_FIRST_LANGUAGES,
        separator=", ",
    )


def _qualtrics(records: list[list[str]]) -> Shape:
    headers = records[0]
    index = {h: i for i, h in enumerate(headers)}
    third = records[2] if len(records) > 2 else []
    # The legacy export has two header rows; the current one adds {"ImportId": ...} as a third.
    header_rows = 3 if any(c.startswith('{"ImportId"') for c in third) else 2
    submitted = index.get("RecordedDate", index.get("EndDate", index.get("StartDate", 0)))
    return Shape(
        tool="qualtrics",
        header_rows=header_rows,
        id_column=index.get("ResponseId", index.get("ResponseID")),
        submitted_column=submitted,
        email_column=index.get("RecipientEmail"),
        first_name_column=index.get("RecipientFirstName"),
        last_name_column=index.get("RecipientLastName"),
        own_columns=frozenset(i for h, i in index.items() if h in _QUALTRICS_OWN),
        day_first=False,
        separator=",",
    )
