"""Program facts that exercise text may name as `{{ placeholder }}`, and filling them in.

The exercise library checks that every placeholder in a file is one of these; the room text
and the runner fill them from the workshop's program context.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Program facts that text may name as {{ placeholder }}; the app fills them in from the
# workshop's program context. Each has what it is and the words used when it is not set.
PLACEHOLDERS: Mapping[str, tuple[str, str]] = {
    "program": ("the program's name", "the mentoring program"),
    "organisation": ("the organisation's name", "our organisation"),
    "sponsor": ("the sponsor's name and role", "our executive sponsor"),
    "sponsor_endorsement": (
        "the sponsor's endorsement, in their words",
        "[The sponsor's endorsement: add it in the program context.]",
    ),
    "program_goals": (
        "the program's goals",
        "[The program's goals: add them in the program context.]",
    ),
    "strategy_link": (
        "how the program serves the company's goals and strategy",
        "[How the program serves our strategy: add it in the program context.]",
    ),
    "program_length": ("how long the program runs", "the length of the program"),
    "metrics": (
        "how the program measures success",
        "[The program's measures of success: add them in the program context.]",
    ),
    "support_contacts": (
        "who to contact for help, and how",
        "[Program support contacts: add them in the program context.]",
    ),
    "confidentiality_wording": (
        "the program's standard confidentiality wording",
        "[The program's confidentiality wording: add it in the program context.]",
    ),
    "no_fault_wording": (
        "the program's no-fault conclusion wording",
        "[The program's no-fault conclusion wording: add it in the program context.]",
    ),
    "facilitator": ("the facilitator's name", "your facilitator"),
}
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def fill_placeholders(text: str, values: Mapping[str, str] | None = None) -> str:
    """`text` with each `{{ name }}` replaced by its value, or by its stand-in words."""
    values = values or {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if values.get(name):
            return values[name]
        if name in PLACEHOLDERS:
            return PLACEHOLDERS[name][1]
        return match.group(0)

    return _PLACEHOLDER.sub(replace, text)
