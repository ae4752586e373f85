"""Check-in at the door: a scanned badge code (or a participant chosen by name) marks the participant present
for the day, and in person at that day's part of the meeting. Each check-in is one short transaction."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ccm_secretariat.domain.badge_code import read_code
from ccm_secretariat.domain.enums import Attendance
from ccm_secretariat.domain.prose import EN_DASH, un_date, un_date_range
from ccm_secretariat.orm import AttendanceRecord, BadgePrint, CheckIn, Delegation, Meeting, MeetingPart, Participant
from ccm_secretariat.services.badges import badge_secret
from ccm_secretariat.services.base import Service, get_or_fail

if TYPE_CHECKING:
    from ccm_secretariat.services.registration import RegistrationService
    from ccm_secretariat.storage.database import Database


class Outcome(str, Enum):
    CHECKED_IN = "checked in"
    ALREADY = "already checked in today"
    UNKNOWN = "unknown code"
    REPLACED = "badge replaced by a reprint"
    OTHER_MEETING = "badge of another meeting"
    NOT_A_MEETING_DAY = "not a day of the meeting"


@dataclass(frozen=True)
class CheckInResult:
    outcome: Outcome
    message: str  # what the page shows, large
    participant_id: int | None = None
    name: str = ""
    delegation: str = ""
    delegation_id: int | None = None
    check_in_id: int | None = None
    attendance_added: bool = False  # the check-in recorded the day's part as attended (undo takes it back)

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.CHECKED_IN


class CheckInService(Service):
    def __init__(self, db: Database, registration: RegistrationService) -> None:
        super().__init__(db)
        self._registration = registration
        self._secret: bytes | None = None

    def scan(self, meeting_id: int, code: str, day: dt.date | None = None) -> CheckInResult:
        """A code as the scanner typed it (see domain/badge_code.py): only a badge this database printed, and
        not replaced by a reprint since, checks in."""
        if self._secret is None:
            with self._read() as s:
                self._secret = badge_secret(s)
        read = read_code(self._secret, code)
        if read is None:
            shown = code.strip()[:40].encode("ascii", "backslashreplace").decode()
            return CheckInResult(Outcome.UNKNOWN, f"“{shown}” is not a badge code: scan again, or type the name.")
        return self.check_in(meeting_id, read[0], day, badge=read[1])

    def check_in(
        self, meeting_id: int, participant_id: int, day: dt.date | None = None, badge: int | None = None
    ) -> CheckInResult:
        """Check a participant in: by a badge of generation `badge` (scanned), or chosen by name (None)."""
        today = dt.date.today()
        day = day or today
        with self._write() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            found = s.execute(
                sa.select(Participant, Delegation.name, Meeting.short_title)
                .join(Delegation, Delegation.id == Participant.delegation_id)
                .join(Meeting, Meeting.id == Participant.meeting_id)
                .where(Participant.id == participant_id)
            ).first()
            if found is None:
                return CheckInResult(
                    Outcome.UNKNOWN,
                    "No participant has this badge's code; it may belong to someone removed from the list.",
                )
            p, delegation, other_title = found
            refused = self._badge_refused(s, p, badge)
            if refused is not None:
                return refused
            name = " ".join(x for x in (p.salutation, p.given_names, p.family_name) if x)
            who: dict[str, Any] = dict(
                participant_id=p.id, name=name, delegation=delegation, delegation_id=p.delegation_id
            )
            if p.meeting_id != meeting_id:
                return CheckInResult(
                    Outcome.OTHER_MEETING, f"{name}'s badge is for {other_title}, not for {meeting.short_title}.", **who
                )
            part = s.scalar(
                sa.select(MeetingPart).where(
                    MeetingPart.meeting_id == meeting_id, MeetingPart.start_date <= day, MeetingPart.end_date >= day
                )
            )
            if part is None:
                parts = s.execute(
                    sa.select(MeetingPart.start_date, MeetingPart.end_date)
                    .where(MeetingPart.meeting_id == meeting_id)
                    .order_by(MeetingPart.start_date)
                ).all()
                held = "; ".join(un_date_range(a, b, EN_DASH) for a, b in parts)
                return CheckInResult(
                    Outcome.NOT_A_MEETING_DAY,
                    f"{un_date(day)} is not a day of the meeting ({meeting.short_title})"
                    + (f", held {held}: choose one of its days." if held else "."),
                    **who,
                )
            earlier = s.scalar(sa.select(CheckIn.at).where(CheckIn.participant_id == p.id, CheckIn.day == day))
            if earlier is not None:
                when = f"today, {un_date(day)}, at {earlier:%H:%M}" if day == today else f"for {un_date(day)}"
                if day != today:  # a day other than today: when it was recorded, not a time of that day
                    when += f" (recorded on {un_date(earlier.date())} at {earlier:%H:%M})"
                return CheckInResult(Outcome.ALREADY, f"{name} was checked in {when}.", **who)
            record = CheckIn(participant_id=p.id, day=day, at=dt.datetime.now().replace(microsecond=0))
            s.add(record)
            added = (
                s.scalar(
                    sa.select(AttendanceRecord.id).where(
                        AttendanceRecord.participant_id == p.id, AttendanceRecord.part_id == part.id
                    )
                )
                is None
            )
            if added:
                s.add(AttendanceRecord(participant_id=p.id, part_id=part.id, mode=Attendance.IN_PERSON))
            s.flush()
            return CheckInResult(
                Outcome.CHECKED_IN, f"{name} — {delegation}", check_in_id=record.id, attendance_added=added, **who
            )

    @staticmethod
    def _badge_refused(s: Any, p: Participant, badge: int | None) -> CheckInResult | None:
        """Why a scanned badge does not check `p` in (never printed, or replaced by a reprint), or None."""
        if badge is None:
            return None
        printed = s.scalar(sa.select(sa.func.max(BadgePrint.generation)).where(BadgePrint.participant_id == p.id))
        if printed is None or badge > printed:
            return CheckInResult(
                Outcome.UNKNOWN, "This code is not on any badge the desk printed: check the person's identity."
            )
        if badge < printed:
            return CheckInResult(
                Outcome.REPLACED,
                "This badge was replaced by a reprint and no longer checks in: ask for the new badge.",
                participant_id=p.id,
            )
        return None

    def undo(self, result: CheckInResult) -> None:
        """Take back a check-in (a wrong badge, a slip of the hand), with the attendance it recorded."""
        if not result.ok:
            return
        with self._write() as s:
            record = s.get(CheckIn, result.check_in_id)
            if record is None:
                return
            day = record.day
            meeting_id = s.scalar(sa.select(Participant.meeting_id).where(Participant.id == result.participant_id))
            s.delete(record)
            if result.attendance_added:
                s.execute(
                    sa.delete(AttendanceRecord).where(
                        AttendanceRecord.participant_id == result.participant_id,
                        AttendanceRecord.part_id.in_(
                            sa.select(MeetingPart.id).where(
                                MeetingPart.meeting_id == meeting_id,
                                MeetingPart.start_date <= day,
                                MeetingPart.end_date >= day,
                            )
                        ),
                    )
                )

    def counts(self, meeting_id: int, day: dt.date) -> dict[str, int]:
        """How many were checked in on `day`, by category (the roster has every day: Roster.check_ins)."""
        categories = {d.id: d.category for d in self._registration.delegations(meeting_id)}
        result: Counter[str] = Counter()
        for delegation_id, n in self.day_counts(meeting_id, day).items():
            result[categories[delegation_id]] += n
        return dict(result)

    def day_counts(self, meeting_id: int, day: dt.date) -> dict[int, int]:
        """How many were checked in on `day`, by delegation (the page maps them to categories it knows, which
        keeps a scan's answer quick at 100,000 participants)."""
        with self._read() as s:
            return dict(
                s.execute(
                    sa.select(Participant.delegation_id, sa.func.count())
                    .select_from(CheckIn)
                    .join(Participant, Participant.id == CheckIn.participant_id)
                    .where(CheckIn.day == day, Participant.meeting_id == meeting_id)
                    .group_by(Participant.delegation_id)
                ).all()
            )
