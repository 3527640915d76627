"""Regenerate the roster files whose bytes matter: encodings, BOMs, line endings, XLSX, size.

Run from anywhere: `.venv/bin/python tests/data/rosters/make_rosters.py`. The output is the
same on every run (no clock, no randomness), so regenerating leaves git with nothing to commit.
The plain UTF-8 CSVs beside this script are written by hand and not touched here.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2026, 11, 2, 9, 0, 0)


def _csv(rows: list[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    def cell(value: str) -> str:
        if any(ch in value for ch in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(delimiter.join(cell(v) for v in row) + newline for row in rows)


def _rows(text: str) -> list[list[str]]:
    """Rows written one per line with cells separated by "|", for legibility here."""
    return [line.strip().split("|") for line in text.strip().splitlines()]


def utf8_bom() -> None:
    # The BOM sits in front of the first header, "Email".
    rows = [
        ["Email", "Name", "Role", "Department", "Pair Code"],
        ["zoe.kowalska@fjordline.example", "Zoë Kowalska", "Mentor", "Customer Success", "P01"],
        ["ngozi.okonkwo@fjordline.example", "Ngozi Okonkwo", "Mentee", "Customer Success", "P01"],
        ["lukasz.wisniewski@fjordline.example", "Łukasz Wiśniewski", "Mentor", "Platform", "P02"],
        ["anais.girard@fjordline.example", "Anaïs Girard", "Mentee", "Platform", "P02"],
    ]
    (HERE / "utf8_bom.csv").write_bytes(codecs.BOM_UTF8 + _csv(rows).encode("utf-8"))


def utf16_bom() -> None:
    # What Excel writes for "Unicode Text": UTF-16 LE with a BOM, tab-delimited, CRLF.
    rows = [
        ["Role", "Name", "Email", "Title", "Department", "Pair Code"],
        ["Mentor", "Nguyễn Thị Hoa", "hoa.nguyen@sable.example", "CFO", "Finance", "P01"],
        ["Mentee", "Şebnem Yılmaz", "sebnem.yilmaz@sable.example", "Accountant", "Finance", "P01"],
        ["Mentor", "Jiří Dvořák", "jiri.dvorak@sable.example", "CTO", "Technology", "P02"],
        [
            "Mentee",
            "Małgorzata Nowak",
            "malgorzata.nowak@sable.example",
            "Developer",
            "Technology",
            "P02",
        ],
        ["Mentor", "Tomás Ó Briain", "tomas.obriain@sable.example", "COO", "Operations", "P03"],
        ["Mentee", "Trần Văn Dũng", "dung.tran@sable.example", "Analyst", "Operations", "P03"],
    ]
    text = _csv(rows, delimiter="\t", newline="\r\n")
    (HERE / "utf16_bom.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))


def utf16le_no_bom() -> None:
    # Some HR exports write UTF-16 LE with no BOM. Plain ASCII content on purpose: every
    # other byte is then a NUL, which is also valid UTF-8, so only the NULs give it away.
    rows = [
        ["Role", "Name", "Email", "Department", "Pair Code"],
        ["Mentor", "Kwabena Asante", "kwabena.asante@sable.example", "Legal", "P01"],
        ["Mentee", "Priya Natarajan", "priya.natarajan@sable.example", "Legal", "P01"],
        ["Mentor", "Oksana Bondar", "oksana.bondar@sable.example", "Marketing", "P02"],
        ["Mentee", "Rahul Kapoor", "rahul.kapoor@sable.example", "Marketing", "P02"],
    ]
    (HERE / "utf16le_no_bom.csv").write_bytes(_csv(rows).encode("utf-16-le"))


def cp1252_accents() -> None:
    # Excel on Windows, "CSV (Comma delimited)": Windows-1252, CRLF. The curly apostrophe
    # (0x92) and the en dash (0x96) are bytes that Latin-1 does not have.
    rows = _rows(
        """
        Role|Name|Email|Title|Department|Pair Code
        Mentor|José Muñoz|jose.munoz@iberica.example|Director de Ventas|Ventas – Iberia|P01
        Mentee|Jürgen Müller|juergen.mueller@iberica.example|Key Account Manager|Ventas – Iberia|P01
        Mentor|Françoise Lefèvre|francoise.lefevre@iberica.example|Responsable RH|RR. HH.|P02
        Mentee|Zoë O’Connor|zoe.oconnor@iberica.example|HR Generalist|RR. HH.|P02
        Mentor|Begoña Ibáñez|begona.ibanez@iberica.example|Jefa de Logística|Logística|P03
        Mentee|Søren Østergård|soren.ostergard@iberica.example|Planificador|Logística|P03
        """
    )
    (HERE / "cp1252_accents.csv").write_bytes(_csv(rows, newline="\r\n").encode("cp1252"))


def pairs_xlsx() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Matches"
    veldt = "@veldtbank.example"
    sheet.append(
        [
            *("Pair Code", "Mentor Name", "Mentor E-mail", "Mentor Job Title"),
            *("Mentee Name", "Mentee E-mail", "Matched On", "Notes"),
        ]
    )
    sheet.append(
        [
            *("X1", "Ingrid Solberg", "ingrid.solberg" + veldt, "Chief Risk Officer"),
            *("Kwame Mensah", "kwame.mensah" + veldt, datetime(2026, 10, 5), "Both in Oslo"),
        ]
    )
    sheet.append(
        [
            *("X2", "Rafael Gutiérrez", "rafael.gutierrez" + veldt, "Head of Treasury"),
            *("Yuki Sato", "yuki.sato" + veldt, datetime(2026, 10, 5), None),
        ]
    )
    sheet.append([])  # an empty row 4: later rows keep the numbers Excel shows
    sheet.append(
        [
            *("X3", "Fatima Al-Sayed", "fatima.alsayed" + veldt, 2024),  # a title held as a number
            *("Liam O'Sullivan", "liam.osullivan" + veldt, datetime(2026, 10, 6), None),
        ]
    )
    book.properties.creator = "make_rosters.py"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    (HERE / "pairs.xlsx").write_bytes(_fixed_zip(buffer.getvalue()))


def italian_hr() -> None:
    # An Italian HR system's export saved from Excel as "CSV UTF-8": a BOM, semicolons, CRLF.
    rows = [
        ["Nome", "Cognome", "Ruolo", "Email", "Qualifica", "Reparto", "Responsabile", "Coppia"],
        [
            "Niccolò",
            "D'Annunzio",
            "Mentore",
            "niccolo.dannunzio@lagunare.example",
            "Direttore commerciale",
            "Vendite; Italia",
            "Lucia Ferrè",
            "C01",
        ],
        [
            "Chiara",
            "Esposito",
            "Mentee",
            "chiara.esposito@lagunare.example",
            "Analista",
            "Vendite; Italia",
            "Niccolò D'Annunzio",
            "C01",
        ],
        [
            "Gianluca",
            "Mazzà",
            "Mentore",
            "gianluca.mazza@lagunare.example",
            "Responsabile qualità",
            "Produzione",
            "Lucia Ferrè",
            "C02",
        ],
        [
            "Ilaria",
            "Fabbri",
            "Mentee",
            "ilaria.fabbri@lagunare.example",
            "Tecnica di laboratorio",
            "Produzione",
            "Gianluca Mazzà",
            "C02",
        ],
    ]
    data = codecs.BOM_UTF8 + _csv(rows, ";", "\r\n").encode("utf-8")
    (HERE / "it_hr_participants.csv").write_bytes(data)


def german_hr() -> None:
    # A German HR export (SAP-style headers: surname first), UTF-8 with a BOM, semicolons.
    rows = [
        [
            "Name",
            "Vorname",
            "E-Mail-Adresse",
            "Stelle",
            "Abteilung",
            "Vorgesetzte(r)",
            "Rolle",
            "Paar-Nr.",
        ],
        [
            "Weiß",
            "Jürgen",
            "juergen.weiss@rheinwerk.example",
            "Leiter Einkauf",
            "Einkauf",
            "Dr. Maria Groß",
            "Mentor",
        ],
        [
            "Strauß",
            "Sophie",
            "sophie.strauss@rheinwerk.example",
            "Referentin Einkauf",
            "Einkauf",
            "Jürgen Weiß",
            "Mentee",
        ],
        [
            "Öztürk",
            "Ayşe",
            "ayse.oeztuerk@rheinwerk.example",
            "Bereichsleiterin IT",
            "IT-Services",
            "Dr. Maria Groß",
            "Mentorin",
        ],
        [
            "Bäcker",
            "Lukas",
            "lukas.baecker@rheinwerk.example",
            "Systemadministrator",
            "IT-Services",
            "Ayşe Öztürk",
            "Mentee",
        ],
    ]
    for row, code in zip(rows[1:], ("T-1", "T-1", "T-2", "T-2"), strict=True):
        row.append(code)
    data = codecs.BOM_UTF8 + _csv(rows, ";", "\r\n").encode("utf-8")
    (HERE / "de_hr_participants.csv").write_bytes(data)


def french_hr() -> None:
    # A French HR export, UTF-8 with a BOM, semicolons: "Nom" beside "Prénom" is the surname,
    # "Fonction" beside "Service" the job title, the mentee is "Mentoré" or "Mentorée".
    rows = [
        [
            "Nom",
            "Prénom",
            "Adresse e-mail",
            "Fonction",
            "Service",
            "Responsable",
            "Rôle",
            "Code binôme",
        ],
        [
            "Lefèvre",
            "Hélène",
            "helene.lefevre@garonne.example",
            "Directrice financière",
            "Finance",
            "François Dubœuf",
            "Mentor",
            "B01",
        ],
        [
            "Nguyen",
            "Théo",
            "theo.nguyen@garonne.example",
            "Contrôleur de gestion",
            "Finance",
            "Hélène Lefèvre",
            "Mentoré",
            "B01",
        ],
        [
            "Bérard",
            "Noël",
            "noel.berard@garonne.example",
            "Responsable logistique",
            "Supply chain",
            "François Dubœuf",
            "Mentor",
            "B02",
        ],
        [
            "Cœur",
            "Maëlle",
            "maelle.coeur@garonne.example",
            "Acheteuse",
            "Supply chain",
            "Noël Bérard",
            "Mentorée",
            "B02",
        ],
    ]
    data = codecs.BOM_UTF8 + _csv(rows, ";", "\r\n").encode("utf-8")
    (HERE / "fr_hr_participants.csv").write_bytes(data)


def french_pairs_xlsx() -> None:
    # A French matching tool's workbook, one row per pair, the field first ("Nom du mentor").
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Binômes"
    for row in [
        [
            "Binôme",
            "Prénom du mentor",
            "Nom du mentor",
            "Courriel du mentor",
            "Fonction du mentor",
            "Service du mentor",
            "Prénom du mentoré",
            "Nom du mentoré",
            "Courriel du mentoré",
            "Intitulé de poste du mentoré",
            "Service du mentoré",
        ],
        [
            "B1",
            "Hélène",
            "Lefèvre",
            "helene.lefevre@garonne.example",
            "Directrice financière",
            "Finance",
            "Théo",
            "Nguyen",
            "theo.nguyen@garonne.example",
            "Contrôleur de gestion",
            "Finance",
        ],
        [
            "B2",
            "Noël",
            "Bérard",
            "noel.berard@garonne.example",
            "Responsable logistique",
            "Supply chain",
            "Maëlle",
            "Cœur",
            "maelle.coeur@garonne.example",
            "Acheteuse",
            "Supply chain",
        ],
    ]:
        sheet.append(row)
    book.properties.creator = "make_rosters.py"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    (HERE / "fr_pairs.xlsx").write_bytes(_fixed_zip(buffer.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated FIXED_TIME, so the bytes do not change."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


FIRST_NAMES = [
    "Aiko", "Mateus", "Séverine", "Oluwaseun", "Björn", "Priya", "Jing", "Lucía", "Dariusz",
    "Amara", "Noa", "Thandiwe", "Ingrid", "Kwame", "Rafael", "Yuki", "Fatima", "Liam", "Hannes",
    "Aisha", "Meera", "Tomás", "Élodie", "Karim", "Günter", "Sofía", "Pieter", "Olusegun",
    "Marta", "Hiroshi", "Valentina", "Wanjiru", "Anh", "Emre", "Sigrid", "Arjun", "Chidi",
    "Léa", "Mikko", "Camila", "Hamid", "Inês", "Ravi", "Magdalena", "Kofi", "Nadia", "Kenji",
    "Beatriz", "Abebe", "Zoë", "Ngozi", "Łukasz", "Anaïs", "Jiří", "Şebnem", "Søren",
]  # fmt: skip
LAST_NAMES = [
    "Tanaka", "Oliveira", "Dubois", "Adeyemi", "Åkesson", "Raman", "Chen", "Fernández",
    "Kowalczyk", "Nwosu", "Ben-David", "Dlamini", "Solberg", "Mensah", "Gutiérrez", "Sato",
    "Al-Sayed", "O'Sullivan", "Vogel", "Bello", "Iyer", "Ferreira", "Marchand", "Haddad",
    "Hoffmann", "Ramírez", "van der Berg", "Bakare", "Kowalski", "Nakamura", "Rossi", "Kamau",
    "Nguyen", "Demir", "Halvorsen", "Mehta", "Okafor", "Rousseau", "Virtanen", "Torres",
    "Karimi", "Duarte", "Shankar", "Wójcik", "Boateng", "Petrova", "Watanabe", "Santos",
]  # fmt: skip
DEPARTMENTS = [
    "Engineering", "Finance", "Operations", "Sales", "Research & Development",
    "People & Culture", "Legal", "Customer Success", "Supply Chain", "Marketing",
]  # fmt: skip
LARGE_PAIRS = 2500


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def large() -> None:
    """5,000 participants (2,500 pairs), one row per participant."""
    rows = [["Role", "Name", "Email", "Title", "Department", "Pair Code"]]
    for n in range(1, LARGE_PAIRS + 1):
        for role, offset in (("Mentor", 0), ("Mentee", 1)):
            i = 2 * n + offset
            first = FIRST_NAMES[i % len(FIRST_NAMES)]
            last = LAST_NAMES[(i * 7) % len(LAST_NAMES)]
            email = f"{_ascii(first)}.{_ascii(last)}.{i:05d}@globex-large.example"
            title = "Senior Manager" if role == "Mentor" else "Associate"
            department = DEPARTMENTS[n % len(DEPARTMENTS)]
            rows.append([role, f"{first} {last}", email, title, department, f"P{n:04d}"])
    (HERE / "large_5000_participants.csv").write_text(_csv(rows), encoding="utf-8", newline="")


def main() -> None:
    utf8_bom()
    utf16_bom()
    utf16le_no_bom()
    cp1252_accents()
    pairs_xlsx()
    italian_hr()
    german_hr()
    french_hr()
    french_pairs_xlsx()
    large()
    print(f"Wrote the generated rosters in {HERE}")


if __name__ == "__main__":
    main()
