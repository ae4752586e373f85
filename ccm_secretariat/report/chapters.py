"""The chapters of the draft procedural report, one function each, from the report's data (`ReportData`) and its
words (`Wording`): each returns its heading and paragraphs of the neutral document model, unnumbered; the builder
numbers them. A chapter with nothing to say returns no paragraph (and then prints no heading)."""

from __future__ import annotations

from dataclasses import dataclass

from ccm_secretariat.domain.enums import DocumentType, OfficerRole
from ccm_secretariat.domain.events import EventKind
from ccm_secretariat.domain.symbols import Series
from ccm_secretariat.report import events
from ccm_secretariat.report.data import ReportData, registered
from ccm_secretariat.report.fields import fill
from ccm_secretariat.report.meeting_documents import credentials_paragraphs
from ccm_secretariat.report.model import Annex, DocumentTable, Paragraph
from ccm_secretariat.report.participation import participation_paragraphs
from ccm_secretariat.report.requests import request_paragraphs
from ccm_secretariat.report.wording import Wording


@dataclass(frozen=True)
class Chapter:
    heading: str
    paragraphs: tuple[Paragraph, ...]


def _paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    """Paragraphs of running text, numbered later; a line break starts a sub-paragraph ("(a) …")."""
    out = []
    for text in texts:
        lines = text.split("\n")
        out.append(Paragraph(0, lines[0], tuple(lines[1:])))
    return tuple(out)


def _placeholder(text: str) -> Paragraph:
    return Paragraph(0, text, placeholder=True)


@dataclass(frozen=True)
class Names:
    """How the report names the meeting: a short title made of words ("Second Review Conference") as it is; an
    abbreviation ("14MSP") introduced after the full title at its first use (the mandate), then used alone."""

    first: str
    short: str

    @classmethod
    def of(cls, data: ReportData, w: Wording) -> Names:
        title, short = w.meeting_names(data.meeting)
        if " " in short:
            return cls(short, short)
        return cls(w.introduced(title, short), short)


def introduction(data: ReportData, w: Wording, names: Names) -> Chapter:
    """From the meeting's history when it is recorded (the seed's 1-8), else a placeholder saying what goes here."""
    m = data.meeting
    told = events.introduction(data.events, m, w.events, w.code)
    paragraphs = [Paragraph(0, t.text, t.items, t.placeholder) for t in told]
    paragraphs = paragraphs or [_placeholder(w.mandate(names.first, m.treaty_title))]
    presidents = data.officers(OfficerRole.PRESIDENT)
    if presidents and not any(e.kind is EventKind.DESIGNATED for e in data.events):
        president = presidents[-1]
        paragraphs += _paragraphs(w.president_designated(president.person, president.description, names.short))
    return Chapter(w.introduction_heading(), tuple(paragraphs))


def organization(data: ReportData, w: Wording, names: Names) -> Chapter:
    m, body = data.meeting, data.meeting.body_name
    texts = [w.part_held(data.part_number, m.title, m.city, data.part.start_date, data.part.end_date)]
    for o in m.officers:
        if o.name and o.kind is OfficerRole.SECRETARY:
            texts.append(w.secretary_served(o.person, o.description, o.role))
        elif o.name and o.kind is OfficerRole.OTHER:
            texts.append(w.officer_took_part(o.person, o.description, body))
    texts += participation_paragraphs(list(data.delegations), m.settings, body, m.profile, w)
    if any(d.credentials_received for d in data.delegations if d.is_state):  # once credentials are recorded
        texts += credentials_paragraphs(data.took_part, body, w)
    return Chapter(w.organization_heading(names.short), _paragraphs(*texts))


def work(data: ReportData, w: Wording, names: Names) -> Chapter:
    """Dated paragraphs of one day in a row say "On the same day" (the seed's 19-23)."""
    body, day, part = data.meeting.body_name, data.opening, data.part_number
    days = events.DayTeller(w.events)
    texts = []
    presidents = data.officers(OfficerRole.PRESIDENT)
    if presidents:
        texts.append(w.opened(days.on(day), part, names.short, presidents[-1].person, presidents[-1].description))
    if data.part_plenaries:
        texts.append(w.plenaries_held(body, len(data.part_plenaries), data.part.format))
        days.interrupt()
    texts += events.messages(data.events, body, w.events, days, until=day)  # the opening day's
    texts += _elected(data, w, days)
    paragraphs = list(_paragraphs(*texts))
    adopted = _adopted(data, w, days)
    if adopted:
        paragraphs.append(adopted)
    paragraphs += _paragraphs(*events.messages(data.events, body, w.events, days, after=day))  # the later days'
    if data.documents:
        paragraphs += _paragraphs(w.annex_pointer(part, names.short))
    return Chapter(w.work_heading(names.short), tuple(paragraphs))


def _elected(data: ReportData, w: Wording, days: events.DayTeller) -> list[str]:
    """The Secretary-General confirmed and the Vice-Presidents elected at the opening."""
    body, day, texts = data.meeting.body_name, data.opening, []
    sg = data.officer(OfficerRole.SECRETARY_GENERAL)
    if sg:
        texts.append(w.secretary_general_confirmed(days.on(day), body, sg.person, sg.description, sg.role))
    vice_presidents = [o.state_name or o.person for o in data.officers(OfficerRole.VICE_PRESIDENT)]
    if vice_presidents:
        serial = data.meeting.settings.serial_comma_organisations
        basis = events.election_basis(data.events)
        texts.append(w.vice_presidents_elected(days.on(day), vice_presidents, body, serial, basis))
    return texts


def _adopted(data: ReportData, w: Wording, days: events.DayTeller) -> Paragraph | None:
    """The agenda and programme adopted, and the rules of procedure confirmed (the seed's 23)."""
    body, day = data.meeting.body_name, data.opening
    agenda = registered(data.documents, DocumentType.AGENDA)
    programme = registered(data.documents, DocumentType.PROGRAMME)
    texts = []
    if agenda or programme:
        symbols = (agenda.symbol if agenda else None, programme.symbol if programme else None)
        texts.append(w.agenda_adopted(body, day, *symbols, data.part_number))
        days.on(day)
    rules = events.rules_confirmed(data.events)
    if rules is not None:
        texts.append(w.rules_confirmed(days.on(day), body, rules.reference, rules.flag, also=bool(texts)))
    if not texts:
        return None
    return Paragraph(0, " ".join(texts), marked=rules is not None)  # the markup: *mutatis mutandis*


def decisions(data: ReportData, w: Wording) -> Chapter:
    """The typed paragraphs (with their markup), and where one holds an extension request's place, the request's
    paragraphs written from its record."""
    if not data.decisions:
        return Chapter(w.decisions_heading(), (_placeholder(w.decisions_placeholder(data.meeting.body_name)),))
    out: list[Paragraph] = []
    for d in data.decisions:
        request = data.request(d.request_id) if d.request_id is not None else None
        if request is not None:
            told = request_paragraphs(request, data.meeting.body_name, w.events, data.meeting.profile)
            out += [Paragraph(0, t.text, t.items) for t in told]
        elif d.request_id is None:
            text = fill(d.text, data.initial_due, data.on_time, data.documents, w.events)  # report/fields.py
            out += [Paragraph(0, p.text, p.subparagraphs, marked=True) for p in _paragraphs(text)]
    symbol = data.options.symbol or (data.report_document.symbol if data.report_document else "")
    adopted = events.adoption(data.events, w.events, symbol) if symbol else None
    out += _paragraphs(adopted) if adopted else ()
    return Chapter(w.decisions_heading(), tuple(out))


def annex(data: ReportData, w: Wording) -> Annex | None:
    """The documents submitted: the main series and L. in one table, the others in a second, each under its own
    header row as the report's annex prints them (no heading of the desk's own)."""
    if not data.documents:
        return None
    first = tuple((d.symbol, d.title) for d in data.documents if d.series in (Series.MAIN, Series.L))
    rest = tuple((d.symbol, d.title) for d in data.documents if d.series not in (Series.MAIN, Series.L))
    tables = tuple(DocumentTable(w.symbol_and_title(), rows, symbols=0) for rows in (first, rest) if rows)
    return Annex(w.annex_heading(), w.annex_subtitle(data.part_number, data.meeting.title), tables)
