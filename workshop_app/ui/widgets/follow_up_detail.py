"""The selected pair on the Follow-up page: its health in words, its checkpoints with what is
known of each, and for a pair at risk each reason beside the pair's own plan for it, the
library's scenario and the next step for staff."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser

from workshop_app.core.charters.dates import format_date
from workshop_app.ui.style import DONE_COLOUR, ERROR_COLOUR, PENDING_COLOUR

if TYPE_CHECKING:
    from workshop_app.core.followup.health import Checkpoint, PairHealth, Reason

STATE_WORDS = {
    "done": ("done", DONE_COLOUR),
    "due": ("due now", PENDING_COLOUR),
    "overdue": ("overdue", ERROR_COLOUR),
    "upcoming": ("upcoming", ""),
    "unknown": ("date not known", ""),
}


def _checkpoint(checkpoint: Checkpoint, lang: str) -> str:
    when = format_date(checkpoint.due, lang) if checkpoint.due is not None else ""
    state, colour = STATE_WORDS.get(checkpoint.state, (checkpoint.state, ""))
    shown = f'<span style="color:{colour}">{state}</span>' if colour else state
    parts = [f"<b>Day {checkpoint.day}</b>", escape(when), shown]
    if checkpoint.known:
        parts.append(escape(checkpoint.known))
    return " · ".join(p for p in parts if p)


def _reason(reason: Reason) -> str:
    lines = [f'<p style="margin-bottom:2px"><b>{escape(reason.text)}</b></p><ul>']
    if reason.plan:
        lines.append(f"<li>Their plan: “{escape(reason.plan)}”</li>")
    else:
        lines.append("<li>Their charter has no plan for this.</li>")
    if reason.scenario:
        lines.append(f"<li>Library scenario: {escape(reason.scenario)}</li>")
    if reason.next_step:
        lines.append(f"<li>Next step: {escape(reason.next_step)}</li>")
    lines.append("</ul>")
    return "".join(lines)


def pair_html(pair: PairHealth, lang: str) -> str:
    title = f"{escape(pair.code)} · {escape(pair.mentor)} and {escape(pair.mentee)}"
    parts = [f'<h3 style="margin:0">{title}</h3>']
    if pair.closed:
        parts.append("<p>This pairing is closed.</p>")
    if pair.words:
        parts.append("<ul>" + "".join(f"<li>{escape(w)}</li>" for w in pair.words) + "</ul>")
    if pair.at_risk:
        parts.append(f'<h4 style="color:{ERROR_COLOUR}; margin-bottom:2px">At risk because</h4>')
        parts.extend(_reason(r) for r in pair.reasons)
    parts.append('<h4 style="margin-bottom:2px">Checkpoints</h4>')
    if pair.checkpoints:
        parts.append(
            "<ul>" + "".join(f"<li>{_checkpoint(c, lang)}</li>" for c in pair.checkpoints) + "</ul>"
        )
    else:
        parts.append("<p>None: the charter has no review days.</p>")
    return "".join(parts)


class FollowUpDetail(QTextBrowser):
    """Read-only rich text (selectable, and read line by line from the keyboard)."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("The pair's follow-up")
        self.setOpenLinks(False)
        self.show_pair(None, "en")

    def show_pair(self, pair: PairHealth | None, lang: str) -> None:
        if pair is None:
            self.setHtml("<p>Pick a pair in the list to see its follow-up.</p>")
        else:
            self.setHtml(pair_html(pair, lang))
