"""What the interface language decides beyond the app's own strings (found by an Italian and a
German trainer trying the app): a new workshop's charter language, the demo's language, the
standard wording offered (in the charter language), the sign dialog's section names, and the
dates inside interface sentences."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from test_sign_open_sections import in_the_dialog, pair_id

from workshop_app.core.demo import create_demo
from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language, translations
from workshop_app.core.readiness import STANDARD_CONFIDENTIALITY, program_warnings
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog
from workshop_app.ui.dialogs.sign import SignDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.pages.program import ProgramPage

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def speaking() -> Iterator[object]:
    def speak(lang: str) -> None:
        set_interface_language(lang)

    yield speak
    set_interface_language(SOURCE_LANGUAGE)


def test_a_new_workshop_prints_in_the_interface_language_unless_changed(qtbot, speaking) -> None:  # type: ignore[no-untyped-def]
    speaking("it")
    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.language.currentText() == "Italiano"
    qtbot.keyClicks(dialog.program, "Crescere Insieme")
    qtbot.keyClicks(dialog.organisation, "Ferretti Alimentari")
    assert dialog.values()["language"] == "it"
    # Alt and the label's letter (Lingua degli accordi) reach the list; the keys choose.
    qtbot.keyClick(dialog.program, Qt.Key.Key_L, ALT)
    assert QApplication.focusWidget() is dialog.language
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # Italiano → Deutsch
    assert dialog.values()["language"] == "de"


def test_the_new_workshop_is_created_in_the_chosen_language(
    qtbot, tmp_path: Path, speaking
) -> None:  # type: ignore[no-untyped-def]
    speaking("de")
    window = MainWindow()
    qtbot.addWidget(window)
    dialog = NewWorkshopDialog(window)
    qtbot.keyClicks(dialog.program, "Aufwind")
    qtbot.keyClicks(dialog.organisation, "Nordwind")
    assert window.create_workshop(tmp_path / "aufwind.workshop", **dialog.values())
    assert window.wf is not None and window.wf.workshop().language == "de"
    window.close_workshop()


@pytest.mark.parametrize(("lang", "program"), [("it", "Programma"), ("de", "Mentoring")])
def test_the_welcome_pages_demo_is_in_the_interface_language(  # type: ignore[no-untyped-def]
    qtbot, speaking, lang: str, program: str
) -> None:
    speaking(lang)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    demo = translations(lang).gettext("Open the demo workshop")
    button = next(
        b for b in window.start_page.findChildren(QPushButton) if b.accessibleName() == demo
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.wf is not None)
    workshop = window.wf.workshop()
    assert workshop.language == lang
    assert program in workshop.program and "Accelerate" not in workshop.program
    assert window.wf.path.name == f"demo-{lang}.workshop"
    window.close_workshop()


def test_the_standard_wording_is_offered_in_the_charter_language(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    wf = WorkshopFile.create(
        tmp_path / "w.workshop", program="P", organisation="O", date="2027-01-19", language="it"
    )
    page = ProgramPage()
    qtbot.addWidget(page)
    page.show()
    page.set_workshop(wf)
    name = "Use the standard wording: Standard confidentiality wording"
    button = next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)
    with qtbot.waitSignal(page.saved, timeout=3000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    italian = translations("it").gettext(STANDARD_CONFIDENTIALITY)
    assert italian != STANDARD_CONFIDENTIALITY and italian.startswith("Quanto mentor e mentee")
    assert wf.workshop().confidentiality_text == italian
    wf.close()


def test_the_sign_dialog_names_open_sections_in_the_interface_language(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, speaking
) -> None:
    speaking("de")
    wf = create_demo(tmp_path / "demo.workshop")
    page = ChartersPage([])
    qtbot.addWidget(page)
    page.show()
    page.set_workshop(wf)
    listed: list[str] = []
    seen: list[SignDialog] = []

    def act(box: SignDialog) -> None:
        listed.append(box.open_list.text())
        box.reject()

    in_the_dialog(qtbot, act, seen)
    page.sign(pair_id(wf, "P11"))  # nothing filled in
    assert seen and "2 Zweck und Ziele" in listed[0] and "Purpose" not in listed[0]
    wf.close()


def test_the_date_warning_names_the_day_in_the_interface_language(  # type: ignore[no-untyped-def]
    tmp_path: Path, speaking
) -> None:
    speaking("it")
    past = date.today() - timedelta(days=100)
    wf = WorkshopFile.create(
        tmp_path / "w.workshop", program="P", organisation="O", date=past.isoformat()
    )
    try:
        (warning,) = [
            w for w in program_warnings(wf.workshop(), today=date.today()) if w.field == "date"
        ]
        assert past.isoformat() not in warning.message
        assert str(past.year) in warning.message and "in the past" not in warning.message
        # Held (someone checked in, or a charter signed): the day it was, not a mistake.
        assert not [
            w
            for w in program_warnings(wf.workshop(), today=date.today(), held=True)
            if w.field == "date"
        ]
    finally:
        wf.close()


def test_the_overview_of_a_program_under_way_does_not_ask_to_change_its_date(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    from workshop_app.core.demo_follow_up import create_after_launch
    from workshop_app.ui.pages.overview import OverviewPage

    wf = create_after_launch(tmp_path / "after.workshop", today=date.today())
    page = OverviewPage()
    qtbot.addWidget(page)
    page.show()
    page.set_workshop(wf)
    page.refresh()
    shown = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "in the past" not in shown
    wf.close()
