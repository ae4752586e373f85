"""Meetings: titles, symbol prefix, parts with dates and format, officers, and the wording of the report."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

import sqlalchemy as sa

from ccm_secretariat.domain.enums import MeetingFormat, OfficerRole
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.domain.symbols import normalise_prefix
from ccm_secretariat.errors import DuplicateError, NotFoundError, ValidationError
from ccm_secretariat.language import forms
from ccm_secretariat.orm import Meeting, MeetingPart, Officer, Treaty
from ccm_secretariat.reference.profiles import ConventionProfile, shipped_profiles
from ccm_secretariat.reference.treaties import ensure_treaty, meeting_profile, treaty_profile
from ccm_secretariat.services.base import Service, check_version, clean, get_or_fail, next_position


@dataclass(frozen=True)
class ReportSettings:
    """How the report words participation: the sentences are the meeting's convention's unless the secretary changed
    them."""

    serial_comma_states: bool = True
    serial_comma_organisations: bool = False
    # The participation sentences ({names}, {body}) by category key: the meeting's convention's (its profile's
    # `report`), unless the secretary changed them; one left out or empty: the convention's.
    sentences: dict[str, str] = field(default_factory=dict)
    capitalise_family_names: bool = False
    language: str = "en"  # the meeting's document language ("en", "fr", "es"): each export may choose another
    titles: dict[str, str] = field(default_factory=dict)  # the meeting's title in other languages, by code

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None, base: ReportSettings | None = None) -> ReportSettings:
        """The settings stored in `data`; what they lack (or leave empty) comes from `base` (the convention's
        wording)."""
        base = base or cls()
        known = {f.name for f in fields(cls)} - {"sentences"}
        data = data or {}
        # Settings stored before the sentences were keyed by category held each at the top level, by its key.
        given = {k: v for k, v in data.items() if k not in known and k != "sentences" and isinstance(v, str)}
        given |= data.get("sentences") or {}
        sentences = base.sentences | {k: v for k, v in given.items() if v}
        return replace(base, sentences=sentences, **{k: v for k, v in data.items() if k in known and v != ""})

    @classmethod
    def for_convention(cls, convention: ConventionProfile | None) -> ReportSettings:
        """The participation sentences of the convention's profile (none without one)."""
        if convention is None:
            return cls()
        return cls(sentences={c.key: c.report for c in convention.categories})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PartRow:
    id: int
    number: int
    start_date: dt.date
    end_date: dt.date
    format: MeetingFormat
    venue: str = ""


@dataclass(frozen=True)
class OfficerRow:
    id: int
    role: str
    position: int
    salutation: str
    name: str
    description: str
    state_id: int | None
    state_name: str
    kind: OfficerRole = OfficerRole.OTHER  # what the report says of the officer; `role` is the title as written

    @property
    def person(self) -> str:
        return " ".join(p for p in (self.salutation, self.name) if p)


@dataclass(frozen=True)
class MeetingRow:
    id: int
    title: str
    short_title: str
    treaty: str
    treaty_title: str
    symbol_prefix: str
    venue: str
    city: str
    body_name: str
    settings: ReportSettings
    parts: tuple[PartRow, ...] = field(default_factory=tuple)
    officers: tuple[OfficerRow, ...] = field(default_factory=tuple)
    practice: bool = False  # fictitious participants: marked on screen and in every document
    version: int = 0

    @property
    def first_day(self) -> dt.date | None:
        return min((p.start_date for p in self.parts), default=None)

    @property
    def last_day(self) -> dt.date | None:
        return max((p.end_date for p in self.parts), default=None)

    @property
    def profile(self) -> ConventionProfile:
        """The meeting's convention: its categories, headings and rules."""
        return meeting_profile(self.treaty)


@dataclass(frozen=True)
class MeetingInput:
    title: str
    short_title: str
    symbol_prefix: str
    first_day: dt.date
    last_day: dt.date
    venue: str = ""
    city: str = ""
    treaty: str = ""  # the convention's short name: required (a meeting is always of one convention)
    body_name: str = "Conference"
    format: MeetingFormat = MeetingFormat.IN_PERSON
    practice: bool = False


def _check_dates(start: dt.date, end: dt.date, field_name: str = "end_date") -> None:
    if end < start:
        raise ValidationError(f"the last day ({un_date(end)}) is before the first ({un_date(start)}).", field_name)


def _meeting_row(meeting: Meeting, treaty: Treaty) -> MeetingRow:
    return MeetingRow(
        id=meeting.id,
        title=meeting.title,
        short_title=meeting.short_title,
        treaty=treaty.short_name,
        treaty_title=treaty.title,
        symbol_prefix=meeting.symbol_prefix,
        venue=meeting.venue,
        city=meeting.city,
        body_name=meeting.body_name,
        settings=ReportSettings.from_dict(
            meeting.report_settings, ReportSettings.for_convention(treaty_profile(treaty))
        ),
        parts=tuple(PartRow(p.id, p.number, p.start_date, p.end_date, p.format, p.venue) for p in meeting.parts),
        officers=tuple(_officer_row(o) for o in meeting.officers),
        practice=meeting.practice,
        version=meeting.version,
    )


class MeetingService(Service):
    def list(self) -> list[MeetingRow]:
        with self._read() as s:
            rows = s.execute(sa.select(Meeting, Treaty).join(Treaty, Meeting.treaty_id == Treaty.id)).all()
            result = [_meeting_row(m, t) for m, t in rows]
        return sorted(result, key=lambda m: (m.first_day or dt.date.min, m.id))

    def get(self, meeting_id: int) -> MeetingRow:
        with self._read() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            return _meeting_row(meeting, get_or_fail(s, Treaty, meeting.treaty_id, "Treaty"))

    def find(self, key: str | int | None) -> MeetingRow:
        """A meeting by id, symbol prefix or short title; with no key, the only (or latest) meeting."""
        meetings = self.list()
        if not meetings:
            raise NotFoundError("The database holds no meeting yet: create one, or load the demo.", "meeting")
        if key is None or key == "":
            return meetings[-1]
        text = str(key).strip().lower()
        for m in meetings:
            if text in (str(m.id), m.symbol_prefix.lower(), m.short_title.lower()):
                return m
        raise NotFoundError(f"No meeting is called “{key}”; give its number, symbol prefix or short title.", "meeting")

    def create(self, data: MeetingInput) -> MeetingRow:
        title = clean(data.title, "title", required=True)
        short_title = clean(data.short_title, "short_title", required=True, max_length=120)
        prefix = normalise_prefix(data.symbol_prefix)
        _check_dates(data.first_day, data.last_day, "last_day")
        if not data.treaty.strip():
            known = ", ".join(shipped_profiles())
            raise ValidationError(f"say which convention the meeting is of (one of {known}).", "treaty")
        with self._write() as s:
            if treaty_profile(data.treaty) is not None:
                treaty: Treaty | None = ensure_treaty(s, data.treaty)  # a convention new to this database
            else:
                treaty = s.scalar(sa.select(Treaty).where(Treaty.short_name == data.treaty))
            if treaty is None:
                raise ValidationError(f"no treaty is called “{data.treaty}”.", "treaty")
            if s.scalar(sa.select(Meeting.id).where(Meeting.symbol_prefix == prefix)):
                raise DuplicateError(f"a meeting with the symbol prefix {prefix} exists already.", "symbol_prefix")
            meeting = Meeting(
                title=title,
                short_title=short_title,
                treaty_id=treaty.id,
                symbol_prefix=prefix,
                venue=clean(data.venue, "venue", max_length=200),
                city=clean(data.city, "city", max_length=100),
                body_name=clean(data.body_name, "body_name", required=True, max_length=60),
                report_settings=ReportSettings.for_convention(treaty_profile(treaty)).to_dict(),
                practice=bool(data.practice),
            )
            meeting.parts.append(
                MeetingPart(
                    number=1,
                    start_date=data.first_day,
                    end_date=data.last_day,
                    format=MeetingFormat(data.format),
                    venue=meeting.venue,
                )
            )
            s.add(meeting)
            s.flush()
            return _meeting_row(meeting, treaty)

    def update(self, meeting_id: int, expected_version: int | None = None, **changes: Any) -> MeetingRow:
        """Change the meeting's titles, prefix, venue or the wording settings; refused when another desk changed
        the meeting after `expected_version`."""
        allowed = {"title": 300, "short_title": 120, "venue": 200, "city": 100, "body_name": 60}
        with self._write() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            check_version(meeting, expected_version, "The meeting")
            for name, value in changes.items():
                if name == "symbol_prefix":
                    prefix = normalise_prefix(value)
                    clash = s.scalar(
                        sa.select(Meeting.id).where(Meeting.symbol_prefix == prefix, Meeting.id != meeting_id)
                    )
                    if clash:
                        raise DuplicateError(f"a meeting with the symbol prefix {prefix} exists already.", name)
                    meeting.symbol_prefix = prefix
                elif name == "settings":
                    settings = ReportSettings.from_dict(value if isinstance(value, dict) else value.to_dict())
                    forms(settings.language)  # a document language the desk writes, or a clear refusal
                    meeting.report_settings = settings.to_dict()
                elif name in allowed:
                    required = name in ("title", "short_title", "body_name")
                    setattr(meeting, name, clean(value, name, required=required, max_length=allowed[name]))
                else:
                    raise ValidationError("cannot be changed here.", name)
            s.flush()
            return _meeting_row(meeting, get_or_fail(s, Treaty, meeting.treaty_id, "Treaty"))

    def delete(self, meeting_id: int) -> None:
        """Delete a meeting and everything registered for it, after a backup of the database (a file's; a
        server's database is backed up by the server's own regime)."""
        with self._read() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
        if self._db.sqlite_path is not None:
            self._db.backup("before-meeting-deletion")
        with self._write() as s:
            s.delete(get_or_fail(s, Meeting, meeting_id, "Meeting"))

    # Parts -------------------------------------------------------------------------------------------
    def set_part(
        self, meeting_id: int, number: int, start: dt.date, end: dt.date, fmt: MeetingFormat, venue: str = ""
    ) -> PartRow:
        """Add part `number` or change its dates, format and venue."""
        _check_dates(start, end)
        if number < 1:
            raise ValidationError("parts are numbered from 1.", "number")
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            parts = list(s.scalars(sa.select(MeetingPart).where(MeetingPart.meeting_id == meeting_id)))
            part = next((p for p in parts if p.number == number), None)
            for other in parts:
                if other is not part and other.start_date <= end and start <= other.end_date:
                    raise ValidationError(f"the dates overlap part {other.number}.", "start_date")
            if part is None:
                part = MeetingPart(meeting_id=meeting_id, number=number, start_date=start, end_date=end, format=fmt)
                s.add(part)
            part.start_date, part.end_date, part.format = start, end, MeetingFormat(fmt)
            part.venue = clean(venue, "venue", max_length=200)
            s.flush()
            return PartRow(part.id, part.number, part.start_date, part.end_date, part.format, part.venue)

    def remove_part(self, meeting_id: int, number: int) -> None:
        with self._write() as s:
            parts = list(s.scalars(sa.select(MeetingPart).where(MeetingPart.meeting_id == meeting_id)))
            if len(parts) <= 1:
                raise ValidationError("a meeting keeps at least one part.", "number")
            part = next((p for p in parts if p.number == number), None)
            if part is None:
                raise NotFoundError(f"the meeting has no part {number}.", "number")
            s.delete(part)

    # Officers ----------------------------------------------------------------------------------------
    def add_officer(
        self,
        meeting_id: int,
        role: str,
        *,
        salutation: str = "",
        name: str = "",
        description: str = "",
        state: str = "",
        kind: OfficerRole = OfficerRole.OTHER,
    ) -> OfficerRow:
        """`role` is the officer's title as the report writes it ("Secretary of the Conference"); `kind` what the
        officer is (President, Vice-President, Secretary-General, Secretary, other)."""
        role = clean(role, "role", required=True, max_length=120)
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting", lock=True)  # the next position is this desk's alone
            state_id = None
            state_name = clean(state, "state", max_length=120)
            if state_name:
                from ccm_secretariat.domain.names import match_key
                from ccm_secretariat.reference.loader import state_lookup

                state_id = state_lookup(s).get(match_key(state_name))
                if state_id is None:
                    raise ValidationError(f"“{state}” is not a known State.", "state")
            if not state_name and not name.strip():
                raise ValidationError("an officer is a person (name) or a State.", "name")
            position = next_position(s, Officer.position, Officer.meeting_id == meeting_id)
            officer = Officer(
                meeting_id=meeting_id,
                role=role,
                position=position,
                salutation=clean(salutation, "salutation", max_length=30),
                name=clean(name, "name", max_length=200),
                description=clean(description, "description", max_length=500),
                state_id=state_id,
                state_name=state_name,
                kind=OfficerRole(kind),
            )
            s.add(officer)
            s.flush()
            return _officer_row(officer)

    def remove_officer(self, officer_id: int) -> OfficerRow:
        """Remove an officer; returns the officer as it was (for `restore_officer`)."""
        with self._write() as s:
            officer = get_or_fail(s, Officer, officer_id, "Officer")
            row = _officer_row(officer)
            s.delete(officer)
            return row

    def restore_officer(self, meeting_id: int, row: OfficerRow) -> OfficerRow:
        """Undo of a removal: the officer as it was, under its own id and in its place."""
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting", lock=True)
            officer = Officer(
                id=row.id,
                meeting_id=meeting_id,
                role=row.role,
                position=row.position,
                salutation=row.salutation,
                name=row.name,
                description=row.description,
                state_id=row.state_id,
                state_name=row.state_name,
                kind=row.kind,
            )
            s.add(officer)
            s.flush()
            return _officer_row(officer)


def _officer_row(officer: Officer) -> OfficerRow:
    return OfficerRow(
        officer.id,
        officer.role,
        officer.position,
        officer.salutation,
        officer.name,
        officer.description,
        officer.state_id,
        officer.state_name,
        officer.kind,
    )
