"""The meeting room and the records of it: seating draw, checkin, history, obligations."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TextIO

from ccm_secretariat.cli.common import MEETING_HELP, Command, Subparsers, date_argument, print_table
from ccm_secretariat.documents.options import category_named, delegations_named
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services import Services


def add_seating(sub: Subparsers) -> None:
    seating = sub.add_parser("seating", help="the seating plan").add_subparsers(dest="action", required=True)
    draw = seating.add_parser("draw", help="record the State drawn by lot (or draw one) and the room")
    draw.add_argument("--meeting", help=MEETING_HELP)
    draw.add_argument("--state", help="the State drawn by lot (default: the desk draws one and records it)")
    draw.add_argument("--rows", type=int, help="rows in each block")
    draw.add_argument("--seats", type=int, help="seats in each row of a block")
    draw.add_argument("--blocks", type=int, help="blocks side by side (default 1)")
    draw.add_argument(
        "--per-delegation",
        action="append",
        default=[],
        metavar="CATEGORY=N",
        help="seats for each delegation of a category, the category by its key or heading in the meeting's "
        "convention: CATEGORY=2",
    )
    draw.add_argument(
        "--include-registered", action="store_true", help="seat registered delegations with nobody named too"
    )


def _seats(services: Services, meeting_id: int, given: list[str]) -> dict[str, int]:
    """--per-delegation CATEGORY=N, each (the category by its key or heading in the meeting's convention)."""
    seats = {}
    for item in given:
        name, _, number = item.partition("=")
        if not number.strip().isdigit():
            raise ValidationError(f"“{item}”: write CATEGORY=N, a category and its seats.", "per_delegation")
        key = category_named(services, meeting_id, name)
        if key is None:
            raise ValidationError(f"“{item}”: write CATEGORY=N, a category and its seats.", "per_delegation")
        seats[key] = int(number)
    return seats


def cmd_seating(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    seats = _seats(services, meeting.id, args.per_delegation)
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


def add_history(sub: Subparsers) -> None:
    history = sub.add_parser("history", help="who changed a delegation (and its members) or a participant, when")
    history.add_argument("--meeting", help=MEETING_HELP)
    which = history.add_mutually_exclusive_group(required=True)
    which.add_argument("--delegation", help="its name, code or number")
    which.add_argument("--participant", type=int, help="the participant's number")
    history.add_argument("--out", help="write it as a workbook (.xlsx) instead of printing it")


def cmd_history(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.participant is not None:
        title, entries = f"participant {args.participant}", services.history.participant(args.participant)
    else:
        meeting = services.meetings.find(args.meeting)
        delegation_id = delegations_named(services, meeting.id, [args.delegation])[0]
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


def add_obligations(sub: Subparsers) -> None:
    obligations = sub.add_parser("obligations", help="States Parties' deadlines, reports due and extension requests")
    obligations.add_argument("--meeting", help=MEETING_HELP + " (its convention's obligations)")
    obligations.add_argument("--treaty", help="the convention's short name (default: the meeting's)")
    obligations.add_argument("--state", help="one State (every obligation, recorded or not)")
    obligations.add_argument("--overdue", action="store_true", help="the reports overdue")
    obligations.add_argument("--due-for-next-meeting", action="store_true", help="the requests for the next meeting")
    obligations.add_argument("--as-at", type=date_argument, help="the day (default: today)")
    obligations.add_argument("--out", help="write the whole tracker as a workbook (.xlsx)")


def cmd_obligations(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from ccm_secretariat.exports import obligations_workbook as book

    treaty = args.treaty or services.meetings.find(args.meeting).treaty
    tracker = services.obligations.tracker(args.as_at or dt.date.today(), state=args.state, treaty=treaty)
    if tracker.periods.none:
        print(book.no_obligations_line(tracker, treaty), file=out)
        return 0
    if args.out:
        run_to_end(book.obligations_workbook(tracker, args.out))
        print(f"Wrote {args.out} ({len(tracker.deadlines)} deadlines, {len(tracker.reports)} reports).", file=out)
        return 0
    for n, block in enumerate(book.tracker_blocks(tracker, args.overdue, args.due_for_next_meeting)):
        print("\n" if n else "", end="", file=out)
        print_table(block, out)
    return 0


def add_checkin(sub: Subparsers) -> None:
    checkin = sub.add_parser("checkin", help="check a participant in at the door (a badge code)")
    checkin.add_argument("code")
    checkin.add_argument("--meeting", help=MEETING_HELP)
    checkin.add_argument("--day", type=date_argument, help="the day (default: today)")


def cmd_checkin(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    meeting = services.meetings.find(args.meeting)
    result = services.check_in.scan(meeting.id, args.code, args.day)
    print(("Checked in: " if result.ok else "Not checked in: ") + result.message, file=out)
    return 0 if result.ok else 1


COMMANDS = (
    Command("seating", add_seating, cmd_seating),
    Command("history", add_history, cmd_history),
    Command("obligations", add_obligations, cmd_obligations),
    Command("checkin", add_checkin, cmd_checkin),
)
