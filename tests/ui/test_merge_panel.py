"""The merge panel shows what the merge report says: renamed codes (a signed one marked), and
each conflict on a line that is read without scrolling sideways."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui import jobs
from workshop_app.ui.widgets.merge_panel import MergePanel

LAUNCH = {"program": "Accelerate", "organisation": "Northwind", "date": "2027-01-19"}


def make_room(path: Path, pairs: list[tuple[str, str, str, bool]]) -> Path:
    """(code, mentor, mentee, signed) per pair; everyone checked in."""
    with WorkshopFile.create(path, **LAUNCH) as wf:
        for code, mentor, mentee, signed in pairs:
            a = wf.roster.add_participant(role="mentor", name=mentor, email=f"{mentor}@x.example")
            b = wf.roster.add_participant(role="mentee", name=mentee, email=f"{mentee}@x.example")
            pair = wf.roster.make_pair(a.id, b.id, code=code)
            for person in (a, b):
                wf.roster.set_attendance(person.id, True)
            if signed:
                wf.charters.sign(pair.id, mentor=mentor, mentee=mentee)
    return path


def test_renamed_codes_and_conflicts_are_shown_whole(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = make_room(tmp_path / "a.workshop", [("P05", "Kai", "Lea", True)])
    b = make_room(tmp_path / "b.workshop", [("P01", "Kai", "Lea", False),
                                            ("P05", "Zoe", "Yan", True)])  # fmt: skip
    with WorkshopFile.open(b) as wf:  # later, room B marks Kai absent: a conflict
        kai = wf.roster.participant_by_email("Kai@x.example")
        assert kai is not None
        wf.roster.set_attendance(kai.id, False)
    panel = MergePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 900)
    panel.set_current(a, tmp_path / "all.workshop")
    panel.add_inputs([b])
    panel.show()
    button = next(w for w in panel.findChildren(QPushButton) if w.accessibleName() == "Merge")
    with qtbot.waitSignal(panel.status, timeout=30_000) as done:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # The finished job's thread object goes (deleteLater) before the test ends: none is left.
    qtbot.waitUntil(lambda: not jobs.any_running())
    assert done.args == ["Merged into all.workshop: 2 conflicts, 2 pair codes renamed."]
    banner = panel.renamed.text()
    assert "<b>P01 → P05</b>: Kai &amp; Lea (from b.workshop)</li>" in banner
    assert ("<b>P05 → P05-2</b>: Zoe &amp; Yan (from b.workshop): <b>its signed charter shows "
            "P05</b>") in banner  # fmt: skip
    report = panel.report.toPlainText()
    assert "Kai <kai@x.example>, attendance: kept the version from b.workshop (absent" in report
    assert "write P05-2 on the signed charter" in report
    qtbot.waitUntil(lambda: panel.report.isVisible())
    assert panel.report.horizontalScrollBar().maximum() == 0  # long lines wrap
    with WorkshopFile.open(tmp_path / "all.workshop", readonly=True) as wf:
        assert {p.code for p in wf.roster.pairs()} == {"P05", "P05-2"}
