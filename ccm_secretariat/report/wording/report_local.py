"""The draft report and the report on credentials in French or Spanish: every sentence of the English wording
(report/wording/en.py) from the language's phrases (report/wording/fr.py, es.py), the language's forms (dates,
numbers, lists, typography: ccm_secretariat.language) and the convention's own words in that language (its
profile's `[in.fr]`: its name, its bodies, its meetings' names and titles). States are named under their UN short
names in the language, with the article a sentence needs ("les Pays-Bas", "el Perú"); people's names and what the
secretary typed (descriptions, titles, a decision's text, the records' circumstances) are printed as written.

A convention whose profile gives no words in the language is refused by name (ProfileError), never written in
English or in another convention's words.

Adding a sentence: LocalReport inherits English's methods, so a method added to the English wording (en.py) or
its history (events_en.py) needs its phrase in fr.py and es.py and its method here or in events_local.py; until
then tests/core/test_report_languages.py (test_every_english_sentence_has_its_french_and_spanish) fails, naming
it, rather than a French report printing an English sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ccm_secretariat.domain.enums import DocumentType, MeetingFormat
from ccm_secretariat.domain.prose import ordinal_in_words
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.exports.localise import localised_delegations
from ccm_secretariat.language.collation import sort_key
from ccm_secretariat.language.names import state_in_language
from ccm_secretariat.reference.profiles import CategoryProfile, ProfileError
from ccm_secretariat.report.wording import es, fr
from ccm_secretariat.report.wording.en import ENGLISH, English
from ccm_secretariat.report.wording.local import Localised
from ccm_secretariat.services.meetings import MeetingRow, ReportSettings
from ccm_secretariat.services.registration import DelegationRow

REPORTS: dict[str, Mapping[str, str]] = {"fr": fr.REPORT, "es": es.REPORT}
GENDER = {  # the endings {e} and {o} a sentence takes for a woman or a man
    "fr": {True: {"e": "e", "o": "", "la": "la"}, False: {"e": "", "o": "", "la": "le"}},
    "es": {True: {"e": "a", "o": "a", "la": "la"}, False: {"e": "e", "o": "o", "la": "el"}},
}
# The article before a word, contracted with a preposition: "de le" -> "du", "a el" -> "al".
CONTRACTIONS = {
    "fr": ((r"\bde le\b", "du"), (r"\bà le\b", "au"), (r"\bde les\b", "des"), (r"\bà les\b", "aux")),
    "es": ((r"\bde el\b", "del"), (r"\ba el\b", "al")),
}
FEMININE = ("Ms.", "Mrs.", "Miss", "H.E. Ms.", "H.E. Mrs.")  # the desk's English salutations of women
ENGLISH_ORDINALS = {ordinal_in_words(n): n for n in range(1, 100)}
SECRETARIES = re.compile(r"^(Secretary|Secretary-General) of the (.+)$")


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class LocalReport(Localised):
    """The report's words in `code` ("fr", "es") for one meeting (its convention and its titles)."""

    def __init__(self, code: str, meeting: MeetingRow) -> None:
        super().__init__(code)
        if code not in REPORTS:
            raise ValidationError(f"the desk does not write the report in “{code}”.", "language")
        from ccm_secretariat.report.events_local import LocalEvents

        self.meeting = meeting
        self.profile = meeting.profile
        self.report = REPORTS[code]
        self.events = LocalEvents(self)  # type: ignore[assignment]  # the same sentences of the history

    # The engine ---------------------------------------------------------------------------------------------
    def say(self, key: str, **values: Any) -> str:
        """A phrase of the report, its fields filled in, articles contracted, set in the language's typography."""
        text = self.report[key].format(**values)
        for pattern, contracted in CONTRACTIONS.get(self.code, ()):
            text = re.sub(pattern, contracted, text)
        return self.f.typeset(text)

    def words(self, key: str) -> Any:
        """The convention's words in the language (its profile's `[in.fr]`), or a refusal naming them."""
        return self.profile.in_language(self.code, key)

    def body(self, english: str) -> str:
        """ "Conference" -> "la Conférence" (the profile's bodies); a body given in the language is kept."""
        bodies: dict[str, str] = self.words("bodies")
        if english in bodies.values():
            return english
        if english not in bodies:
            raise ProfileError(
                f"{self.profile.file}: in.{self.code}.bodies gives no word for “{english}”; add it to write "
                "this meeting's report in that language.",
                "language",
            )
        return bodies[english]

    def gender(self, feminine: bool) -> dict[str, str]:
        return GENDER[self.code][feminine]

    def person(self, person: str) -> tuple[str, bool]:
        """ "Ms. Radha Day" -> ("Mme Radha Day", True), ("la Sra. Radha Day", True): the salutation in the
        language (with the article Spanish puts before it), the name as written."""
        for english in sorted(self.f.salutations, key=len, reverse=True):
            if person.startswith(english + " "):
                feminine = english in FEMININE
                local = f"{self.f.salutation(english)} {person[len(english) + 1 :]}"
                return self.say("person", person=local, **self.gender(feminine)), feminine
        return person, False

    def state(self, english: str, article: bool = True) -> str:
        """A State named in English, in the language ("les Pays-Bas", "Sri Lanka"); anything else as written."""
        local = state_in_language(english, self.code)
        if local is None:
            return english
        return local.in_sentence() if article else local.name

    def _derived(self, key: str) -> str | None:
        """The meeting's name from the convention's patterns (`meetings`, `titles`) when its English title is an
        ordinal and one of the convention's meeting names ("Second Review Conference of …")."""
        title = self.meeting.title
        for english in self.profile.meeting_names:
            found = re.match(rf"^(\w+) {re.escape(english)}\b", title)
            n = ENGLISH_ORDINALS.get(found.group(1).lower()) if found else None
            if n:
                ordinal = self.f.ordinal(n, feminine=bool(self.profile.words.get(self.code, {}).get("feminine")))
                pattern: str = self.words(key).get(english, "")
                if pattern:
                    return pattern.format(ordinal=ordinal, Ordinal=capital(ordinal))
        return None

    def titles(self) -> tuple[str, str, str]:
        """(the masthead's title, the title in running text, the short name in running text), the last two with
        their article: ("Deuxième Conférence d'examen des États parties …", "la deuxième Conférence d'examen des
        États parties …", "la deuxième Conférence d'examen")."""
        article = self.words("article")
        given = self.meeting.settings.titles.get(self.code)
        derived = self._derived("titles")
        if not (given or derived):
            raise ValidationError(
                f"the meeting's title in “{self.code}” is not known: give it in the meeting's settings (titles), "
                f"or name the meeting as its convention does (“Second {self.profile.meeting_names[-1]} …”).",
                "titles",
            )
        running = f"{article} {derived or given}"
        short = self._derived("meetings")
        return capital(given or derived or ""), running, f"{article} {short}" if short else running

    def name(self, english: str) -> str:
        """The meeting named in English (its title or short title) in running text; anything else as it is."""
        _masthead, running, short = self.titles()
        if english == self.meeting.title:
            return running
        return short if english == self.meeting.short_title else english

    # The small pieces -------------------------------------------------------------------------------------
    def date_span(self, start: dt.date, end: dt.date) -> str:
        """ "du 25 au 27 novembre 2020", "del 29 de mayo al 4 de junio de 2020", "le 25 novembre 2020"."""
        if start == end:
            return self.say("span_day", date=self.date(start))
        if (start.year, start.month) == (end.year, end.month):
            first = self.f.first_day if start.day == 1 and self.f.first_day else str(start.day)
        elif start.year == end.year:
            first = self.f.day_month.format(day=self.f._day(start.day), month=self.f.month(start))
        else:
            first = self.date(start)
        return self.say("span", first=first, last=self.date(end))

    def number(self, n: int) -> str:
        return self.f.number(n)

    def ordinal(self, n: int) -> str:
        return self.f.ordinal(n, feminine=True)  # a part, a plenary meeting: feminine in French and Spanish

    def join(self, names: Sequence[str], serial_comma: bool = False) -> str:
        return self.f.join(list(names), serial_comma=False)  # "A, B et C", "A, B y C": never a serial comma

    def introduced(self, full: str, short: str) -> str:
        return self.say("introduced", full=full, short=short)

    def part_of(self, part: int | None, name: str) -> str:
        return self.say("part_of", ordinal=self.ordinal(part), name=self.name(name)) if part else self.name(name)

    # Headings ---------------------------------------------------------------------------------------------
    def meeting_names(self, meeting: MeetingRow) -> tuple[str, str]:
        _masthead, running, short = self.titles()
        return running, short

    def masthead_title(self, meeting: MeetingRow) -> str:
        """The title in the language; the meeting's own documents (agenda, programme) of a meeting whose title
        the language cannot give print it as recorded, as before (the report is refused by its sentences)."""
        try:
            return self.titles()[0]
        except ValidationError:  # a ProfileError too
            return super().masthead_title(meeting)

    def report_title(self, name: str) -> str:
        return self.say("report_title", name=self.name(name))

    def agenda_item(self, number: int) -> str:
        return self.say("agenda_item", number=number)

    def introduction_heading(self) -> str:
        return self.say("introduction")

    def organization_heading(self, name: str) -> str:
        return self.say("organization", name=self.name(name))

    def work_heading(self, name: str) -> str:
        return self.say("work", name=self.name(name))

    def decisions_heading(self) -> str:
        return self.say("decisions")

    def annex_heading(self) -> str:
        return self.say("annex")

    def annex_subtitle(self, part: int | None, title: str) -> str:
        return capital(self.say("annex_subtitle", part=self.part_of(part, title)))

    def symbol_and_title(self) -> tuple[str, str]:
        return (self.f.phrase("Symbol"), self.f.phrase("Title"))

    def document_title(self, doc_type: DocumentType, adopted: bool = False) -> str:
        if doc_type is DocumentType.CREDENTIALS:
            return self.say("credentials_title")
        return super().document_title(doc_type, adopted)

    # The report's sentences -------------------------------------------------------------------------------
    def who(self, person: str, description: str) -> tuple[str, dict[str, str]]:
        """ "Mme Radha Day, Chief of Service," (the description set off by commas) or the name, and the endings
        the person's gender gives."""
        local, feminine = self.person(person)
        return (f"{local}, {description}," if description else local), self.gender(feminine)

    def mandate(self, name: str, treaty_title: str) -> str:
        return self.say("mandate", name=self.name(name), treaty=self.words("full_name"))

    def president_designated(self, person: str, description: str, name: str) -> str:
        who, g = self.who(person, description)
        return capital(self.say("president_designated", who=who, name=self.name(name), **g))

    def part_held(self, part: int | None, title: str, city: str, start: dt.date, end: dt.date) -> str:
        where = self.say("where", city=self.f.city(city)) if city else ""
        text = self.say("part_held", part=self.part_of(part, title), where=where, span=self.date_span(start, end))
        return capital(text)

    def _title(self, title: str, g: dict[str, str]) -> str:
        """An officer's title as written, or the convention's words for the usual ones ("Secretary of the
        Conference" -> "secrétaire de la Conférence")."""
        found = SECRETARIES.match(title)
        bodies: dict[str, str] = self.profile.words.get(self.code, {}).get("bodies", {})
        if not found or found.group(2) not in bodies:
            return title
        key = "secretary_of" if found.group(1) == "Secretary" else "secretary_general_of"
        return self.say(key, body=bodies[found.group(2)], **g)

    def secretary_served(self, person: str, description: str, title: str) -> str:
        who, g = self.who(person, description)
        return capital(self.say("secretary_served", who=who, title=self._title(title, g)))

    def officer_took_part(self, person: str, description: str, body: str) -> str:
        who, _g = self.who(person, description)
        return capital(self.say("took_part", who=who, body=self.body(body)))

    def opened(self, when: str, part: int | None, name: str, person: str, description: str) -> str:
        local, feminine = self.person(person)
        g = self.gender(feminine)
        values = {"when": when, "part": self.part_of(part, name), "who": local, "name": self.name(name), **g}
        if description:
            return self.say("opened", description=f", {description}", **values)
        return self.say("opened_plain", **values)

    def plenaries_held(self, body: str, count: int, held: MeetingFormat) -> str:
        how = self.say(f"held:{held.value}") if held is not MeetingFormat.IN_PERSON else ""
        key = "plenaries_one" if count == 1 else "plenaries"
        return capital(self.say(key, body=self.body(body), count=self.f.number(count, feminine=True), held=how))

    def secretary_general_confirmed(self, when: str, body: str, person: str, description: str, title: str) -> str:
        who, g = self.who(person, description)
        return self.say("sg_confirmed", when=when, body=self.body(body), who=who, title=self._title(title, g))

    def vice_presidents_elected(
        self, when: str, names: Sequence[str], body: str, serial_comma: bool, basis: str = ""
    ) -> str:
        listed = self.join([self.state(n) for n in names])
        lead = self.say("elected_lead_basis", when=when, basis=basis) if basis else self.say("elected_lead", when=when)
        key = "elected_one" if len(names) == 1 else "elected"
        return self.say(key, lead=lead, names=listed, body=self.body(body))

    def on_day(self, day: dt.date, same_as_before: bool) -> str:
        return self.events.on_day(day, same_as_before)

    def rules_confirmed(self, when: str, body: str, document: str, mutatis_mutandis: bool, also: bool) -> str:
        how = self.say("mutatis") if mutatis_mutandis else ""
        also_ = self.say("also") if also else ""
        return self.say("rules", when=when, body=self.body(body), also=also_, document=document, how=how)

    def agenda_adopted(
        self, body: str, day: dt.date, agenda: str | None, programme: str | None, part: int | None = None
    ) -> str:
        of_body = self.say("part_of", ordinal=self.ordinal(part), name=self.body(body)) if part else ""
        for_part = self.say("programme_part", part=of_body) if part else ""
        subjects = [self.say("agenda_subject", symbol=agenda)] if agenda else []
        if programme:
            subjects.append(self.say("programme_subject", part=for_part, symbol=programme))
        key = "adopted_both" if len(subjects) == 2 else "adopted_one"
        text = self.say(key, subject=self.join(subjects), body=self.body(body), date=self.date(day))
        return capital(text)

    def annex_pointer(self, part: int | None, name: str) -> str:
        return self.say("annex_pointer", part=self.part_of(part, name))

    def decisions_placeholder(self, body: str) -> str:
        return self.say("decisions_placeholder", body=self.body(body))

    def participation(self, settings: ReportSettings, category: CategoryProfile, body: str, names: str) -> str:
        """The convention's sentence in the language (the category's `in.fr.report`), refused by name without."""
        template = self.profile.category(category.key).heading("report", self.code)
        return capital(self.f.typeset(template.format(body=self.body(body), names=names)))

    def delegations(self, delegations: Sequence[DelegationRow]) -> list[DelegationRow]:
        return localised_delegations(delegations, self.code)

    def order(self, name: str) -> Any:
        return sort_key(name, self.code)

    # Credentials ------------------------------------------------------------------------------------------
    def _states(self, key: str, states: Sequence[str]) -> str:
        count = f"{self.f.digits(len(states))} {self.say('state' if len(states) == 1 else 'states')}"
        return self.say(key, count=count, names=self.join(states))

    def credentials_original(self, states: Sequence[str]) -> str:
        return self._states("credentials_original", states)

    def credentials_copies(self, states: Sequence[str]) -> str:
        return self._states("credentials_copies", states)

    def credentials_missing(self, states: Sequence[str]) -> str:
        return self._states("credentials_missing", states)

    def no_state_registered(self, body: str) -> str:
        return self.say("no_state", body=self.body(body))

    def states_parties_heading(self) -> str:
        return self.say("states_parties")

    def other_states_heading(self) -> str:
        return self.say("other_states")


def wording_for(code: str | None, meeting: MeetingRow | None = None) -> English:
    """The Wording of a document language ("en", "fr", "es"); English for None. With the `meeting`, the report's
    sentences too (its convention's words in that language: LocalReport)."""
    if code in (None, "en"):
        return ENGLISH
    if meeting is None:
        return Localised(code)
    return LocalReport(code, meeting)
