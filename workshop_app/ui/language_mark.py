"""The mark beside an exercise shown in English because the workshop's language has no
translation of it: the facilitator sees it in the runner and the agenda, never the room."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.core.i18n import _

if TYPE_CHECKING:
    from workshop_app.core.content.library import Exercise


def marked_title(title: str, exercise: Exercise | None) -> str:
    """`title`, with "· English" after it when `exercise` is an English fallback."""
    if exercise is None or not exercise.fallback:
        return title
    # Translators: beside an exercise that has no translation in the workshop's language,
    # so its text is in English.
    return _("{title} · English").format(title=title)
