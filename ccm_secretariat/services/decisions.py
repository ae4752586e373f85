"""The decisions and recommendations: numbered paragraphs, each under an agenda item or none. Part of
`services.agenda` (AgendaService)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.orm import AgendaItem, DecisionParagraph, ExtensionRequest, Meeting
from ccm_secretariat.services.base import Service, check_version, clean, get_or_fail


@dataclass(frozen=True)
class DecisionRow:
    id: int
    agenda_item_id: int | None
    agenda_item_number: int | None
    position: int
    text: str
    version: int = 0
    request_id: int | None = None  # the report writes this extension request's paragraphs here (no text)


class Decisions(Service):
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
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting", lock=True)
            if request_id is not None:
                _check_placeable(s, meeting, request_id)
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
            return DecisionRow(new.id, agenda_item_id, number, new.position, new.text, new.version, request_id)

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
            row = DecisionRow(p.id, p.agenda_item_id, None, p.position, p.text, p.version, p.request_id)
            s.delete(p)
            s.flush()
            s.execute(
                sa.update(DecisionParagraph)
                .where(DecisionParagraph.meeting_id == p.meeting_id, DecisionParagraph.position > row.position)
                .values(position=DecisionParagraph.position - 1)
            )
            return row

    def restore_decision(self, meeting_id: int, row: DecisionRow) -> DecisionRow:
        """Undo of a removal (or redo of an addition): the paragraph as it was, under its own id, version and
        number (the paragraphs from there on move down), so later steps on the undo stack still find it."""
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting", lock=True)
            s.execute(
                sa.update(DecisionParagraph)
                .where(DecisionParagraph.meeting_id == meeting_id, DecisionParagraph.position >= row.position)
                .values(position=DecisionParagraph.position + 1)
            )
            s.add(
                DecisionParagraph(
                    id=row.id,
                    meeting_id=meeting_id,
                    agenda_item_id=row.agenda_item_id,
                    position=row.position,
                    text=row.text,
                    request_id=row.request_id,
                )
            )
            s.flush()
            s.execute(sa.update(DecisionParagraph).where(DecisionParagraph.id == row.id).values(version=row.version))
        return next(d for d in self.decisions(meeting_id) if d.id == row.id)


def _check_placeable(s: Session, meeting: Meeting, request_id: int) -> None:
    """An extension request of the meeting's convention, not placed in its decisions yet."""
    request = s.get(ExtensionRequest, request_id)
    if request is None or request.treaty_id != meeting.treaty_id:
        raise ValidationError("no such extension request is recorded for this meeting's convention.", "request")
    placed = s.scalar(
        sa.select(DecisionParagraph.position).where(
            DecisionParagraph.meeting_id == meeting.id, DecisionParagraph.request_id == request_id
        )
    )
    if placed is not None:
        raise DuplicateError(f"this request's paragraphs have their place already (paragraph {placed}).", "request")
