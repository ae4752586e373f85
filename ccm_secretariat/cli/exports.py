"""`export KIND`: each document of the registry with the arguments its kind declares; `export pack`: all at once."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from ccm_secretariat.cli.common import MEETING_HELP, Command, Subparsers, argument_type, date_argument
from ccm_secretariat.documents.options import Argument
from ccm_secretariat.documents.registry import DOCUMENTS, DocumentKind, ExportOptions
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services import Services

# Every kind's command line takes these; a kind whose options have no such field leaves them unused.
SHARED_OPTIONS = ("symbol", "date")


def add_export(sub: Subparsers) -> None:
    export = sub.add_parser("export", help="produce a document").add_subparsers(dest="what", required=True)
    for kind in DOCUMENTS.values():
        doc = export.add_parser(kind.name, help=f"{kind.label} ({' or '.join(kind.formats)})")
        single = len(kind.formats) == 1
        doc.add_argument(
            "--format", choices=kind.formats, required=not single, default=kind.formats[0] if single else None
        )
        doc.add_argument("--out", required=True, help="file to write")
        doc.add_argument("--meeting", help=MEETING_HELP)
        doc.add_argument("--symbol", help="the document's symbol (default: from the register)")
        doc.add_argument(
            "--date",
            "--as-at",
            dest="date",
            type=date_argument,
            help="the document's date; for the list, the day it is as at (default: today)",
        )
        for argument in kind.arguments:
            _add(doc, argument)
    pack = export.add_parser("pack", help="every document of the meeting at once, in parallel, into a folder")
    pack.add_argument("--out", required=True, help="folder to write (made if missing)")
    pack.add_argument("--meeting", help=MEETING_HELP)
    pack.add_argument("--processes", type=int, help="worker processes (default: one a core)")


def _add(parser: argparse.ArgumentParser, argument: Argument) -> None:
    settings: dict[str, Any] = {"dest": argument.field, "help": argument.help, "action": argument.action}
    if argument.action == "append":
        settings["default"] = []
    if argument.parse is not None:
        settings["type"] = argument_type(argument.parse)
    if argument.choices:
        settings["choices"] = list(argument.choices)
    elif argument.action != "store_true":  # named as the flag, whatever the field it sets
        settings["metavar"] = argument.flag.lstrip("-").upper().replace("-", "_")
    parser.add_argument(argument.flag, **settings)


def options_given(services: Services, meeting_id: int, kind: DocumentKind, args: argparse.Namespace) -> ExportOptions:
    """The kind's options as the command line gives them: its own arguments, and the shared ones it declares."""
    values = {a.field: a.value(services, meeting_id, getattr(args, a.field)) for a in kind.arguments}
    values.update({name: getattr(args, name) for name in SHARED_OPTIONS if kind.declares(name)})
    return ExportOptions(**values)


def cmd_export(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    if args.what == "pack":
        return _pack(services, meeting.id, args, out)
    kind = DOCUMENTS[args.what]
    options = options_given(services, meeting.id, kind, args)
    last = run_to_end(kind.job(services, meeting.id, args.format, args.out, options))
    for warning in last.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Wrote {last.path} ({last.message}).", file=out)
    return 0


def _pack(services: Services, meeting_id: int, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.documents.pack import write_pack

    last = run_to_end(write_pack(services, meeting_id, args.out, args.processes))
    warnings = list(dict.fromkeys(last.warnings))
    for warning in warnings[:10]:
        print(f"warning: {warning}", file=sys.stderr)
    if len(warnings) > 10:
        print(f"warning: … and {len(warnings) - 10} more like these.", file=sys.stderr)
    print(last.message, file=out)
    return 0


COMMANDS = (Command("export", add_export, cmd_export),)
