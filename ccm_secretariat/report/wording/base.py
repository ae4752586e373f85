"""The words of the report and of the meeting's own documents, asked for by the chapters: one `Wording` per
language (`en.English` now; French and Spanish implement the same methods). The chapters never write a word of
their own: every heading, sentence, date, number, ordinal and list comes from here, each method given the data it
needs (names, dates, counts, the meeting's body: "Conference", "Meeting") and returning the text to print.

The examples below are the English ones."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from ccm_secretariat.domain.enums import DocumentType, MeetingFormat
from ccm_secretariat.domain.symbols import Series
from ccm_secretariat.reference.profiles import CategoryProfile
from ccm_secretariat.report.events import EventWording
from ccm_secretariat.services.meetings import MeetingRow, ReportSettings
from ccm_secretariat.services.registration import DelegationRow


class Wording(ABC):
    language: str  # the masthead's "Original:" ("English")
    code: str  # the document's language: "en", "fr", "es"
    events: EventWording  # the meeting's history and the extension requests (report/events.py, requests.py)

    @abstractmethod
    def date(self, day: dt.date) -> str:
        """ "25 November 2020"."""

    @abstractmethod
    def date_span(self, start: dt.date, end: dt.date) -> str:
        """ "from 25 to 27 November 2020", "on 25 November 2020": a span in running text."""

    @abstractmethod
    def day_heading(self, day: dt.date) -> str:
        """ "Wednesday 25 November 2020": a day of the programme of work."""

    @abstractmethod
    def time_range(self, start: dt.time, end: dt.time) -> str:
        """ "10:00–13:00"."""

    @abstractmethod
    def number(self, n: int) -> str:
        """ "nine": a count in running text."""

    @abstractmethod
    def ordinal(self, n: int) -> str:
        """ "first": a part, a plenary meeting."""

    @abstractmethod
    def join(self, names: Sequence[str], serial_comma: bool = False) -> str:
        """ "Chile, Peru and Spain" (with `serial_comma`: "Chile, Peru, and Spain")."""

    @abstractmethod
    def place_and_dates(self, meeting: MeetingRow) -> str:
        """ "Geneva, 25–27 November 2020": the masthead's line."""

    @abstractmethod
    def distribution(self, limited: bool) -> str:
        """ "Limited" or "General" ("Distr.: …" in the masthead)."""

    @abstractmethod
    def introduced(self, full: str, short: str) -> str:
        """ "Fourteenth Meeting of States Parties (“14MSP”)": an abbreviation at its first use."""

    @abstractmethod
    def meeting_names(self, meeting: MeetingRow) -> tuple[str, str]:
        """How the report names the meeting in running text: (its title, its short title), as recorded in English
        ("Second Review Conference of States Parties to …", "Second Review Conference")."""

    @abstractmethod
    def masthead_title(self, meeting: MeetingRow) -> str:
        """The meeting's title in the masthead."""

    @abstractmethod
    def report_title(self, name: str) -> str:
        """ "Draft report of the Second Review Conference": the title when the register has no report."""

    @abstractmethod
    def agenda_item(self, number: int) -> str:
        """ "Agenda item 14" (the masthead's)."""

    @abstractmethod
    def introduction_heading(self) -> str:
        """ "Introduction"."""

    @abstractmethod
    def organization_heading(self, name: str) -> str:
        """ "Organization of the Second Review Conference"."""

    @abstractmethod
    def work_heading(self, name: str) -> str:
        """ "Work of the Second Review Conference"."""

    @abstractmethod
    def decisions_heading(self) -> str:
        """ "Decisions and recommendations"."""

    @abstractmethod
    def annex_heading(self) -> str:
        """ "Annex"."""

    @abstractmethod
    def annex_subtitle(self, part: int | None, title: str) -> str:
        """ "List of documents submitted to the first part of the <full title>" (`part` None: one part)."""

    @abstractmethod
    def symbol_and_title(self) -> tuple[str, str]:
        """The annex tables' header row: ("Symbol", "Title")."""

    @abstractmethod
    def mandate(self, name: str, treaty_title: str) -> str:
        """The placeholder of the introduction's first paragraph, in brackets."""

    @abstractmethod
    def president_designated(self, person: str, description: str, name: str) -> str:
        """ "<person>, <description>, was designated as President of the <name>."""

    @abstractmethod
    def part_held(self, part: int | None, title: str, city: str, start: dt.date, end: dt.date) -> str:
        """ "The first part of the <title> was held in Geneva from 25 to 27 November 2020."""

    @abstractmethod
    def secretary_served(self, person: str, description: str, title: str) -> str:
        """ "<person>, <description>, served as <title>." (a Secretary of the meeting)"""

    @abstractmethod
    def officer_took_part(self, person: str, description: str, body: str) -> str:
        """ "<person>, <description>, participated in the work of the Conference." (any other officer)"""

    @abstractmethod
    def opened(self, when: str, part: int | None, name: str, person: str, description: str) -> str:
        """`when`: `on_day`'s "On 25 November 2020" (or "On the same day").
        "On 25 November 2020, the first part of the <name> was opened by <person>, <description> and President
        of the <name>." """

    @abstractmethod
    def plenaries_held(self, body: str, count: int, held: MeetingFormat) -> str:
        """ "The Conference held nine formal plenary meetings in virtual format."""

    @abstractmethod
    def secretary_general_confirmed(self, when: str, body: str, person: str, description: str, title: str) -> str:
        """ "On the same day, the Conference confirmed <person>, <description>, as <title>."""

    @abstractmethod
    def vice_presidents_elected(
        self, when: str, names: Sequence[str], body: str, serial_comma: bool, basis: str = ""
    ) -> str:
        """ "On the same day, and <basis>, the Netherlands, Germany … were elected Vice-Presidents of the
        Conference." (`basis`: "pursuant to the recommendation of …", as the record gives it)"""

    @abstractmethod
    def on_day(self, day: dt.date, same_as_before: bool) -> str:
        """ "On 25 November 2020", or "On the same day" right after a paragraph of that day."""

    @abstractmethod
    def rules_confirmed(self, when: str, body: str, document: str, mutatis_mutandis: bool, also: bool) -> str:
        """ "On the same day, the Conference also confirmed the rules of procedure as contained in document
        CCM/MSP/2010/3, *mutatis mutandis*." (the markup: italics)"""

    @abstractmethod
    def agenda_adopted(
        self, body: str, day: dt.date, agenda: str | None, programme: str | None, part: int | None = None
    ) -> str:
        """ "The provisional agenda (<symbol>) and the provisional programme of work (<symbol>) were circulated …
        and were adopted by the Conference on <day>." Either symbol may be None, not both."""

    @abstractmethod
    def annex_pointer(self, part: int | None, name: str) -> str:
        """ "A list of documents submitted to the first part of the <name> is contained in the annex to this report."""

    @abstractmethod
    def decisions_placeholder(self, body: str) -> str:
        """ "[The decisions and recommendations of the Conference.]"""

    @abstractmethod
    def participation(self, settings: ReportSettings, category: CategoryProfile, body: str, names: str) -> str:
        """A participation paragraph: the meeting's sentence for the category ({names}, {body}) filled in."""

    @abstractmethod
    def delegations(self, delegations: Sequence[DelegationRow]) -> list[DelegationRow]:
        """The delegations under their names in the document's language, in its alphabetical order within each
        category (English: as given)."""

    @abstractmethod
    def order(self, name: str) -> Any:
        """The key that puts names in the document's alphabetical order (accents ignored)."""

    @abstractmethod
    def credentials_original(self, states: Sequence[str]) -> str:
        """ "Formal credentials, in accordance with the rules of procedure, were received from 2 States: …"
        (`states` in the order to print)."""

    @abstractmethod
    def credentials_copies(self, states: Sequence[str]) -> str:
        """ "Copies of credentials or notes verbales were received from 1 State: …"""

    @abstractmethod
    def credentials_missing(self, states: Sequence[str]) -> str:
        """ "No credentials had been received from 3 States at the time of this report: …"""

    @abstractmethod
    def no_state_registered(self, body: str) -> str:
        """ "No State is registered for the Conference yet."""

    @abstractmethod
    def states_parties_heading(self) -> str:
        """ "States Parties" (the report on credentials)."""

    @abstractmethod
    def other_states_heading(self) -> str:
        """ "Other States" (the report on credentials)."""

    @abstractmethod
    def document_title(self, doc_type: DocumentType, adopted: bool = False) -> str:
        """A document's title when the register has none: "Provisional agenda" ("Agenda" once `adopted`),
        "Provisional programme of work", "List of documents", "Report on credentials"."""

    @abstractmethod
    def nothing_yet(self, doc_type: DocumentType) -> str:
        """The placeholder of an empty agenda, programme or list of documents ("[No agenda item has been entered
        yet.]")."""

    @abstractmethod
    def programme_header(self) -> tuple[str, str, str]:
        """The programme's header row: ("Time", "Meeting", "Agenda items")."""

    @abstractmethod
    def plenary(self, number: int, closed: bool, held: MeetingFormat | None) -> str:
        """ "Second plenary meeting (closed, virtual)" (`held` only when the programme shows formats)."""

    @abstractmethod
    def side_event(self, title: str, organiser: str | None, room: str | None) -> str:
        """ "Side event: <title>, organised by <organiser> (<room>)"."""

    @abstractmethod
    def agenda_items(self, items: Sequence[tuple[int, str]]) -> str:
        """ "1. Opening of the Meeting; 2. Adoption of the agenda", or "—" for none."""

    @abstractmethod
    def nothing(self) -> str:
        """ "—": an empty cell."""

    @abstractmethod
    def series_heading(self, series: Series) -> str:
        """ "Working papers": the heading of a series in the list of documents."""

    @abstractmethod
    def documents_header(self) -> tuple[str, str, str]:
        """The list of documents' header row: ("Symbol", "Title", "Languages")."""
