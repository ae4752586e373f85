"""The report's paragraphs that tell the meeting's history, from its records (ccm_secretariat.domain.events): the
introduction (the convention's provisions on its meetings, the decisions that convened it and designated its
President, the General Assembly's request, the preparatory meetings and the silence procedures) and, in the
work of the meeting, the statements and messages delivered, the basis of an election and the rules of procedure
confirmed. Which sentences, in which order, is decided here; the sentences themselves are the wording's."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ccm_secretariat.domain.enums import OfficerRole
from ccm_secretariat.domain.events import EventKind, MeetingEvent
from ccm_secretariat.reference.files import REFERENCE_DIR
from ccm_secretariat.services.meetings import MeetingRow, OfficerRow, PartRow
from ccm_secretariat.services.tracker import RequestRow

TEXTS = REFERENCE_DIR / "treaty_texts.json"


@dataclass(frozen=True)
class Quoted:
    """One sentence quoting an article: its clauses, and the lettered items the last clause introduces."""

    quotes: tuple[str, ...]
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Text:
    """A paragraph's text and its lettered subparagraphs."""

    text: str
    items: tuple[str, ...] = ()
    placeholder: bool = False  # for the secretary to write (a provision not held in the document's language)


@functools.cache
def provisions(treaty: str, language: str, article: str) -> tuple[tuple[Quoted, ...], ...]:
    """The report's paragraphs quoting `article` of `treaty` in `language`; none when the text is not held."""
    data = json.loads(TEXTS.read_text(encoding="utf-8"))
    paragraphs = data.get(treaty, {}).get(language, {}).get(article, ())
    return tuple(
        tuple(Quoted(tuple(s["quotes"]), tuple(s.get("items", ()))) for s in sentences) for sentences in paragraphs
    )


class EventWording(Protocol):
    """The sentences of the meeting's history in one language (report/events_en.py is English's)."""

    def provision(self, article: str, treaty: str, paragraph: int, sentence: int, quotes: Sequence[str]) -> str: ...
    def quote_close(self) -> str: ...
    def provision_missing(self, article: str, treaty: str) -> str | None: ...  # a text not held in the language
    def convened(self, e: MeetingEvent, meeting: str, preparatory: Sequence[MeetingEvent]) -> str: ...
    def designated(self, e: MeetingEvent, same_meeting: bool, president: OfficerRow, meeting: str) -> str: ...
    def requested(self, e: MeetingEvent, meeting: str, preparatory: Sequence[int]) -> str: ...
    def preparatory(self, e: MeetingEvent, silences: Sequence[MeetingEvent]) -> str: ...
    def silence(self, e: MeetingEvent, meeting: str, parts: Sequence[PartRow]) -> str: ...
    def message(self, e: MeetingEvent, day: str, body: str) -> str: ...
    def on_day(self, day: dt.date, same_as_before: bool) -> str: ...
    def initial_reports_due(self, states: Sequence[str]) -> str: ...  # a typed decision's figure
    def initial_reports_on_time(self, due: Sequence[str], on_time: Sequence[str]) -> str: ...  # another
    def adopted(self, e: MeetingEvent, report_symbol: str) -> str: ...
    def assessment(self, request: RequestRow, body: str, purpose: str, article: str) -> str: ...  # requests.py


def introduction(
    events: Sequence[MeetingEvent], meeting: MeetingRow, wording: EventWording, language: str = "en"
) -> list[Text]:
    """The introduction's paragraphs, in the order of the records (the provisions first)."""
    name = meeting.short_title if " " in meeting.short_title.strip() else meeting.title
    preparatory = [e for e in events if e.kind is EventKind.PREPARATORY]
    presidents = [o for o in meeting.officers if o.kind is OfficerRole.PRESIDENT]
    president = presidents[-1] if presidents else None  # as the chapters name the President: the last recorded
    out: list[Text] = []
    decided_at = ""
    meeting_silences: list[str] = []
    for e in events:
        if e.kind is EventKind.PROVISIONS:
            out += _provisions(e.reference, meeting, wording, language)
        elif e.kind is EventKind.CONVENED:
            out.append(Text(wording.convened(e, name, preparatory)))
            decided_at = e.name
        elif e.kind is EventKind.DESIGNATED and president is not None:
            out.append(Text(wording.designated(e, e.name == decided_at, president, name)))
        elif e.kind is EventKind.REQUESTED:
            out.append(Text(wording.requested(e, name, [p.number or 0 for p in preparatory])))
        elif e.kind is EventKind.PREPARATORY:
            silences = [s for s in events if s.kind is EventKind.SILENCE and s.number == e.number]
            out.append(Text(wording.preparatory(e, silences)))
        elif e.kind is EventKind.SILENCE and e.number is None:
            meeting_silences.append(wording.silence(e, name, meeting.parts))
    if meeting_silences:  # the procedures on the meeting itself: one paragraph, as they followed each other
        out.append(Text(" ".join(meeting_silences)))
    return out


def _provisions(article: str, meeting: MeetingRow, wording: EventWording, language: str) -> list[Text]:
    out = []
    missing = wording.provision_missing(article, meeting.treaty_title)
    if not provisions(meeting.treaty, language, article) and missing:
        # One numbered paragraph for the secretary to write per paragraph the English quotes it in, so that the
        # report's numbers are the same in every language.
        return [Text(missing) for _ in provisions(meeting.treaty, "en", article) or ((),)]
    for p, sentences in enumerate(provisions(meeting.treaty, language, article)):
        text, items = "", tuple[str, ...]()
        for s, quoted in enumerate(sentences):
            sentence = wording.provision(article, meeting.treaty_title, p, s, quoted.quotes)
            if quoted.items:  # the quotation closes after its last item
                sentence = sentence[: -len(wording.quote_close())]
                items = quoted.items[:-1] + (quoted.items[-1] + wording.quote_close(),)
            text = f"{text} {sentence}".strip()
        out.append(Text(text, items))
    return out


def messages(
    events: Sequence[MeetingEvent],
    body: str,
    wording: EventWording,
    days: DayTeller,
    after: dt.date | None = None,
    until: dt.date | None = None,
) -> list[str]:
    """Statements and messages delivered, each a paragraph, in the order of the records: those of the days after
    `after` (exclusive) up to `until` (inclusive), so that the report tells the days in their order."""
    kinds = (EventKind.STATEMENT, EventKind.VIDEO_MESSAGE)
    return [
        wording.message(e, days.on(e.on), body)
        for e in events
        if e.kind in kinds and e.on and (after is None or e.on > after) and (until is None or e.on <= until)
    ]


def adoption(events: Sequence[MeetingEvent], wording: EventWording, report_symbol: str) -> str | None:
    """The report's adoption (the seed's last paragraph), when it is recorded."""
    e = next((e for e in events if e.kind is EventKind.ADOPTED), None)
    return wording.adopted(e, report_symbol) if e is not None else None


def election_basis(events: Sequence[MeetingEvent]) -> str:
    return next((e.circumstances for e in events if e.kind is EventKind.ELECTION), "")


def rules_confirmed(events: Sequence[MeetingEvent]) -> MeetingEvent | None:
    return next((e for e in events if e.kind is EventKind.RULES), None)


class DayTeller:
    """Dated paragraphs in a row: the first names its day, the next ones on the same day say so ("On the same
    day"); an undated paragraph between them (`interrupt`) makes the next one name its day again."""

    def __init__(self, wording: EventWording) -> None:
        self._wording = wording
        self._last: dt.date | None = None

    def on(self, day: dt.date) -> str:
        said = self._wording.on_day(day, day == self._last)
        self._last = day
        return said

    def interrupt(self) -> None:
        self._last = None
