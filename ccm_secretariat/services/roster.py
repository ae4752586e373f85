"""The whole meeting at once, already in protocol order: what the list of participants, the workbook and the
report are made from. One query per table, plain rows, quick for 100,000 participants."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import sqlalchemy as sa

from ccm_secretariat.domain.enums import Attendance, Gender, Role
from ccm_secretariat.domain.names import fold
from ccm_secretariat.orm import CheckIn, Participant
from ccm_secretariat.services.base import Service
from ccm_secretariat.services.meetings import MeetingRow, MeetingService
from ccm_secretariat.services.registration import DelegationRow, ParticipantRow, RegistrationService
from ccm_secretariat.storage.paused_gc import paused_gc

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from sqlalchemy.orm import Session

    from ccm_secretariat.storage.database import Database


@dataclass(frozen=True)
class CategoryStatistics:
    delegations: int = 0
    participants: int = 0
    by_gender: dict[Gender, int] = field(default_factory=dict)
    # part number -> attendance -> count
    attendance: dict[int, dict[Attendance, int]] = field(default_factory=dict)


@functools.lru_cache(maxsize=65536)
def cached_fold(text: str) -> str:
    return fold(text)


class DirectoryRow(NamedTuple):
    """A participant as the registration desk lists and searches them (light, for 100,000 rows)."""

    id: int
    delegation_id: int
    delegation: str
    salutation: str
    given_names: str
    family_name: str
    function: str
    affiliation: str
    role: Role
    email: str
    position: int
    search_key: str  # folded "given family", kept in the database

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.salutation, self.given_names, self.family_name) if p)

    def folded_text(self) -> str:
        """Everything search looks at, folded (names folded when stored; the rest repeats, so it is cached)."""
        return " ".join(
            (
                self.search_key,
                cached_fold(self.function),
                cached_fold(self.affiliation),
                cached_fold(self.delegation),
                self.email.lower(),
            )
        )


class NameRow(NamedTuple):
    """A participant as a badge shows them (light: 100,000 of them fit in a few tens of megabytes)."""

    id: int
    salutation: str
    given_names: str
    family_name: str


@dataclass(frozen=True)
class NameRoster:
    """The meeting's delegations in the order of the list, each with its members' names in protocol order."""

    meeting: MeetingRow
    delegations: list[DelegationRow]
    members: dict[int, list[NameRow]]


@dataclass(frozen=True)
class Roster:
    meeting: MeetingRow
    delegations: list[DelegationRow]
    members: dict[int, list[ParticipantRow]]
    check_ins: dict[dt.date, dict[str, int]] = field(default_factory=dict)  # at the door, day by day

    @property
    def participant_count(self) -> int:
        return sum(len(v) for v in self.members.values())

    def by_category(self) -> list[tuple[str, list[DelegationRow]]]:
        """Categories (keys of the meeting's convention) in the order of the list, leaving out the empty ones."""
        groups: dict[str, list[DelegationRow]] = {}
        for d in self.delegations:
            groups.setdefault(d.category, []).append(d)
        return [(c, groups[c]) for c in self.meeting.profile.keys if c in groups]

    def statistics(self) -> dict[str, CategoryStatistics]:
        result = {}
        for category, delegations in self.by_category():
            genders: Counter[Gender] = Counter()
            attendance: dict[int, Counter[Attendance]] = {p.number: Counter() for p in self.meeting.parts}
            people = 0
            for d in delegations:
                for p in self.members.get(d.id, ()):
                    people += 1
                    genders[p.gender] += 1
                    for number, mode in p.attendance:
                        attendance.setdefault(number, Counter())[mode] += 1
            took_part = sum(1 for d in delegations if d.took_part)  # registered is not the same as present
            result[category] = CategoryStatistics(
                took_part, people, dict(genders), {k: dict(v) for k, v in attendance.items()}
            )
        return result


class RosterService(Service):
    def __init__(self, db: Database, meetings: MeetingService, registration: RegistrationService):
        super().__init__(db)
        self._meetings = meetings
        self._registration = registration

    def roster(self, meeting_id: int) -> Roster:
        meeting = self._meetings.get(meeting_id)
        delegations = self._registration.delegations(meeting_id)
        with self._read() as s, paused_gc():  # 100,000 rows of plain values, no cycles among them
            attendance = _attendance(s, meeting_id)
            check_ins = _check_ins(s, meeting_id, {d.id: d.category for d in delegations})
            rows = s.execute(
                sa.text(
                    "SELECT p.id, p.delegation_id, p.position, p.salutation, p.given_names, p.family_name, p.function, "
                    "p.affiliation, p.role, p.email, p.phone, p.gender, p.consent_to_publish, p.registration_date "
                    "FROM participant p "
                    "JOIN delegation d ON d.id = p.delegation_id WHERE d.meeting_id = :meeting"
                ),
                {"meeting": meeting_id},
            ).all()
            dialect = s.get_bind().dialect
            to_date = sa.Date().dialect_impl(dialect).result_processor(dialect, None)  # text on SQLite
            members = _members(rows, [d.id for d in delegations], attendance, to_date)
        return Roster(meeting, delegations, members, check_ins)

    def names(self, meeting_id: int) -> NameRoster:
        """Only the names, in the roster's order: what badges need, without every contact detail."""
        meeting = self._meetings.get(meeting_id)
        delegations = self._registration.delegations(meeting_id)
        members: dict[int, list[NameRow]] = {d.id: [] for d in delegations}
        ranks = {r.value: r.rank for r in Role}
        with self._read() as s:
            rows = s.execute(
                sa.text(
                    "SELECT p.id, p.delegation_id, p.salutation, p.given_names, p.family_name, p.role, p.position "
                    "FROM participant p JOIN delegation d ON d.id = p.delegation_id WHERE d.meeting_id = :meeting "
                    "ORDER BY p.delegation_id, p.position, p.id"
                ),
                {"meeting": meeting_id},
            ).all()
        order: dict[int, tuple[int, int]] = {}
        for pid, delegation_id, salutation, given_names, family_name, role, position in rows:
            members[delegation_id].append(NameRow(pid, salutation, given_names, family_name))
            order[pid] = (ranks[role], position)
        del rows
        for people in members.values():
            people.sort(key=lambda p: (*order[p.id], p.id))
        return NameRoster(meeting, delegations, members)

    def directory(self, meeting_id: int, delegation_id: int | None = None) -> list[DirectoryRow]:
        """Every participant of the meeting (or of one delegation) with the delegation's name, in protocol
        order per delegation."""
        roles = {r.value: r for r in Role}
        sql = sa.text(
            "SELECT p.id, p.delegation_id, d.name, p.salutation, p.given_names, p.family_name, p.function, "
            "p.affiliation, p.role, p.email, p.position, p.search_key FROM participant p JOIN delegation d "
            "ON d.id = p.delegation_id WHERE d.meeting_id = :meeting"
            + (" AND d.id = :delegation" if delegation_id is not None else "")
        )
        with self._read() as s:
            raw = s.execute(sql, {"meeting": meeting_id, "delegation": delegation_id}).all()
        rows = [
            DirectoryRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], roles[r[8]], r[9], r[10], r[11]) for r in raw
        ]
        rows.sort(key=lambda r: (r.delegation_id, r.role.rank, r.position, r.id))
        return rows


def _attendance(s: Session, meeting_id: int) -> dict[int, tuple[tuple[int, Attendance], ...]]:
    """Each participant's attendance by part, in the order of the parts."""
    modes = {m.value: m for m in Attendance}
    attendance: dict[int, list[tuple[int, Attendance]]] = {}
    for pid, number, mode in s.execute(
        sa.text(
            "SELECT a.participant_id, mp.number, a.mode FROM attendance a JOIN meeting_part mp "
            "ON mp.id = a.part_id WHERE mp.meeting_id = :meeting ORDER BY a.participant_id, mp.number"
        ),
        {"meeting": meeting_id},
    ).all():
        attendance.setdefault(pid, []).append((number, modes[mode]))
    return {pid: tuple(parts) for pid, parts in attendance.items()}


def _check_ins(s: Session, meeting_id: int, categories: dict[int, str]) -> dict[dt.date, dict[str, int]]:
    """Participants checked in at the door, day by day and category by category."""
    check_ins: dict[dt.date, dict[str, int]] = {}
    for day, delegation_id, n in s.execute(
        sa.select(CheckIn.day, Participant.delegation_id, sa.func.count())
        .select_from(CheckIn)
        .join(Participant, Participant.id == CheckIn.participant_id)
        .where(Participant.meeting_id == meeting_id)
        .group_by(CheckIn.day, Participant.delegation_id)
        .order_by(CheckIn.day)
    ):
        by_category = check_ins.setdefault(day, {})
        by_category[categories[delegation_id]] = by_category.get(categories[delegation_id], 0) + n
    return check_ins


def _members(
    rows: Sequence[Sequence[Any]],
    delegation_ids: list[int],
    attendance: dict[int, tuple[tuple[int, Attendance], ...]],
    to_date: Callable[[Any], Any] | None,
) -> dict[int, list[ParticipantRow]]:
    """The participants read, as rows, under their delegations in protocol order. Made as plain tuples (a
    NamedTuple's own constructor costs a call a row); the registration dates made dates by the database's own
    conversion (`to_date`, None when it gives dates), once per distinct day."""
    roles = {r.value: r for r in Role}
    genders = {g.value: g for g in Gender}
    days: dict[Any, dt.date | None] = {None: None}
    members: dict[int, list[ParticipantRow]] = {i: [] for i in delegation_ids}
    keys: dict[int, tuple[int, int, int]] = {}
    make, no_parts = tuple.__new__, ()
    for pid, did, position, sal, given, family, function, affiliation, role, email, phone, gender, consent, day in rows:
        when = days.get(day, days)
        if when is days:
            when = days[day] = day if to_date is None else to_date(day)
        kind = roles[role]
        person = make(
            ParticipantRow,
            (
                pid, did, position, sal, given, family, function, affiliation, kind, email, phone,
                genders[gender], bool(consent), attendance.get(pid, no_parts), 0, "", None, when,
            ),
        )  # fmt: skip
        members[did].append(person)
        keys[pid] = (kind.rank, position, pid)
    for people in members.values():
        people.sort(key=lambda p: keys[p.id])
    return members
