"""What exercise text may name as `{{ placeholder }}`, and filling it in.

Two kinds: the program's facts (`{{ sponsor }}`), filled from the workshop's program context,
and the exercise's minutes (`{{ minutes }}`, `{{ step_2_minutes }}`,
`{{ step_2_phase_1_minutes }}`), filled from the agenda's allocation, the numbers the runner's
timer counts down. A length of time that is not one of the exercise's (how long pairs meet, a
call in a story) is written in quotes, `{{ "60 minutes" }}`: shown as written, and never
taken for a fixed timing. The exercise library checks that every placeholder in a file is
one of these; the room text and the runner fill them in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from workshop_app.core.i18n import N_, SOURCE_LANGUAGE, translations

# Program facts that text may name as {{ placeholder }}; the app fills them in from the
# workshop's program context. Each has what it is and the words used when it is not set
# (marked for the catalogue: they are shown in the language of the text they go into).
PLACEHOLDERS: Mapping[str, tuple[str, str]] = {
    "program": ("the program's name", N_("the mentoring program")),
    "organisation": ("the organisation's name", N_("our organisation")),
    "sponsor": ("the sponsor's name and role", N_("our executive sponsor")),
    "sponsor_endorsement": (
        "the sponsor's endorsement, in their words",
        N_("[The sponsor's endorsement: add it in the program context.]"),
    ),
    "program_goals": (
        "the program's goals",
        N_("[The program's goals: add them in the program context.]"),
    ),
    "strategy_link": (
        "how the program serves the company's goals and strategy",
        N_("[How the program serves our strategy: add it in the program context.]"),
    ),
    "program_length": ("how long the program runs", N_("the length of the program")),
    "metrics": (
        "how the program measures success",
        N_("[The program's measures of success: add them in the program context.]"),
    ),
    "support_contacts": (
        "who to contact for help, and how",
        N_("[Program support contacts: add them in the program context.]"),
    ),
    "confidentiality_wording": (
        "the program's standard confidentiality wording",
        N_("[The program's confidentiality wording: add it in the program context.]"),
    ),
    "no_fault_wording": (
        "the program's no-fault conclusion wording",
        N_("[The program's no-fault conclusion wording: add it in the program context.]"),
    ),
    "facilitator": ("the facilitator's name", N_("your facilitator")),
    "program_commitments": (
        "what the program asks of every pair (charter section 11), including when to tell "
        "the program team that a pair has stopped meeting",
        N_("[What the program asks of every pair: add it in the program context.]"),
    ),
    "return_copy_to": (
        "who keeps the Program's copy of each signed charter",
        N_("the program team"),
    ),
}
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
# The exercise's minutes: the whole exercise, one round of step N, or phase M of step N.
MINUTES_PLACEHOLDER = re.compile(r"minutes|step_([1-9][0-9]*)_(?:phase_([1-9][0-9]*)_)?minutes")
MINUTES_PLACEHOLDERS = ("minutes", "step_N_minutes", "step_N_phase_M_minutes")
# A length of time written as it is, in straight or typographic quotes (word processors
# turn one into the other).
AS_WRITTEN = re.compile(r"\{\{\s*[\"\u201c\u201d]([^\"\u201c\u201d{}\n]*)[\"\u201c\u201d]\s*\}\}")
# What a line of Markdown starts with before its text: block-quote markers and a list marker.
_CONTAINER = re.compile(r"^((?:[ \t]*>)*[ \t]*)((?:[-*+]|\d{1,9}[.)])[ \t]+)?")
# Characters that mean something to Markdown anywhere in a line, and at the start of one.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~|&!])")
_LINE_START_SPECIAL = re.compile(r"^(\s*(?:\d+)?)((?<=\d)[.)]|(?<!\d)[#>+=-])")

# A value is text, or a list of items (the program's goals, one per line).
Value = str | Sequence[str]


def fill_placeholders(
    text: str, values: Mapping[str, Value] | None = None, language: str = SOURCE_LANGUAGE
) -> str:
    """`text` (Markdown) with each `{{ name }}` replaced by its value, or its stand-in words.

    Values are the program's own words, typed by the facilitator: they are escaped, so that
    a goal starting "1." or holding a `*` reads as typed. A value of several lines, or a list
    of items, is a block: it starts on a line of its own (a list is a real list, never
    "Goals: - one" run into the label before it), inside the same block quote or list item
    as the placeholder. Text in quotes, `{{ "60 minutes" }}`, is shown as written. A fact not
    set reads as its neutral words in `language`, the language of `text`."""
    values = values or {}
    text = AS_WRITTEN.sub(lambda m: m.group(1), text)
    unset = translations(language).gettext
    return "\n".join(_fill_line(line, values, unset) for line in text.split("\n"))


def _fill_line(line: str, values: Mapping[str, Value], unset: Callable[[str], str]) -> str:
    out = ""
    rest = line
    container = _CONTAINER.match(line)
    assert container is not None  # the pattern matches every line, if only emptily
    quote, marker = container.group(1), container.group(2) or ""
    continuation = quote + " " * len(marker)  # what a later line of the same block starts with
    while match := _PLACEHOLDER.search(rest):
        before, rest = rest[: match.start()], rest[match.end() :]
        lines = _value_lines(match.group(1), match.group(0), values, unset)
        this_line = (out + before).rsplit("\n", 1)[-1]
        at_start = not this_line[len(continuation) :].strip()
        if len(lines) == 1:
            out += before + _escape(lines[0], line_start=at_start)
            continue
        if not at_start:  # text before it on the line: the block starts below that text
            out += before.rstrip() + "\n" + continuation.rstrip() + "\n" + continuation
        else:
            out += before
        out += ("\n" + continuation).join(lines)
        if rest.strip():  # text after it on the line: a paragraph of its own after the block
            out += "\n" + continuation.rstrip() + "\n" + continuation
            rest = rest.lstrip()
    return out + rest


def _value_lines(
    name: str, written: str, values: Mapping[str, Value], unset: Callable[[str], str]
) -> list[str]:
    """The Markdown lines (already escaped if more than one) that stand for a placeholder;
    `unset` translates the neutral words of a fact not set."""
    value = values.get(name)
    if isinstance(value, str):
        value = value.strip()
    if not value:
        return [unset(PLACEHOLDERS[name][1])] if name in PLACEHOLDERS else [written]
    if not isinstance(value, str):
        items = [" ".join(item.split()) for item in value if item.strip()]
        if len(items) == 1:
            return items
        return ["- " + _escape(item, line_start=False) for item in items]
    paragraphs = [p.strip().splitlines() for p in re.split(r"\n\s*\n", value) if p.strip()]
    if len(paragraphs) == 1 and len(paragraphs[0]) == 1:
        return paragraphs[0]
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append("")
        escaped = [_escape(part.strip(), line_start=True) for part in paragraph]
        lines += [part + "\\" for part in escaped[:-1]] + escaped[-1:]  # hard line breaks
    return lines


def _escape(text: str, *, line_start: bool) -> str:
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(r"\1\\\2", text) if line_start else text
