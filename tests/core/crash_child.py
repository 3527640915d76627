"""The child of the crash-safety test: opens a workshop and edits it until it is killed.

    python crash_child.py WORKSHOP SEED

It makes edits through the same core calls the app makes as the user types (`set_field`,
`set_goal_part`, `add_plan`, `set_attendance`). Before each edit it prints `B <n>` and after the
call returns `D <n>` ("reported as saved"), flushing each line, so the parent knows which edits
were saved and which one, at most, was in flight when it killed the process. The sequence of
edits is a function of the seed and of the workshop's pairs and people, so the parent rebuilds
it with `edits()` instead of reading values over the pipe.
"""

from __future__ import annotations

import random
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Charter columns stored as typed (kinds "text" and "line"), plus a choice and a number.
TEXT_FIELDS = (
    "purpose",
    "mentor_commitments",
    "mentee_commitments",
    "meeting_place",
    "contact_channels",
    "response_time",
    "confidentiality_scope",
    "boundaries",
    "feedback_method",
    "program_commitments",
)
GOAL_PARTS = ("goal", "why", "measure", "first_steps")
SNIPPETS = (
    "Meet every other Tuesday",
    "Zoë & François, Żółć",
    "مرحبا بالعالم",
    "שלום עולם",
    "李小龍と田中さん",
    "<b>bold</b> & <script>x</script>",
    "emoji 😀 👩🏽‍💻",
    "tab\there, newline\nthere",
)


@dataclass(frozen=True, slots=True)
class Edit:
    index: int
    key: tuple[Any, ...]
    """("field", pair, name) | ("goal", pair, position, part) | ("plan", plan_id)
    | ("present", participant)"""
    value: Any


def _text(rng: random.Random, tag: str) -> str:
    # Mostly short values as typed; now and then a long one that spans several pages, so
    # that a kill can land in the middle of a multi-page write.
    size = rng.choice((0, 10, 40, 200, 200, 1000, 6000, 20000))
    body = " ".join(rng.choice(SNIPPETS) for _ in range(max(1, size // 20)))
    return f"{tag} {body}"[: max(len(tag), size)]


def edits(seed: int, pairs: list[str], people: list[str]) -> Iterator[Edit]:
    rng = random.Random(seed)
    index = 0
    while True:
        tag = f"s{seed}e{index}"
        kind = rng.choices(("field", "goal", "plan", "present", "choice"), (8, 4, 2, 2, 1))[0]
        pair = rng.choice(pairs)
        key: tuple[Any, ...]
        value: Any
        if kind == "field":
            key, value = ("field", pair, rng.choice(TEXT_FIELDS)), _text(rng, tag)
        elif kind == "choice":
            key = ("field", pair, "meeting_frequency")
            value = rng.choice(("weekly", "biweekly", "monthly", "custom", ""))
        elif kind == "goal":
            key = ("goal", pair, rng.randint(1, 3), rng.choice(GOAL_PARTS))
            value = _text(rng, tag)
        elif kind == "plan":
            plan_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            key, value = ("plan", plan_id), (pair, _text(rng, tag), _text(rng, tag))
        else:
            key = ("present", rng.choice(people))
            value = rng.choice((True, False, None))
        yield Edit(index=index, key=key, value=value)
        index += 1


def ids(wf: Any) -> tuple[list[str], list[str]]:
    """The pairs and people the edits pick from, in an order both processes agree on."""
    pairs = sorted(p.id for p in wf.roster.pairs())
    people = sorted(p.id for p in wf.roster.participants())
    return pairs, people


def apply(wf: Any, edit: Edit) -> None:
    kind = edit.key[0]
    if kind == "field":
        wf.charters.set_field(edit.key[1], edit.key[2], edit.value)
    elif kind == "goal":
        wf.charters.set_goal_part(edit.key[1], edit.key[2], edit.key[3], edit.value)
    elif kind == "plan":
        pair, scenario, plan = edit.value
        wf.charters.add_plan(pair, scenario=scenario, plan=plan, plan_id=edit.key[1])
    else:
        wf.roster.set_attendance(edit.key[1], edit.value)


def main() -> None:
    from workshop_app.core.store.workshop_file import WorkshopFile

    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    out = sys.stdout
    wf = WorkshopFile.open(path)
    pairs, people = ids(wf)
    out.write("ready\n")
    out.flush()
    for edit in edits(seed, pairs, people):
        out.write(f"B {edit.index}\n")
        out.flush()
        apply(wf, edit)
        out.write(f"D {edit.index}\n")
        out.flush()


if __name__ == "__main__":
    main()
