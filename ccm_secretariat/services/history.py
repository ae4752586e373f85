"""The history of a delegation or a participant: who changed what, and when (from the change log)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import sqlalchemy as sa

from ccm_secretariat.orm import ChangeLog, Delegation, Participant
from ccm_secretariat.services.base import Service

FIELD_NAMES = {
    "family_name": "family name",
    "given_names": "given names",
    "consent_to_publish": "consent",
    "credentials_received": "credentials received",
    "credentials_kind": "credentials",
    "credentials_date": "credentials dated",
    "category_override": "category set by hand",
    "override_reason": "reason",
    "delegation_id": "delegation",
    "registration_date": "registered on",
}


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    by: str
    what: str  # "participant 12" / "delegation 3"
    action: str
    details: str  # "function: Adviser → Counsellor; e-mail: … → …"
    id: int = 0  # the log's own order, within a second


def _described(details: str) -> str:
    try:
        values = json.loads(details) if details else {}
    except ValueError:
        return details
    if not isinstance(values, dict):
        return str(values)
    parts = []
    for field, value in values.items():
        name = FIELD_NAMES.get(field, field.replace("_", " "))
        if isinstance(value, list) and len(value) == 2:
            parts.append(
                f"{name}: {value[0] if value[0] not in (None, '') else '—'} → "
                f"{value[1] if value[1] not in (None, '') else '—'}"
            )
        else:
            parts.append(f"{name}: {value}")
    return "; ".join(parts)


class HistoryService(Service):
    def participant(self, participant_id: int) -> list[HistoryEntry]:
        return self._entries([("participant", participant_id)])

    def delegation(self, delegation_id: int) -> list[HistoryEntry]:
        """The delegation's own changes and those of its present members, newest first."""
        with self._read() as s:
            members = list(s.scalars(sa.select(Participant.id).where(Participant.delegation_id == delegation_id)))
            names = dict(
                s.execute(sa.select(Participant.id, Participant.family_name).where(Participant.id.in_(members))).all()
            )
            delegation = s.get(Delegation, delegation_id)
        keys = [("delegation", delegation_id)] + [("participant", m) for m in members]
        labels = {("delegation", delegation_id): delegation.name if delegation else f"delegation {delegation_id}"}
        labels.update({("participant", m): names.get(m, f"participant {m}") for m in members})
        return self._entries(keys, labels)

    def _entries(
        self, keys: list[tuple[str, int]], labels: dict[tuple[str, int], str] | None = None
    ) -> list[HistoryEntry]:
        labels = labels or {}
        result = []
        with self._read() as s:
            for table in {t for t, _ in keys}:
                ids = [i for t, i in keys if t == table]
                for start in range(0, len(ids), 900):
                    for e in s.scalars(
                        sa.select(ChangeLog).where(
                            ChangeLog.table_name == table, ChangeLog.row_id.in_(ids[start : start + 900])
                        )
                    ):
                        result.append(
                            HistoryEntry(
                                e.at,
                                e.by or "unknown",
                                labels.get((table, e.row_id), f"{table} {e.row_id}"),
                                e.action,
                                _described(e.details),
                                e.id,
                            )
                        )
        return sorted(result, key=lambda e: (e.at, e.id), reverse=True)
