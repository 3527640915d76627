"""Small-group suppression for the sponsor's outcomes report: no count of fewer than five.

A report that says "Finance: 2 not a fit" tells the sponsor who said it. So every count the
report breaks out is of at least `MINIMUM` people (or pairs, or goals, where that is what it
counts); one of 1 to 4 is shown as "fewer than 5" instead (primary suppression). Zero is
shown: it describes nobody.

Hiding one number is not enough when the total is printed beside it: 12 answers, 9 good, 0 not
a fit and one hidden cell make the hidden cell 3. So in every line of a table whose total is
printed (each row, whose total is the group's size; each column, whose total is the
program-wide figure, where that is shown; and the rows' sizes, whose total is everyone) the
hidden cells are at least two and hold at least `MINIMUM` together, or the whole line is
hidden (complementary suppression). The cell hidden next is the smallest one still shown that
is not zero (a hidden zero protects little), else a zero, the first of equals; a group whose
size is hidden is hidden whole. The passes repeat until no line changes, so the result
depends on the counts alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workshop_app.core.charters.dates import format_number
from workshop_app.core.i18n import N_, translations

MINIMUM = 5
_SMALL = N_("fewer than {n}")
# A count hidden only so that a small one beside it cannot be worked out from the total: it
# may be any size, so it does not say "fewer than 5".
_COMPLEMENT = N_("not shown")
_RULE = N_(
    "No count of fewer than {n} people, pairs or goals is shown (“{small}”), nor a count "
    "from which one could be worked out (“{complement}”), nor a median, average or share "
    "made of fewer than {n} answers. No charter content appears: no goal, plan, boundary "
    "or confidentiality wording."
)


def small_text(lang: str = "en") -> str:
    """What the report prints for a count of 1 to 4: "fewer than 5"."""
    return translations(lang).gettext(_SMALL).format(n=format_number(MINIMUM, lang))


def complement_text(lang: str = "en") -> str:
    return translations(lang).gettext(_COMPLEMENT)


def suppression_rule(lang: str = "en") -> str:
    return (
        translations(lang)
        .gettext(_RULE)
        .format(
            n=format_number(MINIMUM, lang), small=small_text(lang), complement=complement_text(lang)
        )
    )


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A table after suppression: `cells[r][c]` and `sizes[r]` (each row's total) are the
    counts, or None where hidden; `small` says which hidden ones are below the minimum
    (the rest were hidden as complements)."""

    cells: tuple[tuple[int | None, ...], ...]
    sizes: tuple[int | None, ...]
    small: tuple[tuple[bool, ...], ...]
    small_sizes: tuple[bool, ...]

    def text(self, r: int, c: int, lang: str = "en") -> str:
        return shown(self.cells[r][c], small=self.small[r][c], lang=lang)

    def size_text(self, r: int, lang: str = "en") -> str:
        return shown(self.sizes[r], small=self.small_sizes[r], lang=lang)


def suppress(
    rows: Sequence[Sequence[int]],
    *,
    minimum: int = MINIMUM,
    hide_rows: Sequence[bool] = (),
    totals_shown: Sequence[bool] | None = None,
    hide_columns: Sequence[bool] = (),
) -> Suppressed:
    """`rows` of counts (each row a partition of its group: the cells add up to the group's
    size) with small counts hidden and their complements, as the module says. One row is a
    program-wide figure; several are a breakdown (by department, by role). `hide_rows` hides
    groups whole from the start (a group another figure of the same breakdown hid), and
    the whole table when it is one row: a figure whose total another figure hid.
    `totals_shown` says which columns' totals the report prints, or lets one work out by
    subtraction, when they are parts of other figures (by default: those that suppressing
    the columns' sums as one figure would show), and `hide_columns` the columns hidden
    whole from the start: their total is a hidden part of another figure, which the column
    would otherwise add up to."""
    values = [[int(v) for v in row] for row in rows]
    if any(v < 0 for row in values for v in row):
        raise ValueError("counts are never negative")
    widths = {len(row) for row in values}
    if len(widths) > 1:
        raise ValueError("every row has the same cells")
    sizes = [sum(row) for row in values]
    # A column's total is the program-wide figure: where that is hidden itself, the column
    # has no printed total to subtract from.
    if len(values) <= 1:
        column_total_shown = []
    elif totals_shown is not None:
        column_total_shown = list(totals_shown)
    else:
        column_total_shown = [
            v is not None for v in suppress([[sum(c) for c in zip(*values, strict=True)]]).cells[0]
        ]
    cell_hidden = [
        [0 < v < minimum or (c < len(hide_columns) and hide_columns[c]) for c, v in enumerate(row)]
        for row in values
    ]
    row_hidden = [0 < size < minimum for size in sizes]
    for r, hide in enumerate(hide_rows):
        row_hidden[r] = row_hidden[r] or hide

    changed = True
    while changed:
        changed = False
        for r, whole in enumerate(row_hidden):
            if whole and not all(cell_hidden[r]):
                cell_hidden[r] = [True] * len(cell_hidden[r])
        # The rows' sizes: everyone's total is printed.
        if len(values) > 1:
            pick = _complement(sizes, row_hidden, minimum)
            if pick is not None:
                row_hidden[pick] = True
                changed = True
                continue
        # Each row whose size is printed.
        for r, row in enumerate(values):
            if row_hidden[r]:
                continue
            pick = _complement(row, cell_hidden[r], minimum)
            if pick is not None:
                cell_hidden[r][pick] = True
                changed = True
        # Each column: its total is the program-wide figure beside the breakdown.
        if len(values) > 1:
            for c in range(len(values[0])):
                if not column_total_shown[c]:
                    continue
                column = [row[c] for row in values]
                hidden = [cell_hidden[r][c] for r in range(len(values))]
                pick = _complement(column, hidden, minimum)
                if pick is not None:
                    cell_hidden[pick][c] = True
                    changed = True
    return Suppressed(
        cells=tuple(
            tuple(None if h else v for v, h in zip(row, cell_hidden[r], strict=True))
            for r, row in enumerate(values)
        ),
        sizes=tuple(None if h else s for s, h in zip(sizes, row_hidden, strict=True)),
        small=tuple(
            tuple(h and v < minimum for v, h in zip(row, cell_hidden[r], strict=True))
            for r, row in enumerate(values)
        ),
        small_sizes=tuple(h and s < minimum for s, h in zip(sizes, row_hidden, strict=True)),
    )


def _complement(line: Sequence[int], hidden: Sequence[bool], minimum: int) -> int | None:
    """The index to hide next in a line whose total is printed, or None when it is safe:
    nothing hidden, or at least two hidden holding at least `minimum`, or nothing left."""
    gone = [v for v, h in zip(line, hidden, strict=True) if h]
    if not gone or (len(gone) >= 2 and sum(gone) >= minimum):
        return None
    shown = [(v, i) for i, (v, h) in enumerate(zip(line, hidden, strict=True)) if not h]
    if not shown:
        return None
    non_zero = [item for item in shown if item[0] > 0]
    return min(non_zero or shown)[1]


def suppress_side_by_side(
    rows: Sequence[Sequence[int]],
    widths: Sequence[int],
    *,
    minimum: int = MINIMUM,
    totals_shown: Sequence[bool] | None = None,
    hide_columns: Sequence[bool] = (),
) -> Suppressed:
    """Several figures that each split the same groups (each row holds them one after the
    other, `widths` cells each), each suppressed as its own table: a row of them all is not
    one partition, but each figure's parts are. The groups' sizes are the same in each, so
    the same groups are hidden in each."""
    parts: list[Suppressed] = []
    start = 0
    for width in widths:
        table = [row[start : start + width] for row in rows]
        shown = None if totals_shown is None else totals_shown[start : start + width]
        hide = hide_columns[start : start + width]
        parts.append(suppress(table, minimum=minimum, totals_shown=shown, hide_columns=hide))
        start += width
    if rows and start != len(rows[0]):
        raise ValueError("the widths do not add up to the rows")
    if any(p.sizes != parts[0].sizes for p in parts):
        raise ValueError("each figure splits the same groups: their sizes must agree")
    return Suppressed(
        cells=tuple(tuple(c for p in parts for c in p.cells[r]) for r in range(len(rows))),
        sizes=parts[0].sizes,
        small=tuple(tuple(s for p in parts for s in p.small[r]) for r in range(len(rows))),
        small_sizes=parts[0].small_sizes,
    )


def shown(value: int | None, *, small: bool = True, lang: str = "en") -> str:
    """A count as the report prints it, in `lang`: the number, "fewer than 5", or "not shown"
    for a complement."""
    if value is not None:
        return format_number(value, lang)
    return small_text(lang) if small else complement_text(lang)


def enough(n: int, *, minimum: int = MINIMUM) -> bool:
    """Whether a figure made of `n` answers (a median, an average) may be printed."""
    return n >= minimum
