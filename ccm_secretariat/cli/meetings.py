"""The meetings and their delegations: demo, meetings, meeting create, delegations, states import, synth."""

from __future__ import annotations

import argparse
from typing import TextIO

from ccm_secretariat.cli.common import (
    MEETING_HELP,
    Command,
    Subparsers,
    date_argument,
    print_table,
)
from ccm_secretariat.cli.conventions import cmd_treaties
from ccm_secretariat.documents.options import category_named
from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.errors import DomainError, ValidationError
from ccm_secretariat.progress import run_for, run_to_end
from ccm_secretariat.services import Services


def add_demo(sub: Subparsers) -> None:
    sub.add_parser("demo", help="load the demo conference (its data file: a Second Review Conference, 2020)")


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
            print(f"  {meeting.profile.category(category).view}: {delegations}", file=out)
    return 0


def add_meetings(sub: Subparsers) -> None:
    sub.add_parser("meetings", help="list the meetings in the database")


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
    print_table(rows, out)
    return 0


def add_meeting(sub: Subparsers) -> None:
    meeting = sub.add_parser("meeting", help="create a meeting").add_subparsers(dest="action", required=True)
    create = meeting.add_parser("create", help="create a meeting")
    create.add_argument("--title", required=True, help="full title")
    create.add_argument("--short-title", required=True)
    create.add_argument("--prefix", required=True, help="document symbol prefix, e.g. ATT/CSP6/2020")
    create.add_argument("--first-day", required=True, type=date_argument, help="YYYY-MM-DD")
    create.add_argument("--last-day", required=True, type=date_argument, help="YYYY-MM-DD")
    create.add_argument("--venue", default="")
    create.add_argument("--city", default="")
    create.add_argument("--treaty", help="the convention's short name (`treaties` lists them)")
    create.add_argument("--body", default="Meeting", help="what the body calls itself (Meeting, Conference)")
    create.add_argument("--format", choices=[f.value for f in MeetingFormat], default="in_person")


def cmd_meeting(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.reference.profiles import shipped_profiles
    from ccm_secretariat.services.meetings import MeetingInput

    if not args.treaty:
        known = ", ".join(shipped_profiles())
        raise ValidationError(f"say which convention the meeting is of: --treaty, one of {known}.", "treaty")
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


def add_delegations(sub: Subparsers) -> None:
    delegations = sub.add_parser("delegations", help="the delegations of a meeting, by category")
    delegations.add_argument("--meeting", help=MEETING_HELP)
    delegations.add_argument("--category", help="only one category: its key or heading in the meeting's convention")


def cmd_delegations(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    category = category_named(services, meeting.id, args.category)
    rows = services.registration.delegations(meeting.id, category)
    print(f"{meeting.title} ({meeting.symbol_prefix})", file=out)
    if not rows:
        heading = meeting.profile.category(category).view if category else ""
        print("No delegation is registered" + (f" as {heading}." if category else "."), file=out)
        return 0
    for cat in meeting.profile.keys:
        group = [r for r in rows if r.category == cat]
        if not group:
            continue
        print(f"\n{meeting.profile.category(cat).view} ({len(group)})", file=out)  # in the meeting's convention
        table = [("", "Delegation", "Participants", "Credentials", "Note")]
        for i, r in enumerate(group, start=1):
            cred = (
                r.credentials_kind.value.replace("_", " ")
                if r.credentials_received and r.credentials_kind
                else ("received" if r.credentials_received else "-")
            )
            note = f"category set by hand: {r.override_reason}" if r.is_overridden else ""
            table.append((str(i), r.name_with_acronym, str(r.participant_count), cred, note))
        print_table(table, out, indent="  ")
    return 0


def add_states(sub: Subparsers) -> None:
    states = sub.add_parser("states", help="reference data of States").add_subparsers(dest="action", required=True)
    imp = states.add_parser("import", help="import a treaty status list (TSV, CSV or xlsx)")
    imp.add_argument("file")
    imp.add_argument("--treaty", required=True, help="the convention's short name (`treaties` lists them)")


def add_treaties(sub: Subparsers) -> None:
    sub.add_parser("treaties", help="the conventions the desk knows, with their entry-into-force rules")


def cmd_states(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    counts = services.reference.import_status(args.file, args.treaty)
    print(
        f"Imported {args.file}: {counts['added']} added, {counts['changed']} changed, {counts['unchanged']} unchanged.",
        file=out,
    )
    return 0


def add_synth(sub: Subparsers) -> None:
    synth = sub.add_parser("synth", help="add a synthetic meeting for tests and benchmarks")
    synth.add_argument("--participants", type=int, required=True, help="how many (up to 100,000 and more)")
    synth.add_argument("--seed", type=int, default=1)


def cmd_synth(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.samples.synth import synthesise

    try:
        meeting_id = run_for(synthesise(services, args.participants, args.seed), int)
    except ValueError as exc:
        raise DomainError(str(exc), "participants") from exc
    meeting = services.meetings.get(int(meeting_id))
    print(f"Created meeting {meeting.id}: {meeting.title} ({meeting.symbol_prefix})", file=out)
    return 0


COMMANDS = (
    Command("demo", add_demo, cmd_demo),
    Command("meetings", add_meetings, cmd_meetings),
    Command("meeting", add_meeting, cmd_meeting),
    Command("delegations", add_delegations, cmd_delegations),
    Command("states", add_states, cmd_states),
    Command("treaties", add_treaties, cmd_treaties),
    Command("synth", add_synth, cmd_synth),
)
