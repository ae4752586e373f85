"""Command line: `ccm-secretariat [--db PATH_OR_URL] COMMAND ...`; errors go to stderr with exit status 1."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from ccm_secretariat.application import VERSION
from ccm_secretariat.cli import database, exports, imports, meetings, room
from ccm_secretariat.cli.common import Command, describe_failure
from ccm_secretariat.errors import DomainError
from ccm_secretariat.services import open_services

__all__ = ["COMMANDS", "build_parser", "describe_failure", "main"]

# In the order `--help` lists them.
_ORDER = (
    "demo meetings meeting delegations states treaties export seating history obligations checkin db import synth"
).split()
_ALL: dict[str, Command] = {c.name: c for group in (meetings, exports, room, database, imports) for c in group.COMMANDS}
COMMANDS = {name: _ALL[name].run for name in _ORDER}


def build_parser(command_required: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; `command_required=False` for the entry point, where no command starts the
    window (ui/launcher.py)."""
    parser = argparse.ArgumentParser(
        prog="ccm-secretariat",
        description=__doc__.splitlines()[0],
        epilog=None if command_required else "With no command, the desk's window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {VERSION}")
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", help="SQLite file or SQLAlchemy URL (default: the file in your user data folder)"
    )
    sub = parser.add_subparsers(dest="command", required=command_required, metavar="COMMAND")
    for name in _ORDER:
        _ALL[name].add(sub)
    return parser


def _fail(err: TextIO, exc: BaseException) -> int:
    """One line on stderr; a value that is not valid text (a lone surrogate from a non-UTF-8 argument) is shown
    escaped rather than ending in a traceback."""
    text = f"ccm-secretariat: {describe_failure(exc)}"
    print(text.encode("utf-8", "backslashreplace").decode("utf-8"), file=err)
    return 1


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    from ccm_secretariat import logs
    from ccm_secretariat.storage.pending import prepare_process

    logs.install()  # imports, exports and backups made from the command line are logged as the window's are
    try:
        prepare_process()
        services = open_services(args.db)
    except (DomainError, OSError) as exc:
        return _fail(err, exc)
    try:
        return COMMANDS[args.command](services, args, out)
    except (DomainError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):  # output piped into `head` and the like
            return 0
        return _fail(err, exc)
    finally:
        for warning in services.db.warnings:  # an automatic backup that could not be made, and the like
            print(warning, file=err)
        services.close()
