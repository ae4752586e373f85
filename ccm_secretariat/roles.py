"""Rights on a shared desk: the SQL that makes a writer role and a reader role for one database (`db roles`
prints it; `--apply` runs it as the user of the URL, who must own the database or be a superuser). People are
then made members: CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE ccm_writer."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import URL


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def roles_sql(database: str, writer: str = "ccm_writer", reader: str = "ccm_reader") -> list[str]:
    db, w, r = _quoted(database), _quoted(writer), _quoted(reader)
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{writer}') THEN "
        f"CREATE ROLE {w} NOLOGIN; END IF; END $$",
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{reader}') THEN "
        f"CREATE ROLE {r} NOLOGIN; END IF; END $$",
        f"GRANT CONNECT ON DATABASE {db} TO {w}, {r}",
        f"GRANT USAGE ON SCHEMA public TO {w}, {r}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {w}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {w}",
        # Tables a later version of the desk creates (migrations run as the owner) get the same rights.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {w}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {w}",
    ]


def apply_roles(url: URL, statements: list[str]) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()
