"""The seating plan: the State drawn by lot (given, or drawn by the desk and recorded), the room, the seats per
delegation by category; the plan itself is computed afresh from the registrations each time it is printed."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ccm_secretariat.domain.seating import Room, Seat, Seated, place, seating_order, short_name
from ccm_secretariat.errors import NotFoundError, ValidationError
from ccm_secretariat.orm import Meeting, SeatAllowance, SeatingPlan, State
from ccm_secretariat.orm.meeting_room import MAX_SEATS_PER_DELEGATION
from ccm_secretariat.services.base import Service, get_or_fail
from ccm_secretariat.services.registration_rows import meeting_convention

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ccm_secretariat.services.reference import ReferenceService
    from ccm_secretariat.services.registration import RegistrationService
    from ccm_secretariat.storage.database import Database


@dataclass(frozen=True)
class PlanRow:
    meeting_id: int
    first_state: str
    first_state_key: str
    drawn_on: dt.date
    drawn_by_desk: bool
    room: Room
    include_registered: bool
    seats: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SeatingLayout:
    plan: PlanRow
    seats: tuple[Seat, ...]

    def delegations_in_seat_order(self) -> list[Seated]:
        return list(dict.fromkeys(seat.delegation for seat in self.seats))


class SeatingService(Service):
    def __init__(self, db: Database, registration: RegistrationService, reference: ReferenceService) -> None:
        super().__init__(db)
        self._registration = registration
        self._reference = reference

    def plan(self, meeting_id: int) -> PlanRow | None:
        with self._read() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            row = s.execute(
                sa.select(SeatingPlan, State.name, State.sort_key)
                .join(State, State.id == SeatingPlan.first_state_id)
                .where(SeatingPlan.meeting_id == meeting_id)
            ).first()
            if row is None:
                return None
            p, name, key = row
            seats = dict(
                s.execute(
                    sa.select(SeatAllowance.category, SeatAllowance.seats).where(SeatAllowance.meeting_id == meeting_id)
                ).all()
            )
            return PlanRow(
                meeting_id,
                name,
                key,
                p.drawn_on,
                p.drawn_by_desk,
                Room(p.blocks, p.rows, p.seats_per_row),
                p.include_registered,
                seats,
            )

    def draw(
        self,
        meeting_id: int,
        state: str | None = None,
        *,
        rows: int | None = None,
        seats_per_row: int | None = None,
        blocks: int | None = None,
        include_registered: bool | None = None,
        seats: dict[str, int] | None = None,
        today: dt.date | None = None,
    ) -> PlanRow:
        """Record the State drawn by lot (`state`), or draw one among all the States the desk knows; the room
        and seats, when given, replace the plan's (a first plan needs rows and seats per row). Drawing again
        replaces the draw: the secretary is asked first in the window."""
        drawn = self._reference.find_state(state) if state else secrets.choice(self._reference.states())
        seats = self._checked_seats(meeting_id, seats or {})
        if (rows is None or seats_per_row is None) and self.plan(meeting_id) is None:
            rows, seats_per_row = self.fitting_room(meeting_id, seats, bool(include_registered), blocks or 1)
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            plan = s.get(SeatingPlan, meeting_id)
            if plan is None:
                if rows is None or seats_per_row is None:
                    raise ValidationError("give the room: its rows and the seats in each row.", "rows")
                plan = SeatingPlan(meeting_id=meeting_id, blocks=1, include_registered=False)
                s.add(plan)
            plan.first_state_id = drawn.id
            plan.drawn_on = today or dt.date.today()
            plan.drawn_by_desk = state is None
            self._set_room(plan, rows, seats_per_row, blocks, include_registered)
            s.flush()
            self._set_seats(s, meeting_id, seats)
        return self._plan_made(meeting_id)

    def fitting_room(
        self, meeting_id: int, seats: dict[str, int], include_registered: bool, blocks: int = 1
    ) -> tuple[int, int]:
        """(rows, seats in each row) of a room in which the meeting's delegations fit, for a first draw made with no
        room given: rows of 20 seats (or of the most seats one delegation has), with room to spare for a
        delegation that does not fit at the end of a row."""
        needs = [
            seats.get(d.category, 1)
            for d in self._registration.delegations(meeting_id)
            if d.took_part or include_registered
        ] or [1]
        per_row = max(20, max(needs))
        usable = per_row - max(needs) + 1  # what a row surely holds whatever the order
        rows = -(-sum(needs) // (usable * blocks)) + 1
        return min(rows, 200), per_row

    def set_room(
        self,
        meeting_id: int,
        *,
        rows: int | None = None,
        seats_per_row: int | None = None,
        blocks: int | None = None,
        include_registered: bool | None = None,
        seats: dict[str, int] | None = None,
    ) -> PlanRow:
        """Change the room or the seats per delegation; the draw is kept."""
        seats = self._checked_seats(meeting_id, seats or {})
        with self._write() as s:
            plan = s.get(SeatingPlan, meeting_id)
            if plan is None:
                raise ValidationError("draw the State that starts the seating first.", "state")
            self._set_room(plan, rows, seats_per_row, blocks, include_registered)
            self._set_seats(s, meeting_id, seats)
        return self._plan_made(meeting_id)

    def _plan_made(self, meeting_id: int) -> PlanRow:
        """The plan just saved (another desk may remove it in between: then say so)."""
        plan = self.plan(meeting_id)
        if plan is None:
            raise NotFoundError("the seating plan was removed meanwhile, in another window.")
        return plan

    @staticmethod
    def _set_room(
        plan: SeatingPlan,
        rows: int | None,
        seats_per_row: int | None,
        blocks: int | None,
        include_registered: bool | None,
    ) -> None:
        for name, value, top in (("rows", rows, 200), ("seats_per_row", seats_per_row, 200), ("blocks", blocks, 12)):
            if value is not None:
                if not 1 <= value <= top:
                    raise ValidationError(f"{name.replace('_', ' ')}: between 1 and {top}, not {value}.", name)
                setattr(plan, name, value)
        if include_registered is not None:
            plan.include_registered = include_registered

    def _checked_seats(self, meeting_id: int, seats: dict[str, int]) -> dict[str, int]:
        """Seats per delegation by category, each a category of the meeting's convention, within the limits."""
        with self._read() as s:
            convention = meeting_convention(s, get_or_fail(s, Meeting, meeting_id, "Meeting"))
        checked = {}
        for category, n in seats.items():
            heading = convention.category(category).view
            if not 1 <= n <= MAX_SEATS_PER_DELEGATION:
                raise ValidationError(
                    f"{heading}: between 1 and {MAX_SEATS_PER_DELEGATION} seats a delegation, not {n}.", "seats"
                )
            checked[convention.category(category).key] = n
        return checked

    @staticmethod
    def _set_seats(s: Session, meeting_id: int, seats: dict[str, int]) -> None:
        for category, n in seats.items():
            s.merge(SeatAllowance(meeting_id=meeting_id, category=category, seats=n))

    def layout(self, meeting_id: int) -> SeatingLayout:
        """The plan as the registrations stand now: who sits where."""
        plan = self.plan(meeting_id)
        if plan is None:
            raise ValidationError("no State has been drawn by lot for this meeting's seating yet.", "state")
        delegations = [
            Seated(d.id, short_name(d.name, d.acronym, d.is_state), d.sort_key, d.category)
            for d in self._registration.delegations(meeting_id)
            if d.took_part or plan.include_registered
        ]
        order = seating_order(delegations, plan.first_state_key)
        return SeatingLayout(plan, tuple(place(order, plan.room, plan.seats)))

    def nameplates(
        self, meeting_id: int, category: str | None = None, delegation_ids: tuple[int, ...] = ()
    ) -> list[Seated]:
        """A nameplate for each delegation chosen: in seat order when the room has a plan, else in the order of
        the list; every delegation that takes part (or every one registered, as the plan says)."""
        wanted = set(delegation_ids)
        if self.plan(meeting_id) is not None:
            plates = self.layout(meeting_id).delegations_in_seat_order()
        else:
            plates = [
                Seated(d.id, short_name(d.name, d.acronym, d.is_state), d.sort_key, d.category)
                for d in self._registration.delegations(meeting_id)
                if d.took_part
            ]
        plates = [p for p in plates if (category is None or p.category == category) and (not wanted or p.id in wanted)]
        if not plates:
            raise ValidationError("no delegation matches that choice.", "delegations")
        return plates
