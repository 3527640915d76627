"""The attendance sign-in sheet, checked by its content as a reader would, and its command."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from cli_runner import run
from pypdf import PdfReader

from workshop_app.core.demo import create_demo
from workshop_app.core.roster.attendance import name_order, render_sign_in_sheet, sign_in_context
from workshop_app.core.store.workshop_file import WorkshopFile

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.workshop"
    create_demo(path).close()
    return path


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def size(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return (round(float(box.width), 2), round(float(box.height), 2))


def test_every_participant_once_sorted_by_name_with_role_pair_and_department(
    demo: Path,
) -> None:
    with WorkshopFile.open(demo) as wf:
        # Enough people for a second page, one name with an accent and one typed in capitals.
        for i in range(14):
            wf.roster.add_participant(
                role="mentee", name=f"Zoe Walker {i:02d}", email=f"zw{i}@northwind.example"
            )
        wf.roster.add_participant(role="mentor", name="Élodie Brun", email="eb@northwind.example")
        wf.roster.add_participant(role="mentee", name="adam <b>Quinn</b>", email="aq@n.example")
        people = wf.roster.participants()
        codes = {}
        for pair in wf.roster.pairs():
            codes[pair.mentor_id] = codes[pair.mentee_id] = pair.code
        context = sign_in_context(wf)
    pdf = render_sign_in_sheet(context)
    pages = pages_text(pdf)
    assert len(pages) >= 2 and size(pdf) == A4
    text = "\n".join(pages)
    rows = [line for page in pages for line in page.splitlines()]
    order = []
    for person in sorted(people, key=lambda p: name_order(p.name)):
        found = [i for i, line in enumerate(rows) if line.startswith(person.name)]
        assert len(found) == 1, person.name  # each person once
        line = rows[found[0]]
        assert person.role.capitalize() in line and codes.get(person.id, "") in line
        assert person.department in line or person.department in rows[found[0] + 1]
        order.append(found[0])
    assert order == sorted(order)  # in name order, across pages
    # Typed text is printed as typed (never as markup); an accent or a capital does not
    # move a name out of its place.
    assert rows[order[0]].startswith("adam <b>Quinn</b>")
    assert text.index("Elena Petrova") < text.index("Élodie Brun") < text.index("Fatima")
    for number, page in enumerate(pages, start=1):
        # The program, the date and the venue head every page; each says which page it is.
        assert "Accelerate Mentoring Program" in page
        assert "19 January 2027" in page and "Harbour House, training room 2" in page
        assert f"Page {number} of {len(pages)}" in page
        assert "SIGNATURE" in page  # the column heads repeat (in capitals)
    assert "40 participants" in pages[0]


def test_the_workshops_paper_size(demo: Path) -> None:
    with WorkshopFile.open(demo) as wf:
        wf.set_workshop_field("paper_size", "letter")
        context = sign_in_context(wf)
    assert size(render_sign_in_sheet(context)) == LETTER
    assert size(render_sign_in_sheet(context, paper="a4")) == A4


def test_an_empty_roster_says_what_to_do(tmp_path: Path) -> None:
    with WorkshopFile.create(
        tmp_path / "empty.workshop", program="P", organisation="O", date="2027-01-19"
    ) as wf:
        context = sign_in_context(wf)
    text = pages_text(render_sign_in_sheet(context))[0]
    assert "The roster is empty" in text and "0 participants" in text


def test_the_command(demo: Path, tmp_path: Path, app_data: Path) -> None:
    out = tmp_path / "sheet.pdf"
    done = run("sign-in-sheet", str(demo), "--out", str(out), "--paper", "letter", data=app_data)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    pdf = out.read_bytes()
    assert size(pdf) == LETTER
    assert re.search(r"Fatima Al-Sayed\s*Mentor\s*P0\d", pages_text(pdf)[0])
    assert not list(tmp_path.glob(".*.part"))  # nothing half-written left behind
    nowhere = tmp_path / "no such folder" / "sheet.pdf"
    missing = run("sign-in-sheet", str(demo), "--out", str(nowhere), data=app_data)
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    assert missing.stderr.count("\n") == 1
