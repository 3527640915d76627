"""A full disk, a failing disk or no permission, on save and on export: a clear message,
nothing already saved is lost, and the app goes on working once the problem is gone.

No test here needs privileges. Three real mechanisms stand in for a full disk:
- `PRAGMA max_page_count`: SQLite itself refuses to grow the file and raises exactly what a
  full disk raises (SQLITE_FULL, "database or disk is full");
- `RLIMIT_FSIZE` in a child process (POSIX): the kernel refuses writes past a size, so SQLite
  and the exports meet a genuine write error in the middle of their work;
- `PRAGMA query_only`: SQLite refuses writes as for a read-only file (SQLITE_READONLY).
Where the errno matters (ENOSPC, EACCES), it is injected at the call that would fail.
"""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.core import temp_files
from workshop_app.core.demo import create_demo
from workshop_app.core.errors import UserError
from workshop_app.core.exports.formats import export_workshop
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

BIG = "A long answer that needs new pages. " * 3000  # about 100 KB

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "room" / "demo.workshop"
    path.parent.mkdir()
    create_demo(path).close()
    return path


def fill_the_disk(wf: WorkshopFile) -> None:
    """From now on the file cannot grow by a single page, as on a full disk."""
    (pages,) = wf.conn.execute("PRAGMA page_count").fetchone()
    wf.conn.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(wf: WorkshopFile) -> None:
    wf.conn.execute("PRAGMA max_page_count = 1073741823")


def _roster(folder: Path) -> Path:
    path = folder / "late-arrivals.csv"
    lines = ["Role,Name,Email,Department,Pair"]
    for i in range(300):
        lines.append(f"Mentor,Late Mentor {i},late.mentor{i}@x.example,{'Ops ' * 40},L{i}")
        lines.append(f"Mentee,Late Mentee {i},late.mentee{i}@x.example,{'Fin ' * 40},L{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


EDITS = {
    "a charter field": lambda wf, pair, tmp: wf.charters.set_field(pair, "purpose", BIG),
    "a goal": lambda wf, pair, tmp: wf.charters.set_goal_part(pair, 3, "first_steps", BIG),
    "a new plan": lambda wf, pair, tmp: wf.charters.add_plan(pair, scenario="If", plan=BIG),
    "a workshop field": lambda wf, pair, tmp: wf.set_workshop_field("venue", BIG),
    "a roster import": lambda wf, pair, tmp: apply_import(wf, plan_import(wf, _roster(tmp))),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_full_disk_refuses_the_edit_and_keeps_what_was_saved(
    demo: Path, tmp_path: Path, edit: str
) -> None:
    with WorkshopFile.open(demo) as wf:
        pair = wf.roster.pairs()[0].id
        wf.charters.set_field(pair, "meeting_place", "Saved before the disk filled up")
        people = len(wf.roster.participants())
        plans = len(wf.charters.plans(pair))
        fill_the_disk(wf)
        with pytest.raises(UserError) as caught:
            EDITS[edit](wf, pair, tmp_path)
        assert caught.value.message == (
            "The disk holding demo.workshop is full: the last change was not saved."
        )
        # Nothing of the refused change went in, all of what was saved is there.
        assert not wf.conn.in_transaction
        assert wf.charters.charter(pair).value("meeting_place") == (
            "Saved before the disk filled up"
        )
        assert BIG not in (wf.charters.charter(pair).value("purpose"), wf.workshop().venue)
        assert len(wf.roster.participants()) == people
        assert len(wf.charters.plans(pair)) == plans
        # Once there is room again, the same edit saves without reopening anything.
        free_the_disk(wf)
        EDITS[edit](wf, pair, tmp_path)
    with WorkshopFile.open(demo, readonly=True) as wf:
        assert wf.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert wf.charters.charter(pair).value("meeting_place") == (
            "Saved before the disk filled up"
        )
        assert len(wf.roster.participants()) >= people


def test_no_permission_on_save_keeps_what_was_saved(demo: Path) -> None:
    """The file turns read-only under the open app (a share's rights changed, a memory stick's
    write-protect switch): each refused edit says so; nothing saved goes."""
    with WorkshopFile.open(demo) as wf:
        pair = wf.roster.pairs()[0].id
        wf.charters.set_field(pair, "purpose", "Saved while it could be written")
        wf.conn.execute("PRAGMA query_only = ON")
        with pytest.raises(UserError, match=r"demo\.workshop cannot be written \(read-only"):
            wf.charters.set_field(pair, "purpose", "refused")
        person = wf.roster.participants()[0]
        with pytest.raises(UserError, match="cannot be written"):
            wf.roster.set_attendance(person.id, None if person.present else True)
        assert wf.charters.charter(pair).value("purpose") == "Saved while it could be written"
        wf.conn.execute("PRAGMA query_only = OFF")
    with WorkshopFile.open(demo, readonly=True) as wf:
        assert wf.charters.charter(pair).value("purpose") == "Saved while it could be written"


CHILD_EDITS = textwrap.dedent("""
    import resource, sys
    from workshop_app.core.errors import UserError
    from workshop_app.core.store.workshop_file import WorkshopFile

    wf = WorkshopFile.open(sys.argv[1])
    pair = wf.roster.pairs()[0].id
    # From here on no file may grow past this size: the disk is full.
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    for i in range(1000):
        try:
            wf.charters.set_field(pair, "purpose", f"edit {i} " + "x" * 20000)
        except UserError as exc:
            print("refused", exc.message, flush=True)
            break
        print("saved", i, flush=True)
    else:
        raise SystemExit("the limit was never reached")
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    wf.charters.set_field(pair, "meeting_place", "saved once there was room again")
    print("saved after", flush=True)
    wf.close()
""")


@posix_only
def test_a_real_write_failure_in_the_middle_of_editing(demo: Path) -> None:
    limit = demo.stat().st_size + 150_000
    done = subprocess.run(
        [sys.executable, "-c", CHILD_EDITS, str(demo), str(limit)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    saved = [
        int(line.split()[1])
        for line in lines
        if line.startswith("saved ") and line.split()[1].isdigit()
    ]
    refused = [line for line in lines if line.startswith("refused")]
    assert saved and len(refused) == 1, lines
    message = refused[0].removeprefix("refused ")
    assert message.startswith("demo.workshop could not be written"), message
    assert "the last change was not saved" in message
    assert lines[-1] == "saved after"
    with WorkshopFile.open(demo) as wf:
        assert wf.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        charter = wf.charters.charter(wf.roster.pairs()[0].id)
        assert charter.value("purpose").startswith(f"edit {saved[-1]} ")
        assert charter.value("meeting_place") == "saved once there was room again"


# -- exports -------------------------------------------------------------------------------


def test_a_full_disk_while_writing_an_export_leaves_nothing_and_keeps_the_old_file(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "records.json").write_text("last week's export", encoding="utf-8")
    real_write_bytes = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.parent == out:
            real_write_bytes(self, data[: len(data) // 2])  # the first half made it
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write_bytes(self, data)

    with WorkshopFile.open(demo) as wf:  # exported from the open app, as staff do
        pair = wf.roster.pairs()[0].id
        wf.charters.set_field(pair, "purpose", "Saved before exporting")
        monkeypatch.setattr(Path, "write_bytes", full)
        with pytest.raises(UserError, match=r"The disk is full: nothing was written to .*json"):
            export_workshop(wf, format="json", out=out / "records.json")
        monkeypatch.undo()
        assert sorted(p.name for p in out.iterdir()) == ["records.json"]
        assert (out / "records.json").read_text(encoding="utf-8") == "last week's export"
        wf.charters.set_field(pair, "purpose", "Still editing after the failed export")
    with WorkshopFile.open(demo, readonly=True) as wf:
        assert wf.charters.charter(pair).value("purpose") == "Still editing after the failed export"


def test_no_permission_to_write_the_export(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()

    def refusing_in_out(make: Callable[[Path, str], Path]) -> Callable[[Path, str], Path]:
        def make_unless_in_out(folder: Path, name: str) -> Path:
            if Path(folder) == out:
                raise PermissionError(errno.EACCES, "Permission denied")
            return make(folder, name)

        return make_unless_in_out

    for name in ("new_file", "new_folder"):
        monkeypatch.setattr(temp_files, name, refusing_in_out(getattr(temp_files, name)))
    with WorkshopFile.open(demo, readonly=True) as wf:
        for fmt, name in (("json", "r.json"), ("csv", "r"), ("xlsx", "r.xlsx")):
            with pytest.raises(UserError, match="You do not have permission to write in"):
                export_workshop(wf, format=fmt, out=out / name)
    assert list(out.iterdir()) == []


def run_cli(*args: str, data: Path, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(data), "PYTHONDONTWRITEBYTECODE": "1"}
    prefix: list[str] = []
    if limit is not None:  # the file-size limit is set in the child, after Python started
        code = (
            "import resource, runpy, sys;"
            f" resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.RLIM_INFINITY));"
            " sys.argv = ['workshop-app', *sys.argv[1:]];"
            " runpy.run_module('workshop_app', run_name='__main__')"
        )
        prefix = ["-c", code]
    else:
        prefix = ["-m", "workshop_app"]
    return subprocess.run(
        [sys.executable, *prefix, *args], capture_output=True, text=True, env=env, timeout=180
    )


@posix_only
@pytest.mark.parametrize(
    "args",
    [
        ("export", "{file}", "--format", "json", "--out", "{out}/records.json"),
        ("export", "{file}", "--format", "xlsx", "--out", "{out}/records.xlsx"),
        ("export", "{file}", "--format", "csv", "--out", "{out}/records.zip"),
        ("export", "{file}", "--format", "csv", "--out", "{out}/records"),
        ("export", "{file}", "--format", "ics", "--out", "{out}/meetings.ics", "--timezone", "UTC"),
        ("charters", "{file}", "--out", "{out}", "--pair", "P02"),
        ("relaunch", "{file}", "--out", "{out}/re-launch.workshop", "--date", "2027-06-08"),
    ],
    ids=["json", "xlsx", "csv zip", "csv folder", "ics", "charter pdf", "relaunch"],
)
def test_a_real_full_disk_on_export_and_print(
    demo: Path, tmp_path: Path, app_data: Path, args: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    command = [a.format(out=out, file=demo) for a in args]
    before = digest(demo)
    done = run_cli(*command, data=app_data, limit=2048)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert any(words in lines[0] for words in ("File too large", "disk is full", "disk refused"))
    assert "nothing was written" in lines[0] or args[0] == "charters"
    assert list(out.iterdir()) == []  # no partial or temporary file left
    assert digest(demo) == before
    # The same command with room to write succeeds.
    assert run_cli(*command, data=app_data).returncode == 0


@posix_only
def test_no_permission_on_the_export_folder_for_real(
    demo: Path, tmp_path: Path, app_data: Path
) -> None:
    if os.geteuid() == 0:
        probe = subprocess.run(["unshare", "-U", "true"], capture_output=True, check=False)
        if probe.returncode != 0:
            pytest.skip("root without user namespaces: see the injected variant above")
        prefix = ["unshare", "-U"]
    else:
        prefix = []
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(app_data), "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "workshop_app", "export", str(demo),
             "--format", "json", "--out", str(out / "r.json")],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
    finally:
        out.chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1
    assert "You do not have permission to write in" in done.stderr
    assert list(out.iterdir()) == []
