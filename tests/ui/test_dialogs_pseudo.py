"""The dialogs in the pseudo-locale: every text a person sees or a screen reader says is
marked for translation (or is data), and the 40% longer text neither clips a label or a button
nor makes a dialog bigger than a 1366x768 laptop's screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog

from tests.ui.i18n_scan import clipped, unmarked
from workshop_app.core.about import components
from workshop_app.core.charters.print_options import PrintOptions
from workshop_app.core.content.library import load_library, minutes_text
from workshop_app.core.demo import create_demo
from workshop_app.core.i18n import PSEUDO, SOURCE_LANGUAGE, set_interface_language
from workshop_app.core.model import WORKSHOP_FIELDS
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.about import AboutDialog
from workshop_app.ui.dialogs.add_exercise import AddExerciseDialog
from workshop_app.ui.dialogs.checkin import CheckInDialog
from workshop_app.ui.dialogs.close_pairing import ClosePairingDialog
from workshop_app.ui.dialogs.close_program import CloseProgramDialog
from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog
from workshop_app.ui.dialogs.outcomes_report import OutcomesReportDialog
from workshop_app.ui.dialogs.participant import MakePairDialog, ParticipantDialog
from workshop_app.ui.dialogs.print_options import PrintOptionsDialog
from workshop_app.ui.dialogs.relaunch import RelaunchDialog
from workshop_app.ui.dialogs.restore import RestoreDialog
from workshop_app.ui.dialogs.review_entry import ReviewEntryDialog
from workshop_app.ui.dialogs.review_packets import ReviewPacketsDialog
from workshop_app.ui.dialogs.roster_import import ImportDialog
from workshop_app.ui.dialogs.sign import SignDialog
from workshop_app.ui.dialogs.survey_import import SurveyImportDialog

LAPTOP = QRect(0, 0, 1366, 768)
LATER = date(2099, 4, 1)  # the follow-up dialogs' today, after the demo's launch


@pytest.fixture
def pseudo() -> Iterator[None]:
    set_interface_language(PSEUDO)
    yield
    set_interface_language(SOURCE_LANGUAGE)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


def _data(wf: WorkshopFile) -> list[str]:
    """What the demo's dialogs show that is data, not words of the app."""
    people = list(wf.roster.participants())
    workshop = wf.workshop()
    return [
        *(p.name for p in people),
        *(p.email for p in people),
        *(pair.code for pair in wf.roster.pairs()),
        workshop.program,
        workshop.coordinator,
        str(wf.path),
        wf.path.name,
    ]


def dialogs(wf: WorkshopFile) -> dict[str, Callable[[], QDialog]]:
    people = list(wf.roster.participants())
    mentors = [p for p in people if p.role == "mentor"]
    mentees = [p for p in people if p.role == "mentee"]
    return {
        "new workshop": NewWorkshopDialog,
        "re-launch": lambda: RelaunchDialog(wf.workshop().date),
        "restore": lambda: RestoreDialog(wf.path),
        "add to the agenda": lambda: AddExerciseDialog(load_library()),
        "check in": lambda: CheckInDialog(wf),
        "check in, rehearsal": lambda: CheckInDialog(wf, rehearsal=True),
        "import a roster": lambda: ImportDialog(wf),
        "add a participant": lambda: ParticipantDialog(None, lambda values: None),
        "edit a participant": lambda: ParticipantDialog(None, lambda values: None, people[0]),
        "make a pair": lambda: MakePairDialog(
            None, lambda *a: None, mentors=mentors, mentees=[], next_code="P13"
        ),
        "print": lambda: PrintOptionsDialog(
            charters=12, saving=False, options=PrintOptions(duplex=True, copies=("mentor",))
        ),
        "save as PDFs": lambda: PrintOptionsDialog(
            charters=1, saving=True, options=PrintOptions(duplex=False, copies=())
        ),
        "sign": lambda: SignDialog(
            code="P1",
            version=1,
            mentor=mentors[0].name,
            mentee=mentees[0].name,
            coordinator=wf.workshop().coordinator,
            workshop_date="2099-01-19",
            open_sections=[(4, "Confidentiality"), (7, "Troubleshooting plan")],
        ),
        "import a check-in survey": lambda: SurveyImportDialog(wf),
        "enter a review": lambda: ReviewEntryDialog(
            wf, pair_id=wf.roster.pairs()[0].id, today=LATER
        ),
        "print review packets": lambda: ReviewPacketsDialog(wf),
        "close a pairing": lambda: ClosePairingDialog(wf, today=LATER),
        "close the program": lambda: CloseProgramDialog(wf, today=LATER),
        "outcomes report": lambda: OutcomesReportDialog(wf, today=LATER),
        "about": lambda: AboutDialog(wf.path),
    }


DIALOGS = [
    "new workshop",
    "re-launch",
    "restore",
    "add to the agenda",
    "check in",
    "check in, rehearsal",
    "import a roster",
    "add a participant",
    "edit a participant",
    "make a pair",
    "print",
    "save as PDFs",
    "sign",
    "import a check-in survey",
    "enter a review",
    "print review packets",
    "close a pairing",
    "close the program",
    "outcomes report",
    "about",
]


@pytest.mark.parametrize("name", DIALOGS)
def test_dialog_is_marked_and_fits(qtbot, pseudo, demo, name) -> None:  # type: ignore[no-untyped-def]
    dialog = dialogs(demo)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The sign dialog's sections come from the charters page, which translates them.
    allowed = [*_data(demo), "Confidentiality", "Troubleshooting plan", "name@company.example"]
    if name == "add to the agenda":
        # The exercises' titles and summaries are the library's content, in the workshop's
        # language; their minutes are numbers.
        exercises = dialog.library.exercises.values()
        allowed += [e.title for e in exercises] + [e.summary for e in exercises]
        allowed += [minutes_text(m / 2) for m in range(0, 361)]
    if name == "enter a review":
        # The pair's own goals and plans, as their charter has them.
        charter = demo.charters.charter(demo.roster.pairs()[0].id)
        allowed += [g.goal for g in charter.goals]
        allowed += [text for p in charter.plans for text in (p.scenario, p.plan)]
    if name == "new workshop":
        # The charter languages, each by its own name (whoever reads it, the charters are in it).
        language = next(f for f in WORKSHOP_FIELDS if f.name == "language")
        allowed += [label for _key, label in language.choices]
    if name == "about":
        # What the app runs on, with versions and licences, and where its data lives: names
        # and numbers, not words of the app.
        from PySide6.QtCore import qVersion

        allowed += [t for c in components(qVersion()) for t in (c.name, c.version, c.licence)]
    assert unmarked(dialog, allowed) == []
    assert clipped(dialog, LAPTOP) == []
