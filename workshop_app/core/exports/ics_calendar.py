"""Calendar export (iCalendar, RFC 5545): each pair's meetings and review checkpoints.

For each pair whose charter has a first meeting: one recurring event, starting at the first
meeting, for the meetings agreed (weekly, every two weeks, or monthly on the same weekday of
the month, e.g. the first Tuesday; a custom frequency gives the first meeting only), lasting the
agreed length, until the charter's end date (else the program length); and one all-day event per
review checkpoint, counted in days from the first meeting. Both partners are attendees and the
one who schedules is the organiser. UIDs are stable, so importing a newer export updates the
same events instead of duplicating them. There is no METHOD, so importing sends no invitations.

The texts people read (the calendar's name and description, each event's summary and
description) are in the workshop's charter language, as every export's README; what programs
read (UIDs, CATEGORIES, X-MENTORING-ROLE, the rules and dates) is the same in every language.

Times: the pair agreed a wall-clock time. With a time zone (the `timezone` argument, else the
machine's own zone when it has an IANA name) the events carry a TZID and the calendar its
VTIMEZONE; with `timezone="floating"`, or when the machine's zone is unknown (Windows without a
TZ variable), they are floating times, read in the viewer's own zone.

The lines are written here rather than by icalendar's serialiser, which folds one character at a
time and takes seconds for thousands of events; icalendar builds the VTIMEZONE, and the tests
parse every export back with icalendar.
"""

from __future__ import annotations

import calendar
import contextlib
import os
import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workshop_app import __version__
from workshop_app.core.charter_fields import FIELD_BY_NAME, choice_label
from workshop_app.core.charters.dates import format_date
from workshop_app.core.errors import UserError
from workshop_app.core.exports.tables import ExportData, as_local, confidentiality_note
from workshop_app.core.file_names import safe_filename, unique_names
from workshop_app.core.i18n import _, translations
from workshop_app.core.jobs import Progress
from workshop_app.core.store.atomic import atomic_file, atomic_folder

PRODID = f"-//Mentoring workshop app//workshop-app {__version__}//EN"
UID_DOMAIN = "workshop-app"
FLOATING = "floating"
DEFAULT_MINUTES = 60
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


# -- time zones ----------------------------------------------------------------------------


def local_timezone_name() -> str | None:
    """The machine's IANA time zone name, when it can be known without extra packages."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        link = os.readlink("/etc/localtime")
        candidates.append(link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "")
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        if name and _zone(name) is not None:
            return name
    return None


def resolve_timezone(name: str | None) -> ZoneInfo | None:
    """The zone events are written in: None means floating times."""
    if name is None:
        local = local_timezone_name()
        return _zone(local) if local else None
    if name.strip().lower() == FLOATING:
        return None
    zone = _zone(name.strip())
    if zone is None:
        raise UserError(
            _(
                "Unknown time zone {name}: use a name like Europe/London or America/New_York, "
                "or '{floating}' for times without a zone."
            ).format(name=repr(name), floating=FLOATING)
        )
    return zone


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


# -- content lines (RFC 5545 section 3.1) ---------------------------------------------------


def text(value: Any) -> str:
    """A TEXT value: escaped, without control characters."""
    cleaned = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", cleaned).translate(_TEXT_ESCAPES)


def param(value: str) -> str:
    value = _CONTROL.sub("", value.replace("\n", " ").replace("\t", " ")).replace('"', "'")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def fold(line: str) -> str:
    """One content line, folded at 75 octets without splitting a UTF-8 character."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line + "\r\n"
    parts, start, limit = [], 0, 75
    while len(raw) - start > limit:
        end = start + limit
        while raw[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, 74  # continuation lines begin with a space
    parts.append(raw[start:])
    return b"\r\n ".join(parts).decode("utf-8") + "\r\n"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- events ----------------------------------------------------------------------------------


def rrule(frequency: str, start: datetime, until: datetime | None, zone: tzinfo | None) -> str:
    """The RRULE value for an agreed frequency ('' when it cannot be expressed)."""
    if frequency == "weekly":
        rule = "FREQ=WEEKLY"
    elif frequency == "biweekly":
        rule = "FREQ=WEEKLY;INTERVAL=2"
    elif frequency == "monthly":
        nth = (start.day - 1) // 7 + 1
        rule = f"FREQ=MONTHLY;BYDAY={-1 if nth == 5 else nth}{_WEEKDAYS[start.weekday()]}"
    else:
        return ""
    if until is not None:
        # With a TZID start, UNTIL must be UTC; with a floating start, floating (3.3.10).
        rule += f";UNTIL={_utc(until.replace(tzinfo=zone)) if zone else _local(until)}"
    return rule


class _Pair:
    """One pair's calendar lines."""

    def __init__(self, data: ExportData, overview: Any, zone: ZoneInfo | None, stamp: str):
        self.data, self.o, self.zone, self.stamp = data, overview, zone, stamp
        self.lang = data.workshop.language or "en"
        self.words = translations(self.lang)
        self.values = data.fields.get(overview.pair_id, {})
        first = as_local(self.values.get("first_meeting"))
        self.start = first if isinstance(first, datetime) else None

    def end_date(self) -> date | None:
        end = self.values.get("end_date")
        if end:
            try:
                return date.fromisoformat(end)
            except ValueError:
                pass
        months = self.data.workshop.program_length_months
        if months and self.start is not None:
            return _add_months(self.start.date(), months)
        return None

    def people(self) -> list[str]:
        o = self.o
        organiser = o.mentor_email if self.values.get("who_schedules") == "mentor" else None
        organiser = organiser or o.mentee_email
        names = {o.mentor_email: o.mentor_name, o.mentee_email: o.mentee_name}
        lines = [f"ORGANIZER;CN={param(names[organiser])}:mailto:{organiser}"]
        for role, name, email in (("mentor", o.mentor_name, o.mentor_email),
                                  ("mentee", o.mentee_name, o.mentee_email)):  # fmt: skip
            lines.append(
                f"ATTENDEE;CN={param(name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
                f"PARTSTAT=NEEDS-ACTION;X-MENTORING-ROLE={role}:mailto:{email}"
            )
        return lines

    def when(self, moment: datetime) -> str:
        if self.zone is None:
            return f":{_local(moment)}"
        return f";TZID={self.zone.key}:{_local(moment)}"

    def events(self) -> Iterator[str]:
        if self.start is None:
            return
        o, v, gettext = self.o, self.values, self.words.gettext
        names = {"code": o.code, "mentor": o.mentor_name, "mentee": o.mentee_name}
        frequency = v.get("meeting_frequency") or ""
        end = self.end_date()
        until = datetime.combine(end, time(23, 59, 59)) if end else None
        rule = rrule(frequency, self.start, until, self.zone)
        summary = gettext("Mentoring {code}: {mentor} & {mentee}").format(**names)
        yield from self._event(
            "meetings",
            [
                f"DTSTART{self.when(self.start)}",
                f"DURATION:{_duration(int(v.get('meeting_minutes') or DEFAULT_MINUTES))}",
                *([f"RRULE:{rule}"] if rule else []),
                f"SUMMARY:{text(summary)}",
                *([f"LOCATION:{text(v['meeting_place'])}"] if v.get("meeting_place") else []),
                f"DESCRIPTION:{text(self.about(frequency))}",
            ],
        )
        goals = [g.goal for g in self.data.goals.get(o.pair_id, []) if not self.data.withheld(g)]
        for day in sorted({int(d) for d in re.findall(r"\d+", str(v.get("review_days") or ""))}):
            when = self.start.date() + timedelta(days=day)
            note = [
                gettext(
                    "Review checkpoint, day {day} after the first meeting, for pair {code}."
                ).format(day=day, code=o.code)
            ]
            note += (
                [gettext("Goals to review:"), *(f"- {g}" for g in goals if g)] if any(goals) else []
            )
            if v.get("feedback_method"):
                note.append(self.agreed("feedback_method", v["feedback_method"]))
            summary = gettext("Mentoring review, day {day}: {code} {mentor} & {mentee}").format(
                day=day, **names
            )
            yield from self._event(
                f"review-{day}",
                [
                    f"DTSTART;VALUE=DATE:{when:%Y%m%d}",
                    f"DTEND;VALUE=DATE:{when + timedelta(days=1):%Y%m%d}",
                    "TRANSP:TRANSPARENT",
                    f"SUMMARY:{text(summary)}",
                    f"DESCRIPTION:{text(chr(10).join(note))}",
                ],
            )

    def agreed(self, name: str, value: str) -> str:
        """A charter field and what was agreed in it, in the workshop's language ("Wie oft:
        Alle zwei Wochen", "Fréquence : Toutes les deux semaines")."""
        # Translators: a charter field's label and its value, as in "How often: Weekly".
        return self.words.gettext("{label}: {value}").format(
            label=self.words.gettext(FIELD_BY_NAME[name].label), value=value
        )

    def choice(self, name: str, value: str) -> str:
        """A stored choice as the charter names it, in the workshop's language."""
        return self.words.gettext(choice_label(name, value))

    def about(self, frequency: str) -> str:
        """The meetings' description: the pair, what they agreed (each as the charter's field
        and choice name it, so that no word changes case between languages), and where."""
        o, v, w, gettext = self.o, self.values, self.data.workshop, self.words.gettext
        if frequency == "custom":
            how = v.get("meeting_frequency_custom") or self.choice("meeting_frequency", "custom")
        else:
            how = self.choice("meeting_frequency", frequency) or gettext("not agreed")
        lines = [
            gettext("Mentoring pair {code}: {mentor} & {mentee}.").format(
                code=o.code, mentor=o.mentor_name, mentee=o.mentee_name
            ),
            self.agreed("meeting_frequency", how),
        ]
        for name in ("meeting_format", "who_schedules"):
            if v.get(name):
                lines.append(self.agreed(name, self.choice(name, v[name])))
        lines.append(
            gettext("Agreed in the charter at the {program} launch workshop, {date}.").format(
                program=w.program, date=format_date(w.date, self.lang)
            )
        )
        return "\n".join(lines)

    def _event(self, kind: str, body: list[str]) -> Iterator[str]:
        yield "BEGIN:VEVENT"
        yield f"UID:{self.o.pair_id}.{kind}@{UID_DOMAIN}"
        yield f"DTSTAMP:{self.stamp}"
        yield from body
        yield "CATEGORIES:Mentoring"
        yield from self.people()
        yield "END:VEVENT"


def calendar_text(data: ExportData, overviews: list[Any], zone: ZoneInfo | None) -> str:
    stamp = _utc(datetime.now(UTC))
    pairs = [_Pair(data, o, zone, stamp) for o in overviews]
    w = data.workshop
    lang = w.language or "en"
    name = translations(lang).gettext("{program}: mentoring meetings").format(program=w.program)
    note = confidentiality_note(included=data.include_confidential, lang=lang)
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{text(name)}",
        f"X-WR-CALDESC:{text(note)}",
    ]
    if zone is not None:
        head.append(f"X-WR-TIMEZONE:{zone.key}")
    out = [fold(line) for line in head]
    spans = [(p.start.date(), p.end_date()) for p in pairs if p.start is not None]
    if zone is not None and spans:
        first = min(start for start, _ in spans)
        last = max(end or start for start, end in spans)
        out.append(_vtimezone(zone, first, last))
    out.extend(fold(line) for p in pairs for line in p.events())
    out.append("END:VCALENDAR\r\n")
    return "".join(out)


def _vtimezone(zone: ZoneInfo, first: date, last: date) -> str:
    from icalendar import Timezone

    component = Timezone.from_tzinfo(
        zone, first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1)
    )
    return component.to_ical().decode("utf-8")


def write_ics(
    data: ExportData,
    *,
    out: Path,
    per_pair: bool = False,
    timezone: str | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """One calendar at `out`, or with `per_pair` one per pair in the folder (or zip) `out`."""
    zone = resolve_timezone(timezone)
    with_meeting = [o for o in data.overview if data.fields.get(o.pair_id, {}).get("first_meeting")]
    if not with_meeting:
        raise UserError(
            _("No pair has agreed a first meeting yet, so there is nothing to put in a calendar.")
        )
    if not per_pair:
        if progress is not None:
            progress(0, 1)
        payload = calendar_text(data, with_meeting, zone).encode("utf-8")
        with atomic_file(out) as temp:
            temp.write_bytes(payload)
        if progress is not None:
            progress(1, 1)
        return [out.name]
    total = len(with_meeting)
    # A code is a file name here: one edited outside the app (`../../x`, `/abs/x`) must not
    # lead outside `out`, and two codes that clean to one name must not overwrite each other.
    names = unique_names([safe_filename(o.code, suffix=".ics", fallback="pair")
                          for o in with_meeting])  # fmt: skip

    def calendars() -> Iterator[tuple[str, bytes]]:
        for done, (name, o) in enumerate(zip(names, with_meeting, strict=True), start=1):
            if progress is not None:
                progress(done, total)
            yield name, calendar_text(data, [o], zone).encode("utf-8")

    if out.suffix.lower() == ".zip":
        with atomic_file(out) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, payload in calendars():
                zf.writestr(name, payload)
    else:
        with atomic_folder(out) as folder:
            for name, payload in calendars():
                (folder / name).write_bytes(payload)
    return names
