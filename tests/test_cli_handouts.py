"""`workshop-app handouts` and `workshop-app certificates`, run as the real commands."""

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


def test_handouts_named_for_what_they_are(demo: Path, tmp_path: Path, app_data: Path) -> None:
    out = tmp_path / "handouts"
    done = run(
        "handouts", str(demo), "--out", str(out), "--only", "sign-in", "--only", "grow",
        "--paper", "letter", data=app_data,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = [Path(line) for line in done.stdout.splitlines()]
    assert [p.name for p in written] == ["GROW card.pdf", "Sign-in sheet.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["GROW card.pdf", "Sign-in sheet.pdf"]
    assert float(PdfReader(written[0]).pages[0].mediabox.width) == pytest.approx(612, abs=1)


def test_an_unknown_handout_is_one_line(demo: Path, tmp_path: Path, app_data: Path) -> None:
    done = run("handouts", str(demo), "--out", str(tmp_path / "x"), "--only", "gorw", data=app_data)
    assert done.returncode == 1
    assert done.stderr == (
        "workshop-app: There is no handout 'gorw': the handouts are scenarios, observer, grow, "
        "sbi, smart, charter, sign-in.\n"
    )
    assert not (tmp_path / "x").exists()


def test_certificates_one_per_participant_and_combined(
    demo: Path, tmp_path: Path, app_data: Path
) -> None:
    out = tmp_path / "letters"
    done = run("certificates", str(demo), "--out", str(out), "--combined", data=app_data)
    assert done.returncode == 0, done.stderr
    written = [Path(line) for line in done.stdout.splitlines()]
    assert len(written) == 25  # 24 participants, then all of them in one
    assert written[0].name == "Letter of appointment - Aisha Rahman.pdf"
    assert written[-1].name == "All letters of appointment.pdf"
    assert len(PdfReader(written[-1]).pages) == 24
    text = " ".join((PdfReader(written[0]).pages[0].extract_text() or "").split())
    assert "Letter of appointment" in text and "None" not in text


def test_certificates_into_a_file_is_refused(demo: Path, tmp_path: Path, app_data: Path) -> None:
    target = tmp_path / "taken.pdf"
    target.write_text("mine")
    done = run("certificates", str(demo), "--out", str(target), data=app_data)
    assert done.returncode == 1
    assert done.stderr == f"workshop-app: {target} is a file; --out needs a folder.\n"
    assert target.read_text() == "mine"
