"""Who changed what, and when. Every change to a record a desk edits (participants and delegations; the
meeting, its officers, agenda items, plenary meetings, side events, decisions and documents) is written to the
change log with who made it (the session's user: the database user on a server, else the person logged in to
the computer), when, and what changed, field by field. Participants and delegations also carry the last change
on the row itself. Bulk paths (removal and its undo, imports) log through `log_bulk`."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import InstanceState, Mapped, Session, mapped_column

from ccm_secretariat.orm.agenda import AgendaItem, DecisionParagraph, PlenaryMeeting, SideEvent
from ccm_secretariat.orm.base import Base, table_of
from ccm_secretariat.orm.documents import Document
from ccm_secretariat.orm.meeting import Meeting, MeetingPart, Officer
from ccm_secretariat.orm.obligations import ExtensionRequest, ObligationRecord, TransparencyReport
from ccm_secretariat.orm.registration import Delegation, Participant

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

STAMPED = (Participant, Delegation)  # the last change is on the row too
LOGGED: tuple[type[Any], ...] = STAMPED + (Meeting, MeetingPart, Officer, AgendaItem, PlenaryMeeting, SideEvent)
LOGGED += (DecisionParagraph, Document, ObligationRecord, TransparencyReport, ExtensionRequest)
NAMED_BY = (
    "obligation",
    "until",
    "year_covered",
    "name",
    "family_name",
    "given_names",
    "number",
    "title",
    "symbol",
    "role",
    "text",
)  # logged when added
NOT_LOGGED = {"version", "changed_by", "changed_at", "search_key", "sort_key", "email_key"}  # derived or stamps


class ChangeLog(Base):
    """One change to a record: who, when, what (JSON: field -> [before, after])."""

    __tablename__ = "change_log"
    __table_args__ = (sa.Index("ix_change_log_row", "table_name", "row_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime]
    by: Mapped[str] = mapped_column(sa.String(100))
    table_name: Mapped[str] = mapped_column(sa.String(40))
    row_id: Mapped[int]
    action: Mapped[str] = mapped_column(sa.String(20))  # added, changed, removed, put back, imported
    details: Mapped[str] = mapped_column(sa.Text, default="")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return getattr(value, "value", value)


@sa.event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    who, now = session.info.get("user", "")[:100], _now()
    for obj in itertools.chain(session.new, session.dirty):
        if isinstance(obj, STAMPED) and (obj in session.new or session.is_modified(obj, include_collections=False)):
            obj.changed_by, obj.changed_at = who, now


@sa.event.listens_for(Session, "after_flush")
def _log(session: Session, _context: Any) -> None:
    who, now = session.info.get("user", "")[:100], _now()
    entries = []
    for obj, action in itertools.chain(
        ((o, "added") for o in session.new),
        ((o, "changed") for o in session.dirty),
        ((o, "removed") for o in session.deleted),
    ):
        if not isinstance(obj, LOGGED):
            continue
        state: InstanceState[Any] = sa.inspect(obj)
        details = {}
        for attr in state.mapper.column_attrs:
            if attr.key in NOT_LOGGED:
                continue
            history = state.attrs[attr.key].history
            if action == "changed" and history.has_changes():
                before = history.deleted[0] if history.deleted else None
                after = history.added[0] if history.added else None
                if before != after:
                    details[attr.key] = [_plain(before), _plain(after)]
            elif action == "added" and attr.key in NAMED_BY:
                details[attr.key] = _plain(getattr(obj, attr.key))
        if action == "changed" and not details:
            continue
        entries.append(
            {
                "at": now,
                "by": who,
                "table_name": obj.__tablename__,
                "row_id": obj.id,
                "action": action,
                "details": json.dumps(details, ensure_ascii=False),
            }
        )
    if entries:
        session.connection().execute(sa.insert(table_of(ChangeLog)), entries)


def log_bulk(session: Session, table_name: str, row_ids: Iterable[int], action: str, details: str = "") -> None:
    """Log a change made past the ORM (a removal, its undo, an import), one entry a row."""
    who, now = session.info.get("user", "")[:100], _now()
    rows = [
        {"at": now, "by": who, "table_name": table_name, "row_id": i, "action": action, "details": details}
        for i in row_ids
    ]
    if rows:
        session.execute(sa.insert(table_of(ChangeLog)), rows)


def last_change(session: Session, obj: Any) -> tuple[str, dt.datetime | None]:
    """Who last changed `obj`, and when: from the row where it carries them, else from the change log."""
    by, at = getattr(obj, "changed_by", None), getattr(obj, "changed_at", None)
    if by or at:
        return by or "", at
    entry = session.execute(
        sa.select(ChangeLog.by, ChangeLog.at)
        .where(ChangeLog.table_name == obj.__tablename__, ChangeLog.row_id == obj.id)
        .order_by(ChangeLog.id.desc())
        .limit(1)
    ).first()
    return (entry.by, entry.at) if entry else ("", None)
