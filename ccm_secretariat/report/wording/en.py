"""The English of the report and the meeting's own documents, as the CCM's reports write it (the seed, CCM/CONF/
2020/L.1): every sentence, heading, date, number and list the chapters print, in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ccm_secretariat.domain.enums import DocumentType, MeetingFormat
from ccm_secretariat.domain.names import un_sort_key
from ccm_secretariat.domain.prose import (
    join_names,
    number_in_words,
    ordinal_in_words,
    un_date,
    un_date_span_words,
    with_article,
)
from ccm_secretariat.domain.symbols import Series
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.exports.masthead import place_and_dates
from ccm_secretariat.reference.profiles import CategoryProfile
from ccm_secretariat.report.events_en import EnglishEvents
from ccm_secretariat.report.wording.base import Wording
from ccm_secretariat.services.meetings import MeetingRow, ReportSettings
from ccm_secretariat.services.registration import DelegationRow

SERIES_HEADINGS = {
    Series.MAIN: "Documents for general distribution",
    Series.L: "Limited distribution",
    Series.WP: "Working papers",
    Series.CRP: "Conference room papers",
    Series.INF: "Information documents",
    Series.MISC: "Miscellaneous documents",
}
TITLES = {
    DocumentType.AGENDA: "Provisional agenda",
    DocumentType.PROGRAMME: "Provisional programme of work",
    DocumentType.DOCUMENTS_LIST: "List of documents",
    DocumentType.CREDENTIALS: "Report on credentials",
}
NOTHING_YET = {
    DocumentType.AGENDA: "[No agenda item has been entered yet.]",
    DocumentType.PROGRAMME: "[No plenary meeting has been entered yet.]",
    DocumentType.DOCUMENTS_LIST: "[No document has been entered in the register yet.]",
}
FORMAT_WORDS = {MeetingFormat.IN_PERSON: "in person", MeetingFormat.VIRTUAL: "virtual", MeetingFormat.HYBRID: "hybrid"}
HELD_IN = {MeetingFormat.VIRTUAL: " in virtual format", MeetingFormat.HYBRID: " in hybrid format"}


def _who(person: str, description: str, comma_after: bool = True) -> str:
    """ "Ms. Radha Day, Chief of Service," (or without the last comma) or just the name."""
    if not description:
        return person
    return f"{person}, {description}{',' if comma_after else ''}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


class English(Wording):
    language = "English"
    code = "en"
    events = EnglishEvents()

    # The small pieces ---------------------------------------------------------------------------------------------
    def date(self, day: dt.date) -> str:
        return un_date(day)

    def date_span(self, start: dt.date, end: dt.date) -> str:
        return un_date_span_words(start, end)

    def day_heading(self, day: dt.date) -> str:
        return f"{day:%A} {un_date(day)}"

    def time_range(self, start: dt.time, end: dt.time) -> str:
        return f"{start.hour:02d}:{start.minute:02d}–{end.hour:02d}:{end.minute:02d}"

    def number(self, n: int) -> str:
        return number_in_words(n)

    def ordinal(self, n: int) -> str:
        return ordinal_in_words(n)

    def join(self, names: Sequence[str], serial_comma: bool = False) -> str:
        return join_names(names, serial_comma)

    def place_and_dates(self, meeting: MeetingRow) -> str:
        return place_and_dates(meeting)

    def distribution(self, limited: bool) -> str:
        return "Limited" if limited else "General"

    def introduced(self, full: str, short: str) -> str:
        return f"{full} (“{short}”)"

    def _part_of(self, part: int | None, name: str) -> str:
        return f"{self.ordinal(part)} part of the {name}" if part else name

    # The report's masthead and headings ---------------------------------------------------------------------------
    def meeting_names(self, meeting: MeetingRow) -> tuple[str, str]:
        return meeting.title, meeting.short_title.strip()

    def masthead_title(self, meeting: MeetingRow) -> str:
        return meeting.title

    def report_title(self, name: str) -> str:
        return f"Draft report of the {name}"

    def agenda_item(self, number: int) -> str:
        return f"Agenda item {number}"

    def introduction_heading(self) -> str:
        return "Introduction"

    def organization_heading(self, name: str) -> str:
        return f"Organization of the {name}"

    def work_heading(self, name: str) -> str:
        return f"Work of the {name}"

    def decisions_heading(self) -> str:
        return "Decisions and recommendations"

    def annex_heading(self) -> str:
        return "Annex"

    def annex_subtitle(self, part: int | None, title: str) -> str:
        return f"List of documents submitted to the {self._part_of(part, title)}"

    def symbol_and_title(self) -> tuple[str, str]:
        return ("Symbol", "Title")

    # The report's sentences ---------------------------------------------------------------------------------------
    def mandate(self, name: str, treaty_title: str) -> str:
        return (
            f"[The mandate of the {name}: the provisions of the {treaty_title} under which it is "
            "convened, the decisions of the previous meeting on its dates, venue and presidency, and the "
            "General Assembly resolution by which the Secretary-General was requested to convene it.]"
        )

    def president_designated(self, person: str, description: str, name: str) -> str:
        return f"{_who(person, description)} was designated as President of the {name}."

    def part_held(self, part: int | None, title: str, city: str, start: dt.date, end: dt.date) -> str:
        where = f"in {city} " if city else ""
        return f"The {self._part_of(part, title)} was held {where}{self.date_span(start, end)}."

    def secretary_served(self, person: str, description: str, title: str) -> str:
        return f"{_who(person, description)} served as {title}."

    def officer_took_part(self, person: str, description: str, body: str) -> str:
        return f"{_who(person, description)} participated in the work of the {body}."

    def opened(self, when: str, part: int | None, name: str, person: str, description: str) -> str:
        by = (
            f"{person}, {description} and President of the {name}"
            if description
            else f"{person}, President of the {name}"
        )
        return f"{when}, the {self._part_of(part, name)} was opened by {by}."

    def plenaries_held(self, body: str, count: int, held: MeetingFormat) -> str:
        noun = "formal plenary meeting" if count == 1 else "formal plenary meetings"
        return f"The {body} held {self.number(count)} {noun}{HELD_IN.get(held, '')}."

    def secretary_general_confirmed(self, when: str, body: str, person: str, description: str, title: str) -> str:
        return f"{when}, the {body} confirmed {_who(person, description)} as {title}."

    def vice_presidents_elected(
        self, when: str, names: Sequence[str], body: str, serial_comma: bool, basis: str = ""
    ) -> str:
        listed = self.join([with_article(n) for n in names], serial_comma)
        lead = f"{when}, and {basis}," if basis else f"{when},"
        if len(names) == 1:
            return f"{lead} {listed} was elected Vice-President of the {body}."
        return f"{lead} {listed} were elected Vice-Presidents of the {body}."

    def on_day(self, day: dt.date, same_as_before: bool) -> str:
        return self.events.on_day(day, same_as_before)

    def rules_confirmed(self, when: str, body: str, document: str, mutatis_mutandis: bool, also: bool) -> str:
        how = ", *mutatis mutandis*" if mutatis_mutandis else ""
        return (
            f"{when}, the {body}{' also' if also else ''} confirmed the rules of procedure as contained in document "
            f"{document}{how}."
        )

    def agenda_adopted(
        self, body: str, day: dt.date, agenda: str | None, programme: str | None, part: int | None = None
    ) -> str:
        for_part = f" for the {self._part_of(part, body)}" if part else ""
        adopted = [f"the provisional agenda ({agenda})" if agenda else ""]
        adopted.append(
            f"{'' if agenda else 'the '}provisional programme of work{for_part} ({programme})" if programme else ""
        )
        subject = self.join([a for a in adopted if a])
        verb = "were" if agenda and programme else "was"
        return (
            f"{subject[0].upper()}{subject[1:]} {verb} circulated by the Secretariat prior to the {body} "
            f"and {verb} subsequently adopted by the {body} on {self.date(day)}."
        )

    def annex_pointer(self, part: int | None, name: str) -> str:
        submitted = self._part_of(part, name)
        return (
            f"A list of documents submitted to the {submitted} is contained in the annex to this report. These "
            "documents are available through the United Nations Official Documents System (http://documents.un.org)."
        )

    def decisions_placeholder(self, body: str) -> str:
        return f"[The decisions and recommendations of the {body}.]"

    def participation(self, settings: ReportSettings, category: CategoryProfile, body: str, names: str) -> str:
        template = settings.sentences.get(category.key, "")
        if not template:
            raise ValidationError(f"the meeting's convention gives no report sentence for “{category.key}”.", "report")
        return template.format(body=body, names=names)

    def delegations(self, delegations: Sequence[DelegationRow]) -> list[DelegationRow]:
        return list(delegations)

    def order(self, name: str) -> Any:
        return un_sort_key(name)

    # Credentials --------------------------------------------------------------------------------------------------
    def credentials_original(self, states: Sequence[str]) -> str:
        return (
            "Formal credentials, in accordance with the rules of procedure, were received from "
            f"{_plural(len(states), 'State')}: {self.join(states, True)}."
        )

    def credentials_copies(self, states: Sequence[str]) -> str:
        return (
            f"Copies of credentials or notes verbales were received from {_plural(len(states), 'State')}: "
            f"{self.join(states, True)}."
        )

    def credentials_missing(self, states: Sequence[str]) -> str:
        return (
            f"No credentials had been received from {_plural(len(states), 'State')} "
            f"at the time of this report: {self.join(states, True)}."
        )

    def no_state_registered(self, body: str) -> str:
        return f"No State is registered for the {body} yet."

    def states_parties_heading(self) -> str:
        return "States Parties"

    def other_states_heading(self) -> str:
        return "Other States"

    # The meeting's own documents ----------------------------------------------------------------------------------
    def document_title(self, doc_type: DocumentType, adopted: bool = False) -> str:
        return "Agenda" if adopted and doc_type is DocumentType.AGENDA else TITLES[doc_type]

    def nothing_yet(self, doc_type: DocumentType) -> str:
        return NOTHING_YET[doc_type]

    def programme_header(self) -> tuple[str, str, str]:
        return ("Time", "Meeting", "Agenda items")

    def plenary(self, number: int, closed: bool, held: MeetingFormat | None) -> str:
        marks = (["closed"] if closed else []) + ([FORMAT_WORDS[held]] if held else [])
        name = f"{self.ordinal(number).capitalize()} plenary meeting"
        return f"{name} ({', '.join(marks)})" if marks else name

    def side_event(self, title: str, organiser: str | None, room: str | None) -> str:
        by = f", organised by {organiser}" if organiser else ""
        where = f" ({room})" if room else ""
        return f"Side event: {title}{by}{where}"

    def agenda_items(self, items: Sequence[tuple[int, str]]) -> str:
        return "; ".join(f"{n}. {title}".rstrip() for n, title in items) or "—"

    def nothing(self) -> str:
        return "—"

    def series_heading(self, series: Series) -> str:
        return SERIES_HEADINGS[series]

    def documents_header(self) -> tuple[str, str, str]:
        return ("Symbol", "Title", "Languages")


ENGLISH = English()
