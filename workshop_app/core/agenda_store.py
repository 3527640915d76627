"""The agenda chosen for the workshop and the actual timing of each segment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.core.clock import new_id, utc_now
from workshop_app.core.errors import UserError
from workshop_app.core.model import Segment

if TYPE_CHECKING:
    from workshop_app.core.workshop_file import WorkshopFile


@dataclass(frozen=True, slots=True)
class PlannedSegment:
    title: str
    planned_minutes: float
    exercise_id: str | None = None
    kind: str = ""


class AgendaStore:
    def __init__(self, wf: WorkshopFile) -> None:
        self._wf = wf

    def segments(self) -> list[Segment]:
        rows = self._wf.conn.execute(
            "SELECT id, position, exercise_id, title, kind, planned_minutes, skipped, started_at,"
            " ended_at, actual_seconds FROM agenda_segments ORDER BY position"
        ).fetchall()
        return [
            Segment(
                id=r[0],
                position=r[1],
                exercise_id=r[2],
                title=r[3],
                kind=r[4],
                planned_minutes=r[5],
                skipped=bool(r[6]),
                started_at=r[7],
                ended_at=r[8],
                actual_seconds=r[9],
            )
            for r in rows
        ]

    def choose(self, agenda_id: str, planned: Sequence[PlannedSegment]) -> None:
        """Replace the agenda with `planned`, in order (one transaction)."""
        if any(s.started_at for s in self.segments()):
            raise UserError("The workshop has started; its agenda can no longer be replaced.")
        for item in planned:
            if item.planned_minutes <= 0:
                raise UserError(f"{item.title}: minutes must be more than zero.")
        now = utc_now()
        with self._wf.transaction():
            self._wf.conn.execute("DELETE FROM agenda_segments")
            self._wf.db.table("agenda_segments").insert_all(
                {
                    "id": new_id(),
                    "position": i,
                    "exercise_id": item.exercise_id,
                    "title": item.title,
                    "kind": item.kind,
                    "planned_minutes": item.planned_minutes,
                    "updated_at": now,
                }
                for i, item in enumerate(planned, start=1)
            )
            self._wf.set_workshop_field("agenda_id", agenda_id)
            self._wf.audit(
                "agenda_segments",
                agenda_id,
                "*chosen*",
                None,
                [f"{s.title} ({s.planned_minutes:g} min)" for s in planned],
                at=now,
            )

    def record_timing(
        self, segment_id: str, *, started_at: str, ended_at: str | None, actual_seconds: float
    ) -> None:
        now = utc_now()
        with self._wf.transaction():
            old = self._wf.conn.execute(
                "SELECT started_at, ended_at, actual_seconds FROM agenda_segments WHERE id = ?",
                (segment_id,),
            ).fetchone()
            if old is None:
                raise UserError("That agenda segment is no longer in the workshop.")
            self._wf.conn.execute(
                "UPDATE agenda_segments SET started_at = ?, ended_at = ?, actual_seconds = ?,"
                " updated_at = ? WHERE id = ?",
                (started_at, ended_at, actual_seconds, now, segment_id),
            )
            self._wf.audit(
                "agenda_segments",
                segment_id,
                "timing",
                list(old),
                [started_at, ended_at, actual_seconds],
                at=now,
            )
