"""`import registrations FILE` and `import carry-over`: the preview's findings on stderr, one summary line on
stdout; exit 3 when rows were refused or left unresolved."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from ccm_secretariat.cli.common import MEETING_HELP, Command, Subparsers, describe_failure
from ccm_secretariat.domain.enums import Rule
from ccm_secretariat.domain.fields import escaped
from ccm_secretariat.errors import DomainError
from ccm_secretariat.exports.import_report import import_report
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services import Services

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ccm_secretariat.imports.plan import Choices, Incoming, MeetingContext, Plan, PlanRow


def _import_options(parser: argparse.ArgumentParser, meeting: bool = True) -> None:
    if meeting:
        parser.add_argument("--meeting", help=MEETING_HELP)
    parser.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    parser.add_argument(
        "--month-first", action="store_true", help="read the file's dates such as 02/08/2026 month first (8 February)"
    )
    parser.add_argument(
        "--on-duplicate",
        choices=["skip", "update", "add"],
        default="skip",
        help="what to do with a person registered already (default: skip)",
    )
    parser.add_argument("--partial", action="store_true", help="import the good rows even when others are refused")
    parser.add_argument("--report", metavar="OUT.xlsx", help="write what happened to each row")


def add_import(sub: Subparsers) -> None:
    imports = sub.add_parser("import", help="bring registrations in").add_subparsers(dest="what", required=True)
    reg = imports.add_parser("registrations", help="import registrations from an Indico export, .xlsx, CSV or TSV")
    reg.add_argument("file")
    _import_options(reg)
    reg.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="map a column by hand (repeatable); HEADER= ignores the column",
    )
    reg.add_argument(
        "--new-organisations",
        choices=[r.value for r in Rule],
        metavar="RULE",
        help="add delegations the reference data lacks as new organisations admitted under the rule given",
    )
    reg.add_argument("--encoding", help="the text file's encoding when it is not UTF-8 (e.g. cp1252, gbk, shift_jis)")
    carry = imports.add_parser("carry-over", help="copy delegations and members from an earlier meeting")
    carry.add_argument("--from", dest="source", required=True, help="the earlier meeting")
    _import_options(carry, meeting=False)
    carry.add_argument("--to", dest="meeting", help="the new meeting (default: the latest)")


@dataclass
class Rows:
    """The rows to import and where they come from; a file's headers and column mapping, remembered after (the
    sheet's rows themselves are let go once the rows to import are made of them)."""

    rows: list[Incoming]
    source: str
    headers: list[str] | None = None
    mapping: Any = None


def _read(services: Services, args: argparse.Namespace, meeting_id: int) -> Rows:
    imports = services.imports
    if args.what != "registrations":
        earlier = services.meetings.find(args.source)
        return Rows(imports.carry_over(earlier.id, meeting_id), f"meeting {earlier.id} ({earlier.symbol_prefix})")
    from ccm_secretariat.imports import columns

    sheet = imports.read(args.file, args.encoding)
    if sheet.encoding:
        print(f"Read {args.file} as {sheet.encoding} text.", file=sys.stderr)
    mapping, _remembered = imports.mapping_for(sheet.headers)
    mapping = columns.parse_overrides(sheet.headers, mapping, args.map)
    mapped = ", ".join(f"{sheet.headers[i]} → {f.value}" for i, f in sorted(mapping.items()))
    print(f"Columns: {mapped}", file=sys.stderr)
    return Rows(imports.incoming(sheet, mapping), args.file, sheet.headers, mapping)


def _with_new_organisations(
    services: Services,
    args: argparse.Namespace,
    meeting_id: int,
    incoming: Rows,
    choices: Choices,
    context: MeetingContext,
) -> Plan:
    """The preview, again with the unresolved delegations named by the file added as new organisations
    (--new-organisations RULE)."""
    from ccm_secretariat.imports.columns import Field
    from ccm_secretariat.imports.plan import DecidedBy, NewOrganisation

    plan = services.imports.preview(meeting_id, incoming.rows, choices, context)
    for r, row in zip(plan.rows, incoming.rows):
        named = row.fields.get(Field.DELEGATION) or r.decided_by == DecidedBy.AFFILIATION  # not a country
        if r.finding.value == "unresolved" and r.delegation_text and named:
            choices.targets[r.line] = NewOrganisation(r.delegation_text, "", Rule(args.new_organisations))
    return services.imports.preview(meeting_id, incoming.rows, choices, context)


def _preview(services: Services, args: argparse.Namespace, meeting_id: int, incoming: Rows) -> tuple[Plan, Choices]:
    from ccm_secretariat.imports.plan import Choices, Outcome

    choices = Choices(on_duplicate=Outcome(args.on_duplicate), month_first=True if args.month_first else None)
    context = services.imports.context(meeting_id)
    plan = services.imports.preview(meeting_id, incoming.rows, choices, context)
    if plan.ask_date_order:
        print(
            f"note: the file's dates such as {plan.ask_date_order} are read day first; --month-first reads them "
            "month first.",
            file=sys.stderr,
        )
    if getattr(args, "new_organisations", None):
        plan = _with_new_organisations(services, args, meeting_id, incoming, choices, context)
    for r in plan.rows:
        if r.outcome == Outcome.REFUSE:
            print(f"refused: {escaped(r.message)}", file=sys.stderr)
        for note in r.notes:
            print(f"note: {escaped(note)}", file=sys.stderr)
    return plan, choices


def _written(
    services: Services, args: argparse.Namespace, meeting_id: int, incoming: Rows, plan: Plan, choices: Choices
) -> tuple[Sequence[PlanRow] | None, str]:
    """The import run (when not a dry run, and complete or --partial): its rows, and the summary line."""
    from ccm_secretariat.imports.plan import Outcome

    imports = services.imports
    if not args.dry_run and (plan.complete or args.partial):
        result = imports.run(meeting_id, incoming.rows, choices, partial=args.partial, previewed=plan)
        if incoming.headers is not None and (
            unsaved := imports.remember_mapping_after(result.summary, incoming.headers, incoming.mapping)
        ):
            print(unsaved, file=sys.stderr)
        if result.note:
            print(f"note: {result.note}", file=sys.stderr)
        return result.rows, result.summary
    c = plan.counts()
    if args.dry_run:  # the plan's own counts: what the import would do
        return None, (
            f"would add {c[Outcome.ADD]}, update {c[Outcome.UPDATE]}, skip {c[Outcome.SKIP]}, "
            f"refuse {c[Outcome.REFUSE]} (a dry run: nothing written)"
        )
    print(
        f"Nothing was written: some rows are refused; --partial imports the others. The plan: {plan.summary}.",
        file=sys.stderr,
    )
    return None, f"added 0, updated 0, skipped {c[Outcome.SKIP]}, refused {c[Outcome.REFUSE]}"


def _report(args: argparse.Namespace, source: str, plan: Plan, rows: Sequence[PlanRow] | None, summary: str) -> bool:
    """--report OUT.xlsx: what happened to each row; False (and why, on stderr) when it could not be written."""
    try:
        last = run_to_end(import_report(rows if rows is not None else plan.rows, rows is not None, source, args.report))
    except (DomainError, OSError) as exc:
        done = f"The import was written ({summary})" if rows is not None else "Nothing was imported"
        print(f"ccm-secretariat: {done}, but the report was not: {describe_failure(exc)}", file=sys.stderr)
        return False
    print(f"Wrote the report to {last.path}.", file=sys.stderr)
    return True


def cmd_import(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    incoming = _read(services, args, meeting.id)
    plan, choices = _preview(services, args, meeting.id, incoming)
    rows, summary = _written(services, args, meeting.id, incoming, plan, choices)
    print(summary, file=out)
    if args.report and not _report(args, incoming.source, plan, rows, summary):
        return 1
    return 0 if plan.complete else 3


COMMANDS = (Command("import", add_import, cmd_import),)
