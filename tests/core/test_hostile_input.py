"""Hostile and extreme input: any Unicode, control characters and NUL, right-to-left text,
HTML, CSS and URLs, values of 100,000 characters, broken rosters.

Nothing crashes (the only exception is a `UserError` with a message for a person), nothing is
fetched, and what was typed comes back: exactly out of the workshop file, and as text out of
the printed charter (control characters dropped, whitespace as laid out).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from web_trap import recording_server

from workshop_app.core.charter_fields import CHARTER_COLUMNS
from workshop_app.core.charters import pdf_render
from workshop_app.core.charters.context import charter_context, clean
from workshop_app.core.charters.pdf_render import render_charter_pdf, template_dir
from workshop_app.core.demo import create_demo
from workshop_app.core.errors import UserError
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

TEXT_FIELDS = [f.name for f in CHARTER_COLUMNS if f.kind in ("text", "line")]
GOAL_PARTS = ("goal", "why", "measure", "first_steps")
WORKSHOP_TEXT = ("venue", "facilitator", "cohort", "sponsor_name", "endorsement")

# Fragments an attacker, a careless paste or another alphabet would bring. HOST is replaced by
# a local web server that records any request made to it.
SNIPPETS = (
    "<script>alert(1)</script>",
    '<img src="file:///etc/passwd">',
    '<img src="http://HOST/track.png">',
    '<link rel="stylesheet" href="http://HOST/evil.css">',
    "<style>body { display: none }</style>",
    "url(file:///etc/passwd) @import url(http://HOST/x.css);",
    "http://HOST/page https://example.com/logo.png file:///etc/hostname",
    '"><svg onload=alert(1)>',
    "{{ 7 * 7 }} {% raw %}",
    "&amp; &lt;b&gt; &#x41;",
    "Robert'); DROP TABLE charters;--",
    '=HYPERLINK("http://HOST/x","Click")',
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\x7f",
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "שלום",
    "مرحبا",
    "李小龍",
    "😀",
    "Zoë Łukasz Øre",
)
ANY_CHARACTER = st.characters(codec="utf-8", exclude_categories=("Cs",))  # NUL and Cc included
hostile_text = st.lists(
    st.one_of(st.sampled_from(SNIPPETS), st.text(ANY_CHARACTER, max_size=40)), max_size=8
).map("".join)

# For reading back out of a PDF: characters the shipped fonts draw and that extract as
# themselves, left to right (right-to-left text is checked word by word below), plus control
# characters, which the charter drops.
PRINTABLE = st.characters(
    min_codepoint=0x20,
    max_codepoint=0x4FF,
    categories=("Lu", "Ll", "Lo", "Nd", "Pc", "Pd", "Ps", "Pe", "Po", "Sm", "Sc", "Sk", "Zs"),
    exclude_characters="".join(chr(c) for c in range(0x2B0, 0x370)),  # modifier letters
)
LTR_SNIPPETS = tuple(s for s in SNIPPETS if not any("\u0590" <= c <= "\u08ff" for c in s))
printed_text = st.lists(
    st.one_of(
        st.sampled_from([s for s in LTR_SNIPPETS if s not in ("李小龍", "😀", "\u202e", "\u200f")]),
        st.text(PRINTABLE, min_size=1, max_size=30),
    ),
    min_size=1,
    max_size=6,
).map("".join)


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def wf(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkshopFile]:
    path = tmp_path_factory.mktemp("hostile") / "demo.workshop"
    create_demo(path).close()
    with WorkshopFile.open(path) as opened:
        yield opened


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkshopFile]:
    """A workshop of its own for printing: the header stays free of the other tests' text.

    (A character no font can draw prints as an empty box; pypdf then garbles the extracted
    text of the whole font, though poppler's pdftotext reads it fine, so the read-back test
    below types only what the fonts draw, and the fetch test does not read text back.)"""
    path = tmp_path_factory.mktemp("printed") / "demo.workshop"
    create_demo(path).close()
    with WorkshopFile.open(path) as opened:
        yield opened


@pytest.fixture(scope="module")
def web_server() -> Iterator[tuple[str, list[str]]]:
    with recording_server() as server:
        yield server


# The bidi controls no stored text keeps (they reversed what followed them); all else stays.
BIDI = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def kept(text: str) -> str:
    return text.translate(dict.fromkeys(map(ord, BIDI)))


def reread(wf: WorkshopFile) -> WorkshopFile:
    """A second, read-only view of the file (through the WAL), as `workshop-app info` gets."""
    return WorkshopFile.open(wf.path, readonly=True)


# -- charter fields: stored exactly as typed ---------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(TEXT_FIELDS),
    goal_part=st.sampled_from(GOAL_PARTS),
    workshop_field=st.sampled_from(WORKSHOP_TEXT),
    value=hostile_text,
    other=hostile_text,
)
@example(field="purpose", goal_part="goal", workshop_field="venue", value="\x00", other="\x00\x00")
def test_any_text_is_stored_as_typed_but_for_bidi_controls(
    wf: WorkshopFile, field: str, goal_part: str, workshop_field: str, value: str, other: str
) -> None:
    pair = wf.roster.pairs()[2].id
    wf.charters.set_field(pair, field, value)
    wf.charters.set_goal_part(pair, 2, goal_part, other)
    plan = wf.charters.add_plan(pair, scenario=value, plan=other)
    wf.set_workshop_field(workshop_field, other)
    for view in (wf, reread(wf)):
        charter = view.charters.charter(pair)
        assert charter.value(field) == kept(value)
        goal = next(g for g in charter.goals if g.position == 2)
        assert getattr(goal, goal_part) == kept(other)
        stored = next(p for p in charter.plans if p.id == plan.id)
        assert (stored.scenario, stored.plan) == (kept(value), kept(other))
        assert getattr(view.workshop(), workshop_field) == kept(other)
        if view is not wf:
            view.close()
    wf.charters.remove_plan(plan.id)


@settings(max_examples=40, deadline=None)
@given(name=hostile_text, title=hostile_text)
def test_any_text_in_a_participant_is_stored_trimmed(
    wf: WorkshopFile, name: str, title: str
) -> None:
    person = wf.roster.participants()[0]
    if not kept(name).strip():  # nothing left once stored (bidi controls alone, say)
        with pytest.raises(UserError, match="needs a name"):
            wf.roster.update_participant(person.id, name=name)
        return
    wf.roster.update_participant(person.id, name=name, title=title)
    with reread(wf) as view:
        stored = view.roster.participant(person.id)
    assert (stored.name, stored.title) == (kept(name).strip(), kept(title).strip())


def test_a_broken_surrogate_from_a_paste_is_saved_not_crashed_on(wf: WorkshopFile) -> None:
    """Python strings can hold half of a UTF-16 pair (some clipboards hand them over); SQLite
    cannot. The half becomes U+FFFD, a whole pair split in two is joined again."""
    pair = wf.roster.pairs()[2].id
    wf.charters.set_field(pair, "purpose", "before \ud800 after")
    assert wf.charters.charter(pair).value("purpose") == "before \ufffd after"
    wf.charters.set_field(pair, "meeting_place", "smile \ud83d\ude00")
    assert wf.charters.charter(pair).value("meeting_place") == "smile 😀"
    wf.charters.set_goal_part(pair, 1, "why", "\udfff")
    wf.charters.add_plan(pair, scenario="\ud800", plan="x")
    wf.set_workshop_field("venue", "Room \udc00")
    wf.roster.update_participant(wf.roster.participants()[0].id, title="\ud800")
    wf.charters.sign(pair, mentor="Ana \ud800", mentee="Bo")
    assert wf.charters.signoffs(pair)[-1].name in ("Ana \ufffd", "Bo")


LONG = "".join(
    itertools.islice(itertools.cycle("Long answer, line one.\nשלום \x00 <b>x</b> 😀 "), 100_000)
)


def test_a_100000_character_value_is_stored_whole(wf: WorkshopFile) -> None:
    pair = wf.roster.pairs()[3].id
    wf.charters.set_field(pair, "mentor_commitments", LONG)
    wf.charters.set_goal_part(pair, 1, "first_steps", LONG)
    wf.charters.add_plan(pair, scenario="When it is long", plan=LONG)
    with reread(wf) as view:
        charter = view.charters.charter(pair)
        assert charter.value("mentor_commitments") == LONG
        assert next(g for g in charter.goals if g.position == 1).first_steps == LONG
        assert charter.plans[-1].plan == LONG
        assert view.history(pair_id=pair, limit=3)[-1].new_value is not None


def test_a_100000_character_value_prints_whole(printed: WorkshopFile) -> None:
    wf = printed
    pair = wf.roster.pairs()[4].id
    words = " ".join(f"w{i:05d}" for i in range(16_700))[:100_000]
    wf.charters.set_field(pair, "purpose", words)
    pdf = render_charter_pdf(charter_context(wf, pair))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 10
    # Page headers and footers come between the pages' text: compare the words, in order.
    assert re.findall(r"w\d+", text_of(pdf)) == re.findall(r"w\d+", words)


# -- the printed charter: what was typed comes back as text, nothing is fetched ----------------


def allowed(url: str) -> bool:
    if url.startswith("data:"):
        return True
    if url.startswith("file:"):
        return Path(url.removeprefix("file://")).resolve().is_relative_to(template_dir())
    return False


def render_recording(wf: WorkshopFile, pair: str) -> tuple[bytes, list[str]]:
    """The charter's PDF, and every URL WeasyPrint asked the fetcher for."""
    requested: list[str] = []
    real_fetch = pdf_render.fetch_resource

    def recording(url: str) -> tuple[bytes, str]:
        requested.append(url)
        return real_fetch(url)

    with mock.patch.object(pdf_render, "fetch_resource", recording):
        pdf = render_charter_pdf(charter_context(wf, pair))
    return pdf, requested


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(purpose=printed_text, goal=printed_text, plan=printed_text)
def test_typed_text_comes_back_out_of_the_pdf(
    printed: WorkshopFile, purpose: str, goal: str, plan: str
) -> None:
    assume(compact(clean(purpose)) and compact(clean(goal)) and compact(clean(plan)))
    pair = printed.roster.pairs()[5].id
    printed.charters.set_field(pair, "purpose", purpose)
    printed.charters.set_goal_part(pair, 1, "goal", goal)
    added = printed.charters.add_plan(pair, scenario="If it goes wrong", plan=plan)
    pdf, requested = render_recording(printed, pair)
    printed.charters.remove_plan(added.id)
    assert all(allowed(u) for u in requested), requested
    text = compact(text_of(pdf))
    for typed in (purpose, goal, plan):
        assert compact(clean(typed)) in text


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(hostile_text, min_size=4, max_size=4))
def test_hostile_text_anywhere_fetches_nothing(
    printed: WorkshopFile, web_server: tuple[str, list[str]], values: list[str]
) -> None:
    host, hits = web_server
    values = [v.replace("HOST", host) for v in values]
    pair = printed.roster.pairs()[7].id
    printed.charters.set_field(pair, "purpose", values[0])
    printed.charters.set_field(pair, "meeting_place", values[1])
    printed.charters.set_goal_part(pair, 1, "measure", values[2])
    added = printed.charters.add_plan(pair, scenario=values[3], plan=values[0])
    mentor = printed.roster.pair(pair).mentor_id
    old_title = printed.roster.participant(mentor).title
    printed.roster.update_participant(mentor, title=values[3])
    try:
        pdf, requested = render_recording(printed, pair)
    finally:
        printed.charters.remove_plan(added.id)
        printed.roster.update_participant(mentor, title=old_title)
    assert pdf.startswith(b"%PDF-")
    assert [u for u in requested if not allowed(u)] == []
    assert hits == []


def test_right_to_left_text_prints_word_by_word(printed: WorkshopFile) -> None:
    wf = printed
    pair = wf.roster.pairs()[6].id
    typed = {
        "purpose": "שלום עולם זה טקסט בעברית",
        "mentor_commitments": "مرحبا بالعالم هذا نص عربي",
        "mentee_commitments": "Mixed: English then עברית then العربية and back",
        "meeting_place": "\u202eevil.exe\u202c reversed by an override",
    }
    for name, value in typed.items():
        wf.charters.set_field(pair, name, value)
    assert {n: wf.charters.charter(pair).value(n) for n in typed} == {
        n: kept(v) for n, v in typed.items()
    }  # the override is dropped: "evil.exe" reads as typed
    printed = text_of(render_charter_pdf(charter_context(wf, pair)))
    for value in typed.values():
        for word in re.findall(r"\w+", value):
            assert word in printed or word[::-1] in printed, word


# -- the roster importer ------------------------------------------------------------------------

_serial = itertools.count(1)


def one_line(text: str) -> str:
    """What the importer promises for one-line fields: control characters and runs of
    whitespace become one space, and the ends are trimmed."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]+", " ", text).split())


# Without NUL: a CSV with one is refused as binary, which the test makes happen now and then.
roster_cell = hostile_text.map(lambda text: text.replace("\x00", ""))
roster_name = st.one_of(
    roster_cell.map(lambda text: "Name " + text),
    roster_cell.map(lambda text: "Name " + text),
    roster_cell,  # may be blank once cleaned: a problem
)
rarely = st.sampled_from([False] * 9 + [True])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.tuples(roster_name, roster_cell, roster_cell, roster_cell, rarely),
        min_size=1,
        max_size=6,
    ),
    nul=rarely,
    long_value=st.one_of(st.none(), st.text(ANY_CHARACTER, min_size=195, max_size=260)),
)
def test_hostile_roster_imports_exactly_or_is_refused_clearly(
    wf: WorkshopFile,
    tmp_path_factory: pytest.TempPathFactory,
    rows: list,
    nul: bool,
    long_value: str | None,
) -> None:
    folder = tmp_path_factory.mktemp("roster")
    path = folder / "roster.csv"
    records = []
    for name, title, department, manager, bad_email in rows:
        n = next(_serial)
        for role in ("Mentor", "Mentee"):
            email = f"{role.lower()}.{n}@hostile.example"
            if bad_email and role == "Mentee":
                email = f"{name}@"  # not an address, whatever the name holds
            records.append([role, name, email, title, department, manager, f"H{n}"])
    if nul:
        records[-1][3] += "\x00"
    if long_value is not None:  # around the 200-character limit
        records[0][4] = long_value.replace("\x00", "")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["Role", "Name", "Email", "Title", "Department", "Manager", "Pair"])
    writer.writerows(records)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    people = len(wf.roster.participants())
    try:
        plan = plan_import(wf, path)
    except UserError as exc:
        assert "\x00" in buffer.getvalue() and "binary data" in exc.message
        event("refused: NUL in a CSV")
        return
    assert all("\n" not in str(problem) for problem in plan.problems)
    if plan.problems:
        event("problems listed, nothing imported")
        with pytest.raises(UserError):
            apply_import(wf, plan)
        assert len(wf.roster.participants()) == people  # all or nothing
        return
    event("imported")
    apply_import(wf, plan)
    with reread(wf) as view:
        for role, name, email, title, department, manager, _ in records:
            person = view.roster.participant_by_email(email)
            assert person is not None and person.role == role.lower()
            assert person.name == one_line(name)
            assert (person.title, person.department, person.manager) == (
                one_line(title),
                one_line(department),
                one_line(manager),
            )


def test_a_100000_character_roster_cell_is_a_problem_not_a_crash(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    path = tmp_path / "long.csv"
    long_name = "N" * 100_000
    path.write_text(
        "Role,Name,Email,Department,Pair\n"
        f"Mentor,{long_name},long.mentor@x.example,Ops,L1\n"
        f"Mentee,Bo,long.mentee@x.example,{'D' * 100_000},L1\n",
        encoding="utf-8",
    )
    plan = plan_import(wf, path)
    problems = [str(p) for p in plan.problems]
    assert any("row 2, column 'Name': the name is longer than 200" in p for p in problems)
    assert any("row 3, column 'Department'" in p for p in problems)
    assert all(len(p) < 300 for p in problems)  # the value itself is not echoed


@settings(max_examples=80, deadline=None)
@given(
    head=st.sampled_from(
        [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"Role,Name,Email\n"]
    ),
    body=st.binary(max_size=2000),
    suffix=st.sampled_from([".csv", ".xlsx", ".txt"]),
)
@example(head=b"\xff\xfe", body="Role,Name\n".encode("utf-16-le") + b"\x00", suffix=".csv")
@example(head=b"\xef\xbb\xbf", body=b"Role,Name\n\xff\xfe", suffix=".csv")
def test_any_bytes_as_a_roster_give_a_plan_or_a_user_error(
    wf: WorkshopFile,
    tmp_path_factory: pytest.TempPathFactory,
    head: bytes,
    body: bytes,
    suffix: str,
) -> None:
    path = tmp_path_factory.mktemp("bytes") / f"roster{suffix}"
    path.write_bytes(head + body)
    try:
        plan = plan_import(wf, path)
    except UserError as exc:
        assert exc.message and "\n" not in exc.message
        return
    assert all("\n" not in str(problem) for problem in plan.problems)


# -- no network, end to end -----------------------------------------------------------------

GUARD = """
import os, socket

_log = os.environ["NETWORK_ATTEMPTS_LOG"]


def _refuse(what):
    with open(_log, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {what}\\n")
    raise OSError("network access attempted (refused by the test)")


_connect = socket.socket.connect


def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _refuse(f"connect {address!r}")
    return _connect(self, address)


socket.socket.connect = connect
socket.socket.connect_ex = lambda self, address: connect(self, address) or 0
socket.getaddrinfo = lambda *args, **kwargs: _refuse(f"getaddrinfo {args!r}")
socket.create_connection = lambda address, *a, **k: _refuse(f"create_connection {address!r}")
"""


def test_the_app_opens_no_network_connection_whatever_the_charters_hold(
    tmp_path: Path, app_data: Path
) -> None:
    """Every Python process the commands start (render workers included) loads a guard that
    records and refuses any internet connection or name lookup. Printing charters full of
    URLs and exporting everything, the record stays empty."""
    import os
    import subprocess
    import sys

    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "attempts.log"
    path = tmp_path / "room.workshop"
    with create_demo(path) as wf:
        for pair in wf.roster.pairs()[4:]:
            wf.roster.break_pair(pair.id)  # four pairs print faster than twelve
        for n, pair in enumerate(wf.roster.pairs()):
            url = "http://192.0.2.1:8080/track.png"  # TEST-NET: never routable
            wf.charters.set_field(pair.id, "purpose", f'<img src="{url}"> {url} #{n}')
            wf.charters.set_field(
                pair.id, "boundaries", "@import url(https://example.com/x.css); file:///etc/passwd"
            )
            wf.charters.set_goal_part(pair.id, 1, "goal", f"See https://example.com/{n}")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(guard), os.environ.get("PYTHONPATH", "")]),
        "NETWORK_ATTEMPTS_LOG": str(log),
        "WORKSHOP_APP_DATA_DIR": str(app_data),
    }
    commands = [
        ["info", str(path)],
        ["charters", str(path), "--out", str(tmp_path / "pdf"), "--combined", "--summary"],
        ["export", str(path), "--format", "archive", "--out", str(tmp_path / "archive.zip"),
         "--include-confidential"],
        ["export", str(path), "--format", "xlsx", "--out", str(tmp_path / "records.xlsx")],
    ]  # fmt: skip
    # The guard itself works: a connection attempt is recorded and refused.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode != 0 and "refused by the test" in probe.stderr
    assert log.read_text(encoding="utf-8").count("create_connection") == 1
    log.unlink()
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-m", "workshop_app", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, (command, done.stderr)
    assert not log.exists(), log.read_text(encoding="utf-8")


def test_bidi_controls_are_never_stored_in_roster_charter_or_check_in_text(
    wf: WorkshopFile, tmp_path: Path
) -> None:
    """U+202E in a name or an answer reversed what followed it on screen and in the PDFs."""
    from workshop_app.core.followup.checkin_import import apply_checkins, plan_table
    from workshop_app.core.followup.survey_read import read_survey

    person = wf.roster.participants()[0]
    wf.roster.update_participant(person.id, name="Ana \u202eevil", title=f"Lead{BIDI} nurse")
    pair = wf.roster.pairs()[2]
    wf.charters.set_field(pair.id, "purpose", "Grow \u2067confidence\u2069 \u202dnow")
    wf.charters.set_goal_part(pair.id, 1, "goal", "\u202aLead\u202c the team")
    mentor = wf.roster.participant(pair.mentor_id)
    export = tmp_path / "check-in.csv"
    export.write_text(
        "Timestamp,Email Address,Your pair code,Anything else?\n"
        f"1/19/2027 14:03:22,{mentor.email},{pair.code},Fine \u202eenoD\n",
        encoding="utf-8",
    )
    from datetime import date

    plan = plan_table(wf, read_survey(export), today=date(2027, 6, 1))
    assert plan.ok, plan.problems
    apply_checkins(wf, plan)
    with reread(wf) as view:
        stored = view.roster.participant(person.id)
        assert (stored.name, stored.title) == ("Ana evil", "Lead nurse")
        charter = view.charters.charter(pair.id)
        assert charter.value("purpose") == "Grow confidence now"
        assert next(g for g in charter.goals if g.position == 1).goal == "Lead the team"
        (comment,) = view.conn.execute("SELECT comment FROM checkins").fetchone()
        assert comment == "Fine enoD"
