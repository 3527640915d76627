"""Which code each pair has in a merged file. Codes are printed on every page of a charter, so
a code changes only where two pairs cannot both keep it, and every change is named.

- A pair has one code in each file that holds it. It keeps a code it was signed under (the
  signed paper carries it; of several, the one the first listed file prints), else the code of
  the first file listed that holds it: so the first file keeps all its codes, and the same pair
  imported in two rooms under two codes keeps the first room's.
- Two different pairs wanting one code (letter case does not count: P01 and p01 are one code):
  a signed pair beats an unsigned one, then the file listed first wins. Two signed pairs of
  different rooms under one code is a real conflict: the first file's keeps it, and the other
  signed paper now shows a wrong code (reported as such).
- A pair that loses its code takes another code it already has in another file, if free, else
  a new one made from the code it wanted: P03 becomes P03-2 (or -3, ...), never a code that any
  pair has in any of the files.
- A code that is not a pair code (letters, digits and dashes: a file edited outside the app can
  hold `../../escaped`) is never kept, signed or not: a pair with no other code takes the next
  free number (P13 after P12), never a code any file has.
- Every file whose code for a pair differs from the merged one gets a line in the rename list.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from workshop_app.core.roster.store import code_sort_key, format_code
from workshop_app.core.validation import MAX_CODE, is_pair_code

_RENAME_IDS = uuid.UUID("6d1c0b4e-52a4-4c4f-9a0e-1f3b0c9d2e71")


@dataclass(frozen=True, slots=True)
class Holding:
    """A pair's code in one file."""

    source: int  # the file's place in the list of inputs
    label: str
    code: str
    signed: bool


@dataclass(frozen=True, slots=True)
class PairCodes:
    pair_id: str
    holdings: tuple[Holding, ...]  # in the order the files are listed

    def signed_codes(self) -> set[str]:
        return {h.code.casefold() for h in self.holdings if h.signed}

    def valid(self) -> list[Holding]:
        """The holdings whose code can be kept (see `is_pair_code`)."""
        return [h for h in self.holdings if is_pair_code(h.code.upper())]

    def wanted(self) -> Holding | None:
        """The code the pair keeps if it can: the first listed file's among the codes it was
        signed under (a pair signed as P01 in one room and P02 in another keeps the one the
        earlier file also prints), else the first listed file's; None when no code it has is
        a pair code."""
        signed = self.signed_codes()
        valid = self.valid()
        return next((h for h in valid if h.code.casefold() in signed), valid[0] if valid else None)


Claim = tuple[PairCodes, Holding]  # a pair and the code it wants


@dataclass(frozen=True, slots=True)
class CodeChange:
    """The code a pair had in some files, and the one it has now."""

    pair_id: str
    old: str
    new: str
    labels: tuple[str, ...]  # the files that printed `old` for this pair
    signed: bool  # signed on paper under `old` in one of them
    holder: str | None  # the pair that has `old` now (None: no pair does)


def assign_codes(pairs: Sequence[PairCodes]) -> tuple[dict[str, str], list[CodeChange]]:
    """The merged code of every pair, and every code change, in code order."""
    claims: dict[str, list[Claim]] = {}
    without: list[PairCodes] = []  # pairs none of whose codes is a pair code
    for pair in pairs:
        wanted = pair.wanted()
        if wanted is None:
            without.append(pair)
        else:
            claims.setdefault(wanted.code.casefold(), []).append((pair, wanted))
    final: dict[str, str] = {}
    holder: dict[str, str] = {}  # casefolded code -> pair id
    losers: list[Claim] = []
    for folded, contenders in claims.items():
        contenders.sort(key=_priority)
        (winner, wanted), *others = contenders
        final[winner.pair_id] = wanted.code
        holder[folded] = winner.pair_id
        losers += others
    held_by: dict[str, set[str]] = {}  # casefolded code -> the pairs that have it somewhere
    for pair in pairs:
        for h in pair.holdings:
            held_by.setdefault(h.code.casefold(), set()).add(pair.pair_id)
    for pair, wanted in sorted(losers, key=_priority):
        own = (h.code for h in pair.valid() if h.code.casefold() not in holder
               and held_by[h.code.casefold()] == {pair.pair_id})  # fmt: skip
        code = next(own, None)
        if code is None:
            code = _new_code(wanted.code, taken=set(held_by) | set(holder))
        final[pair.pair_id] = code
        holder[code.casefold()] = pair.pair_id
    for pair in without:
        code = _next_number(taken=set(held_by) | set(holder))
        final[pair.pair_id] = code
        holder[code.casefold()] = pair.pair_id
    changes = []
    for pair in pairs:
        new = final[pair.pair_id]
        olds: dict[str, list[Holding]] = {}
        for h in pair.holdings:
            if h.code.casefold() != new.casefold():
                olds.setdefault(h.code, []).append(h)
        for old, holdings in olds.items():
            changes.append(
                CodeChange(
                    pair_id=pair.pair_id,
                    old=old,
                    new=new,
                    labels=tuple(h.label for h in holdings),
                    signed=any(h.signed for h in holdings),
                    holder=holder.get(old.casefold()),
                )
            )
    changes.sort(key=lambda c: (code_sort_key(c.old), code_sort_key(c.new)))
    return final, changes


def rename_audit_id(change: CodeChange) -> str:
    """The audit id of a rename: the same for the same pair and codes, so merging again a file
    that was already merged (its rename is in OUT's trail) adds and reports nothing new."""
    return str(uuid.uuid5(_RENAME_IDS, f"{change.pair_id}:{change.old}:{change.new}"))


def _priority(claim: Claim) -> tuple[bool, int, tuple[int, int, str], str]:
    pair, wanted = claim
    signed = wanted.code.casefold() in pair.signed_codes()
    return (not signed, wanted.source, code_sort_key(wanted.code), pair.pair_id)


def _next_number(*, taken: set[str]) -> str:
    """The code after the highest numbered one in any file (P13 after P12)."""
    numbers = [key[1] for key in (code_sort_key(c.upper()) for c in taken) if key[0] == 0]
    return format_code(max(numbers, default=0) + 1)


def _new_code(code: str, *, taken: set[str]) -> str:
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = code[: MAX_CODE - len(suffix)].rstrip("-") + suffix  # never "P--2"
        if candidate.casefold() not in taken:
            return candidate
        n += 1
