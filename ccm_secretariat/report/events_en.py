"""The meeting's history in English, as the CCM's reports tell it (the interim report of the Second Review
Conference, paragraphs 1-8 and 19-23)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.domain.events import MeetingEvent
from ccm_secretariat.domain.obligations import Outcome
from ccm_secretariat.domain.prose import (
    join_names,
    number_in_words,
    ordinal_in_words,
    un_date,
    un_date_span_words,
    with_article,
)
from ccm_secretariat.services.meetings import OfficerRow, PartRow
from ccm_secretariat.services.tracker import RequestRow

OPEN, CLOSE = "\u201c", "\u201d"
POSSESSIVE = {"Mr.": "his", "Ms.": "her", "Mrs.": "her", "Miss": "her"}
FORMATS = {MeetingFormat.VIRTUAL: "in virtual format", MeetingFormat.HYBRID: "in hybrid format"}


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _days(days: Sequence[dt.date]) -> str:
    """ "8 June and 4 September 2020": the year once when every day is in it."""
    if len({d.year for d in days}) == 1:
        return join_names([f"{d.day} {d:%B}" for d in days[:-1]] + [un_date(days[-1])], False)
    return join_names([un_date(d) for d in days], False)


def _who(name: str, capacity: str) -> str:
    return f"{name}, {capacity}," if capacity else name


DECIDED = {
    Outcome.RECOMMENDED: "recommended to take a decision to grant",
    Outcome.GRANTED: "decided to grant",
    Outcome.GRANTED_SHORTER: "decided to grant",
    Outcome.REFUSED: "decided not to grant",
}


class EnglishEvents:
    def assessment(self, r: RequestRow, body: str, purpose: str, article: str) -> str:
        """`purpose` and `article`: what the request is for and the article providing for it (the convention's
        profile)."""
        lead = (
            f"The {body} assessed the request submitted by {with_article(r.state)} for an extension of its deadline "
            f"{purpose} in accordance with Article {article} of the Convention"
        )
        if r.outcome is Outcome.PENDING:
            return f"{lead}."
        period = f" of {r.period_months} months" if r.period_months and not r.granted_until else ""
        until = r.granted_until or r.until
        to = "up to" if r.condition else "until"
        condition = f" {r.condition}" if r.condition else ""
        # The clearance paragraphs set the outcome off with a comma when they state the period (46, 50; not 55).
        comma = "," if r.obligation.value == "4" and r.period_months else ""
        grant = f"the request for an extension{period} {to} {un_date(until)}{condition}"
        return f"{lead}{comma} and {DECIDED[r.outcome]} {grant}."

    def provision(self, article: str, treaty: str, paragraph: int, sentence: int, quotes: Sequence[str]) -> str:
        subject = f"Article {article} of the {treaty}" if paragraph == sentence == 0 else f"Article {article}"
        verb = "provides" if paragraph == sentence == 0 else "also provides" if sentence else "further provides"
        return f"{subject} {verb} that " + " and that ".join(f"{OPEN}{q}{CLOSE}" for q in quotes)

    def quote_close(self) -> str:
        return CLOSE

    def provision_missing(self, article: str, treaty: str) -> str | None:
        return None  # the introduction quotes only the texts it holds

    def convened(self, e: MeetingEvent, meeting: str, preparatory: Sequence[MeetingEvent]) -> str:
        planned = [p for p in preparatory if p.start]
        what = []
        if planned:
            noun = "Preparatory Meetings" if len(planned) > 1 else "Preparatory Meeting"
            where = f" in {planned[0].venue}" if planned[0].venue else ""
            days = _days([p.start for p in planned if p.start])
            what.append(f"the {noun} for the {meeting} would take place{where} on {days}")
        at = f" at {e.venue}" if e.venue else ""
        assert e.start and e.end
        what.append(f"the {meeting} would take place {un_date_span_words(e.start, e.end)}{at}")
        condition = f", {e.circumstances}" if e.circumstances else ""
        basis = f", in accordance with {e.reference}" if e.reference else ""
        return f"At the {e.name}, the States Parties decided that {' and that '.join(what)}{condition}{basis}."

    def designated(self, e: MeetingEvent, same_meeting: bool, president: OfficerRow, meeting: str) -> str:
        at = (
            "At the same Meeting, the States Parties also designated"
            if same_meeting
            else (f"At the {e.name}, the States Parties designated")
        )
        who = f"{president.person}, {president.description}," if president.description else president.person
        text = f"{at} {who} as President of the {meeting}."
        if e.circumstances:
            whose = POSSESSIVE.get(president.salutation, "the President's")
            basis = f"In accordance with {e.reference}, " if e.reference else ""
            term = f"{whose} term {e.circumstances}."
            text += f" {basis}{term if basis else _capital(term)}"
        return text

    def requested(self, e: MeetingEvent, meeting: str, preparatory: Sequence[int]) -> str:
        text = (
            f"By operative paragraph {e.number} of resolution {e.reference}, the General Assembly requested the "
            f"Secretary-General {e.outcome}."
        )
        convened = [f"the {meeting}"]
        if preparatory:
            ordinals = join_names([_capital(ordinal_in_words(n)) for n in sorted(preparatory)], False)
            convened.insert(0, f"the {ordinals} Preparatory Meeting{'s' if len(preparatory) > 1 else ''}")
        meetings = "Meetings" if preparatory else "Meeting"
        return (
            f"{text} Accordingly, the Secretary-General of the United Nations convened {' and '.join(convened)} "
            f"and invited all States Parties, as well as States not parties to the Convention, to participate in "
            f"the {meetings}."
        )

    def preparatory(self, e: MeetingEvent, silences: Sequence[MeetingEvent]) -> str:
        assert e.start and e.number
        name = f"The {_capital(ordinal_in_words(e.number))} Preparatory Meeting"
        if e.on == e.start and not silences:
            return f"{name} took place on {un_date(e.start)}."
        lead = f"{e.circumstances}, the" if e.circumstances else "The"
        text = f"{lead} {name[4:]} planned on {un_date(e.start)} could not take place."
        if e.outcome:
            text += f" On that day, {e.outcome}."
        text += self._moved(silences)
        agreed = next((s.agreed_start for s in silences if s.agreed_start), None)
        if e.on and e.on == agreed:
            text += f" {name} was therefore held on that date."
        elif e.on:
            text += f" {name} was held on {un_date(e.on)}."
        return text

    @staticmethod
    def _moved(silences: Sequence[MeetingEvent]) -> str:
        text = ""
        for s in silences:
            assert s.start and s.end
            span = un_date_span_words(s.start, s.end)
            if not text:
                agreed = f"hold this Meeting on {un_date(s.agreed_start)}" if s.agreed_start else "postpone the date"
                agreed += "" if s.agreed_start else " of this Meeting"
                text = f" Through a silence procedure that lasted {span}, the States Parties agreed to {agreed}"
            else:
                on = f", as {un_date(s.agreed_start)}" if s.agreed_start else ""
                text += f", which was subsequently confirmed through a further silence procedure that lasted {span}{on}"
        return f"{text}." if text else ""

    def silence(self, e: MeetingEvent, meeting: str, parts: Sequence[PartRow]) -> str:
        assert e.start and e.end
        lead = f"Following a silence procedure that lasted {un_date_span_words(e.start, e.end)}, States Parties agreed"
        if e.flag and len(parts) > 1:
            each = []
            for p in parts:
                how = FORMATS.get(p.format, "in person")
                at = f" at {e.venue}" if e.venue and p.venue else ""
                each.append(f"{un_date_span_words(p.start_date, p.end_date)} {how}{at}")
            return f"{lead} that the {meeting} would take place in {number_in_words(len(parts))} parts: " + (
                f"{join_names(each, False)}."
            )
        if e.agreed_start and e.agreed_end:
            return f"{lead} that the {meeting} would take place {un_date_span_words(e.agreed_start, e.agreed_end)}."
        return f"{lead} to postpone the {meeting}."

    def message(self, e: MeetingEvent, day: str, body: str) -> str:
        what = "a video message" if e.kind.value == "video message" else "a statement"
        return f"{day}, {_who(e.name, e.circumstances)} delivered {what} to the {body}."

    def adopted(self, e: MeetingEvent, report_symbol: str) -> str:
        """ "At its ninth plenary meeting, on 27 November 2020, the Review Conference adopted its interim final
        report, as contained in CCM/CONF/2020/CRP.8/Rev.1, as orally amended, to be issued as document …"."""
        assert e.number and e.on
        amended = ", as orally amended" if e.flag else ""
        return (
            f"At its {ordinal_in_words(e.number)} plenary meeting, on {un_date(e.on)}, {e.name} adopted {e.outcome}, "
            f"as contained in {e.reference}{amended}, to be issued as document {report_symbol}."
        )

    def initial_reports_due(self, states: Sequence[str]) -> str:
        """ "four States Parties with initial reporting deadlines (Gambia, Namibia, Philippines and Sri Lanka)"."""
        if not states:
            return "no State Party with an initial reporting deadline"
        noun = "State Party" if len(states) == 1 else "States Parties"
        deadlines = "deadline" if len(states) == 1 else "deadlines"
        return f"{number_in_words(len(states))} {noun} with initial reporting {deadlines} ({join_names(states, False)})"

    def initial_reports_on_time(self, due: Sequence[str], on_time: Sequence[str]) -> str:
        """ "all four States Parties with initial reporting deadlines (...) had submitted their initial
        transparency reports on time", or how many of them had."""
        if not due:
            return "no State Party had an initial reporting deadline"
        if len(due) == 1:
            had = "had" if on_time else "had not"
            return f"the State Party with an initial reporting deadline ({due[0]}) {had} submitted its initial " \
                "transparency report on time"  # fmt: skip
        which = self.initial_reports_due(due)
        if len(on_time) == len(due):
            return f"all {which} had submitted their initial transparency reports on time"
        if not on_time:
            return f"none of the {which} had submitted their initial transparency reports on time"
        return (
            f"{join_names(on_time, False)}, {number_in_words(len(on_time))} of the {which}, had submitted their "
            "initial transparency reports on time"
        )

    def on_day(self, day: dt.date, same_as_before: bool) -> str:
        return "On the same day" if same_as_before else f"On {un_date(day)}"
