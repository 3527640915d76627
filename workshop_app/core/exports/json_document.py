"""JSON export: the whole workshop in one document, for scripts and HR systems.

The document's shape is versioned by `_about.schema_version` and documented in
docs/json-schema.md. Keys are sorted (so `_about` comes first and the same workshop always gives
the same order), text is UTF-8, indented by two spaces. Raise `SCHEMA_VERSION` on any change
that could break a reader (a key removed, renamed or changing type); adding a key does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from workshop_app import __version__
from workshop_app.core.exports.tables import (
    GOAL_PART_NAMES,
    ExportData,
    confidentiality_note,
    left_out_labels,
)
from workshop_app.core.jobs import Progress
from workshop_app.core.model import WORKSHOP_FIELDS
from workshop_app.core.store.atomic import write_bytes

SCHEMA_VERSION = 1
SCHEMA_NAME = "workshop-app/export"


def json_document(data: ExportData) -> dict[str, Any]:
    w = data.workshop
    workshop: dict[str, Any] = {f.name: getattr(w, f.name) for f in WORKSHOP_FIELDS}
    workshop.update(
        id=w.id,
        program_goals=w.program_goal_list,
        agenda_id=w.agenda_id,
        program_closed_on=w.program_closed_on,
        anonymised_on=w.anonymised_on,
        has_logo=bool(w.logo),
        updated_at=w.updated_at,
    )
    return {
        "_about": {
            "schema": SCHEMA_NAME,
            "schema_version": SCHEMA_VERSION,
            "app_version": __version__,
            "exported_at": data.exported_at,
            "source_file": data.source,
            "confidential_included": data.include_confidential,
            # Words for a person, in the workshop's language like every export's README;
            # a script reads `confidential_included`.
            "left_out": [] if data.include_confidential else left_out_labels(w.language),
            "note": confidentiality_note(included=data.include_confidential, lang=w.language),
        },
        "workshop": workshop,
        "participants": [
            {
                "id": p.id,
                "role": p.role,
                "name": p.name,
                "email": p.email,
                "title": p.title,
                "department": p.department,
                "manager": p.manager,
                "pair_code": data.pair_code_of.get(p.id),
                "present": p.present,
                "checked_in_at": p.checked_in_at,
                "updated_at": p.updated_at,
            }
            for p in data.participants
        ],
        "pairs": [_pair(data, o) for o in data.overview],
        "agenda": [
            {
                "id": s.id,
                "position": s.position,
                "title": s.title,
                "kind": s.kind,
                "exercise_id": s.exercise_id,
                "planned_minutes": s.planned_minutes,
                "skipped": s.skipped,
                "started_at": s.started_at,
                "ended_at": s.ended_at,
                "actual_seconds": s.actual_seconds,
            }
            for s in data.segments
        ],
    }


def _pair(data: ExportData, o: Any) -> dict[str, Any]:
    charter_id, updated_at = data.charter_ids.get(o.pair_id, ("", ""))
    goals = []
    for g in data.goals.get(o.pair_id, []):
        entry: dict[str, Any] = {"id": g.id, "position": g.position, "private": g.private}
        if data.withheld(g):
            entry["withheld"] = True
        else:
            entry.update({n: getattr(g, n) for n in GOAL_PART_NAMES})
        goals.append(entry)
    return {
        "id": o.pair_id,
        "code": o.code,
        "mentor": {"name": o.mentor_name, "email": o.mentor_email},
        "mentee": {"name": o.mentee_name, "email": o.mentee_email},
        "complete": o.complete,
        "missing_sections": list(o.missing),
        "charter": {
            "id": charter_id,
            "version": o.version,
            "signed_version": o.signed_version,
            "edited_since_signing": o.signed_version is not None and o.version > o.signed_version,
            "updated_at": updated_at,
            "fields": data.fields.get(o.pair_id, {}),
            "goals": goals,
            "plans": [
                {
                    "id": p.id,
                    "position": p.position,
                    "scenario": p.scenario,
                    "plan": p.plan,
                    "exercise_id": p.exercise_id,
                }
                for p in data.plans.get(o.pair_id, [])
            ],
        },
        "signoffs": [
            {
                "version": s.version,
                "role": s.role,
                "name": s.name,
                "signed_at": s.signed_at,
                "open_sections": [int(n) for n in s.open_sections.split(",") if n],
                "paper_completed": s.paper_completed,
            }
            for s in data.signoffs.get(o.pair_id, [])
        ],
        "signed_versions": data.signed_versions.get(o.pair_id, []),
        # After the launch: each record with the columns of FOLLOW_UP_COLUMNS.
        "checkins": data.follow_up.get("checkins", {}).get(o.pair_id, []),
        "log": data.follow_up.get("contacts", {}).get(o.pair_id, []),
        "reviews": data.follow_up.get("reviews", {}).get(o.pair_id, []),
        "closure": next(iter(data.follow_up.get("closures", {}).get(o.pair_id, [])), None),
    }


def json_bytes(data: ExportData) -> bytes:
    return document_bytes(json_document(data))


# orjson writes the schema's bytes: keys sorted at every level, two-space indent, UTF-8 text
# escaping only the quote, backslash and control characters JSON requires, a final newline.
# For every value a workshop holds (text, SQLite's 64-bit integers, finite numbers 0 or at
# least 0.0001 from it, true/false/null) that is the text of `json.dumps(..., ensure_ascii=False,
# sort_keys=True, indent=2)`; the two ways it differs, both valid JSON (docs/json-schema.md):
# a number nearer to 0 is written without an exponent (0.00001, not 1e-05), and NaN or
# infinity is null (json.dumps writes NaN and Infinity, which strict JSON readers refuse).
_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def document_bytes(document: dict[str, Any]) -> bytes:
    return orjson.dumps(document, option=_OPTIONS)


def write_json(data: ExportData, *, out: Path, progress: Progress | None = None) -> list[str]:
    if progress is not None:
        progress(0, 1)
    write_bytes(out, json_bytes(data))
    if progress is not None:
        progress(1, 1)
    return [out.name]
