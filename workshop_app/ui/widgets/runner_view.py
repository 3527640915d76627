"""The widgets of the runner page, laid out to fit a small laptop screen at 1.5x scaling: the
countdown first in its row (a narrow window cuts the titles beside it, never the timer), the
controls in rows that wrap, the banners that say what mode the page is in, the segment's texts
in tabs. `RunnerPage` fills and drives them."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charters.dates import format_datetime
from workshop_app.core.i18n import N_, _, interface_language, translations
from workshop_app.core.model import Segment, Workshop
from workshop_app.core.runner.live import Runner, StepNow, TrackNow, drift_text
from workshop_app.core.runner.room_text import (
    clock_text,
    notes_text,
    projected_text,
    revealable_parts,
    room_text,
    track_prompts,
)
from workshop_app.ui.language_mark import marked_title
from workshop_app.ui.presenter_window import TIMER_COLOURS
from workshop_app.ui.style import ERROR_COLOUR, PENDING_COLOUR
from workshop_app.ui.widgets.elided_label import ElidedLabel
from workshop_app.ui.widgets.flow_layout import wrapping_row
from workshop_app.ui.widgets.runner_controls import Banner, PlanBox, runner_button
from workshop_app.ui.widgets.scenario_panel import ScenarioPanel
from workshop_app.ui.widgets.tracks_view import TracksView, together_text, track_steps_text

STATE_TEXT = {
    "ready": N_("Ready: press Space to start"),
    "running": N_("Running"),
    "paused": N_("Paused: press Space to resume"),
    "warning": N_("Less than two minutes left"),
    "overrun": N_("Over time"),
    "finished": N_("The workshop is finished"),
}
FACILITATOR_COLOURS = TIMER_COLOURS | {
    "ready": "#1a1a1a",
    "running": "#1a1a1a",
    "finished": "#1a1a1a",
    "paused": "#5a6570",
    "warning": PENDING_COLOUR,
    "overrun": ERROR_COLOUR,
}
# What the room sees during a break, in the workshop's language.
BREAK_TEXT = N_("Break: back in a few minutes.")


def room_markdown(
    runner: Runner, workshop: Workshop, segment: Segment, revealed: Collection[str]
) -> str:
    """What the room sees of `segment`: its prompt and the parts revealed so far."""
    exercise = runner.exercise(segment)
    if exercise is None:
        room = translations(workshop.language)
        return room.gettext(BREAK_TEXT) if segment.kind == "break" else ""
    minutes = segment.planned_minutes  # the text's minutes are the agenda's, as the timer's
    prompt = room_text(exercise.room_prompt, workshop, exercise=exercise, minutes=minutes)
    parts = revealable_parts(exercise, workshop, minutes=minutes)
    return projected_text(prompt, parts, revealed)


def room_track_step(now: TrackNow) -> str:
    """A track's step as the room sees it in its column, with the time left in it (the
    groups work apart: each reads when it moves on)."""
    text = _("Step {number} of {count}: {step} · {time} left").format(
        number=now.index + 1,
        count=now.count,
        step=now.step.label,
        time=clock_text(max(0.0, now.remaining_seconds)),
    )
    return text + (f"\n{now.step.roles_text}" if now.step.roles_text else "")


class GivingTabs(QTabWidget):
    """Tabs whose height is whatever is left: their pages' wrapped lines (a parallel
    segment's track steps) ask for no height of their own, which the layout gave them before
    the countdown's (squeezed at 1.5x on a laptop)."""

    def hasHeightForWidth(self) -> bool:
        return False


class RunnerView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.rehearsal_banner = Banner("rehearsal_banner", background="#ffe08a")
        self.real_button = self.rehearsal_banner.add_button(
            _("Record this run for real"), _("Record this run for real")
        )
        self.projector_banner = Banner("projector_banner", background="#1f2a38", foreground="#fff")
        self.live_button = self.projector_banner.add_button(
            _("Show the room again"), _("Show the projector live again")
        )
        self.browse_banner = Banner("browse_banner", background="#d7e9f7")
        self.back_button = self.browse_banner.add_button(
            _("Back to the running segment"), _("Back to the running segment (Esc)")
        )
        self.start_this_button = self.browse_banner.add_button(
            _("Start this one"), _("Start this one (Enter)")
        )

        self.timer = QLabel("0:00")
        self.timer.setAccessibleName(_("Time left in the running segment"))
        self.state_label = _line(_("Timer state"))
        # Wide enough for "Ready: press Space to start" on one line, where there is room.
        longest = max(map(_, STATE_TEXT.values()), key=len)
        self.state_label.setMinimumWidth(
            min(260, self.state_label.fontMetrics().horizontalAdvance(longest) + 4)
        )
        # One line each, so that looking at a segment with a longer title or no steps never
        # moves the controls below (the whole text is in the tooltip).
        self.position = _line(_("Segment"))
        self.segment_title = _line(_("Segment title"), "font-size: 18pt; font-weight: 700;")
        self.step_label = _line(_("Timed step"), "font-size: 12pt; color: #1f5f8b;")
        keep_room = self.step_label.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)
        self.step_label.setSizePolicy(keep_room)
        self.next_label = _line(_("What comes next"))
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.timer)
        clock.addWidget(self.state_label)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        for label in (self.position, self.segment_title, self.step_label, self.next_label):
            titles.addWidget(label)
        head = QHBoxLayout()
        head.addLayout(clock)  # first in its row: a narrow window cuts the titles, not this
        head.addSpacing(24)
        head.addLayout(titles, 1)

        self.prev_button = runner_button(_("◀ Previous"), _("Look at the previous segment (Left)"))
        self.start_button = runner_button(_("Start"), _("Start, pause or resume (Space)"))
        self.minus_button = runner_button(_("−1 min"), _("Take a minute off (-)"))
        self.plus_button = runner_button(_("+5 min"), _("Add five minutes (+)"))
        self.restart_button = runner_button(_("Restart"), _("Back to the full time, stopped"))
        self.next_button = runner_button(_("Next ▶"), _("Look at the next segment (Right)"))
        self.checkin_button = runner_button(
            _("Check in…"), _("Check in arrivals, print the sign-in sheet")
        )
        self.rehearsal_button = runner_button(
            _("Rehearsal"), _("Rehearsal: try the timings, nothing is recorded"), checkable=True
        )
        self.presenter_button = runner_button(
            _("Presenter view"), _("Presenter view (F5)"), checkable=True
        )
        self.blank_button = runner_button(_("Blank"), _("Blank the projector (B)"), checkable=True)
        self.freeze_button = runner_button(
            _("Freeze"), _("Freeze the projector (F)"), checkable=True
        )
        self.smaller = runner_button("A−", _("Smaller text in the presenter view"))
        self.larger = runner_button("A+", _("Larger text in the presenter view"))
        type_size = QWidget()  # A− and A+ wrap together
        pair = QHBoxLayout(type_size)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.addWidget(self.smaller)
        pair.addWidget(self.larger)
        self.controls = wrapping_row(
            self.prev_button, self.start_button, self.minus_button, self.plus_button,
            self.restart_button, self.next_button, self.checkin_button, self.rehearsal_button,
            self.presenter_button, self.blank_button, self.freeze_button, type_size,
        )  # fmt: skip
        self.finish = _label(_("Projected finish"), "font-size: 11pt;")

        self.tabs = GivingTabs()
        # The tabs give up height first (down to nothing) when a small screen at 1.5x has
        # every banner up: the countdown, the titles and the controls keep theirs.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._timed_id: str | None = None  # the segment that ran when the tabs were last set
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.room_view = _browser(_("What the room sees"))
        self.notes_view = _browser(_("The library's notes (never shown to the room)"))
        self.own_notes = QPlainTextEdit()
        self.own_notes.setAccessibleName(_("Your own notes on this segment (private)"))
        self.own_notes.setPlaceholderText(
            _(
                "Your own notes on this segment: private, kept in the workshop file, never "
                "shown to the room. Esc gives the keys back to the runner."
            )
        )
        self.own_notes.setStyleSheet("font-size: 12pt;")
        notes = QSplitter(Qt.Orientation.Vertical)
        notes.addWidget(_titled(_("From the exercise library"), self.notes_view))
        notes.addWidget(
            _titled(_("Your own notes (private, never shown to the room)"), self.own_notes)
        )
        notes.setStretchFactor(0, 3)
        notes.setStretchFactor(1, 2)
        self.debrief_view = _browser(_("Debrief questions"))
        self.plan_box = PlanBox()
        self.scenario = ScenarioPanel(self.plan_box)
        # A parallel segment's tracks side by side above the together part's prompt; any
        # other segment's prompt fills the tab alone, as it always has.
        self.tracks_view = TracksView(_("The tracks, side by side (what each group sees)"))
        self.together_heading = QLabel()
        self.together_heading.setWordWrap(True)
        self.together_heading.setAccessibleName(_("Then together"))
        self.together_heading.setStyleSheet("font-weight: 600; color: #5a6570;")
        room_tab = QWidget()
        room = QVBoxLayout(room_tab)
        room.setContentsMargins(0, 0, 0, 0)
        room.addWidget(self.tracks_view, 1)
        room.addWidget(self.together_heading)
        room.addWidget(self.room_view, 1)
        # Squeezed below what the tracks' headings and steps need (the tabs give up height
        # first), the tab scrolls rather than cutting their lines.
        # The prompt scrolls itself: it gives up its height before the lines above it do.
        self.room_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        room_scroll = QScrollArea()
        room_scroll.setWidgetResizable(True)
        room_scroll.setFrameShape(QFrame.Shape.NoFrame)
        room_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        room_scroll.setWidget(room_tab)
        self.tabs.addTab(room_scroll, _("Room prompt"))
        self.tabs.addTab(notes, _("Notes"))
        self.scenario_tab = self.tabs.addTab(self.scenario, _("Scenario"))
        self.tabs.addTab(self.debrief_view, _("Debrief"))
        self.empty = _label(_("No agenda"))
        self.empty.setText(
            _("This workshop has no agenda yet. Choose one on the Agenda page, then come back.")
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.controls)
        layout.addWidget(self.finish)
        # The banners come and go below the controls, so the countdown and the buttons never
        # move under the facilitator's pointer.
        self.banners = (self.rehearsal_banner, self.projector_banner, self.browse_banner)
        for widget in self.banners:
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty)

    def controls_area(self) -> QRect:
        """In screen coordinates, what a presenter window on the same screen should leave
        clear: the countdown, the controls, and the banners (as if all were shown)."""
        top = self.mapToGlobal(QPoint(0, 0))
        bottom = self.finish.mapToGlobal(QPoint(0, self.finish.height())).y()
        layout = self.layout()
        assert layout is not None  # made with the view
        spacing = max(0, layout.spacing())
        banners = sum(b.sizeHint().height() + spacing for b in self.banners if b.isHidden())
        return QRect(top, QPoint(top.x() + self.width(), bottom + banners))

    # -- filling it in ---------------------------------------------------------------------

    def show_segment(
        self, runner: Runner, workshop: Workshop, revealed: dict[str, set[str]]
    ) -> None:
        """Lay out the segment the facilitator is looking at."""
        timed_id = runner.timed.id if runner.timed else None
        if timed_id != self._timed_id:
            # Another segment runs: the facilitator sees its room prompt first (looking
            # ahead keeps the tab, to read the notes of the segments to come).
            self._timed_id = timed_id
            self.tabs.setCurrentIndex(0)
        has_agenda = bool(runner.segments)
        self.empty.setVisible(not has_agenda)
        for w in (self.tabs, self.finish, self.timer, self.controls):
            w.setEnabled(has_agenda)
        segment = runner.viewed
        exercise = runner.exercise()
        self.own_notes.blockSignals(True)  # showing the notes is not typing them
        self.own_notes.setPlainText(segment.private_notes if segment else "")
        self.own_notes.blockSignals(False)
        self.own_notes.setEnabled(segment is not None)
        on = format_datetime(workshop.date, interface_language())  # in an interface sentence
        self.rehearsal_banner.say(
            _("Rehearsal: nothing is recorded. The workshop itself is on {date}.").format(date=on)
            if runner.rehearsal
            else ""
        )
        self.tabs.setTabVisible(self.scenario_tab, bool(exercise and exercise.is_scenario))
        parallel = exercise is not None and bool(exercise.tracks)
        if not parallel:  # the prompt alone, as it always was
            self._show_room_part(tracks=False)
        if exercise is not None and parallel:
            minutes = segment.planned_minutes if segment is not None else None
            self.tracks_view.show_tracks(track_prompts(exercise, workshop, minutes=minutes))
        if segment is None:
            self.position.setText("" if has_agenda else _("No agenda yet"))
            self.segment_title.setText(
                _("The workshop is finished") if runner.finished else _("End of the agenda")
            )
            for view in (self.room_view, self.notes_view, self.debrief_view):
                view.setPlainText("")
            self.next_label.setText("")
            return
        self._show_position(runner)
        self.segment_title.setText(marked_title(segment.title, exercise))
        shown = revealed.get(segment.id, set())
        self.room_view.setMarkdown(room_markdown(runner, workshop, segment, shown))

        def fill(text: str) -> str:
            return room_text(text, workshop, exercise=exercise, minutes=segment.planned_minutes)

        self.notes_view.setMarkdown(
            notes_text(exercise, workshop, minutes=segment.planned_minutes) if exercise else ""
        )
        self.debrief_view.setMarkdown(
            "\n".join(f"- {fill(q)}" for q in exercise.debrief_questions) if exercise else ""
        )
        if exercise is not None and exercise.is_scenario:
            self.scenario.show_scenario(
                exercise,
                revealable_parts(exercise, workshop, minutes=segment.planned_minutes),
                shown,
                can_reveal=segment is runner.timed,
                what_goes_wrong=fill(exercise.what_goes_wrong),
            )
            self.plan_box.add.setEnabled(not runner.rehearsal)
            self.plan_box.result.setText(
                _("Rehearsal: plans are not added to charters.") if runner.rehearsal else ""
            )
        following = runner.next_segment
        self.next_label.setText(
            _("Next: {title} ({minutes} min)").format(
                title=marked_title(following.title, runner.exercise(following)),
                minutes=f"{following.planned_minutes:g}",
            )
            if following
            else _("Next: the end of the workshop")
        )

    def _show_position(self, runner: Runner) -> None:
        """Which segment this is, and its minutes with what was added or taken off."""
        segment = runner.viewed
        if segment is None:
            return
        added = segment.extra_seconds / 60
        where = {
            "number": runner.view_index + 1,
            "count": len(runner.segments),
            "minutes": f"{segment.planned_minutes:g}",
            "added": f"{added:+g}",
        }
        self.position.setText(
            (
                _("Segment {number} of {count} · {minutes} min planned, {added} min")
                if added
                else _("Segment {number} of {count} · {minutes} min planned")
            ).format(**where)
        )

    def show_clock(self, runner: Runner) -> tuple[str, str, str]:
        """The countdown of the segment that runs, its step, whether the facilitator is
        looking elsewhere, and the projected finish. Returns the timer's text, its state and
        the step as the room sees it."""
        timed = runner.timed
        state = runner.state()
        self._show_position(runner)  # +5 / -1 change it
        text = clock_text(runner.remaining()) if timed else "—"
        self.timer.setText(text)
        self.timer.setStyleSheet(
            f"font-size: 40pt; font-weight: 700; color: {FACILITATOR_COLOURS[state]};"
        )
        doing = _(STATE_TEXT[state]) if runner.segments else ""
        browsing = runner.browsing
        self.state_label.setText(doing)  # whose state: the banner says, when looking elsewhere
        resume = state in ("paused", "overrun") and not runner.running
        self.start_button.setText(
            _("Pause") if runner.running else _("Resume") if resume else _("Start")
        )
        for b in (self.start_button, self.minus_button, self.plus_button, self.restart_button):
            b.setEnabled(timed is not None)
        step_text = room_step = ""
        now = runner.step_now()
        if now is not None:
            # The time left first: a narrow window cuts the end of the line.
            left = clock_text(max(0.0, now.remaining_seconds))
            step_text = _("{time} left in step {number} of {count}: {step}").format(
                time=left, number=now.index + 1, count=now.count, step=now.step.label
            )
            if now.step.roles_text:
                step_text += f"  —  {now.step.roles_text}"
            room_step = now.step.label + (f"\n{now.step.roles_text}" if now.step.roles_text else "")
        if browsing and timed is not None:
            # Whose the countdown is, where the step line was: the one that runs.
            clock = {"title": timed.title, "state": _short(doing)}
            step_text = (
                _("The clock: “{title}”, {state} · {time} left in step {number} of {count}").format(
                    time=clock_text(max(0.0, now.remaining_seconds)),
                    number=now.index + 1,
                    count=now.count,
                    **clock,
                )
                if now is not None
                else _("The clock: “{title}”, {state}").format(**clock)
            )
        self.step_label.setText(step_text)
        self.step_label.setVisible(bool(step_text))
        self._show_track_steps(runner, now)
        self._say_browsing(runner, doing)
        if runner.segments:
            # Translators: {end} and {planned} are times (09:42), {drift} says how late.
            finish = {
                (True, False): _("Finished at {end} · planned {planned} · {drift}"),
                (True, True): _(
                    "Finished at {end} · planned {planned} (from the rehearsal's start) · {drift}"
                ),
                (False, False): _("Projected finish {end} · planned {planned} · {drift}"),
                (False, True): _(
                    "Projected finish {end} · planned {planned} (from the rehearsal's start) · "
                    "{drift}"
                ),
            }[(runner.finished, runner.rehearsal)]
            self.finish.setText(
                finish.format(
                    end=f"{runner.projected_finish():%H:%M}",
                    planned=f"{runner.planned_finish():%H:%M}",
                    drift=drift_text(runner.minutes_late()),
                )
            )
        else:
            self.finish.setText("")  # (not the last workshop's)
        return text, state, "" if now is not None and now.tracks else room_step

    def _show_track_steps(self, runner: Runner, now: StepNow | None) -> None:
        """In the tracks' columns: each track's step while the groups work apart, that they
        are together once they are, and before the segment runs, the steps to come."""
        segment, exercise = runner.viewed, runner.exercise()
        if segment is None or exercise is None or not exercise.tracks:
            return
        begun = segment is runner.timed and (runner.running or runner.elapsed() > 0)
        if begun and now is not None and now.tracks:
            self.tracks_view.show_steps(
                [
                    _("{time} left in step {number} of {count}: {step}").format(
                        time=clock_text(max(0.0, t.remaining_seconds)),
                        number=t.index + 1,
                        count=t.count,
                        step=t.step.label,
                    )
                    + (f"  —  {t.step.roles_text}" if t.step.roles_text else "")
                    for t in now.tracks
                ]
            )
        elif begun:  # together: the tab shows the together part's prompt, as the room sees
            self._show_room_part(tracks=False)
            return
        else:
            self.tracks_view.show_steps(track_steps_text(exercise, segment.planned_minutes))
        self.together_heading.setText(together_text(exercise, segment.planned_minutes))
        self._show_room_part(tracks=True)

    def _show_room_part(self, *, tracks: bool) -> None:
        """The tracks, with a line on the together part to come, or the prompt alone: at 1.5x
        on a small screen the tab has room for one of them."""
        self.tracks_view.setVisible(tracks)
        self.together_heading.setVisible(tracks)
        self.room_view.setVisible(not tracks)

    def _say_browsing(self, runner: Runner, doing: str) -> None:
        if not runner.browsing:
            self.browse_banner.say("")
            return
        viewed, timed = runner.viewed, runner.timed
        if timed is None:
            room = _("The workshop is finished.")
        else:
            room = _("The room sees “{title}” ({state}).").format(
                title=timed.title, state=_short(doing)
            )
        if viewed is None:
            looking = _("You are at the end of the agenda.")
            self.start_this_button.setText(_("End the workshop"))
        else:
            looking = _("You are looking at “{title}”.").format(title=viewed.title)
            self.start_this_button.setText(
                _("Resume this one") if viewed.ran else _("Start this one")
            )
        # At the end of the agenda: "End the workshop", once it has begun and until it ends.
        self.start_this_button.setVisible(
            viewed is not None or (runner.begun and not runner.finished)
        )
        self.back_button.setText(
            _("Back to the end") if timed is None else _("Back to the running segment")
        )
        self.browse_banner.say(f"{looking} {room}")

    def say_projector(self, *, shown: bool, blank: bool, frozen: bool) -> None:
        """The projector's buttons, and a banner while the room does not see what runs."""
        self.presenter_button.setChecked(shown)
        self.blank_button.setChecked(blank)
        self.freeze_button.setChecked(frozen)
        for b in (self.blank_button, self.freeze_button, self.smaller, self.larger):
            b.setEnabled(shown)
        if blank:
            self.projector_banner.say(
                _("Projector blank: the room sees a black screen. B shows it again.")
            )
        elif frozen:
            self.projector_banner.say(
                _(
                    "Projector frozen: the room still sees what it saw when you pressed F. "
                    "F shows it live again."
                )
            )
        else:
            self.projector_banner.say("")


def _short(state_text: str) -> str:
    """ "Paused: press Space to resume" as a word in a sentence: "paused"."""
    return state_text.split(":")[0].lower()


def _titled(title: str, widget: QWidget) -> QWidget:
    """`widget` under a small heading that says whose text it is."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.setSpacing(2)
    heading = QLabel(title)
    heading.setStyleSheet("font-weight: 600; color: #5a6570;")
    layout.addWidget(heading)
    layout.addWidget(widget, 1)
    return box


def _line(name: str, style: str = "") -> ElidedLabel:
    label = ElidedLabel()
    label.setAccessibleName(name)
    label.setStyleSheet(style)
    return label


def _label(name: str, style: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setStyleSheet(style)
    return label


def _browser(name: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setAccessibleName(name)
    view.setOpenLinks(False)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setStyleSheet("font-size: 12pt;")
    return view
