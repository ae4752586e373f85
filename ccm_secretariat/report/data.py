"""What the draft report is made from, read once into a plain value: the chapters only look at it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ccm_secretariat.domain.enums import DocumentType, OfficerRole
from ccm_secretariat.domain.events import MeetingEvent
from ccm_secretariat.domain.symbols import Series
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.report.fields import figure_years
from ccm_secretariat.services.agenda import AgendaItemRow, DecisionRow, PlenaryRow
from ccm_secretariat.services.documents import DocumentRow
from ccm_secretariat.services.meetings import MeetingRow, OfficerRow, PartRow
from ccm_secretariat.services.registration import DelegationRow
from ccm_secretariat.services.tracker import RequestRow

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ccm_secretariat.services import Services


@dataclass(frozen=True)
class ReportOptions:
    symbol: str | None = None  # default: the register's report (an L. document), else prefix/L.1
    title: str | None = None  # default: that document's title, else "Draft report of the ..."
    date: dt.date | None = None  # default: that document's date, else today
    part: int | None = None  # default: the last part with plenary meetings, or the first part


def registered(documents: Sequence[DocumentRow], doc_type: DocumentType) -> DocumentRow | None:
    """The register's first document of that type (the agenda, the programme of work …), if any."""
    return next((d for d in documents if d.doc_type is doc_type), None)


@dataclass(frozen=True)
class ReportData:
    meeting: MeetingRow
    delegations: tuple[DelegationRow, ...]
    items: tuple[AgendaItemRow, ...]
    plenaries: tuple[PlenaryRow, ...]
    documents: tuple[DocumentRow, ...]
    decisions: tuple[DecisionRow, ...]
    part: PartRow  # the part the report covers
    options: ReportOptions = ReportOptions()
    events: tuple[MeetingEvent, ...] = ()  # the meeting's history (the introduction, the work)
    requests: tuple[RequestRow, ...] = ()  # the extension requests whose places the decisions hold
    initial_due: dict[int, tuple[str, ...]] = field(default_factory=dict)  # by year: the figures fields ask for
    on_time: dict[int, tuple[str, ...]] = field(default_factory=dict)  # of those, the reports received on time

    @classmethod
    def read(cls, services: Services, meeting_id: int, options: ReportOptions = ReportOptions()) -> ReportData:
        meeting = services.meetings.get(meeting_id)
        plenaries = tuple(services.agenda.plenaries(meeting_id))
        decisions = tuple(services.agenda.decisions(meeting_id))
        placed = {d.request_id for d in decisions if d.request_id is not None}
        requests: tuple[RequestRow, ...] = ()
        if placed and meeting.first_day:
            tracker = services.obligations.tracker(meeting.first_day, meeting_id, treaty=meeting.treaty)
            requests = tuple(r for r in tracker.requests if r.id in placed)
        initial_due, on_time = {}, {}
        for year in sorted({y for d in decisions for y in figure_years(d.text)}):  # as the tracker computes them
            figures = services.obligations.tracker(
                meeting.first_day or dt.date.today(), year=year, treaty=meeting.treaty
            )
            initial_due[year] = figures.transparency.initial_due
            on_time[year] = figures.transparency.on_time
        return cls(
            meeting,
            tuple(services.registration.delegations(meeting_id)),
            tuple(services.agenda.items(meeting_id)),
            plenaries,
            tuple(services.documents.list(meeting_id)),
            decisions,
            covered_part(meeting, plenaries, options.part),
            options,
            tuple(services.events.list(meeting_id)),
            requests,
            initial_due,
            on_time,
        )

    @property
    def part_number(self) -> int | None:
        """The part the report covers when the meeting has several ("the first part of …"), else None."""
        return self.part.number if len(self.meeting.parts) > 1 else None

    @property
    def report_document(self) -> DocumentRow | None:
        """The register's report, else its first L. document."""
        limited = [d for d in self.documents if d.series is Series.L]
        return registered(self.documents, DocumentType.REPORT) or (limited[0] if limited else None)

    @property
    def part_plenaries(self) -> tuple[PlenaryRow, ...]:
        return tuple(p for p in self.plenaries if p.part_number == self.part.number)

    @property
    def opening(self) -> dt.date:
        """The day the part opened: its first plenary meeting's, else its first day."""
        plenaries = self.part_plenaries
        return plenaries[0].date if plenaries else self.part.start_date

    def officers(self, kind: OfficerRole) -> tuple[OfficerRow, ...]:
        return tuple(o for o in self.meeting.officers if o.kind is kind)

    def officer(self, kind: OfficerRole) -> OfficerRow | None:
        found = self.officers(kind)
        return found[0] if found else None

    def request(self, request_id: int) -> RequestRow | None:
        return next((r for r in self.requests if r.id == request_id), None)

    @property
    def took_part(self) -> tuple[DelegationRow, ...]:
        return tuple(d for d in self.delegations if d.took_part)


def covered_part(meeting: MeetingRow, plenaries: Sequence[PlenaryRow], number: int | None) -> PartRow:
    """Part `number`, or by default the last part with plenary meetings, or the first part."""
    if number is not None:
        found = next((p for p in meeting.parts if p.number == number), None)
        if found is None:
            raise ValidationError(f"the meeting has no part {number}.", "part")
        return found
    with_plenaries = {p.part_number for p in plenaries}
    candidates = [p for p in meeting.parts if p.number in with_plenaries]
    return candidates[-1] if candidates else meeting.parts[0]
