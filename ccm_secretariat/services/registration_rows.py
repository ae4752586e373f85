"""The registration's plain values (a delegation's row, a participant's, credentials as recorded) and the small
reads the registration services share (a delegation locked for an addition, all of some delegations or none,
the meeting's first day, the States' categories on it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.domain.enums import Attendance, CredentialsKind, Gender, Role
from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.domain.status import StatusFacts, status_on
from ccm_secretariat.errors import NotFoundError, ValidationError
from ccm_secretariat.orm import Delegation, Meeting, MeetingPart, Treaty, TreatyStatus
from ccm_secretariat.reference.profiles import ConventionProfile
from ccm_secretariat.reference.treaties import meeting_profile
from ccm_secretariat.services.base import get_or_fail


@dataclass(frozen=True)
class DelegationRow:
    id: int
    meeting_id: int
    name: str
    sort_key: str
    category: str  # a key of the meeting's convention profile
    derived_category: str  # what the treaty status (or the organisation's rule) gives
    override_reason: str
    state_id: int | None
    iso3: str
    organisation_id: int | None
    acronym: str
    credentials_received: bool
    credentials_kind: CredentialsKind | None
    credentials_date: dt.date | None
    participant_count: int
    notes: str = ""
    present_parts: tuple[int, ...] = ()  # parts at which the delegation is marked present
    version: int = 0  # as read; a change made on it is refused once another desk has changed the delegation
    changed_by: str = ""
    changed_at: dt.datetime | None = None

    @property
    def took_part(self) -> bool:
        """Who took part (the report's paragraphs, the statistics): members named, or marked present."""
        return self.participant_count > 0 or bool(self.present_parts)

    @property
    def is_state(self) -> bool:
        return self.state_id is not None

    @property
    def is_overridden(self) -> bool:
        return self.category != self.derived_category

    @property
    def name_with_acronym(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


def locked_delegation(s: Session, delegation_id: int) -> Delegation:
    return get_or_fail(s, Delegation, delegation_id, "Delegation", lock=True)


def changed_meanwhile(current: ParticipantRow) -> str:
    who = current.changed_by or "another desk"
    when = (
        f" on {current.changed_at.day} {current.changed_at:%B %Y} at {current.changed_at:%H:%M}"
        if current.changed_at
        else ""
    )
    return (
        f"{current.display_name} was changed by {who}{when}, after this screen read them. Nothing was "
        "saved; the desk shows them as they are now. Apply your change again if it still holds."
    )


class CredentialsState(NamedTuple):
    """A delegation's credentials as recorded (what an undo puts back)."""

    delegation_id: int
    received: bool
    kind: CredentialsKind | None
    date: dt.date | None


class ParticipantRow(NamedTuple):
    """A participant as stored (a NamedTuple: 100,000 of them are made in well under a second)."""

    id: int
    delegation_id: int
    position: int
    salutation: str
    given_names: str
    family_name: str
    function: str
    affiliation: str
    role: Role
    email: str
    phone: str
    gender: Gender
    consent_to_publish: bool
    attendance: tuple[tuple[int, Attendance], ...] = ()
    version: int = 0  # as read; an edit made on it is refused once someone else has changed the person
    changed_by: str = ""
    changed_at: dt.datetime | None = None
    registration_date: dt.date | None = None  # the workbook's column; the participant dialog edits it

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.family_name) if p)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.salutation, self.given_names, self.family_name) if p)

    def as_input(self) -> ParticipantInput:
        return ParticipantInput(
            self.family_name,
            self.given_names,
            self.salutation,
            self.function,
            self.affiliation,
            self.role,
            self.email,
            self.phone,
            self.gender,
            self.consent_to_publish,
            dict(self.attendance),
            self.registration_date,
        )


def meeting_first_day(session: Session, meeting_id: int) -> dt.date:
    day = session.scalar(sa.select(sa.func.min(MeetingPart.start_date)).where(MeetingPart.meeting_id == meeting_id))
    if day is None:
        raise ValidationError("the meeting has no dates yet: give it a part with its first day.", "parts")
    return day


def meeting_convention(session: Session, meeting: Meeting) -> ConventionProfile:
    """The profile of the meeting's convention: its categories, their order and their roles."""
    return meeting_profile(get_or_fail(session, Treaty, meeting.treaty_id, "Treaty").short_name)


def derived_state_categories(session: Session, meeting: Meeting, state_ids: list[int] | None = None) -> dict[int, str]:
    """Category of every State (or of `state_ids`) with a status under the meeting's treaty, on its first day."""
    day = meeting_first_day(session, meeting.id)
    convention = meeting_convention(session, meeting)
    query = sa.select(TreatyStatus).where(TreatyStatus.treaty_id == meeting.treaty_id)
    if state_ids is not None:
        query = query.where(TreatyStatus.state_id.in_(state_ids))
    rows = session.execute(query).scalars()
    facts = {
        st.state_id: StatusFacts(st.signature_date, st.deposit_date, st.entry_into_force, st.withdrawal_effective)
        for st in rows
    }
    return {sid: convention.for_status(status_on(day, f)).key for sid, f in facts.items()}


def all_delegations(s: Session, delegation_ids: Iterable[int]) -> list[Delegation]:
    """Every one of them, or a refusal: a bulk action applies to the whole selection or to none of it."""
    ids = list(delegation_ids)
    found = list(s.scalars(sa.select(Delegation).where(Delegation.id.in_(ids))))
    if len(found) != len(set(ids)):
        raise NotFoundError("Some of the delegations no longer exist; nothing was changed.")
    return found
