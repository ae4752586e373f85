"""The meeting's history as records (ccm_secretariat.domain.events): listed in order, added (in a place), changed,
moved up or down, removed and restored one at a time, each a transaction; a change made on a stale screen is
refused (version check)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ccm_secretariat.domain.events import COLUMNS, FIELD_NAMES, MeetingEvent, check_event
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.orm import Meeting, MeetingEventRecord
from ccm_secretariat.services.base import Service, check_version, get_or_fail, next_position

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["EventService"]


def _row(r: MeetingEventRecord) -> MeetingEvent:
    values = {name: getattr(r, COLUMNS.get(name, name)) for name in FIELD_NAMES}
    return MeetingEvent(**values, id=r.id, position=r.position, version=r.version)


def _columns(event: MeetingEvent) -> dict[str, object]:
    return {COLUMNS.get(name, name): getattr(event, name) for name in FIELD_NAMES}


class EventService(Service):
    def list(self, meeting_id: int) -> list[MeetingEvent]:
        with self._read() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            rows = s.scalars(
                sa.select(MeetingEventRecord)
                .where(MeetingEventRecord.meeting_id == meeting_id)
                .order_by(MeetingEventRecord.position, MeetingEventRecord.id)
            )
            return [_row(r) for r in rows]

    def add(self, meeting_id: int, event: MeetingEvent) -> MeetingEvent:
        """A new record, last unless `event.position` names its place (the records from there on move down):
        undoing a removal puts the record back where it was."""
        event = check_event(event)
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting", lock=True)
            where = MeetingEventRecord.meeting_id == meeting_id
            last = next_position(s, MeetingEventRecord.position, where)
            position = event.position if 0 < event.position < last else last
            self._shift(s, meeting_id, position, +1)
            record = MeetingEventRecord(meeting_id=meeting_id, position=position, **_columns(event))
            s.add(record)
            s.flush()
            return _row(record)

    def restore(self, meeting_id: int, event: MeetingEvent) -> MeetingEvent:
        """Undo of a removal (or redo of an addition): the record as it was, under its own id, version and place
        (the records from there on move down), so later steps on the undo stack still find it."""
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting", lock=True)
            self._shift(s, meeting_id, event.position, +1)
            record = MeetingEventRecord(
                id=event.id, meeting_id=meeting_id, position=event.position, **_columns(check_event(event))
            )
            s.add(record)
            s.flush()
            s.execute(
                sa.update(MeetingEventRecord).where(MeetingEventRecord.id == event.id).values(version=event.version)
            )
            return dataclasses.replace(_row(record), version=event.version)

    def update(self, event_id: int, event: MeetingEvent, expected_version: int | None = None) -> MeetingEvent:
        event = check_event(event)
        with self._write() as s:
            record = get_or_fail(s, MeetingEventRecord, event_id, "The record")
            check_version(record, expected_version, "The record")
            for column, value in _columns(event).items():
                setattr(record, column, value)
            s.flush()
            return _row(record)

    def move(self, event_id: int, step: int, expected_version: int | None = None) -> MeetingEvent:
        """The record one place up (step -1) or down (+1), changing places with its neighbour; at the top or the
        bottom it stays. Undo is the opposite step."""
        if step not in (-1, 1):
            raise ValidationError("a record moves one place up or down.", "position")
        with self._write() as s:
            record = get_or_fail(s, MeetingEventRecord, event_id, "The record")
            check_version(record, expected_version, "The record")
            get_or_fail(s, Meeting, record.meeting_id, "Meeting", lock=True)
            neighbour = s.scalar(
                sa.select(MeetingEventRecord).where(
                    MeetingEventRecord.meeting_id == record.meeting_id,
                    MeetingEventRecord.position == record.position + step,
                )
            )
            if neighbour is not None:
                record.position, neighbour.position = neighbour.position, record.position
            s.flush()
            return _row(record)

    def remove(self, event_id: int, expected_version: int | None = None) -> MeetingEvent:
        """The record removed, as it was (add it again with its position to undo)."""
        with self._write() as s:
            record = get_or_fail(s, MeetingEventRecord, event_id, "The record")
            check_version(record, expected_version, "The record")
            removed = _row(record)
            get_or_fail(s, Meeting, record.meeting_id, "Meeting", lock=True)
            s.delete(record)
            s.flush()
            self._shift(s, record.meeting_id, removed.position + 1, -1)
            return removed

    @staticmethod
    def _shift(s: Session, meeting_id: int, from_position: int, by: int) -> None:
        s.execute(
            sa.update(MeetingEventRecord)
            .where(MeetingEventRecord.meeting_id == meeting_id, MeetingEventRecord.position >= from_position)
            .values(position=MeetingEventRecord.position + by)
        )
