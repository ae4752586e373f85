"""The obligations tracker read in one session into plain values: deadlines by State and obligation, overdue
reports, requests due for a meeting and the figures of a transparency paragraph."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ccm_secretariat.domain import obligations as rules
from ccm_secretariat.domain.obligations import Grant, Obligation, Outcome, TreatyPeriods
from ccm_secretariat.domain.status import StatusFacts
from ccm_secretariat.orm import (
    ExtensionRequest,
    Meeting,
    MeetingPart,
    ObligationRecord,
    State,
    TransparencyReport,
    TreatyStatus,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class DeadlineRow:
    """One State's Article 3 or 4 obligation: the original deadline and the one in force after extensions."""

    state: str
    obligation: Obligation
    original: dt.date
    deadline: dt.date  # in force
    status: str  # completed, ended by withdrawal, not applicable, overdue, open
    applies: bool | None = None
    completed_on: dt.date | None = None
    compliance_declared_on: dt.date | None = None
    compliance_meeting: str = ""
    record_id: int | None = None
    version: int = 0
    label: str = ""  # "Article 3: stockpile destruction", as the convention numbers it

    @property
    def extended(self) -> bool:
        return self.deadline != self.original


@dataclass(frozen=True)
class ReportDue:
    state: str
    initial: bool
    year_covered: int | None
    due: dt.date
    received_on: dt.date | None = None

    @property
    def label(self) -> str:
        return "Initial report" if self.initial else f"Annual report {self.year_covered}"


@dataclass(frozen=True)
class RequestRow:
    id: int
    state: str
    obligation: Obligation
    meeting: str
    submitted_on: dt.date | None
    period_months: int | None
    until: dt.date
    condition: str
    outcome: Outcome
    outcome_on: dt.date | None
    granted_until: dt.date | None
    observations: tuple[str, ...]
    points_intro: str
    points: tuple[str, ...]
    closing: tuple[str, ...]
    meeting_id: int | None = None
    version: int = 0
    label: str = ""  # the obligation, as the convention numbers it


@dataclass(frozen=True)
class MeetingRequests:
    """The requests a meeting is to consider: those submitted to it and the deadlines that expire before the
    following annual meeting with no request submitted yet; requests are due `request_due` (nine months before)."""

    meeting: str
    opens: dt.date
    request_due: dt.date
    submitted: tuple[RequestRow, ...]
    expected: tuple[DeadlineRow, ...]


@dataclass(frozen=True)
class TransparencyFigures:
    year: int
    initial_due: tuple[str, ...]  # States whose initial report fell due in `year`
    on_time: tuple[str, ...]  # of those, received by the due date
    overdue_initial: int  # initial reports overdue on the tracker's day
    overdue_initial_states: tuple[str, ...]


@dataclass(frozen=True)
class Tracker:
    today: dt.date
    deadlines: tuple[DeadlineRow, ...]
    reports: tuple[ReportDue, ...]  # each State Party's initial report, annual reports missing and latest one
    requests: tuple[RequestRow, ...]
    next_meeting: MeetingRequests | None
    transparency: TransparencyFigures
    periods: TreatyPeriods = TreatyPeriods()  # the convention's obligations; none: the tracker has nothing to follow

    @property
    def overdue_reports(self) -> tuple[ReportDue, ...]:
        return tuple(r for r in self.reports if r.received_on is None and r.due < self.today)


def _request_row(r: ExtensionRequest, state: str, meeting: str, periods: TreatyPeriods) -> RequestRow:
    texts: dict[str, list[str]] = {"observation": [], "points_intro": [], "point": [], "closing": []}
    for p in sorted(r.paragraphs, key=lambda p: (p.kind, p.position)):
        texts[p.kind].append(p.text)
    return RequestRow(
        r.id, state, r.obligation, meeting, r.submitted_on, r.period_months, r.until, r.condition, r.outcome,
        r.outcome_on, r.granted_until, tuple(texts["observation"]), " ".join(texts["points_intro"]),
        tuple(texts["point"]), tuple(texts["closing"]), r.meeting_id, r.version, periods.label(r.obligation),
    )  # fmt: skip


def _grants(requests: list[RequestRow]) -> list[Grant]:
    return [
        Grant(r.obligation, r.granted_until or r.until, r.outcome_on)
        for r in requests
        if r.outcome.moves_deadline and r.outcome_on is not None
    ]


def _deadline(
    name: str, facts: StatusFacts, obligation: Obligation, record: ObligationRecord | None, grants: list[Grant],
    today: dt.date, periods: TreatyPeriods,
) -> DeadlineRow:  # fmt: skip
    eif = facts.entry_into_force
    assert eif is not None
    rule = periods.rule(obligation)
    original = rules.completion_deadline(eif, rule, record.hostilities_ended if record else None)
    deadline = rules.deadline_in_force(original, grants, obligation)
    if record is not None and (record.completed_on or record.compliance_declared_on or record.compliance_meeting):
        status = "completed"
    elif facts.withdrawal_effective is not None and facts.withdrawal_effective <= min(deadline, today):
        status = "ended by withdrawal"
    elif record is not None and record.applies is False:
        status = "not applicable"
    else:
        status = "overdue" if deadline < today else "open"
    extra = {}
    if record is not None:
        extra = dict(
            applies=record.applies, completed_on=record.completed_on,
            compliance_declared_on=record.compliance_declared_on, compliance_meeting=record.compliance_meeting,
            record_id=record.id, version=record.version,
        )  # fmt: skip
    return DeadlineRow(name, obligation, original, deadline, status, **extra, label=periods.label(obligation))  # type: ignore[arg-type]


def read_tracker(
    s: Session, treaty_id: int, periods: TreatyPeriods, today: dt.date, meeting_id: int | None, only: int | None,
    year: int | None,
) -> Tracker:  # fmt: skip
    """`periods`: the obligations of the treaty's convention (its profile's)."""
    states = s.execute(
        sa.select(State.id, State.name, TreatyStatus)
        .join(TreatyStatus, TreatyStatus.state_id == State.id)
        .where(TreatyStatus.treaty_id == treaty_id, TreatyStatus.entry_into_force.is_not(None))
        .order_by(State.sort_key)
    ).all()
    facts = {
        sid: StatusFacts(st.signature_date, st.deposit_date, st.entry_into_force, st.withdrawal_effective)
        for sid, _n, st in states
    }
    names = {sid: name for sid, name, _st in states}
    meetings = {m.id: m.title for m in s.scalars(sa.select(Meeting))}
    requests: dict[int, list[RequestRow]] = {}
    for r in s.scalars(
        sa.select(ExtensionRequest).where(ExtensionRequest.treaty_id == treaty_id).order_by(ExtensionRequest.id)
    ):
        meeting = meetings.get(r.meeting_id, r.meeting_name) if r.meeting_id is not None else r.meeting_name
        requests.setdefault(r.state_id, []).append(_request_row(r, names.get(r.state_id, ""), meeting, periods))
    records = {
        (rec.state_id, rec.obligation): rec
        for rec in s.scalars(sa.select(ObligationRecord).where(ObligationRecord.treaty_id == treaty_id))
    }
    received = {
        (rep.state_id, rep.year_covered): rep.received_on
        for rep in s.scalars(sa.select(TransparencyReport).where(TransparencyReport.treaty_id == treaty_id))
    }
    deadlines, reports = [], []
    for sid, name, _st in states:
        if only is not None and sid != only:
            continue
        f = facts[sid]
        grants = _grants(requests.get(sid, []))
        for article in periods.articles:
            record = records.get((sid, article))
            asked = any(r.obligation is article for r in requests.get(sid, []))
            if record is not None or asked or only is not None:
                deadlines.append(_deadline(name, f, article, record, grants, today, periods))
        reports.extend(_reports(name, sid, f, received, today, periods))
    all_requests = tuple(r for sid in names if (only is None or sid == only) for r in requests.get(sid, []))
    return Tracker(
        today,
        tuple(deadlines),
        tuple(reports),
        all_requests,
        _meeting_requests(s, treaty_id, today, meeting_id, deadlines, all_requests, periods),
        _figures(year or today.year - 1, names, facts, received, today, periods),
        periods,
    )


def _reports(
    name: str, sid: int, f: StatusFacts, received: dict[tuple[int, int | None], dt.date], today: dt.date,
    periods: TreatyPeriods,
) -> list[ReportDue]:  # fmt: skip
    """The initial report, every annual report fallen due and not received, and the latest one received or not,
    of a State Party (nothing once withdrawn)."""
    eif = f.entry_into_force
    assert eif is not None
    out = []
    initial = rules.initial_report_due(eif, periods.initial_report) if periods.initial_report else None
    if initial is not None and not rules.obligation_ended(f, initial):
        out.append(ReportDue(name, True, None, initial, received.get((sid, None))))
    annual = rules.annual_reports_due(eif, f.withdrawal_effective, today, periods)
    for n, (year, due) in enumerate(annual, start=1):
        got = received.get((sid, year))
        if got is None or n == len(annual):
            out.append(ReportDue(name, False, year, due, got))
    return out


def _meeting_requests(
    s: Session, treaty_id: int, today: dt.date, meeting_id: int | None, deadlines: list[DeadlineRow],
    requests: tuple[RequestRow, ...], periods: TreatyPeriods,
) -> MeetingRequests | None:  # fmt: skip
    opens_q = (
        sa.select(Meeting.id, Meeting.title, sa.func.min(MeetingPart.start_date).label("opens"))
        .join(MeetingPart, MeetingPart.meeting_id == Meeting.id)
        .where(Meeting.treaty_id == treaty_id, Meeting.practice.is_(False))
        .group_by(Meeting.id, Meeting.title)
    )
    rows = s.execute(opens_q).all()
    if meeting_id is not None:
        chosen = next((r for r in rows if r.id == meeting_id), None)
    else:
        chosen = min((r for r in rows if r.opens >= today), key=lambda r: r.opens, default=None)
    if chosen is None:
        return None
    submitted = tuple(r for r in requests if r.meeting_id == chosen.id)
    asked = {(r.state, r.obligation) for r in submitted}
    expected = tuple(
        d
        for d in deadlines
        if d.status in ("open", "overdue")
        and rules.needs_request_at(d.deadline, chosen.opens)
        and (d.state, d.obligation) not in asked
    )
    return MeetingRequests(chosen.title, chosen.opens, rules.request_due(chosen.opens, periods), submitted, expected)


def _figures(
    year: int, names: dict[int, str], facts: dict[int, StatusFacts], received: dict[tuple[int, int | None], dt.date],
    today: dt.date, periods: TreatyPeriods,
) -> TransparencyFigures:  # fmt: skip
    rule = periods.initial_report
    if rule is None:
        return TransparencyFigures(year, (), (), 0, ())
    due_names = set(rules.initial_reports_due_in(year, {names[sid]: f for sid, f in facts.items()}, rule))
    due, on_time, overdue = [], [], []
    for sid, name in names.items():  # in English order
        eif = facts[sid].entry_into_force
        assert eif is not None
        initial = rules.initial_report_due(eif, rule)
        got = received.get((sid, None))
        if name in due_names:
            due.append(name)
            if got is not None and got <= initial:
                on_time.append(name)
        if got is None and initial < today and not rules.obligation_ended(facts[sid], today):
            overdue.append(name)
    return TransparencyFigures(year, tuple(due), tuple(on_time), len(overdue), tuple(overdue))


def deadline_extended(s: Session, request: ExtensionRequest, periods: TreatyPeriods) -> dt.date | None:
    """The deadline a request extends: the State's original one (from its entry into force, or the end of the
    hostilities recorded), moved by its other granted requests that end before this one; None when the State's
    entry into force under the treaty is not known."""
    with s.no_autoflush:
        eif = s.scalar(
            sa.select(TreatyStatus.entry_into_force).where(
                TreatyStatus.treaty_id == request.treaty_id, TreatyStatus.state_id == request.state_id
            )
        )
        if eif is None:
            return None
        hostilities = s.scalar(
            sa.select(ObligationRecord.hostilities_ended).where(
                ObligationRecord.treaty_id == request.treaty_id,
                ObligationRecord.state_id == request.state_id,
                ObligationRecord.obligation == request.obligation,
            )
        )
        others = s.scalars(
            sa.select(ExtensionRequest).where(
                ExtensionRequest.treaty_id == request.treaty_id,
                ExtensionRequest.state_id == request.state_id,
                ExtensionRequest.obligation == request.obligation,
                ExtensionRequest.id != (request.id if request.id is not None else -1),
            )
        ).all()
    original = rules.completion_deadline(eif, periods.rule(request.obligation), hostilities)
    grants = [
        Grant(r.obligation, r.granted_until or r.until, r.outcome_on)
        for r in others
        if r.outcome.moves_deadline and r.outcome_on is not None and (r.granted_until or r.until) < request.until
    ]
    return rules.deadline_in_force(original, grants, request.obligation)
