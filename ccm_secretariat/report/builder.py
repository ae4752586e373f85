"""Build the draft procedural report from the data, in the wording of the CCM's reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.domain.prose import (
    join_names,
    number_in_words,
    ordinal_in_words,
    un_date,
    un_date_span_words,
    with_article,
)
from ccm_secretariat.domain.symbols import Series
from ccm_secretariat.exports.masthead import Masthead, place_and_dates
from ccm_secretariat.report.model import Annex, DocumentTable, Heading, Paragraph, Report
from ccm_secretariat.report.participation import participation_paragraphs
from ccm_secretariat.services import Services
from ccm_secretariat.services.documents import DocumentRow
from ccm_secretariat.services.meetings import MeetingRow, OfficerRow, PartRow

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ccm_secretariat.services.agenda import PlenaryRow

ROMAN = ("I", "II", "III", "IV", "V", "VI")


@dataclass(frozen=True)
class ReportOptions:
    symbol: str | None = None  # default: the L. document whose title mentions a report, else prefix/L.1
    title: str | None = None  # default: that document's title, else "Draft report of the ..."
    date: dt.date | None = None  # default: that document's date, else today
    part: int | None = None  # default: the last part with plenary meetings, or the first part


def _report_document(documents: list[DocumentRow]) -> DocumentRow | None:
    limited = [d for d in documents if d.series is Series.L]
    return next((d for d in limited if "report" in d.title.lower()), limited[0] if limited else None)


def _officer_sentence(o: OfficerRow, body: str) -> str:
    who = f"{o.person}, {o.description}," if o.description else o.person
    if o.role.lower().startswith("secretary") and "general" not in o.role.lower():
        return f"{who} served as {o.role}."
    return f"{who} participated in the work of the {body}."


class _Name:
    """How the report names the meeting: a short title made of words ("Second Review Conference") as it is; an
    abbreviation ("14MSP") is introduced after the full title at its first use, then used alone."""

    def __init__(self, meeting: MeetingRow):
        self.short = meeting.short_title.strip()
        self.full = meeting.title
        self.is_words = " " in self.short
        self.introduced = self.is_words

    def __call__(self) -> str:
        if self.introduced:
            return self.short
        self.introduced = True
        return f"{self.full} (“{self.short}”)"


class _Numbered:
    """The report's blocks: a chapter's heading is written with its first paragraph (a chapter with nothing to
    say prints no heading), chapters numbered I., II. … as they come; a placeholder takes no number."""

    def __init__(self) -> None:
        self.blocks: list[Any] = []
        self.number = 0
        self.chapters = 0
        self.pending: str | None = None

    def heading(self, text: str) -> None:
        self.pending = text

    def para(self, text: str, placeholder: bool = False, marked: bool = False) -> None:
        if self.pending is not None:
            self.blocks.append(Heading(self.pending, f"{ROMAN[self.chapters]}."))
            self.chapters += 1
            self.pending = None
        lines = text.split("\n")
        if not placeholder:
            self.number += 1
        paragraph = Paragraph(0 if placeholder else self.number, lines[0], tuple(lines[1:]), placeholder, marked)
        self.blocks.append(paragraph)


def build_report(services: Services, meeting_id: int, options: ReportOptions = ReportOptions()) -> Report:  # noqa: C901  (issue 22: being split)
    meeting = services.meetings.get(meeting_id)
    delegations = services.registration.delegations(meeting_id)
    items = {i.number: i for i in services.agenda.items(meeting_id)}
    plenaries = services.agenda.plenaries(meeting_id)
    documents = services.documents.list(meeting_id)
    decisions = services.agenda.decisions(meeting_id)

    part = _part(meeting, plenaries, options.part)
    several = len(meeting.parts) > 1
    part_words = f"{ordinal_in_words(part.number)} part of the " if several else ""
    body = meeting.body_name
    name = _Name(meeting)
    short = meeting.short_title if name.is_words else meeting.title
    report_doc = _report_document(documents)
    symbol = options.symbol or (report_doc.symbol if report_doc else f"{meeting.symbol_prefix}/L.1")
    title = options.title or (report_doc.title if report_doc else f"Draft report of the {short}")
    agenda: tuple[str, ...] = ()
    if report_doc and report_doc.agenda_item_number in items:
        item = items[report_doc.agenda_item_number]
        agenda = (f"Agenda item {item.number}", item.title)
    masthead = Masthead(
        symbol,
        "Limited" if "/L." in symbol else "General",
        options.date or (report_doc.issue_date if report_doc and report_doc.issue_date else dt.date.today()),
        "English",
        meeting.title,
        place_and_dates(meeting),
        title,
        agenda,
        meeting.practice,
    )

    doc = _Numbered()
    officers = {o.role: o for o in meeting.officers}
    president = officers.get("President")
    doc.heading("Introduction")
    doc.para(
        f"[The mandate of the {name()}: the provisions of the {meeting.treaty_title} under which it is "
        "convened, the decisions of the previous meeting on its dates, venue and presidency, and the "
        "General Assembly resolution by which the Secretary-General was requested to convene it.]",
        placeholder=True,
    )
    if president:
        doc.para(
            f"{president.person}, {president.description}, was designated as President of the {name()}."
            if president.description
            else f"{president.person} was designated as President of the {name()}."
        )

    doc.heading(f"Organization of the {name()}")
    where = f"in {meeting.city} " if meeting.city else ""
    doc.para(f"The {part_words}{meeting.title} was held {where}{un_date_span_words(part.start_date, part.end_date)}.")
    for o in meeting.officers:
        if o.role not in ("President", "Vice-President") and "general" not in o.role.lower() and o.name:
            doc.para(_officer_sentence(o, body))
    for text in participation_paragraphs(delegations, meeting.settings, body):
        doc.para(text)
    if any(d.credentials_received for d in delegations if d.is_state):  # once credentials are recorded
        from ccm_secretariat.report.meeting_documents import credentials_paragraphs

        for text in credentials_paragraphs([d for d in delegations if d.took_part], body):
            doc.para(text)

    doc.heading(f"Work of the {name()}")
    part_plenaries = [p for p in plenaries if p.part_number == part.number]
    opening = part_plenaries[0].date if part_plenaries else part.start_date
    if president:
        described = (
            f"{president.person}, {president.description} and President of the {name()}"
            if president.description
            else f"{president.person}, President of the {name()}"
        )
        doc.para(f"On {un_date(opening)}, the {part_words}{name()} was opened by {described}.")
    if part_plenaries:
        count = len(part_plenaries)
        noun = "formal plenary meeting" if count == 1 else "formal plenary meetings"
        fmt = {MeetingFormat.VIRTUAL: " in virtual format", MeetingFormat.HYBRID: " in hybrid format"}.get(
            part.format, ""
        )
        doc.para(f"The {body} held {number_in_words(count)} {noun}{fmt}.")
    secretary_general = next((o for o in meeting.officers if "secretary-general" in o.role.lower()), None)
    if secretary_general:
        who = (
            f"{secretary_general.person}, {secretary_general.description},"
            if secretary_general.description
            else secretary_general.person
        )
        doc.para(f"On {un_date(opening)}, the {body} confirmed {who} as {secretary_general.role}.")
    vice_presidents = [o.state_name or o.person for o in meeting.officers if o.role == "Vice-President"]
    if vice_presidents:
        names = join_names([with_article(v) for v in vice_presidents], meeting.settings.serial_comma_organisations)
        noun = "Vice-President" if len(vice_presidents) == 1 else "Vice-Presidents"
        verb = "was" if len(vice_presidents) == 1 else "were"
        doc.para(f"On {un_date(opening)}, {names} {verb} elected {noun} of the {body}.")
    agenda_doc = next((d for d in documents if d.series is Series.MAIN and "agenda" in d.title.lower()), None)
    programme_doc = next((d for d in documents if "programme of work" in d.title.lower()), None)
    adopted = [
        f"the provisional agenda ({agenda_doc.symbol})" if agenda_doc else "",
        f"the provisional programme of work ({programme_doc.symbol})" if programme_doc else "",
    ]
    adopted = [a for a in adopted if a]
    if adopted:
        subject = join_names(adopted, False)
        verb = "were" if len(adopted) > 1 else "was"
        doc.para(
            f"{subject[0].upper()}{subject[1:]} {verb} circulated by the Secretariat prior to the {body} "
            f"and {verb} adopted by the {body} on {un_date(opening)}."
        )
    if documents:
        doc.para(f"A list of documents submitted to the {part_words}{name()} is contained in the annex to this report.")

    doc.heading("Decisions and recommendations")
    if decisions:
        for d in decisions:
            doc.para(d.text, marked=True)
    else:
        doc.para(f"[The decisions and recommendations of the {body}.]", placeholder=True)

    annex = None
    if documents:
        first = tuple((d.symbol, d.title) for d in documents if d.series in (Series.MAIN, Series.L))
        rest = tuple((d.symbol, d.title) for d in documents if d.series not in (Series.MAIN, Series.L))
        # Two tables, each under its own header row, as the report's annex prints them (no heading of the desk's own).
        tables = tuple(DocumentTable(("Symbol", "Title"), rows) for rows in (first, rest) if rows)
        annex = Annex("Annex", f"List of documents submitted to the {part_words}{meeting.title}", tables)
    return Report(masthead, tuple(doc.blocks), annex)


def _part(meeting: MeetingRow, plenaries: Sequence[PlenaryRow], number: int | None) -> PartRow:
    if number is not None:
        found = next((p for p in meeting.parts if p.number == number), None)
        if found is None:
            from ccm_secretariat.errors import ValidationError

            raise ValidationError(f"the meeting has no part {number}.", "part")
        return found
    with_plenaries = {p.part_number for p in plenaries}
    candidates = [p for p in meeting.parts if p.number in with_plenaries]
    return candidates[-1] if candidates else meeting.parts[0]
