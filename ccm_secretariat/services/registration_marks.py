"""What the desk records of delegations and members besides who they are: credentials, presence at a part,
and each person's attendance. Each change is all or none, and the ones an undo makes are checked against the
versions this desk last saw (another desk's later change is refused: ConflictError)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ccm_secretariat.domain.enums import Attendance, CredentialsKind
from ccm_secretariat.errors import NotFoundError, ValidationError
from ccm_secretariat.orm import AttendanceRecord, Delegation, DelegationPresence, MeetingPart, Participant
from ccm_secretariat.services.base import Service, check_version, get_or_fail
from ccm_secretariat.services.registration_rows import CredentialsState, all_delegations


class RegistrationMarks(Service):
    def set_credentials(
        self,
        delegation_ids: Iterable[int],
        received: bool,
        kind: CredentialsKind | None = None,
        date: dt.date | None = None,
        expected_versions: dict[int, int] | None = None,
    ) -> int:
        """Record credentials for many delegations at once; returns how many were changed. With
        `expected_versions` (delegation -> version as the screen read it), all or none: one changed meanwhile
        at another desk refuses the lot."""
        return len(self.change_credentials(delegation_ids, received, kind, date, expected_versions)[0])

    def change_credentials(
        self,
        delegation_ids: Iterable[int],
        received: bool,
        kind: CredentialsKind | None = None,
        date: dt.date | None = None,
        expected_versions: dict[int, int] | None = None,
    ) -> tuple[list[CredentialsState], dict[int, int]]:
        """set_credentials, returning what each delegation had before (for `restore_credentials`) and each one's
        new version."""
        if received and kind is None:
            raise ValidationError("say what was received: original, copy or note verbale.", "credentials_kind")
        kind = CredentialsKind(kind) if kind is not None else None
        states = [
            CredentialsState(i, received, kind if received else None, (date or dt.date.today()) if received else None)
            for i in delegation_ids
        ]
        return self._put_credentials(states, expected_versions)

    def restore_credentials(self, previous: Iterable[CredentialsState], versions: dict[int, int]) -> dict[int, int]:
        """Undo of a change of credentials: each delegation's as they were, all or none, each checked against the
        version this desk last saw (another desk's later change is refused: ConflictError). Returns the new
        versions."""
        return self._put_credentials(list(previous), versions)[1]

    def _put_credentials(
        self, states: list[CredentialsState], expected_versions: dict[int, int] | None
    ) -> tuple[list[CredentialsState], dict[int, int]]:
        with self._write() as s:
            found = all_delegations(s, [c.delegation_id for c in states])
            for d in found:
                check_version(d, (expected_versions or {}).get(d.id), d.name)
            by_id = {d.id: d for d in found}
            before = [
                CredentialsState(d.id, d.credentials_received, d.credentials_kind, d.credentials_date) for d in found
            ]
            for c in states:
                d = by_id[c.delegation_id]
                d.credentials_received, d.credentials_kind, d.credentials_date = c.received, c.kind, c.date
            s.flush()
            return before, {d.id: d.version for d in found}

    def _write_attendance(
        self, s: Session, participant: Participant, meeting_id: int, attendance: dict[int, Attendance]
    ) -> None:
        parts = dict(
            s.execute(sa.select(MeetingPart.number, MeetingPart.id).where(MeetingPart.meeting_id == meeting_id)).all()
        )
        for number, mode in attendance.items():
            if number not in parts:
                raise ValidationError(f"the meeting has no part {number}.", "attendance")
            record = s.scalar(
                sa.select(AttendanceRecord).where(
                    AttendanceRecord.participant_id == participant.id, AttendanceRecord.part_id == parts[number]
                )
            )
            if record is None:
                s.add(AttendanceRecord(participant_id=participant.id, part_id=parts[number], mode=Attendance(mode)))
            else:
                record.mode = Attendance(mode)

    def set_presence(
        self,
        delegation_ids: Iterable[int],
        part_number: int,
        present: bool,
        expected_versions: dict[int, int] | None = None,
    ) -> int:
        """Mark delegations present (or not) at a part of the meeting, named members or not. Presence is part of
        the delegation's record: it counts the version up, and with `expected_versions` (delegation -> version as
        the screen read it) one changed meanwhile at another desk refuses the lot (ConflictError)."""
        return len(self.change_presence(delegation_ids, part_number, present, expected_versions)[0])

    def change_presence(
        self,
        delegation_ids: Iterable[int],
        part_number: int,
        present: bool,
        expected_versions: dict[int, int] | None = None,
    ) -> tuple[dict[int, bool], dict[int, int]]:
        """set_presence, returning whether each delegation was present before (for `restore_presence`) and each
        one's new version."""
        return self._put_presence(dict.fromkeys(delegation_ids, present), part_number, expected_versions)

    def restore_presence(self, presence: dict[int, bool], part_number: int, versions: dict[int, int]) -> dict[int, int]:
        """Undo of a change of presence: each delegation present at the part or not, as it was, all or none, each
        checked against the version this desk last saw (another desk's later change is refused: ConflictError).
        Returns the new versions."""
        return self._put_presence(presence, part_number, versions)[1]

    def _put_presence(
        self, presence: dict[int, bool], part_number: int, expected_versions: dict[int, int] | None
    ) -> tuple[dict[int, bool], dict[int, int]]:
        with self._write() as s:
            found = all_delegations(s, presence)
            for d in found:
                check_version(d, (expected_versions or {}).get(d.id), d.name)
            before: dict[int, bool] = {}
            for d in found:
                part = s.scalar(
                    sa.select(MeetingPart.id).where(
                        MeetingPart.meeting_id == d.meeting_id, MeetingPart.number == part_number
                    )
                )
                if part is None:
                    raise ValidationError(f"the meeting has no part {part_number}.", "part")
                mark = (DelegationPresence.delegation_id == d.id) & (DelegationPresence.part_id == part)
                before[d.id] = s.scalar(sa.select(DelegationPresence.part_id).where(mark)) is not None
                s.execute(sa.delete(DelegationPresence).where(mark))
                if presence[d.id]:
                    s.add(DelegationPresence(delegation_id=d.id, part_id=part))
                _count_a_change(d)
            s.flush()
            return before, {d.id: d.version for d in found}

    def set_attendance(
        self,
        participant_ids: Iterable[int],
        part_number: int,
        mode: Attendance | None,
        expected_versions: dict[int, int] | None = None,
    ) -> dict[int, int]:
        """Set attendance at one part for many participants at once (None: no record, as before any was made);
        returns each participant's new version. Attendance is part of the person's record: it counts the version
        up, and with `expected_versions` (participant -> version as the screen read it) one changed meanwhile at
        another desk refuses the lot (ConflictError), as every undo must."""
        return self.restore_attendance(
            {pid: mode for pid in participant_ids}, part_number, expected_versions=expected_versions
        )

    def restore_attendance(
        self,
        modes: dict[int, Attendance | None],
        part_number: int,
        expected_versions: dict[int, int] | None = None,
    ) -> dict[int, int]:
        """Each participant's attendance at one part as given (None: no record); all or none. See
        set_attendance; the attendance undo puts back what each one had."""
        with self._write() as s:
            people = list(s.scalars(sa.select(Participant).where(Participant.id.in_(list(modes)))))
            if len(people) != len(modes):
                raise NotFoundError("Some of the participants no longer exist; nothing was changed.")
            for person in people:
                check_version(person, (expected_versions or {}).get(person.id), person.family_name)
            for person in people:
                delegation = get_or_fail(s, Delegation, person.delegation_id, "Delegation")
                mode = modes[person.id]
                if mode is None:
                    part = s.scalar(
                        sa.select(MeetingPart.id).where(
                            MeetingPart.meeting_id == delegation.meeting_id, MeetingPart.number == part_number
                        )
                    )
                    s.execute(
                        sa.delete(AttendanceRecord).where(
                            AttendanceRecord.participant_id == person.id, AttendanceRecord.part_id == part
                        )
                    )
                else:
                    self._write_attendance(s, person, delegation.meeting_id, {part_number: Attendance(mode)})
                _count_a_change(person)
            s.flush()
            return {p.id: p.version for p in people}


def _count_a_change(record: Delegation | Participant) -> None:
    """A change kept in another table (presence, attendance) is a change to the record: its version counts up."""
    record.changed_at = dt.datetime.now().replace(microsecond=0)
    flag_modified(record, "changed_at")  # even within the second of the last change (same value)
