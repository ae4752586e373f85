"""The schema: Alembic's migrations (shipped with the package), the revision a database is at, the upgrade on
open (one transaction, a SQLite file backed up first, refused for another application's or a newer database) and
the database's own history of upgrades."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from ccm_secretariat.application import migrations_dir
from ccm_secretariat.errors import DatabaseError
from ccm_secretariat.storage import backups
from ccm_secretariat.storage.sqlite_file import pragma, sqlite_path

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Connection, Engine


MIGRATIONS_DIR = migrations_dir()
log = logging.getLogger(__name__)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise DatabaseError("The application's migrations are missing from its installation; reinstall it.")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        if revision is None and sa.inspect(conn).get_table_names():
            raise DatabaseError(
                "This database was not made by the secretariat desk (it has tables but no "
                "schema version); it is left untouched."
            )
        return revision


def _record_upgrade(conn: Connection, current: str | None, head: str, by: str) -> None:
    """The database's own history: which version of the application made or upgraded it, and when."""
    from ccm_secretariat.application import VERSION
    from ccm_secretariat.orm import SchemaHistory
    from ccm_secretariat.orm.base import table_of

    conn.execute(
        sa.insert(table_of(SchemaHistory)).values(
            at=dt.datetime.now().replace(microsecond=0),
            by=by[:100],
            app_version=VERSION,
            from_revision=current,
            to_revision=head,
        )
    )
    log.info("Schema %s -> %s by version %s", current or "(new database)", head, VERSION)


def upgrade(engine: Engine, url: URL, current: str | None, by: str) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    if current == head:
        return
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        with engine.connect() as conn:
            ours = {"meeting", "delegation", "participant"} <= set(sa.inspect(conn).get_table_names())
        if not ours:
            raise DatabaseError(
                "This database belongs to another application (it has a schema version but not "
                "the secretariat desk's tables); it is left untouched."
            )
        raise DatabaseError(
            f"This database was made by a newer version of the application (schema {current}); "
            "update the application to open it. The file is left untouched."
        )
    path = sqlite_path(url)
    if current is not None and path is not None:
        backups.take(path, f"before-upgrade-from-{current}")
    cfg = alembic_config()
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:  # a table rebuilt by a migration must not cascade-delete the rows that refer to it
            pragma(conn, "PRAGMA foreign_keys=OFF")
        try:
            with conn.execution_options(write=True).begin():  # one transaction: a kill leaves the file as it was
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                _record_upgrade(conn, current, head, by)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise DatabaseError(
                        "The schema upgrade would break links between records; nothing was "
                        "changed. Restore a backup or report the problem."
                    )
        finally:
            if sqlite:
                pragma(conn, "PRAGMA foreign_keys=ON")
