"""The whole program in figures: the source's questions answered with counts.

Are they meeting regularly (pairs at their own agreed cadence), are they producing results
(goals moving past their baseline), which pairs need help (at risk), and how many have closed.
Each figure is a count and what it is out of, so "9 of 12" never hides an unknown: pairs whose
cadence cannot be judged yet are left out of that figure's total, not counted as failing.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.core.followup.health import FollowUp
from workshop_app.core.i18n import _


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    count: int
    out_of: int

    @property
    def text(self) -> str:
        """'9 of 12'."""
        return _("{count} of {total}").format(count=f"{self.count:,}", total=f"{self.out_of:,}")


@dataclass(frozen=True, slots=True)
class Board:
    pairs: Figure
    active: Figure
    closed: Figure
    on_cadence: Figure
    goals_moving: Figure
    at_risk: Figure
    checkins: Figure
    signed: Figure

    @property
    def figures(self) -> tuple[Figure, ...]:
        """In the order a board shows them."""
        return (
            self.pairs,
            self.signed,
            self.active,
            self.on_cadence,
            self.goals_moving,
            self.checkins,
            self.at_risk,
            self.closed,
        )


def board(fu: FollowUp) -> Board:
    pairs = fu.pairs
    total = len(pairs)
    active = [p for p in pairs if not p.closed]
    judged = [p for p in active if p.on_cadence is not None]
    rated = [g for p in active for g in p.goals if g.moving is not None]
    # A closure ends the pair, not its history: what a closed pair sent still counts, and
    # the checkpoints it answered before closing are among those due; nothing after is due.
    reached = sum(
        2
        for p in pairs
        for c in p.checkpoints
        if c.due is not None and c.due <= fu.today and (not p.closed or c.state == "done")
    )
    # The board is read on the coordinator's screen (the page, the CLI): interface language.
    return Board(
        pairs=Figure("pairs", _("Pairs"), total, total),
        active=Figure("active", _("Pairs still meeting (not closed)"), len(active), total),
        closed=Figure("closed", _("Pairs closed"), total - len(active), total),
        on_cadence=Figure(
            "on_cadence",
            _("Pairs meeting at their agreed cadence"),
            sum(1 for p in judged if p.on_cadence),
            len(judged),
        ),
        goals_moving=Figure(
            "goals_moving",
            _("Goals moving past their baseline"),
            sum(1 for g in rated if g.moving),
            len(rated),
        ),
        at_risk=Figure(
            "at_risk", _("Pairs at risk"), sum(1 for p in active if p.at_risk), len(active)
        ),
        checkins=Figure(
            "checkins",
            _("Check-ins received (two per checkpoint reached)"),
            sum(p.checkins for p in pairs),
            reached,
        ),
        signed=Figure("signed", _("Charters signed"), sum(1 for p in pairs if p.signed), total),
    )
