"""What a roster's column headers mean, whatever spelling the spreadsheet used.

A header is lower-cased and stripped of everything but letters and digits ("E-mail" and
"Email Address" both become a known spelling of `email`), then looked up here. Headers that
start with "mentor" or "mentee" name that partner's field in a one-row-per-pair roster.
"""

from __future__ import annotations

import re

# Fields every person has, with the spellings seen in HR and matching-tool exports.
PERSON_FIELDS: dict[str, frozenset[str]] = {
    "email": frozenset(
        {"email", "emailaddress", "mail", "workemail", "emailid", "businessemail", "mailaddress"}
    ),
    "name": frozenset({"name", "fullname", "participant", "participantname", "displayname"}),
    "first_name": frozenset({"firstname", "first", "givenname", "forename", "preferredname"}),
    "last_name": frozenset({"lastname", "last", "surname", "familyname"}),
    "title": frozenset({"title", "jobtitle", "position", "job", "designation"}),
    "department": frozenset(
        {"department", "dept", "team", "businessunit", "division", "function", "unit"}
    ),
    "manager": frozenset(
        {"manager", "linemanager", "managername", "reportsto", "manageremail", "supervisor"}
    ),
}
# Fields of a one-row-per-participant roster only.
PARTICIPANT_ONLY: dict[str, frozenset[str]] = {
    "role": frozenset(
        {"role", "type", "participanttype", "mentorormentee", "mentormentee", "programrole"}
    ),
    "pair_code": frozenset(
        {"pair", "paircode", "pairid", "pairnumber", "pairno", "match", "matchid", "matchcode"}
    ),
    "partner_email": frozenset(
        {"partneremail", "partner", "matchedwith", "matchemail", "partneremailaddress"}
    ),
}
PREFIXES = ("mentor", "mentee")
ROLE_VALUES = {
    "mentor": "mentor",
    "mentors": "mentor",
    "mentee": "mentee",
    "mentees": "mentee",
    "protege": "mentee",
    "protégé": "mentee",
}


def key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def _lookup(table: dict[str, frozenset[str]], k: str) -> str | None:
    return next((field for field, spellings in table.items() if k in spellings), None)


def field_for(header: str) -> str | None:
    """The field a header names (`email`, `mentee_email`, `pair_code`, ...), or None."""
    k = key(header)
    if not k:
        return None
    found = _lookup(PARTICIPANT_ONLY, k) or _lookup(PERSON_FIELDS, k)
    if found:
        return found
    for prefix in PREFIXES:
        for variant in (prefix + "s", prefix):
            if k.startswith(variant):
                rest = k[len(variant) :]
                if not rest:
                    return f"{prefix}_name"
                base = _lookup(PERSON_FIELDS, rest)
                if base:
                    return f"{prefix}_{base}"
    return None


def role_value(text: str) -> str | None:
    return ROLE_VALUES.get(text.strip().lower())
