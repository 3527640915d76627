"""Small-group suppression, by a table of cases: no count of 1 to 4 is shown, and no hidden
count can be worked out from the totals printed beside it."""

from __future__ import annotations

from itertools import product

import pytest

from workshop_app.core.followup.outcomes_suppress import (
    complement_text,
    small_text,
    suppress,
    suppress_side_by_side,
)

H = None  # hidden

CASES = [
    # (counts, the cells as shown, the rows' sizes as shown)
    pytest.param([[12, 9, 0]], [[12, 9, 0]], [21], id="nothing small"),
    pytest.param([[0, 0, 0]], [[0, 0, 0]], [0], id="nobody yet"),
    pytest.param([[9, 0, 3]], [[H, 0, H]], [12], id="one small: the smallest non-zero hides it"),
    pytest.param([[20, 3, 0]], [[H, H, 0]], [23], id="a zero does not protect a small cell"),
    pytest.param([[1, 1, 10]], [[H, H, H]], [12], id="two small cells hold fewer than 5"),
    pytest.param([[2, 3, 10]], [[H, H, 10]], [15], id="two small, 5 together"),
    pytest.param([[3]], [[H]], [H], id="a group of 3: its size too"),
    pytest.param([[2, 2]], [[H, H]], [H], id="a group of 4 with two cells"),
    pytest.param([[5, 5]], [[5, 5]], [10], id="five is shown"),
    pytest.param([[4, 0], [6, 6]], [[H, H], [H, H]], [H, H], id="a group of 4 hides one more"),
    pytest.param(
        [[6, 6], [5, 5], [7, 7]],
        [[6, 6], [5, 5], [7, 7]],
        [12, 10, 14],
        id="every group and cell of five or more",
    ),
    pytest.param(
        [[2, 9], [0, 9]],
        [[H, H], [0, 9]],
        [11, 9],
        id="a column whose own total is hidden needs no complement",
    ),
    pytest.param(
        [[6, 2], [5, 5], [3, 0], [10, 10]],
        [[H, H], [H, H], [H, H], [10, 10]],
        [H, 10, H, 20],
        id="a column with one hidden cell hides another",
    ),
]


@pytest.mark.parametrize(("counts", "cells", "sizes"), CASES)
def test_suppression_table(counts, cells, sizes):
    result = suppress(counts)
    assert [list(row) for row in result.cells] == cells
    assert list(result.sizes) == sizes
    assert_safe(counts, result)


def assert_safe(counts, result) -> None:
    """No shown count is 1-4, and every line whose total is printed hides nothing or at least
    two counts that hold at least 5 together (or everything)."""
    for row in result.cells:
        assert not any(v is not None and 0 < v < 5 for v in row)
    assert not any(s is not None and 0 < s < 5 for s in result.sizes)
    lines = [
        [(v, c is None) for v, c in zip(counts[r], result.cells[r], strict=True)]
        for r in range(len(counts))
        if result.sizes[r] is not None
    ]
    if len(counts) > 1:
        totals = suppress([[sum(column) for column in zip(*counts, strict=True)]]).cells[0]
        lines += [
            [(counts[r][c], result.cells[r][c] is None) for r in range(len(counts))]
            for c in range(len(counts[0]))
            if totals[c] is not None
        ]
        lines.append([(sum(row), s is None) for row, s in zip(counts, result.sizes, strict=True)])
    for line in lines:
        gone = [v for v, hidden in line if hidden]
        if gone and len(gone) < len(line):
            assert len(gone) >= 2 and sum(gone) >= 5, line


def test_every_small_table_is_safe():
    """Every 2x2 and 1x3 table of counts 0-6: the rule holds for all of them."""
    for a, b, c, d in product(range(7), repeat=4):
        table = [[a, b], [c, d]]
        assert_safe(table, suppress(table))
    for a, b, c in product(range(7), repeat=3):
        assert_safe([[a, b, c]], suppress([[a, b, c]]))


def test_small_and_complement_are_told_apart():
    result = suppress([[9, 0, 3]])
    assert [result.text(0, c) for c in range(3)] == ["not shown", "0", "fewer than 5"]
    assert result.size_text(0) == "12"
    assert suppress([[3]]).size_text(0) == small_text() == "fewer than 5"
    assert complement_text("de") == "nicht ausgewiesen"
    assert suppress([[3]]).size_text(0, "it") == "meno di 5"
    assert suppress([[1234]]).size_text(0, "de") == "1.234"


def test_figures_side_by_side_hide_a_group_in_all():
    """Attendance (2 parts) and fit (2 parts) of the same departments: a department of 3 is
    hidden in both (with one more, so its size cannot be worked out), and each figure's
    small cells are hidden on their own."""
    rows = [[10, 0, 5, 5], [6, 6, 6, 6], [3, 0, 1, 2], [20, 0, 18, 2]]
    result = suppress_side_by_side(rows, (2, 2))
    assert result.sizes == (None, 12, None, 20)
    assert result.cells[0] == (None,) * 4 and result.cells[2] == (None,) * 4
    assert result.cells[3] == (20, 0, None, None)  # 2 not a fit, and its complement
    for start in (0, 2):
        block = [row[start : start + 2] for row in rows]
        shown = [row[start : start + 2] for row in result.cells]
        assert_safe(block, type(result)(tuple(map(tuple, shown)), result.sizes, (), ()))


def test_side_by_side_refuses_figures_of_other_groups():
    with pytest.raises(ValueError):
        suppress_side_by_side([[5, 5, 6]], (2, 1))


def test_refuses_what_is_not_a_table():
    with pytest.raises(ValueError):
        suppress([[1, 2], [3]])
    with pytest.raises(ValueError):
        suppress([[-1, 6]])
