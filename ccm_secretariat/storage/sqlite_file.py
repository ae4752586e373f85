"""SQLite's own: the file checked before it is opened, the connection's pragmas, BEGIN IMMEDIATE for a write,
the quick check that refuses a damaged file, write-ahead logging. A server needs none of this."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccm_secretariat.errors import DatabaseError
from ccm_secretariat.storage.userdirs import create_private

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.engine import URL, Connection, Engine

SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def sqlite_pragmas(busy_timeout_ms: int) -> Callable[[Any, Any], None]:
    def set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy's pysqlite recipe: the driver sends no BEGIN of its own (it would send it only before the
        # first write, leaving the reads that check a rule outside the transaction); the "begin" event does.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return set_pragmas


def sqlite_begin(conn: Connection) -> None:
    """BEGIN IMMEDIATE for a write (the write lock is taken before the first read, so a check and the insert it
    allows are one unit, as on PostgreSQL); a plain BEGIN for a read (one consistent snapshot)."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


def check_sqlite_file(path: Path) -> None:
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError(
            f"The folder {folder} is read-only: the database needs to write its journal beside "
            "itself. Copy the file to a folder you can write in, and open it there."
        )
    if not path.exists() or path.stat().st_size == 0:
        folder.mkdir(parents=True, exist_ok=True)
        create_private(path)
        return
    if not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseError(f"{path} cannot be read and written by you: check the file's permissions.")
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseError(
            f"{path} is not a database of this application: the file is damaged or of another "
            "kind. Open another file, or restore a backup."
        )


def pragma(conn: Connection, statement: str) -> Any:
    """Run a PRAGMA outside any transaction (on the driver's connection: SQLAlchemy would begin one first)."""
    raw = conn.connection.dbapi_connection
    if raw is None:  # the connection was closed under us
        raise DatabaseError("The connection to the database was closed.")
    cursor = raw.cursor()
    try:
        return cursor.execute(statement).fetchone()
    finally:
        cursor.close()


def quick_check(engine: Engine, path: Path) -> None:
    """Refuse to work in a damaged file (writing into it spreads the damage); point to the backups."""
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(5)")]
        conn.rollback()
    if rows != ["ok"]:
        raise DatabaseError(
            f"{path} is damaged ({rows[0][:120]}); nothing was changed. Restore a backup "
            "(File → Restore from backup, or `ccm-secretariat db restore`)."
        )


def use_wal(engine: Engine) -> None:
    with engine.connect() as conn:
        if pragma(conn, "PRAGMA journal_mode")[0] != "wal":
            pragma(conn, "PRAGMA journal_mode=WAL")
