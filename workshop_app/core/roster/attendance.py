"""Attendance: finding the person who just walked in by a part of their name, and the printable
sign-in sheet (every participant, sorted by name, with a column to sign, on the workshop's
paper size). `sign_in_context()` reads the file (plain, picklable data);
`render_sign_in_sheet()` lays it out as PDF, in a worker process when the app asks for it."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.core.charters.context import (
    brand_context,
    clean,
    program_context,
    w3c_datetime,
)
from workshop_app.core.charters.dates import format_date, format_number
from workshop_app.core.i18n import N_, translations
from workshop_app.core.model import pair_by_person

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

ROLE_NAMES = {"mentor": N_("Mentor"), "mentee": N_("Mentee")}


def plain(text: str) -> str:
    """`text` without accents, case or doubled spaces: "Chloé  Martin" -> "chloe martin"."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(letters.split())


def name_order(name: str) -> tuple[str, str]:
    """Sort key for names as people look for them on a list: accents and case ignored
    ("Élodie" files with "Elodie", between "Elena" and "Fatima")."""
    return (plain(name), name)


def matches(name: str, typed: str) -> bool:
    """Whether `typed` (part of a name, as a person types it at the door: "fati", "chloe",
    "al-say") finds `name`."""
    return bool(plain(typed)) and plain(typed) in plain(name)


def sign_in_context(wf: WorkshopFile) -> dict:
    """Everything `attendance.html.j2` needs, as plain data."""
    workshop = wf.workshop()
    lang = workshop.language or "en"
    t = translations(lang)
    codes = {person: pair.code for person, pair in pair_by_person(wf.roster.pairs()).items()}
    people = sorted(wf.roster.participants(), key=lambda p: name_order(p.name))
    stamps = [workshop.updated_at, *(p.updated_at for p in people)]
    return {
        "lang": lang,
        "paper": workshop.paper_size,
        "title": clean(
            t.gettext("Sign-in sheet: {program}, {date}").format(
                program=workshop.program, date=format_date(workshop.date, lang)
            )
        ),
        "author": clean(f"{workshop.organisation}, {workshop.program}"),
        "created": w3c_datetime(max((s for s in stamps if s), default=workshop.date)),
        "brand": brand_context(workshop),
        "program": program_context(workshop),
        "count_text": t.ngettext("{n} participant", "{n} participants", len(people)).format(
            n=format_number(len(people), lang)
        ),
        "people": [
            {
                "name": clean(p.name),
                "role": t.gettext(ROLE_NAMES[p.role]) if p.role in ROLE_NAMES else clean(p.role),
                "code": codes.get(p.id, ""),
                "department": clean(p.department),
            }
            for p in people
        ],
    }


def render_sign_in_sheet(context: dict, *, paper: str | None = None) -> bytes:
    """The sign-in sheet as PDF bytes."""
    from workshop_app.core.charters.pdf_render import (
        ATTENDANCE_TEMPLATE,
        render_document,
        write_pdf,
    )

    return write_pdf([render_document(ATTENDANCE_TEMPLATE, context, paper=paper)])


def write_sign_in_sheet(context: dict, out: Path, *, paper: str | None = None) -> Path:
    """Render the sheet and write it to `out` whole, or not at all (a full disk leaves no
    half-written PDF behind)."""
    from workshop_app.core.store.atomic import write_bytes

    write_bytes(out, render_sign_in_sheet(context, paper=paper))
    return out
