"""The selected pair on the Follow-up page: its health in words, its checkpoints with what is
known of each, and for a pair at risk each reason beside the pair's own plan for it, the
library's scenario and the next step for staff."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTextBrowser

from workshop_app.core.i18n import N_, _
from workshop_app.ui.style import DONE_COLOUR, ERROR_COLOUR, PENDING_COLOUR
from workshop_app.ui.widgets.locale import shown_long_date

if TYPE_CHECKING:
    from workshop_app.core.followup.health import Checkpoint, PairHealth, Reason

STATE_WORDS = {
    "done": (N_("done"), DONE_COLOUR),
    "due": (N_("due now"), PENDING_COLOUR),
    "overdue": (N_("overdue"), ERROR_COLOUR),
    "upcoming": (N_("upcoming"), ""),
    "unknown": (N_("date not known"), ""),
}


def _checkpoint(checkpoint: Checkpoint) -> str:
    due = checkpoint.due
    when = shown_long_date(QDate(due.year, due.month, due.day)) if due is not None else ""
    state, colour = STATE_WORDS.get(checkpoint.state, (checkpoint.state, ""))
    state = escape(_(state))
    shown = f'<span style="color:{colour}">{state}</span>' if colour else state
    day = escape(_("Day {day}").format(day=checkpoint.day))
    parts = [f"<b>{day}</b>", escape(when), shown]
    if checkpoint.known:
        parts.append(escape(checkpoint.known))
    return " · ".join(p for p in parts if p)


def _reason(reason: Reason) -> str:
    lines = [f'<p style="margin-bottom:2px"><b>{escape(reason.text)}</b></p><ul>']
    if reason.plan:
        plan = _("Their plan: “{plan}”").format(plan=reason.plan)
    else:
        plan = _("Their charter has no plan for this.")
    lines.append(f"<li>{escape(plan)}</li>")
    if reason.scenario:
        scenario = _("Library scenario: {scenario}").format(scenario=reason.scenario)
        lines.append(f"<li>{escape(scenario)}</li>")
    if reason.next_step:
        step = _("Next step: {step}").format(step=reason.next_step)
        lines.append(f"<li>{escape(step)}</li>")
    lines.append("</ul>")
    return "".join(lines)


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def pair_html(pair: PairHealth) -> str:
    title = escape(
        _("{code} · {mentor} and {mentee}").format(
            code=pair.code, mentor=pair.mentor, mentee=pair.mentee
        )
    )
    parts = [f'<h3 style="margin:0">{title}</h3>']
    if pair.closed:
        parts.append(_paragraph(_("This pairing is closed.")))
    if pair.words:
        parts.append("<ul>" + "".join(f"<li>{escape(w)}</li>" for w in pair.words) + "</ul>")
    if pair.at_risk:
        heading = escape(_("At risk because"))
        parts.append(f'<h4 style="color:{ERROR_COLOUR}; margin-bottom:2px">{heading}</h4>')
        parts.extend(_reason(r) for r in pair.reasons)
    checkpoints = escape(_("Checkpoints"))
    parts.append(f'<h4 style="margin-bottom:2px">{checkpoints}</h4>')
    if pair.checkpoints:
        parts.append(
            "<ul>" + "".join(f"<li>{_checkpoint(c)}</li>" for c in pair.checkpoints) + "</ul>"
        )
    else:
        parts.append(_paragraph(_("None: the charter has no review days.")))
    return "".join(parts)


class FollowUpDetail(QTextBrowser):
    """Read-only rich text (selectable, and read line by line from the keyboard)."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("The pair's follow-up"))
        self.setOpenLinks(False)
        self.show_pair(None)

    def show_pair(self, pair: PairHealth | None) -> None:
        if pair is None:
            self.setHtml(_paragraph(_("Pick a pair in the list to see its follow-up.")))
        else:
            self.setHtml(pair_html(pair))
