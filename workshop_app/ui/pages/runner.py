"""Run the workshop live: one segment at a time, the countdown, the notes, what comes next.

The countdown (top left, where a narrow window never cuts it) is always the segment that
runs. Right and Left look at other segments without touching it: the room keeps seeing the
segment that runs, and a banner offers "Back to the running segment" and "Start this one".

Keys (when no text field has the focus; Esc leaves a text field): Space start/pause/resume,
Right/Left look at the next/previous segment, Enter start the one looked at, Esc back to
the running one, PageDown/PageUp (what a presentation clicker sends) move the room on to the
next segment or back to the previous one, starting it, + / - add five minutes / take one
off, B or . blank the projector, F freeze it, F5 presenter view on/off.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout

from workshop_app.core.content.library import Library
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.core.runner.clock import Clock
from workshop_app.core.runner.live import Runner, rehearsal_suggested
from workshop_app.core.runner.room_text import clock_text, track_prompts
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.autosave import FieldSaver
from workshop_app.ui.dialogs.ask import CANCEL, ask
from workshop_app.ui.dialogs.checkin import CheckInDialog
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.pages.base import WorkshopPage
from workshop_app.ui.presenter_window import PresenterWindow
from workshop_app.ui.projector import Projector
from workshop_app.ui.widgets.runner_controls import on_click
from workshop_app.ui.widgets.runner_view import RunnerView, room_markdown, room_track_step

OWN_NOTES = "own notes"  # the FieldSaver key of the facilitator's notes


class RunnerPage(WorkshopPage):
    title = N_("Run workshop")
    presenter_toggled = Signal(bool)

    def __init__(self, library: Library | None, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.library = library
        self.clock = clock or Clock()
        self.runner: Runner | None = None
        self.projector = Projector(self)
        self.projector.toggled.connect(self._projector_toggled)
        self.projector.display_changed.connect(self._say_projector)
        self.projector.key_pressed.connect(self.keyPressEvent)
        self.revealed: dict[str, set[str]] = {}  # segment id -> parts shown to the room
        self._laid_out: tuple[str | None, bool] | None = None  # (viewed id, is it timed)
        self.notes_saver: FieldSaver[str] = FieldSaver(self)
        self.notes_saver.saved.connect(lambda _key: self.saved.emit())
        self.notes_saver.failed.connect(lambda _key, message: self.status.emit(message))
        self._build()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its keys drive the timer
        self.setAccessibleName(_("Run workshop: Space starts or pauses, Right and Left look"))
        self.tick = QTimer(self)
        self.tick.setInterval(200)
        self.tick.timeout.connect(self.update_time)

    @property
    def presenter(self) -> PresenterWindow | None:
        return self.projector.window

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.view = view = RunnerView()
        for button, slot in (
            (view.real_button, lambda: self.set_rehearsal(False)),
            (view.live_button, self.projector.live),
            (view.back_button, self.back_to_running),
            (view.start_this_button, self.start_viewed),
            (view.prev_button, self.previous),
            (view.start_button, self.toggle),
            (view.minus_button, lambda: self.adjust(-1)),
            (view.plus_button, lambda: self.adjust(5)),
            (view.restart_button, self.restart),
            (view.next_button, self.next),
            (view.checkin_button, self.check_in),
            (view.rehearsal_button, lambda: self.set_rehearsal(not self.rehearsing)),
            (view.presenter_button, self.toggle_presenter),
            (view.blank_button, self.toggle_blank),
            (view.freeze_button, self.toggle_freeze),
            (view.smaller, lambda: self.set_presenter_scale(-0.1)),
            (view.larger, lambda: self.set_presenter_scale(+0.1)),
            (view.plan_box.add, self.record_plan),
        ):
            on_click(button, slot)
        view.own_notes.textChanged.connect(self._own_notes_typed)
        self.notes_saver.flush_on_focus_out(view.own_notes, OWN_NOTES)
        view.scenario.reveal_toggled.connect(self._reveal)
        for editor in (view.own_notes, view.plan_box.text):
            editor.installEventFilter(_EscapeToPage(self))
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        self._say_projector()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()  # so Space and the arrows drive the timer straight away

    # -- workshop --------------------------------------------------------------------------

    @property
    def rehearsing(self) -> bool:
        return self.runner is not None and self.runner.rehearsal

    def set_workshop(self, wf: WorkshopFile | None) -> None:
        self.tick.stop()
        self.notes_saver.flush()
        self.wf = wf
        self.runner = None
        if wf is None:
            self.projector.close()
            return
        # On any day but the workshop's, and before any real run, offer a rehearsal first.
        self._make_runner(rehearsal=rehearsal_suggested(wf, self.clock))
        self.refresh()

    def set_library(self, library: Library | None) -> None:
        """Use `library` from now on (another language, or the organisation's folder); a
        run goes on where it is."""
        self.library = library
        if self.runner is not None:
            self.runner.library = library
        self.refresh()

    def _make_runner(self, *, rehearsal: bool) -> None:
        assert self.wf is not None
        self.runner = Runner(self.wf, self.library, clock=self.clock, rehearsal=rehearsal)
        self.revealed = {}
        self._laid_out = None
        self.view.rehearsal_button.setChecked(rehearsal)

    def set_rehearsal(self, rehearsal: bool) -> None:
        """Rehearse (nothing is recorded) or run for real (from what the file holds)."""
        if self.wf is None or self.rehearsing == rehearsal or not self._may_rehearse(rehearsal):
            self.view.rehearsal_button.setChecked(self.rehearsing)
            self.setFocus()
            return
        self.notes_saver.flush()
        self._make_runner(rehearsal=rehearsal)
        self.status.emit(
            _("Rehearsal: nothing you run is recorded.")
            if rehearsal
            else _("Running for real: each segment's time is recorded.")
        )
        self.show_view()
        self.setFocus()

    def _may_rehearse(self, rehearsal: bool) -> bool:
        """Leaving a real segment that is in progress for a rehearsal asks first: its clock
        goes on, and the projector would show the rehearsal to the room."""
        live = self.runner.live if self.runner is not None and rehearsal else None
        if live is None:
            return True
        answer = ask(
            self,
            _("Rehearse now?"),
            _("“{title}” is running for real. Rehearse now?").format(title=live.title),
            detail=_(
                "Its clock goes on meanwhile (Record this run for real comes back to it), and "
                "the presenter view shows the rehearsal."
            ),
            answers=(("rehearse", _("Rehearse")), (CANCEL, "")),
            default=CANCEL,
        )
        return answer == "rehearse"

    def refresh(self) -> None:
        if self.runner is None or self.wf is None:
            self.tick.stop()
            return
        self.notes_saver.flush()
        self.runner.reload()
        self._laid_out = None
        self.view.plan_box.pair.clear()
        for o in self.wf.charters.overview():
            self.view.plan_box.pair.addItem(
                f"{o.code}  {o.mentor_name} & {o.mentee_name}", o.pair_id
            )
        self.show_view()
        self.tick.start()

    def flush(self) -> bool:
        return self.notes_saver.flush()

    # -- what the facilitator sees ---------------------------------------------------------

    def show_view(self) -> None:
        """Lay out the segment the facilitator is looking at."""
        runner = self.runner
        if runner is None or self.wf is None:
            return
        self.notes_saver.flush()  # the notes typed belong to the segment shown until now
        viewed = runner.viewed
        self._laid_out = (viewed.id if viewed else None, viewed is runner.timed)
        self.view.show_segment(runner, self.wf.workshop(), self.revealed)
        self.update_time()

    def update_time(self) -> None:
        runner = self.runner
        if runner is None or self.wf is None or not self.wf.is_open:
            self.tick.stop()
            return
        viewed, timed = runner.viewed, runner.timed
        if self._laid_out != (viewed.id if viewed else None, viewed is timed):
            self.show_view()
            return
        text, state, room_step = self.view.show_clock(runner)
        if self.projector.is_open:
            workshop = self.wf.workshop()
            # While a parallel segment's groups work apart, the room sees both tracks.
            step = runner.step_now()
            apart = step.tracks if step is not None else ()
            exercise = runner.exercise(timed) if apart else None
            tracks: tuple[tuple[str, str], ...] = ()
            if exercise is not None and timed is not None:
                tracks = track_prompts(exercise, workshop, minutes=timed.planned_minutes)
            if timed is not None:
                shown = self.revealed.get(timed.id, set())
                prompt = room_markdown(runner, workshop, timed, shown)
                self.projector.show(timed.title, prompt, tracks)
            elif runner.finished:
                self.projector.show(_("Thank you"), f"**{workshop.program}**")
            now = f"{self.clock.now().astimezone():%H:%M}"
            track_steps = tuple(room_track_step(t) for t in apart)
            self.projector.show_time(text, state, room_step, now, track_steps)

    # -- controls --------------------------------------------------------------------------

    def _act(self, action: Callable[[Runner], object], *, writes: bool = True) -> None:
        """Do `action`, show its result; `writes`: it changes the run's record (which only
        a real run keeps)."""
        if self.runner is None:
            return
        try:
            action(self.runner)
        except UserError as exc:
            self.status.emit(exc.message)
        self.update_time()
        if writes and not self.runner.rehearsal:
            self.saved.emit()

    def toggle(self) -> None:
        self._act(Runner.toggle)

    def adjust(self, minutes: float) -> None:
        self._act(lambda runner: runner.adjust(minutes))

    def restart(self) -> None:
        """Back to the segment's full time, after asking if it has run: that time is not
        kept (the segment starts afresh when started again)."""
        runner = self.runner
        if runner is None or runner.timed is None:
            return
        timed = runner.timed
        if timed is runner.live and runner.elapsed() >= 1:
            answer = ask(
                self,
                _("Restart the segment"),
                _("Restart “{title}” from its full {minutes} min?").format(
                    title=timed.title, minutes=QLocale().toString(float(timed.planned_minutes))
                ),
                detail=_(
                    "It has run {time}. That time is not kept: the segment's start becomes when "
                    "you start it again."
                ).format(time=clock_text(runner.elapsed())),
                answers=(("restart", _("Restart")), (CANCEL, "")),
                default=CANCEL,
                destructive="restart",
            )
            if answer != "restart":
                self.setFocus()
                return
        self._act(Runner.restart)
        self.setFocus()

    def next(self) -> None:
        self._act(Runner.next, writes=False)

    def previous(self) -> None:
        self._act(Runner.previous, writes=False)

    def advance(self, step: int) -> None:
        """A presentation clicker (PageDown / PageUp): the room's segment moves on or back."""
        self._act(lambda runner: runner.advance(step))
        self.changed.emit()

    def back_to_running(self) -> None:
        self._act(Runner.show_timed, writes=False)

    def start_viewed(self) -> None:
        """ "Start this one": the segment that ran ends (its time recorded), this one runs."""
        if self.runner is not None and self.runner.browsing:
            self._act(Runner.start_viewed)
            self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Runner keys reach here only when no text field took the key first."""
        actions: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_Space: self.toggle,
            Qt.Key.Key_Right: self.next,
            Qt.Key.Key_Left: self.previous,
            Qt.Key.Key_PageDown: lambda: self.advance(1),
            Qt.Key.Key_PageUp: lambda: self.advance(-1),
            Qt.Key.Key_Return: self.start_viewed,
            Qt.Key.Key_Enter: self.start_viewed,
            Qt.Key.Key_Escape: self.back_to_running,
            Qt.Key.Key_Plus: lambda: self.adjust(5),
            Qt.Key.Key_Equal: lambda: self.adjust(5),
            Qt.Key.Key_Minus: lambda: self.adjust(-1),
            Qt.Key.Key_B: self.toggle_blank,
            Qt.Key.Key_Period: self.toggle_blank,  # a clicker's blank-screen button
            Qt.Key.Key_F: self.toggle_freeze,
            Qt.Key.Key_F5: self.toggle_presenter,
        }
        key = Qt.Key(event.key())
        action = actions.get(key)
        modified = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if action is None or modified:
            super().keyPressEvent(event)
            return
        if key not in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.projector.set_blank(False)  # any runner key brings a blank projector back
        action()
        event.accept()

    # -- the projector ---------------------------------------------------------------------

    def toggle_presenter(self) -> None:
        if self.projector.is_open:
            self.projector.close()
            return
        self.projector.open(self.window(), keep_clear=self.view.controls_area())
        self.update_time()
        self.window().activateWindow()  # the facilitator's keys stay with the controls

    def _projector_toggled(self, shown: bool) -> None:
        self.view.presenter_button.setChecked(shown)
        self.presenter_toggled.emit(shown)

    def _say_projector(self) -> None:
        projector = self.projector
        self.view.say_projector(
            shown=projector.is_open, blank=projector.blank, frozen=projector.frozen
        )

    def toggle_blank(self) -> None:
        if self.projector.is_open:
            self.projector.set_blank(not self.projector.blank)
        else:
            self.status.emit(_("Open the presenter view (F5) to blank it."))

    def toggle_freeze(self) -> None:
        if self.projector.is_open:
            self.projector.set_frozen(not self.projector.frozen)
        else:
            self.status.emit(_("Open the presenter view (F5) to freeze it."))

    def set_presenter_scale(self, step: float) -> None:
        if not self.projector.set_scale(step):
            self.status.emit(
                _(
                    "The prompt is as large as the presenter view allows: make the window larger, "
                    "or full screen."
                )
                if step > 0
                else _("The presenter view's text is as small as it goes.")
            )

    def _reveal(self, key: str, shown: bool) -> None:
        runner, wf = self.runner, self.wf
        timed = runner.timed if runner else None
        if runner is None or wf is None or timed is None:
            return
        parts = self.revealed.setdefault(timed.id, set())
        if shown:
            parts.add(key)
        else:
            parts.discard(key)
        # The room prompt tab shows what the room sees, the revealed part too.
        self.view.room_view.setMarkdown(room_markdown(runner, wf.workshop(), timed, parts))
        self.update_time()

    # -- check-in, plans, notes ------------------------------------------------------------

    def check_in(self) -> None:
        if self.wf is None:
            return
        with deleted_after(CheckInDialog(self.wf, self, rehearsal=self.rehearsing)) as dialog:
            self.checkin_dialog = dialog
            dialog.exec()
        if not self.rehearsing:
            self.saved.emit()
            self.changed.emit()
        self.setFocus()

    def record_plan(self) -> None:
        if self.wf is None or self.runner is None or self.runner.rehearsal:
            return
        exercise = self.runner.exercise()
        pair_id = self.view.plan_box.pair.currentData()
        text = self.view.plan_box.text.toPlainText().strip()
        if exercise is None or pair_id is None:
            return
        if not text:
            self.view.plan_box.result.setText(_("Write the pair's plan first."))
            return
        code = self.wf.roster.pair(pair_id).code
        self.wf.charters.add_plan(
            pair_id, scenario=exercise.title, plan=text, exercise_id=exercise.id
        )
        self.view.plan_box.text.clear()
        self.view.plan_box.result.setText(_("Added to the charter of {code}.").format(code=code))
        self.saved.emit()
        self.changed.emit()

    def _own_notes_typed(self) -> None:
        segment = self.runner.viewed if self.runner else None
        if self.wf is None or segment is None:
            return
        segment.private_notes = text = self.view.own_notes.toPlainText()
        agenda = self.wf.agenda
        self.notes_saver.change(
            OWN_NOTES, text, lambda value: agenda.set_private_notes(segment.id, value)
        )


class _EscapeToPage(QObject):
    """Esc in a text field on the page hands the keys back to the runner."""

    def __init__(self, page: RunnerPage) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if escape and event.type() == QEvent.Type.KeyPress:
            self._page.setFocus()
            return True
        return False
