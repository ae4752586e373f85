"""The database the tests run on: SQLite files (the default), or PostgreSQL when CCM_TEST_POSTGRES holds the URL
of a server's maintenance database (.ci/run starts a throwaway cluster and sets it; see scripts/pg_cluster.sh).

On PostgreSQL each test gets its own database, copied from a template made once per session (migrated, the
reference data loaded; a second template holds the demo), so tests stay as independent as their SQLite files."""

from __future__ import annotations

import itertools
import os
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

SERVER = os.environ.get("CCM_TEST_POSTGRES", "")
ON_POSTGRES = bool(SERVER)
_counter = itertools.count(1)
_RUN = uuid.uuid4().hex[:8]

sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="SQLite-only behaviour, see the test's reason")


def _admin():
    return sa.create_engine(SERVER, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


def database_url(name: str) -> str:
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def create_database(template: str | None = None) -> str:
    """A new, empty (or copied) database on the server; returns its URL."""
    name = f"ccm_{_RUN}_{next(_counter)}"
    engine = _admin()
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    engine.dispose()
    return database_url(name)


def drop_database(url: str) -> None:
    name = make_url(url).database
    engine = _admin()
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()


def assert_refused(services, sql: str, names: str) -> None:
    """The database itself refuses `sql` (run bare, past the services) with a message naming the constraint:
    `names` is a regular expression that matches SQLite's wording or PostgreSQL's."""
    import re

    with services.db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        with pytest.raises(sa.exc.IntegrityError) as info:
            conn.exec_driver_sql(sql)
        conn.rollback()
    assert re.search(names, str(info.value.orig), re.IGNORECASE), str(info.value.orig)


def location(services) -> str:
    """What another process opens to reach the same database: the SQLite file, or the server's URL."""
    db = services.db
    return str(db.sqlite_path) if db.sqlite_path is not None else db.url.render_as_string(hide_password=False)
