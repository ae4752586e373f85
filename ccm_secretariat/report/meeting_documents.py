"""The meeting's own documents, built from its data into the same document model as the report (so that the PDF
and Word renderers serve them all): the provisional agenda, the provisional programme of work, the list of
documents and the state of credentials.

Each document's symbol, title and date come from the document register when it holds the document (found by its
type: the agenda, the programme of work …), and otherwise follow the usual pattern (…/1 for the agenda). Every word
they print comes from a `Wording` (English by default)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccm_secretariat.domain.enums import AgendaStatus, CredentialsKind, DocumentType, MeetingFormat
from ccm_secretariat.domain.symbols import Series
from ccm_secretariat.exports.masthead import Masthead, original_language
from ccm_secretariat.report.data import registered
from ccm_secretariat.report.model import Block, DocumentTable, Heading, Paragraph, Report
from ccm_secretariat.report.wording import Wording
from ccm_secretariat.report.wording.en import ENGLISH
from ccm_secretariat.services.agenda import AgendaItemRow, PlenaryRow, SideEventRow
from ccm_secretariat.services.documents import DocumentRow
from ccm_secretariat.services.meetings import MeetingRow
from ccm_secretariat.services.registration import DelegationRow

if TYPE_CHECKING:
    from ccm_secretariat.services import Services


@dataclass(frozen=True)
class MeetingData:
    """What the meeting's documents are made from, read once (writers take prepared values, not services)."""

    meeting: MeetingRow
    items: tuple[AgendaItemRow, ...]
    plenaries: tuple[PlenaryRow, ...]
    documents: tuple[DocumentRow, ...]
    delegations: tuple[DelegationRow, ...]
    side_events: tuple[SideEventRow, ...] = ()

    @classmethod
    def read(cls, services: Services, meeting_id: int) -> MeetingData:
        return cls(
            services.meetings.get(meeting_id),
            tuple(services.agenda.items(meeting_id)),
            tuple(services.agenda.plenaries(meeting_id)),
            tuple(services.documents.list(meeting_id)),
            tuple(services.registration.delegations(meeting_id)),
            tuple(services.agenda.side_events(meeting_id)),
        )


def _masthead(
    data: MeetingData, w: Wording, doc_type: DocumentType, default: str, title: str, date: dt.date | None
) -> Masthead:
    """The register's document of that type gives the symbol (else `default`) and the date (else the usual)."""
    m = data.meeting
    doc = registered(data.documents, doc_type)
    return Masthead(
        doc.symbol if doc else f"{m.symbol_prefix}/{default}",
        w.distribution(False),
        date or (doc.issue_date if doc and doc.issue_date else default_date(m)),
        original_language(doc.languages if doc else None, w.language),
        w.masthead_title(m),
        w.place_and_dates(m),
        title,
        practice=m.practice,
        language=w.code,
    )


def default_date(meeting: MeetingRow) -> dt.date:
    """A document's date when the register gives none: today, or the meeting's first day once it has begun (a
    meeting's documents are dated by its opening at the latest, not by the day they are printed again)."""
    today = dt.date.today()
    return min(today, meeting.first_day) if meeting.first_day else today


def build_agenda(data: MeetingData, date: dt.date | None = None, w: Wording = ENGLISH) -> Report:
    """The agenda: its items in order, under their own numbers. Titled as the register has it ("Provisional
    agenda") until every item is adopted, then "Agenda"."""
    adopted = bool(data.items) and all(i.status is AgendaStatus.ADOPTED for i in data.items)
    doc = registered(data.documents, DocumentType.AGENDA)
    title = w.document_title(DocumentType.AGENDA, adopted)
    title = doc.title if doc and not adopted and w.code == "en" else title  # the register records the English
    blocks = tuple(
        Paragraph(i.number, i.title, tuple(f"{letter} {title}" for letter, title in i.lettered)) for i in data.items
    ) or (Paragraph(1, w.nothing_yet(DocumentType.AGENDA), placeholder=True),)
    return Report(_masthead(data, w, DocumentType.AGENDA, "1", title, date), blocks, None)


def _day_table(data: MeetingData, w: Wording, day: dt.date, show_format: bool) -> DocumentTable:
    """The plenary meetings and side events of a day, by time."""
    titles = {i.number: i.title for i in data.items}
    entries = [
        (
            (p.start_time, 0, p.number),
            w.time_range(p.start_time, p.end_time),
            w.plenary(p.number, p.closed, p.held if show_format else None),
            w.agenda_items([(n, titles.get(n, "")) for n in p.agenda_item_numbers]),
        )
        for p in data.plenaries
        if p.date == day
    ]
    entries += [
        (
            (e.start_time, 1, e.id),
            w.time_range(e.start_time, e.end_time),
            w.side_event(e.title, e.organiser, e.room),
            w.nothing(),
        )
        for e in data.side_events
        if e.date == day
    ]
    rows = tuple((time, meeting, items) for _key, time, meeting, items in sorted(entries))
    return DocumentTable(w.programme_header(), rows, (0.16, 0.34, 0.5))


def build_programme(data: MeetingData, date: dt.date | None = None, w: Wording = ENGLISH) -> Report:
    """The programme of work: by day and time, each plenary meeting with the agenda items it takes up (closed
    meetings marked, the format given when the meetings are not all held the same way), and the side events."""
    days = sorted({p.date for p in data.plenaries} | {e.date for e in data.side_events})
    # The format where it varies, or where no meeting is held in person (a virtual session says so throughout).
    held = {p.held for p in data.plenaries}
    show_format = len(held) > 1 or (bool(held) and MeetingFormat.IN_PERSON not in held)
    blocks: list[Block] = []
    for day in days:
        blocks += [Heading(w.day_heading(day)), _day_table(data, w, day, show_format)]
    if not days:
        blocks.append(Paragraph(1, w.nothing_yet(DocumentType.PROGRAMME), placeholder=True))
    title = w.document_title(DocumentType.PROGRAMME)
    return Report(_masthead(data, w, DocumentType.PROGRAMME, "2", title, date), tuple(blocks), None)


def build_documents_list(data: MeetingData, date: dt.date | None = None, w: Wording = ENGLISH) -> Report:
    """The register by series, in the order the report's annex uses, revisions, addenda and corrigenda under
    their parent (the register's own order), with their languages."""
    blocks: list[Block] = []
    for series in Series:
        rows = tuple((d.symbol, d.title, d.languages) for d in data.documents if d.series is series)
        if rows:
            blocks += [
                Heading(w.series_heading(series)),
                # The Languages column takes "AR EN ES FR RU ZH" on one line.
                DocumentTable(w.documents_header(), rows, (0.3, 0.45, 0.25), symbols=0),
            ]
    if not blocks:
        blocks.append(Paragraph(1, w.nothing_yet(DocumentType.DOCUMENTS_LIST), placeholder=True))
    title = w.document_title(DocumentType.DOCUMENTS_LIST)
    return Report(_masthead(data, w, DocumentType.DOCUMENTS_LIST, "INF.2", title, date), tuple(blocks), None)


def credentials_paragraphs(
    delegations: tuple[DelegationRow, ...] | list[DelegationRow], body: str, w: Wording = ENGLISH
) -> list[str]:
    """What the report says of credentials: in original form, as copies or notes verbales, not received; each
    list of States in alphabetical order (accents ignored), whatever the order of the categories given."""
    states = sorted(w.delegations([d for d in delegations if d.is_state]), key=lambda d: w.order(d.name))
    received = [d for d in states if d.credentials_received]
    original = [d.name for d in received if d.credentials_kind is CredentialsKind.ORIGINAL]
    copies = [d.name for d in received if d.credentials_kind is not CredentialsKind.ORIGINAL]
    missing = [d.name for d in states if not d.credentials_received]
    text = [
        sentence(names)
        for names, sentence in (
            (original, w.credentials_original),
            (copies, w.credentials_copies),
            (missing, w.credentials_missing),
        )
        if names
    ]
    return text if states else [w.no_state_registered(body)]


def build_credentials(data: MeetingData, date: dt.date | None = None, w: Wording = ENGLISH) -> Report:
    body = data.meeting.body_name
    party = data.meeting.profile.for_status("party").key
    parties = [d for d in data.delegations if d.category == party]
    others = [d for d in data.delegations if d.is_state and d.category != party]
    sections = [(w.states_parties_heading(), parties)] + ([(w.other_states_heading(), others)] if others else [])
    blocks: list[Block] = []
    for heading, states in sections:
        blocks.append(Heading(heading))
        for text in credentials_paragraphs(states, body, w):
            blocks.append(Paragraph(sum(isinstance(b, Paragraph) for b in blocks) + 1, text))
    title = w.document_title(DocumentType.CREDENTIALS)
    return Report(_masthead(data, w, DocumentType.CREDENTIALS, "INF.3", title, date), tuple(blocks), None)
