"""The check-in survey import dialog, driven as a coordinator does: the Follow-up menu, Choose
file…, the preview, a column's meaning corrected from the keyboard, Import; then the file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QPushButton, QWidget

from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.survey_import import SurveyImportDialog, open_survey_import
from workshop_app.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data" / "checkins"
COMMENT = "Anything else you want the program team to know?"


@pytest.fixture
def program(tmp_path: Path) -> Path:
    path = tmp_path / "program.workshop"
    with WorkshopFile.create(
        path, program="Accelerate", organisation="Harbourline", date="2026-12-01"
    ) as wf:
        apply_import(wf, plan_import(wf, DATA / "roster.csv"))
    return path


@pytest.fixture
def wf(program: Path) -> Iterator[WorkshopFile]:
    with WorkshopFile.open(program) as workshop:
        yield workshop


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The exports were sent in January 2027: the dialog is used on a day after that."""
    monkeypatch.setattr(SurveyImportDialog, "today", staticmethod(lambda: date(2027, 6, 1)))


@pytest.fixture
def choose(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """What the file dialog will answer when Choose file… is pressed."""

    def answer(path: Path) -> None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    return answer


def button(widget: QWidget, name: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.accessibleName() == name)


def press_choose(qtbot, dialog: SurveyImportDialog) -> None:  # type: ignore[no-untyped-def]
    """Choose file… pressed, and the export read (on its worker thread) and checked."""
    qtbot.mouseClick(button(dialog, "Choose survey export file"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.reading is None)


def combo(dialog: SurveyImportDialog, header: str) -> QComboBox:
    return next(
        c for c in dialog.findChildren(QComboBox) if c.accessibleName() == f"Column {header}"
    )


def when_modal(act: Callable[[SurveyImportDialog], None]) -> None:
    """Run `act` on the import dialog once it is up (it runs its own event loop)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, SurveyImportDialog) and widget.isVisible():
            try:
                act(widget)
            finally:
                if widget.isVisible():
                    widget.reject()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def stored(path: Path) -> list[tuple[object, ...]]:
    with WorkshopFile.open(path, readonly=True) as wf:
        return wf.conn.execute(
            "SELECT p.code, c.role, c.comment FROM checkins c JOIN pairs p ON p.id = c.pair_id "
            "ORDER BY c.submitted_at"
        ).fetchall()


def test_from_the_menu_choose_fix_a_column_and_import(  # type: ignore[no-untyped-def]
    qtbot, program: Path, choose: Callable[[Path], None]
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(program)
    menu = next(m for m in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
                if m.title() == "Follow-&up")  # fmt: skip
    action = next(a for a in menu.actions() if a.text() == "Import check-in &survey…")
    assert action.isEnabled()
    choose(DATA / "ms_forms_en.xlsx")
    seen: dict[str, object] = {}

    def drive(dialog: SurveyImportDialog) -> None:
        press_choose(qtbot, dialog)
        top = dialog.preview.topLevelItem(0)
        seen["top"] = top.text(0)
        seen["pairs"] = [top.child(i).text(0) for i in range(top.childCount())]
        seen["rows"] = top.child(0).child(0).text(0)
        seen["ignored"] = dialog.preview.topLevelItem(1).text(0)
        # The comment column is read as nothing: from the keyboard, to the top of its list.
        comment = combo(dialog, COMMENT)
        comment.setFocus()
        qtbot.keyClick(comment, Qt.Key.Key_Home)
        seen["comment"] = comment.currentText()
        seen["summary"] = dialog.summary.text()
        qtbot.mouseClick(button(dialog, "Import"), Qt.MouseButton.LeftButton)

    when_modal(drive)
    action.trigger()  # what choosing it in the menu does
    assert seen["top"] == "3 responses to import, by pair"
    assert seen["pairs"] == ["P01: 2 responses", "P06: 1 response"]
    assert seen["rows"] == "Row 2: mentor (Giulia Rossi), sent 4 Jan 2027"
    assert seen["ignored"] == "1 column not used"
    assert seen["comment"] == "Not used"
    assert f"columns not used: {COMMENT}, Topics you discussed" in str(seen["summary"])
    assert window.statusBar().currentMessage() == "Check-in survey imported."
    window.close_workshop()
    assert stored(program) == [("P01", "mentor", ""), ("P01", "mentee", ""), ("P06", "mentee", "")]


def test_rows_that_match_nothing_are_listed_and_nothing_is_imported(  # type: ignore[no-untyped-def]
    qtbot, wf: WorkshopFile, tmp_path: Path, choose: Callable[[Path], None]
) -> None:
    export = tmp_path / "check-in.csv"
    export.write_text(
        'Timestamp,Email Address,"Your pair code (on your charter, e.g. P07)",'
        "How is the pairing working for you?\n"
        "1/19/2027 14:03:22,someone@elsewhere.example,P42,A good fit\n",
        encoding="utf-8",
    )
    choose(export)
    dialog = SurveyImportDialog(wf)
    qtbot.addWidget(dialog)
    dialog.show()
    press_choose(qtbot, dialog)
    assert dialog.summary.text().startswith("check-in.csv cannot be imported: 1 problem")
    assert dialog.problems.toPlainText() == (
        "check-in.csv, row 2, column 'Your pair code (on your charter, e.g. P07)': matches no "
        "pair in this workshop (code 'P42', email someone@elsewhere.example)"
    )
    assert not button(dialog, "Import").isEnabled()
    qtbot.mouseClick(button(dialog, "Copy problems"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.problems.toPlainText()
    # With the code column read as nothing, only the email is left to match by.
    code = combo(dialog, "Your pair code (on your charter, e.g. P07)")
    code.setFocus()
    qtbot.keyClick(code, Qt.Key.Key_Home)
    assert dialog.problems.toPlainText() == (
        "check-in.csv, row 2: matches no pair in this workshop (email someone@elsewhere.example)"
    )
    assert wf.conn.execute("SELECT COUNT(*) FROM checkins").fetchone() == (0,)


def test_a_file_that_is_not_a_survey_says_so_in_one_line(  # type: ignore[no-untyped-def]
    qtbot, wf: WorkshopFile, choose: Callable[[Path], None]
) -> None:
    choose(DATA / "roster.csv")
    dialog = SurveyImportDialog(wf)
    qtbot.addWidget(dialog)
    dialog.show()
    press_choose(qtbot, dialog)
    assert dialog.summary.text().startswith("roster.csv, row 1: this is not a survey export")
    assert not dialog.mapping_box.isVisible()
    assert not button(dialog, "Import").isEnabled()


def test_a_wheel_over_the_columns_does_not_change_a_meaning(  # type: ignore[no-untyped-def]
    qtbot, wf: WorkshopFile, choose: Callable[[Path], None]
) -> None:
    choose(DATA / "qualtrics_text.csv")
    dialog = SurveyImportDialog(wf)
    qtbot.addWidget(dialog)
    dialog.show()
    press_choose(qtbot, dialog)
    target = combo(dialog, "Q9")
    qtbot.waitUntil(target.isVisible)  # shown, and so guarded, as soon as the list is drawn
    before = target.currentText()
    at = QPointF(target.rect().center())
    event = QWheelEvent(
        at, QPointF(target.mapToGlobal(at.toPoint())), QPoint(), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(target, event)
    assert target.currentText() == before == "Fit (good, still deciding, not a fit)"


def test_the_same_export_again_has_nothing_to_import(  # type: ignore[no-untyped-def]
    qtbot, wf: WorkshopFile, choose: Callable[[Path], None]
) -> None:
    choose(DATA / "google_forms_pt.csv")
    results: list[bool] = []

    def import_it(dialog: SurveyImportDialog) -> None:
        press_choose(qtbot, dialog)
        qtbot.keyClick(button(dialog, "Import"), Qt.Key.Key_Space)

    def look(dialog: SurveyImportDialog) -> None:
        press_choose(qtbot, dialog)
        results.append(button(dialog, "Import").isEnabled())
        results.append(
            dialog.preview.topLevelItem(0).text(0)
            == "2 responses already imported: left as they are"
        )
        qtbot.mouseClick(button(dialog, "Cancel"), Qt.MouseButton.LeftButton)

    parent = QWidget()
    qtbot.addWidget(parent)
    when_modal(import_it)
    assert open_survey_import(parent, wf) is True
    when_modal(look)
    assert open_survey_import(parent, wf) is False
    assert results == [False, True]
    assert wf.conn.execute("SELECT COUNT(*) FROM checkins").fetchone() == (2,)


def test_a_read_only_workshop_offers_no_import(qtbot, program: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(program, read_only=True)
    assert window.wf is not None and window.wf.readonly
    assert not window.follow_up_actions["import_checkins"].isEnabled()
    window.close_workshop()


def test_opened_for_one_pair_it_says_how_many_responses_are_that_pairs(  # type: ignore[no-untyped-def]
    qtbot, wf: WorkshopFile, choose: Callable[[Path], None]
) -> None:
    pair = wf.roster.pair_by_code("P04")
    assert pair is not None
    choose(DATA / "qualtrics_codes.csv")
    dialog = SurveyImportDialog(wf, pair_id=pair.id)
    qtbot.addWidget(dialog)
    dialog.show()
    press_choose(qtbot, dialog)
    assert dialog.summary.text().splitlines()[-1] == "2 responses for pair P04"


def test_cancel_while_the_export_is_read_stops_the_reading(  # type: ignore[no-untyped-def]
    qtbot, wf: WorkshopFile, tmp_path: Path, choose: Callable[[Path], None]
) -> None:
    export = tmp_path / "big.csv"
    rows = [
        f"1/{1 + n % 28}/2027 10:{n % 60:02d}:{n % 59:02d},P01,Mentor,A good fit"
        for n in range(20_000)
    ]
    export.write_text(
        'Timestamp,"Your pair code (on your charter, e.g. P07)",Are you the mentor or the mentee?,'
        "How is the pairing working for you?\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    choose(export)
    dialog = SurveyImportDialog(wf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(button(dialog, "Choose survey export file"), Qt.MouseButton.LeftButton)
    assert dialog.waiting.text() == "Reading big.csv…"
    qtbot.mouseClick(button(dialog, "Cancel"), Qt.MouseButton.LeftButton)
    assert dialog.reading is None and not dialog.isVisible()
    assert wf.conn.execute("SELECT COUNT(*) FROM checkins").fetchone() == (0,)
