"""What a removal takes away, so that undo puts back exactly that: the same rows with the same ids and values
(credentials, notes, attendance, places in protocol order), in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.errors import DuplicateError, NotFoundError
from ccm_secretariat.orm import AttendanceRecord, Delegation, DelegationPresence, Participant
from ccm_secretariat.orm.base import table_of
from ccm_secretariat.orm.stamps import log_bulk

Row = dict[str, Any]  # a row as stored: column name -> value


@dataclass(frozen=True)
class Snapshot:
    """Rows as stored, table by table (plain dicts of column values)."""

    delegations: tuple[Row, ...] = ()
    participants: tuple[Row, ...] = ()
    attendance: tuple[Row, ...] = ()
    presence: tuple[Row, ...] = ()

    @property
    def participant_ids(self) -> tuple[int, ...]:
        return tuple(p["id"] for p in self.participants)


def _rows(s: Session, table: sa.Table, column: sa.Column[int], ids: list[int]) -> list[Row]:
    found: list[Row] = []
    for start in range(0, len(ids), 900):
        found += [dict(r._mapping) for r in s.execute(sa.select(table).where(column.in_(ids[start : start + 900])))]
    return found


def take(s: Session, delegation_ids: Iterable[int] = (), participant_ids: Iterable[int] = ()) -> Snapshot:
    d_ids, p_ids = list(delegation_ids), list(participant_ids)
    d_table, p_table, a_table = table_of(Delegation), table_of(Participant), table_of(AttendanceRecord)
    delegations = _rows(s, d_table, d_table.c.id, d_ids)
    if len(delegations) != len(set(d_ids)):
        raise NotFoundError("Some of the delegations no longer exist; nothing was removed.")
    people = _rows(s, p_table, p_table.c.id, p_ids)
    if len(people) != len(set(p_ids)):
        raise NotFoundError(
            "Some of the participants no longer exist (removed in another window?); nothing was removed."
        )
    people += _rows(s, p_table, p_table.c.delegation_id, d_ids)
    attendance = _rows(s, a_table, a_table.c.participant_id, [p["id"] for p in people])
    pr_table = table_of(DelegationPresence)
    presence = _rows(s, pr_table, pr_table.c.delegation_id, d_ids)
    return Snapshot(tuple(delegations), tuple(people), tuple(attendance), tuple(presence))


def remove(s: Session, snapshot: Snapshot) -> None:
    ids = [d["id"] for d in snapshot.delegations]
    people = list(snapshot.participant_ids)
    for start in range(0, len(people), 900):
        s.execute(sa.delete(table_of(Participant)).where(table_of(Participant).c.id.in_(people[start : start + 900])))
    if ids:
        s.execute(sa.delete(table_of(Delegation)).where(table_of(Delegation).c.id.in_(ids)))
    log_bulk(s, "participant", people, "removed")
    log_bulk(s, "delegation", ids, "removed")


def restore(s: Session, snapshot: Snapshot) -> None:
    """Insert the rows again with their ids; refused whole if something has taken their place meanwhile."""
    for table, rows in (
        (table_of(Delegation), snapshot.delegations),
        (table_of(Participant), snapshot.participants),
        (table_of(AttendanceRecord), snapshot.attendance),
        (table_of(DelegationPresence), snapshot.presence),
    ):
        if not rows:
            continue
        taken = _rows(s, table, table.c.id, [r["id"] for r in rows])
        if taken:
            raise DuplicateError("Something was added in its place since; it cannot be put back as it was.")
        s.execute(sa.insert(table), list(rows))
    log_bulk(s, "delegation", [d["id"] for d in snapshot.delegations], "put back")
    log_bulk(s, "participant", [p["id"] for p in snapshot.participants], "put back")
