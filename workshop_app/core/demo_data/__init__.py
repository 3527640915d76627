"""The demo workshop's data, apart from the code that writes it (core/demo.py): its shape,
the same in every language (`shape`: dates, choices, the mentees' ratings, which fields each
charter has), and its words, one module per language (`en`, `it`, `de`, `fr`): a company, its
program and people, and what each pair wrote, as people in that country write them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

# The demo's languages (`demo FILE --language`) and the module that holds each one's words.
# English is British English, the demo's language before it had others.
LANGUAGES: dict[str, str] = {"en-GB": "en", "it": "it", "de": "de", "fr": "fr"}
DEFAULT_LANGUAGE = "en-GB"

# A goal's words: (goal, why it matters, success measure, first steps); its target date and
# the mentee's rating are in the shape.
GoalTexts = tuple[str, str, str, str]
# A person on the roster: (name, job title, department).
Person = tuple[str, str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class CharterTexts:
    """What one pair wrote in words: the charter's text fields, its goals (in order) and its
    troubleshooting plans as (situation, what we do)."""

    fields: dict[str, str]
    goals: tuple[GoalTexts, ...] = ()
    plans: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUpTexts:
    """The words of the follow-up records `demo --after-launch` writes (see demo_follow_up)."""

    p01_plans_used: str  # P01's day-30 review: the plan they used
    p01_changes: str  # and what they changed
    p04_comment: str  # Aisha's (or her counterpart's) early day-90 check-in asking for help
    p05_concern: str  # the concern the coordinator logged for P05
    p06_reason: str  # why P06 closed without fault
    p07_scenario: str  # P07's plan, written from the library's "repeated cancellations" card
    p07_plan: str
    p07_mentor_cancels: str  # P07's two cancellations in a row: the mentor's, then the mentee's
    p07_mentee_cancels: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoTexts:
    """Everything of the demo written in one language. `people` are the twelve pairs as
    (mentor, mentee), `managers` the mentees' line managers in turn, `charters` the words of
    the charters begun (P01 to P09), in pair order."""

    program: dict[str, Any]
    coordinator_signature: str  # the coordinator's name as they sign
    email_domain: str
    people: tuple[tuple[Person, Person], ...]
    managers: tuple[str, ...]
    charters: tuple[CharterTexts, ...]
    follow_up: FollowUpTexts


def demo_texts(language: str) -> DemoTexts:
    """The demo's words in `language`, one of LANGUAGES."""
    module = importlib.import_module(f"{__name__}.{LANGUAGES[language]}")
    texts: DemoTexts = module.TEXTS
    return texts
