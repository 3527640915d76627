"""Import a check-in survey export: pick the file, see what each column is read as (and fix a
guess), which responses go to which pair, and every row that matches nothing; then import.

Nothing is written until Import is pressed, and then all of it goes in or none of it does
(`apply_checkins` is one transaction). The file is read on a worker thread (a 10,000-row
workbook takes seconds in openpyxl); what was read is checked against the workshop here, on
the GUI thread, which owns the workshop's connection (under a second for 10,000 rows).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charters.dates import parse_date
from workshop_app.core.errors import UserError, one_line
from workshop_app.core.followup.checkin_import import (
    CheckinPlan,
    CheckinResult,
    apply_checkins,
    plan_table,
    replan,
)
from workshop_app.core.followup.survey_mapping import IGNORED, IGNORED_LABEL, MEANINGS
from workshop_app.core.followup.survey_read import SurveyTable, read_survey
from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.import_frame import ImportFrame
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.jobs import Job
from workshop_app.ui.widgets.locale import shown_brief_date
from workshop_app.ui.widgets.roster_models import role_word

MAPPING_MIN_WIDTH = 300
EXPANDED_PAIRS = 20
FILE_FILTER = N_("Survey exports (*.xlsx *.csv *.tsv *.txt);;All files (*)")
INTRO = N_(
    "Choose a check-in survey export: Microsoft Forms (Open in Excel, .xlsx), Google Forms "
    "(Download responses, .csv) or Qualtrics (Export data, .csv or .tsv). Each response is "
    "matched to its pair by the pair code, else the email, else the name. Nothing changes "
    "until you press Import, and then everything goes in or nothing does."
)


class SurveyImportDialog(ImportFrame):
    # No response can have been sent after this day (this machine's clock; tests set it).
    today = staticmethod(date.today)

    def __init__(
        self, wf: WorkshopFile, parent: QWidget | None = None, *, pair_id: str | None = None
    ) -> None:
        super().__init__(
            wf,
            parent,
            title=_("Import a check-in survey"),
            size=QSize(980, 620),
            intro=_(INTRO),
            what=_("survey export"),
            waiting=_(
                "No export chosen yet. Press Choose file… to see what it holds before "
                "anything is imported."
            ),
            file_filter=_(FILE_FILTER),
            check=self.load,
            write=self.apply,
        )
        self.pair_id = pair_id
        self.plan: CheckinPlan | None = None
        self.imported: CheckinResult | None = None
        self.combos: dict[str, QComboBox] = {}
        self.reading: Job | None = None  # the export being read, if one is

        # Left: what each question column is read as, a combo per column.
        self.mapping_box = QGroupBox(_("&What each column holds"))
        # A question over its combo, one under the other: the question wraps to the list's
        # whole width (a form layout's label column wraps it narrower).
        self.mapping_list = QVBoxLayout()
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addLayout(self.mapping_list)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # The questions wrap to the list's width; only a long list scrolls, and downwards.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        box_layout = QVBoxLayout(self.mapping_box)
        box_layout.addWidget(scroll)
        self.mapping_box.hide()

        # Right: nothing chosen yet, what will be imported, or the problems (the area).
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.mapping_box)
        self.split.addWidget(self.area)
        self.mapping_box.setMinimumWidth(MAPPING_MIN_WIDTH)

        self.lay_out(self.split)

    # -- choosing and checking ---------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Read `path` (on a worker thread), then check it against the workshop and show what
        importing it would do. A file chosen while another is read replaces it."""
        self.path.setText(str(path))
        self.plan = None
        self._fill_mapping(None)
        self.summary.hide()
        self.copy_button.hide()
        self.import_button.setEnabled(False)
        self.waiting.setText(_("Reading {file}…").format(file=path.name))
        self.area.setCurrentWidget(self.waiting)
        if self.reading is not None:
            self.reading.stop()
        self.reading = Job(
            lambda _progress, _cancelled: read_survey(path),
            done=self._read,
            failed=self._unreadable,
            what=_("Reading {file}").format(file=path.name),
        ).start()

    def _read(self, table: SurveyTable) -> None:
        self.reading = None
        try:
            plan = plan_table(self.wf, table, today=self.today())
        except UserError as exc:
            self._unreadable(exc.message, exc.details)
            return
        self._fill_mapping(plan)
        self._show(plan)

    def _unreadable(self, message: str, details: list[str] | None = None) -> None:
        self.reading = None
        self.plan = None
        self._fill_mapping(None)
        self.show_problems(message, [message, *(details or [])])

    def _remap(self) -> None:
        """A combo changed: the same export checked again with the corrected mapping."""
        if self.plan is None:
            return
        mapping = {header: combo.currentData() for header, combo in self.combos.items()}
        try:
            plan = replan(self.wf, self.plan, mapping)
        except UserError as exc:
            self.show_problems(exc.message, [exc.message, *exc.details])
            return
        self._show(plan)

    def _fill_mapping(self, plan: CheckinPlan | None) -> None:
        while (item := self.mapping_list.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.combos = {}
        if plan is None:
            self.mapping_box.hide()
            return
        if not self.mapping_box.isVisible():
            # The columns' list takes two fifths of the room, the preview the rest.
            self.mapping_box.show()
            total = max(self.split.width(), 2 * MAPPING_MIN_WIDTH)
            self.split.setSizes([total * 2 // 5, total - total * 2 // 5])
        texts = {c.header: c.text for c in plan.table.questions}
        for header, meaning in plan.mapping.items():
            combo = QComboBox()
            # As wide as the list is, not as its longest choice: the list never scrolls sideways.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
            combo.addItem(_(IGNORED_LABEL), IGNORED)
            for key, words in MEANINGS.items():
                combo.addItem(_(words), key)
            combo.setCurrentIndex(max(0, combo.findData(meaning)))
            question = texts.get(header, header)
            shown = question if question == header else f"{header}: {question}"
            label = QLabel(one_line(shown, limit=120))
            label.setWordWrap(True)
            label.setBuddy(combo)
            combo.setAccessibleName(_("Column {header}").format(header=one_line(header, limit=80)))
            combo.setToolTip(question)
            combo.currentIndexChanged.connect(self._remap)
            self.mapping_list.addWidget(label)
            self.mapping_list.addWidget(combo)
            self.mapping_list.addSpacing(8)
            self.combos[header] = combo

    def _show(self, plan: CheckinPlan) -> None:
        self.plan = plan
        if not plan.ok:
            n = len(plan.problems)
            self.show_problems(
                ngettext(
                    "{source} cannot be imported: {n} problem to fix first (in the file, or in "
                    "what a column holds). Nothing has been imported.",
                    "{source} cannot be imported: {n} problems to fix first (in the file, or in "
                    "what a column holds). Nothing has been imported.",
                    n,
                ).format(source=plan.source, n=f"{n:,}"),
                [str(p) for p in plan.problems],
            )
            return
        self._show_preview(plan)

    def _show_preview(self, plan: CheckinPlan) -> None:
        self.start_preview()
        lines = [line.strip() for line in plan.summary()]
        if self.pair_id is not None:
            mine = [r for r in plan.responses if r.pair_id == self.pair_id]
            code = next((r.code for r in mine), None) or self._code_of(self.pair_id)
            lines.append(
                ngettext(
                    "{n} response for pair {code}", "{n} responses for pair {code}", len(mine)
                ).format(n=f"{len(mine):,}", code=code)
            )
        self.summary.setText("\n".join(lines))
        by_pair: dict[str, list[str]] = {}
        for response in plan.responses:
            values = {
                "row": response.row,
                "role": role_word(response.role),
                "person": response.person,
                "sent": _sent(response.submitted_at),
            }
            by_pair.setdefault(response.code, []).append(
                _("Row {row}: {role} ({person}), sent {sent}").format(**values)
                if response.person
                else _("Row {row}: {role}, sent {sent}").format(**values)
            )
        if by_pair:
            n = len(plan.responses)
            top = QTreeWidgetItem(
                [
                    ngettext(
                        "{n} response to import, by pair", "{n} responses to import, by pair", n
                    ).format(n=f"{n:,}")
                ]
            )
            pairs = []
            for code, rows in by_pair.items():
                shown = ngettext("{code}: {n} response", "{code}: {n} responses", len(rows))
                pair = QTreeWidgetItem([shown.format(code=code, n=f"{len(rows):,}")])
                pair.addChildren([QTreeWidgetItem([row]) for row in rows])
                pairs.append(pair)
            top.addChildren(pairs)
            self.preview.addTopLevelItem(top)
            top.setExpanded(True)
            if len(pairs) <= EXPANDED_PAIRS:  # a few pairs open; a whole program, closed
                for pair in pairs:
                    pair.setExpanded(True)
        if plan.already:
            self.preview.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        ngettext(
                            "{n} response already imported: left as it is",
                            "{n} responses already imported: left as they are",
                            plan.already,
                        ).format(n=f"{plan.already:,}")
                    ]
                )
            )
        if plan.ignored_columns:
            n = len(plan.ignored_columns)
            ignored = QTreeWidgetItem(
                [ngettext("{n} column not used", "{n} columns not used", n).format(n=f"{n:,}")]
            )
            ignored.addChildren(
                [QTreeWidgetItem([one_line(h, limit=120)]) for h in plan.ignored_columns]
            )
            self.preview.addTopLevelItem(ignored)
            ignored.setExpanded(True)
        something = bool(plan.responses)
        if something or plan.already:
            self.area.setCurrentWidget(self.preview)
        else:
            self.waiting.setText(_("There are no responses to import in this export."))
            self.area.setCurrentWidget(self.waiting)
        self.offer_import(something)

    def _code_of(self, pair_id: str) -> str:
        try:
            return self.wf.roster.pair(pair_id).code
        except UserError:
            return _("(no longer in the workshop)")

    def done(self, result: int) -> None:
        if self.reading is not None:  # closed while reading: nobody will see what it read
            self.reading.stop()
            self.reading = None
        super().done(result)

    def apply(self) -> CheckinResult:
        if self.plan is None:
            raise UserError(_("Choose a survey export first."))
        return apply_checkins(self.wf, self.plan)


def open_survey_import(parent: QWidget, wf: WorkshopFile, pair_id: str | None = None) -> bool:
    """The import dialog, modal over `parent`; True when responses were saved."""
    with deleted_after(SurveyImportDialog(wf, parent, pair_id=pair_id)) as dialog:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return accepted and dialog.imported is not None and dialog.imported.added > 0


def _sent(submitted_at: str) -> str:
    """When a response was sent, as the interface language writes a date ("4 Jan 2027")."""
    day = parse_date(submitted_at[:10])
    return shown_brief_date(day) if day else submitted_at
