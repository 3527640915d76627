"""`workshop-app charters --duplex/--no-duplex --copies`, run as the real command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import run
from pypdf import PdfReader


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from workshop_app.core.demo import create_demo

    path = tmp_path_factory.mktemp("cli") / "demo.workshop"
    create_demo(path).close()
    return path


LABELS = ("Mentor's copy", "Mentee's copy", "Program's copy")


def pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()).strip() for p in PdfReader(path).pages]


def bookmarks(path: Path) -> list[tuple[str, int]]:
    """Every bookmark (copies under their pair) with its page, in order."""
    reader = PdfReader(path)
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item)))

    walk(reader.outline)
    return found


def test_duplex_is_the_default_and_no_duplex_leaves_the_blanks_out(
    demo: Path, tmp_path: Path, app_data: Path
) -> None:
    two = ("--pair", "P01", "--pair", "P10", "--combined")  # 4 and 5 pages
    done = run("charters", str(demo), "--out", str(tmp_path / "d"), *two, data=app_data)
    assert done.returncode == 0, done.stderr
    duplex = pages(tmp_path / "d" / "All charters.pdf")
    assert len(duplex) == 10 and duplex[9] == "" and "" not in duplex[:9]
    assert [page for _, page in bookmarks(tmp_path / "d" / "All charters.pdf")] == [0, 4]
    assert len(PdfReader(tmp_path / "d" / "P10 - Henrik Larsen & Grace Mwangi.pdf").pages) == 5

    said = run("charters", str(demo), "--out", str(tmp_path / "e"), *two, "--duplex", data=app_data)
    assert said.returncode == 0, said.stderr
    assert pages(tmp_path / "e" / "All charters.pdf") == duplex

    simplex = run(
        "charters", str(demo), "--out", str(tmp_path / "s"), *two, "--no-duplex", data=app_data
    )
    assert simplex.returncode == 0, simplex.stderr
    assert pages(tmp_path / "s" / "All charters.pdf") == duplex[:9]


def test_copies_by_name_or_number(demo: Path, tmp_path: Path, app_data: Path) -> None:
    named = run(
        "charters",
        str(demo),
        "--out",
        str(tmp_path / "n"),
        "--pair",
        "P10",
        "--copies",
        "Program, mentor",
        data=app_data,
    )
    assert named.returncode == 0, named.stderr
    combined = tmp_path / "n" / "All charters.pdf"
    assert [Path(line).name for line in named.stdout.splitlines()] == [
        "P10 - Henrik Larsen & Grace Mwangi.pdf",
        "All charters.pdf",  # --copies implies --combined
    ]
    assert bookmarks(combined) == [
        ("P10: Henrik Larsen & Grace Mwangi", 0),
        ("Mentor's copy", 0),
        ("Program's copy", 6),
    ]
    text = pages(combined)
    assert len(text) == 12 and text[5] == text[11] == ""
    assert all("Mentor's copy" in p for p in text[:5])
    assert all("Program's copy" in p for p in text[6:11])
    plain = pages(tmp_path / "n" / "P10 - Henrik Larsen & Grace Mwangi.pdf")
    assert not any(label in p for label in LABELS for p in plain)

    three = run(
        "charters",
        str(demo),
        "--out",
        str(tmp_path / "3"),
        "--pair",
        "P10",
        "--copies",
        "3",
        "--no-duplex",
        data=app_data,
    )
    assert three.returncode == 0, three.stderr
    assert [t for t, _ in bookmarks(tmp_path / "3" / "All charters.pdf")][1:] == [
        "Mentor's copy",
        "Mentee's copy",
        "Program's copy",
    ]
    assert len(pages(tmp_path / "3" / "All charters.pdf")) == 15

    one = run(
        "charters",
        str(demo),
        "--out",
        str(tmp_path / "1"),
        "--pair",
        "P10",
        "--copies",
        "1",
        data=app_data,
    )
    assert one.returncode == 0, one.stderr
    one = pages(tmp_path / "1" / "All charters.pdf")
    assert not any(label in p for label in LABELS for p in one)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (
            "sponsor",
            "'sponsor': copies are mentor, mentee, program (separated by commas), or a number",
        ),
        (
            "mentor,",
            "'mentor,': copies are mentor, mentee, program (separated by commas), or a number",
        ),
        ("4", "a number of copies is 1 to 3"),
        ("0", "a number of copies is 1 to 3"),
    ],
)
def test_wrong_copies_are_bad_usage(
    demo: Path, tmp_path: Path, app_data: Path, value: str, said: str
) -> None:
    done = run(
        "charters", str(demo), "--out", str(tmp_path / "x"), "--copies", value, data=app_data
    )
    assert done.returncode == 2
    assert f"argument --copies: {said}" in done.stderr
    assert not (tmp_path / "x").exists()
