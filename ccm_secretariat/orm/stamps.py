"""Who changed a participant or a delegation, and when: stamped on the row at every ORM change (from the
session's user: the database user on a server, else the person logged in to the computer), and written to the
change log with what changed, field by field. Bulk paths (removal and its undo, imports) log through
`log_bulk`."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from ccm_secretariat.orm.base import Base
from ccm_secretariat.orm.registration import Delegation, Participant

STAMPED = (Participant, Delegation)
NOT_LOGGED = {"version", "changed_by", "changed_at", "search_key", "sort_key", "email_key"}  # derived or stamps


class ChangeLog(Base):
    """One change to a participant or a delegation: who, when, what (JSON: field -> [before, after])."""

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


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return getattr(value, "value", value)


@sa.event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context, _instances) -> None:
    who, now = session.info.get("user", "")[:100], _now()
    for obj in itertools.chain(session.new, session.dirty):
        if isinstance(obj, STAMPED) and (obj in session.new or session.is_modified(obj, include_collections=False)):
            obj.changed_by, obj.changed_at = who, now


@sa.event.listens_for(Session, "after_flush")
def _log(session: Session, _context) -> None:
    who, now = session.info.get("user", "")[:100], _now()
    entries = []
    for obj, action in itertools.chain(((o, "added") for o in session.new), ((o, "changed") for o in session.dirty),
                                       ((o, "removed") for o in session.deleted)):
        if not isinstance(obj, STAMPED):
            continue
        state = sa.inspect(obj)
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
            elif action == "added" and attr.key in ("name", "family_name", "given_names"):
                details[attr.key] = _plain(getattr(obj, attr.key))
        if action == "changed" and not details:
            continue
        entries.append({"at": now, "by": who, "table_name": obj.__tablename__, "row_id": obj.id, "action": action,
                        "details": json.dumps(details, ensure_ascii=False)})
    if entries:
        session.connection().execute(sa.insert(ChangeLog.__table__), entries)


def log_bulk(session: Session, table_name: str, row_ids, action: str, details: str = "") -> None:
    """Log a change made past the ORM (a removal, its undo, an import), one entry a row."""
    who, now = session.info.get("user", "")[:100], _now()
    rows = [{"at": now, "by": who, "table_name": table_name, "row_id": i, "action": action, "details": details}
            for i in row_ids]
    if rows:
        session.execute(sa.insert(ChangeLog.__table__), rows)
