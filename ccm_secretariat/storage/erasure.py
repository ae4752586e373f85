"""After a person is erased for good: make the erased values go from the database's files where the back end
allows it, and say what still holds them and when that goes.

SQLite: the rows are overwritten (secure_delete) in the write-ahead log; a checkpoint writes them over the old
pages in the database file. A checkpoint cannot finish while another connection (another window, a program
reading the file) holds a read transaction: then the old values stay in the file until it ends, and the desk
checkpoints again when it closes. PostgreSQL: VACUUM of the tables touched removes the dead rows from the table
files (the owner of the tables, or a superuser, may run it; for other users autovacuum does it within minutes);
the server's write-ahead log keeps them until its segments are recycled after the next checkpoints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from ccm_secretariat.storage.database import Database

TOUCHED = ("participant", "attendance", "check_in", "badge_print", "change_log")


@dataclass(frozen=True)
class Erasure:
    """What an erasure left: the backups that still hold the person, and what else does and until when."""

    backups: list[Path] = field(default_factory=list)
    remains: str = ""  # "" when nothing else holds the values


def scrub(db: Database) -> str:
    """Make the erased values go where the back end allows; returns what still holds them ("" for nothing)."""
    if db.sqlite_path is not None:
        if db.checkpoint():
            return ""
        db.checkpoint_on_close = True
        return (
            "Another window or program is reading this database: until it stops, the person's old details stay "
            "in the database file. The desk removes them when it closes (or the next time it opens the file)."
        )
    with db.engine.connect() as conn:
        owner = conn.execute(
            sa.text(
                "SELECT bool_and(pg_has_role(current_user, tableowner, 'MEMBER')) FROM pg_tables "
                "WHERE schemaname = 'public' AND tablename = ANY(:t)"
            ),
            {"t": list(TOUCHED)},
        ).scalar()
    wal = (
        "The server's write-ahead log keeps them until its segments are recycled after its next checkpoints "
        "(minutes to hours), and the server's own backups and archives keep them as long as they are kept."
    )
    if not owner:
        return (
            "The server's table files keep the old details until its autovacuum passes (usually within minutes; "
            f"the owner of the database can run VACUUM {', '.join(TOUCHED)} now). " + wal
        )
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f"VACUUM {', '.join(TOUCHED)}")
    return "The table files no longer hold them (VACUUM was run). " + wal
