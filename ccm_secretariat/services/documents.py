"""The register of conference documents, in the natural order of their symbols."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ccm_secretariat.domain.enums import Distribution, DocumentType
from ccm_secretariat.domain.symbols import Series, SymbolParts, parse_symbol
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.orm import AgendaItem, Document, Meeting
from ccm_secretariat.services.base import Service, check_version, clean, get_or_fail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

LANGUAGES = ("AR", "EN", "ES", "FR", "RU", "ZH")


@dataclass(frozen=True)
class DocumentInput:
    symbol: str
    title: str
    issue_date: dt.date | None = None
    languages: str = "EN"
    agenda_item_number: int | None = None
    submitted_by: str = ""
    distribution: Distribution | None = None  # None: Limited for the L. series, General otherwise
    doc_type: DocumentType = DocumentType.OTHER  # the agenda, the report …: what the desk finds it by


@dataclass(frozen=True)
class DocumentRow:
    id: int
    symbol: str
    title: str
    issue_date: dt.date | None
    languages: str
    agenda_item_number: int | None
    submitted_by: str
    distribution: Distribution
    parts: SymbolParts
    version: int = 0
    doc_type: DocumentType = DocumentType.OTHER

    @property
    def series(self) -> Series:
        return self.parts.series

    def as_input(self) -> DocumentInput:
        """The entry as it stands, to save again (undo)."""
        return DocumentInput(
            self.symbol,
            self.title,
            self.issue_date,
            self.languages,
            self.agenda_item_number,
            self.submitted_by,
            self.distribution,
            self.doc_type,
        )

    @property
    def kind(self) -> str:
        return self.parts.kind


def normalise_languages(text: str) -> str:
    codes = [c.upper() for c in re.split(r"[\s,;/]+", text or "") if c]
    unknown = [c for c in codes if c not in LANGUAGES]
    if unknown:
        raise ValidationError(
            f"{', '.join(unknown)} is not an official language code ({', '.join(LANGUAGES)}).", "languages"
        )
    if not codes:
        raise ValidationError("give at least one language.", "languages")
    return " ".join(c for c in LANGUAGES if c in codes)


class DocumentService(Service):
    def list(self, meeting_id: int) -> list[DocumentRow]:
        with self._read() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            numbers = dict(
                s.execute(sa.select(AgendaItem.id, AgendaItem.number).where(AgendaItem.meeting_id == meeting_id)).all()
            )
            docs = list(s.scalars(sa.select(Document).where(Document.meeting_id == meeting_id)))
            prefix = meeting.symbol_prefix
        rows = [
            DocumentRow(
                d.id,
                d.symbol,
                d.title,
                d.issue_date,
                d.languages,
                numbers.get(d.agenda_item_id) if d.agenda_item_id is not None else None,
                d.submitted_by,
                d.distribution,
                parse_symbol(d.symbol, prefix),
                d.version,
                d.doc_type,
            )
            for d in docs
        ]
        return sorted(rows, key=lambda r: r.parts.sort_key())

    def _values(self, s: Session, meeting: Meeting, data: DocumentInput, exclude: int | None) -> dict[str, Any]:
        symbol = clean(data.symbol, "symbol", required=True, max_length=120)
        parts = parse_symbol(symbol, meeting.symbol_prefix)
        clash = sa.select(Document.id).where(Document.meeting_id == meeting.id, Document.symbol == symbol)
        if exclude is not None:
            clash = clash.where(Document.id != exclude)
        if s.scalar(clash):
            raise DuplicateError(f"{symbol} is in the register already.", "symbol")
        item_id = None
        if data.agenda_item_number is not None:
            item_id = s.scalar(
                sa.select(AgendaItem.id).where(
                    AgendaItem.meeting_id == meeting.id, AgendaItem.number == data.agenda_item_number
                )
            )
            if item_id is None:
                raise ValidationError(f"the agenda has no item {data.agenda_item_number}.", "agenda_item")
        distribution = (
            Distribution(data.distribution)
            if data.distribution
            else (Distribution.LIMITED if parts.series is Series.L else Distribution.GENERAL)
        )
        return dict(
            symbol=symbol,
            title=clean(data.title, "title", required=True, max_length=500),
            issue_date=data.issue_date,
            languages=normalise_languages(data.languages),
            agenda_item_id=item_id,
            submitted_by=clean(data.submitted_by, "submitted_by"),
            distribution=distribution,
            doc_type=DocumentType(data.doc_type),
        )

    def add(self, meeting_id: int, data: DocumentInput) -> DocumentRow:
        with self._write() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            doc = Document(meeting_id=meeting_id, **self._values(s, meeting, data, None))
            s.add(doc)
            s.flush()
            doc_id = doc.id
        return self.get(doc_id)

    def update(self, document_id: int, data: DocumentInput, expected_version: int | None = None) -> DocumentRow:
        """Change a document's entry; refused when another desk changed it after `expected_version`."""
        with self._write() as s:
            doc = get_or_fail(s, Document, document_id, "Document")
            check_version(doc, expected_version, f"The entry of {doc.symbol}")
            meeting = get_or_fail(s, Meeting, doc.meeting_id, "Meeting")
            for k, v in self._values(s, meeting, data, document_id).items():
                setattr(doc, k, v)
        return self.get(document_id)

    def get(self, document_id: int) -> DocumentRow:
        with self._read() as s:
            doc = get_or_fail(s, Document, document_id, "Document")
            meeting_id = doc.meeting_id
        return next(r for r in self.list(meeting_id) if r.id == document_id)

    def remove(self, document_id: int, expected_version: int | None = None) -> DocumentRow:
        """Take a document off the register; refused when another desk changed it after `expected_version`.
        Returns the entry as it was, which `restore` puts back."""
        row = self.get(document_id)
        with self._write() as s:
            doc = get_or_fail(s, Document, document_id, "Document")
            check_version(doc, expected_version, f"The entry of {doc.symbol}")
            s.delete(doc)
        return row

    def restore(self, meeting_id: int, row: DocumentRow) -> DocumentRow:
        """Undo of a removal: the entry as it was, under its own id and version (later steps on the undo stack,
        an edit's undo among them, still find it)."""
        with self._write() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            s.add(Document(id=row.id, meeting_id=meeting.id, **self._values(s, meeting, row.as_input(), row.id)))
            s.flush()
            s.execute(sa.update(Document).where(Document.id == row.id).values(version=row.version))
        return self.get(row.id)
