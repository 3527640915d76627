"""Hostile Excel rosters through the real `workshop-app import`: XML attacks inside a sheet,
zip bombs, and a sheet that names itself enormous.

Each is refused with exit status 1 and one line on stderr naming the roster (no traceback, no
MemoryError), before it costs more than a real roster's memory; nothing is read from disk for
it; the workshop and the roster are unchanged and nothing is written beside them. A real
5,000-row workbook still imports.
"""

from __future__ import annotations

import csv
import hashlib
import io
import resource
import struct
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_files import make_workshop
from cli_runner import run

ROSTERS = Path(__file__).parent / "data" / "rosters"
SHEET = "xl/worksheets/sheet1.xml"
MB = 1024 * 1024
# What a child may use at most while it reads a hostile roster: a real 5,000-row one needs
# about a fifth of it. Over it, the child gets MemoryError instead of taking the machine down.
MEMORY_CAP = 1024 * MB


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parts_of(xlsx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(xlsx) as z:
        return {name: z.read(name) for name in z.namelist()}


def write_xlsx(path: Path, replace: dict[str, bytes]) -> None:
    """`pairs.xlsx` (openpyxl's) with some parts replaced."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts_of(ROSTERS / "pairs.xlsx").items():
            out.writestr(name, replace.get(name, data))


def sheet_with(dtd: bytes, cell: bytes) -> bytes:
    """A sheet with two plain rows and then `cell` in row 3, after `dtd`: openpyxl reads the
    rows only when they are asked for, so the attack goes off in the middle of the reading."""
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    header = b"".join(
        b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (col, text)
        for col, text in ((b"A", b"Mentor Name"), (b"B", b"Mentor Email"), (b"C", b"Mentee Name"),
                          (b"D", b"Mentee Email"))
    )  # fmt: skip
    plain = b'<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c></row>'
    return (
        b'<?xml version="1.0"?>' + dtd + b"<worksheet " + ns + b'><dimension ref="A1:D3"/>'
        b'<sheetData><row r="1">' + header + b"</row>" + plain + b'<row r="3"><c r="A3" '
        b't="inlineStr"><is><t>' + cell + b"</t></is></c></row></sheetData></worksheet>"
    )


def billion_laughs(path: Path) -> None:
    entities = b"".join(
        b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1)) * 10 if i else b"lol") for i in range(10)
    )
    write_xlsx(path, {SHEET: sheet_with(b"<!DOCTYPE w [" + entities + b"]>", b"&l9;")})


def external_entity(path: Path, secret: Path) -> None:
    dtd = b'<!DOCTYPE w [<!ENTITY x SYSTEM "%s">]>' % secret.as_uri().encode()
    write_xlsx(path, {SHEET: sheet_with(dtd, b"&x;")})


def malformed_sheet(path: Path) -> None:
    sheet = sheet_with(b"", b"Bo")
    write_xlsx(path, {SHEET: sheet[: len(sheet) - 60]})


def far_cell(path: Path) -> None:
    """Five rows, then one cell in the last cell a sheet can have, XFD1048576."""
    sheet = parts_of(ROSTERS / "pairs.xlsx")[SHEET]
    sheet = sheet.replace(b'<dimension ref="A1:H5" />', b'<dimension ref="A1:XFD1048576" />')
    sheet = sheet.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    )
    write_xlsx(path, {SHEET: sheet})


def big_text(path: Path, megabytes: int) -> None:
    """A sheet holding one cell of `megabytes` MB of the same letter: a thousandth of that once
    packed (a 1 MB file that unpacks to 1 GB)."""
    parts = parts_of(ROSTERS / "pairs.xlsx")
    before, after = sheet_with(b"", b"@@").split(b"@@")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            if name != SHEET:
                out.writestr(name, data)
        with out.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(before)
            chunk = b"a" * MB
            for _ in range(megabytes):
                sheet.write(chunk)
            sheet.write(after)


def declared_3_gb(path: Path) -> None:
    """A sheet whose zip entry says it unpacks to 3 GB (a sparse entry: most of it never
    stored): the size is written in both headers, as a zip tool would."""
    write_xlsx(path, {SHEET: sheet_with(b"", b"Bo")})
    with zipfile.ZipFile(path) as z:
        local = z.getinfo(SHEET).header_offset
    data = bytearray(path.read_bytes())
    name = SHEET.encode()
    central = next(
        at
        for at in range(len(data))
        if data.startswith(b"PK\x01\x02", at) and data.startswith(name, at + 46)
    )
    size = struct.pack("<I", 3_000_000_000)
    data[local + 22 : local + 26] = size  # the local header's uncompressed size
    data[central + 24 : central + 28] = size  # the central directory's
    path.write_bytes(bytes(data))


def run_capped(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """`workshop-app ARGS` allowed MEMORY_CAP of memory, so a bomb that would exhaust the
    machine's shows as the child's MemoryError instead."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    return run(*args, data=data, preexec_fn=cap)


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "room"
    folder.mkdir()
    return make_workshop(folder / "room.workshop")


Maker = Callable[[Path, Path], None]
ATTACKS: dict[str, tuple[Maker, str]] = {
    "billion laughs in the sheet": (
        lambda p, s: billion_laughs(p),
        "is not a readable Excel workbook (limit on input amplification factor",
    ),
    "an external entity naming a file": (
        lambda p, s: external_entity(p, s),
        "is not a readable Excel workbook (undefined entity &x;",
    ),
    "a sheet cut short": (
        lambda p, s: malformed_sheet(p),
        "is not a readable Excel workbook (",
    ),
    "one cell at XFD1048576": (lambda p, s: far_cell(p), "has more than 100,000 rows"),
    "a 1 MB file that unpacks to 1 GB": (
        lambda p, s: big_text(p, 1024),
        "refused as a roster (it may be a zip bomb): its part xl/worksheets/sheet1.xml "
        "unpacks to 1024 MB",
    ),
    "a sheet packed 1000 to 1": (
        lambda p, s: big_text(p, 20),
        "times larger than it is packed; a part may unpack at most 100 times larger",
    ),
    "a 3 GB sparse entry": (lambda p, s: declared_3_gb(p), "unpacks to 2861 MB"),
}


SLOW = {"a 1 MB file that unpacks to 1 GB"}  # packing the gigabyte takes a while


@pytest.mark.parametrize(
    "kind", [pytest.param(k, marks=pytest.mark.slow) if k in SLOW else k for k in ATTACKS]
)
def test_a_hostile_xlsx_is_refused_in_one_line(
    room: Path, app_data: Path, tmp_path: Path, kind: str
) -> None:
    make, message = ATTACKS[kind]
    secret = tmp_path / "secret.txt"
    secret.write_text("the contents of a private file\n", encoding="utf-8")
    roster = room.parent / "roster.xlsx"
    make(roster, secret)
    before, roster_before = digest(room), digest(roster)
    listed = sorted(p.name for p in room.parent.iterdir())
    done = run_capped("import", str(room), str(roster), data=app_data)
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr[-2000:]
    assert lines[0].startswith(f"workshop-app: {roster.name} ")
    assert message in lines[0], lines[0]
    assert "private file" not in done.stdout + done.stderr
    assert digest(room) == before and digest(roster) == roster_before
    assert sorted(p.name for p in room.parent.iterdir()) == listed


def real_workbook(rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.slow
def test_a_real_5000_row_workbook_still_imports(tmp_path: Path, app_data: Path) -> None:
    with open(ROSTERS / "large_5000_participants.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    roster = tmp_path / "large.xlsx"
    roster.write_bytes(real_workbook(rows))
    room = tmp_path / "large.workshop"
    assert run("new", str(room), "--program", "P", "--organisation", "O", "--date",
               "2027-01-19", data=app_data).returncode == 0  # fmt: skip
    done = run("import", str(room), str(roster), "--dry-run", data=app_data)
    assert done.returncode == 0, done.stderr
    assert "5,000 participants to add" in done.stdout
