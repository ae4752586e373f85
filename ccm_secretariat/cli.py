"""Command line: `ccm-secretariat [--db PATH_OR_URL] COMMAND ...`; errors go to stderr with exit status 1."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import sys
from collections.abc import Sequence
from typing import TextIO

from ccm_secretariat.application import VERSION
from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.domain.enums import Category, MeetingFormat
from ccm_secretariat.domain.fields import escaped
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import DomainError, ValidationError
from ccm_secretariat.exports.import_report import import_report
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services import Services, open_services

CATEGORY_NAMES = {c.value.replace("_", "-"): c for c in Category}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date; write it as YYYY-MM-DD.") from None


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

    sub.add_parser("demo", help="load the demo conference (CCM Second Review Conference, 2020)")
    sub.add_parser("meetings", help="list the meetings in the database")

    meeting = sub.add_parser("meeting", help="create a meeting").add_subparsers(dest="action", required=True)
    create = meeting.add_parser("create", help="create a meeting")
    create.add_argument("--title", required=True, help="full title")
    create.add_argument("--short-title", required=True)
    create.add_argument("--prefix", required=True, help="document symbol prefix, e.g. CCM/MSP/2026")
    create.add_argument("--first-day", required=True, type=_date, help="YYYY-MM-DD")
    create.add_argument("--last-day", required=True, type=_date, help="YYYY-MM-DD")
    create.add_argument("--venue", default="")
    create.add_argument("--city", default="")
    create.add_argument("--treaty", default="CCM")
    create.add_argument("--body", default="Meeting", help="what the body calls itself (Meeting, Conference)")
    create.add_argument("--format", choices=[f.value for f in MeetingFormat], default="in_person")

    delegations = sub.add_parser("delegations", help="the delegations of a meeting, by category")
    delegations.add_argument("--meeting", help="number, symbol prefix or short title (default: the latest)")
    delegations.add_argument("--category", choices=sorted(CATEGORY_NAMES))

    states = sub.add_parser("states", help="reference data of States").add_subparsers(dest="action", required=True)
    imp = states.add_parser("import", help="import a treaty status list (TSV, CSV or xlsx)")
    imp.add_argument("file")
    imp.add_argument("--treaty", default="CCM")

    export = sub.add_parser("export", help="produce a document").add_subparsers(dest="what", required=True)
    for kind in DOCUMENTS.values():
        doc = export.add_parser(kind.name, help=f"{kind.label} ({' or '.join(kind.formats)})")
        single = len(kind.formats) == 1
        doc.add_argument(
            "--format", choices=kind.formats, required=not single, default=kind.formats[0] if single else None
        )
        doc.add_argument("--out", required=True, help="file to write")
        doc.add_argument("--meeting", help="number, symbol prefix or short title (default: the latest)")
        doc.add_argument("--symbol", help="the document's symbol (default: from the register)")
        doc.add_argument(
            "--date",
            "--as-at",
            dest="date",
            type=_date,
            help="the document's date; for the list, the day it is as at (default: today)",
        )
        if kind.name == "participants":
            doc.add_argument("--provisional", action="store_true", help="a provisional list")
            doc.add_argument(
                "--capitals", choices=["yes", "no"], help="family names in capitals (default: the meeting's setting)"
            )
            doc.add_argument(
                "--internal",
                action="store_true",
                help="workbook: every participant's contact details, consent or not (not for distribution)",
            )
        if kind.name in ("participants", "agenda", "programme", "documents-list"):
            doc.add_argument(
                "--language", choices=["en", "fr", "es"], help="the document's language (default: the meeting's)"
            )
        if kind.name == "report":
            doc.add_argument("--part", type=int, help="the part of the meeting the report covers")
        if kind.name in ("badges", "nameplates"):
            doc.add_argument(
                "--category", type=_category, help=f"only one category: {', '.join(c.value for c in Category)}"
            )
            doc.add_argument(
                "--delegation",
                action="append",
                default=[],
                help="only this delegation (its name or number); give it again for more",
            )
        if kind.name == "badges":
            doc.add_argument("--layout", help="badge layout (default 90x55; also a6)")
            doc.add_argument("--only-new", action="store_true", help="only badges not printed yet")
            doc.add_argument(
                "--revoke-old", action="store_true", help="reprints get new codes: the older badges no longer check in"
            )
        if kind.name in ("report", "agenda", "programme", "documents-list", "credentials"):
            doc.add_argument("--landscape", action="store_true", help="A4 on its side (a long programme of work)")
    pack = export.add_parser("pack", help="every document of the meeting at once, in parallel, into a folder")
    pack.add_argument("--out", required=True, help="folder to write (made if missing)")
    pack.add_argument("--meeting", help="number, symbol prefix or short title (default: the latest)")
    pack.add_argument("--processes", type=int, help="worker processes (default: one a core)")

    seating = sub.add_parser("seating", help="the seating plan").add_subparsers(dest="action", required=True)
    draw = seating.add_parser("draw", help="record the State drawn by lot (or draw one) and the room")
    draw.add_argument("--meeting", help="number, symbol prefix or short title (default: the latest)")
    draw.add_argument("--state", help="the State drawn by lot (default: the desk draws one and records it)")
    draw.add_argument("--rows", type=int, help="rows in each block")
    draw.add_argument("--seats", type=int, help="seats in each row of a block")
    draw.add_argument("--blocks", type=int, help="blocks side by side (default 1)")
    draw.add_argument(
        "--per-delegation",
        action="append",
        default=[],
        metavar="CATEGORY=N",
        help="seats for each delegation of a category, e.g. state_party=2",
    )
    draw.add_argument(
        "--include-registered", action="store_true", help="seat registered delegations with nobody named too"
    )

    history = sub.add_parser("history", help="who changed a delegation (and its members) or a participant, when")
    history.add_argument("--meeting", help="number, symbol prefix or short title (default: the latest)")
    which = history.add_mutually_exclusive_group(required=True)
    which.add_argument("--delegation", help="its name, code or number")
    which.add_argument("--participant", type=int, help="the participant's number")
    history.add_argument("--out", help="write it as a workbook (.xlsx) instead of printing it")

    obligations = sub.add_parser("obligations", help="States Parties' deadlines, reports due and extension requests")
    obligations.add_argument("--state", help="one State (every obligation, recorded or not)")
    obligations.add_argument("--overdue", action="store_true", help="the reports overdue")
    obligations.add_argument("--due-for-next-meeting", action="store_true", help="the requests for the next meeting")
    obligations.add_argument("--as-at", type=_date, help="the day (default: today)")
    obligations.add_argument("--out", help="write the whole tracker as a workbook (.xlsx)")

    checkin = sub.add_parser("checkin", help="check a participant in at the door (a badge code)")
    checkin.add_argument("code")
    checkin.add_argument("--meeting", help="number, symbol prefix or short title (default: the latest)")
    checkin.add_argument("--day", type=_date, help="the day (default: today)")

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
        choices=["1(2)", "1(3)"],
        metavar="RULE",
        help="add delegations the reference data lacks as new organisations under rule 1(2) or 1(3)",
    )
    reg.add_argument("--encoding", help="the text file's encoding when it is not UTF-8 (e.g. cp1252, gbk, shift_jis)")
    carry = imports.add_parser("carry-over", help="copy delegations and members from an earlier meeting")
    carry.add_argument("--from", dest="source", required=True, help="the earlier meeting")
    _import_options(carry, meeting=False)
    carry.add_argument("--to", dest="meeting", help="the new meeting (default: the latest)")

    synth = sub.add_parser("synth", help="add a synthetic meeting for tests and benchmarks")
    synth.add_argument("--participants", type=int, required=True, help="how many (up to 100,000 and more)")
    synth.add_argument("--seed", type=int, default=1)
    return parser


def cmd_demo(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.samples.demo import existing_demo, load_demo

    found = existing_demo(services)
    if found is not None:
        print(f"The demo conference is in this database already (meeting {found.id}, {found.symbol_prefix}).", file=out)
        return 0
    run_to_end(load_demo(services))
    meeting = existing_demo(services)
    if meeting is None:  # cannot be: it was just loaded, in one transaction
        raise DomainError("the demo conference was not loaded.")
    counts = services.registration.category_counts(meeting.id)
    print(f"Loaded meeting {meeting.id}: {meeting.title}", file=out)
    for category, (delegations, _people) in counts.items():
        if delegations:
            print(f"  {category.label}: {delegations}", file=out)
    return 0


def cmd_meetings(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.domain.prose import un_date_range

    meetings = services.meetings.list()
    if not meetings:
        print("No meeting yet: `ccm-secretariat demo` loads the demo conference.", file=out)
        return 0
    rows = [("No.", "Symbol prefix", "Short title", "Dates", "Place")]
    for m in meetings:
        dates = "; ".join(un_date_range(p.start_date, p.end_date) for p in m.parts)
        rows.append((str(m.id), m.symbol_prefix, m.short_title, dates, m.city))
    _print_table(rows, out)
    return 0


def cmd_meeting(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.services.meetings import MeetingInput

    row = services.meetings.create(
        MeetingInput(
            title=args.title,
            short_title=args.short_title,
            symbol_prefix=args.prefix,
            first_day=args.first_day,
            last_day=args.last_day,
            venue=args.venue,
            city=args.city,
            treaty=args.treaty,
            body_name=args.body,
            format=MeetingFormat(args.format),
        )
    )
    print(f"Created meeting {row.id}: {row.title} ({row.symbol_prefix})", file=out)
    return 0


def cmd_delegations(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    category = CATEGORY_NAMES[args.category] if args.category else None
    rows = services.registration.delegations(meeting.id, category)
    print(f"{meeting.title} ({meeting.symbol_prefix})", file=out)
    if not rows:
        print("No delegation is registered" + (f" as {category.label}." if category else "."), file=out)
        return 0
    for cat in Category:
        group = [r for r in rows if r.category == cat]
        if not group:
            continue
        print(f"\n{cat.label} ({len(group)})", file=out)
        table = [("", "Delegation", "Participants", "Credentials", "Note")]
        for i, r in enumerate(group, start=1):
            cred = (
                r.credentials_kind.value.replace("_", " ")
                if r.credentials_received and r.credentials_kind
                else ("received" if r.credentials_received else "-")
            )
            note = f"category set by hand: {r.override_reason}" if r.is_overridden else ""
            table.append((str(i), r.name_with_acronym, str(r.participant_count), cred, note))
        _print_table(table, out, indent="  ")
    return 0


def cmd_states(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    counts = services.reference.import_status(args.file, args.treaty)
    print(
        f"Imported {args.file}: {counts['added']} added, {counts['changed']} changed, {counts['unchanged']} unchanged.",
        file=out,
    )
    return 0


def cmd_export(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    if args.what == "pack":
        from ccm_secretariat.documents.pack import write_pack

        last = run_to_end(write_pack(services, meeting.id, args.out, args.processes))
        warnings = list(dict.fromkeys(last.warnings))
        for warning in warnings[:10]:
            print(f"warning: {warning}", file=sys.stderr)
        if len(warnings) > 10:
            print(f"warning: … and {len(warnings) - 10} more like these.", file=sys.stderr)
        print(last.message, file=out)
        return 0
    capitals = getattr(args, "capitals", None)
    options = ExportOptions(
        date=args.date,
        symbol=args.symbol,
        provisional=getattr(args, "provisional", False),
        capitals=None if capitals is None else capitals == "yes",
        internal=getattr(args, "internal", False),
        part=getattr(args, "part", None),
        landscape=getattr(args, "landscape", False),
        language=getattr(args, "language", None),
        layout=getattr(args, "layout", None),
        category=getattr(args, "category", None),
        delegation_ids=_delegations(services, meeting.id, getattr(args, "delegation", [])),
        only_new=getattr(args, "only_new", False),
        revoke_old=getattr(args, "revoke_old", False),
    )
    last = run_to_end(DOCUMENTS[args.what].job(services, meeting.id, args.format, args.out, options))
    for warning in last.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Wrote {last.path} ({last.message}).", file=out)
    return 0


def _category(text: str) -> Category:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    for category in Category:
        if key in (category.value, category.label.lower().replace(" ", "_")):
            return category
    raise argparse.ArgumentTypeError(f"no category “{text}”; the categories are {', '.join(c.value for c in Category)}")


def _delegations(services: Services, meeting_id: int, given: list[str]) -> tuple[int, ...]:
    """Delegations named on the command line, by number or by name (as registered, or the State's)."""
    if not given:
        return ()
    from ccm_secretariat.domain.names import match_key

    rows = services.registration.delegations(meeting_id)
    found = []
    for text in given:
        key = match_key(text)
        row = next(
            (
                d
                for d in rows
                if str(d.id) == text.strip()
                or match_key(d.name) == key
                or (d.acronym and match_key(d.acronym) == key)
                or (d.iso3 and d.iso3.lower() == key)
            ),
            None,
        )
        if row is None:
            raise ValidationError(f"no delegation “{text}” is registered for this meeting.", "delegation")
        found.append(row.id)
    return tuple(found)


def cmd_seating(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    seats = {}
    for item in args.per_delegation:
        name, _, number = item.partition("=")
        if not number.strip().isdigit():
            raise ValidationError(f"“{item}”: write CATEGORY=N, e.g. state_party=2.", "per_delegation")
        try:
            seats[_category(name)] = int(number)
        except argparse.ArgumentTypeError as exc:
            raise ValidationError(str(exc) + ".", "per_delegation") from None
    made = services.seating.plan(meeting.id) is None and (args.rows is None or args.seats is None)
    plan = services.seating.draw(
        meeting.id,
        args.state,
        rows=args.rows,
        seats_per_row=args.seats,
        blocks=args.blocks,
        include_registered=args.include_registered or None,
        seats=seats,
    )
    how = "drawn by the desk" if plan.drawn_by_desk else "drawn by lot"
    layout = services.seating.layout(meeting.id)
    print(
        f"Seating starts from {plan.first_state} ({how}, {un_date(plan.drawn_on)}); "
        f"{len(layout.delegations_in_seat_order())} delegations on {len(layout.seats)} of "
        f"{plan.room.capacity} seats.",
        file=out,
    )
    if made:
        room = plan.room
        print(
            f"No room was given: one of {room.rows} rows of {room.seats_per_row} seats was made to fit "
            "(--rows and --seats change it).",
            file=out,
        )
    return 0


def cmd_history(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.participant is not None:
        title, entries = f"participant {args.participant}", services.history.participant(args.participant)
    else:
        meeting = services.meetings.find(args.meeting)
        delegation_id = _delegations(services, meeting.id, [args.delegation])[0]
        title, entries = args.delegation, services.history.delegation(delegation_id)
    if args.out:
        from ccm_secretariat.exports.history_workbook import history_workbook

        run_to_end(history_workbook(title, entries, args.out))
        print(f"Wrote {args.out} ({len(entries)} changes).", file=out)
        return 0
    for e in entries:
        print(f"{e.at:%Y-%m-%d %H:%M}  {e.by:<12} {e.what:<24} {e.action:<20} {e.details}", file=out)
    if not entries:
        print("No change recorded.", file=out)
    return 0


def cmd_checkin(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    result = services.check_in.scan(meeting.id, args.code, args.day)
    print(("Checked in: " if result.ok else "Not checked in: ") + result.message, file=out)
    return 0 if result.ok else 1


def cmd_synth(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.samples.synth import synthesise

    try:
        meeting_id = run_to_end(synthesise(services, args.participants, args.seed))[2]
    except ValueError as exc:
        raise DomainError(str(exc), "participants") from exc
    meeting = services.meetings.get(int(meeting_id))
    print(f"Created meeting {meeting.id}: {meeting.title} ({meeting.symbol_prefix})", file=out)
    return 0


def cmd_db(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from ccm_secretariat.storage import backups

    if args.action == "roles":
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
    if args.action == "copy":
        from ccm_secretariat.storage.copying import copy_database

        last = run_to_end(copy_database(args.source, args.target))
        print(f"Copied {last.message}.", file=out)
        return 0
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


def _import_options(parser: argparse.ArgumentParser, meeting: bool = True) -> None:
    if meeting:
        parser.add_argument("--meeting", help="number, symbol prefix or short title (default: the latest)")
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


def cmd_import(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.domain.enums import Rule
    from ccm_secretariat.imports import columns
    from ccm_secretariat.imports.columns import Field
    from ccm_secretariat.imports.plan import Choices, DecidedBy, NewOrganisation, Outcome

    meeting = services.meetings.find(args.meeting)
    imports = services.imports
    sheet = None
    if args.what == "registrations":
        sheet = imports.read(args.file, args.encoding)
        if sheet.encoding:
            print(f"Read {args.file} as {sheet.encoding} text.", file=sys.stderr)
        mapping, _remembered = imports.mapping_for(sheet.headers)
        mapping = columns.parse_overrides(sheet.headers, mapping, args.map)
        incoming = imports.incoming(sheet, mapping)
        source = args.file
        mapped = ", ".join(f"{sheet.headers[i]} → {f.value}" for i, f in sorted(mapping.items()))
        print(f"Columns: {mapped}", file=sys.stderr)
    else:
        earlier = services.meetings.find(args.source)
        incoming = imports.carry_over(earlier.id, meeting.id)
        source = f"meeting {earlier.id} ({earlier.symbol_prefix})"
    choices = Choices(on_duplicate=Outcome(args.on_duplicate), month_first=True if args.month_first else None)
    context = imports.context(meeting.id)
    plan = imports.preview(meeting.id, incoming, choices, context)
    if plan.ask_date_order:
        print(
            f"note: the file's dates such as {plan.ask_date_order} are read day first; --month-first reads them "
            "month first.",
            file=sys.stderr,
        )
    if getattr(args, "new_organisations", None):
        for r, row in zip(plan.rows, incoming):
            named = row.fields.get(Field.DELEGATION) or r.decided_by == DecidedBy.AFFILIATION  # not a country
            if r.finding.value == "unresolved" and r.delegation_text and named:
                choices.targets[r.line] = NewOrganisation(r.delegation_text, "", Rule(args.new_organisations))
        plan = imports.preview(meeting.id, incoming, choices, context)
    for r in plan.rows:
        if r.outcome == Outcome.REFUSE:
            print(f"refused: {escaped(r.message)}", file=sys.stderr)
        for note in r.notes:
            print(f"note: {escaped(note)}", file=sys.stderr)
    write = not args.dry_run and (plan.complete or args.partial)
    rows = None
    if write:
        result = imports.run(meeting.id, incoming, choices, partial=args.partial, previewed=plan)
        rows, summary = result.rows, result.summary
        if sheet is not None and (unsaved := imports.remember_mapping_after(summary, sheet.headers, mapping)):
            print(unsaved, file=sys.stderr)
        if result.note:
            print(f"note: {result.note}", file=sys.stderr)
    else:
        c = plan.counts()
        if args.dry_run:  # the plan's own counts: what the import would do
            summary = (
                f"would add {c[Outcome.ADD]}, update {c[Outcome.UPDATE]}, skip {c[Outcome.SKIP]}, "
                f"refuse {c[Outcome.REFUSE]} (a dry run: nothing written)"
            )
        else:
            summary = f"added 0, updated 0, skipped {c[Outcome.SKIP]}, refused {c[Outcome.REFUSE]}"
            print(
                f"Nothing was written: some rows are refused; --partial imports the others. The plan: {plan.summary}.",
                file=sys.stderr,
            )
    print(summary, file=out)
    if args.report:
        try:
            last = run_to_end(
                import_report(rows if rows is not None else plan.rows, rows is not None, source, args.report)
            )
        except (DomainError, OSError) as exc:
            done = f"The import was written ({summary})" if rows is not None else "Nothing was imported"
            print(f"ccm-secretariat: {done}, but the report was not: {describe_failure(exc)}", file=sys.stderr)
            return 1
        print(f"Wrote the report to {last.path}.", file=sys.stderr)
    return 0 if plan.complete else 3


def cmd_obligations(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.exports import obligations_workbook as book

    tracker = services.obligations.tracker(args.as_at or dt.date.today(), state=args.state)
    if args.out:
        run_to_end(book.obligations_workbook(tracker, args.out))
        print(f"Wrote {args.out} ({len(tracker.deadlines)} deadlines, {len(tracker.reports)} reports).", file=out)
        return 0
    for n, block in enumerate(book.tracker_blocks(tracker, args.overdue, args.due_for_next_meeting)):
        print("\n" if n else "", end="", file=out)
        _print_table(block, out)
    return 0


def _print_table(rows: Sequence[Sequence[str]], out: TextIO, indent: str = "") -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(indent + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip(), file=out)


COMMANDS = {
    "demo": cmd_demo,
    "meetings": cmd_meetings,
    "meeting": cmd_meeting,
    "delegations": cmd_delegations,
    "states": cmd_states,
    "export": cmd_export,
    "synth": cmd_synth,
    "import": cmd_import,
    "db": cmd_db,
    "seating": cmd_seating,
    "checkin": cmd_checkin,
    "history": cmd_history,
    "obligations": cmd_obligations,
}


def _fail(err: TextIO, exc: BaseException) -> int:
    """One line on stderr; a value that is not valid text (a lone surrogate from a non-UTF-8 argument) is shown
    escaped rather than ending in a traceback."""
    text = f"ccm-secretariat: {describe_failure(exc)}"
    print(text.encode("utf-8", "backslashreplace").decode("utf-8"), file=err)
    return 1


def describe_failure(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return str(exc)
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full: free some space and try again. Nothing was changed."
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or exc}{where}."
    return str(exc)


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


if __name__ == "__main__":
    sys.exit(main())
