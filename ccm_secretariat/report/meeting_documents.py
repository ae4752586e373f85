"""The meeting's own documents, built from its data into the same document model as the report (so that the PDF
and Word renderers serve them all): the provisional agenda, the provisional programme of work, the list of
documents and the state of credentials.

Each document's symbol, title and date come from the document register when it holds the document (found by its
title), and otherwise follow the usual pattern (…/1 for the agenda)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ccm_secretariat.domain.enums import AgendaStatus, Category, CredentialsKind, MeetingFormat
from ccm_secretariat.domain.names import un_sort_key
from ccm_secretariat.domain.prose import join_names
from ccm_secretariat.domain.symbols import Series
from ccm_secretariat.exports.localise import meeting_title
from ccm_secretariat.exports.masthead import Masthead, place_and_dates
from ccm_secretariat.language import Forms, forms
from ccm_secretariat.report.model import DocumentTable, Heading, Paragraph, Report
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


def _registered(data: MeetingData, words: tuple[str, ...], series: Series | None = None) -> DocumentRow | None:
    """The register's document whose title contains one of `words` (and of `series`, when given)."""
    for d in data.documents:
        if (series is None or d.series is series) and any(w in d.title.lower() for w in words):
            return d
    return None


def _masthead(
    data: MeetingData,
    doc: DocumentRow | None,
    default_symbol: str,
    title: str,
    date: dt.date | None,
    language: str = "en",
) -> Masthead:
    m = data.meeting
    return Masthead(
        doc.symbol if doc else default_symbol,
        "General",
        date or (doc.issue_date if doc and doc.issue_date else default_date(m)),
        "English",
        meeting_title(m, language),
        place_and_dates(m, language),
        title,
        practice=m.practice,
        language=language,
    )


def _title(f: Forms, doc: DocumentRow | None, key: str) -> str:
    """The register's title in English (it records the English one), else the language's own."""
    return doc.title if doc and f.code == "en" else f.phrase(key)


def default_date(meeting: MeetingRow) -> dt.date:
    """A document's date when the register gives none: today, or the meeting's first day once it has begun (a
    meeting's documents are dated by its opening at the latest, not by the day they are printed again)."""
    today = dt.date.today()
    return min(today, meeting.first_day) if meeting.first_day else today


def build_agenda(data: MeetingData, date: dt.date | None = None, language: str = "en") -> Report:
    """The agenda: its items in order, under their own numbers. Titled as the register has it ("Provisional
    agenda") until every item is adopted, then "Agenda". The items' titles are printed as entered."""
    f = forms(language)
    adopted = bool(data.items) and all(i.status is AgendaStatus.ADOPTED for i in data.items)
    doc = _registered(data, ("agenda",), Series.MAIN)
    title = f.phrase("agenda") if adopted else _title(f, doc, "provisional_agenda")
    blocks = tuple(
        Paragraph(i.number, i.title, tuple(f"{letter} {title}" for letter, title in i.lettered)) for i in data.items
    ) or (Paragraph(1, f.phrase("no_agenda_item"), placeholder=True),)
    return Report(_masthead(data, doc, f"{data.meeting.symbol_prefix}/1", title, date, language), blocks, None)


def _time(t: dt.time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def _plenary_line(p: PlenaryRow, show_format: bool, f: Forms) -> str:
    """ "Ninth plenary meeting (closed)"; "Neuvième séance plénière (privée)"; "Novena sesión plenaria"."""
    marks = (["closed"] if p.closed else []) + ([f"format:{p.held.value}"] if show_format and p.held else [])
    ordinal = f.ordinal(p.number, feminine=True)
    name = f.phrase("plenary", ordinal=ordinal[:1].upper() + ordinal[1:])
    return f"{name} ({', '.join(f.phrase(m) for m in marks)})" if marks else name


def _side_event_line(e: SideEventRow, f: Forms) -> str:
    organiser = f.phrase("organised_by", organiser=e.organiser) if e.organiser else ""
    room = f" ({e.room})" if e.room else ""
    return f.phrase("side_event", title=e.title) + organiser + room


def _day_heading(day: dt.date, f: Forms) -> str:
    """ "Monday 14 September 2026"; "Lundi 14 septembre 2026"; "Lunes 14 de septiembre de 2026"."""
    weekday = f.weekday(day)
    return f"{weekday[:1].upper()}{weekday[1:]} {f.date(day)}"


def build_programme(data: MeetingData, date: dt.date | None = None, language: str = "en") -> Report:
    """The programme of work: by day and time, each plenary meeting with the agenda items it takes up (closed
    meetings marked, the format given when the meetings are not all held the same way), and the side events."""
    f = forms(language)
    titles = {i.number: i.title for i in data.items}
    doc = _registered(data, ("programme of work", "program of work"))
    blocks: list[Any] = []
    days = sorted({p.date for p in data.plenaries} | {e.date for e in data.side_events})
    # The format where it varies, or where no meeting is held in person (a virtual session says so throughout).
    held = {p.held for p in data.plenaries}
    show_format = len(held) > 1 or (bool(held) and MeetingFormat.IN_PERSON not in held)
    for day in days:
        blocks.append(Heading(_day_heading(day, f)))
        entries = [
            (
                (p.start_time, 0, p.number),
                p.start_time,
                p.end_time,
                _plenary_line(p, show_format, f),
                "; ".join(f"{n}. {titles.get(n, '')}".rstrip() for n in p.agenda_item_numbers) or "—",
            )
            for p in data.plenaries
            if p.date == day
        ]
        entries += [
            ((e.start_time, 1, e.id), e.start_time, e.end_time, _side_event_line(e, f), "—")
            for e in data.side_events
            if e.date == day
        ]
        rows = tuple(
            (f"{_time(start)}–{_time(end)}", meeting, items) for _key, start, end, meeting, items in sorted(entries)
        )
        header = (f.phrase("Time"), f.phrase("Meeting"), f.phrase("Agenda items"))
        blocks.append(DocumentTable(header, rows, (0.16, 0.34, 0.5)))
    if not days:
        blocks.append(Paragraph(1, f.phrase("no_plenary"), placeholder=True))
    return Report(
        _masthead(data, doc, f"{data.meeting.symbol_prefix}/2", f.phrase("programme_title"), date, language),
        tuple(blocks),
        None,
    )


def build_documents_list(data: MeetingData, date: dt.date | None = None, language: str = "en") -> Report:
    """The register by series, in the order the report's annex uses, revisions, addenda and corrigenda under
    their parent (the register's own order), with their languages. Titles are printed as registered."""
    f = forms(language)
    doc = _registered(data, ("list of documents",))
    blocks: list[Any] = []
    for series in Series:
        rows = tuple((d.symbol, d.title, d.languages) for d in data.documents if d.series is series)
        if rows:
            blocks += [
                Heading(f.phrase(f"series:{series.name}")),
                # The Languages column takes "AR EN ES FR RU ZH" on one line.
                DocumentTable((f.phrase("Symbol"), f.phrase("Title"), f.phrase("Languages")), rows, (0.3, 0.45, 0.25)),
            ]
    if not blocks:
        blocks.append(Paragraph(1, f.phrase("no_document"), placeholder=True))
    masthead = _masthead(data, doc, f"{data.meeting.symbol_prefix}/INF.2", f.phrase("documents_title"), date, language)
    return Report(masthead, tuple(blocks), None)


def credentials_paragraphs(delegations: tuple[DelegationRow, ...] | list[DelegationRow], body: str) -> list[str]:
    """What the report says of credentials: in original form, as copies or notes verbales, not received; each
    list of States in alphabetical order (accents ignored), whatever the order of the categories given."""
    states = sorted((d for d in delegations if d.is_state), key=lambda d: un_sort_key(d.name))
    original = [d.name for d in states if d.credentials_received and d.credentials_kind is CredentialsKind.ORIGINAL]
    copies = [d.name for d in states if d.credentials_received and d.credentials_kind is not CredentialsKind.ORIGINAL]
    missing = [d.name for d in states if not d.credentials_received]
    text = []
    if original:
        text.append(
            f"Formal credentials, in accordance with the rules of procedure, were received from "
            f"{len(original)} State{'s' if len(original) != 1 else ''}: {join_names(original)}."
        )
    if copies:
        text.append(
            f"Copies of credentials or notes verbales were received from {len(copies)} "
            f"State{'s' if len(copies) != 1 else ''}: {join_names(copies)}."
        )
    if missing:
        text.append(
            f"No credentials had been received from {len(missing)} State{'s' if len(missing) != 1 else ''} "
            f"at the time of this report: {join_names(missing)}."
        )
    if not states:
        text.append(f"No State is registered for the {body} yet.")
    return text


def build_credentials(data: MeetingData, date: dt.date | None = None) -> Report:
    body = data.meeting.body_name
    parties = [d for d in data.delegations if d.category is Category.STATE_PARTY]
    others = [d for d in data.delegations if d.is_state and d.category is not Category.STATE_PARTY]
    blocks: list[Any] = [Heading("States Parties")]
    n = 0
    for text in credentials_paragraphs(parties, body):
        n += 1
        blocks.append(Paragraph(n, text))
    if others:
        blocks.append(Heading("Other States"))
        for text in credentials_paragraphs(others, body):
            n += 1
            blocks.append(Paragraph(n, text))
    doc = _registered(data, ("credentials",))
    return Report(
        _masthead(data, doc, f"{data.meeting.symbol_prefix}/INF.3", "Report on credentials", date), tuple(blocks), None
    )
