"""The agenda, the programme of work (plenary meetings) and the decisions and recommendations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from ccm_secretariat.domain.enums import AgendaStatus
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.orm import AgendaItem, DecisionParagraph, Meeting, MeetingPart, PlenaryMeeting
from ccm_secretariat.services.base import Service, clean, get_or_fail


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    number: int
    position: int
    title: str
    status: AgendaStatus


@dataclass(frozen=True)
class PlenaryRow:
    id: int
    number: int
    part_number: int | None
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    agenda_item_numbers: tuple[int, ...]


@dataclass(frozen=True)
class DecisionRow:
    id: int
    agenda_item_id: int | None
    agenda_item_number: int | None
    position: int
    text: str


class AgendaService(Service):
    # Agenda items ------------------------------------------------------------------------------------
    def items(self, meeting_id: int) -> list[AgendaItemRow]:
        with self._read() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            items = s.scalars(sa.select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                              .order_by(AgendaItem.position, AgendaItem.number))
            return [AgendaItemRow(i.id, i.number, i.position, i.title, i.status) for i in items]

    def add_item(self, meeting_id: int, title: str, number: int | None = None,
                 status: AgendaStatus = AgendaStatus.PROVISIONAL) -> AgendaItemRow:
        title = clean(title, "title", required=True, max_length=500)
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            numbers = set(s.scalars(sa.select(AgendaItem.number).where(AgendaItem.meeting_id == meeting_id)))
            number = number if number is not None else max(numbers, default=0) + 1
            if number < 1:
                raise ValidationError("agenda items are numbered from 1.", "number")
            if number in numbers:
                raise DuplicateError(f"the agenda has an item {number} already.", "number")
            position = s.scalar(sa.select(sa.func.coalesce(sa.func.max(AgendaItem.position), 0))
                                .where(AgendaItem.meeting_id == meeting_id)) + 1
            item = AgendaItem(meeting_id=meeting_id, number=number, position=position, title=title, status=status)
            s.add(item)
            s.flush()
            return AgendaItemRow(item.id, item.number, item.position, item.title, item.status)

    def update_item(self, item_id: int, *, title: str | None = None, number: int | None = None,
                    status: AgendaStatus | None = None) -> AgendaItemRow:
        with self._write() as s:
            item = get_or_fail(s, AgendaItem, item_id, "Agenda item")
            if title is not None:
                item.title = clean(title, "title", required=True, max_length=500)
            if number is not None and number != item.number:
                if number < 1:
                    raise ValidationError("agenda items are numbered from 1.", "number")
                if s.scalar(sa.select(AgendaItem.id).where(AgendaItem.meeting_id == item.meeting_id,
                                                           AgendaItem.number == number)):
                    raise DuplicateError(f"the agenda has an item {number} already.", "number")
                item.number = number
            if status is not None:
                item.status = AgendaStatus(status)
            return AgendaItemRow(item.id, item.number, item.position, item.title, item.status)

    def move_item(self, item_id: int, new_index: int, renumber: bool = True) -> list[AgendaItemRow]:
        """Move an item to `new_index` (0-based) in the agenda; with `renumber`, numbers follow the order."""
        with self._write() as s:
            item = get_or_fail(s, AgendaItem, item_id, "Agenda item")
            items = list(s.scalars(sa.select(AgendaItem).where(AgendaItem.meeting_id == item.meeting_id)
                                   .order_by(AgendaItem.position, AgendaItem.number)))
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

    def remove_item(self, item_id: int) -> None:
        with self._write() as s:
            s.delete(get_or_fail(s, AgendaItem, item_id, "Agenda item"))

    # Plenary meetings --------------------------------------------------------------------------------
    def plenaries(self, meeting_id: int) -> list[PlenaryRow]:
        with self._read() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            parts = dict(s.execute(sa.select(MeetingPart.id, MeetingPart.number)
                                   .where(MeetingPart.meeting_id == meeting_id)).all())
            plenaries = s.scalars(sa.select(PlenaryMeeting).where(PlenaryMeeting.meeting_id == meeting_id)
                                  .order_by(PlenaryMeeting.date, PlenaryMeeting.start_time, PlenaryMeeting.number))
            return [PlenaryRow(p.id, p.number, parts.get(p.part_id), p.date, p.start_time, p.end_time,
                               tuple(sorted(i.number for i in p.agenda_items))) for p in plenaries]

    def set_plenary(self, meeting_id: int, number: int, date: dt.date, start: dt.time, end: dt.time,
                    agenda_item_numbers: tuple[int, ...] = ()) -> PlenaryRow:
        """Add plenary meeting `number`, or change its date, times and the items it takes up."""
        if number < 1:
            raise ValidationError("plenary meetings are numbered from 1.", "number")
        if end <= start:
            raise ValidationError(f"the meeting ends ({end:%H:%M}) before it starts ({start:%H:%M}).", "end_time")
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            part = s.scalar(sa.select(MeetingPart).where(MeetingPart.meeting_id == meeting_id,
                                                         MeetingPart.start_date <= date, MeetingPart.end_date >= date))
            if part is None:
                raise ValidationError(f"{date:%d %B %Y} falls in no part of the meeting.", "date")
            items = list(s.scalars(sa.select(AgendaItem).where(AgendaItem.meeting_id == meeting_id,
                                                               AgendaItem.number.in_(agenda_item_numbers))))
            missing = set(agenda_item_numbers) - {i.number for i in items}
            if missing:
                raise ValidationError(f"the agenda has no item {', '.join(map(str, sorted(missing)))}.", "agenda_items")
            plenary = s.scalar(sa.select(PlenaryMeeting).where(PlenaryMeeting.meeting_id == meeting_id,
                                                               PlenaryMeeting.number == number))
            if plenary is None:
                plenary = PlenaryMeeting(meeting_id=meeting_id, number=number)
                s.add(plenary)
            plenary.part_id, plenary.date, plenary.start_time, plenary.end_time = part.id, date, start, end
            plenary.agenda_items = items
            s.flush()
            return PlenaryRow(plenary.id, number, part.number, date, start, end,
                              tuple(sorted(i.number for i in items)))

    def remove_plenary(self, plenary_id: int) -> None:
        with self._write() as s:
            s.delete(get_or_fail(s, PlenaryMeeting, plenary_id, "Plenary meeting"))

    # Decisions and recommendations -------------------------------------------------------------------
    def decisions(self, meeting_id: int) -> list[DecisionRow]:
        with self._read() as s:
            numbers = dict(s.execute(sa.select(AgendaItem.id, AgendaItem.number)
                                     .where(AgendaItem.meeting_id == meeting_id)).all())
            paragraphs = s.scalars(sa.select(DecisionParagraph).where(DecisionParagraph.meeting_id == meeting_id)
                                   .order_by(DecisionParagraph.position, DecisionParagraph.id))
            return [DecisionRow(p.id, p.agenda_item_id, numbers.get(p.agenda_item_id), p.position, p.text)
                    for p in paragraphs]

    def add_decision(self, meeting_id: int, text: str, agenda_item_id: int | None = None,
                     index: int | None = None) -> DecisionRow:
        text = clean(text, "text", required=True, max_length=20000, multiline=True)  # sub-items (a), (b)
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            number = None
            if agenda_item_id is not None:
                item = get_or_fail(s, AgendaItem, agenda_item_id, "Agenda item")
                if item.meeting_id != meeting_id:
                    raise ValidationError("the agenda item belongs to another meeting.", "agenda_item")
                number = item.number
            paragraphs = list(s.scalars(sa.select(DecisionParagraph).where(DecisionParagraph.meeting_id == meeting_id)
                                        .order_by(DecisionParagraph.position, DecisionParagraph.id)))
            new = DecisionParagraph(meeting_id=meeting_id, agenda_item_id=agenda_item_id, text=text)
            paragraphs.insert(len(paragraphs) if index is None else max(0, index), new)
            for i, p in enumerate(paragraphs, start=1):
                p.position = i
            s.add(new)
            s.flush()
            return DecisionRow(new.id, agenda_item_id, number, new.position, new.text)

    def update_decision(self, decision_id: int, text: str) -> None:
        with self._write() as s:
            get_or_fail(s, DecisionParagraph, decision_id, "Paragraph").text = clean(
                text, "text", required=True, max_length=20000, multiline=True)

    def remove_decision(self, decision_id: int) -> DecisionRow:
        with self._write() as s:
            p = get_or_fail(s, DecisionParagraph, decision_id, "Paragraph")
            row = DecisionRow(p.id, p.agenda_item_id, None, p.position, p.text)
            s.delete(p)
            return row
