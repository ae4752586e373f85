"""The meeting at a glance: participation by category (beside the previous meeting's), credentials, gender
balance, registrations over time, and today at the door. Each figure carries exactly the delegations or the
participants it counts, so that a click on it can show them. Read in a handful of aggregate queries, so that
it stays quick at 100,000 participants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ccm_secretariat.domain.enums import CredentialsKind, Gender
from ccm_secretariat.orm import BadgePrint, CheckIn, Meeting, MeetingPart, Participant, Treaty
from ccm_secretariat.reference.treaties import meeting_profile
from ccm_secretariat.services.base import Service, get_or_fail

if TYPE_CHECKING:
    from ccm_secretariat.services.registration import DelegationRow, RegistrationService
    from ccm_secretariat.storage.database import Database

CREDENTIALS = (("original", "Original"), ("copy", "Copy or note verbale"), ("none", "Not received"))
GENDERS = ((Gender.FEMALE, "Women"), (Gender.MALE, "Men"), (Gender.OTHER, "Other"), (Gender.UNSPECIFIED, "Not stated"))


@dataclass(frozen=True)
class Figure:
    """One number on the overview, with what it counts: the delegations or the participants."""

    key: str  # "credentials/state_party/none"
    label: str  # "States Parties: not received"
    count: int
    delegation_ids: frozenset[int] = frozenset()
    participant_ids: frozenset[int] = frozenset()

    @property
    def counts_people(self) -> bool:
        """True when the figure counts participants (else delegations)."""
        return self.key.split("/")[0] in ("participants", "gender", "today", "badges")


@dataclass(frozen=True)
class Bar:
    """One category's bar: its segments in order (credentials by kind, participants by gender...)."""

    category: str  # a key of the meeting's convention
    segments: tuple[Figure, ...]

    @property
    def total(self) -> int:
        return sum(f.count for f in self.segments)


@dataclass(frozen=True)
class Overview:
    meeting_id: int
    first_day: dt.date | None
    today: dt.date
    categories: tuple[str, ...]  # those with a delegation (and the parties'), in the documents' order
    delegations: tuple[Figure, ...]  # per category
    participants: tuple[Figure, ...]  # per category
    previous_title: str = ""  # the previous meeting of the same treaty, when the database holds one
    previous: dict[str, tuple[int, int]] = field(default_factory=dict)  # category -> (delegations, people)
    credentials: tuple[Bar, ...] = ()
    missing_credentials: Figure | None = None  # States Parties with none received
    gender: tuple[Bar, ...] = ()
    registrations: tuple[tuple[dt.date, int], ...] = ()  # cumulative participants by registration date
    undated: int = 0  # participants registered with no date
    present_today: tuple[Figure, ...] = ()  # per category
    badges_printed: Figure | None = None
    badges_not_printed: Figure | None = None
    short_names: dict[str, str] = field(default_factory=dict)  # beside a bar, in the meeting's convention
    party_category: str = ""  # the category of the States Parties (status `party`), whose credentials count

    def figure(self, key: str) -> Figure:
        """The figure called `key` (what a click on the page names)."""
        for f in self.all_figures():
            if f.key == key:
                return f
        raise KeyError(key)

    def all_figures(self) -> list[Figure]:
        found = [*self.delegations, *self.participants, *self.present_today]
        for bar in (*self.credentials, *self.gender):
            found += bar.segments
        found += [f for f in (self.missing_credentials, self.badges_printed, self.badges_not_printed) if f]
        return found


def _credentials_kind(d: DelegationRow) -> str:
    if not d.credentials_received:
        return "none"
    return "original" if d.credentials_kind in (CredentialsKind.ORIGINAL, None) else "copy"


class OverviewService(Service):
    def __init__(self, db: Database, registration: RegistrationService) -> None:
        super().__init__(db)
        self._registration = registration

    def overview(self, meeting_id: int, today: dt.date | None = None) -> Overview:
        today = today or dt.date.today()
        delegations = self._registration.delegations(meeting_id)
        category_of = {d.id: d.category for d in delegations}
        with self._read() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            convention = meeting_profile(get_or_fail(s, Treaty, meeting.treaty_id, "Treaty").short_name)
            first_day = s.scalar(
                sa.select(sa.func.min(MeetingPart.start_date)).where(MeetingPart.meeting_id == meeting_id)
            )
            # Core rows with the gender as stored: no ORM objects, no enum conversion, 100,000 rows in a blink.
            people = (
                s.connection()
                .execute(
                    sa.select(
                        Participant.id, Participant.delegation_id, sa.type_coerce(Participant.gender, sa.String)
                    ).where(Participant.meeting_id == meeting_id)
                )
                .all()
            )
            by_day = s.execute(
                sa.select(Participant.registration_date, sa.func.count())
                .where(Participant.meeting_id == meeting_id)
                .group_by(Participant.registration_date)
            ).all()
            printed = set(
                s.scalars(
                    sa.select(BadgePrint.participant_id)
                    .join(Participant, Participant.id == BadgePrint.participant_id)
                    .where(Participant.meeting_id == meeting_id)
                    .distinct()
                )
            )
            present = set(
                s.scalars(
                    sa.select(CheckIn.participant_id)
                    .join(Participant, Participant.id == CheckIn.participant_id)
                    .where(Participant.meeting_id == meeting_id, CheckIn.day == today)
                )
            )
            previous = s.execute(
                sa.select(Meeting.id, Meeting.title)
                .join(MeetingPart, MeetingPart.meeting_id == Meeting.id)
                .where(Meeting.treaty_id == meeting.treaty_id, Meeting.id != meeting_id)
                .group_by(Meeting.id, Meeting.title)
                .having(sa.func.min(MeetingPart.start_date) < (first_day or dt.date.max))
                .order_by(sa.func.min(MeetingPart.start_date).desc())
                .limit(1)
            ).first()

        parties = convention.for_status("party").key
        shown = sorted({d.category for d in delegations} | {parties}, key=convention.rank)
        by_category: dict[str, list[DelegationRow]] = {c: [] for c in shown}
        for d in delegations:
            by_category[d.category].append(d)
        people_of: dict[str, list[int]] = {c: [] for c in shown}
        gender_of: dict[str, dict[Gender, set[int]]] = {c: {g: set() for g, _ in GENDERS} for c in shown}
        genders = {g.value: g for g in Gender}
        for pid, did, gender in people:
            category = category_of.get(did)
            if category is None:
                continue
            people_of[category].append(pid)
            gender_of[category][genders.get(gender, Gender.UNSPECIFIED)].add(pid)
        dates = {day: n for day, n in by_day if day is not None}
        undated = sum(n for day, n in by_day if day is None)

        def named(c: str) -> str:
            return convention.category(c).view

        credentials = []
        for c in shown:
            kinds: dict[str, set[int]] = {k: set() for k, _ in CREDENTIALS}
            for d in by_category[c]:
                kinds[_credentials_kind(d)].add(d.id)
            credentials.append(
                Bar(
                    c,
                    tuple(
                        Figure(
                            f"credentials/{c}/{k}",
                            f"{named(c)}: {label.lower()}",
                            len(kinds[k]),
                            frozenset(kinds[k]),
                        )
                        for k, label in CREDENTIALS
                    ),
                )
            )
        missing = frozenset(d.id for d in by_category[parties] if not d.credentials_received)
        running, cumulative = 0, []
        for day in sorted(dates):
            running += dates[day]
            cumulative.append((day, running))
        everyone = {pid for pid, *_ in people}
        previous_counts: dict[str, tuple[int, int]] = {}
        if previous is not None:
            for d in self._registration.delegations(previous.id):
                n, p = previous_counts.get(d.category, (0, 0))
                previous_counts[d.category] = (n + 1, p + d.participant_count)
        return Overview(
            meeting_id=meeting_id,
            first_day=first_day,
            today=today,
            categories=tuple(shown),
            delegations=tuple(
                Figure(
                    f"delegations/{c}",
                    f"{named(c)}: delegations",
                    len(by_category[c]),
                    frozenset(d.id for d in by_category[c]),
                )
                for c in shown
            ),
            participants=tuple(
                Figure(
                    f"participants/{c}",
                    f"{named(c)}: participants",
                    len(people_of[c]),
                    participant_ids=frozenset(people_of[c]),
                )
                for c in shown
            ),
            previous_title=previous.title if previous is not None else "",
            previous=previous_counts,
            credentials=tuple(credentials),
            missing_credentials=Figure(
                "credentials/missing", "States Parties without credentials", len(missing), delegation_ids=missing
            ),
            gender=tuple(
                Bar(
                    c,
                    tuple(
                        Figure(
                            f"gender/{c}/{g.value}",
                            f"{named(c)}: {label.lower()}",
                            len(gender_of[c][g]),
                            participant_ids=frozenset(gender_of[c][g]),
                        )
                        for g, label in GENDERS
                    ),
                )
                for c in shown
            ),
            registrations=tuple(cumulative),
            undated=undated,
            present_today=tuple(
                Figure(
                    f"today/{c}",
                    f"{named(c)}: present today",
                    len(ids := frozenset(p for p in people_of[c] if p in present)),
                    participant_ids=ids,
                )
                for c in shown
            ),
            badges_printed=Figure(
                "badges/printed",
                "Badges printed",
                len(everyone & printed),
                participant_ids=frozenset(everyone & printed),
            ),
            badges_not_printed=Figure(
                "badges/not-printed",
                "Badges not printed yet",
                len(everyone - printed),
                participant_ids=frozenset(everyone - printed),
            ),
            short_names={c: convention.category(c).short for c in shown},
            party_category=parties,
        )
