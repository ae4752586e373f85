"""`db`: backups (SQLite), the server's roles, a copy between SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ccm_secretariat.cli.common import Command, Subparsers
from ccm_secretariat.errors import DomainError
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services import Services


def add_db(sub: Subparsers) -> None:
    db = sub.add_parser("db", help="backups of the database").add_subparsers(dest="action", required=True)
    db.add_parser("backup", help="back up the database now")
    db.add_parser("backups", help="list the backups, newest first")
    roles = db.add_parser("roles", help="the SQL that makes a writer role and a reader role (server databases)")
    roles.add_argument("--apply", action="store_true", help="run it now, as the user of --db")
    copy = db.add_parser("copy", help="copy a whole database between SQLite and PostgreSQL (either way)")
    copy.add_argument("--from", dest="source", required=True, help="a SQLite file or a server's URL")
    copy.add_argument("--to", dest="target", required=True, help="a new SQLite file or an empty server database")
    restore = db.add_parser("restore", help="restore a backup (the current state is backed up first)")
    restore.add_argument("backup", help="the backup's number in `db backups`, or its file")


def cmd_db(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "roles":
        return _roles(services, args, out)
    if args.action == "copy":
        from ccm_secretariat.storage.copying import copy_database

        last = run_to_end(copy_database(args.source, args.target))
        print(f"Copied {last.message}.", file=out)
        return 0
    return _backups(services, args, out)


def _roles(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.storage.db_roles import apply_roles, roles_sql

    if services.db.sqlite_path is not None:
        raise DomainError("roles are a server's: give --db postgresql+psycopg://owner@host/dbname.")
    if not services.db.url.database:
        raise DomainError("give the database in the URL: postgresql+psycopg://owner@host/dbname.")
    statements = roles_sql(services.db.url.database)
    if args.apply:
        apply_roles(services.db.url, statements)
        print(
            "Made the roles ccm_writer and ccm_reader; add people with "
            "CREATE ROLE name LOGIN PASSWORD '…' IN ROLE ccm_writer (or ccm_reader).",
            file=out,
        )
    else:
        print(";\n".join(statements) + ";", file=out)
    return 0


def _backups(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    """backup, backups and restore: a SQLite file's."""
    from ccm_secretariat.storage import backups

    path = services.db.sqlite_path
    if path is None:
        raise DomainError("Back up and restore a server database with the server's own tools (pg_dump, pg_restore).")
    if args.action == "backup":
        print(f"Backed up to {services.db.backup()}", file=out)
        return 0
    listed = backups.list_backups(path)
    if args.action == "backups":
        if not listed:
            print("No backup yet: `ccm-secretariat db backup` makes one.", file=out)
        for n, b in enumerate(listed, start=1):
            print(f"{n:3}  {b.label}  ({b.path.name})", file=out)
        return 0
    chosen = (
        listed[int(args.backup) - 1].path
        if args.backup.isdigit() and 0 < int(args.backup) <= len(listed)
        else Path(args.backup)
    )
    services.close()
    before = backups.restore(path, chosen)
    print(f"Restored {chosen.name}; the state before was backed up to {before}", file=out)
    return 0


COMMANDS = (Command("db", add_db, cmd_db),)
