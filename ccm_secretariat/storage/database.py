"""The database: an engine from a SQLAlchemy URL, SQLite pragmas, Alembic upgrade on open with a backup first
(SQLite's own in `sqlite_file`, the schema and its upgrade in `schema`).

A plain path means a SQLite file (the embedded default); any SQLAlchemy URL (postgresql+psycopg://...) works
the same, since no code relies on SQLite-only behaviour.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import getpass
import logging
import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from ccm_secretariat.errors import DatabaseError, DomainError
from ccm_secretariat.storage import backups
from ccm_secretariat.storage.constraints import integrity_error
from ccm_secretariat.storage.schema import current_revision
from ccm_secretariat.storage.schema import head_revision as head_revision  # (imported from here too)
from ccm_secretariat.storage.schema import upgrade as upgrade_schema
from ccm_secretariat.storage.sqlite_file import (
    check_sqlite_file,
    pragma,
    quick_check,
    sqlite_begin,
    sqlite_path,
    sqlite_pragmas,
    use_wal,
)
from ccm_secretariat.storage.userdirs import data_dir

log = logging.getLogger(__name__)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return f"uid {os.getuid()}"


def default_database_path() -> Path:
    return data_dir() / "secretariat.sqlite3"


def to_url(path_or_url: str | Path) -> URL:
    """'postgresql+psycopg://...' stays a URL; anything else is the path of a SQLite file."""
    text = str(path_or_url)
    if "://" in text:
        try:
            url = make_url(text)
        except sa.exc.ArgumentError:
            url = None
        if url is None or url.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseError(
                f"“{text.split('://')[0]}://…” is not a database the application can use: give the "
                "path of a file, or a server address such as postgresql+psycopg://user@host/db."
            )
        return url
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        raise DatabaseError(
            f"{path} is a folder: give the name of a database file in it, e.g. {path / 'secretariat.sqlite3'}."
        )
    return make_url("sqlite:///" + str(path))


_CURRENT: contextvars.ContextVar[tuple[Database, Session] | None] = contextvars.ContextVar(
    "ccm_transaction", default=None
)


CHANGES_CHANNEL = "ccm_changes"  # PostgreSQL's LISTEN/NOTIFY channel: a desk committed a change


class Database:
    """An open, migrated database: hands out short sessions; objects stay usable after commit."""

    def __init__(self, engine: Engine, url: URL):
        self.engine = engine
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={"user": self.user})
        self.desk_id = uuid.uuid4().hex  # this desk, in the notices other desks receive
        self.own_writes = 0  # committed write transactions of this desk (the change watcher leaves them out)
        self.after_own_write: list[Any] = []  # called after each of them commits
        self.checkpoint_on_close = False  # an erasure could not be checkpointed at once (see erasure.py)
        self.warnings: list[str] = []  # what went wrong beside what was asked (an automatic backup), to be shown

    @property
    def user(self) -> str:
        """Who changes are recorded under: the database user on a server, else the computer's user."""
        return self.url.username or _os_user()

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def read_only(self) -> bool:
        """True when this database user may read but not change (a reader role on a shared desk)."""
        if self.sqlite_path is not None:
            return False  # a file the desk cannot write is refused when opened, with the reason
        try:
            with self.engine.connect() as conn:
                return not conn.execute(
                    sa.text("SELECT has_table_privilege(current_user, 'participant', 'INSERT')")
                ).scalar()
        except sa.exc.DBAPIError:
            return False

    @property
    def display_name(self) -> str:
        path = self.sqlite_path
        return str(path) if path else self.url.render_as_string(hide_password=True)

    @property
    def short_name(self) -> str:
        """How a title bar names the database: the file's name, or "DATABASE on HOST" (the socket's folder for
        a local server), decoded: never a URL-encoded string."""
        path = self.sqlite_path
        if path is not None:
            return path.name
        host = self.url.host or str(self.url.query.get("host") or "") or "this computer"
        return f"{self.url.database or '?'} on {host}"

    def session(self) -> Session:
        return self._sessions()

    @contextlib.contextmanager
    def transaction(self, write: bool = True) -> Iterator[Session]:
        """A session in a transaction that commits at the end of the block, or rolls back on any error.

        Nested calls (a service called inside a larger operation: loading the demo, an import) join the
        outermost transaction, so that one user action is one transaction: after a kill, a full disk or a lock,
        the database is as before or as after, never between."""
        outer = _CURRENT.get()
        if outer is not None and outer[0] is self:
            yield outer[1]
            return
        try:
            with self._sessions() as session, session.begin():
                connection = session.connection(execution_options={"write": write})
                token = _CURRENT.set((self, session))
                try:
                    yield session
                    if write and connection.dialect.name == "postgresql":
                        # The other desks hear of it when this commits (NOTIFY is transactional).
                        session.execute(
                            sa.text("SELECT pg_notify(:channel, :desk)"),
                            {"channel": CHANGES_CHANNEL, "desk": self.desk_id},
                        )
                finally:
                    try:
                        _CURRENT.reset(token)
                    except ValueError:  # a generator closed from another context
                        _CURRENT.set(None)
            if write:
                self.own_writes += 1
                for hook in list(self.after_own_write):
                    hook()
        except sa.exc.IntegrityError as exc:
            raise integrity_error(exc) from None
        except sa.exc.DBAPIError as exc:  # locked, disk full, damaged: a message, never a traceback
            raise DatabaseError(describe_database_failure(exc, self.url)) from exc

    def backup(self, reason: str = "manual") -> Path | None:
        """A consistent copy of a SQLite database, even while in use, kept in rotation; returns its path.
        A server database is backed up with the server's own tools: None for an automatic backup."""
        path = self.sqlite_path
        if path is None:
            if reason == "manual":
                raise DatabaseError("Back up a server database with the server's own tools (pg_dump).")
            return None
        if reason == "manual":
            return backups.take(path, reason)
        return self._automatic_backup(path, reason)

    def _automatic_backup(self, path: Path, reason: str) -> Path | None:
        """A backup the desk takes on its own: one that cannot be made is a warning (in `warnings` and the log),
        never the end of what the secretary asked for."""
        try:
            return backups.take(path, reason)
        except DatabaseError as exc:
            self.warnings.append(f"Warning: {exc} The work goes on without it.")
            log.warning("Automatic backup (%s) not made: %s", reason, exc)
            return None

    def checkpoint(self) -> bool:
        """Write the journal (WAL) back into the database file and empty it (after an erasure); False when
        another connection's read transaction kept it from finishing."""
        if self.sqlite_path is None:
            return True
        with self.engine.connect() as conn:
            busy, logged, done = pragma(conn, "PRAGMA wal_checkpoint(TRUNCATE)")
        return not busy and logged == done

    def close(self) -> None:
        if self.checkpoint_on_close:  # an erasure's old values still in the file: try again now
            with contextlib.suppress(DomainError, sa.exc.DBAPIError):
                self.checkpoint()
        self.engine.dispose()


def create_engine_for(url: URL, echo: bool = False, busy_timeout_ms: int = 5000) -> Engine:
    if url.get_backend_name() == "sqlite":
        # hide_parameters: an error's text never carries a row's values (names, e-mails) into a log.
        engine = sa.create_engine(
            url, echo=echo, hide_parameters=True, connect_args={"timeout": busy_timeout_ms / 1000}
        )
        event.listen(engine, "connect", sqlite_pragmas(busy_timeout_ms))
        event.listen(engine, "begin", sqlite_begin)
        return engine
    # A write waits at most as long as on SQLite behind another desk's lock, then gives up with the same message.
    return sa.create_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={"options": f"-c lock_timeout={int(busy_timeout_ms)}"},
    )


def open_database(
    path_or_url: str | Path | None = None, *, upgrade: bool = True, busy_timeout_ms: int = 5000
) -> Database:
    """Open (creating when new) and bring the schema to the newest revision, backing up a SQLite file first."""
    url = to_url(path_or_url if path_or_url is not None else default_database_path())
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
    engine = create_engine_for(url, busy_timeout_ms=busy_timeout_ms)
    try:
        with _translate_open_errors(url):
            current = current_revision(engine)
            if path is not None:
                quick_check(engine, path)
                use_wal(engine)  # only now that the file is known to be ours (or new)
                for own in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                    if own.exists() and stat.S_IMODE(own.stat().st_mode) & 0o077:
                        os.chmod(own, 0o600)  # holds every e-mail and telephone number
            if upgrade:
                upgrade_schema(engine, url, current, url.username or _os_user())
    except BaseException:
        engine.dispose()
        raise
    db = Database(engine, url)
    if path is not None:
        backups.remove_leftovers(path)
        if current is not None and not backups.taken_today(path):
            db.backup("daily")  # the first open of the day
    return db


@contextlib.contextmanager
def _translate_open_errors(url: URL) -> Iterator[None]:
    try:
        yield
    except sa.exc.DatabaseError as exc:
        raise DatabaseError(describe_database_failure(exc, url)) from exc


def describe_database_failure(exc: Exception, url: URL | None = None) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    where = f" ({url.render_as_string(hide_password=True)})" if url is not None else ""
    if "permission denied" in text or "insufficient privilege" in text:
        return (
            f"This database user may read the database{where} but not change it (a reader's account); "
            "ask the secretariat for a writer's account to make changes. Nothing was changed."
        )
    if "locked" in text or "busy" in text:
        return (
            f"The database{where} is locked by another program or another window. "
            "Close it there and try again; nothing was changed."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"The database{where} is damaged. Restore a backup; nothing was changed."
    if "disk is full" in text or "no space" in text:
        return f"The disk that holds the database{where} is full: free some space and try again; nothing was changed."
    if "lock timeout" in text or "lock_timeout" in text:
        return f"The database{where} is locked by another desk. Try again in a moment; nothing was changed."
    if "readonly" in text or "read-only" in text:
        return f"The database{where} is read-only: check the file's permissions."
    if "unable to open" in text:
        return f"The database{where} cannot be opened: check that its folder exists and is writable."
    # A server's troubles: each with a way forward.
    if "password authentication failed" in text or "no password supplied" in text:
        return f"The server{where} refused the user name or the password: type them again."
    if "database" in text and "does not exist" in text:
        name = url.database if url is not None else "asked for"
        return f"The server has no database “{name}”{where}: check the name, or create it (createdb) and connect again."
    if any(
        w in text
        for w in (
            "connection refused",
            "could not connect",
            "timeout expired",
            "could not translate host name",
            "no route to host",
            "network is unreachable",
        )
    ):
        return (
            f"The server{where} cannot be reached: check its address and that it is running, then try again; "
            "or work on a local copy (`db copy --from SERVER --to FILE`). Nothing was changed."
        )
    if any(
        w in text
        for w in (
            "server closed the connection",
            "terminating connection",
            "connection is closed",
            "consuming input failed",
            "connection reset",
            "connection is lost",
            "connection is bad",
            "ssl connection has been closed",
            "could not receive data",
            "administrator command",
        )
    ):
        return (
            f"The connection to the server{where} was lost in the middle: that change was not saved. "
            "Try again (the desk reconnects by itself)."
        )
    return f"The database{where} failed: {getattr(exc, 'orig', exc)}"


def schema_history(db: Database) -> list[tuple[dt.datetime, str, str, str | None, str]]:
    """(at, by, application version, from, to), oldest first."""
    from ccm_secretariat.orm import SchemaHistory

    with db.transaction(write=False) as s:
        return [
            (h.at, h.by, h.app_version, h.from_revision, h.to_revision)
            for h in s.scalars(sa.select(SchemaHistory).order_by(SchemaHistory.id))
        ]
