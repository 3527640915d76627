"""What the room sees: exercise text with the program's own facts filled in."""

from __future__ import annotations

from workshop_app.core.content import fill_placeholders
from workshop_app.core.model import Workshop


def placeholder_values(workshop: Workshop) -> dict[str, str]:
    sponsor = ", ".join(x for x in (workshop.sponsor_name, workshop.sponsor_title) if x)
    goals = "\n".join(f"- {g}" for g in workshop.program_goal_list)
    length = f"{workshop.program_length_months} months" if workshop.program_length_months else ""
    return {
        "program": workshop.program,
        "organisation": workshop.organisation,
        "sponsor": sponsor,
        "sponsor_endorsement": workshop.endorsement,
        "program_goals": goals,
        "strategy_link": workshop.strategy_link,
        "program_length": length,
        "metrics": workshop.success_metrics,
        "support_contacts": workshop.support_contacts,
        "confidentiality_wording": workshop.confidentiality_text,
        "no_fault_wording": workshop.no_fault_text,
        "facilitator": workshop.facilitator,
    }


def room_text(text: str, workshop: Workshop) -> str:
    return fill_placeholders(text, placeholder_values(workshop))


def clock_text(seconds: float) -> str:
    """A countdown as people read it: 12:05, 1:02:05, or +3:10 once over time."""
    over = seconds < 0
    whole = int(abs(seconds) + (0 if over else 0.999))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"+{text}" if over else text
