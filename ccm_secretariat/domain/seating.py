"""The seating of a meeting room, as UN meetings seat delegations: by category (States Parties, then signatory
States, then the other States, then organisations), each category in English alphabetical order starting from
the State drawn by lot and wrapping round; each delegation on as many adjacent seats as its category allows,
never split across two rows or blocks.

Pure functions of plain values: the service reads the delegations and the plan, these place them."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ccm_secretariat.errors import ValidationError

LONG_NAME = 30  # an organisation's name longer than this goes by its acronym on plans and nameplates


def short_name(name: str, acronym: str, is_state: bool) -> str:
    """A delegation as a seat or a nameplate shows it: a State by its name, an organisation with a long name
    by its acronym ("International Committee of the Red Cross" is "ICRC")."""
    return acronym if not is_state and acronym and len(name) > LONG_NAME else name


@dataclass(frozen=True)
class Seated:
    """A delegation to seat: its id, its name on the plan, its English sort key and its category (a key of the
    meeting's convention)."""

    id: int
    name: str
    sort_key: str
    category: str


@dataclass(frozen=True)
class Seat:
    block: int  # from 1, left to right as seen from the floor facing the podium
    row: int  # from 1, the row nearest the podium
    number: int  # from 1 within the row of the block, left to right
    delegation: Seated


def from_the_draw(delegations: Iterable[Seated], drawn_key: str) -> list[Seated]:
    """The delegations in English order, starting from the first whose name sorts at or after the drawn
    State's, and wrapping round to the start of the alphabet."""
    ordered = sorted(delegations, key=lambda d: (d.sort_key, d.id))
    start = bisect.bisect_left([d.sort_key for d in ordered], drawn_key)
    return ordered[start:] + ordered[:start]


def seating_order(delegations: Iterable[Seated], drawn_key: str) -> list[Seated]:
    """Category by category in the order of the list (`delegations` come in it), each starting from the draw."""
    groups: dict[str, list[Seated]] = {}
    for d in delegations:
        groups.setdefault(d.category, []).append(d)
    return [d for group in groups.values() for d in from_the_draw(group, drawn_key)]


@dataclass(frozen=True)
class Room:
    blocks: int
    rows: int
    seats_per_row: int

    @property
    def capacity(self) -> int:
        return self.blocks * self.rows * self.seats_per_row


def place(order: Sequence[Seated], room: Room, seats: dict[str, int]) -> list[Seat]:
    """Seat the delegations in `order` row by row from the podium, across the blocks from left to right; a
    delegation that does not fit in what is left of a row of a block goes on to the next one."""
    placed: list[Seat] = []
    segments = ((row, block) for row in range(1, room.rows + 1) for block in range(1, room.blocks + 1))
    row, block = next(segments)
    free = room.seats_per_row
    for d in order:
        need = seats.get(d.category, 1)
        if need > room.seats_per_row:
            raise ValidationError(
                f"{d.name} has {need} seats, but a row of a block has only {room.seats_per_row}.",
                "seats",
            )
        while free < need:
            try:
                row, block = next(segments)
            except StopIteration:
                wanted = sum(seats.get(x.category, 1) for x in order)
                raise ValidationError(
                    f"the room has {room.capacity} seats ({room.blocks} × {room.rows} rows × "
                    f"{room.seats_per_row}); the {len(order)} delegations need {wanted} and do not all fit. "
                    f"Add rows or seats, or give fewer seats per delegation.",
                    "rows",
                ) from None
            free = room.seats_per_row
        first = room.seats_per_row - free + 1
        placed += [Seat(block, row, first + i, d) for i in range(need)]
        free -= need
    return placed
