"""The Charters page's pairs list and board, in any script and at any size, and its top row."""

from __future__ import annotations

import colorsys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QPushButton, QStyledItemDelegate, QStyleOptionViewItem

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.widgets.charter_board import PAIR_ID_ROLE, TILE_PADDING, TILE_ROLE

# Names whose scripts fall back to fonts taller than the Latin one (CJK, Devanagari, Thai),
# and two that do not, so that a Latin row still comes first.
NAMES = [
    ("王秀英", "李明"),
    ("محمد الأحمد", "فاطمة الزهراء"),
    ("प्रिया शर्मा", "สมชาย ใจดี"),
    ("Nguyễn Thị Ánh", "Đặng Văn Lâm"),
]


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "demo.workshop")
    for i, (mentor, mentee) in enumerate(NAMES):
        a = wf.roster.add_participant(role="mentor", name=mentor, email=f"m{i}@x.example")
        b = wf.roster.add_participant(role="mentee", name=mentee, email=f"e{i}@x.example")
        wf.roster.make_pair(a.id, b.id)
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile) -> ChartersPage:  # type: ignore[no-untyped-def]
    p = ChartersPage(["A partner who goes silent"])
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.set_workshop(demo)
    qtbot.waitExposed(p)
    return p


def test_every_row_of_the_pairs_list_has_room_for_both_lines(page: ChartersPage) -> None:
    """Rows are sized once, from the first (a Latin name): a Chinese or Devanagari name's
    fallback font is taller, and its second line ("10 to fill") must still show."""
    view = page.pair_list
    natural = QStyledItemDelegate()  # what each row would need measured on its own
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    short = []
    for row in range(page.proxy.rowCount()):
        index = page.proxy.index(row, 0)
        shown = view.visualRect(index).height()
        if shown < natural.sizeHint(option, index).height():
            short.append(index.data().splitlines()[0])
    assert short == []
    assert view.uniformItemSizes()  # the 5,000-pair speed depends on it


def board_button(page: ChartersPage) -> QPushButton:
    name = "Show the charter board"
    return next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)


def tile(page: ChartersPage, code: str) -> tuple[str, tuple[str, ...]]:
    model = page.board_model
    row = next(r for r in range(model.rowCount()) if model.index(r).data().startswith(code))
    return model.index(row).data(TILE_ROLE)  # type: ignore[no-any-return]


def tile_colour(page: ChartersPage, code: str) -> QColor:
    """The fill of a tile as painted, just inside its border."""
    model = page.board_model
    row = next(r for r in range(model.rowCount()) if model.index(r).data().startswith(code))
    rect = page.board.visualRect(model.index(row))
    image = page.board.viewport().grab().toImage()
    return image.pixelColor(rect.topLeft() + QPoint(8, rect.height() // 2))


def hue(colour: QColor) -> float:
    h, _, _ = colorsys.rgb_to_hls(colour.redF(), colour.greenF(), colour.blueF())
    return h * 360


def test_the_board_shows_each_state_in_its_own_colour_and_words(  # type: ignore[no-untyped-def]
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    p02 = demo.roster.pair_by_code("P02")
    assert p02 is not None
    demo.charters.sign(p02.id, mentor="Rajesh Iyer", mentee="Chloé Martin")
    demo.charters.set_field(p02.id, "renewal", "Edited after signing.")  # version 2
    page.refresh()
    qtbot.mouseClick(board_button(page), Qt.MouseButton.LeftButton)
    assert page.views.currentWidget() is page.board
    states = {code: tile(page, code) for code in ("P01", "P02", "P03", "P06", "P10")}
    assert {code: kind for code, (kind, _) in states.items()} == {
        "P01": "signed",
        "P02": "edited",
        "P03": "complete",
        "P06": "partial",
        "P10": "empty",
    }
    # Words and a symbol on every tile, so grayscale and colour-blind readers get the state.
    assert states["P01"][1][3] == "✔ Signed v1"
    assert states["P02"][1][3] == "✎ Signed v1, edited since"
    assert states["P03"][1][3] == "✓ Complete"
    assert states["P06"][1][3] == "◐ 8 to fill"
    assert states["P10"][1][3] == "○ 10 to fill"
    qtbot.waitUntil(lambda: page.board.viewport().isVisible())
    complete, partial = tile_colour(page, "P03"), tile_colour(page, "P06")
    signed, edited = tile_colour(page, "P01"), tile_colour(page, "P02")
    assert 90 < hue(complete) < 160  # green, never orange
    assert 30 < hue(partial) < 55  # amber
    assert 90 < hue(signed) < 160 and signed.lightness() < complete.lightness() - 60
    assert not 20 < hue(edited) < 160  # its own colour: neither amber nor green
    # Distinct in grayscale too: complete is darker than partly filled.
    assert complete.lightness() < partial.lightness() - 20


@pytest.mark.parametrize("points", [11, 20])
def test_tiles_are_sized_to_their_text_at_any_font_size(  # type: ignore[no-untyped-def]
    qtbot, page: ChartersPage, demo: WorkshopFile, points: int
) -> None:
    long = demo.roster.add_participant(
        role="mentor", name="Maximiliana Wolkenstein-Trostburg", email="max@x.example"
    )
    other = demo.roster.add_participant(role="mentee", name="Jo Li", email="jo@x.example")
    demo.roster.make_pair(long.id, other.id)
    p02 = demo.roster.pair_by_code("P02")
    assert p02 is not None
    demo.charters.sign(p02.id, mentor="Rajesh Iyer", mentee="Chloé Martin")
    demo.charters.set_field(p02.id, "renewal", "Edited after signing.")  # the longest state
    page.board.setStyleSheet(f"QListView {{ font-size: {points}pt; }}")
    qtbot.mouseClick(board_button(page), Qt.MouseButton.LeftButton)
    plain = QFont(page.board.font())
    bold = QFont(plain)
    bold.setBold(True)
    model = page.board_model
    size = page.board.visualRect(model.index(0)).size()
    room = size.width() - 2 * TILE_PADDING - 4  # inside the border and the padding
    for row in range(model.rowCount()):
        _, lines = model.index(row).data(TILE_ROLE)
        for number, line in enumerate(lines):
            metrics = QFontMetrics(bold if number in (0, 3) else plain)
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
            assert shown == line, (points, line, shown)  # what the tile paints: not cut
        assert len(lines) * QFontMetrics(bold).height() + 20 <= size.height(), (points, lines)
    page.board.setFocus()
    page.board.setCurrentIndex(model.index(model.rowCount() - 1))
    qtbot.keyClick(page.board, Qt.Key.Key_Return)  # Enter opens the pair in the form
    assert page.views.currentWidget() is page.splitter
    assert page.editor.pair_id == model.index(model.rowCount() - 1).data(PAIR_ID_ROLE)


@pytest.fixture
def italian() -> Iterator[None]:
    from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language

    set_interface_language("it")
    yield
    set_interface_language(SOURCE_LANGUAGE)


def test_a_signed_complete_charter_reads_in_italian_agreement(  # type: ignore[no-untyped-def]
    italian: None, qtbot, demo: WorkshopFile
) -> None:
    """A trainer read "✓ completa · firmato v1": a charter (accordo) is masculine, where the
    editor's sections (sezione) are feminine, and the version is a word, not "v1"."""
    page = ChartersPage(["A partner who goes silent"])
    qtbot.addWidget(page)
    page.set_workshop(demo)
    rows = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    signed = [row.splitlines()[1] for row in rows if "firmat" in row]
    assert signed and all("✓ completo · versione 1 firmata" in line for line in signed), rows
