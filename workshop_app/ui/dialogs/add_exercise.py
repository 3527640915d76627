"""Pick what to add to the agenda: an exercise from the library, found by searching, or a break.

The library is listed by kind. Typing in the search box keeps the exercises whose title, kind,
format or summary hold every word typed; Up and Down move through what is left, Enter (or a
double click) adds the one selected. The selected exercise's summary, minutes and format are
shown beside the list, so a trainer can choose without opening the files.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charter_fields import FIELD_BY_NAME, GOAL_PARTS, SECTION_BY_KEY
from workshop_app.core.content.library import (
    AUDIENCE_TITLES,
    FORMAT_TITLES,
    KIND_TITLES,
    KINDS,
    Exercise,
    Library,
    minutes_text,
)
from workshop_app.core.i18n import N_, _
from workshop_app.core.runner.agenda_store import PlannedSegment
from workshop_app.ui.dialogs.ask import name_buttons
from workshop_app.ui.screen_fit import fit_to_screen
from workshop_app.ui.style import HELP_STYLE
from workshop_app.ui.widgets.minutes_spin import MinutesSpinBox

BREAK = "break"  # the id of the break entry; exercise ids are the library's own
BREAK_MINUTES = 15
# What finds the break in a search, in English and in the interface language.
BREAK_WORDS = N_("break pause coffee lunch rest")
ID_ROLE = Qt.ItemDataRole.UserRole


def captures_text(exercise: Exercise) -> str:
    """The charter sections an exercise fills, as a person reads them."""
    goal_parts = {name for name, _ in GOAL_PARTS}
    labels: list[str] = []
    for name in exercise.captures:
        if name in SECTION_BY_KEY:
            label = _(SECTION_BY_KEY[name].title)
        elif name in goal_parts:
            label = _(SECTION_BY_KEY["goals"].title)
        else:
            label = _(FIELD_BY_NAME[name].label)
        if label not in labels:
            labels.append(label)
    return ", ".join(labels)


def search_text(exercise: Exercise) -> str:
    """What a search looks in: title, kind, format, audience and summary (the titles in
    English and in the interface language: a trainer may type either)."""
    titles = (
        KIND_TITLES.get(exercise.kind, exercise.kind),
        FORMAT_TITLES.get(exercise.format, exercise.format),
        AUDIENCE_TITLES.get(exercise.audience, exercise.audience),
    )
    return " ".join(
        (exercise.title, exercise.kind, *titles, *map(_, titles), exercise.summary)
    ).casefold()


class AddExerciseDialog(QDialog):
    """Pick an exercise from the library (or a break of any length) to add to the agenda."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(_("Add to the agenda"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by title, kind or what it is about"))
        self.search.setAccessibleName(_("Search exercises"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        search_label = QLabel(_("&Find:"))
        search_label.setBuddy(self.search)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Exercises and breaks"))
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setAllColumnsShowFocus(True)
        self._fill()
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.itemDoubleClicked.connect(self._double_clicked)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setAccessibleName(_("Selected exercise"))
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setAccessibleName(_("Kind, minutes and format"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("What it is about"))
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.fills = QLabel()
        self.fills.setWordWrap(True)
        self.fills.setStyleSheet(HELP_STYLE)
        self.break_minutes = MinutesSpinBox()
        self.break_minutes.setValue(BREAK_MINUTES)
        self.break_minutes.setAccessibleName(_("Length of the break"))
        self.break_minutes.valueChanged.connect(self._show_break_length)
        self.break_label = QLabel(_("&Length:"))
        self.break_label.setBuddy(self.break_minutes)
        self.break_row = QWidget()
        break_row = QHBoxLayout(self.break_row)
        break_row.setContentsMargins(0, 0, 0, 0)
        break_row.addWidget(self.break_label)
        break_row.addWidget(self.break_minutes)
        break_row.addStretch(1)
        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(12, 0, 0, 0)
        for widget in (self.title, self.facts, self.break_row, self.summary, self.fills):
            column.addWidget(widget)
        column.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(_("&Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setAccessibleName(_("Add to the agenda"))
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.add_button.setDefault(True)  # once in the dialog: Enter anywhere adds
        fit_to_screen(self, QSize(780, 540))
        self._select_first()
        self.search.setFocus()

    # -- the list ----------------------------------------------------------------------------

    def _fill(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        groups = [(kind, _(KIND_TITLES.get(kind, kind))) for kind in KINDS]
        for kind, heading in [*groups, (BREAK, _("Breaks"))]:
            if kind == BREAK:
                entries = [
                    (
                        BREAK,
                        _("Break"),
                        minutes_text(BREAK_MINUTES),
                        f"{BREAK_WORDS} {_(BREAK_WORDS)}",
                    )
                ]
            else:
                exercises = sorted(self.library.of_kind(kind), key=lambda e: e.title.casefold())
                entries = [
                    (e.id, e.title, minutes_text(e.minutes), search_text(e)) for e in exercises
                ]
            if not entries:
                continue
            group = QTreeWidgetItem([heading, ""])
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
            self.tree.addTopLevelItem(group)
            for entry_id, title, minutes, words in entries:
                item = QTreeWidgetItem([title, minutes])
                item.setData(0, ID_ROLE, entry_id)
                item.setData(1, ID_ROLE, words)
                item.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                group.addChild(item)
            group.setExpanded(True)

    def _show_break_length(self) -> None:
        for item in self._choices(visible=False):
            if item.data(0, ID_ROLE) == BREAK:
                item.setText(1, minutes_text(self.break_minutes.value()))

    def _choices(self, *, visible: bool) -> list[QTreeWidgetItem]:
        """The exercises and the break, in order (only those the search keeps if `visible`)."""
        found = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while (item := iterator.value()) is not None:
            if item.parent() is not None and not (visible and item.isHidden()):
                found.append(item)
            iterator += 1
        return found

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for item in self._choices(visible=False):
            haystack = str(item.data(1, ID_ROLE))
            item.setHidden(not all(word in haystack for word in words))
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            assert group is not None  # index < topLevelItemCount()
            shown = any(
                (child := group.child(i)) is not None and not child.isHidden()
                for i in range(group.childCount())
            )
            group.setHidden(not shown)
        current = self.tree.currentItem()
        if current is None or current.isHidden() or current.parent() is None:
            self._select_first()
        self._show_current()

    def _select_first(self) -> None:
        shown = self._choices(visible=True)
        # PySide6 6.11's stub, setCurrentItem(self, item: QTreeWidgetItem, /), leaves out the
        # None that Qt takes (no current item) and PySide6 passes on.
        self.tree.setCurrentItem(shown[0] if shown else None)  # type: ignore[arg-type]
        if not shown:
            self.tree.clearSelection()

    def _step(self, by: int) -> None:
        shown = self._choices(visible=True)
        if not shown:
            return
        current = self.tree.currentItem()
        at = shown.index(current) if current in shown else -by
        self.tree.setCurrentItem(shown[max(0, min(len(shown) - 1, at + by))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the list, as in a launcher."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                self._step(step)
                return True
        return super().eventFilter(watched, event)

    # -- the details -------------------------------------------------------------------------

    def chosen_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is None or item.isHidden() or item.parent() is None:
            return None
        return str(item.data(0, ID_ROLE))

    def _show_current(self) -> None:
        chosen = self.chosen_id()
        self.add_button.setEnabled(chosen is not None)
        self.break_row.setVisible(chosen == BREAK)
        if chosen is None:
            self.title.setText(_("Nothing matches"))
            self.facts.setText(
                _(
                    "No exercise matches “{words}”. Try another word, or clear the search to "
                    "see them all."
                ).format(words=html.escape(self.search.text().strip()))
            )
            self.summary.clear()
            self.fills.clear()
            return
        if chosen == BREAK:
            self.title.setText(_("Break"))
            self.facts.setText(_("A pause for the whole room, as long as you need."))
            self.summary.setText(_("Coffee, lunch or a short stretch between exercises."))
            self.fills.clear()
            return
        exercise = self.library.exercise(chosen)
        self.title.setText(exercise.title)
        facts = [
            _(KIND_TITLES.get(exercise.kind, exercise.kind)),
            minutes_text(exercise.minutes),
            _(FORMAT_TITLES.get(exercise.format, exercise.format)),
            # Translators: {audience} is "everyone", "mentors only" or "mentees only".
            _("for {audience}").format(
                audience=_(AUDIENCE_TITLES.get(exercise.audience, exercise.audience))
            ),
        ]
        self.facts.setText(" · ".join(facts))
        self.summary.setText(exercise.summary or _("No summary in its file."))
        fills = captures_text(exercise)
        self.fills.setText(
            _("Fills in the charter: {sections}.").format(sections=fills) if fills else ""
        )

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is not None:
            self.accept()

    def accept(self) -> None:
        if self.chosen_id() is not None:
            super().accept()

    def chosen(self) -> PlannedSegment:
        """What to add: the selected exercise with its minutes, or a break of the length set."""
        chosen = self.chosen_id()
        assert chosen is not None, "Add is enabled only with something selected"
        if chosen == BREAK:
            return PlannedSegment("Break", self.break_minutes.value(), None, "break")
        exercise = self.library.exercise(chosen)
        return PlannedSegment(exercise.title, exercise.minutes, exercise.id, exercise.kind)
