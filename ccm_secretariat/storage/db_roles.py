"""Rights on a shared desk: the SQL that makes a writer role and a reader role for one database (`db roles`
prints it; `--apply` runs it as the user of the URL, who must own the database or be a superuser). People are
then made members: CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE ccm_writer."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import URL

from ccm_secretariat.errors import DomainError


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
        # Who changed what is append-only for the writer: only the owner can change or prune it. Erasing a
        # person for good forgets their entries through a function that runs with the owner's rights (0013).
        f"REVOKE UPDATE, DELETE, TRUNCATE ON change_log FROM {w}",
        f"GRANT EXECUTE ON FUNCTION ccm_forget_erased(integer, text) TO {w}",
        # The key that makes badge codes: a reader who could read it could make the badge of anyone printed; a
        # writer reads it (to print and check in) but cannot change it.
        f"REVOKE ALL ON desk_secret FROM {r}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON desk_secret FROM {w}",
        # Tables a later version of the desk creates (migrations run as the owner) get the same rights.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {w}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {w}",
    ]


OWNER = "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'participant'"
MAY_GRANT = (
    f"SELECT pg_has_role(current_user, ({OWNER}), 'MEMBER') "
    "OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
)
NOT_OWNER = (
    "Only the owner of the desk's tables ({owner}) or a superuser can make the roles; you are connected as "
    "{user}. Nothing was granted: connect as {owner} and run `db roles --apply` again."
)


def apply_roles(url: URL, statements: list[str], writer: str = "ccm_writer") -> None:
    """Run the statements as the URL's user, who must own the desk's tables (or be a superuser); then check that
    the writer can register and cannot rewrite the change log. Raises DomainError saying what was not done."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            user, owner, may = conn.execute(sa.text(f"SELECT current_user, ({OWNER}), ({MAY_GRANT})")).one()
            if not may:
                raise DomainError(NOT_OWNER.format(owner=owner, user=user))
            try:
                for statement in statements:
                    conn.exec_driver_sql(statement)
            except sa.exc.DBAPIError as exc:
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
                raise DomainError(
                    f"The roles could not be made ({reason}); the statements before that one were applied. "
                    "Run `db roles --apply` again as a superuser."
                ) from None
            granted, appends_only = conn.execute(
                sa.text(
                    "SELECT has_table_privilege(:w, 'participant', 'INSERT'), "
                    "NOT has_table_privilege(:w, 'change_log', 'UPDATE') "
                    "AND NOT has_table_privilege(:w, 'change_log', 'DELETE') "
                    "AND NOT has_table_privilege(:w, 'desk_secret', 'UPDATE')"
                ),
                {"w": writer},
            ).one()
            if not (granted and appends_only):
                raise DomainError(NOT_OWNER.format(owner=owner, user=user))
    except sa.exc.DBAPIError as exc:
        raise DomainError(f"The roles could not be made: {str(exc.orig or exc).splitlines()[0]}") from None
    finally:
        engine.dispose()
