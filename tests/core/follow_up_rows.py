"""Follow-up records written straight into a workshop file, as the check-in import, the
contact log and the review entry write them (their stores live on other branches; the
columns are the schema's, migration 0006)."""

from __future__ import annotations

from typing import Any

from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store.workshop_file import WorkshopFile


def add_checkin(wf: WorkshopFile, pair_id: str, **values: Any) -> str:
    record = {
        "id": new_id(),
        "pair_id": pair_id,
        "role": "mentee",
        "response_key": f"ms_forms:form:{new_id()}",
        "submitted_at": "2027-02-20T10:00:00",
        "checkpoint_day": 30,
        "meetings_held": 2,
        "last_meeting": "2027-02-18",
        "goal1_progress": 3,
        "fit": "good",
        "satisfaction": 4,
        "wants_help": 0,
        "comment": "",
        "updated_at": utc_now(),
    } | values
    with wf.transaction():
        wf.insert("checkins", record)
        wf.audit("checkins", record["id"], "*created*", None, record, pair_id=pair_id)
    return str(record["id"])


def add_contact(wf: WorkshopFile, pair_id: str, **values: Any) -> str:
    record = {
        "id": new_id(),
        "pair_id": pair_id,
        "on_date": "2027-02-10",
        "kind": "meeting",
        "who": "both",
        "text": "",
        "checkin_id": None,
        "updated_at": utc_now(),
    } | values
    with wf.transaction():
        wf.insert("contacts", record)
        wf.audit("contacts", record["id"], "*created*", None, record, pair_id=pair_id)
    return str(record["id"])


def add_review(wf: WorkshopFile, pair_id: str, **values: Any) -> str:
    record = {
        "id": new_id(),
        "pair_id": pair_id,
        "checkpoint_day": 90,
        "held_on": "2027-04-20",
        "cadence_kept": "yes",
        "goal1_progress": 4,
        "plans_used": "",
        "changes": "",
        "charter_version": None,
        "updated_at": utc_now(),
    } | values
    with wf.transaction():
        wf.insert("reviews", record)
        wf.audit("reviews", record["id"], "*created*", None, record, pair_id=pair_id)
    return str(record["id"])
