"""The one cleaner of file names made from data: every name it gives is one plain file name
inside its folder on Windows, macOS and Linux."""

from __future__ import annotations

import pytest

from workshop_app.core.file_names import MAX_NAME_BYTES, MAX_NAME_CHARS, safe_filename


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../escaped", "escaped.ics"),
        ("/abs/evil", "abs-evil.ics"),
        ("C:\\Windows\\evil", "C--Windows-evil.ics"),
        ("..", "pair.ics"),
        (".hidden", "hidden.ics"),
        ("trailing. . ", "trailing.ics"),
        ("con", "_con.ics"),
        ("CON.txt", "_CON.txt.ics"),
        ("Nul .x", "_Nul .x.ics"),
        ("COM0", "_COM0.ics"),
        ("LPT¹", "_LPT¹.ics"),
        ("CONIN$", "_CONIN$.ics"),
        ("CONSOLE", "CONSOLE.ics"),
        ("\x1b]0;owned\x07", "]0;owned.ics"),
        ("P01\u202egpj.exe", "P01 gpj.exe.ics"),
        ("a\tb\nc\x00d", "a b c d.ics"),
    ],
)
def test_names_stay_in_their_folder_and_are_accepted_everywhere(text: str, expected: str) -> None:
    assert safe_filename(text, suffix=".ics", fallback="pair") == expected


def test_long_names_are_cut_in_characters_and_bytes() -> None:
    for text in ("x" * 500, "Ω" * 500, "😀" * 500):
        name = safe_filename(text, suffix="")
        assert len(name) <= MAX_NAME_CHARS and len(name.encode("utf-8")) <= MAX_NAME_BYTES


def test_the_defaults_are_a_charter_pdf() -> None:
    assert safe_filename("P07 - Ana & Bo") == "P07 - Ana & Bo.pdf"
    assert safe_filename(" / ") == "charter.pdf"


def test_an_ending_is_kept_whole_and_the_names_give_way() -> None:
    names = "P07 - " + " & ".join(["Maximiliana Alessandra Bartholomew-Featherstonehaugh"] * 4)
    name = safe_filename(names, ending="Day 30 review")
    assert name.endswith(" - Day 30 review.pdf") and name.startswith("P07 - Maximiliana")
    assert len(name) - len(".pdf") <= MAX_NAME_CHARS
    wide = safe_filename("P07 - " + "名前" * 200, ending="Day 180 review")
    assert wide.endswith(" - Day 180 review.pdf")
    assert len(wide.removesuffix(".pdf").encode()) <= MAX_NAME_BYTES
    assert safe_filename("Ana & Bo", ending="Day 30 review") == "Ana & Bo - Day 30 review.pdf"


def test_a_review_packet_of_long_names_keeps_its_checkpoint() -> None:
    from workshop_app.core.followup.review_render import packet_filename

    long_names = " & ".join(["Maximiliana Alessandra Bartholomew-Featherstonehaugh"] * 2)
    context = {
        "pair": {"code": "P07", "names": long_names},
        "checkpoint": {"day": 30, "label": "Verifica del giorno 30"},
    }
    assert packet_filename(context).endswith(" - Day 30 review.pdf")
