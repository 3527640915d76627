"""`workshop-app charters`, run as the real command in a subprocess."""

from __future__ import annotations

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


def test_every_pair_and_the_combined_file(demo: Path, tmp_path: Path, app_data: Path) -> None:
    out = tmp_path / "print run"
    done = run("charters", str(demo), "--out", str(out), "--combined", "--summary", data=app_data)
    assert done.returncode == 0, done.stderr
    written = [Path(line) for line in done.stdout.splitlines()]
    assert len(written) == 14  # twelve pairs, the combined file, the summary
    assert written[0].name == "P01 - Margaret Osei & Daniel Kowalski.pdf"
    assert written[1].name == "P02 - Rajesh Iyer & Chloé Martin.pdf"
    assert written[12].name == "All charters.pdf"
    assert written[13].name == "Workshop summary.pdf"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    per_pair = [len(PdfReader(p).pages) for p in written[:12]]
    # Double-sided by default: each charter starts on a front page.
    assert len(PdfReader(written[12]).pages) == sum(n + n % 2 for n in per_pair)
    assert len(PdfReader(written[13]).pages) == 1
    assert "Rendering charters" not in done.stderr  # progress only on a terminal


def test_chosen_pairs_on_letter_paper(demo: Path, tmp_path: Path, app_data: Path) -> None:
    out = tmp_path / "two"
    done = run(
        "charters",
        str(demo),
        "--out",
        str(out),
        "--pair",
        "p07",
        "--pair",
        "P3",
        "--paper",
        "LETTER",
        data=app_data,
    )
    assert done.returncode == 0, done.stderr
    names = [Path(line).name for line in done.stdout.splitlines()]
    assert names == [
        "P07 - Catherine Brooks & Jamal Edwards.pdf",
        "P03 - Susan Fairweather & Kwame Mensah.pdf",
    ]
    box = PdfReader(out / names[0]).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612, 792)


def test_mistakes_get_one_line_and_exit_1(demo: Path, tmp_path: Path, app_data: Path) -> None:
    unknown = run(
        "charters", str(demo), "--out", str(tmp_path / "x"), "--pair", "P99", data=app_data
    )
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "workshop-app: There is no pair 'P99' in demo.workshop."
    a_file = tmp_path / "file.txt"
    a_file.write_text("")
    clash = run("charters", str(demo), "--out", str(a_file), data=app_data)
    assert clash.returncode == 1 and "needs a folder" in clash.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    "lang,combined,summary",
    [("de", "Alle Vereinbarungen.pdf", "Workshop-Übersicht.pdf"),
     ("it", "Tutti gli accordi.pdf", "Riepilogo del workshop.pdf")],
)  # fmt: skip
def test_the_files_for_people_are_named_in_the_workshops_language(
    demo: Path, tmp_path: Path, app_data: Path, lang: str, combined: str, summary: str
) -> None:
    from workshop_app.core.store.workshop_file import WorkshopFile

    room = tmp_path / "room.workshop"
    room.write_bytes(demo.read_bytes())
    with WorkshopFile.open(room) as wf:
        wf.set_workshop_field("language", lang)
    out = tmp_path / "out"
    done = run("charters", str(room), "--out", str(out), "--pair", "P01", "--combined",
               "--summary", data=app_data)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [Path(line).name for line in done.stdout.splitlines()][1:] == [combined, summary]
    assert {p.name for p in out.iterdir()} == {
        "P01 - Margaret Osei & Daniel Kowalski.pdf",
        combined,
        summary,
    }
