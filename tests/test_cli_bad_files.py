"""A corpus of bad workshop files, run through the real `workshop-app info` and `import`.

Every one gets exit status 1 and one line on stderr that names the file (no traceback), its
bytes stay exactly as they were, and nothing is left beside it. Files the app may read but not
write (read-only, in a read-only folder, open in another instance) are still shown by `info`;
`import` refuses them.

Tests run as root in CI, and root ignores file modes, so read-only files and folders are
simulated by injecting the operating system's refusal in-process (`cli.main`). The genuine
chmod variant runs too: directly when the tests are not root, else in a user namespace
(`unshare -U`) where the kernel allows one, and is skipped only where neither is possible.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_runner import run, unprivileged

from workshop_app import cli
from workshop_app.core.demo import create_demo
from workshop_app.core.store import file_check, file_lock
from workshop_app.core.store.schema import schema_version

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of an intact 12-pair workshop (about 70 pages)."""
    path = tmp_path_factory.mktemp("good") / "demo.workshop"
    create_demo(path).close()
    return path.read_bytes()


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roster") / "roster.csv"
    path.write_text(
        "Role,Name,Email,Pair\nMentor,Ada Byron,ada@x.example,Q1\nMentee,Bo Li,bo@x.example,Q1\n",
        encoding="utf-8",
    )
    return path


# -- the corpus: each maker writes a bad file from the good bytes -----------------------------


def _sqlite(path: Path, script: str, good: bytes | None = None) -> None:
    if good is not None:
        path.write_bytes(good)
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()


def _garbage_page(good: bytes, page: int) -> bytes:
    data = bytearray(good)
    data[page * PAGE : (page + 1) * PAGE] = random.Random(page).randbytes(PAGE)
    return bytes(data)


Maker = Callable[[Path, bytes], None]
CORPUS: dict[str, tuple[Maker, str]] = {
    "empty": (lambda p, g: p.write_bytes(b""), "is empty"),
    "text": (lambda p, g: p.write_text("program,pairs\nx,1\n"), "not a SQLite database"),
    "random bytes": (
        lambda p, g: p.write_bytes(random.Random(1).randbytes(3 * PAGE)),
        "not a SQLite database",
    ),
    "magic then nothing": (lambda p, g: p.write_bytes(g[:40]), "cut short"),
    "truncated at 100 bytes": (lambda p, g: p.write_bytes(g[:100]), "damaged"),
    "truncated to one page": (lambda p, g: p.write_bytes(g[:PAGE]), "damaged"),
    "truncated at half": (lambda p, g: p.write_bytes(g[: len(g) // 2]), "damaged"),
    "truncated mid-page": (lambda p, g: p.write_bytes(g[: len(g) // 2 + 1000]), "damaged"),
    "all but one page": (lambda p, g: p.write_bytes(g[:-PAGE]), "damaged"),
    "garbage page 2 (a table's root)": (
        lambda p, g: p.write_bytes(_garbage_page(g, 1)),
        "damaged",
    ),
    "garbage page in the middle": (
        lambda p, g: p.write_bytes(_garbage_page(g, len(g) // PAGE // 2)),
        "damaged",
    ),
    "zeroed page in the middle": (
        lambda p, g: p.write_bytes(
            g[: len(g) // 2 // PAGE * PAGE] + bytes(PAGE) + g[len(g) // 2 // PAGE * PAGE + PAGE :]
        ),
        "damaged",
    ),
    "another SQLite database": (
        lambda p, g: _sqlite(p, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');"),
        "SQLite database but not a workshop",
    ),
    "newer schema version": (
        lambda p, g: _sqlite(p, f"PRAGMA user_version = {schema_version() + 3};", g),
        "newer version",
    ),
    "creation interrupted (no workshop record)": (
        lambda p, g: _sqlite(p, "DELETE FROM workshop;", g),
        "incomplete",
    ),
    # A newer app's migration that left `user_version` as it was: refused for reading too.
    "migration from a newer app": (
        lambda p, g: _sqlite(
            p,
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('workshop', '0999_from_the_future', '2031-01-01');",
            g,
        ),
        "was saved by a newer version",
    ),
}


def assert_refused(done: subprocess.CompletedProcess[str], path: Path, message: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("workshop-app: ")
    assert path.name in lines[0]
    assert message in lines[0]
    assert done.stdout == ""


@pytest.mark.parametrize("kind", list(CORPUS))
def test_bad_file_is_refused_by_info_and_import(
    tmp_path: Path, app_data: Path, good: bytes, roster: Path, kind: str
) -> None:
    make, message = CORPUS[kind]
    folder = tmp_path / "room"
    folder.mkdir()
    path = folder / "bad.workshop"
    make(path, good)
    before, beside = digest(path), listing(folder)
    for command in [("info", str(path)), ("import", str(path), str(roster))]:
        assert_refused(run(*command, data=app_data), path, message)
        assert digest(path) == before, command
        assert listing(folder) == beside, command
    assert not list(app_data.rglob("*.workshop"))  # not even backed up


def test_a_newer_apps_migration_is_refused_by_every_reader(
    tmp_path: Path, app_data: Path, good: bytes
) -> None:
    """As the README says: a file a newer app changed is refused, by `export` and `merge`
    too, since this app would misread what that migration changed."""
    make, message = CORPUS["migration from a newer app"]
    folder = tmp_path / "room"
    folder.mkdir()
    path = folder / "newer.workshop"
    make(path, good)
    other = folder / "other.workshop"
    other.write_bytes(good)
    out = tmp_path / "out"
    out.mkdir()
    before, beside = digest(path), listing(folder)
    for command in [
        ("export", str(path), "--format", "json", "--out", str(out / "staff.json")),
        ("charters", str(path), "--out", str(out)),
        ("merge", str(out / "launch.workshop"), str(other), str(path)),
    ]:
        assert_refused(run(*command, data=app_data), path, message)
        assert digest(path) == before, command
        assert listing(folder) == beside, command
        assert list(out.iterdir()) == [], command


# -- read but not written: open elsewhere, read-only file, read-only folder ---------------------


@pytest.fixture
def intact(tmp_path: Path, good: bytes) -> Path:
    folder = tmp_path / "room"
    folder.mkdir()
    path = folder / "room.workshop"
    path.write_bytes(good)
    return path


@pytest.fixture
def open_elsewhere(intact: Path) -> Iterator[Path]:
    """`intact`, held open for writing by another instance of the app."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from workshop_app.core.store.workshop_file import WorkshopFile as W;"
            f" w = W.open({str(intact)!r}); print('open', flush=True); sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    yield intact
    child.communicate("done\n", timeout=30)


def test_file_open_in_another_instance(open_elsewhere: Path, app_data: Path, roster: Path) -> None:
    path = open_elsewhere
    before, beside = digest(path), listing(path.parent)
    shown = run("info", str(path), data=app_data)
    assert shown.returncode == 0, shown.stderr  # reading while the app has it open is fine
    assert "P12" in shown.stdout
    done = run("import", str(path), str(roster), data=app_data)
    assert_refused(done, path, "is already open in workshop-app (process")
    assert "Close it there first" in done.stderr
    assert digest(path) == before
    assert listing(path.parent) == beside


def run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def read_only_file(intact: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """As if `chmod a-w` had been applied to the workshop file."""
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == intact and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(file_check.os, "access", access)
    return intact


@pytest.fixture(params=[errno.EACCES, errno.EROFS], ids=["no permission", "read-only disk"])
def read_only_folder(
    intact: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Path:
    """As if the workshop's folder could not be written (mode 555, or a read-only mount):
    the OS refuses to create anything in it."""
    code = request.param
    real_access = os.access
    real_open = os.open

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) in (intact, intact.parent) and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    def refusing_open(file: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if Path(file).parent == intact.parent:
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(file_check.os, "access", access)
    monkeypatch.setattr(file_lock.os, "open", refusing_open)
    return intact


def assert_readable_not_writable(
    path: Path, capsys: pytest.CaptureFixture[str], roster: Path
) -> None:
    before, beside = digest(path), listing(path.parent)

    code, out, err = run_in_process(capsys, "info", str(path))
    assert code == 0, err  # reading needs no write access
    assert "P12" in out

    code, out, err = run_in_process(capsys, "import", str(path), str(roster))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert path.name in lines[0] and "read-only" in lines[0]
    assert digest(path) == before
    assert listing(path.parent) == beside


def test_read_only_file(
    read_only_file: Path, capsys: pytest.CaptureFixture[str], roster: Path
) -> None:
    assert_readable_not_writable(read_only_file, capsys, roster)


def test_read_only_folder(
    read_only_folder: Path, capsys: pytest.CaptureFixture[str], roster: Path
) -> None:
    assert_readable_not_writable(read_only_folder, capsys, roster)


def test_lock_refused_by_the_os_gives_a_clear_message(
    intact: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], roster: Path
) -> None:
    """If the folder looks writable but creating the lock file fails anyway (a network share,
    a disk that went read-only), the message still names the file and says why."""
    real_open = os.open

    def refusing_open(file: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if str(file).endswith(".lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(file_lock.os, "open", refusing_open)
    before, beside = digest(intact), listing(intact.parent)
    code, _, err = run_in_process(capsys, "import", str(intact), str(roster))
    assert code == 1
    assert err.count("\n") == 1 and intact.name in err and "Read-only file system" in err
    assert digest(intact) == before
    assert listing(intact.parent) == beside


def run_unprivileged(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*unprivileged(), sys.executable, "-m", "workshop_app", *args],
        capture_output=True,
        text=True,
        env={**env, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
    )


def test_read_only_file_for_real(intact: Path, app_data: Path, roster: Path) -> None:
    intact.chmod(0o444)
    before, beside = digest(intact), listing(intact.parent)
    assert run_unprivileged("info", str(intact), data=app_data).returncode == 0
    done = run_unprivileged("import", str(intact), str(roster), data=app_data)
    assert_refused(done, intact, "read-only")
    assert digest(intact) == before
    assert listing(intact.parent) == beside


def test_read_only_folder_for_real(intact: Path, app_data: Path, roster: Path) -> None:
    folder = intact.parent
    folder.chmod(0o555)
    try:
        before, beside = digest(intact), listing(folder)
        assert run_unprivileged("info", str(intact), data=app_data).returncode == 0
        done = run_unprivileged("import", str(intact), str(roster), data=app_data)
        assert_refused(done, intact, "read-only")
        assert digest(intact) == before
        assert listing(folder) == beside
    finally:
        folder.chmod(0o755)


# -- a damaged schema: sqlite_master edited by hand (PRAGMA writable_schema) --------------------


def _edit_schema(path: Path, good: bytes, statement: str) -> None:
    _sqlite(path, f"PRAGMA writable_schema = ON; {statement}; PRAGMA writable_schema = OFF;", good)


SCHEMA_DAMAGE: dict[str, tuple[str, str]] = {
    # SQLite's error quotes the rest of the table's SQL from the stray quote: 9 lines.
    "a quote left open in a table's SQL": (
        "UPDATE sqlite_master SET sql = replace(sql, 'DEFAULT 1,', 'DEFAULT ''1,')"
        " WHERE name = 'charters'",
        "malformed database schema (charters)",
    ),
    "a table's name with line breaks and a terminal escape": (
        "UPDATE sqlite_master SET name = 'go' || char(10) || 'als' || char(27) || '[2J'"
        " WHERE name = 'goals'",
        "malformed database schema (go als [2J)",
    ),
    # These two were one line already; they hold the line for the rest.
    "a table's SQL cut short": (
        "UPDATE sqlite_master SET sql = 'CREATE TABLE pairs (' WHERE name = 'pairs'",
        "malformed database schema (pairs)",
    ),
    "a table that is gone but its index is not": (
        "DELETE FROM sqlite_master WHERE name = 'signoffs'",
        "orphan index",
    ),
    # These parse and pass SQLite's own check; they failed later, mid-read, with "no such
    # column" (or table) as a traceback, and merge with a KeyError.
    "a column renamed": (
        "UPDATE sqlite_master SET sql = replace(sql, 'code TEXT', 'kode TEXT')"
        " WHERE name = 'pairs'",
        "is damaged: its table pairs lacks the column code (kode in its place).",
    ),
    "a column dropped": (
        "UPDATE sqlite_master SET sql = replace(sql, 'meeting_place TEXT NOT NULL DEFAULT "
        "'''', ', '') WHERE name = 'charters'",
        "is damaged: its table charters lacks the column meeting_place.",
    ),
    "a table renamed, with its indexes": (
        "UPDATE sqlite_master SET tbl_name = 'pears',"
        " name = replace(name, 'autoindex_pairs_', 'autoindex_pears_'),"
        " sql = replace(sql, ' ON pairs ', ' ON pears ')"
        " WHERE tbl_name = 'pairs' AND type = 'index';"
        " UPDATE sqlite_master SET name = 'pears', tbl_name = 'pears',"
        " sql = replace(sql, 'CREATE TABLE \"pairs\"', 'CREATE TABLE pears') WHERE name = 'pairs'",
        "is damaged: its table pairs is missing.",
    ),
    "a column the format does not have": (
        "UPDATE sqlite_master SET sql = replace(sql, 'updated_at TEXT NOT NULL',"
        " 'updated_at TEXT NOT NULL, room TEXT') WHERE name = 'pairs'",
        f"its table pairs has a column room that format {schema_version()} does not have.",
    ),
    "two columns' names swapped": (
        "UPDATE sqlite_master SET sql = replace(replace(replace(sql,"
        " 'mentor_id TEXT', 'x TEXT'), 'mentee_id TEXT', 'mentor_id TEXT'), 'x TEXT',"
        " 'mentee_id TEXT') WHERE name = 'pairs'",
        "is damaged: its table pairs has its columns in another order.",
    ),
}
SCHEMA_COMMANDS = {
    "info": ["info", "{file}"],
    "export": ["export", "{file}", "--format", "json", "--out", "{folder}/records.json"],
    "charters": ["charters", "{file}", "--out", "{folder}/printed"],
    "merge": ["merge", "{folder}/launch.workshop", "{file}"],
    "import": ["import", "{file}", "{roster}"],
}


@pytest.mark.parametrize("command", SCHEMA_COMMANDS)
@pytest.mark.parametrize("kind", SCHEMA_DAMAGE)
def test_a_damaged_schema_is_one_line_in_every_command(
    tmp_path: Path, app_data: Path, good: bytes, roster: Path, kind: str, command: str
) -> None:
    statement, message = SCHEMA_DAMAGE[kind]
    folder = tmp_path / "room"
    folder.mkdir()
    path = folder / "bad.workshop"
    _edit_schema(path, good, statement)
    before, beside = digest(path), listing(folder)
    values = {"file": str(path), "folder": str(folder), "roster": str(roster)}
    done = run(*(a.format(**values) for a in SCHEMA_COMMANDS[command]), data=app_data)
    assert_refused(done, path, message)
    assert "\x1b" not in done.stderr
    assert "damaged" in done.stderr and "Restore it from a backup" in done.stderr
    assert digest(path) == before
    assert listing(folder) == beside
