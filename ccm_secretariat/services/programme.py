"""The programme of work: the plenary meetings (when, the agenda items they take up, closed or not, how they
are held) and the side events. Part of `services.agenda` (AgendaService), as the agenda's own page shows them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm.attributes import flag_modified

from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.orm import AgendaItem, Meeting, MeetingPart, PlenaryMeeting, SideEvent
from ccm_secretariat.services.base import Service, check_version, clean, get_or_fail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class PlenaryRow:
    id: int
    number: int
    part_number: int | None
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    agenda_item_numbers: tuple[int, ...]
    closed: bool = False
    format: MeetingFormat | None = None  # None: the format of its part
    part_format: MeetingFormat | None = None
    version: int = 0

    @property
    def held(self) -> MeetingFormat | None:
        """How the meeting is held: its own format, or its part's."""
        return self.format or self.part_format


@dataclass(frozen=True)
class SideEventRow:
    id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    title: str
    organiser: str | None = None
    room: str | None = None
    version: int = 0


class ProgrammeOfWork(Service):
    # Plenary meetings --------------------------------------------------------------------------------
    def plenaries(self, meeting_id: int) -> list[PlenaryRow]:
        with self._read() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            parts = {p.id: p for p in s.scalars(sa.select(MeetingPart).where(MeetingPart.meeting_id == meeting_id))}
            plenaries = s.scalars(
                sa.select(PlenaryMeeting)
                .where(PlenaryMeeting.meeting_id == meeting_id)
                .order_by(PlenaryMeeting.date, PlenaryMeeting.start_time, PlenaryMeeting.number)
            )
            return [_plenary_row(p, parts.get(p.part_id) if p.part_id is not None else None) for p in plenaries]

    def set_plenary(
        self,
        meeting_id: int,
        number: int,
        date: dt.date,
        start: dt.time,
        end: dt.time,
        agenda_item_numbers: tuple[int, ...] = (),
        closed: bool = False,
        format: MeetingFormat | None = None,
        *,
        plenary_id: int | None = None,
        expected_version: int | None = None,
    ) -> PlenaryRow:
        """Add plenary meeting `number`, or change its date, times, the items it takes up, whether it is closed
        and its format (None: its part's). With `plenary_id`, change that meeting (its number too), refused when
        another desk changed it after `expected_version`."""
        if number < 1:
            raise ValidationError("plenary meetings are numbered from 1.", "number")
        if end <= start:
            raise ValidationError(f"the meeting ends ({end:%H:%M}) before it starts ({start:%H:%M}).", "end_time")
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            part, items = _placed(s, meeting_id, date, agenda_item_numbers)
            same_number = s.scalar(
                sa.select(PlenaryMeeting).where(
                    PlenaryMeeting.meeting_id == meeting_id, PlenaryMeeting.number == number
                )
            )
            plenary = same_number
            if plenary_id is not None:
                plenary = get_or_fail(s, PlenaryMeeting, plenary_id, "Plenary meeting")
                check_version(plenary, expected_version, f"Plenary meeting {plenary.number}")
                if same_number is not None and same_number is not plenary:
                    raise DuplicateError(f"there is a plenary meeting {number} already.", "number")
                plenary.number = number
            if plenary is None:
                plenary = PlenaryMeeting(meeting_id=meeting_id, number=number)
                s.add(plenary)
            plenary.part_id, plenary.date, plenary.start_time, plenary.end_time = part.id, date, start, end
            plenary.agenda_items = items
            plenary.closed = bool(closed)
            plenary.format = None if format is None else MeetingFormat(format)
            if sa.inspect(plenary).persistent:
                flag_modified(plenary, "closed")  # its version counts the items it takes up too
            s.flush()
            return _plenary_row(plenary, part)

    def remove_plenary(self, plenary_id: int, expected_version: int | None = None) -> PlenaryRow:
        """Remove a plenary meeting; refused when another desk changed it after `expected_version`. Returns it as
        it was (for `restore_plenary`)."""
        with self._write() as s:
            plenary = get_or_fail(s, PlenaryMeeting, plenary_id, "Plenary meeting")
            check_version(plenary, expected_version, f"Plenary meeting {plenary.number}")
            row = _plenary_row(plenary, s.get(MeetingPart, plenary.part_id))
            s.delete(plenary)
            return row

    def restore_plenary(self, meeting_id: int, row: PlenaryRow) -> PlenaryRow:
        """Undo of a removal: the plenary meeting as it was, under its own id and version (later steps on the
        undo stack still find it)."""
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            part, items = _placed(s, meeting_id, row.date, row.agenda_item_numbers)
            plenary = PlenaryMeeting(
                id=row.id,
                meeting_id=meeting_id,
                number=row.number,
                part_id=part.id,
                date=row.date,
                start_time=row.start_time,
                end_time=row.end_time,
                closed=row.closed,
                format=row.format,
                agenda_items=items,
            )
            s.add(plenary)
            s.flush()
            s.execute(sa.update(PlenaryMeeting).where(PlenaryMeeting.id == row.id).values(version=row.version))
            return replace(_plenary_row(plenary, part), version=row.version)

    # Side events --------------------------------------------------------------------------------------------
    def side_events(self, meeting_id: int) -> list[SideEventRow]:
        with self._read() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            events = s.scalars(
                sa.select(SideEvent)
                .where(SideEvent.meeting_id == meeting_id)
                .order_by(SideEvent.date, SideEvent.start_time, SideEvent.id)
            )
            return [_event_row(e) for e in events]

    def set_side_event(
        self,
        meeting_id: int,
        date: dt.date,
        start: dt.time,
        end: dt.time,
        title: str,
        organiser: str | None = None,
        room: str | None = None,
        event_id: int | None = None,
        expected_version: int | None = None,
    ) -> SideEventRow:
        """Add a side event, or change event `event_id` (refused when another desk changed it after
        `expected_version`); also puts back a removed one under its own id."""
        title = clean(title, "title", required=True, max_length=500)
        organiser = clean(organiser, "organiser", max_length=300) or None
        room = clean(room, "room", max_length=100) or None
        if end <= start:
            raise ValidationError(f"the event ends ({end:%H:%M}) before it starts ({start:%H:%M}).", "end_time")
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            if (
                s.scalar(
                    sa.select(MeetingPart.id).where(
                        MeetingPart.meeting_id == meeting_id,
                        MeetingPart.start_date <= date,
                        MeetingPart.end_date >= date,
                    )
                )
                is None
            ):
                raise ValidationError(f"{un_date(date)} falls in no part of the meeting.", "date")
            event = s.get(SideEvent, event_id) if event_id is not None else None
            if event is not None and event.meeting_id != meeting_id:
                raise ValidationError("the side event belongs to another meeting.", "event")
            if event is not None:
                check_version(event, expected_version, f"The side event “{event.title}”")
            if event is None:
                event = SideEvent(id=event_id, meeting_id=meeting_id)
                s.add(event)
            event.date, event.start_time, event.end_time = date, start, end
            event.title, event.organiser, event.room = title, organiser, room
            s.flush()
            return _event_row(event)

    def remove_side_event(self, event_id: int, expected_version: int | None = None) -> SideEventRow:
        with self._write() as s:
            event = get_or_fail(s, SideEvent, event_id, "Side event")
            check_version(event, expected_version, f"The side event “{event.title}”")
            row = _event_row(event)
            s.delete(event)
            return row


def _placed(
    s: Session, meeting_id: int, date: dt.date, agenda_item_numbers: tuple[int, ...]
) -> tuple[MeetingPart, list[AgendaItem]]:
    """The part a plenary meeting on `date` falls in, and the agenda items it takes up, or a ValidationError."""
    part = s.scalar(
        sa.select(MeetingPart).where(
            MeetingPart.meeting_id == meeting_id, MeetingPart.start_date <= date, MeetingPart.end_date >= date
        )
    )
    if part is None:
        raise ValidationError(f"{un_date(date)} falls in no part of the meeting.", "date")
    items = list(
        s.scalars(
            sa.select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.number.in_(agenda_item_numbers))
        )
    )
    missing = set(agenda_item_numbers) - {i.number for i in items}
    if missing:
        raise ValidationError(f"the agenda has no item {', '.join(map(str, sorted(missing)))}.", "agenda_items")
    return part, items


def _plenary_row(p: PlenaryMeeting, part: MeetingPart | None) -> PlenaryRow:
    return PlenaryRow(
        p.id,
        p.number,
        part.number if part else None,
        p.date,
        p.start_time,
        p.end_time,
        tuple(sorted(i.number for i in p.agenda_items)),
        p.closed,
        p.format,
        part.format if part else None,
        p.version,
    )


def _event_row(e: SideEvent) -> SideEventRow:
    return SideEventRow(e.id, e.date, e.start_time, e.end_time, e.title, e.organiser, e.room, e.version)
