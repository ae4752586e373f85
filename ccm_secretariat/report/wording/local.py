"""The meeting's own documents (the agenda, the programme of work, the list of documents) in another document
language: their titles, headings, dates, labels and placeholders from that language's forms
(ccm_secretariat.language). The report's sentences are not written in these languages yet, so the registry offers
a language only for the documents whose words are all here (documents/registry.py, LOCALISED_KINDS)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ccm_secretariat.domain.enums import DocumentType, MeetingFormat
from ccm_secretariat.domain.symbols import Series
from ccm_secretariat.exports.localise import meeting_title
from ccm_secretariat.exports.masthead import place_and_dates
from ccm_secretariat.language import Forms, forms
from ccm_secretariat.report.wording.en import English
from ccm_secretariat.services.meetings import MeetingRow

TITLES = {DocumentType.PROGRAMME: "programme_title", DocumentType.DOCUMENTS_LIST: "documents_title"}
NOTHING_YET = {
    DocumentType.AGENDA: "no_agenda_item",
    DocumentType.PROGRAMME: "no_plenary",
    DocumentType.DOCUMENTS_LIST: "no_document",
}


class Localised(English):
    """English's where a language has nothing of its own to say (a time, a list of agenda items)."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.f: Forms = forms(code)

    def date(self, day: dt.date) -> str:
        return self.f.date(day)

    def day_heading(self, day: dt.date) -> str:
        weekday = self.f.weekday(day)
        return f"{weekday[:1].upper()}{weekday[1:]} {self.f.date(day)}"

    def masthead_title(self, meeting: MeetingRow) -> str:
        return meeting_title(meeting, self.code)

    def place_and_dates(self, meeting: MeetingRow) -> str:
        return place_and_dates(meeting, self.code)

    def document_title(self, doc_type: DocumentType, adopted: bool = False) -> str:
        if doc_type is DocumentType.AGENDA:
            return self.f.phrase("agenda" if adopted else "provisional_agenda")
        key = TITLES.get(doc_type)
        return self.f.phrase(key) if key else super().document_title(doc_type, adopted)

    def nothing_yet(self, doc_type: DocumentType) -> str:
        key = NOTHING_YET.get(doc_type)
        return self.f.phrase(key) if key else super().nothing_yet(doc_type)

    def programme_header(self) -> tuple[str, str, str]:
        return (self.f.phrase("Time"), self.f.phrase("Meeting"), self.f.phrase("Agenda items"))

    def plenary(self, number: int, closed: bool, held: MeetingFormat | None) -> str:
        """ "Neuvième séance plénière (privée)"; "Novena sesión plenaria"."""
        marks = (["closed"] if closed else []) + ([f"format:{held.value}"] if held else [])
        ordinal = self.f.ordinal(number, feminine=True)
        name = self.f.phrase("plenary", ordinal=ordinal[:1].upper() + ordinal[1:])
        return f"{name} ({', '.join(self.f.phrase(m) for m in marks)})" if marks else name

    def side_event(self, title: str, organiser: str | None, room: str | None) -> str:
        by = self.f.phrase("organised_by", organiser=organiser) if organiser else ""
        return self.f.phrase("side_event", title=title) + by + (f" ({room})" if room else "")

    def series_heading(self, series: Series) -> str:
        return self.f.phrase(f"series:{series.name}")

    def documents_header(self) -> tuple[str, str, str]:
        return (self.f.phrase("Symbol"), self.f.phrase("Title"), self.f.phrase("Languages"))

    def join(self, names: Sequence[str], serial_comma: bool = False) -> str:
        return self.f.join(list(names), serial_comma=serial_comma)
