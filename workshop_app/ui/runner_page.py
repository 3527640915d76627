"""Run the workshop live: one segment at a time, the countdown, the notes, what comes next.

Keys (when no text field has the focus): Space start/pause, Right/Left next/previous
segment, + / - add five minutes / take one off, F5 presenter view on/off, Esc leaves it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.clock import Clock
from workshop_app.core.content import Library
from workshop_app.core.errors import UserError
from workshop_app.core.room_text import clock_text, room_text
from workshop_app.core.runner import Runner
from workshop_app.ui.checkin_dialog import CheckInDialog
from workshop_app.ui.page import WorkshopPage
from workshop_app.ui.presenter_window import TIMER_COLOURS, PresenterWindow

STATE_TEXT = {
    "ready": "Ready: press Space to start",
    "running": "Running",
    "paused": "Paused",
    "warning": "Less than two minutes left",
    "overrun": "Over time",
    "finished": "The agenda is finished",
}
FACILITATOR_COLOURS = TIMER_COLOURS | {
    "ready": "#1a1a1a",
    "running": "#1a1a1a",
    "finished": "#1a1a1a",
    "paused": "#5a6570",
    "warning": "#a15c00",
    "overrun": "#b3261e",
}


class RunnerPage(WorkshopPage):
    title = "Run workshop"
    presenter_toggled = Signal(bool)

    def __init__(self, library: Library | None, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.library = library
        self.clock = clock or Clock()
        self.runner: Runner | None = None
        self.presenter: PresenterWindow | None = None
        self.presenter_scale = 1.0
        self._shown_segment: str | None = None
        self._build()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tick = QTimer(self)
        self.tick.setInterval(200)
        self.tick.timeout.connect(self.update_time)

    # -- layout ----------------------------------------------------------------------------

    def _button(self, text: str, slot: object, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to start/pause
        button.clicked.connect(slot)  # type: ignore[arg-type]
        return button

    def _build(self) -> None:
        self.position = QLabel()
        self.segment_title = QLabel()
        self.segment_title.setWordWrap(True)
        self.segment_title.setStyleSheet("font-size: 20pt; font-weight: 700;")
        self.timer = QLabel("0:00")
        self.timer.setAccessibleName("Time left in this segment")
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.state_label = QLabel()
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)
        self.step_label.setStyleSheet("font-size: 13pt; color: #1f5f8b;")
        self.finish = QLabel()
        self.finish.setAccessibleName("Projected finish")
        self.finish.setStyleSheet("font-size: 12pt;")
        self.start_button = self._button("Start", self.toggle, "Start or pause (Space)")
        self.minus_button = self._button("−1 min", lambda: self.adjust(-1), "Take a minute off (-)")
        self.plus_button = self._button("+5 min", lambda: self.adjust(5), "Add five minutes (+)")
        self.restart_button = self._button("Restart", self.restart, "Restart this segment")
        self.prev_button = self._button("◀ Previous", self.previous, "Previous segment (Left)")
        self.next_button = self._button("Next ▶", self.next, "Next segment (Right)")
        self.presenter_button = self._button(
            "Presenter view", self.toggle_presenter, "Presenter view on the projector (F5)"
        )
        self.presenter_button.setCheckable(True)
        self.smaller = self._button(
            "A−", lambda: self.set_presenter_scale(-0.1), "Smaller text in the presenter view"
        )
        self.larger = self._button(
            "A+", lambda: self.set_presenter_scale(+0.1), "Larger text in the presenter view"
        )
        self.checkin_button = self._button("Check in…", self.check_in, "Check in late arrivals")
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.position)
        titles.addWidget(self.segment_title)
        titles.addWidget(self.step_label)
        head.addLayout(titles, 1)
        clock = QVBoxLayout()
        clock.addWidget(self.timer)
        clock.addWidget(self.state_label)
        head.addLayout(clock)
        controls = QHBoxLayout()
        for b in (
            self.prev_button,
            self.start_button,
            self.minus_button,
            self.plus_button,
            self.restart_button,
            self.next_button,
        ):
            controls.addWidget(b)
        controls.addStretch(1)
        for b in (self.checkin_button, self.smaller, self.larger, self.presenter_button):
            controls.addWidget(b)

        self.tabs = QTabWidget()
        self.room_view = self._browser("What the room sees")
        self.notes_view = self._browser("Facilitator notes (never shown to the room)")
        self.debrief_view = self._browser("Debrief questions")
        self.tabs.addTab(self.room_view, "Room prompt")
        self.tabs.addTab(self.notes_view, "Your notes")
        self.tabs.addTab(self.debrief_view, "Debrief")
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.plan_box = self._build_plan_box()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.plan_box)
        side_layout.addWidget(self.next_label)
        side_layout.addStretch(1)
        split = QSplitter()
        split.addWidget(self.tabs)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(controls)
        layout.addWidget(self.finish)
        layout.addWidget(split, 1)
        self.empty = QLabel(
            "This workshop has no agenda yet. Choose one on the Agenda page, then come back."
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        QShortcut(
            QKeySequence(Qt.Key.Key_F5),
            self,
            self.toggle_presenter,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _browser(self, name: str) -> QTextBrowser:
        view = QTextBrowser()
        view.setAccessibleName(name)
        view.setOpenLinks(False)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setStyleSheet("font-size: 12pt;")
        return view

    def _build_plan_box(self) -> QGroupBox:
        box = QGroupBox("Record a pair's plan for this scenario")
        self.plan_pair = QComboBox()
        self.plan_pair.setAccessibleName("Pair")
        self.plan_text = QPlainTextEdit()
        self.plan_text.setAccessibleName("If this happens, we will")
        self.plan_text.setPlaceholderText("If this happens, we will …")
        self.plan_text.setTabChangesFocus(True)
        self.plan_text.setMaximumHeight(110)
        self.plan_add = QPushButton("Add to the pair's charter")
        self.plan_add.clicked.connect(self.record_plan)
        self.plan_result = QLabel()
        self.plan_result.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.plan_pair)
        layout.addWidget(self.plan_text)
        layout.addWidget(self.plan_add)
        layout.addWidget(self.plan_result)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()  # so Space and the arrows drive the timer straight away

    # -- workshop --------------------------------------------------------------------------

    def set_workshop(self, wf) -> None:  # type: ignore[no-untyped-def]
        self.tick.stop()
        self.wf = wf
        self.runner = Runner(wf, self.library, clock=self.clock) if wf is not None else None
        self._shown_segment = None
        if wf is None and self.presenter is not None:
            self.presenter.close()
        self.refresh()

    def refresh(self) -> None:
        if self.runner is None or self.wf is None:
            self.tick.stop()
            return
        self.runner.reload()
        self._shown_segment = None
        self.plan_pair.clear()
        for o in self.wf.charters.overview():
            self.plan_pair.addItem(f"{o.code}  {o.mentor_name} & {o.mentee_name}", o.pair_id)
        self.show_segment()
        self.tick.start()

    def show_segment(self) -> None:
        runner = self.runner
        has_agenda = runner is not None and bool(runner.segments)
        self.empty.setVisible(not has_agenda)
        for w in (self.tabs, self.finish, self.timer, self.start_button):
            w.setEnabled(has_agenda)
        if runner is None or self.wf is None:
            return
        segment = runner.current
        workshop = self.wf.workshop()
        exercise = runner.exercise()
        self._shown_segment = segment.id if segment else None
        if segment is None:
            title = "The agenda is finished" if runner.segments else "No agenda yet"
            self.position.setText("")
            self.segment_title.setText(title)
            for view in (self.room_view, self.notes_view, self.debrief_view):
                view.setPlainText("")
            self.plan_box.hide()
            self.next_label.setText("")
            if self.presenter is not None:
                self.presenter.show_segment(title, "")
            self.update_time()
            return
        self.position.setText(f"Segment {runner.index + 1} of {len(runner.segments)}")
        self.segment_title.setText(segment.title)
        prompt = (
            room_text(exercise.room_prompt, workshop)
            if exercise
            else ("Break: back in a few minutes." if segment.kind == "break" else "")
        )
        self.room_view.setMarkdown(prompt)
        self.notes_view.setMarkdown(exercise.facilitator_notes if exercise else "")
        self.debrief_view.setMarkdown(
            "\n".join(f"- {q}" for q in exercise.debrief_questions) if exercise else ""
        )
        self.plan_box.setVisible(bool(exercise and exercise.is_scenario))
        self.plan_result.setText("")
        following = runner.next_segment
        self.next_label.setText(
            f"<b>Next:</b> {following.title} ({following.planned_minutes:g} min)"
            if following
            else "<b>Next:</b> the end of the workshop"
        )
        if self.presenter is not None:
            self.presenter.show_segment(segment.title, prompt)
        self.update_time()

    def update_time(self) -> None:
        runner = self.runner
        if runner is None or self.wf is None or not self.wf.is_open:
            self.tick.stop()
            return
        current_id = runner.current.id if runner.current else None
        if current_id != self._shown_segment:
            self.show_segment()
            return
        state = runner.state()
        text = clock_text(runner.remaining()) if runner.current else "—"
        self.timer.setText(text)
        self.timer.setStyleSheet(
            f"font-size: 44pt; font-weight: 700; color: {FACILITATOR_COLOURS[state]};"
        )
        self.state_label.setText(STATE_TEXT[state])
        self.start_button.setText("Pause" if runner.running else "Start")
        step_text = ""
        now = runner.step_now()
        if now is not None:
            step_text = f"Step {now.index + 1} of {now.count}: {now.step.label}"
            if now.step.roles_text:
                step_text += f"  —  {now.step.roles_text}"
            step_text += f"  ({clock_text(max(0.0, now.remaining_seconds))} left in this step)"
        self.step_label.setText(step_text)
        self.step_label.setVisible(bool(step_text))
        if runner.segments:
            late = runner.minutes_late()
            if abs(late) < 1:
                drift = "on time"
            elif late > 0:
                drift = f"running {round(late)} min late"
            else:
                drift = f"{round(-late)} min ahead"
            self.finish.setText(
                f"Projected finish {runner.projected_finish():%H:%M} · planned "
                f"{runner.planned_finish():%H:%M} · {drift}"
            )
        if self.presenter is not None:
            room_step = ""
            if now is not None:
                room_step = now.step.label + (
                    f"\n{now.step.roles_text}" if now.step.roles_text else ""
                )
            self.presenter.show_time(text, state, room_step)

    # -- controls --------------------------------------------------------------------------

    def _act(self, action: object) -> None:
        if self.runner is None:
            return
        try:
            action()  # type: ignore[operator]
        except UserError as exc:
            self.status.emit(exc.message)
        self.update_time()
        self.saved.emit()

    def toggle(self) -> None:
        self._act(lambda: self.runner.toggle())  # type: ignore[union-attr]

    def adjust(self, minutes: float) -> None:
        self._act(lambda: self.runner.adjust(minutes))  # type: ignore[union-attr]

    def restart(self) -> None:
        self._act(lambda: self.runner.restart())  # type: ignore[union-attr]

    def next(self) -> None:
        self._act(lambda: self.runner.next())  # type: ignore[union-attr]
        self.changed.emit()

    def previous(self) -> None:
        self._act(lambda: self.runner.previous())  # type: ignore[union-attr]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Runner keys reach here only when no text field took the key first."""
        actions = {
            Qt.Key.Key_Space: self.toggle,
            Qt.Key.Key_Right: self.next,
            Qt.Key.Key_Left: self.previous,
            Qt.Key.Key_PageDown: self.next,
            Qt.Key.Key_PageUp: self.previous,
            Qt.Key.Key_Plus: lambda: self.adjust(5),
            Qt.Key.Key_Equal: lambda: self.adjust(5),
            Qt.Key.Key_Minus: lambda: self.adjust(-1),
            Qt.Key.Key_F5: self.toggle_presenter,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    # -- presenter, check-in, plans --------------------------------------------------------

    def toggle_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            return
        presenter = PresenterWindow()
        presenter.set_scale(self.presenter_scale)
        presenter.closed.connect(self._presenter_closed)
        presenter.key_pressed.connect(self.keyPressEvent)
        self.presenter = presenter
        self._shown_segment = None
        self.update_time()
        presenter.present()
        self.presenter_button.setChecked(True)
        self.presenter_toggled.emit(True)

    def _presenter_closed(self) -> None:
        self.presenter = None
        self.presenter_button.setChecked(False)
        self.presenter_toggled.emit(False)

    def set_presenter_scale(self, step: float) -> None:
        self.presenter_scale = max(0.5, min(3.0, self.presenter_scale + step))
        if self.presenter is not None:
            self.presenter.set_scale(self.presenter_scale)

    def check_in(self) -> None:
        if self.wf is None:
            return
        dialog = CheckInDialog(self.wf, self)
        self.checkin_dialog = dialog
        dialog.exec()
        self.saved.emit()
        self.changed.emit()

    def record_plan(self) -> None:
        if self.wf is None or self.runner is None:
            return
        exercise = self.runner.exercise()
        pair_id = self.plan_pair.currentData()
        text = self.plan_text.toPlainText().strip()
        if exercise is None or pair_id is None:
            return
        if not text:
            self.plan_result.setText("Write the pair's plan first.")
            return
        code = self.wf.roster.pair(pair_id).code
        self.wf.charters.add_plan(
            pair_id, scenario=exercise.title, plan=text, exercise_id=exercise.id
        )
        self.plan_text.clear()
        self.plan_result.setText(f"Added to {code}'s charter.")
        self.saved.emit()
        self.changed.emit()
