"""The agenda, the programme of work (plenary meetings) and the decisions and recommendations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from ccm_secretariat.domain.enums import AgendaStatus, MeetingFormat
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.orm import (
    AgendaItem,
    AgendaSubItem,
    DecisionParagraph,
    Meeting,
    MeetingPart,
    PlenaryMeeting,
    SideEvent,
    plenary_agenda_items,
)
from ccm_secretariat.orm.agenda import MAX_SUB_ITEMS
from ccm_secretariat.services.base import Service, check_version, clean, get_or_fail, next_position

if TYPE_CHECKING:
    from collections.abc import Iterable


def sub_item_letter(index: int) -> str:
    """(a), (b), … for the sub-items in order, from 0."""
    return f"({chr(ord('a') + index)})"


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    number: int
    position: int
    title: str
    status: AgendaStatus
    sub_items: tuple[str, ...] = ()  # lettered (a), (b), … in this order
    version: int = 0

    @property
    def lettered(self) -> tuple[tuple[str, str], ...]:
        return tuple((sub_item_letter(i), t) for i, t in enumerate(self.sub_items))


@dataclass(frozen=True)
class RemovedItem:
    """What removing an agenda item takes away, so that undo puts it back as it was."""

    meeting_id: int
    row: AgendaItemRow
    plenary_ids: tuple[int, ...]
    decision_ids: tuple[int, ...]


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


def _sub_items(titles: Iterable[str]) -> list[str]:
    cleaned = [clean(t, "sub_items", max_length=500) for t in titles]
    cleaned = [t for t in cleaned if t]
    if len(cleaned) > MAX_SUB_ITEMS:
        raise ValidationError(
            f"an agenda item has at most {MAX_SUB_ITEMS} sub-items, (a) to (z); {len(cleaned)} were given.", "sub_items"
        )
    return cleaned


def _item_row(item: AgendaItem) -> AgendaItemRow:
    return AgendaItemRow(
        item.id,
        item.number,
        item.position,
        item.title,
        item.status,
        tuple(sub.title for sub in item.sub_items),
        item.version,
    )


@dataclass(frozen=True)
class DecisionRow:
    id: int
    agenda_item_id: int | None
    agenda_item_number: int | None
    position: int
    text: str
    version: int = 0
    request_id: int | None = None  # the report writes this extension request's paragraphs here (no text)


class AgendaService(Service):
    # Agenda items ------------------------------------------------------------------------------------
    def items(self, meeting_id: int) -> list[AgendaItemRow]:
        with self._read() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            items = s.scalars(
                sa.select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position, AgendaItem.number)
                .options(selectinload(AgendaItem.sub_items))
            )
            return [_item_row(i) for i in items]

    def add_item(
        self,
        meeting_id: int,
        title: str,
        number: int | None = None,
        status: AgendaStatus = AgendaStatus.PROVISIONAL,
        sub_items: Iterable[str] = (),
    ) -> AgendaItemRow:
        title = clean(title, "title", required=True, max_length=500)
        subs = _sub_items(sub_items)
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting", lock=True)
            numbers = set(s.scalars(sa.select(AgendaItem.number).where(AgendaItem.meeting_id == meeting_id)))
            number = number if number is not None else max(numbers, default=0) + 1
            if number < 1:
                raise ValidationError("agenda items are numbered from 1.", "number")
            if number in numbers:
                raise DuplicateError(f"the agenda has an item {number} already.", "number")
            position = next_position(s, AgendaItem.position, AgendaItem.meeting_id == meeting_id)
            item = AgendaItem(
                meeting_id=meeting_id,
                number=number,
                position=position,
                title=title,
                status=status,
                sub_items=[AgendaSubItem(position=i, title=t) for i, t in enumerate(subs, 1)],
            )
            s.add(item)
            s.flush()
            return _item_row(item)

    def update_item(
        self,
        item_id: int,
        *,
        title: str | None = None,
        number: int | None = None,
        status: AgendaStatus | None = None,
        sub_items: Iterable[str] | None = None,
        expected_version: int | None = None,
    ) -> AgendaItemRow:
        """Change an item; `sub_items`, when given, replaces its sub-items (in that order); refused when another
        desk changed the item after `expected_version`."""
        subs = None if sub_items is None else _sub_items(sub_items)
        with self._write() as s:
            item = get_or_fail(s, AgendaItem, item_id, "Agenda item")
            check_version(item, expected_version, f"Agenda item {item.number}")
            if title is not None:
                item.title = clean(title, "title", required=True, max_length=500)
            if number is not None and number != item.number:
                if number < 1:
                    raise ValidationError("agenda items are numbered from 1.", "number")
                if s.scalar(
                    sa.select(AgendaItem.id).where(
                        AgendaItem.meeting_id == item.meeting_id, AgendaItem.number == number
                    )
                ):
                    raise DuplicateError(f"the agenda has an item {number} already.", "number")
                item.number = number
            if status is not None:
                item.status = AgendaStatus(status)
            if subs is not None and list(subs) != [sub.title for sub in item.sub_items]:
                item.sub_items.clear()
                s.flush()  # the old letters go before the new ones take their places
                item.sub_items.extend(AgendaSubItem(position=i, title=t) for i, t in enumerate(subs, 1))
                flag_modified(item, "title")  # the item's version counts its sub-items' changes too
                s.flush()
            return _item_row(item)

    def move_item(self, item_id: int, new_index: int, renumber: bool = True) -> list[AgendaItemRow]:
        """Move an item to `new_index` (0-based) in the agenda; with `renumber`, numbers follow the order."""
        with self._write() as s:
            item = get_or_fail(s, AgendaItem, item_id, "Agenda item")
            get_or_fail(s, Meeting, item.meeting_id, "Meeting", lock=True)
            items = list(
                s.scalars(
                    sa.select(AgendaItem)
                    .where(AgendaItem.meeting_id == item.meeting_id)
                    .order_by(AgendaItem.position, AgendaItem.number)
                )
            )
            items.remove(item)
            items.insert(max(0, min(new_index, len(items))), item)
            if renumber:
                # Two passes so that the unique (meeting, number) never clashes midway.
                for i, it in enumerate(items, start=1):
                    it.number = -i
                s.flush()
            for i, it in enumerate(items, start=1):
                it.position = i
                if renumber:
                    it.number = i
            meeting_id = item.meeting_id
        return self.items(meeting_id)

    def remove_item(self, item_id: int) -> RemovedItem:
        """Remove an item with its sub-items; the plenary meetings stop taking it up and its decisions stay,
        under no item. What is returned lets `restore_item` undo all of it."""
        with self._write() as s:
            item = get_or_fail(s, AgendaItem, item_id, "Agenda item")
            removed = RemovedItem(
                item.meeting_id,
                _item_row(item),
                tuple(
                    s.scalars(
                        sa.select(plenary_agenda_items.c.plenary_id).where(
                            plenary_agenda_items.c.agenda_item_id == item_id
                        )
                    )
                ),
                tuple(s.scalars(sa.select(DecisionParagraph.id).where(DecisionParagraph.agenda_item_id == item_id))),
            )
            s.delete(item)
            s.flush()
            s.execute(
                sa.update(DecisionParagraph)
                .where(DecisionParagraph.id.in_(removed.decision_ids))
                .values(agenda_item_id=None)
            )  # SQLite's ON DELETE SET NULL does it too; say so here
            return removed

    def restore_item(self, removed: RemovedItem) -> AgendaItemRow:
        """Put back a removed item under its own id, number and place, with its sub-items, its plenary meetings
        and its decisions (those that still exist)."""
        r = removed.row
        with self._write() as s:
            get_or_fail(s, Meeting, removed.meeting_id, "Meeting")
            if s.scalar(
                sa.select(AgendaItem.id).where(
                    AgendaItem.meeting_id == removed.meeting_id, AgendaItem.number == r.number
                )
            ):
                raise DuplicateError(f"the agenda has an item {r.number} again.", "number")
            item = AgendaItem(
                id=r.id,
                meeting_id=removed.meeting_id,
                number=r.number,
                position=r.position,
                title=r.title,
                status=r.status,
                sub_items=[AgendaSubItem(position=i, title=t) for i, t in enumerate(r.sub_items, 1)],
            )
            s.add(item)
            s.flush()
            plenaries = list(s.scalars(sa.select(PlenaryMeeting.id).where(PlenaryMeeting.id.in_(removed.plenary_ids))))
            if plenaries:
                s.execute(
                    sa.insert(plenary_agenda_items), [{"plenary_id": p, "agenda_item_id": r.id} for p in plenaries]
                )
            s.execute(
                sa.update(DecisionParagraph)
                .where(DecisionParagraph.id.in_(removed.decision_ids), DecisionParagraph.agenda_item_id.is_(None))
                .values(agenda_item_id=r.id)
            )
            s.expire_all()
            return _item_row(get_or_fail(s, AgendaItem, r.id, "Agenda item"))

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
            part = s.scalar(
                sa.select(MeetingPart).where(
                    MeetingPart.meeting_id == meeting_id, MeetingPart.start_date <= date, MeetingPart.end_date >= date
                )
            )
            if part is None:
                raise ValidationError(f"{date:%d %B %Y} falls in no part of the meeting.", "date")
            items = list(
                s.scalars(
                    sa.select(AgendaItem).where(
                        AgendaItem.meeting_id == meeting_id, AgendaItem.number.in_(agenda_item_numbers)
                    )
                )
            )
            missing = set(agenda_item_numbers) - {i.number for i in items}
            if missing:
                raise ValidationError(f"the agenda has no item {', '.join(map(str, sorted(missing)))}.", "agenda_items")
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

    def remove_plenary(self, plenary_id: int, expected_version: int | None = None) -> None:
        """Remove a plenary meeting; refused when another desk changed it after `expected_version`."""
        with self._write() as s:
            plenary = get_or_fail(s, PlenaryMeeting, plenary_id, "Plenary meeting")
            check_version(plenary, expected_version, f"Plenary meeting {plenary.number}")
            s.delete(plenary)

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
                raise ValidationError(f"{date:%d %B %Y} falls in no part of the meeting.", "date")
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

    # Decisions and recommendations -------------------------------------------------------------------
    def decisions(self, meeting_id: int) -> list[DecisionRow]:
        with self._read() as s:
            numbers = dict(
                s.execute(sa.select(AgendaItem.id, AgendaItem.number).where(AgendaItem.meeting_id == meeting_id)).all()
            )
            paragraphs = s.scalars(
                sa.select(DecisionParagraph)
                .where(DecisionParagraph.meeting_id == meeting_id)
                .order_by(DecisionParagraph.position, DecisionParagraph.id)
            )
            return [
                DecisionRow(
                    p.id,
                    p.agenda_item_id,
                    numbers.get(p.agenda_item_id) if p.agenda_item_id is not None else None,
                    p.position,
                    p.text,
                    p.version,
                    p.request_id,
                )
                for p in paragraphs
            ]

    def add_decision(
        self,
        meeting_id: int,
        text: str,
        agenda_item_id: int | None = None,
        index: int | None = None,
        request_id: int | None = None,
    ) -> DecisionRow:
        """A typed paragraph, or (`request_id`, no text) the place of an extension request's paragraphs."""
        text = clean(text, "text", required=request_id is None, max_length=20000, multiline=True)  # (a), (b)
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting", lock=True)
            number = None
            if agenda_item_id is not None:
                item = get_or_fail(s, AgendaItem, agenda_item_id, "Agenda item")
                if item.meeting_id != meeting_id:
                    raise ValidationError("the agenda item belongs to another meeting.", "agenda_item")
                number = item.number
            paragraphs = list(
                s.scalars(
                    sa.select(DecisionParagraph)
                    .where(DecisionParagraph.meeting_id == meeting_id)
                    .order_by(DecisionParagraph.position, DecisionParagraph.id)
                )
            )
            new = DecisionParagraph(
                meeting_id=meeting_id, agenda_item_id=agenda_item_id, text=text, request_id=request_id
            )
            paragraphs.insert(len(paragraphs) if index is None else max(0, index), new)
            for i, p in enumerate(paragraphs, start=1):
                p.position = i
            s.add(new)
            s.flush()
            return DecisionRow(new.id, agenda_item_id, number, new.position, new.text, new.version)

    def update_decision(self, decision_id: int, text: str, expected_version: int | None = None) -> DecisionRow:
        """Change a paragraph's text; refused when another desk changed it after `expected_version`."""
        text = clean(text, "text", required=True, max_length=20000, multiline=True)
        with self._write() as s:
            p = get_or_fail(s, DecisionParagraph, decision_id, "Paragraph")
            check_version(p, expected_version, f"Paragraph {p.position}")
            p.text = text
            s.flush()
            return DecisionRow(p.id, p.agenda_item_id, None, p.position, p.text, p.version)

    def remove_decision(self, decision_id: int, expected_version: int | None = None) -> DecisionRow:
        """Remove a paragraph; refused when another desk changed it after `expected_version`."""
        with self._write() as s:
            p = get_or_fail(s, DecisionParagraph, decision_id, "Paragraph")
            check_version(p, expected_version, f"Paragraph {p.position}")
            row = DecisionRow(p.id, p.agenda_item_id, None, p.position, p.text, request_id=p.request_id)
            s.delete(p)
            return row


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
