"""What a roster's column headers mean, whatever spelling and language the spreadsheet used.

A header is case-folded, its accents taken off ("Prénom" is "prenom", "Straße" is "strasse")
and stripped of everything but letters and digits ("E-mail" and "Email Address" both become a
known spelling of `email`), then looked up here: English, Italian, German and French, as HR
systems and matching tools write them. A header that starts or ends with a partner's word
("Mentor Email", "Email mentore", "Nom du mentoré") names that partner's field in a
one-row-per-pair roster.

The partner's words keep their accents: Italian "Mentore" is the mentor, French "Mentoré" the
mentee (written without its accent, "Mentore" reads as the mentor).

Some headers mean one of two fields, and the rest of the sheet tells which (`meanings`):
- "Funzione", "Funktion", "Fonction" and English "Function" are the department, or the job
  title when another column is the department (one rule in every language: a business
  function, as English "Function" has always been read here);
- "Name" and "Nom" are the whole name, or the surname beside a first-name column and no
  surname column (German "Name, Vorname", French "Nom, Prénom");
- Italian "Ruolo" is the program role, or the job title when no value under it is a role
  (an HR export's "Ruolo" holds "Analista", "Responsabile vendite"...).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Callable, Iterable

from workshop_app.core.i18n import interface_language, translations

# Fields every person has, with the spellings seen in HR and matching-tool exports.
PERSON_FIELDS: dict[str, frozenset[str]] = {
    "email": frozenset(
        {
            *("email", "emailaddress", "mail", "workemail", "emailid", "businessemail"),
            *("mailaddress", "postaelettronica", "indirizzoemail", "indirizzomail"),
            *("emailaziendale", "emailadresse", "mailadresse", "geschaftlicheemail"),
            *("dienstlicheemail", "courriel", "adresseemail", "adressemail", "adressecourriel"),
            *("adresseelectronique", "emailprofessionnel", "courrielprofessionnel", "mel"),
        }
    ),
    "name": frozenset(
        {
            *("name", "fullname", "participant", "participantname", "displayname", "nominativo"),
            *("nomeecognome", "nomecognome", "nomecompleto", "partecipante", "vollername"),
            *("vollstandigername", "teilnehmer", "teilnehmerin", "teilnehmende", "nom"),
            *("nomcomplet", "nometprenom", "prenometnom", "participante"),
        }
    ),
    "first_name": frozenset(
        {"firstname", "first", "givenname", "forename", "preferredname", "nome", "vorname"}
        | {"rufname", "prenom"}
    ),
    "last_name": frozenset(
        {"lastname", "last", "surname", "familyname", "cognome", "nachname", "familienname"}
        | {"nomdefamille"}
    ),
    "title": frozenset(
        {
            *("title", "jobtitle", "position", "job", "designation", "qualifica", "mansione"),
            *("ruoloaziendale", "posizione", "titolo", "stelle", "stellenbezeichnung"),
            *("berufsbezeichnung", "jobtitel", "titel", "poste", "intituledeposte"),
            *("intituleduposte", "emploi", "titreduposte"),
        }
    ),
    "department": frozenset(
        {
            *("department", "dept", "team", "businessunit", "division", "function", "unit"),
            *("reparto", "ufficio", "funzione", "direzione", "divisione", "area", "abteilung"),
            *("bereich", "funktion", "organisationseinheit", "service", "departement"),
            *("direction", "fonction", "unite", "equipe"),
        }
    ),
    "manager": frozenset(
        {
            *("manager", "linemanager", "managername", "reportsto", "manageremail"),
            *("supervisor", "responsabile", "managerdiretto", "responsabilediretto"),
            *("vorgesetzte", "vorgesetzter", "vorgesetzterin", "fuhrungskraft"),
            *("direktevorgesetzte", "direktervorgesetzter", "responsable"),
            *("responsablehierarchique", "n1"),  # French "N+1": one's manager
        }
    ),
}
# Fields of a one-row-per-participant roster only.
PARTICIPANT_ONLY: dict[str, frozenset[str]] = {
    "role": frozenset(
        {
            *("role", "type", "participanttype", "mentorormentee", "mentormentee", "programrole"),
            *("ruolo", "ruolonelprogramma", "ruoloprogramma", "tipopartecipante"),
            *("mentorementee", "rolle", "rolleimprogramm", "programmrolle", "teilnehmertyp"),
            *("typedeparticipant", "roledansleprogramme", "mentormentore"),
        }
    ),
    "pair_code": frozenset(
        {
            *("pair", "paircode", "pairid", "pairnumber", "pairno", "match", "matchid"),
            *("matchcode", "coppia", "codicecoppia", "numerocoppia", "idcoppia", "ncoppia"),
            *("tandem", "tandemnr", "tandemnummer", "tandemid", "paar", "paarnr"),
            *("paarnummer", "paarid", "binome", "codebinome", "numerobinome", "idbinome"),
            *("nbinome",),
        }
    ),
    "partner_email": frozenset(
        {
            *("partneremail", "partner", "matchedwith", "matchemail", "partneremailaddress"),
            *("emailpartner", "emaildelpartner", "emailtandempartner"),
            *("emaildestandempartners", "emaildubinome", "courrieldubinome", "emailpartenaire"),
            *("courrielpartenaire", "emaildupartenaire", "courrieldupartenaire"),
        }
    ),
}
PREFIXES = ("mentor", "mentee")
# The words for a partner, as a role value and in a one-row-per-pair roster's headers; with
# their accents, case-folded.
ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            *("mentor", "mentors", "mentore", "mentori", "mentorin", "mentorinnen", "mentoren"),
            *("parrain", "parrains", "marraine", "marraines"),
        ),
        "mentor",
    ),
    **dict.fromkeys(
        (
            *("mentee", "mentees", "protege", "protégé", "protégée", "mentorato", "mentorata"),
            *("mentorati", "mentorand", "mentorandin", "mentoranden", "mentorandinnen"),
            *("mentoré", "mentorée", "mentorés", "mentorées", "filleul", "filleule"),
            *("filleuls", "filleules"),
        ),
        "mentee",
    ),
}
# Longest first, so that "mentorin" is not read as "mentor" followed by "in".
_PARTNER_WORDS = sorted(ROLE_WORDS, key=len, reverse=True)
# The small words between a field and a partner's word: "Nome del mentore", "Nom du mentoré".
_JOINERS = sorted(
    ("del", "della", "dello", "dei", "di", "du", "de", "dela", "des", "der", "vom", "von", "of"),
    key=len,
    reverse=True,
)
# Headers of two meanings (the first unless the sheet shows otherwise; see the docstring).
_FUNCTION = frozenset({"function", "funzione", "funktion", "fonction"})
_NAME_OR_SURNAME = frozenset({"name", "nom"})
_ROLE_OR_TITLE = frozenset({"ruolo"})
_LETTERS_NOT_DECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d"})


def _letters(header: str) -> str:
    """The letters and digits of a header, case-folded, accents kept."""
    return "".join(ch for ch in unicodedata.normalize("NFC", header.casefold()) if ch.isalnum())


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS_NOT_DECOMPOSED))
    return re.sub(r"[^a-z0-9]", "", plain)


def key(header: str) -> str:
    return _fold(_letters(header))


def _lookup(table: dict[str, frozenset[str]], k: str) -> str | None:
    return next((field for field, spellings in table.items() if k in spellings), None)


def _partner_field(rest: str) -> tuple[str, str] | None:
    """The person's field named by what is left of a header beside a partner's word, and the
    spelling it matched; a partner's "role" is their job (the partner's word is the role)."""
    k = _fold(rest)
    for part in (k, *(k[: -len(j)] for j in _JOINERS if k.endswith(j))):
        field = _lookup(PERSON_FIELDS, part)
        if field:
            return field, part
        if part in PARTICIPANT_ONLY["role"]:
            return "title", part
    return None


def _parse(header: str) -> tuple[str | None, str]:
    """The field a header names and the spelling it was found by ("" when none)."""
    k = key(header)
    if not k:
        return None, ""
    found = _lookup(PARTICIPANT_ONLY, k) or _lookup(PERSON_FIELDS, k)
    if found:
        return found, k
    letters = _letters(header)
    for word in _PARTNER_WORDS:
        role = ROLE_WORDS[word]
        if letters == word:
            return f"{role}_name", k
        for rest in (
            letters[len(word) :] if letters.startswith(word) else None,
            letters[: -len(word)] if letters.endswith(word) else None,
        ):
            partner = _partner_field(rest) if rest else None
            if partner:
                return f"{role}_{partner[0]}", partner[1]
    return None, ""


def field_for(header: str) -> str | None:
    """The field a header names (`email`, `mentee_email`, `pair_code`, ...), or None."""
    return _parse(header)[0]


def meanings(headers: list[str], column: Callable[[int], Iterable[str]]) -> list[str | None]:
    """The field of each header of a sheet (None for a column not used), settling the headers
    of two meanings by the other headers and, for "Ruolo", by the values `column(i)` gives.
    "Ruolo" is settled first: as a job title it is the other column "Funzione" gives way to."""
    parsed = [_parse(h) for h in headers]
    fields = [f for f, _ in parsed]
    for i, (field, spelling) in enumerate(parsed):
        if spelling in _ROLE_OR_TITLE and field == "role":
            values = [v for v in column(i) if v.strip()]
            if values and not any(role_value(v) for v in values):
                fields[i] = "title"
    for i, (field, spelling) in enumerate(parsed):
        if field is None:
            continue
        others = fields[:i] + fields[i + 1 :]
        prefix = field.removesuffix("name") if field.endswith("name") else ""
        if spelling in _FUNCTION and field.endswith("department") and field in others:
            fields[i] = field.removesuffix("department") + "title"
        elif (
            spelling in _NAME_OR_SURNAME
            and field == prefix + "name"
            and prefix + "first_name" in others
            and prefix + "last_name" not in others
        ):
            fields[i] = prefix + "last_name"
    return fields


def role_value(text: str) -> str | None:
    """The role a cell names ("Mentore", "Mentorin", "Mentorée", "Mentor/in"...), or None."""
    return ROLE_WORDS.get(_letters(text))


def _headers(words: gettext.NullTranslations) -> dict[str, str]:
    """The header of each column in `words`' language, as a roster from there writes it;
    each is one the importer reads as that column (tests check every language's)."""
    return {
        "role": words.pgettext("roster column", "Role"),
        "name": words.pgettext("roster column", "Name"),
        "first_name": words.pgettext("roster column", "First Name"),
        "last_name": words.pgettext("roster column", "Last Name"),
        "email": words.pgettext("roster column", "Email"),
        "pair_code": words.pgettext("roster column", "Pair Code"),
        "partner_email": words.pgettext("roster column", "Partner Email"),
        "mentor_name": words.pgettext("roster column", "Mentor Name"),
        "mentor_first_name": words.pgettext("roster column", "Mentor First Name"),
        "mentor_last_name": words.pgettext("roster column", "Mentor Last Name"),
        "mentor_email": words.pgettext("roster column", "Mentor Email"),
        "mentee_name": words.pgettext("roster column", "Mentee Name"),
        "mentee_first_name": words.pgettext("roster column", "Mentee First Name"),
        "mentee_last_name": words.pgettext("roster column", "Mentee Last Name"),
        "mentee_email": words.pgettext("roster column", "Mentee Email"),
    }


def column_header(field: str, lang: str | None = None) -> str:
    """The header of a column (`email`, `mentee_name`...) in the interface language, or in
    `lang`: "Ruolo", "E-Mail Mentee"."""
    return _headers(translations(lang or interface_language()))[field]


def needed_columns() -> dict[str, str]:
    """The columns each shape of roster needs, in the interface language, for a sentence
    that names them: `participant_columns`, `pair_code`, `partner_email`, `pair_columns`."""
    return {
        "participant_columns": ", ".join(column_header(f) for f in ("role", "name", "email")),
        "pair_code": column_header("pair_code"),
        "partner_email": column_header("partner_email"),
        "pair_columns": ", ".join(
            column_header(f) for f in ("mentor_name", "mentor_email", "mentee_name", "mentee_email")
        ),
    }
