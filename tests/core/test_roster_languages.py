"""Rosters exported by Italian, German and French HR systems and matching tools import as
English ones do: their headers, their role words, their accents."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language
from workshop_app.core.roster import read
from workshop_app.core.roster.columns import (
    PREFIXES,
    column_header,
    field_for,
    key,
    meanings,
    role_value,
)
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

ROSTERS = Path(__file__).resolve().parents[1] / "data" / "rosters"


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSHOP_APP_DATA_DIR", str(tmp_path / "appdata"))


@pytest.fixture
def wf(tmp_path: Path):
    workshop = WorkshopFile.create(
        tmp_path / "launch.workshop", program="Accelerate", organisation="Lagunare",
        date="2026-12-01",
    )  # fmt: skip
    yield workshop
    workshop.close()


def imported(wf: WorkshopFile, roster: Path) -> dict[str, tuple[str, str, str, str, str]]:
    """Email -> (role, name, title, department, manager) of everyone the roster put in."""
    plan = plan_import(wf, roster)
    assert [str(p) for p in plan.problems] == []
    assert plan.ignored_columns == []
    apply_import(wf, plan)
    return {
        p.email: (p.role, p.name, p.title, p.department, p.manager)
        for p in wf.roster.participants()
    }


def pairs(wf: WorkshopFile) -> dict[str, tuple[str, str]]:
    email = {p.id: p.email for p in wf.roster.participants()}
    return {p.code: (email[p.mentor_id], email[p.mentee_id]) for p in wf.roster.pairs()}


def test_an_italian_hr_export(wf: WorkshopFile) -> None:
    people = imported(wf, ROSTERS / "it_hr_participants.csv")
    assert people["niccolo.dannunzio@lagunare.example"] == (
        *("mentor", "Niccolò D'Annunzio", "Direttore commerciale", "Vendite; Italia"),
        "Lucia Ferrè",
    )
    assert people["ilaria.fabbri@lagunare.example"][:3] == (
        *("mentee", "Ilaria Fabbri", "Tecnica di laboratorio"),
    )
    assert sorted(pairs(wf).values()) == [
        ("gianluca.mazza@lagunare.example", "ilaria.fabbri@lagunare.example"),
        ("niccolo.dannunzio@lagunare.example", "chiara.esposito@lagunare.example"),
    ]


def test_a_german_hr_export_with_the_surname_first(wf: WorkshopFile) -> None:
    people = imported(wf, ROSTERS / "de_hr_participants.csv")
    assert people["ayse.oeztuerk@rheinwerk.example"] == (
        *("mentor", "Ayşe Öztürk", "Bereichsleiterin IT", "IT-Services", "Dr. Maria Groß"),
    )
    assert people["sophie.strauss@rheinwerk.example"][:2] == ("mentee", "Sophie Strauß")
    assert len(pairs(wf)) == 2


def test_a_french_hr_export(wf: WorkshopFile) -> None:
    people = imported(wf, ROSTERS / "fr_hr_participants.csv")
    assert people["helene.lefevre@garonne.example"] == (
        *("mentor", "Hélène Lefèvre", "Directrice financière", "Finance", "François Dubœuf"),
    )
    assert people["maelle.coeur@garonne.example"][:2] == ("mentee", "Maëlle Cœur")
    assert people["theo.nguyen@garonne.example"][0] == "mentee"
    assert len(pairs(wf)) == 2


def test_a_french_workbook_of_pairs(wf: WorkshopFile) -> None:
    people = imported(wf, ROSTERS / "fr_pairs.xlsx")
    assert people["noel.berard@garonne.example"] == (
        *("mentor", "Noël Bérard", "Responsable logistique", "Supply chain", ""),
    )
    assert people["maelle.coeur@garonne.example"] == (
        *("mentee", "Maëlle Cœur", "Acheteuse", "Supply chain", ""),
    )
    assert sorted(pairs(wf).values()) == [
        ("helene.lefevre@garonne.example", "theo.nguyen@garonne.example"),
        ("noel.berard@garonne.example", "maelle.coeur@garonne.example"),
    ]


@pytest.mark.parametrize(
    ("header", "folded"),
    [
        ("Prénom", "prenom"),
        ("Straße", "strasse"),
        ("Rôle", "role"),
        ("Führungskraft", "fuhrungskraft"),
    ],
)
def test_accents_and_sharp_s_fold(header: str, folded: str) -> None:
    assert key(header) == folded


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Posta elettronica", "email"),
        ("E-Mail-Adresse", "email"),
        ("Courriel", "email"),
        ("Adresse e-mail", "email"),
        ("Mansione", "title"),
        ("Intitulé de poste", "title"),
        ("Abteilung", "department"),
        ("Département", "department"),
        ("Vorgesetzte(r)", "manager"),
        ("N+1", "manager"),
        ("Codice coppia", "pair_code"),
        ("Paar-Nr.", "pair_code"),
        ("Code binôme", "pair_code"),
        ("E-mail du binôme", "partner_email"),
        ("Email mentore", "mentor_email"),
        ("Cognome del mentee", "mentee_last_name"),
        ("Mentorin E-Mail", "mentor_email"),
        ("Mentorand Abteilung", "mentee_department"),
        ("Nom du mentoré", "mentee_name"),
        ("E-mail de la mentorée", "mentee_email"),
        ("Ruolo mentore", "mentor_title"),
        ("Mentoré", "mentee_name"),
        ("Mentore", "mentor_name"),
    ],
)
def test_headers_in_italian_german_and_french(header: str, field: str) -> None:
    assert field_for(header) == field


@pytest.mark.parametrize(
    ("value", "role"),
    [
        *[(v, "mentor") for v in ("Mentore", "Mentorin", "Mentor/in", "Marraine", "MENTOR")],
        *[(v, "mentee") for v in ("Mentee", "Mentorato", "Mentorandin", "Mentoré", "Mentorée")],
        ("Analista", None),
    ],
)
def test_role_values_in_each_language(value: str, role: str | None) -> None:
    assert role_value(value) == role


def test_ruolo_is_the_program_role_or_the_job_by_what_it_holds() -> None:
    headers = ["Nome", "Cognome", "Ruolo", "Mentore/Mentee", "Email"]
    jobs = {2: ["Analista", "Direttrice vendite"], 3: ["Mentee", "Mentore"]}
    assert meanings(headers, jobs.__getitem__) == [
        *("first_name", "last_name", "title", "role", "email"),
    ]
    roles = {2: ["Mentore", "", "Mentee"]}
    assert meanings(headers[:3], roles.__getitem__)[2] == "role"


@pytest.mark.parametrize("function", ["Funzione", "Funktion", "Fonction", "Function"])
def test_function_is_the_department_unless_another_column_is(function: str) -> None:
    assert meanings(["Email", function], lambda i: [])[1] == "department"
    for department in ("Reparto", "Abteilung", "Service", "Department"):
        both = meanings([function, department, "Email"], lambda i: [])
        assert both[:2] == ["title", "department"]


def test_name_is_the_surname_only_beside_a_first_name() -> None:
    none = lambda i: []  # noqa: E731
    assert meanings(["Nom", "Prénom"], none) == ["last_name", "first_name"]
    assert meanings(["Name", "E-Mail"], none) == ["name", "email"]
    assert meanings(["Name", "Vorname", "Nachname"], none) == ["name", "first_name", "last_name"]
    assert meanings(["Full name", "Preferred name"], none) == ["name", "first_name"]


def test_an_italian_hr_sheet_with_both_kinds_of_header_imports(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    roster = tmp_path / "hr.csv"
    roster.write_text(
        "\ufeffNome;Cognome;Ruolo;Funzione;Mentore/Mentee;Email;Coppia\r\n"
        "Marta;Ricci;Analista;Finanza;Mentee;marta.ricci@x.example;1\r\n"
        "Paolo;Greco;Direttore;Finanza;Mentore;paolo.greco@x.example;1\r\n",
        encoding="utf-8",
    )
    people = imported(wf, roster)
    assert people["marta.ricci@x.example"] == (
        *("mentee", "Marta Ricci", "Analista", "Finanza", ""),
    )
    roster.write_text(
        "Nome;Cognome;Ruolo;Funzione;Reparto;Mentore/Mentee;Email;Coppia\n"
        "Marta;Ricci;Analista;Controllo;Finanza;Mentee;marta.ricci@x.example;1\n",
        encoding="utf-8",
    )
    assert "both seem to hold title" in str(plan_import(wf, roster).problems[0])
    assert len(pairs(wf)) == 1


def test_a_workbook_too_long_is_refused_in_the_interface_language(
    wf: WorkshopFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "XLSX_MAX_ROWS", 2)  # fr_pairs.xlsx has a header and two pairs
    set_interface_language("it")
    try:
        with pytest.raises(UserError) as refused:
            plan_import(wf, ROSTERS / "fr_pairs.xlsx")
    finally:
        set_interface_language(SOURCE_LANGUAGE)
    assert refused.value.message.startswith("fr_pairs.xlsx ha più di 2 righe; un elenco dei")


@pytest.mark.parametrize("lang", ["en", "it", "de", "fr"])
def test_the_headers_each_language_is_told_about_are_read_as_those_columns(lang: str) -> None:
    fields = [
        *("role", "name", "first_name", "last_name", "email", "pair_code", "partner_email"),
        *(f"{who}_{f}" for who in PREFIXES for f in ("name", "first_name", "last_name", "email")),
    ]
    assert {f: field_for(column_header(f, lang)) for f in fields} == {f: f for f in fields}


@pytest.fixture
def italian() -> Iterator[None]:
    set_interface_language("it")
    yield
    set_interface_language(SOURCE_LANGUAGE)


def problems(wf: WorkshopFile, roster: Path) -> list[str]:
    return [p.message for p in plan_import(wf, roster).problems]


def test_a_missing_column_is_named_by_its_italian_header_and_its_english_one(
    wf: WorkshopFile, tmp_path: Path, italian: None
) -> None:
    roster = tmp_path / "elenco.csv"
    roster.write_text("Ruolo;Nominativo\nMentee;Marta Ricci\n", encoding="utf-8")
    assert problems(wf, roster) == ["manca la colonna Email"]
    roster.write_text("Email;Codice coppia\nmarta.ricci@x.example;1\n", encoding="utf-8")
    assert problems(wf, roster) == [
        "manca la colonna Nominativo o Name (oppure Nome e Cognome)",
        "manca la colonna Ruolo o Role (mentor o mentee)",
    ]
    roster.write_text("Email mentor;Nominativo mentee\na@x.example;Marta Ricci\n")
    assert problems(wf, roster) == [
        "manca la colonna Nominativo mentor o Mentor Name (oppure Nome mentor e Cognome mentor)",
        "manca la colonna Email mentee o Mentee Email",
    ]
    roster.write_text("Codice;Nota\nP1;x\n")
    assert problems(wf, roster)[0].startswith(
        "impossibile capire cosa contiene questo elenco dei partecipanti. Usi una riga per "
        "partecipante (colonne Ruolo, Nominativo, Email) oppure una riga per coppia "
        "(Nominativo mentor, Email mentor, Nominativo mentee, Email mentee); le intestazioni "
        "possono essere in italiano, inglese, tedesco o francese."
    )
    roster.write_text(
        "Reparto;Ufficio;Nominativo;Email;Ruolo\nVendite;Milano;A;a@x.example;Mentee\n"
    )
    assert problems(wf, roster)[0] == (
        "questa colonna e 'Reparto' sembrano contenere entrambe reparto; ne tenga una sola"
    )


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (3 * 1024 * 1024))


# One roster of each kind the reader refuses, and the start of its refusal in Italian.
REFUSED: dict[str, tuple[Callable[[Path], object], str]] = {
    "not there": (lambda p: None, "Il file dell'elenco dei partecipanti {path} non esiste."),
    "a folder": (lambda p: p.mkdir(), "{path} è una cartella; scelga un elenco"),
    "empty": (lambda p: p.write_text(" \n"), "{name} è vuoto: non contiene alcun elenco"),
    "an old spreadsheet": (
        lambda p: p.with_suffix(".ods").write_bytes(b"x"),
        "{name}: questo tipo di foglio di calcolo non può essere letto",
    ),
    "two encodings": (
        lambda p: p.write_bytes("Nome;Email\nNiccolò;a@x\n".encode() + b"Fran\xe7ois;b@x\n"),
        "{name}, la riga 3 non è testo UTF-8, mentre altre righe lo sono: il file mescola due "
        "codifiche (lo salvi di nuovo come CSV UTF-8).",
    ),
    "a broken byte-order mark": (
        lambda p: p.write_bytes(b"\xff\xfeN\x00\x00\xd8"),
        "{name} è indicato come testo UTF-16",
    ),
    "binary data": (
        lambda p: p.write_bytes(b"Nome,Email\x00\n"),
        "{name} non sembra un elenco dei partecipanti in formato testo (contiene dati binari).",
    ),
    "a header only": (
        lambda p: p.write_text("Nome,Email\n"),
        "{name} ha una riga di intestazione ma nessun partecipante sotto.",
    ),
    "no rows": (lambda p: p.write_text(",,\n,,\n"), "{name} non ha righe."),
    "a damaged workbook": (
        lambda p: p.write_bytes(b"PK\x03\x04 not a zip"),
        "{name} non è una cartella di lavoro Excel leggibile (",
    ),
    "a zip bomb": (
        _zip_bomb,
        "{name} non viene accettato come elenco dei partecipanti (potrebbe essere una zip "
        "bomb): la sua parte xl/worksheets/sheet1.xml decompressa è",
    ),
}


@pytest.mark.parametrize("kind", REFUSED)
def test_each_refusal_of_the_reader_is_in_the_interface_language(
    wf: WorkshopFile, tmp_path: Path, italian: None, kind: str
) -> None:
    make, message = REFUSED[kind]
    roster = tmp_path / "elenco.csv"
    make(roster)
    if not roster.exists() and roster.with_suffix(".ods").exists():
        roster = roster.with_suffix(".ods")
    with pytest.raises(UserError) as refused:
        plan_import(wf, roster)
    assert refused.value.message.startswith(message.format(path=roster, name=roster.name))


def test_a_roster_too_big_is_refused_in_the_interface_language(
    wf: WorkshopFile, tmp_path: Path, italian: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 2 * read.MB)
    roster = tmp_path / "elenco.csv"
    roster.write_bytes(b"Nome,Email\n" + b"x,y\n" * 1_000_000)
    with pytest.raises(UserError) as refused:
        plan_import(wf, roster)
    assert refused.value.message == (
        "elenco.csv pesa 4 MB; un elenco dei partecipanti pesa al massimo 2 MB."
    )
