"""The code rules on their own: which pair keeps a code, what a loser becomes, what is listed."""

from __future__ import annotations

from workshop_app.core.merge.codes import MAX_CODE, Holding, PairCodes, assign_codes
from workshop_app.core.roster.store import normalise_code


def pair(pair_id: str, *holdings: tuple[int, str, bool]) -> PairCodes:
    return PairCodes(pair_id, tuple(Holding(i, f"room{i + 1}", code, signed)
                                    for i, code, signed in holdings))  # fmt: skip


def changes(pairs: list[PairCodes]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(c.pair_id, c.old, c.new, c.labels) for c in assign_codes(pairs)[1]]


def test_the_first_file_keeps_its_codes_and_a_shared_pair_keeps_the_first_code() -> None:
    pairs = [
        pair("ana", (0, "P01", False)),
        pair("gil", (0, "P04", False), (1, "P01", False)),  # the same pair, two codes
        pair("quin", (1, "P04", False)),  # another pair that took P04 in room 2
    ]
    codes, _ = assign_codes(pairs)
    assert codes == {"ana": "P01", "gil": "P04", "quin": "P04-2"}
    assert changes(pairs) == [("gil", "P01", "P04", ("room2",)), ("quin", "P04", "P04-2",
                                                                  ("room2",))]  # fmt: skip


def test_a_signed_pair_keeps_its_code_even_against_the_first_file() -> None:
    pairs = [pair("ed", (0, "P03", False)), pair("max", (0, "P06", False), (1, "P03", True))]
    codes, found = assign_codes(pairs)
    assert codes == {"ed": "P03-2", "max": "P03"}
    assert [(c.pair_id, c.old, c.new, c.signed) for c in found] == [
        ("ed", "P03", "P03-2", False),
        ("max", "P06", "P03", False),  # room 1 printed P06, unsigned: listed
    ]


def test_two_signed_pairs_under_one_code_the_first_file_keeps_it() -> None:
    pairs = [pair("kai", (0, "P05", True)), pair("zoe", (1, "P05", True))]
    codes, [change] = assign_codes(pairs)
    assert codes == {"kai": "P05", "zoe": "P05-2"}
    assert (change.pair_id, change.signed, change.holder) == ("zoe", True, "kai")


def test_one_pair_signed_under_two_codes_keeps_the_first_files() -> None:
    codes, [change] = assign_codes([pair("kai", (0, "P05", True), (1, "P02", True))])
    assert codes == {"kai": "P05"}
    assert (change.old, change.new, change.signed, change.holder) == ("P02", "P05", True, None)
    # Signed in rooms 2 and 3 only: the code room 1 prints too is kept (two papers stay right).
    found = [pair("kai", (0, "P01", False), (1, "P02", True), (2, "P01", True))]
    assert assign_codes(found)[0] == {"kai": "P01"}


def test_a_loser_takes_a_code_it_already_has_elsewhere_before_a_new_one() -> None:
    pairs = [pair("x", (0, "P02", False), (1, "P05", False)), pair("y", (1, "P02", True))]
    codes, _ = assign_codes(pairs)
    assert codes == {"x": "P05", "y": "P02"}  # room 2's paper for x stays right
    # ...but not a code another pair has somewhere: that paper would then name two pairs.
    pairs.append(pair("z", (2, "P05", False)))
    codes, _ = assign_codes(pairs)
    assert codes["x"] == "P02-2" and codes["z"] == "P05"


def test_letter_case_does_not_make_two_codes() -> None:
    codes, found = assign_codes([pair("a", (0, "p01", False)), pair("b", (1, "P01", False))])
    assert codes == {"a": "p01", "b": "P01-2"}
    codes, found = assign_codes([pair("a", (0, "p01", False), (1, "P01", False))])
    assert codes == {"a": "p01"} and found == []  # one code, as printed: not a rename


def test_new_codes_skip_every_code_in_any_file_and_fit_the_limit() -> None:
    pairs = [
        pair("a", (0, "P03", False)),
        pair("b", (0, "P03-2", False)),
        pair("c", (1, "P03", False)),
        pair("d", (2, "p03-3", False)),
        pair("e", (2, "P03", False)),
    ]
    codes, _ = assign_codes(pairs)
    assert (codes["c"], codes["e"]) == ("P03-4", "P03-5")
    long = "ABCDEFGHIJKL"
    assert len(long) == MAX_CODE
    codes, _ = assign_codes([pair("a", (0, long, False)), pair("b", (1, long, False)),
                             pair("c", (2, long, False))])  # fmt: skip
    assert (codes["b"], codes["c"]) == ("ABCDEFGHIJ-2", "ABCDEFGHIJ-3")
    assert all(normalise_code(code) == code for code in codes.values())


def test_nothing_changes_when_nothing_collides() -> None:
    pairs = [pair("a", (0, "P01", True), (1, "P01", False)), pair("b", (1, "P02", False))]
    assert assign_codes(pairs) == ({"a": "P01", "b": "P02"}, [])
