"""What the command groups share: a command's shape, dates typed as arguments, tables printed, failures told."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ccm_secretariat.errors import DomainError
from ccm_secretariat.services import Services

MEETING_HELP = "number, symbol prefix or short title (default: the latest)"

Subparsers = Any  # argparse's _SubParsersAction, private in the standard library


@dataclass(frozen=True)
class Command:
    """One command: how its arguments are declared, and how it runs (its exit status)."""

    name: str
    add: Callable[[Subparsers], None]
    run: Callable[[Services, argparse.Namespace, TextIO], int]


def date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date; write it as YYYY-MM-DD.") from None


def argument_type(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """A parser of the core as argparse's type: its ValueError's message is the error shown (a type such as int
    keeps argparse's own message)."""
    if isinstance(parse, type):
        return parse

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = parse.__name__
    return convert


def print_table(rows: Sequence[Sequence[str]], out: TextIO, indent: str = "") -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(indent + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip(), file=out)


def describe_failure(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return str(exc)
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full: free some space and try again. Nothing was changed."
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or exc}{where}."
    return str(exc)
