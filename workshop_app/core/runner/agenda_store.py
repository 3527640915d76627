"""The agenda chosen for the workshop and the actual timing of each segment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _
from workshop_app.core.model import Segment
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import storable_text

if TYPE_CHECKING:
    from workshop_app.core.content.library import Agenda, Library
    from workshop_app.core.store.access import OpenWorkshop


@dataclass(frozen=True, slots=True)
class PlannedSegment:
    title: str
    planned_minutes: float
    exercise_id: str | None = None
    kind: str = ""


def planned_from(agenda: Agenda, library: Library) -> list[PlannedSegment]:
    """The segments of a library agenda, ready to `choose()`."""
    out = []
    for item in agenda.items:
        if item.is_break or item.exercise_id is None:
            out.append(PlannedSegment(item.title or "Break", item.minutes, None, "break"))
            continue
        exercise = library.exercises.get(item.exercise_id)
        kind = exercise.kind if exercise else ""
        title = item.title or (exercise.title if exercise else item.exercise_id)
        out.append(PlannedSegment(title, item.minutes, item.exercise_id, kind))
    return out


def in_library_language(segments: list[Segment], library: Library | None) -> list[Segment]:
    """`segments` with each exercise's title as the library has it, in the language it was
    loaded for: the file keeps the title the agenda was chosen with, and the workshop's
    language may have changed since (a segment's title is never edited on its own)."""
    for segment in segments:
        exercise = (
            library.exercises.get(segment.exercise_id) if library and segment.exercise_id else None
        )
        if exercise is not None:
            segment.title = exercise.title
    return segments


class AgendaStore:
    def __init__(self, wf: OpenWorkshop) -> None:
        self._wf = wf

    def segments(self) -> list[Segment]:
        rows = self._wf.conn.execute(
            "SELECT id, position, exercise_id, title, kind, planned_minutes, skipped, started_at,"
            " ended_at, actual_seconds, extra_seconds, private_notes FROM agenda_segments"
            " ORDER BY position"
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
                extra_seconds=r[10],
                private_notes=r[11],
            )
            for r in rows
        ]

    def choose(self, agenda_id: str, planned: Sequence[PlannedSegment]) -> None:
        """Replace the agenda with `planned`, in order (one transaction)."""
        if any(s.started_at for s in self.segments()):
            raise UserError(_("The workshop has started; its agenda can no longer be replaced."))
        for item in planned:
            if item.planned_minutes <= 0:
                raise UserError(
                    _("{segment}: minutes must be more than zero.").format(segment=item.title)
                )
        now = utc_now()
        with self._wf.transaction():
            self._wf.conn.execute("DELETE FROM agenda_segments")
            self._wf.insert_all(
                "agenda_segments",
                [
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
                ],
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
        self,
        segment_id: str,
        *,
        started_at: str | None,
        ended_at: str | None,
        actual_seconds: float | None,
    ) -> None:
        """The segment's actual run; all None forgets it (a clock reset before it ran)."""
        self._update(
            segment_id,
            "timing",
            ("started_at", "ended_at", "actual_seconds"),
            (started_at, ended_at, actual_seconds),
        )

    def set_extra_seconds(self, segment_id: str, seconds: float) -> None:
        """The time added to (or, negative, taken off) the segment while it is run."""
        self._update(segment_id, "extra_seconds", ("extra_seconds",), (seconds,))

    def set_private_notes(self, segment_id: str, text: str) -> None:
        """The facilitator's own notes on this segment (never shown to the room)."""
        self._update(segment_id, "private_notes", ("private_notes",), (storable_text(text),))

    def _update(
        self, segment_id: str, field: str, columns: tuple[str, ...], values: tuple[Any, ...]
    ) -> None:
        """Write `columns` of one segment and its audit row, in one transaction."""
        now = utc_now()
        names = ", ".join(columns)
        with self._wf.transaction():
            old = self._wf.conn.execute(
                f"SELECT {names} FROM agenda_segments WHERE id = ?", (segment_id,)
            ).fetchone()
            if old is None:
                raise UserError(_("That agenda segment is no longer in the workshop."))
            if tuple(old) == values:
                return
            assignments = ", ".join(f"{c} = ?" for c in columns)
            self._wf.conn.execute(
                f"UPDATE agenda_segments SET {assignments}, updated_at = ? WHERE id = ?",
                (*values, now, segment_id),
            )
            shown_old = list(old) if len(columns) > 1 else old[0]
            shown_new = list(values) if len(columns) > 1 else values[0]
            self._wf.audit("agenda_segments", segment_id, field, shown_old, shown_new, at=now)

    def _segment(self, segment_id: str) -> Segment:
        found = next((s for s in self.segments() if s.id == segment_id), None)
        if found is None:
            raise UserError(_("That agenda segment is no longer in the workshop."))
        return found

    def set_minutes(self, segment_id: str, minutes: float) -> None:
        if not 0 < minutes <= 600:
            raise UserError(_("A segment lasts more than 0 and at most 600 minutes."))
        segment = self._segment(segment_id)
        if segment.planned_minutes == minutes:
            return
        now = utc_now()
        with self._wf.transaction():
            self._wf.conn.execute(
                "UPDATE agenda_segments SET planned_minutes = ?, updated_at = ? WHERE id = ?",
                (minutes, now, segment_id),
            )
            self._wf.audit(
                "agenda_segments",
                segment_id,
                "planned_minutes",
                segment.planned_minutes,
                minutes,
                at=now,
            )

    def set_skipped(self, segment_id: str, skipped: bool) -> None:
        segment = self._segment(segment_id)
        if segment.skipped == skipped:
            return
        if skipped and segment.started_at:
            raise UserError(
                _("{segment} has already run; it cannot be skipped now.").format(
                    segment=segment.title
                )
            )
        now = utc_now()
        with self._wf.transaction():
            self._wf.conn.execute(
                "UPDATE agenda_segments SET skipped = ?, updated_at = ? WHERE id = ?",
                (int(skipped), now, segment_id),
            )
            self._wf.audit(
                "agenda_segments", segment_id, "skipped", segment.skipped, skipped, at=now
            )

    def move(self, segment_id: str, position: int) -> None:
        """Move a segment to `position` (from 1) and renumber the rest."""
        order = [s.id for s in self.segments()]
        if segment_id not in order:
            raise UserError(_("That agenda segment is no longer in the workshop."))
        old = order.index(segment_id) + 1
        position = max(1, min(position, len(order)))
        if old == position:
            return
        order.remove(segment_id)
        order.insert(position - 1, segment_id)
        self._renumber(order, audit=(segment_id, old, position))

    def insert(self, item: PlannedSegment, *, position: int | None = None) -> str:
        """Add a segment (an exercise from the library or a break) at `position`."""
        if item.planned_minutes <= 0:
            raise UserError(
                _("{segment}: minutes must be more than zero.").format(segment=item.title)
            )
        order = [s.id for s in self.segments()]
        position = len(order) + 1 if position is None else max(1, min(position, len(order) + 1))
        segment_id = new_id()
        now = utc_now()
        with self._wf.transaction():
            self._wf.insert(
                "agenda_segments",
                {
                    "id": segment_id,
                    "position": len(order) + 1,
                    "exercise_id": item.exercise_id,
                    "title": item.title,
                    "kind": item.kind,
                    "planned_minutes": item.planned_minutes,
                    "updated_at": now,
                },
            )
            self._wf.audit(
                "agenda_segments",
                segment_id,
                "*created*",
                None,
                f"{item.title} ({item.planned_minutes:g} min)",
                at=now,
            )
            order.insert(position - 1, segment_id)
            self._renumber(order)
        return segment_id

    def remove(self, segment_id: str) -> None:
        segment = self._segment(segment_id)
        if segment.started_at:
            raise UserError(
                _("{segment} has already run; skip it instead of removing it.").format(
                    segment=segment.title
                )
            )
        with self._wf.transaction():
            self._wf.conn.execute("DELETE FROM agenda_segments WHERE id = ?", (segment_id,))
            self._wf.audit("agenda_segments", segment_id, "*removed*", segment.title, None)
            self._renumber([s.id for s in self.segments()])

    def _renumber(self, order: list[str], *, audit: tuple[str, int, int] | None = None) -> None:
        now = utc_now()
        with self._wf.transaction():
            for i, segment_id in enumerate(order, start=1):
                self._wf.conn.execute(
                    "UPDATE agenda_segments SET position = ?, updated_at = ? WHERE id = ?",
                    (i, now, segment_id),
                )
            if audit is not None:
                self._wf.audit("agenda_segments", audit[0], "position", audit[1], audit[2], at=now)
