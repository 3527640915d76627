"""Staff exports: read back every format, formulas stay text, the calendar is valid RFC 5545,
private text never leaks unless asked for, and a failed export leaves nothing behind."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from workshop_app.core.demo import FULL
from workshop_app.core.errors import UserError
from workshop_app.core.exports.csv_tables import cell_text
from workshop_app.core.exports.formats import FORMATS, export_workshop
from workshop_app.core.exports.tables import build_tables, read_export_data
from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language, translations
from workshop_app.core.store.workshop_file import WorkshopFile

SECRET_BOUNDARY = "ZebraBoundary4471"
SECRET_GOAL = "OkapiPrivateGoal9120"
SECRET_OLD = "NarwhalSignedBoundary3318"
FORMULA_NAME = '=HYPERLINK("http://evil.example","Click")'
SECRETS = (SECRET_BOUNDARY, SECRET_GOAL, SECRET_OLD)


@pytest.fixture
def wf(new_workshop: WorkshopFile) -> WorkshopFile:
    """Three pairs: P01 full and signed (then edited), P02 with a formula-looking mentor and a
    monthly rhythm, P03 empty; a private goal, boundaries, an agenda with timings."""
    w = new_workshop
    w.set_workshop_field("program_length_months", 6)
    people = [
        ("mentor", "Chloé Åberg", "chloe@x.example"),
        ("mentee", "Bo Li", "bo@x.example"),
        ("mentor", FORMULA_NAME, "formula@x.example"),
        ("mentee", "+44 Dana", "dana@x.example"),
        ("mentor", "@Eve", "eve@x.example"),
        ("mentee", "-Finn", "finn@x.example"),
    ]
    ids = [w.roster.add_participant(role=r, name=n, email=e).id for r, n, e in people]
    pairs = [w.roster.make_pair(ids[i], ids[i + 1]).id for i in (0, 2, 4)]
    for name, value in FULL.items():
        w.charters.set_field(pairs[0], name, value)
    w.charters.set_field(pairs[0], "boundaries", f"Not my pay. {SECRET_OLD}")
    for part, value in (("goal", "Lead the planning"), ("measure", "Four meetings"),
                        ("target_date", "2027-05-31")):  # fmt: skip
        w.charters.set_goal_part(pairs[0], 1, part, value)
    w.charters.set_goal_part(pairs[0], 2, "goal", SECRET_GOAL)
    w.charters.set_goal_part(pairs[0], 2, "why", f"because {SECRET_GOAL}")
    w.charters.set_goal_part(pairs[0], 2, "private", True)
    w.charters.add_plan(pairs[0], scenario="We both get busy", plan="we move the slot")
    w.charters.sign(
        pairs[0], mentor="Chloé Åberg", mentee="Bo Li", signed_at="2027-01-19T16:05:00+00:00"
    )
    w.charters.set_field(pairs[0], "boundaries", f"No pay talk. {SECRET_BOUNDARY}")  # v2
    w.charters.set_field(pairs[1], "first_meeting", "2027-02-09T17:00")  # the 2nd Tuesday
    w.charters.set_field(pairs[1], "meeting_frequency", "monthly")
    w.charters.set_field(pairs[1], "meeting_minutes", 45)
    w.charters.set_field(pairs[1], "review_days", "30, 90")
    w.charters.set_field(pairs[1], "purpose", "=1+1")
    w.roster.set_attendance(ids[0], True)
    w.roster.set_attendance(ids[1], False)
    from workshop_app.core.runner.agenda_store import PlannedSegment

    w.agenda.choose("half-day", [PlannedSegment("Welcome", 15), PlannedSegment("Skills", 45)])
    first = w.agenda.segments()[0]
    w.agenda.record_timing(first.id, started_at="2027-01-19T09:00:00+00:00",
                           ended_at="2027-01-19T09:18:00+00:00", actual_seconds=1080.0)  # fmt: skip
    return w


def export(wf: WorkshopFile, fmt: str, out: Path, **kw: Any) -> Path:
    return export_workshop(wf, format=fmt, out=out, timezone="Europe/London", **kw).path


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def all_bytes(path: Path) -> bytes:
    """Every byte of an export: files in a folder, members of a zip (xlsx is a zip too), and
    calendars unfolded so that a folded line cannot hide a word."""
    if path.is_dir():
        return b"".join(all_bytes(p) for p in sorted(path.rglob("*")) if p.is_file())
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            data += b"".join(zf.read(name) for name in zf.namelist())
    return data + data.replace(b"\r\n ", b"")


# -- CSV -----------------------------------------------------------------------------------


def test_csv_reads_back_equal_to_the_data(wf: WorkshopFile, tmp_path: Path) -> None:
    out = export(wf, "csv", tmp_path / "records")
    tables = build_tables(read_export_data(wf, include_confidential=False))
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["README.txt", *(f"{t.name}.csv" for t in tables)]
    )
    for table in tables:
        raw = (out / f"{table.name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the accents
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert rows[0] == [c.name for c in table.columns]
        assert rows[1:] == [[cell_text(v) for v in row] for row in table.rows]
    people = {r["email"]: r for r in read_csv(out / "participants.csv")}
    assert people["chloe@x.example"]["name"] == "Chloé Åberg"
    assert people["formula@x.example"]["name"] == "'" + FORMULA_NAME
    assert people["dana@x.example"]["name"] == "'+44 Dana"
    assert people["eve@x.example"]["name"] == "'@Eve"
    assert people["finn@x.example"]["name"] == "'-Finn"
    pairs = read_csv(out / "pairs.csv")
    assert pairs[0]["end_date"] == FULL["end_date"]
    assert pairs[0]["first_meeting"] == "2027-02-02T08:30"
    assert pairs[0]["complete"] == "yes" and pairs[0]["signature"] == "signed v1, edited since"
    assert pairs[1]["purpose"] == "'=1+1"
    signed = read_csv(out / "signoffs.csv")
    assert signed[0]["signed_at_utc"] == "2027-01-19T16:05:00Z"
    agenda = read_csv(out / "agenda.csv")
    assert (agenda[0]["actual_minutes"], agenda[0]["over_minutes"]) == ("18", "3")


def test_csv_zip_holds_the_same_files(wf: WorkshopFile, tmp_path: Path) -> None:
    folder = export(wf, "csv", tmp_path / "records")
    archive = export(wf, "csv", tmp_path / "records.zip")
    with zipfile.ZipFile(archive) as zf:
        assert sorted(zf.namelist()) == sorted(p.name for p in folder.iterdir())
        assert zf.read("participants.csv") == (folder / "participants.csv").read_bytes()


# -- XLSX ----------------------------------------------------------------------------------


def _as_excel(value: Any) -> Any:
    if value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return value


def test_xlsx_reads_back_with_dates_as_dates(wf: WorkshopFile, tmp_path: Path) -> None:
    out = export(wf, "xlsx", tmp_path / "records.xlsx")
    tables = build_tables(read_export_data(wf, include_confidential=False))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["README", *(t.title for t in tables)]
    for table in tables:
        sheet = book[table.title]
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.b
        assert all(sheet.column_dimensions[c].width >= 8 for c in "ABC")
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == [c.name for c in table.columns]
        assert [list(r) for r in rows[1:]] == [[_as_excel(v) for v in row] for row in table.rows]
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
    sheet = book["Participants"]
    names = {row[3].value: row[2] for row in sheet.iter_rows(min_row=2)}
    assert names["formula@x.example"].value == FORMULA_NAME
    assert names["formula@x.example"].data_type == "s"
    assert names["dana@x.example"].value == "+44 Dana"
    goals = book["SMART goals"]
    assert goals["G2"].value == datetime(2027, 5, 31) and goals["G2"].is_date
    readme = "\n".join(str(c) for r in book["README"].iter_rows(values_only=True) for c in r)
    assert "left out" in readme and "--include-confidential" in readme


# -- JSON ----------------------------------------------------------------------------------


def test_json_document_is_versioned_sorted_and_complete(wf: WorkshopFile, tmp_path: Path) -> None:
    out = export(wf, "json", tmp_path / "records")
    assert out.suffix == ".json"
    text = out.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert text == json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert next(iter(doc)) == "_about"
    about = doc["_about"]
    assert about["schema_version"] == 1 and about["confidential_included"] is False
    assert "boundaries" in " ".join(about["left_out"])
    assert [p["code"] for p in doc["pairs"]] == ["P01", "P02", "P03"]
    p01 = doc["pairs"][0]
    assert "boundaries" not in p01["charter"]["fields"]
    assert p01["charter"]["fields"]["purpose"] == FULL["purpose"]
    assert p01["charter"]["goals"][0]["goal"] == "Lead the planning"
    assert p01["charter"]["goals"][1] == {
        "id": p01["charter"]["goals"][1]["id"], "position": 2, "private": True, "withheld": True
    }  # fmt: skip
    assert p01["signed_versions"][0]["version"] == 1
    assert "boundaries" not in p01["signed_versions"][0]["fields"]
    assert {p["name"] for p in doc["participants"]} >= {"Chloé Åberg", FORMULA_NAME}
    assert doc["agenda"][0]["actual_seconds"] == 1080.0
    assert doc["workshop"]["program"] == "Accelerate"


# -- ICS -----------------------------------------------------------------------------------


def test_calendar_is_valid_with_the_agreed_recurrence(wf: WorkshopFile, tmp_path: Path) -> None:
    out = export(wf, "ics", tmp_path / "meetings.ics")
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = Calendar.from_ical(raw)
    assert cal["VERSION"] == "2.0" and "workshop-app" in str(cal["PRODID"])
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    events = cal.walk("VEVENT")
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event in events:
        assert event.get("DTSTAMP") is not None and event.get("DTSTART") is not None
        attendees = sorted(str(a) for a in event["ATTENDEE"])
        assert len(attendees) == 2 and all(a.startswith("mailto:") for a in attendees)
    by_summary = {str(e["SUMMARY"]): e for e in events}
    p01 = by_summary["Mentoring P01: Chloé Åberg & Bo Li"]
    start = p01["DTSTART"].dt
    assert (start.replace(tzinfo=None), str(start.tzinfo)) == (
        datetime(2027, 2, 2, 8, 30),
        "Europe/London",
    )
    assert p01["DURATION"].dt == timedelta(minutes=60)
    rule = p01["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [2]
    dates = list(rrulestr(rule.to_ical().decode(), dtstart=start))
    assert dates[1] - dates[0] == timedelta(days=14)
    assert dates[-1].date() <= date(2027, 10, 19) < (dates[-1] + timedelta(days=14)).date()
    reviews = sorted(
        e["DTSTART"].dt
        for e in events
        if "review" in str(e["SUMMARY"]) and "P01" in str(e["SUMMARY"])
    )
    assert reviews == [date(2027, 3, 4), date(2027, 5, 3), date(2027, 8, 1)]
    p02 = by_summary[f"Mentoring P02: {FORMULA_NAME} & +44 Dana"]
    monthly = list(rrulestr(p02["RRULE"].to_ical().decode(), dtstart=p02["DTSTART"].dt))
    assert p02["RRULE"]["BYDAY"] == ["2TU"]
    assert [d.date() for d in monthly[:3]] == [
        date(2027, 2, 9),
        date(2027, 3, 9),
        date(2027, 4, 13),
    ]
    assert len(monthly) == 6  # until the program length (6 months) is over
    assert p02["DURATION"].dt == timedelta(minutes=45)
    assert not any("P03" in str(e["SUMMARY"]) for e in events)  # no first meeting yet


# What a person reads in the calendar, in each charter language (the meetings' description
# names each agreement as the charter's field and choice do).
CALENDAR_WORDS = {
    "it": {
        "name": "Accelerate: incontri di mentoring",
        "meetings": "Mentoring P01: Chloé Åberg & Bo Li",
        "review": "Verifica del mentoring, giorno 30: P01 Chloé Åberg & Bo Li",
        "about": [
            "Coppia di mentoring P01: Chloé Åberg & Bo Li.",
            "Frequenza: Ogni due settimane",
            "Modalità: Mista",
            "Chi fissa gli incontri: Il mentee",
            "Concordato nell'accordo al workshop di avvio di Accelerate, il 19 gennaio 2027.",
        ],
        "note": "Verifica al giorno 30 dopo il primo incontro, per la coppia P01.",
    },
    "de": {
        "name": "Accelerate: Mentoring-Treffen",
        "meetings": "Mentoring P01: Chloé Åberg & Bo Li",
        "review": "Mentoring-Zwischenbilanz, Tag 30: P01 Chloé Åberg & Bo Li",
        "about": [
            "Mentoring-Tandem P01: Chloé Åberg & Bo Li.",
            "Wie oft: Alle zwei Wochen",
            "Format: Gemischt",
            "Wer die Termine plant: Mentee",
            "In der Vereinbarung beim Auftaktworkshop von Accelerate festgelegt, am 19. Januar "
            "2027.",
        ],
        "note": "Zwischenbilanz am Tag 30 nach dem ersten Treffen, für das Tandem P01.",
    },
    "fr": {
        "name": "Accelerate : rencontres de mentorat",
        "meetings": "Mentorat P01 : Chloé Åberg & Bo Li",
        "review": "Bilan d'étape du mentorat, jour 30 : P01 Chloé Åberg & Bo Li",
        "about": [
            "Binôme de mentorat P01 : Chloé Åberg & Bo Li.",
            "Fréquence : Toutes les deux semaines",
            "Format : Mixte",
            "Qui planifie : Le mentoré",
            "Convenu dans la charte lors de l'atelier de lancement de Accelerate, le 19 janvier "
            "2027.",
        ],
        "note": "Bilan d'étape au jour 30 après la première rencontre, pour le binôme P01.",
    },
}


def machine_view(cal: Calendar) -> list[tuple[str, ...]]:
    """What programs read of each event: every property but the texts people read."""
    return sorted(
        (
            str(e["UID"]),
            e["DTSTART"].to_ical().decode(),
            e.get("RRULE").to_ical().decode() if e.get("RRULE") else "",
            e["CATEGORIES"].to_ical().decode(),
            str(e["ORGANIZER"]),
            *sorted(f"{a}:{a.params['X-MENTORING-ROLE']}" for a in e["ATTENDEE"]),
        )
        for e in cal.walk("VEVENT")
    )


@pytest.mark.parametrize("lang", sorted(CALENDAR_WORDS))
def test_the_calendar_speaks_the_workshop_s_language_and_machines_read_the_same(
    wf: WorkshopFile, tmp_path: Path, lang: str
) -> None:
    english = Calendar.from_ical(export(wf, "ics", tmp_path / "en.ics").read_bytes())
    wf.set_workshop_field("language", lang)
    set_interface_language("en" if lang != "en" else "de")  # the interface has no say
    try:
        raw = export(wf, "ics", tmp_path / f"{lang}.ics").read_bytes()
    finally:
        set_interface_language(SOURCE_LANGUAGE)
    cal = Calendar.from_ical(raw)
    words = CALENDAR_WORDS[lang]
    assert str(cal["X-WR-CALNAME"]) == words["name"]
    note = str(cal["X-WR-CALDESC"])
    assert note != str(english["X-WR-CALDESC"]) and note.endswith(".")
    by_summary = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    meetings = by_summary[words["meetings"]]
    assert str(meetings["DESCRIPTION"]).splitlines() == words["about"]
    review = by_summary[words["review"]]
    lines = str(review["DESCRIPTION"]).splitlines()
    assert lines[0] == words["note"]
    assert lines[-1].endswith(FULL["feedback_method"])
    assert machine_view(cal) == machine_view(english)
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    for english_words in ("Review checkpoint", "Agreed in the charter", "Goals to review",
                          "mentoring meetings", "Every two weeks"):  # fmt: skip
        assert english_words not in unfolded


def test_calendar_floating_times_and_one_file_per_pair(wf: WorkshopFile, tmp_path: Path) -> None:
    out = export_workshop(wf, format="ics", out=tmp_path / "pairs.zip", per_pair=True,
                          timezone="floating").path  # fmt: skip
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == ["P01.ics", "P02.ics"]
        cal = Calendar.from_ical(zf.read("P02.ics"))
    assert not cal.walk("VTIMEZONE")
    event = cal.walk("VEVENT")[0]
    assert event["DTSTART"].dt == datetime(2027, 2, 9, 17, 0)  # floating: no tzinfo
    assert "UNTIL=20270809T235959" in event["RRULE"].to_ical().decode()


def test_calendar_lines_fold_without_splitting_characters() -> None:
    from workshop_app.core.exports.ics_calendar import fold

    for line in ["A" * 200, "DESCRIPTION:" + "é" * 100, "X:" + "日本語" * 40, "short"]:
        folded = fold(line)
        pieces = folded.removesuffix("\r\n").split("\r\n")
        assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
        assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line
        assert all(p.startswith(" ") for p in pieces[1:])


# What RFC 5545 escapes or folds, often enough to meet each other, and any character a
# workshop can hold (not half a surrogate pair: the store keeps U+FFFD in its place).
_ICS_TEXT = st.text(
    st.sampled_from(list('\\,;:"nN\n\r\t\x00 é日🙂')) | st.characters(codec="utf-8")
)
_RFC5545_TEXT = re.compile(r"(?:[^\\,;\x00-\x08\x0a-\x1f\x7f]|\\[\\,;nN])*")


@settings(max_examples=300, deadline=None)
@given(_ICS_TEXT)
def test_calendar_text_reads_back_through_icalendar(value: str) -> None:
    """The calendar's lines are written by hand (fast), so icalendar reads every text back:
    commas, semicolons, backslashes, line breaks, any script, folded at 75 octets."""
    from workshop_app.core.exports.ics_calendar import fold, text

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:u",
             "DTSTAMP:20270119T160500Z", f"DESCRIPTION:{text(value)}", "END:VEVENT",
             "END:VCALENDAR"]  # fmt: skip
    # RFC 5545's TEXT (3.3.11): a backslash, comma, semicolon or line break only escaped.
    assert _RFC5545_TEXT.fullmatch(text(value))
    (event,) = Calendar.from_ical("".join(map(fold, lines)).encode("utf-8")).walk("VEVENT")
    # What the writer drops on purpose: control characters; CR and CRLF become one line break.
    kept = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", value.replace("\r\n", "\n").replace("\r", "\n"))
    assert str(event["DESCRIPTION"]) == kept


def test_calendar_refuses_what_it_cannot_write(new_workshop: WorkshopFile, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="first meeting"):
        export_workshop(new_workshop, format="ics", out=tmp_path / "x.ics")
    with pytest.raises(UserError, match="Unknown time zone"):
        export_workshop(new_workshop, format="ics", out=tmp_path / "x.ics", timezone="Mars/Base")


# -- confidentiality -----------------------------------------------------------------------

TARGETS = {
    "csv": "records",
    "xlsx": "records.xlsx",
    "json": "records.json",
    "ics": "records.ics",
}


@pytest.mark.parametrize("fmt", [*sorted(TARGETS), "csv-zip", "ics-per-pair"])
def test_private_text_appears_in_no_export(wf: WorkshopFile, tmp_path: Path, fmt: str) -> None:
    extra = {"per_pair": True} if fmt == "ics-per-pair" else {}
    name = {"csv-zip": "records.zip", "ics-per-pair": "pairs"}.get(fmt) or TARGETS[fmt]
    out = export(wf, fmt.split("-")[0], tmp_path / name, **extra)
    data = all_bytes(out)
    for secret in SECRETS:
        assert secret.encode() not in data
    assert b"Lead the planning" in data  # the rest is there


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_private_text_is_included_when_asked(wf: WorkshopFile, tmp_path: Path, fmt: str) -> None:
    out = export(wf, fmt, tmp_path / TARGETS[fmt], include_confidential=True)
    data = all_bytes(out)
    assert SECRET_GOAL.encode() in data
    if fmt != "ics":  # the calendar carries goals, not boundaries
        assert SECRET_BOUNDARY.encode() in data
    if fmt == "json":
        assert SECRET_OLD.encode() in data  # the signed version, as signed
    assert b"INCLUDES" in data


def test_every_format_says_what_was_left_out(wf: WorkshopFile, tmp_path: Path) -> None:
    assert "left out" in (export(wf, "csv", tmp_path / "c") / "README.txt").read_text("utf-8-sig")
    doc = json.loads(export(wf, "json", tmp_path / "j.json").read_text("utf-8"))
    assert "--include-confidential" in doc["_about"]["note"]
    ics = Calendar.from_ical(export(wf, "ics", tmp_path / "c.ics").read_bytes())
    assert "left out" in str(ics["X-WR-CALDESC"])


# -- failures leave nothing behind ---------------------------------------------------------


def _full_disk(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("fmt,name", [("csv", "c"), ("csv", "c.zip"), ("xlsx", "x.xlsx"),
                                      ("json", "j.json"), ("ics", "i.ics")])  # fmt: skip
def test_a_full_disk_leaves_nothing_behind(
    wf: WorkshopFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, name: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setattr(os, "replace", _full_disk)
    with pytest.raises(UserError, match="The disk is full: nothing was written"):
        export(wf, fmt, out_dir / name)
    assert list(out_dir.iterdir()) == []


def test_no_permission_and_a_cancel_leave_nothing(
    wf: WorkshopFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "keep.json").write_text("old", encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_workshop(wf, format="xlsx", out=out_dir / "x.xlsx", progress=cancel)
    with monkeypatch.context() as m:
        m.setattr(
            os,
            "replace",
            lambda *a: (_ for _ in ()).throw(PermissionError(errno.EACCES, "Permission denied")),
        )
        with pytest.raises(UserError, match="permission"):
            export(wf, "json", out_dir / "keep.json")
    assert sorted(p.name for p in out_dir.iterdir()) == ["keep.json"]
    assert (out_dir / "keep.json").read_text(encoding="utf-8") == "old"


def test_export_refuses_bad_targets(wf: WorkshopFile, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        export(wf, "json", tmp_path / "missing" / "x.json")
    with pytest.raises(UserError, match="workshop file itself"):
        export_workshop(wf, format="json", out=wf.path)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "other.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="not empty"):
        export(wf, "csv", tmp_path / "full")
    with pytest.raises(UserError, match="Unknown export format"):
        export_workshop(wf, format="pdf", out=tmp_path / "x")


def test_a_file_target_is_replaced_unless_told_not_to(wf: WorkshopFile, tmp_path: Path) -> None:
    target = tmp_path / "records.json"
    target.write_text("an older export", encoding="utf-8")
    with pytest.raises(UserError, match=r"records\.json already exists: nothing was written"):
        export(wf, "json", target, replace=False)
    assert target.read_text(encoding="utf-8") == "an older export"
    export(wf, "json", target)  # the command line's rule: a file target is replaced
    assert json.loads(target.read_text(encoding="utf-8"))["_about"]["schema_version"] == 1


def test_summaries_name_the_export_and_count_in_words(wf: WorkshopFile, tmp_path: Path) -> None:
    archive = export_workshop(wf, format="archive", out=tmp_path / "archive.zip")
    assert archive.summary().startswith(f"Exported the archive to {tmp_path / 'archive.zip'} (")
    assert f"({len(archive.files)} files)." in archive.summary()
    workbook = export_workshop(wf, format="xlsx", out=tmp_path / "records")
    assert workbook.summary().startswith("Exported the Excel workbook to ")
    assert "(1 file" not in workbook.summary() and "(s)" not in workbook.summary()
    calendars = export_workshop(
        wf, format="ics", out=tmp_path / "calendars.zip", per_pair=True, timezone="UTC"
    )
    assert calendars.summary().startswith("Exported the calendars to ")
    # Only P03 has no first meeting: one pair "is" not in the calendar.
    assert "1 pair has no first meeting yet and is not in the calendar." in calendars.summary()


def test_summaries_speak_the_interface_language(wf: WorkshopFile, tmp_path: Path) -> None:
    set_interface_language("it")
    try:
        calendars = export_workshop(
            wf, format="ics", out=tmp_path / "calendars.zip", per_pair=True, timezone="UTC"
        )
        summary = calendars.summary()
        with pytest.raises(UserError, match=r"è il file del workshop stesso"):
            export_workshop(wf, format="json", out=wf.path)
    finally:
        set_interface_language(SOURCE_LANGUAGE)
    assert summary.startswith(f"Calendari esportati in {tmp_path / 'calendars.zip'} (")
    assert f"({len(calendars.files)} file). I contenuti riservati degli accordi" in summary
    assert "1 coppia non ha ancora un primo incontro e non è nel calendario." in summary


def test_the_json_explains_itself_in_the_workshops_language(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    wf.set_workshop_field("language", "fr")
    about = json.loads(export(wf, "json", tmp_path / "records").read_text("utf-8"))["_about"]
    assert about["note"].startswith("Le contenu confidentiel des chartes est exclu de cet export")
    assert about["left_out"][0].endswith("(boundaries)")
    assert about["left_out"][0] != "Boundaries and off-limits topics (boundaries)"
    assert about["confidential_included"] is False


# -- the workshop's language: READMEs and words for people in it, names for programs not --

# What a German and an Italian workshop's exports say, as a person there reads them.
IN_LANGUAGE = {
    "de": {
        "checkbox": "„Vertrauliche Inhalte einschließen“",
        "pairs": "Tandems und Vereinbarungen",
        "dates": "JJJJ-MM-TT",
        "booleans": "WAHR / FALSCH",
        "missing": "Zweck und Ziele; Rollen und Zusagen",
        "not checked in": "weder eingecheckt noch als abwesend markiert",
        "use xlsx": "exportieren Sie stattdessen die Excel-Arbeitsmappe (.xlsx)",
        "wrong term": "rivate Inhalte",
    },
    "it": {
        "checkbox": "“Includi i contenuti riservati”",
        "pairs": "Coppie e accordi",
        "dates": "AAAA-MM-GG",
        "booleans": "VERO / FALSO",
        "missing": "Finalità e obiettivi; Ruoli e impegni",
        "not checked in": "né registrato né segnato come assente",
        "use xlsx": "esporti invece la cartella di lavoro Excel (.xlsx)",
        "wrong term": "privati",
    },
}
ENGLISH_SHEETS = [
    "README", "Participants", "Pairs and charters", "SMART goals", "Troubleshooting plans",
    "Attendance", "Agenda timings", "Sign-offs", "Check-ins", "Contact and meeting log",
    "Checkpoint reviews", "Closures",
]  # fmt: skip


def readme_sheet(path: Path) -> dict[str, str]:
    sheet = openpyxl.load_workbook(path)["README"]
    return {str(k or ""): str(v or "") for k, v in sheet.iter_rows(values_only=True)}


@pytest.mark.parametrize("lang", ["de", "it"])
def test_every_readme_names_the_tick_box_as_the_export_page_shows_it(
    wf: WorkshopFile, tmp_path: Path, lang: str
) -> None:
    wf.set_workshop_field("language", lang)
    words = IN_LANGUAGE[lang]
    t = translations(lang)
    # The Export page's tick box begins with the words the README quotes.
    label = t.gettext("&Include private content (boundaries, goals marked private)")
    assert label.replace("&", "").startswith(words["checkbox"][1:-1])
    csv_readme = (export(wf, "csv", tmp_path / "c") / "README.txt").read_text("utf-8-sig")
    sheet = readme_sheet(export(wf, "xlsx", tmp_path / "x.xlsx"))
    note = json.loads(export(wf, "json", tmp_path / "j").read_text("utf-8"))["_about"]["note"]
    for text in (csv_readme, sheet[t.gettext("Private content")], note):
        assert words["checkbox"] in text
        assert words["wrong term"] not in text  # one word for it, the tick box's
    assert "Um sie einzuschließen" in note if lang == "de" else "Per includerli" in note


@pytest.mark.parametrize("lang", ["de", "it"])
def test_readmes_title_the_tables_in_the_workshops_language(
    wf: WorkshopFile, tmp_path: Path, lang: str
) -> None:
    """Titles, date pattern and true/false in the workshop's language; file, sheet and column
    names as programs read them, whatever the language."""
    wf.set_workshop_field("language", lang)
    words = IN_LANGUAGE[lang]
    out = export(wf, "csv", tmp_path / "c")
    readme = (out / "README.txt").read_text("utf-8-sig")
    assert f"  pairs.csv - {words['pairs']} (3 " in readme
    assert "Pairs and charters" not in readme and "SMART goals" not in readme
    assert f"ISO 8601, {words['dates']}" in readme and "YYYY" not in readme
    assert words["use xlsx"] in readme  # the workbook is what Excel opens as it should
    assert list(read_csv(out / "pairs.csv")[0])[:8] == [
        "pair_code", "pair_id", "mentor_name", "mentor_email", "mentee_name", "mentee_email",
        "complete", "missing_sections",
    ]  # fmt: skip
    path = export(wf, "xlsx", tmp_path / "x.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ENGLISH_SHEETS
    sheet = readme_sheet(path)
    assert sheet["Pairs and charters"].startswith(f"{words['pairs']} (3 ")
    assert words["booleans"] in sheet[translations(lang).gettext("True/false")]
    # ... as the cells are real true/false values, which Excel shows in its own language.
    complete = next(book["Pairs and charters"].iter_rows(min_row=2, max_row=2))[6]
    assert complete.data_type == "b" and complete.value is True


@pytest.mark.parametrize("lang", ["de", "it"])
def test_words_for_people_are_in_the_workshops_language_codes_are_not(
    wf: WorkshopFile, tmp_path: Path, lang: str
) -> None:
    wf.set_workshop_field("language", lang)
    words = IN_LANGUAGE[lang]
    out = export(wf, "csv", tmp_path / "c")
    pairs = {row["pair_code"]: row for row in read_csv(out / "pairs.csv")}
    assert pairs["P03"]["missing_sections"].startswith(words["missing"])
    assert pairs["P01"]["signature"] == "signed v1, edited since"
    attendance = [row["attendance"] for row in read_csv(out / "attendance.csv")]
    assert attendance == ["present", "absent", "not checked in", "not checked in",
                          "not checked in", "not checked in"]  # fmt: skip
    readme = (out / "README.txt").read_text("utf-8-sig")
    assert f"  attendance = not checked in: {words['not checked in']}" in readme
    assert "  signature = signed vN, edited since: " in readme
    doc = json.loads(export(wf, "json", tmp_path / "j").read_text("utf-8"))
    p03 = next(p for p in doc["pairs"] if p["code"] == "P03")
    assert p03["missing_sections"][:2] == ["purpose", "roles"]  # keys, for programs


def seen_by(seen: list[tuple[int, int]]) -> Any:
    return lambda done, total: seen.append((done, total))


def test_progress_reaches_the_end(wf: WorkshopFile, tmp_path: Path) -> None:
    for fmt in ("csv", "xlsx", "json", "ics"):
        seen: list[tuple[int, int]] = []
        export_workshop(wf, format=fmt, out=tmp_path / f"p-{fmt}", progress=seen_by(seen))
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
        assert all(d <= t for d, t in seen)
    assert set(FORMATS) >= {"csv", "xlsx", "json", "ics", "archive"}


# -- archive -------------------------------------------------------------------------------


def archive(wf: WorkshopFile, out: Path, *, include: bool = False) -> list[str]:
    from workshop_app.core.exports.archive import write_archive

    data = read_export_data(wf, include_confidential=include)
    return write_archive(wf, data, out=out, workers=0)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_archive_holds_signed_charters_summary_and_json(wf: WorkshopFile, tmp_path: Path) -> None:
    out = tmp_path / "archive"
    names = archive(wf, out)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == sorted(names)
    charters = sorted(p.name for p in (out / "charters").iterdir())
    assert charters[0].startswith("P01 - Chloé Åberg")
    assert len(charters) == 3  # one per pair
    p01 = pdf_text(out / "charters" / charters[0])
    assert "Version 1, signed" in p01  # the signed version, not the draft edited since
    assert "Private to the pair: left out" in p01
    texts = [pdf_text(p) for p in sorted(out.rglob("*.pdf"))]
    for secret in SECRETS:
        assert all(secret not in text for text in texts)
        assert secret.encode() not in all_bytes(out)
    assert "Accelerate" in pdf_text(out / "Workshop summary.pdf")
    doc = json.loads((out / "workshop.json").read_text(encoding="utf-8"))
    assert doc["_about"]["confidential_included"] is False
    readme = (out / "README.txt").read_text(encoding="utf-8-sig")
    assert "P01" in readme and "edited after signing" in readme and "left out" in readme


def test_an_italian_archive_withholds_the_same_private_text_in_italian(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    """Private fields are found by name, not by their printed (translated) label; the README,
    the placeholder and the summary's name (a file for people) are in the workshop's language;
    the names scripts find the parts by are not."""
    wf.set_workshop_field("language", "it")
    out = tmp_path / "archive"
    names = archive(wf, out)
    assert {"README.txt", "Riepilogo del workshop.pdf", "workshop.json"} <= set(names)
    assert "Workshop summary.pdf" not in names
    assert all(n.startswith("charters/") for n in names if n.endswith(".pdf") and "/" in n)
    texts = [pdf_text(p) for p in sorted(out.rglob("*.pdf"))]
    for secret in SECRETS:
        assert all(secret not in text for text in texts)
        assert secret.encode() not in all_bytes(out)
    p01 = pdf_text(next((out / "charters").glob("P01 *.pdf")))
    assert "Riservato alla coppia: escluso da questa copia per lo staff." in p01
    assert "Versione 1, firmata" in p01
    readme = (out / "README.txt").read_text(encoding="utf-8-sig")
    assert readme.startswith("Archivio del workshop di mentoring")
    assert "modificata dopo la firma" in readme and "workshop.json" in readme
    assert "  Riepilogo del workshop.pdf  " in readme


def test_archive_includes_private_text_when_asked(wf: WorkshopFile, tmp_path: Path) -> None:
    out = tmp_path / "archive.zip"
    archive(wf, out, include=True)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        pdf = next(n for n in names if n.startswith("charters/P01"))
        (tmp_path / "p01.pdf").write_bytes(zf.read(pdf))
        assert SECRET_BOUNDARY.encode() in zf.read("workshop.json")
    text = pdf_text(tmp_path / "p01.pdf")
    assert SECRET_OLD in text and SECRET_GOAL in text  # as signed: v1's boundaries


def test_archive_through_the_export_api_and_a_failure(
    wf: WorkshopFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int]] = []
    result = export_workshop(wf, format="archive", out=tmp_path / "a", progress=seen_by(seen))
    assert result.path.is_dir() and seen[-1][0] == seen[-1][1]
    assert "left out" in result.summary()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setattr(os, "replace", _full_disk)
    with pytest.raises(UserError):
        archive(wf, out_dir / "a.zip")
    assert list(out_dir.iterdir()) == []


# What a workshop's document holds: text, SQLite's 64-bit integers, finite numbers of at least
# 0.0001 (times are kept to a tenth of a second, minutes are positive), true/false/null.
_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: f == 0 or abs(f) >= 1e-4)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), _json_values, max_size=4))
def test_the_json_writer_writes_what_json_dumps_would(value: dict[str, Any]) -> None:
    from workshop_app.core.exports.json_document import document_bytes

    expected = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert document_bytes(value) == expected.encode("utf-8")


def test_the_json_writer_differs_from_json_dumps_only_where_json_allows() -> None:
    """The schema's two allowed differences (docs/json-schema.md): a tiny number is written
    without an exponent, and NaN or infinity, which JSON has no way to write, is null."""
    from workshop_app.core.exports.json_document import document_bytes

    tiny = {"actual_seconds": 1e-05, "spread": [5e-324, -0.00012]}
    assert json.loads(document_bytes(tiny)) == tiny
    assert b'"actual_seconds": 0.00001' in document_bytes(tiny)
    odd = {"a": float("nan"), "b": float("inf"), "c": float("-inf")}
    assert document_bytes(odd) == b'{\n  "a": null,\n  "b": null,\n  "c": null\n}\n'
    assert json.loads(document_bytes(odd), parse_constant=pytest.fail) == dict.fromkeys("abc")
