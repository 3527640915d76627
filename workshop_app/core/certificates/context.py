"""What a letter of appointment says, as plain data for `certificate.html.j2`.

A letter, not a certificate: an HR department marks the start of a role with a letter of
appointment (addressed, dated, signed by the person who makes the appointment, fit for the
personnel file and to show a line manager) and keeps certificates for what has been
completed. At the launch nobody has completed anything yet; being chosen is the honour, and
the letter says so. A certificate of completion belongs to the program's close.

Every value is the roster's and the program page's, cleaned (`charters.context.clean`) and
escaped by the template; a sponsor not yet named leaves a line to write the name on, never
"None".
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING

from workshop_app.core.charters.context import brand_context, clean, program_context, w3c_datetime
from workshop_app.core.charters.dates import format_date, parse_date
from workshop_app.core.i18n import N_, translations
from workshop_app.core.roster.attendance import name_order

if TYPE_CHECKING:
    from workshop_app.core.model import Participant, Workshop
    from workshop_app.core.store.workshop_file import WorkshopFile

CERTIFICATE_TEMPLATE = "certificate.html.j2"
ROLE_TITLES = {"mentor": N_("Mentor"), "mentee": N_("Mentee")}


def letter_contexts(wf: WorkshopFile) -> list[dict]:
    """A letter for every participant of the roster, mentors and mentees, by name."""
    workshop = wf.workshop()
    people = {p.id: p for p in wf.roster.participants()}
    partners: dict[str, str] = {}
    for pair in wf.roster.pairs():
        mentor, mentee = people.get(pair.mentor_id), people.get(pair.mentee_id)
        if mentor and mentee:
            partners[mentor.id], partners[mentee.id] = mentee.name, mentor.name
    shared = {
        "lang": workshop.language or "en",
        "paper": workshop.paper_size,
        "brand": brand_context(workshop),
        "program": program_context(workshop),
        "dates": program_dates(workshop),
        "letter_date": format_date(workshop.date, workshop.language or "en"),
        "sponsor": {
            "name": clean(workshop.sponsor_name),
            "title": clean(workshop.sponsor_title),
        },
    }
    ordered = sorted(people.values(), key=lambda p: name_order(p.name))
    return [_letter(p, partners.get(p.id, ""), workshop, shared) for p in ordered]


def _letter(person: Participant, partner: str, workshop: Workshop, shared: dict) -> dict:
    role = person.role if person.role in ROLE_TITLES else "mentee"
    t = translations(shared["lang"])
    role_title = t.gettext(ROLE_TITLES[role])
    name = clean(person.name)
    stamps = [s for s in (workshop.updated_at, person.updated_at) if s]
    return {
        **shared,
        "title": clean(
            t.gettext("Letter of appointment: {name}, {role}, {program}").format(
                name=name, role=role_title, program=workshop.program
            )
        ),
        "author": clean(f"{workshop.organisation}, {workshop.program}"),
        "created": w3c_datetime(max(stamps, default=workshop.date)),
        "person": {
            "name": name,
            "role": role,
            "role_title": role_title,
            "title": clean(person.title),
            "department": clean(person.department),
            "partner": clean(partner),
        },
    }


def program_dates(workshop: Workshop) -> dict:
    """When the program starts (the launch workshop) and ends (its length later), as printed;
    the end '' when the program page gives no length."""
    lang = workshop.language or "en"
    start = parse_date(workshop.date)
    months = workshop.program_length_months
    end = add_months(start, months) if start and months else None
    return {
        "start": format_date(workshop.date, lang),
        "end": format_date(end.isoformat(), lang) if end else "",
        "months": months or 0,
    }


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
