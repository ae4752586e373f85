"""A whole database copied between SQLite and PostgreSQL, either way: the secretary prepares the meeting
offline on a laptop, moves it to the server at the venue, and takes a copy home afterwards.

Both ends are brought to the newest schema first; the target must hold no meeting. Every table is copied in
the order its foreign keys need, in one transaction on the target (a failure leaves it as it was), with the
same ids; PostgreSQL's id sequences are then moved past the copied ids. The copy is checked afterwards,
table by table: the same number of rows and the same contents (a digest of every row, read back through the
same column types on both sides)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ccm_secretariat.errors import ValidationError
from ccm_secretariat.orm import Base
from ccm_secretariat.progress import Progress
from ccm_secretariat.storage.database import open_database

if TYPE_CHECKING:
    from ccm_secretariat.storage.database import Database

BATCH = 5000


def _tables() -> list[sa.Table]:
    return list(Base.metadata.sorted_tables)  # parents before children


def _ordered(table: sa.Table) -> sa.Select[Any]:
    return sa.select(table).order_by(*table.primary_key.columns)


def digest(engine: sa.Engine, table: sa.Table) -> tuple[int, str]:
    """The number of rows and a digest of their contents, in primary key order."""
    h = hashlib.sha256()
    count = 0
    with engine.connect() as conn:
        for row in conn.execute(_ordered(table)):
            h.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
            count += 1
    return count, h.hexdigest()


def make_url_name(db: Database) -> str:
    return db.url.database or "server database"


def copy_database(source: str | Path, target: str | Path) -> Iterator[Progress]:
    """Copy everything in `source` into `target` (which must hold no meeting); yields progress, and at the end
    the rows copied per table."""
    src, dst = open_database(source), open_database(target)
    try:
        tables = _tables()
        with dst.engine.connect() as conn:
            if conn.execute(sa.text("SELECT count(*) FROM meeting")).scalar():
                raise ValidationError(
                    f"{dst.display_name} holds meetings already; copy into a new, empty "
                    "database (a new file, or a new database on the server).",
                    "to",
                )
        with src.engine.connect() as conn:
            sizes = {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0 for t in tables}
        total, done = max(1, sum(sizes.values())), 0
        yield Progress(0, total, "Copying")
        with dst.engine.begin() as out, src.engine.connect() as read:
            if out.dialect.name == "sqlite":
                out.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            for table in reversed(tables):  # the target's reference data, loaded when it was made, goes first
                out.execute(table.delete())
            for table in tables:
                rows = read.execution_options(yield_per=BATCH).execute(_ordered(table)).mappings()
                for batch in rows.partitions(BATCH):
                    out.execute(table.insert(), [dict(r) for r in batch])
                    done += len(batch)
                    yield Progress(done, total, table.name)
            if out.dialect.name == "postgresql":
                for table in tables:
                    if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement is not False:
                        out.execute(
                            sa.text(
                                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                            )
                        )
        for table in tables:
            if digest(src.engine, table) != digest(dst.engine, table):
                raise ValidationError(
                    f"the copy of the table {table.name} differs from the original; the target "
                    "should be deleted and the copy made again.",
                    "to",
                )
        copied = sum(sizes.values())
        # The last progress names the target as the desk shows it (a server's password never appears).
        yield Progress(
            total,
            total,
            f"{copied:,} rows in {len(tables)} tables into {dst.display_name}, checked",
            dst.sqlite_path or Path(make_url_name(dst)),
        )
    finally:
        src.close()
        dst.close()
