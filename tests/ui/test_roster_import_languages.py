"""The roster import dialog, in Italian, on rosters exported in Italian and French: the
preview says how each header was read, before anything is imported."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.roster_import import ImportDialog
from workshop_app.ui.pages.roster import RosterPage

ROSTERS = Path(__file__).parents[1] / "data" / "rosters"


@pytest.fixture
def page(qtbot, new_workshop: WorkshopFile) -> RosterPage:  # type: ignore[no-untyped-def]
    page = RosterPage()
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.set_workshop(new_workshop)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def when_shown(qtbot, act: Callable[[ImportDialog], None]) -> None:  # type: ignore[no-untyped-def]
    """Run `act` on the import dialog once it is open (it is modal: it blocks the test)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, ImportDialog) and widget.isVisible():
            try:
                widget.activateWindow()  # as the window manager would
                qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
                act(widget)
            finally:
                widget.close()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


@pytest.fixture
def italian() -> Iterator[None]:
    set_interface_language("it")
    yield
    set_interface_language(SOURCE_LANGUAGE)


@pytest.mark.parametrize(
    ("roster", "columns"),
    [
        (
            "it_hr_participants.csv",
            [
                *("Nome: nome", "Cognome: cognome", "Ruolo: ruolo nel programma", "Email: email"),
                *("Qualifica: qualifica", "Reparto: reparto", "Responsabile: responsabile"),
                "Coppia: codice coppia",
            ],
        ),
        (
            "fr_pairs.xlsx",
            [
                *("Binôme: codice coppia", "Prénom du mentor: nome del mentor"),
                *("Nom du mentor: cognome del mentor", "Courriel du mentor: email del mentor"),
                *(
                    "Fonction du mentor: qualifica del mentor",
                    "Service du mentor: reparto del mentor",
                ),
                *("Prénom du mentoré: nome del mentee", "Nom du mentoré: cognome del mentee"),
                *("Courriel du mentoré: email del mentee",),
                *("Intitulé de poste du mentoré: qualifica del mentee",),
                *("Service du mentoré: reparto del mentee",),
            ],
        ),
    ],
)
def test_the_import_preview_shows_how_foreign_headers_were_read(  # type: ignore[no-untyped-def]
    qtbot, page, new_workshop, monkeypatch, italian, roster, columns
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ROSTERS / roster), ""))
    seen: dict[str, list[str]] = {}

    def look_then_import(dialog: ImportDialog) -> None:
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        tops = [dialog.preview.topLevelItem(i) for i in range(dialog.preview.topLevelItemCount())]
        seen["groups"] = [top.text(0) for top in tops]
        seen["people"] = [tops[0].child(i).text(0) for i in range(tops[0].childCount())]
        seen["columns"] = [tops[-1].child(i).text(0) for i in range(tops[-1].childCount())]
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_shown(qtbot, look_then_import)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert seen["groups"] == [
        "4 partecipanti da aggiungere",
        "2 coppie da formare",
        f"{len(columns)} colonne lette",
    ]
    assert seen["columns"] == columns
    other = WorkshopFile.open(new_workshop.path, readonly=True)
    try:
        assert (len(other.roster.participants()), len(other.roster.pairs())) == (4, 2)
    finally:
        other.close()
    assert any(
        line.startswith(("Niccolò D'Annunzio (", "Hélène Lefèvre (")) for line in seen["people"]
    )


# What the dialog says, in Italian and German, of the columns a roster needs.
SAID = {
    "it": {
        "intro": (
            "(Ruolo, Nominativo, Email e una colonna Codice coppia o Email del partner) o una "
            "riga per coppia (Nominativo mentor, Email mentor, Nominativo mentee, Email mentee); "
            "le intestazioni possono essere in italiano, inglese, tedesco o francese."
        ),
        "missing": "elenco.csv, riga 1: manca la colonna Ruolo o Role (mentor o mentee)",
        "updating": ["1 partecipante da aggiornare", "Marta Ricci: reparto 'Vendite' → 'Finanza'"],
    },
    "de": {
        "intro": (
            "(Rolle, Name, E-Mail und eine Spalte Tandem-Nr. oder E-Mail Tandempartner) oder "
            "einer Zeile pro Tandem (Name Mentor, E-Mail Mentor, Name Mentee, E-Mail Mentee); "
            "die Spaltenköpfe können auf Deutsch, Englisch, Italienisch oder Französisch sein."
        ),
        "missing": "elenco.csv, Zeile 1: die Spalte Rolle oder Role (Mentor oder Mentee) fehlt",
        "updating": [
            "1 Person zu aktualisieren",
            "Marta Ricci: Abteilung 'Vendite' → 'Finanza'",
        ],
    },
}


@pytest.mark.parametrize("lang", SAID)
def test_the_dialog_names_the_columns_in_the_interface_language(  # type: ignore[no-untyped-def]
    qtbot, page, new_workshop, monkeypatch, tmp_path, lang
) -> None:
    known = tmp_path / "known.csv"
    known.write_text("Ruolo;Nominativo;Email;Reparto\nMentee;Marta Ricci;marta@x.example;Vendite\n")
    apply_import(new_workshop, plan_import(new_workshop, known))
    roster = tmp_path / "elenco.csv"
    roster.write_text("Nominativo;Email;Reparto\nMarta Ricci;marta@x.example;Finanza\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    seen: dict[str, object] = {}

    def look(dialog: ImportDialog) -> None:
        seen["intro"] = dialog.intro.text()
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        seen["missing"] = dialog.problems.toPlainText()
        roster.write_text(
            "Ruolo;Nominativo;Email;Reparto\nMentee;Marta Ricci;marta@x.example;Finanza\n"
        )
        qtbot.keyClick(dialog.choose_button, Qt.Key.Key_Space)
        top = dialog.preview.topLevelItem(0)
        seen["updating"] = [top.text(0), *(top.child(i).text(0) for i in range(top.childCount()))]

    set_interface_language(lang)
    try:
        when_shown(qtbot, look)
        qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    finally:
        set_interface_language(SOURCE_LANGUAGE)
    assert SAID[lang]["intro"] in str(seen["intro"])
    assert seen["missing"] == SAID[lang]["missing"]
    assert seen["updating"] == SAID[lang]["updating"]
