"""What every service shares: a short session per call, committed whole or not at all, errors made readable."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy as sa
import sqlalchemy.orm.exc
from sqlalchemy.orm import Session

from ccm_secretariat.domain.fields import clean  # (services validate with it)
from ccm_secretariat.errors import ConflictError, DatabaseError, NotFoundError
from ccm_secretariat.orm.stamps import ChangeLog, last_change
from ccm_secretariat.storage.constraints import integrity_error
from ccm_secretariat.storage.database import Database, describe_database_failure

if TYPE_CHECKING:
    from typing import Any

__all__ = ["ConflictError", "Service", "T", "check_version", "clean", "get_or_fail", "next_position"]

T = TypeVar("T")


class Service:
    def __init__(self, db: Database):
        self._db = db

    @contextlib.contextmanager
    def _read(self) -> Iterator[Session]:
        with _translated(self._db), self._db.transaction(write=False) as session:
            yield session

    @contextlib.contextmanager
    def _write(self) -> Iterator[Session]:
        """A transaction: everything inside commits together, or nothing does (inside a larger operation, it is
        part of that operation's one transaction)."""
        with _translated(self._db), self._db.transaction(write=True) as session:
            yield session

    @contextlib.contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Several service calls as one user action: all saved, or none."""
        with self._write():
            yield


@contextlib.contextmanager
def _translated(db: Database) -> Iterator[None]:
    try:
        yield
    except sa.exc.IntegrityError as exc:
        raise integrity_error(exc) from None
    except sa.orm.exc.StaleDataError:  # another desk changed the same row in the same instant
        raise ConflictError(
            "another desk changed this record at the same moment; nothing was saved. Look at "
            "it again and repeat your change if it still holds."
        ) from None
    except sa.exc.DBAPIError as exc:
        raise DatabaseError(describe_database_failure(exc, db.url)) from exc


def get_or_fail(session: Session, model: type[T], object_id: int, what: str, lock: bool = False) -> T:
    """The object, or a NotFoundError. `lock` takes its row for the rest of the transaction (on a server;
    SQLite locks the whole file): desks numbering or ordering things under it take turns, so that two of them
    never take the same next position."""
    obj = session.get(model, object_id, with_for_update={"key_share": True} if lock else None)
    if obj is None:
        raise NotFoundError(_gone(session, model, object_id, what))
    return obj


def _gone(session: Session, model: type[Any], object_id: int, what: str) -> str:
    """Who removed a record and when (from the change log), as a secretary reads it; the record's number only
    when the log does not say."""
    table = getattr(model, "__tablename__", "")
    entry = session.execute(
        sa.select(ChangeLog.by, ChangeLog.at, ChangeLog.action, ChangeLog.details)
        .where(ChangeLog.table_name == table, ChangeLog.row_id == object_id)
        .order_by(ChangeLog.id.desc())
        .limit(1)
    ).first()
    if entry is None or entry.action not in ("removed", "erased"):
        return f"{what} {object_id} no longer exists; it may have been removed in another window."
    who = f"by {entry.by}" if entry.by else "at another desk"
    when = f"{entry.at.day} {entry.at:%B %Y at %H:%M}"
    return f"This {what.lower()} was {entry.action} {who} on {when}; nothing was saved."


def next_position(s: Session, column: Any, where: Any) -> int:
    """The position after the last of `column` among the rows `where` selects (1 for the first)."""
    return int(s.scalar(sa.select(sa.func.max(column)).where(where)) or 0) + 1


def check_version(obj: Any, expected: int | None, what: str) -> None:
    """Refuse a change made on a screen that read `obj` before another desk changed it (nothing is saved; the
    error holds the version now, so that OK again can apply the change knowingly)."""
    if expected is not None and obj.version != expected:
        session = sa.orm.object_session(obj)
        by, at = last_change(session, obj) if session is not None else ("", None)
        who = f"by {by}" if by else "at another desk"
        when = f" on {at.day} {at:%B %Y} at {at:%H:%M}" if at else ""
        raise ConflictError(
            f"{what} was changed {who}{when} after this screen read it. Nothing was saved; the "
            "desk shows it as it is now. Do it again if it still holds.",
            obj.version,
        )
