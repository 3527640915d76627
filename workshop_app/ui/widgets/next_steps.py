"""The steps left before the event, each with what is left and a button to the page for it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton

from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.core.readiness import NextStep
from workshop_app.ui.style import DONE_COLOUR, PENDING_COLOUR

# The pages a step leads to (&& shows one &), translated where they are shown.
PAGE_TITLES = {"program": N_("Program"), "roster": N_("Roster && pairs"), "agenda": N_("Agenda")}
STYLE = "#nextSteps { border: 1px solid palette(mid); border-radius: 6px; }"


class NextSteps(QFrame):
    """Shown while any step is left; each row: a tick or a dot, the step, a button."""

    open_page = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("nextSteps")
        self.setStyleSheet(STYLE)
        # The default size policy, not Maximum: that capped the height at the size hint,
        # reckoned before the steps wrap, and cut a detail's second line (German at 1.5x).
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(14, 10, 14, 12)
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600; border: none;")
        self.grid.addWidget(self.heading, 0, 0, 1, 3)
        self.rows: dict[str, tuple[QLabel, QLabel, QPushButton]] = {}

    def show_steps(self, steps: list[NextStep]) -> None:
        left = [s for s in steps if not s.done]
        self.setVisible(bool(left))
        self.heading.setText(
            _("Before the event")
            if len(left) == len(steps)
            else ngettext(
                "Before the event: {left} of {n} step left",
                "Before the event: {left} of {n} steps left",
                len(steps),
            ).format(left=len(left), n=len(steps))
        )
        for number, step in enumerate(steps, start=1):
            mark, text, button = self._row(step.page, number)
            mark.setText("✓" if step.done else str(number))
            mark.setStyleSheet(
                f"border: none; font-size: 13pt; font-weight: 700; "
                f"color: {DONE_COLOUR if step.done else PENDING_COLOUR};"
            )
            mark.setAccessibleName(_("Done") if step.done else _("To do"))
            detail = "<br>".join(escape(line) for line in step.detail.splitlines())
            text.setText(f"<b>{escape(step.title)}</b><br>{detail}")
            said = _("{step}: done") if step.done else _("{step}: to do")
            text.setAccessibleName(said.format(step=step.title))
            page = _(PAGE_TITLES[step.page]).replace("&&", "&")
            button.setAccessibleName(_("Go to {page}").format(page=page))

    def _row(self, page: str, number: int) -> tuple[QLabel, QLabel, QPushButton]:
        if page not in self.rows:
            mark = QLabel()
            mark.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            mark.setMinimumWidth(mark.fontMetrics().horizontalAdvance("00"))
            text = QLabel()
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setStyleSheet("border: none;")
            button = QPushButton(_("{page} →").format(page=_(PAGE_TITLES[page])))
            button.clicked.connect(lambda _=False, p=page: self.open_page.emit(p))
            self.grid.addWidget(mark, number, 0)
            self.grid.addWidget(text, number, 1)
            self.grid.addWidget(button, number, 2, Qt.AlignmentFlag.AlignTop)
            self.rows[page] = (mark, text, button)
        return self.rows[page]
