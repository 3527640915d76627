"""The widgets in the pseudo-locale: the charter form, the runner's view and the merge panel,
shown with demo data, carry the mark on every text a person sees or a screen reader says
(or it is data: names, codes, the library's content), and no label or button clips."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from tests.ui.i18n_scan import clipped, unmarked
from workshop_app.core.content.library import load_library, minutes_text
from workshop_app.core.demo import create_demo
from workshop_app.core.i18n import PSEUDO, SOURCE_LANGUAGE, set_interface_language
from workshop_app.core.runner.live import Runner
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.widgets.charter_editor import CharterEditor
from workshop_app.ui.widgets.merge_panel import MergePanel
from workshop_app.ui.widgets.runner_view import RunnerView

LAPTOP = QRect(0, 0, 1366, 768)


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
    """What the demo shows that is data, not words of the app."""
    people = list(wf.roster.participants())
    workshop = wf.workshop()
    library = load_library()
    exercises = list(library.exercises.values())
    return [
        *(p.name for p in people),
        *(p.email for p in people),
        *(x for p in people for x in (p.title, p.department, p.manager)),
        *(pair.code for pair in wf.roster.pairs()),
        *(e.title for e in exercises),
        *(s.title for s in wf.agenda.segments()),
        workshop.program,
        workshop.coordinator,
        wf.path.name,
        *(minutes_text(m / 2) for m in range(361)),
    ]


def _show(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_charter_form_is_marked_and_fits(qtbot, pseudo, demo) -> None:  # type: ignore[no-untyped-def]
    editor = CharterEditor(lambda: ["A partner who goes silent"])
    _show(qtbot, editor)
    editor.set_workshop(demo)
    editor.set_pair(demo.roster.pairs()[0].id)
    editor.ensure_built()
    # What the pair wrote is data, as are the charter's own labels until they are marked
    # in core/charter_fields.py (they come through _() already, and show the mark).
    charter = demo.charters.charter(demo.roster.pairs()[0].id)
    written = [str(v) for v in charter.fields.values() if v]
    written += [
        str(getattr(g, p))
        for g in charter.goals
        for p in ("goal", "why", "measure", "first_steps", "target_date")
    ]
    written += [x for plan in charter.plans for x in (plan.scenario, plan.plan)]
    assert unmarked(editor.widget(), [*_data(demo), *written, "A partner who goes silent"]) == []


def test_runner_view_is_marked_and_fits(qtbot, pseudo, demo) -> None:  # type: ignore[no-untyped-def]
    view = _show(qtbot, RunnerView())
    runner = Runner(demo, load_library())
    view.show_segment(runner, demo.workshop(), {})
    view.show_clock(runner)
    # A− and A+ are the usual symbols for text size, the same in every language.
    assert unmarked(view, [*_data(demo), "A−", "A+"]) == []
    assert clipped(view, LAPTOP) == []


def test_merge_panel_is_marked_and_fits(qtbot, pseudo, demo) -> None:  # type: ignore[no-untyped-def]
    panel = _show(qtbot, MergePanel())
    panel.set_current(demo.path, demo.path.with_name("merged.workshop"))
    assert unmarked(panel, _data(demo)) == []
    assert clipped(panel, LAPTOP) == []
