"""Filling a charter as a pair would: typing, pickers, goals, plans, undo, signing, versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.sign import SignDialog
from workshop_app.ui.pages.charters import ChartersPage


@pytest.fixture
def demo(tmp_path: Path):
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    if wf.conn is not None:
        wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile):
    p = ChartersPage(["A partner who goes silent", "Repeated cancellations"])
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.set_workshop(demo)
    return p


def pair_id(wf: WorkshopFile, code: str) -> str:
    pair = wf.roster.pair_by_code(code)
    assert pair is not None
    return pair.id


def wait_saved(qtbot, page: ChartersPage) -> None:
    qtbot.waitUntil(lambda: not page.editor.saver.pending, timeout=3000)


def test_typing_into_a_field_saves_it(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    page.select_pair(pair_id(demo, "P11"))
    field = page.editor.field("purpose").input
    field.setFocus()
    with qtbot.waitSignal(page.saved, timeout=3000):
        qtbot.keyClicks(field, "Find my feet as a new analyst")
    assert demo.charters.charter(pair_id(demo, "P11")).value("purpose") == (
        "Find my feet as a new analyst"
    )


def test_pickers_save_meeting_details(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    pid = pair_id(demo, "P11")
    page.select_pair(pid)
    editor = page.editor
    frequency = editor.field("meeting_frequency").input
    frequency.setFocus()
    qtbot.keyClicks(frequency, "Mo")  # a closed combo box picks by the typed start
    minutes = editor.field("meeting_minutes").input
    minutes.setFocus()
    minutes.selectAll()
    qtbot.keyClicks(minutes, "45")
    first = editor.field("first_meeting").input
    first.setFocus()
    qtbot.keyClicks(first, "2027-02-03 09:30")
    end = editor.field("end_date").input
    end.setFocus()
    qtbot.keyClicks(end, "2027-10-31")
    editor.flush()
    values = demo.charters.charter(pid).fields
    assert values["meeting_frequency"] == "monthly"
    assert values["meeting_minutes"] == 45
    assert values["first_meeting"] == "2027-02-03T09:30"
    assert values["end_date"] == "2027-10-31"


def _is_greenish(widget) -> bool:
    """Whether the title strip of a group box has pixels of the complete colour's hue."""
    image = widget.grab().toImage()
    for y in range(min(image.height(), 24)):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.green() > colour.red() + 40 and colour.green() > colour.blue() + 20:
                return True
    return False


def test_completeness_badge_follows_the_form(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    pid = pair_id(demo, "P09")  # everything but "between meetings" onwards
    page.select_pair(pid)
    before = page.headline.text()
    for name, text in (
        ("contact_channels", "Teams"),
        ("response_time", "Two days"),
        ("cancellation_notice", "A day"),
    ):
        qtbot.keyClicks(page.editor.field(name).input, text)
    page.editor.saver.flush()
    box = page.editor._boxes["between"]
    assert "complete" in box.title()
    assert _is_greenish(box), "a complete section's title is drawn in green"
    overview = next(o for o in page.list_model.rows() if o.pair_id == pid)
    assert "between" not in overview.missing
    assert page.headline.text() == before  # still not complete overall


def test_an_invalid_value_is_shown_and_not_saved(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    pid = pair_id(demo, "P11")
    page.select_pair(pid)
    field = page.editor.field("review_days").input
    qtbot.keyClicks(field, "every month")
    page.editor.saver.flush()
    error = page.editor.field("review_days").message
    assert error.isVisibleTo(page) and "30, 90, 180" in error.text()
    assert demo.charters.charter(pid).value("review_days") == ""
    field.clear()
    qtbot.keyClicks(field, "30 90")
    page.editor.saver.flush()
    assert not error.isVisibleTo(page)
    assert demo.charters.charter(pid).value("review_days") == "30, 90"


def test_goals_and_plans(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    pid = pair_id(demo, "P11")
    page.select_pair(pid)
    goals = page.editor.goals
    qtbot.keyClicks(goals.boxes[0].parts["goal"].input, "Present to the board")
    qtbot.keyClicks(goals.boxes[0].parts["measure"].input, "Presented once")
    qtbot.keyClicks(goals.boxes[0].parts["target_date"].input, "2027-06-30")
    qtbot.mouseClick(goals.add, Qt.MouseButton.LeftButton)
    assert goals.boxes[1].isVisibleTo(page)
    qtbot.keyClicks(goals.boxes[1].parts["goal"].input, "Build a network")
    qtbot.mouseClick(page.editor.plans.add, Qt.MouseButton.LeftButton)
    row = page.editor.plans.rows[0]
    qtbot.keyClicks(row.scenario, "A partner who goes silent")
    qtbot.keyClicks(row.plan, "we send one friendly nudge, then call Tom")
    page.editor.saver.flush()
    charter = demo.charters.charter(pid)
    assert [(g.position, g.goal) for g in charter.goals] == [
        (1, "Present to the board"),
        (2, "Build a network"),
    ]
    assert charter.goals[0].target_date == "2027-06-30"
    assert [(p.scenario, p.plan) for p in charter.plans] == [
        ("A partner who goes silent", "we send one friendly nudge, then call Tom")
    ]


def test_undo_and_redo(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    pid = pair_id(demo, "P11")
    page.select_pair(pid)
    field = page.editor.field("boundaries").input
    field.setFocus()
    qtbot.keyClicks(field, "No pay talk")
    page.editor.saver.flush()
    assert demo.charters.charter(pid).value("boundaries") == "No pay talk"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo.charters.charter(pid).value("boundaries") == ""
    assert page.editor.field("boundaries").value() == ""
    qtbot.keyClick(
        field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert demo.charters.charter(pid).value("boundaries") == "No pay talk"
    assert page.editor.field("boundaries").value() == "No pay talk"


def test_undo_a_removed_plan_puts_it_back(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    pid = pair_id(demo, "P02")
    page.select_pair(pid)
    before = [(p.scenario, p.plan) for p in demo.charters.plans(pid)]
    page.editor._remove_plan(page.editor.plans.rows[0].plan_id)
    assert len(demo.charters.plans(pid)) == len(before) - 1
    page.editor.undo()
    assert [(p.scenario, p.plan) for p in demo.charters.plans(pid)] == before
    assert len(page.editor.plans.rows) == len(before)


def sign_with(qtbot, page: ChartersPage, pid: str) -> None:
    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignDialog):
            dialog.accept()
        else:
            QTimer.singleShot(20, accept)

    QTimer.singleShot(20, accept)
    page.sign(pid)


def test_sign_then_edit_makes_a_new_version(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    pid = pair_id(demo, "P02")
    page.select_pair(pid)
    sign_with(qtbot, page, pid)
    charter = demo.charters.charter(pid)
    assert charter.signed_version == 1
    assert (
        "signed v1" in next(o for o in page.list_model.rows() if o.pair_id == pid).signature_state
    )
    qtbot.keyClicks(page.editor.field("renewal").input, " Or part as friends.")
    page.editor.saver.flush()
    overview = next(o for o in page.list_model.rows() if o.pair_id == pid)
    assert overview.signature_state == "signed v1, edited since"
    assert "version 2" in page.editor.signature_banner.text()


def test_board_shows_every_pair(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    page.board_button.click()
    assert page.views.currentWidget() is page.board
    assert page.board_model.rowCount() == 12
    assert page.headline.text().startswith("5 of 12 complete")
    index = page.board_model.index(11)
    assert "partner absent" in index.data()
    page.board.activated.emit(index)
    assert page.views.currentWidget() is page.splitter
    assert page.editor.pair_id == index.data(Qt.ItemDataRole.UserRole + 1)


def test_switching_pairs_saves_what_was_typed(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    first, second = pair_id(demo, "P10"), pair_id(demo, "P11")
    page.select_pair(first)
    qtbot.keyClicks(page.editor.field("purpose").input, "Quick switch")
    page.select_pair(second)  # before the debounce fires
    assert demo.charters.charter(first).value("purpose") == "Quick switch"
    assert page.editor.field("purpose").value() == ""


def test_preview_renders_the_charter(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    page.select_pair(pair_id(demo, "P01"))
    page.show_preview()
    preview = page.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.document.pageCount() > 0, timeout=60000)
    assert preview.pdf.startswith(b"%PDF")
    assert "as it will print" in preview.message.text()


def test_print_all_complete_charters_to_a_folder(qtbot, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from workshop_app.ui.main_window import MainWindow

    path = tmp_path / "room.workshop"
    create_demo(path).close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_path(path)
    window.go_to(window._index("charters"))
    page = window.charters
    page.select_pair(window.wf.roster.pair_by_code("P03").id)
    qtbot.keyClicks(page.editor.field("renewal").input, " Typed just before printing.")
    out = tmp_path / "printed"
    out.mkdir()
    with qtbot.waitSignal(window.printer.finished, timeout=120000) as blocker:
        assert page.print_complete(to_folder=True, folder=out)
        assert window.print_row.isVisible()
        # the app stays usable while the charters render
        window.go_to(window._index("overview"))
        assert window.current_page() is window.overview
    result = blocker.args[0]
    assert result is not None and len(result.files) == 5
    names = sorted(p.name for p in out.glob("P*.pdf"))
    assert names[0].startswith("P01") and len(names) == 5
    p03 = next(out.glob("P03*.pdf"))
    text = "".join(page.extract_text() for page in PdfReader(p03).pages)
    assert "Typed just before printing." in " ".join(text.split())
    assert (out / "All charters.pdf").exists()
    assert not window.print_row.isVisible()
    window.close()


def test_print_to_a_printer(qtbot, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from workshop_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_demo()
    printed = tmp_path / "printer-output.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    window.printer.printer_factory = pdf_printer
    window.printer.ask_printer = False
    window.go_to(window._index("charters"))
    window.charters.select_pair(window.wf.roster.pair_by_code("P01").id)
    with qtbot.waitSignal(window.printer.finished, timeout=120000) as blocker:
        window.charters.print_current()
    assert blocker.args[0] is not None
    assert len(PdfReader(printed).pages) >= 1
    window.close()


def test_the_form_says_what_is_private_to_the_pair(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    from PySide6.QtWidgets import QLabel

    from workshop_app.core.charter_fields import FIELD_BY_NAME

    pid = pair_id(demo, "P11")
    page.select_pair(pid)
    editor = page.editor
    assert FIELD_BY_NAME["boundaries"].private
    box = editor._boxes["boundaries"]
    assert "private to the pair" in box.title()
    notes = [
        label.text()
        for label in box.findChildren(QLabel)
        if label.isVisibleTo(page) and "left out of staff exports" in label.text()
    ]
    assert notes == ["Private to the pair: what you write here is left out of staff exports."]
    for key in ("purpose", "roles", "meetings"):
        assert "private" not in editor._boxes[key].title()

    goal = editor.goals.boxes[0]
    assert "private" not in goal.title()
    goal.private.setFocus()
    qtbot.keyClick(goal.private, Qt.Key.Key_Space)
    assert goal.title() == "Goal 1 · private to the pair"
    editor.flush()
    assert [g.private for g in demo.charters.goals(pid)] == [True]


def test_switching_pairs_leaves_no_stray_window(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    """Redrawing the plans once made each old plan row a window of its own for a moment,
    which took the activation (and so the keyboard) from the app's window."""
    from workshop_app.ui.widgets.charter_lists import PlanRow

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    for code in ("P02", "P01", "P03"):  # each has troubleshooting plans
        page.select_pair(pair_id(demo, code))
        assert page.editor.plans.rows
    assert QApplication.activeWindow() is page
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PlanRow)]
