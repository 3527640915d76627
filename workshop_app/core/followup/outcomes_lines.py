"""Two lines the outcomes report prints on its page and in its workbook alike: who is in the
program, and why free text is not shown."""

from __future__ import annotations

from workshop_app.core.charters.dates import format_number
from workshop_app.core.followup.outcomes import Outcomes, Words
from workshop_app.core.followup.outcomes_suppress import MINIMUM
from workshop_app.core.i18n import translations


def people_line(result: Outcomes) -> str:
    """ "6 mentors · 6 mentees · 6 pairs", each count suppressed as the figures' are."""
    lang = result.language
    t = translations(lang)
    roster, pairs = result.roster, result.pairs
    return " · ".join(
        (
            t.gettext("mentors: {n}").format(n=roster.text(0, 0, lang)),
            t.gettext("mentees: {n}").format(n=roster.text(0, 1, lang)),
            t.gettext("pairs: {n}").format(n=pairs.size_text(0, lang)),
        )
    )


def words_none(words: Words, lang: str) -> str:
    """Why free text is not shown: fewer than five wrote (never how many), or nobody did."""
    t = translations(lang)
    if words.writers:
        return t.ngettext(
            "Not shown: fewer than {n} person wrote one.",
            "Not shown: fewer than {n} people wrote one.",
            MINIMUM,
        ).format(n=format_number(MINIMUM, lang))
    return t.gettext("None yet.")
