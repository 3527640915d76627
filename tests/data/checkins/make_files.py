"""Write the check-in survey exports in this folder, in the shapes the tools export.

Run it from the repository: `python tests/data/checkins/make_files.py`. The files are
committed; this script is how they were made, and how to make them again.

- Microsoft Forms (Export to Excel): one sheet, `ID`, `Start time`, `Completion time`, `Email`,
  `Name` in the form owner's language (Italian: `Ora di inizio`, ..., and `Ora dell'ultima
  modifica`), real date-time cells, then one column per question; a multiple-choice answer as
  `a;b;`; `anonymous` for the email and name of a form anyone can answer.
- Google Forms (Download responses .csv): UTF-8, commas, `Timestamp` and `Email Address` in
  the form's language (`Carimbo de data/hora`, `Endereço de e-mail`; `Zeitstempel`,
  `E-Mail-Adresse`), local dates (`19/01/2027 14:03:22`, `19.01.2027 14:03:22`), checkbox
  answers joined with ", ".
- Qualtrics (Export data, CSV or TSV): three header rows (the columns' ids, the question
  texts, `{"ImportId":...}`), the tool's own columns, choice text or codes; the CSV is UTF-8
  with a BOM, the TSV UTF-16 with a BOM.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

READY = [
    "Your pair code (on your charter, e.g. P07)",
    "Are you the mentor or the mentee?",
    "Which checkpoint is this check-in for?",
    "How many times have you met since the last checkpoint?",
    "When did you last meet?",
    "How far has goal 1 of your charter moved? (1 = not started, 5 = achieved)",
    "How far has goal 2 of your charter moved? (1 = not started, 5 = achieved)",
    "How far has goal 3 of your charter moved? (1 = not started, 5 = achieved)",
    "How is the pairing working for you?",
    "How satisfied are you with the mentoring so far? (1 = not at all, 5 = very)",
    "Would you like help from the program team?",
    "Anything else you want the program team to know?",
]
HELP = "Yes, we'd like help from the program team"
SAVED = datetime(2027, 2, 1, 9, 0, 0)  # the workbooks' own dates: the same bytes every run


def _save(book: openpyxl.Workbook, name: str) -> None:
    book.properties.created = book.properties.modified = SAVED
    book.save(HERE / name)


def roster() -> None:
    rows = [
        ("Role", "Name", "Email", "Pair Code"),
        ("Mentor", "Giulia Rossi", "giulia.rossi@harbourline.example", "P01"),
        ("Mentee", "Marco Bianchi", "marco.bianchi@harbourline.example", "P01"),
        ("Mentor", "Anna Schmidt", "anna.schmidt@harbourline.example", "P02"),
        ("Mentee", "Lukas Müller", "lukas.mueller@harbourline.example", "P02"),
        ("Mentor", "Ana Souza", "ana.souza@harbourline.example", "P03"),
        ("Mentee", "João Pereira", "joao.pereira@harbourline.example", "P03"),
        ("Mentor", "Claire Dubois", "claire.dubois@harbourline.example", "P04"),
        ("Mentee", "Hélène Martin", "helene.martin@harbourline.example", "P04"),
        ("Mentor", "Priya Nair", "priya.nair@harbourline.example", "P05"),
        ("Mentee", "Alex Morgan", "alex.morgan@harbourline.example", "P05"),
        ("Mentor", "Alex Morgan", "alex.morgan2@harbourline.example", "P06"),
        ("Mentee", "Sam Okafor", "sam.okafor@harbourline.example", "P06"),
    ]
    _csv("roster.csv", rows)


def ms_forms_english() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(
        ["ID", "Start time", "Completion time", "Email", "Name", *READY, "Topics you discussed"]
    )
    sheet.append([
        1, datetime(2027, 1, 4, 9, 12, 5), datetime(2027, 1, 4, 9, 15, 41),
        "giulia.rossi@harbourline.example", "Giulia Rossi",
        "P01", "Mentor", "Day 30", 2, "12/28/2026", "3", "2", "", "A good fit", "4 ", "No, not now",
        "Off to a good start.", "Career;Skills;",
    ])  # fmt: skip
    sheet.append([
        2, datetime(2027, 1, 5, 17, 40, 0), datetime(2027, 1, 5, 17, 44, 9),
        "marco.bianchi@harbourline.example", "Marco Bianchi",
        "p1", "Mentee", "Day 30", 2, "12/28/2026", "2", "2", "1", "Still deciding", "3",
        "No, not now", "", "Career;",
    ])  # fmt: skip
    # A pair code left out: the email says who answered.
    sheet.append([
        3, datetime(2027, 1, 6, 8, 1, 30), datetime(2027, 1, 6, 8, 6, 2),
        "sam.okafor@harbourline.example", "Sam Okafor",
        "", "Mentee", "Day 30", 0, "", "1", "", "", "Not a fit", "2", HELP,
        "We have not managed to meet yet; our calendars never line up.", "",
    ])  # fmt: skip
    _save(book, "ms_forms_en.xlsx")


def ms_forms_italian() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Foglio1"
    sheet.append([
        "ID", "Ora di inizio", "Ora di completamento", "Posta elettronica", "Nome",
        "Ora dell'ultima modifica",
        "Il codice della vostra coppia (sul vostro accordo, es. P07)",
        "Sei il mentore o il mentee?",
        "Quante volte vi siete incontrati dall'ultimo punto di controllo?",
        "Quando vi siete incontrati l'ultima volta?",
        "Obiettivo 1: a che punto siete? (da 1 a 5)",
        "Obiettivo 2: a che punto siete? (da 1 a 5)",
        "Come sta funzionando l'abbinamento?",
        "Quanto sei soddisfatto/a del mentoring? (da 1 a 5)",
        "Vorreste un aiuto dal team del programma?",
        "Altro che volete dire al team?",
    ])  # fmt: skip
    # Anyone could answer: no email or name, the pair code and role say who.
    sheet.append([
        1, datetime(2027, 1, 18, 10, 2, 0), datetime(2027, 1, 18, 10, 6, 45),
        "anonymous", "anonymous", None,
        "P01", "Mentore", "3", "11/01/2027", "4", "3", "Funziona bene", "5", "No", "Tutto bene.",
    ])  # fmt: skip
    sheet.append([
        2, datetime(2027, 1, 19, 14, 0, 3), datetime(2027, 1, 19, 14, 3, 22),
        "anonymous", "anonymous", None,
        "P01", "Mentee", "3", "11/01/2027", "3", "3", "Ancora da decidere", "4", "Sì", "",
    ])  # fmt: skip
    _save(book, "ms_forms_it.xlsx")


def google_portuguese() -> None:
    rows = [
        (
            "Carimbo de data/hora", "Endereço de e-mail",
            "Código da sua dupla (no seu acordo, ex. P07)",
            "Você é o mentor ou o mentee?",
            "Quantas vezes vocês se encontraram desde o último checkpoint?",
            "Quando foi o último encontro?",
            "Progresso no objetivo 1 (1 a 5)",
            "Como está funcionando a dupla?",
            "Qual a sua satisfação com a mentoria? (1 a 5)",
            "Gostariam de ajuda da equipe do programa?",
            "Temas que discutimos",
            "Algo mais que queira dizer à equipe?",
        ),
        (
            "19/01/2027 14:03:22", "ana.souza@harbourline.example", "P03", "Mentor", "4",
            "15/01/2027", "3", "Boa", "5", "Não", "Carreira, Liderança", "Ótimo começo.",
        ),
        (
            "05/02/2027 09:10:00", "joao.pereira@harbourline.example", "P03", "Mentee", "4",
            "02/02/2027", "2", "Ainda decidindo", "4", "Sim", "Carreira",
            "Queremos ajuda para definir o objetivo 2.",
        ),
    ]  # fmt: skip
    _csv("google_forms_pt.csv", rows)


def google_german() -> None:
    rows = [
        (
            "Zeitstempel", "E-Mail-Adresse",
            "Euer Paar-Code (auf eurer Vereinbarung, z. B. P07)",
            "Seid ihr Mentor oder Mentee?",
            "Wie oft habt ihr euch seit dem letzten Checkpoint getroffen?",
            "Wann habt ihr euch zuletzt getroffen?",
            "Fortschritt bei Ziel 1 (1–5)",
            "Fortschritt bei Ziel 2 (1–5)",
            "Wie gut passt euer Tandem?",
            "Wie zufrieden seid ihr bisher? (1–5)",
            "Wünscht ihr euch Hilfe vom Programmteam?",
            "Sonst noch etwas?",
        ),
        (
            "19.01.2027 14:03:22", "anna.schmidt@harbourline.example", "P02", "Mentor", "2",
            "08.01.2027", "3", "2", "Passt gut", "4", "Nein", "",
        ),
        (
            "20.01.2027 08:45:10", "lukas.mueller@harbourline.example", "P02", "Mentee", "2",
            "08.01.2027", "2", "2", "Noch unentschieden", "3", "Ja",
            "Wir brauchen einen festen Termin, sagen wir \"jeden zweiten Dienstag\".",
        ),
    ]  # fmt: skip
    _csv("google_forms_de.csv", rows)


QUALTRICS_OWN = [
    ("StartDate", "Start Date", "startDate"),
    ("EndDate", "End Date", "endDate"),
    ("Status", "Response Type", "status"),
    ("IPAddress", "IP Address", "ipAddress"),
    ("Progress", "Progress", "progress"),
    ("Duration (in seconds)", "Duration (in seconds)", "duration"),
    ("Finished", "Finished", "finished"),
    ("RecordedDate", "Recorded Date", "recordedDate"),
    ("ResponseId", "Response ID", "_recordId"),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
    ("RecipientEmail", "Recipient Email", "recipientEmail"),
    ("ExternalReference", "External Data Reference", "externalDataReference"),
    ("LocationLatitude", "Location Latitude", "locationLatitude"),
    ("LocationLongitude", "Location Longitude", "locationLongitude"),
    ("DistributionChannel", "Distribution Channel", "distributionChannel"),
    ("UserLanguage", "User Language", "userLanguage"),
]


def _qualtrics_rows(answers: list[list[str]]) -> list[list[str]]:
    ids = [own[0] for own in QUALTRICS_OWN] + [f"Q{n}" for n in range(1, 13)]
    texts = [own[1] for own in QUALTRICS_OWN] + READY
    imports = [
        json.dumps({"ImportId": own[2], "timeZone": "Europe/London"}, separators=(",", ":"))
        if own[2] in ("startDate", "endDate", "recordedDate")
        else json.dumps({"ImportId": own[2]}, separators=(",", ":"))
        for own in QUALTRICS_OWN
    ] + [
        json.dumps({"ImportId": f"QID{n}" + ("_TEXT" if n in (1, 4, 5, 12) else "")})
        for n in range(1, 13)
    ]
    people = [
        ("Dubois", "Claire", "claire.dubois@harbourline.example"),
        ("Martin", "Hélène", "helene.martin@harbourline.example"),
        ("", "", ""),
    ]
    rows = [ids, texts, imports]
    for n, answer in enumerate(answers):
        last, first, email = people[n % len(people)]
        start = f"2027-01-{20 + n:02d} 09:0{n}:00"
        end = f"2027-01-{20 + n:02d} 09:1{n}:30"
        rows.append([
            start, end, "0", f"203.0.113.{10 + n}", "100", "630", "1", end,
            f"R_{'1a2b3c4d5e6f7g8'[: 14 - n]}{n}Xy", last, first, email, "", "51.5072",
            "-0.1276", "email" if email else "anonymous", "EN-GB", *answer,
        ])  # fmt: skip
    return rows


QUALTRICS_TEXT = [
    ["P04", "Mentor", "Day 30", "3", "2027-01-14", "4", "3", "2", "A good fit",
     "5 - very", "No, not now", "Hélène is\nmaking real progress, ahead of plan."],
    ["P04", "Mentee", "Day 30", "3", "2027-01-14", "3", "3", "", "A good fit", "4",
     "No, not now", ""],
    ["P05", "Mentee", "Day 30", "1", "2026-12-20", "1", "1", "1", "Still deciding", "2",
     HELP, "Priya and I keep moving our meetings."],
]  # fmt: skip
QUALTRICS_CODES = [
    ["P04", "1", "1", "3", "2027-01-14", "4", "3", "2", "1", "5", "2", ""],
    ["P04", "2", "1", "3", "2027-01-14", "3", "3", "", "1", "4", "2", ""],
    ["P05", "2", "1", "1", "2026-12-20", "1", "1", "1", "2", "2", "1", ""],
]  # fmt: skip


def qualtrics() -> None:
    text = _csv_text(_qualtrics_rows(QUALTRICS_TEXT))
    (HERE / "qualtrics_text.csv").write_bytes(text.encode("utf-8-sig"))
    codes = _csv_text(_qualtrics_rows(QUALTRICS_CODES))
    (HERE / "qualtrics_codes.csv").write_bytes(codes.encode("utf-8-sig"))
    tsv = _csv_text(_qualtrics_rows(QUALTRICS_TEXT), delimiter="\t")
    (HERE / "qualtrics.tsv").write_bytes(tsv.encode("utf-16"))  # with its BOM, as exported


def _csv_text(rows: list[list[str]] | list[tuple[str, ...]], *, delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _csv(name: str, rows: list[tuple[str, ...]]) -> None:
    (HERE / name).write_bytes(_csv_text(rows).encode("utf-8"))


if __name__ == "__main__":
    roster()
    ms_forms_english()
    ms_forms_italian()
    google_portuguese()
    google_german()
    qualtrics()
