"""The room prompt as the projector shows it: Markdown set in the largest type that fits.

A QLabel cannot do this: with a font in pixels (what the projector's sizes are), Qt's
Markdown reader gives paragraphs no space between them and keeps headings at a fixed large
size. Here the prompt is typeset in a document of its own: the body at one size, headings a
step above it, a gap between paragraphs, and, when a long prompt (a ten-item list) would
need small type in one column, two columns under the prompt's own heading, as a slide does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QWidget

from workshop_app.core.i18n import _

# Headings relative to the body, so a heading never dwarfs the text the room must read.
HEADING_SIZES = {1: 1.3, 2: 1.2, 3: 1.1}
PARAGRAPH_GAP = 0.4  # of the body size
ITEM_GAP = 0.1  # between the items of a list
COLUMN_GAP = 1.5  # body sizes between two columns
# Two columns only when they make the type this much larger: one column reads more easily.
COLUMNS_WORTH = 1.2
LEADING_HEADING = re.compile(r"\s*(#{1,6}[ \t][^\n]*)\n?(.*)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Fit:
    """How the prompt is set: its body size in pixels, in how many columns, and whether the
    whole of it fits the room it was fitted to."""

    px: int
    columns: int
    fits: bool


@dataclass(frozen=True, slots=True)
class _Layout:
    height: float  # what it needs, heading included
    split: tuple[float, float]  # where column 1 ends and column 2 starts, in the body


class RoomPrompt(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("Room prompt"))
        self._markdown = ""
        self._head = ""  # the prompt's own leading heading, set across the full width
        self._body = ""
        self._documents: dict[int, tuple[QTextDocument, QTextDocument]] = {}
        self.fit = Fit(px=10, columns=1, fits=True)
        self._split = (0.0, 0.0)

    # -- the text --------------------------------------------------------------------------

    def set_markdown(self, markdown: str) -> None:
        self._markdown = markdown
        match = LEADING_HEADING.fullmatch(markdown)
        self._head, self._body = (match.group(1), match.group(2)) if match else ("", markdown)
        self._documents = {}
        plain = self._document(self._markdown, 10).toPlainText()
        self.setAccessibleDescription(plain)
        self.update()

    def text(self) -> str:
        return self._markdown

    def first_heading(self) -> str:
        """The text of the heading the prompt opens with, or "" if it opens otherwise."""
        return self._head.lstrip("#").strip()

    # -- fitting ---------------------------------------------------------------------------

    def best_fit(self, size: QSize, *, cap: int, smallest: int) -> Fit:
        """The largest body size up to `cap` at which the whole prompt fits `size`, in one
        column or, if that makes the type clearly larger, two. Below `smallest` it is not
        readable; then the largest size that fits at all, so that nothing is cut."""
        one = self._largest(size, cap, smallest, 1)
        if one.fits and one.px >= cap:
            return one
        two = self._largest(size, cap, smallest, 2)
        readable = one.px >= smallest
        if two.fits and (not one.fits or two.px >= one.px * (COLUMNS_WORTH if readable else 1)):
            return two
        return one

    def use(self, fit: Fit) -> None:
        self.fit = fit
        layout = self._layout(fit.px, self.size(), fit.columns)
        self._split = layout.split if layout else (0.0, 0.0)
        self.update()

    def fits(self, size: QSize) -> bool:
        layout = self._layout(self.fit.px, size, self.fit.columns)
        return layout is not None and layout.height <= size.height()

    def _largest(self, size: QSize, cap: int, smallest: int, columns: int) -> Fit:
        """Binary search: the needed height grows with the type size."""
        low, high = smallest, max(cap, smallest)
        if not self._fits(high, size, columns):
            if not self._fits(low, size, columns):
                # Not readable whole at the smallest size: smaller still, rather than cut.
                low = next((px for px in range(low - 1, 3, -1) if self._fits(px, size, columns)), 0)
                return Fit(px=max(low, 4), columns=columns, fits=low > 0)
            while high - low > 1:
                middle = (low + high) // 2
                if self._fits(middle, size, columns):
                    low = middle
                else:
                    high = middle
            high = low
        return Fit(px=high, columns=columns, fits=True)

    def _fits(self, px: int, size: QSize, columns: int) -> bool:
        layout = self._layout(px, size, columns)
        return layout is not None and layout.height <= size.height()

    def _layout(self, px: int, size: QSize, columns: int) -> _Layout | None:
        """What the prompt needs at `px` in `size`; None when something cannot be made
        narrow enough (a long word, a table)."""
        width, height = size.width(), size.height()
        head, body = self._pair(px)
        needed = 0.0
        if self._head:
            if not _wraps_within(head, width):
                return None
            needed = head.size().height()
        column = (width - COLUMN_GAP * px * (columns - 1)) / columns
        if column <= px or not _wraps_within(body, column):
            return None
        total = body.size().height()
        if columns == 1:
            return _Layout(needed + total, (total, 0.0))

        def need(split: tuple[float, float]) -> float:
            return needed + max(split[0], total - split[1])

        # Between paragraphs or items if that fits; between the lines of one if it must.
        paragraphs, lines = _breaks(body)
        split = min(paragraphs, key=need, default=(total, total))
        if need(split) > height:
            split = min([split, *lines], key=need)
        return _Layout(need(split), split)

    def _pair(self, px: int) -> tuple[QTextDocument, QTextDocument]:
        if px not in self._documents:
            self._documents[px] = (
                self._document(self._head, px),
                self._document(self._body, px),
            )
        return self._documents[px]

    def _document(self, markdown: str, px: int) -> QTextDocument:
        document = QTextDocument(self)
        font = QFont(self.font())
        font.setPixelSize(px)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setIndentWidth(px * 2)  # room for "10."
        document.setMarkdown(markdown.strip())
        _typeset(document, px)
        return document

    # -- painting --------------------------------------------------------------------------

    def documents(self) -> tuple[QTextDocument, QTextDocument]:
        """The prompt as set now: its leading heading (empty if none) and the rest."""
        return self._pair(self.fit.px)

    def paintEvent(self, event: QPaintEvent) -> None:
        px, columns = self.fit.px, self.fit.columns
        head, body = self.documents()
        painter = QPainter(self)
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.Text, QColor("#ffffff"))
        context.palette = palette
        top = 0.0
        if self._head:
            head.setTextWidth(self.width())
            head.documentLayout().draw(painter, context)
            top = head.size().height()
        column = (self.width() - COLUMN_GAP * px * (columns - 1)) / columns
        body.setTextWidth(column)
        ends, starts = self._split if columns == 2 else (body.size().height(), 0.0)
        painter.translate(0, top)
        context.clip = QRectF(0, 0, column, ends)
        painter.setClipRect(context.clip)
        body.documentLayout().draw(painter, context)
        if columns == 2:
            painter.translate(column + COLUMN_GAP * px, -starts)
            context.clip = QRectF(0, starts, column, body.size().height() - starts)
            painter.setClipRect(context.clip)
            body.documentLayout().draw(painter, context)
        painter.end()


def _wraps_within(document: QTextDocument, width: float) -> bool:
    document.setTextWidth(width)
    return document.idealWidth() <= width + 0.5 and document.size().width() <= width + 0.5


def _typeset(document: QTextDocument, px: int) -> None:
    """Headings a step above the body, and space between paragraphs and list items."""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        following = block.next()
        same_list = (
            block.textList() is not None
            and following.isValid()
            and following.textList() == block.textList()
        )
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setTopMargin(px * PARAGRAPH_GAP if level and block != document.begin() else 0)
        fmt.setBottomMargin(px * (ITEM_GAP if same_list else PARAGRAPH_GAP))
        quoted = fmt.intProperty(QTextFormat.Property.BlockQuoteLevel)
        if quoted:  # Qt indents a quotation by 40 px on both sides, whatever the type size
            fmt.setLeftMargin(px * 1.5 * quoted)
            fmt.setRightMargin(0)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
        if level:
            # Replaced, not merged: Qt's size step for a heading would override any size.
            heading = QTextCharFormat()
            heading.setProperty(
                QTextFormat.Property.FontPixelSize, round(px * HEADING_SIZES.get(level, 1.0))
            )
            heading.setFontWeight(QFont.Weight.Bold)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.setCharFormat(heading)
        block = following


def _breaks(document: QTextDocument) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Where a second column may start, as (end of column 1, start of column 2): before a
    paragraph or list item (never straight after a heading, nor inside a table), and
    between the lines of a paragraph, leaving at least two of them on each side."""
    places: list[tuple[float, float]] = []
    lines: list[tuple[float, float]] = []
    block = document.begin()
    previous_heading = True  # nothing moves to column 2 before the first paragraph
    while block.isValid():
        cursor = QTextCursor(block)
        layout = block.layout()
        top = layout.position().y()
        if cursor.currentTable() is None:
            if not previous_heading:
                places.append((top, top))
            for i in range(2, layout.lineCount() - 1):  # no line left alone in a column
                y = top + layout.lineAt(i).y()
                lines.append((y, y))
        previous_heading = block.blockFormat().headingLevel() > 0
        block = block.next()
    return places, lines
