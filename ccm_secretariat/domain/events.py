"""The meeting's history as records: what the report's introduction and the work of the meeting tell, kept as
facts the secretary enters once (a date, a document, a name), never as a typed paragraph. A record may carry
free text only where a sentence carries circumstances (why a meeting could not be held, a condition on a
venue). The sentences are the document language's (report/events.py asks its wording for them).

Each kind uses some of the fields; `REQUIRED` says which must be given (the database checks the same)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, fields

from ccm_secretariat.errors import ValidationError


class EventKind(enum.Enum):
    # The introduction
    PROVISIONS = "provisions"  # reference: the article of the convention on its meetings ("12")
    CONVENED = "convened"  # name: the meeting that decided; start/end: the dates it set; venue; circumstances:
    # a condition ("unless its President decided ..."); reference: where the decision stands
    DESIGNATED = "designated"  # name: the meeting that designated the President; reference: the decision on the
    # term; circumstances: the term ("commenced on the day following ...")
    REQUESTED = "requested"  # reference: the General Assembly resolution; number: its operative paragraph;
    # outcome: what the Secretary-General was requested to do
    PREPARATORY = "preparatory"  # number: first, second ...; start: the date planned; on: the date held (none:
    # not held on the planned date); venue; circumstances: why not; outcome: what was done instead
    SILENCE = "silence"  # start/end: the procedure; number: the preparatory meeting it concerns (none: this
    # meeting); agreed_start/agreed_end: the dates agreed (none: postponed); flag: the meeting in its parts
    # The work of the meeting
    STATEMENT = "statement"  # on; name: who; circumstances: in what capacity
    VIDEO_MESSAGE = "video message"  # on; name; circumstances
    ELECTION = "election"  # circumstances: its basis ("pursuant to the recommendation of ...")
    RULES = "rules"  # reference: the document holding the rules of procedure; flag: mutatis mutandis
    ADOPTED = "adopted"  # the report adopted: number: at which plenary meeting; on; name: who adopted it, as the
    # report names them ("the Review Conference"); outcome: what ("its interim final report"); reference: the
    # draft it was contained in; flag: as orally amended


@dataclass(frozen=True)
class MeetingEvent:
    kind: EventKind
    on: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    agreed_start: dt.date | None = None
    agreed_end: dt.date | None = None
    name: str = ""
    reference: str = ""
    number: int | None = None
    venue: str = ""
    circumstances: str = ""
    outcome: str = ""
    flag: bool = False
    id: int | None = None
    position: int = 0
    version: int = 0


REQUIRED: dict[EventKind, tuple[str, ...]] = {
    EventKind.PROVISIONS: ("reference",),
    EventKind.CONVENED: ("name", "start", "end"),
    EventKind.DESIGNATED: ("name",),
    EventKind.REQUESTED: ("reference", "number", "outcome"),
    EventKind.PREPARATORY: ("number", "start"),
    EventKind.SILENCE: ("start", "end"),
    EventKind.STATEMENT: ("on", "name"),
    EventKind.VIDEO_MESSAGE: ("on", "name"),
    EventKind.ELECTION: ("circumstances",),
    EventKind.RULES: ("reference",),
    EventKind.ADOPTED: ("number", "on", "name", "outcome", "reference"),
}

DATE_FIELDS = ("on", "start", "end", "agreed_start", "agreed_end")
TEXT_FIELDS = ("name", "reference", "venue", "circumstances", "outcome")
MAX_LENGTH = {"name": 500, "reference": 500, "venue": 300}  # as the columns hold them
COLUMNS = {"on": "on_date", "start": "start_date", "end": "end_date"}  # as the database names them
FIELD_NAMES = tuple(f.name for f in fields(MeetingEvent) if f.name not in ("id", "position", "version"))


def check_event(event: MeetingEvent) -> MeetingEvent:
    """The record with its text trimmed, or a ValidationError naming the field that is missing or wrong."""
    trimmed = {name: getattr(event, name).strip() for name in TEXT_FIELDS}
    event = MeetingEvent(**{**event.__dict__, **trimmed})
    for name, most in MAX_LENGTH.items():
        if len(getattr(event, name)) > most:
            raise ValidationError(f"the {name} is longer than {most} characters.", name)
    for name in REQUIRED[event.kind]:
        if getattr(event, name) in (None, ""):
            raise ValidationError(f"a {event.kind.value} record needs its {name.replace('_', ' ')}.", name)
    for first, last in (("start", "end"), ("agreed_start", "agreed_end")):
        a, b = getattr(event, first), getattr(event, last)
        if a and b and b < a:
            raise ValidationError(f"the {last.replace('_', ' ')} is before the {first.replace('_', ' ')}.", last)
    if event.number is not None and event.number < 1:
        raise ValidationError("the number must be 1 or more.", "number")
    return event


def ordered(events: list[MeetingEvent] | tuple[MeetingEvent, ...]) -> list[MeetingEvent]:
    return sorted(events, key=lambda e: (e.position, e.id or 0))
