"""A re-launch starts from the program's own file: the same people, pairs and charters (every
signed version and its signatures), on a new date, with a fresh agenda and attendance.

The launch's file stays as it was: its agenda has run (its timings are the launch's record,
and a run agenda is never replaced), so the re-launch is a new workshop file made from it.
The pairs keep their ids and their charters their versions, so a charter revised at the
re-launch is version 2 of the one signed at the launch, not a new one.
"""

from __future__ import annotations

import errno
import sqlite3
from datetime import date as Date
from pathlib import Path

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.atomic import atomic_file, check_target, os_error_message
from workshop_app.core.store.workshop_file import WorkshopFile


def start_relaunch(source: Path, *, out: Path, date: str) -> Path:
    """Write `out`, a new workshop file for the re-launch of `source` on `date`
    (YYYY-MM-DD). `source` is only read. Returns `out`, made absolute."""
    try:
        date = Date.fromisoformat(date.strip()).isoformat()
    except ValueError as exc:
        raise UserError(
            _("The re-launch date must be a date like 2027-06-08, not {text}.").format(
                text=repr(date)
            )
        ) from exc
    out = check_target(Path(out))
    if out.exists():
        raise UserError(
            _("{name} already exists: choose a new name for the re-launch.").format(name=out.name)
        )
    with WorkshopFile.open(source, readonly=True) as wf:
        launch = wf.workshop()
        if date <= launch.date:
            raise UserError(
                _("The re-launch must be after the launch ({launch}), not on {date}.").format(
                    launch=launch.date, date=date
                )
            )
        # The usual permissions, as a workshop file made with New gets.
        with atomic_file(out) as partial:
            dest = sqlite3.connect(partial)
            try:
                wf.conn.backup(dest)
            except sqlite3.Error as exc:
                raise UserError(_backup_message(exc, out)) from exc
            finally:
                dest.close()
    with WorkshopFile.open(out) as new:
        now = utc_now()
        with new.transaction():
            conn = new.conn
            conn.execute("DELETE FROM runner_state")
            conn.execute("DELETE FROM agenda_segments")
            conn.execute(
                "UPDATE participants SET present = NULL, checked_in_at = NULL, updated_at = ?",
                (now,),
            )
            # Another event: its own id, so its records never pass for the launch's.
            conn.execute("UPDATE workshop SET id = ?", (new_id(),))
            new.set_workshop_field("date", date)
            new.set_workshop_field("agenda_id", "")
            new.audit("workshop", launch.id, "*relaunched*", launch.date, date, at=now)
        new.charters.invalidate()
    return out


def _backup_message(exc: sqlite3.Error, out: Path) -> str:
    """What a person reads when copying the launch's file into `out` failed."""
    if "full" in str(exc).lower():
        return os_error_message(OSError(errno.ENOSPC, "disk full"), out)
    if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_IOERR"):
        return _(
            "The disk refused to write {path} (is it full, or was it removed?): "
            "nothing was written."
        ).format(path=out)
    return _("Could not write {path} ({reason}): nothing was written.").format(path=out, reason=exc)
