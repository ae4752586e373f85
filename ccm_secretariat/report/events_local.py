"""The meeting's history and the extension requests' assessments in French or Spanish: the sentences of
report/events_en.py from the language's phrases (report/wording/fr.py, es.py), through the report's wording
(report/wording/report_local.py: its forms, the convention's words, the States' names). What the records hold as
free text (a circumstance, a reference, an outcome, a venue, the name of the meeting that decided) is printed as
the secretary typed it, in the document's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.domain.events import MeetingEvent
from ccm_secretariat.domain.obligations import Outcome
from ccm_secretariat.language.forms import Forms
from ccm_secretariat.services.meetings import OfficerRow, PartRow
from ccm_secretariat.services.tracker import RequestRow


class Phrases(Protocol):
    """What the history's sentences ask of the report's wording in the language (report_local.LocalReport)."""

    f: Forms

    def say(self, key: str, **values: Any) -> str: ...
    def words(self, key: str) -> Any: ...
    def body(self, english: str) -> str: ...
    def state(self, english: str, article: bool = True) -> str: ...
    def name(self, english: str) -> str: ...
    def date(self, day: dt.date) -> str: ...
    def date_span(self, start: dt.date, end: dt.date) -> str: ...
    def join(self, names: Sequence[str], serial_comma: bool = False) -> str: ...
    def who(self, person: str, description: str) -> tuple[str, dict[str, str]]: ...


class LocalEvents:
    def __init__(self, w: Phrases) -> None:
        self.w = w

    def _days(self, days: Sequence[dt.date]) -> str:
        """ "les 8 juin et 4 septembre 2020", "el 4 de septiembre de 2020": the year once when all share it."""
        f = self.w.f
        if len({d.year for d in days}) == 1:
            listed = [f.day_month.format(day=f._day(d.day), month=f.month(d)) for d in days[:-1]]
            text = f.join([*listed, f.date(days[-1])], serial_comma=False)
        else:
            text = f.join([f.date(d) for d in days], serial_comma=False)
        return self.w.say("days_one" if len(days) == 1 else "days_many", days=text)

    def _at(self, venue: str) -> str:
        return self.w.say("at", venue=self.w.f.city(venue)) if venue else ""

    # The introduction -------------------------------------------------------------------------------------
    def provision(self, article: str, treaty: str, paragraph: int, sentence: int, quotes: Sequence[str]) -> str:
        key = "provision_first" if paragraph == sentence == 0 else "provision_also" if sentence else "provision_further"
        lead = self.w.say(key, article=article, treaty=self.w.words("full_name"))
        return lead + self.w.say("and_that").join(self.w.say("quote", text=q) for q in quotes)

    def provision_missing(self, article: str, treaty: str) -> str | None:
        return self.w.say("provision_missing", article=article, treaty=self.w.words("full_name"))

    def quote_close(self) -> str:
        return self.w.say("quote_close")

    def convened(self, e: MeetingEvent, meeting: str, preparatory: Sequence[MeetingEvent]) -> str:
        w, name = self.w, self.w.name(meeting)
        planned = [p for p in preparatory if p.start]
        what = []
        if planned:
            key = "preparatory_planned" if len(planned) > 1 else "preparatory_planned_one"
            days = self._days([p.start for p in planned if p.start])
            what.append(w.say(key, meeting=name, where=self._at(planned[0].venue), days=days))
        assert e.start and e.end
        what.append(w.say("meeting_planned", meeting=name, span=w.date_span(e.start, e.end), at=self._at(e.venue)))
        condition = f", {e.circumstances}" if e.circumstances else ""
        basis = w.say("in_accordance", reference=e.reference) if e.reference else ""
        return w.say("convened", name=e.name, what=w.say("and_that").join(what), condition=condition, basis=basis)

    def designated(self, e: MeetingEvent, same_meeting: bool, president: OfficerRow, meeting: str) -> str:
        w = self.w
        who, g = w.who(president.person, president.description)
        key = "designated_same" if same_meeting else "designated"
        text = w.say(key, name=e.name, who=who, meeting=w.name(meeting), **g)
        if e.circumstances:
            if e.reference:
                text += w.say("term_basis", reference=e.reference, circumstances=e.circumstances)
            else:
                text += w.say("term", circumstances=e.circumstances)
        return text

    def requested(self, e: MeetingEvent, meeting: str, preparatory: Sequence[int]) -> str:
        w = self.w
        convened = [w.name(meeting)]
        if preparatory:
            ordinals = [w.f.ordinal(n, feminine=True) for n in sorted(preparatory)]
            if len(ordinals) == 1:
                convened.insert(0, w.say("preparatories_one", ordinals=ordinals[0]))
            else:
                convened.insert(0, w.say("preparatories", ordinals=w.join(ordinals)))
        meetings = w.say("to_the_meetings" if preparatory else "to_the_meeting")
        return w.say(
            "requested", number=e.number, reference=e.reference, outcome=e.outcome,
            convened=w.join(convened), meetings=meetings,
        )  # fmt: skip

    def preparatory(self, e: MeetingEvent, silences: Sequence[MeetingEvent]) -> str:
        w = self.w
        assert e.start and e.number
        ordinal = w.f.ordinal(e.number, feminine=True)
        name = w.say("preparatory_name", ordinal=ordinal, Ordinal=self._capital(ordinal))
        if e.on == e.start and not silences:
            return w.say("preparatory_took_place", name=self._capital(name), date=w.date(e.start))
        lead = w.say("circumstances_lead", circumstances=e.circumstances) if e.circumstances else ""
        named = name if lead else self._capital(name)
        text = w.say("preparatory_not_held", lead=lead, name=named, date=w.date(e.start))
        if e.outcome:
            text += w.say("that_day", outcome=e.outcome)
        text += self._moved(silences)
        agreed = next((s.agreed_start for s in silences if s.agreed_start), None)
        if e.on and e.on == agreed:
            text += w.say("held_then", name=self._capital(name))
        elif e.on:
            text += w.say("held_on", name=self._capital(name), date=w.date(e.on))
        return text

    @staticmethod
    def _capital(text: str) -> str:
        return text[:1].upper() + text[1:]

    def _moved(self, silences: Sequence[MeetingEvent]) -> str:
        w, text = self.w, ""
        for s in silences:
            assert s.start and s.end
            span = w.date_span(s.start, s.end)
            if not text:
                agreed = w.say("hold_on", date=w.date(s.agreed_start)) if s.agreed_start else w.say("postpone_it")
                text = w.say("silence_first", span=span, agreed=agreed)
            else:
                on = w.say("further_on", date=w.date(s.agreed_start)) if s.agreed_start else ""
                text += w.say("silence_further", span=span, on=on)
        return f"{text}." if text else ""

    def silence(self, e: MeetingEvent, meeting: str, parts: Sequence[PartRow]) -> str:
        w, name = self.w, self.w.name(meeting)
        assert e.start and e.end
        lead = w.say("silence_lead", span=w.date_span(e.start, e.end))
        if e.flag and len(parts) > 1:
            each = []
            for p in parts:
                how = w.say(f"how:{p.format.value if p.format is not MeetingFormat.IN_PERSON else 'in_person'}")
                at = self._at(e.venue) if e.venue and p.venue else ""
                each.append(w.say("silence_part", span=w.date_span(p.start_date, p.end_date), how=how, at=at))
            count = w.f.number(len(parts), feminine=True)
            return w.say("silence_parts", lead=lead, meeting=name, count=count, each=w.join(each))
        if e.agreed_start and e.agreed_end:
            span = w.date_span(e.agreed_start, e.agreed_end)
            return w.say("silence_dates", lead=lead, meeting=name, span=span)
        return w.say("silence_postponed", lead=lead, meeting=name)

    # The work of the meeting ------------------------------------------------------------------------------
    def message(self, e: MeetingEvent, day: str, body: str) -> str:
        who, _g = self.w.who(e.name, e.circumstances)
        key = "video message" if e.kind.value == "video message" else "statement"
        return self.w.say(key, day=day, who=who, body=self.w.body(body))

    def on_day(self, day: dt.date, same_as_before: bool) -> str:
        return self.w.say("same_day") if same_as_before else self.w.say("on_day", date=self.w.date(day))

    def adopted(self, e: MeetingEvent, report_symbol: str) -> str:
        w = self.w
        assert e.number and e.on
        return w.say(
            "report_adopted", ordinal=w.f.ordinal(e.number, feminine=True), date=w.date(e.on), name=e.name,
            outcome=e.outcome, reference=e.reference, amended=w.say("orally_amended") if e.flag else "",
            symbol=report_symbol,
        )  # fmt: skip

    def initial_reports_due(self, states: Sequence[str]) -> str:
        w = self.w
        names = w.join([w.state(s, article=False) for s in states])
        if not states:
            return w.say("initial_due_none")
        key = "initial_due_one" if len(states) == 1 else "initial_due"
        return w.say(key, count=w.f.number(len(states)), names=names)

    def initial_reports_on_time(self, due: Sequence[str], on_time: Sequence[str]) -> str:
        w = self.w
        if not due:
            return w.say("on_time_none_due")
        if len(due) == 1:
            names = w.join([w.state(s, article=False) for s in due])
            return w.say("on_time_one" if on_time else "on_time_one_not", names=names)
        which = self.initial_reports_due(due)
        if len(on_time) == len(due):
            return w.say("on_time_all", which=which)
        if not on_time:
            return w.say("on_time_none", which=which)
        names = w.join([w.state(s, article=False) for s in on_time])
        return w.say("on_time_some", names=names, count=w.f.number(len(on_time)), which=which)

    # The decisions ----------------------------------------------------------------------------------------
    def assessment(self, r: RequestRow, body: str, purpose: str, article: str) -> str:
        """`purpose` is the profile's English; the language's is the profile's `in.<language>.requests`."""
        w = self.w
        purposes: dict[str, str] = w.words("requests")
        if r.obligation.value not in purposes:
            w.words(f"requests.{r.obligation.value}")  # refused by name
        lead = w.say(
            "assessment", body=self._capital(w.body(body)), state=w.state(r.state),
            purpose=purposes[r.obligation.value], article=article, cited=w.words("cited_as"),
        )  # fmt: skip
        if r.outcome is Outcome.PENDING:
            return w.say("assessment_pending", lead=lead)
        period = w.say("period", months=r.period_months) if r.period_months and not r.granted_until else ""
        return w.say(
            "assessment_decided", lead=lead, decided=w.say(f"outcome:{r.outcome.value}"), period=period,
            date=w.date(r.granted_until or r.until), condition=f" {r.condition}" if r.condition else "",
        )  # fmt: skip
