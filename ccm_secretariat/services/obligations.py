"""The obligations tracker: what the secretariat records (per State and article, transparency reports,
extension requests) and the deadlines computed from the treaty status and the extensions granted. Each call is
one short session; `tracker` reads everything the page, the command line and the workbook need in one call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm.attributes import flag_modified

from ccm_secretariat.domain.obligations import (
    NO_OBLIGATIONS,
    OBLIGATION_NAMES,
    Obligation,
    Outcome,
    TreatyPeriods,
    add_months,
)
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.orm import (
    ExtensionRequest,
    Meeting,
    ObligationRecord,
    RequestParagraph,
    TransparencyReport,
    Treaty,
)
from ccm_secretariat.reference.treaties import treaty_profile
from ccm_secretariat.services.base import Service, check_version, clean, get_or_fail
from ccm_secretariat.services.reference import _treaty
from ccm_secretariat.services.tracker import Tracker, deadline_extended, read_tracker

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ccm_secretariat.services.reference import ReferenceService
    from ccm_secretariat.storage.database import Database

__all__ = ["ObligationService", "RecordInput", "RequestInput", "Tracker"]

PARAGRAPH_KINDS = ("observation", "points_intro", "point", "closing")


@dataclass(frozen=True)
class RecordInput:
    """The facts a secretariat records for one State and article (3 or 4)."""

    state: str
    obligation: Obligation
    applies: bool | None = None  # holds stockpiles / contaminated areas; None: not known
    hostilities_ended: dt.date | None = None  # Article 4.1 (b)
    completed_on: dt.date | None = None
    compliance_declared_on: dt.date | None = None
    compliance_meeting: str = ""
    notes: str = ""


@dataclass(frozen=True)
class RequestInput:
    """An extension request as submitted and analysed (the outcome is set with `set_outcome`)."""

    state: str
    obligation: Obligation
    until: dt.date
    period_months: int | None = None
    meeting_id: int | None = None
    meeting_name: str = ""
    submitted_on: dt.date | None = None
    condition: str = ""
    observations: tuple[str, ...] = ()  # the analysing group's observations, each a paragraph
    points_intro: str = ""  # "In this regard, the Conference noted that the Convention would benefit from ..."
    points: tuple[str, ...] = ()  # the lettered reporting points (a), (b), ...
    closing: tuple[str, ...] = ()  # paragraphs after the points


def obligations_of(treaty: str) -> TreatyPeriods:
    """The obligations a treaty's convention sets (its profile's `[obligations]`); none without a profile."""
    found = treaty_profile(treaty)
    return found.obligations if found is not None else NO_OBLIGATIONS


def _article(obligation: Obligation, periods: TreatyPeriods, treaty: str) -> Obligation:
    if obligation not in periods.articles:
        given = " or ".join(periods.label(a) for a in periods.articles) or "none"
        raise ValidationError(
            f"the {treaty} sets no {OBLIGATION_NAMES[obligation]} obligation that is recorded or "
            f"extended (it sets {given}).",
            "article",
        )
    return obligation


class ObligationService(Service):
    def __init__(self, db: Database, reference: ReferenceService):
        super().__init__(db)
        self._reference = reference

    def _state_id(self, name: str) -> int:
        return self._reference.find_state(name).id

    def _treaty_id(self, s: Session, treaty: str) -> int:
        return _treaty(s, treaty).id

    @staticmethod
    def _meeting_treaty(s: Session, meeting_id: int | None, treaty: str | None) -> str:
        """The treaty named, else the meeting's; a call naming neither is refused (no convention is assumed)."""
        if treaty is not None:
            return treaty
        if meeting_id is None:
            raise ValidationError("name the convention, or the meeting whose convention it is.", "treaty")
        meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
        return get_or_fail(s, Treaty, meeting.treaty_id, "Treaty").short_name

    # -- the tracker -------------------------------------------------------------------------------------------

    def tracker(
        self,
        today: dt.date,
        meeting_id: int | None = None,
        state: str | None = None,
        year: int | None = None,
        treaty: str | None = None,
    ) -> Tracker:
        """Deadlines by State and obligation, overdue reports, the requests due for the meeting (`meeting_id`, or
        the next one in the database after `today`) and the transparency figures of `year` (default: last year),
        under `treaty` (default: the meeting's) and the obligations its convention sets."""
        only = self._state_id(state) if state else None
        with self._read() as s:
            treaty = self._meeting_treaty(s, meeting_id, treaty)
            return read_tracker(s, self._treaty_id(s, treaty), obligations_of(treaty), today, meeting_id, only, year)

    # -- per State and article ---------------------------------------------------------------------------------

    def set_record(self, data: RecordInput, expected_version: int | None = None, *, treaty: str) -> int:
        """Record (or change) the facts for a State and article under `treaty`; returns the record's id."""
        periods = obligations_of(treaty)
        state_id, obligation = self._state_id(data.state), _article(data.obligation, periods, treaty)
        if data.compliance_declared_on and data.completed_on and data.compliance_declared_on < data.completed_on:
            raise ValidationError("compliance is declared on or after the day the work was completed.", "declared")
        with self._write() as s:
            treaty_id = self._treaty_id(s, treaty)
            record = s.scalar(
                sa.select(ObligationRecord).where(
                    ObligationRecord.treaty_id == treaty_id,
                    ObligationRecord.state_id == state_id,
                    ObligationRecord.obligation == obligation,
                )
            )
            if record is None:
                record = ObligationRecord(treaty_id=treaty_id, state_id=state_id, obligation=obligation)
                s.add(record)
            else:
                check_version(record, expected_version, f"The record of {data.state} under {periods.label(obligation)}")
            record.applies = data.applies
            record.hostilities_ended = data.hostilities_ended
            record.completed_on = data.completed_on
            record.compliance_declared_on = data.compliance_declared_on
            record.compliance_meeting = clean(data.compliance_meeting, "meeting", max_length=300)
            record.notes = clean(data.notes, "notes", max_length=5000, multiline=True)
            s.flush()
            return record.id

    # -- transparency reports ----------------------------------------------------------------------------------

    def add_report(self, state: str, received_on: dt.date, year_covered: int | None = None, *, treaty: str) -> int:
        """A report received under `treaty`: the initial report (no year) or the annual report covering
        `year_covered`."""
        state_id = self._state_id(state)
        what = f"the annual report of {state} covering {year_covered}" if year_covered else f"{state}'s initial report"
        periods = obligations_of(treaty)
        if (periods.annual_report if year_covered else periods.initial_report) is None:
            kind = "annual" if year_covered else "initial"
            raise ValidationError(f"the {treaty} sets no {kind} transparency report to record.", "report")
        with self._write() as s:
            treaty_id = self._treaty_id(s, treaty)
            clash = sa.select(TransparencyReport.id).where(
                TransparencyReport.treaty_id == treaty_id,
                TransparencyReport.state_id == state_id,
                TransparencyReport.initial.is_(year_covered is None),
                TransparencyReport.year_covered.is_(None)
                if year_covered is None
                else TransparencyReport.year_covered == year_covered,
            )
            if s.scalar(clash):
                raise DuplicateError(f"{what} is recorded already.", "report")
            report = TransparencyReport(
                treaty_id=treaty_id,
                state_id=state_id,
                initial=year_covered is None,
                year_covered=year_covered,
                received_on=received_on,
            )
            s.add(report)
            s.flush()
            return report.id

    def remove_report(self, report_id: int, expected_version: int | None = None) -> None:
        with self._write() as s:
            report = get_or_fail(s, TransparencyReport, report_id, "Report")
            check_version(report, expected_version, "The report")
            s.delete(report)

    # -- extension requests ------------------------------------------------------------------------------------

    def add_request(self, data: RequestInput, treaty: str | None = None) -> int:
        """A request under `treaty` (default: the convention of the meeting it is submitted to)."""
        state_id = self._state_id(data.state)
        with self._write() as s:
            treaty = self._meeting_treaty(s, data.meeting_id, treaty)
            request = ExtensionRequest(treaty_id=self._treaty_id(s, treaty), state_id=state_id)
            self._fill(s, request, data, treaty)
            s.add(request)
            s.flush()
            return request.id

    def update_request(self, request_id: int, data: RequestInput, expected_version: int | None = None) -> None:
        """Change a request as submitted and analysed; refused when another desk changed it since."""
        state_id = self._state_id(data.state)
        with self._write() as s:
            request = get_or_fail(s, ExtensionRequest, request_id, "Extension request")
            check_version(request, expected_version, f"The request of {data.state}")
            request.state_id = state_id
            self._fill(s, request, data, get_or_fail(s, Treaty, request.treaty_id, "Treaty").short_name)
            flag_modified(request, "until")  # the paragraphs alone changing still count the request's version up
            s.flush()

    def _fill(self, s: Session, request: ExtensionRequest, data: RequestInput, treaty: str) -> None:
        periods = obligations_of(treaty)
        request.obligation = _article(data.obligation, periods, treaty)
        if data.period_months is not None and data.period_months <= 0:
            raise ValidationError("the period requested is a number of months above 0.", "period")
        longest = periods.longest_extension_months(request.obligation)
        label = periods.label(request.obligation)
        if longest == 0:
            raise ValidationError(f"the {treaty} provides for no extension under {label}.", "article")
        if data.period_months is not None and data.period_months > longest:
            raise ValidationError(
                f"a request under {label} extends the deadline by {longest} months at most.", "period"
            )
        meeting_name = data.meeting_name
        if data.meeting_id is not None:  # its title kept, so that the request still names it if it is removed
            meeting_name = get_or_fail(s, Meeting, data.meeting_id, "Meeting").title
        elif not meeting_name.strip():
            raise ValidationError("name the meeting the request is submitted to.", "meeting")
        request.meeting_id = data.meeting_id
        request.meeting_name = clean(meeting_name, "meeting", max_length=300)
        request.submitted_on = data.submitted_on
        request.period_months = data.period_months
        request.until = data.until
        if data.period_months is None:  # the date alone: it may not run beyond the longest extension either
            self._check_longest(s, request, periods, longest, label)
        request.condition = clean(data.condition, "condition", max_length=2000, multiline=True)
        texts = [
            (kind, text)
            for kind, group in zip(
                PARAGRAPH_KINDS,
                (data.observations, (data.points_intro,) if data.points_intro else (), data.points, data.closing),
            )
            for text in group
        ]
        request.paragraphs.clear()
        s.flush()
        positions: dict[str, int] = {}
        for kind, text in texts:
            positions[kind] = positions.get(kind, 0) + 1
            request.paragraphs.append(
                RequestParagraph(
                    kind=kind,
                    position=positions[kind],
                    text=clean(text, kind, required=True, max_length=5000, multiline=True),
                )
            )

    @staticmethod
    def _check_longest(s: Session, request: ExtensionRequest, periods: TreatyPeriods, longest: int, label: str) -> None:
        extended = deadline_extended(s, request, periods)
        if extended is not None and request.until > add_months(extended, longest):
            raise ValidationError(
                f"a request under {label} extends the deadline by {longest} months at most: from "
                f"{un_date(extended)}, until {un_date(add_months(extended, longest))} at the latest.",
                "until",
            )

    def set_outcome(
        self,
        request_id: int,
        outcome: Outcome,
        on: dt.date | None,
        granted_until: dt.date | None = None,
        expected_version: int | None = None,
    ) -> None:
        """What the meeting did with a request, and when. Granted for a shorter period needs the date granted."""
        if (on is None) != (outcome is Outcome.PENDING):
            raise ValidationError("give the date of the outcome (and none while the request is pending).", "date")
        if (outcome is Outcome.GRANTED_SHORTER) != (granted_until is not None):
            raise ValidationError("a request granted for a shorter period needs the date granted, only then.", "until")
        with self._write() as s:
            request = get_or_fail(s, ExtensionRequest, request_id, "Extension request")
            check_version(request, expected_version, "The request")
            if granted_until is not None and granted_until >= request.until:
                raise ValidationError("a shorter period ends before the date requested.", "until")
            request.outcome, request.outcome_on, request.granted_until = outcome, on, granted_until

    def remove_request(self, request_id: int, expected_version: int | None = None) -> None:
        with self._write() as s:
            request = get_or_fail(s, ExtensionRequest, request_id, "Extension request")
            check_version(request, expected_version, "The request")
            s.delete(request)
