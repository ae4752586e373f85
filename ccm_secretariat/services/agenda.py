"""The agenda, the programme of work (plenary meetings and side events, `programme`) and the decisions and
recommendations (`decisions`): one service, `services.agenda`, in three modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from ccm_secretariat.domain.enums import AgendaStatus
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.orm import (
    AgendaItem,
    AgendaSubItem,
    DecisionParagraph,
    Meeting,
    PlenaryMeeting,
    plenary_agenda_items,
)
from ccm_secretariat.orm.agenda import MAX_SUB_ITEMS
from ccm_secretariat.services.base import check_version, clean, get_or_fail, next_position
from ccm_secretariat.services.decisions import DecisionRow, Decisions
from ccm_secretariat.services.programme import PlenaryRow, ProgrammeOfWork, SideEventRow

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "AgendaItemRow",
    "AgendaService",
    "DecisionRow",
    "PlenaryRow",
    "RemovedItem",
    "SideEventRow",
    "sub_item_letter",
]


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


class AgendaService(ProgrammeOfWork, Decisions):
    """The agenda's items here; the programme of work and the decisions from their own modules."""

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
