"""The presenter view as the room reads it: the prompt in the largest type that fits whole,
in the window a single laptop gives it (545x307 on a 1366x768 screen; 288x162 at 1.5x), A+
making it larger, and Esc never closing it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextFormat
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from workshop_app.core.content.library import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.runner.live import Runner
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.runner import RunnerPage
from workshop_app.ui.presenter_window import MINIMUM, PresenterWindow
from workshop_app.ui.widgets.runner_view import room_markdown

DEFAULT = QSize(545, 307)  # where it opens on a single 1366x768 screen
READABLE = 14  # px: what the room reads from the back of a training room, in that window
LEAST = 11  # px: the longest demo prompts (a long paragraph and a list; the GROW table)
WORKSHOP_DAY = datetime(2027, 1, 19, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def demo(tmp_path: Path, library):
    create_demo(tmp_path / "demo.workshop").close()
    wf = WorkshopFile.open(tmp_path / "demo.workshop")
    yield wf, Runner(wf, library, rehearsal=True)
    wf.close()


def prompts(demo) -> list[tuple[str, str]]:
    wf, runner = demo
    return [(s.title, room_markdown(runner, wf.workshop(), s, set())) for s in runner.segments]


def presenter(qtbot, size: QSize) -> PresenterWindow:
    window = PresenterWindow()
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.show_time("11:43", "running", "Step 1 of 3: What mentors and mentees do", "10:20")
    return window


def shown_whole(window: PresenterWindow) -> bool:
    """The prompt, as set, needs no more room than its widget has: nothing cut."""
    prompt = window.prompt
    head, body = prompt.documents()
    columns = prompt.fit.columns
    if head.toPlainText():
        head.setTextWidth(prompt.width())
    width = (prompt.width() - 1.5 * prompt.fit.px * (columns - 1)) / columns
    body.setTextWidth(width)
    needed = (head.size().height() if head.toPlainText() else 0) + body.size().height() / columns
    return (
        prompt.fit.fits
        and body.idealWidth() <= width + 0.5
        and needed <= prompt.height() + prompt.fit.px * 2  # two columns balance to a line
        and prompt.fits(prompt.size())
    )


def test_a_long_list_is_readable_in_the_default_window(qtbot, demo) -> None:
    """The issue: "Whose job is it?" set its ten items in 6-8 px under a large heading."""
    window = presenter(qtbot, DEFAULT)
    title, text = next(p for p in prompts(demo) if p[0].startswith("Roles"))
    window.show_segment(title, text)
    assert window.prompt.fit.px >= READABLE and window.prompt.fit.columns == 2
    assert shown_whole(window)
    head, body = window.prompt.documents()
    heading = head.begin().begin().fragment().charFormat().font().pixelSize()
    assert body.defaultFont().pixelSize() == window.prompt.fit.px
    assert window.prompt.fit.px < heading <= round(window.prompt.fit.px * 1.5)  # a step above
    assert "Roles and responsibilities" in window.shown_text()  # a different title: shown


@pytest.mark.parametrize("size", [DEFAULT, MINIMUM], ids=["1366x768", "1366x768@1.5x"])
def test_every_demo_prompt_fits_whole(qtbot, demo, size: QSize) -> None:
    """At 1.5x the window is its smallest, 288x162: the prompt was cut at the bottom."""
    window = presenter(qtbot, size)
    sizes = []
    for title, text in prompts(demo):
        window.show_segment(title, text)
        assert shown_whole(window), title
        sizes.append(window.prompt.fit.px)
    if size == DEFAULT:
        assert min(sizes) >= LEAST
        assert sorted(sizes)[len(sizes) // 2] >= READABLE  # half of them, at least


def test_the_segment_title_is_not_said_twice(qtbot, demo) -> None:
    window = presenter(qtbot, DEFAULT)
    by_title = dict(prompts(demo))
    for title in (
        "Repeated cancellations",
        "Drafting the charter",
        "Support: who to call, and when",
    ):
        window.show_segment(title, by_title[title])
        assert not window.heading.isVisibleTo(window), title
    window.show_segment("Coffee break", by_title["Coffee break"])  # no heading of its own
    assert window.heading.isVisibleTo(window) and "Coffee break" in window.shown_text()


def make_page(qtbot, demo) -> RunnerPage:
    wf, _ = demo
    page = RunnerPage(load_library(), clock=FakeClock(WORKSHOP_DAY))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_workshop(wf)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.presenter is not None
    page.presenter.resize(DEFAULT)
    return page


def button(page: QWidget, name: str) -> QAbstractButton:
    return next(b for b in page.findChildren(QAbstractButton) if b.accessibleName() == name)


def go_to(qtbot, page: RunnerPage, title: str) -> None:
    """PageDown, as a clicker does, until `title` runs on the projector."""
    while page.presenter is not None and page.presenter.heading.text() != title:
        qtbot.keyClick(page, Qt.Key.Key_PageDown)
        page.update_time()


@pytest.mark.parametrize(
    "title", ["Repeated cancellations", "Drafting the charter", "Coffee break"]
)
def test_a_plus_makes_the_prompt_larger(qtbot, demo, title: str) -> None:
    """The issue: A+ grew the heading and the timer, never the prompt. In a window with room
    for it (960x540 here), each A+ makes the prompt larger and A- smaller; the longest prompt,
    which fills the window already, stays as large as fits. All of it fits, always."""
    page = make_page(qtbot, demo)
    go_to(qtbot, page, title)
    window = page.presenter
    assert window is not None
    window.resize(QSize(960, 540))
    larger = button(page, "Larger text in the presenter view")
    before = window.prompt.fit.px
    for _ in range(3):
        size = window.prompt.fit.px
        qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)
        assert window.prompt.fit.px >= size and shown_whole(window)
    if title == "Drafting the charter":  # the longest: it already fills the window
        assert window.prompt.fit.px == before
    else:
        assert window.prompt.fit.px > before
        for _ in range(8):  # down to half the type
            qtbot.mouseClick(
                button(page, "Smaller text in the presenter view"), Qt.MouseButton.LeftButton
            )
        assert window.prompt.fit.px < before and shown_whole(window)
    page.set_workshop(None)


def test_esc_keeps_the_presenter_view_open(qtbot, demo) -> None:
    """The issue: Esc on the presenter window closed it, and the room saw the app's controls.
    Esc gives the keys back to the facilitator's window; F5 closes it."""
    page = make_page(qtbot, demo)
    window = page.presenter
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert page.presenter is window and window.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.presenter is None
    page.set_workshop(None)


def test_a_revealed_paragraph_is_set_apart(qtbot, demo) -> None:
    """The issue: a revealed paragraph of the situation ran straight on from the prompt."""
    page = make_page(qtbot, demo)
    go_to(qtbot, page, "Repeated cancellations")
    page.view.tabs.setCurrentWidget(page.view.scenario)
    qtbot.mouseClick(
        button(page, "Show situation, paragraph 2 of 2 on the projector"),
        Qt.MouseButton.LeftButton,
    )
    page.update_time()
    window = page.presenter
    assert window is not None and "Since then, Tom" in window.shown_text()
    _, body = window.prompt.documents()
    block = body.begin()
    while not block.text().startswith("Since then"):
        block = block.next()
    rule = block.previous()  # the second walk: apart, but alike; now a rule comes first
    assert rule.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)
    before = rule.previous()
    assert before.text().startswith("Write:")
    text_ends = before.layout().position().y() + before.layout().boundingRect().height()
    assert block.layout().position().y() - text_ends >= window.prompt.fit.px * 0.3
    assert shown_whole(window)
    page.set_workshop(None)


@pytest.mark.parametrize("title", ["Repeated cancellations", "Drafting the charter"])
def test_every_press_of_a_plus_or_a_minus_shows_or_says_why_not(qtbot, demo, title) -> None:
    """The second walk: A+ twice, then A- once, and nothing changed (the presses that had no
    effect were counted); A+ shrank the timer to half; a full-screen presenter had its title
    and timer at 10 px. Now a press that would change nothing is not counted and says why,
    and the timer and the title keep at least half their size."""
    page = make_page(qtbot, demo)
    go_to(qtbot, page, title)
    window = page.presenter
    assert window is not None
    said: list[str] = []
    page.status.connect(said.append)
    timer_full = window.height() * 0.19

    def look() -> tuple[int, ...]:
        """What the room sees of the type: the prompt's size and columns, the others'."""
        labels = (window.heading, window.step, window.timer, window.time_of_day)
        fit = window.prompt.fit
        return fit.px, fit.columns, *(label.font().pixelSize() for label in labels)

    for name in ("Larger text in the presenter view", "Smaller text in the presenter view"):
        for _ in range(6):
            before, messages = look(), len(said)
            qtbot.mouseClick(button(page, name), Qt.MouseButton.LeftButton)
            assert look() != before or len(said) == messages + 1, name
            assert window.timer.font().pixelSize() >= 0.5 * timer_full * min(1.0, window.scale) - 1
            assert shown_whole(window)
        # At its limit, the first press the other way changes what the room sees.
    before = look()
    qtbot.mouseClick(button(page, "Larger text in the presenter view"), Qt.MouseButton.LeftButton)
    assert look() != before
    page.set_workshop(None)
