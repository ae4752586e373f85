"""The whole meeting at once, already in protocol order: what the list of participants, the workbook and the
report are made from. One query per table, plain rows, quick for 100,000 participants."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from ccm_secretariat.domain.enums import Attendance, Category, Gender
from ccm_secretariat.orm import AttendanceRecord, Delegation, MeetingPart, Participant
from ccm_secretariat.services.base import Service
from ccm_secretariat.services.meetings import MeetingRow, MeetingService
from ccm_secretariat.services.registration import DelegationRow, ParticipantRow, RegistrationService


@dataclass(frozen=True)
class CategoryStatistics:
    delegations: int = 0
    participants: int = 0
    by_gender: dict[Gender, int] = field(default_factory=dict)
    # part number -> attendance -> count
    attendance: dict[int, dict[Attendance, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Roster:
    meeting: MeetingRow
    delegations: list[DelegationRow]
    members: dict[int, list[ParticipantRow]]

    @property
    def participant_count(self) -> int:
        return sum(len(v) for v in self.members.values())

    def by_category(self) -> list[tuple[Category, list[DelegationRow]]]:
        """Categories in the order of the list, leaving out the empty ones."""
        groups: dict[Category, list[DelegationRow]] = {}
        for d in self.delegations:
            groups.setdefault(d.category, []).append(d)
        return [(c, groups[c]) for c in Category if c in groups]

    def statistics(self) -> dict[Category, CategoryStatistics]:
        result = {}
        for category, delegations in self.by_category():
            genders: Counter = Counter()
            attendance: dict[int, Counter] = {p.number: Counter() for p in self.meeting.parts}
            people = 0
            for d in delegations:
                for p in self.members.get(d.id, ()):
                    people += 1
                    genders[p.gender] += 1
                    for number, mode in p.attendance:
                        attendance.setdefault(number, Counter())[mode] += 1
            result[category] = CategoryStatistics(len(delegations), people, dict(genders),
                                                  {k: dict(v) for k, v in attendance.items()})
        return result


class RosterService(Service):
    def __init__(self, db, meetings: MeetingService, registration: RegistrationService):
        super().__init__(db)
        self._meetings = meetings
        self._registration = registration

    def roster(self, meeting_id: int) -> Roster:
        meeting = self._meetings.get(meeting_id)
        delegations = self._registration.delegations(meeting_id)
        members: dict[int, list[ParticipantRow]] = {d.id: [] for d in delegations}
        with self._read() as s:
            attendance: dict[int, list[tuple[int, Attendance]]] = {}
            query = (sa.select(AttendanceRecord.participant_id, MeetingPart.number, AttendanceRecord.mode)
                     .join(MeetingPart, AttendanceRecord.part_id == MeetingPart.id)
                     .where(MeetingPart.meeting_id == meeting_id))
            for pid, number, mode in s.execute(query):
                attendance.setdefault(pid, []).append((number, mode))
            cols = (Participant.id, Participant.delegation_id, Participant.position, Participant.salutation,
                    Participant.given_names, Participant.family_name, Participant.function,
                    Participant.affiliation, Participant.role, Participant.email, Participant.phone,
                    Participant.gender, Participant.consent_to_publish)
            query = sa.select(*cols).join(Delegation).where(Delegation.meeting_id == meeting_id)
            for row in s.execute(query):
                members[row[1]].append(ParticipantRow(*row, tuple(sorted(attendance.get(row[0], ())))))
        for people in members.values():
            people.sort(key=lambda p: (p.role.rank, p.position, p.id))
        return Roster(meeting, delegations, members)

