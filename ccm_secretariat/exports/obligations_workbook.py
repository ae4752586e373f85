"""The obligations tracker as a workbook: deadlines by State and obligation, reports due (overdue marked),
extension requests with their analysis, the requests due for the next meeting and the transparency figures.
Its rows are the tracker's own plain values (`tracker_rows`), which the command line prints too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.exports.sheets import Sheet, write_sheets
from ccm_secretariat.progress import Progress
from ccm_secretariat.services.tracker import Tracker

DEADLINE_HEADER = ("State", "Obligation", "Original deadline", "Deadline in force", "Status", "Completed",
                   "Compliance declared", "At")  # fmt: skip
REPORT_HEADER = ("State", "Report", "Due", "Received", "Overdue")
REQUEST_HEADER = ("State", "Article", "Meeting", "Submitted", "Months", "Until", "Condition", "Outcome", "On",
                  "Granted until", "Observations", "Reporting points")  # fmt: skip


def deadline_rows(t: Tracker) -> list[tuple[Any, ...]]:
    return [
        (d.state, d.label, d.original, d.deadline, d.status, d.completed_on, d.compliance_declared_on,
         d.compliance_meeting)
        for d in t.deadlines
    ]  # fmt: skip


def report_rows(t: Tracker, overdue_only: bool = False) -> list[tuple[Any, ...]]:
    rows = t.overdue_reports if overdue_only else t.reports
    overdue = set(t.overdue_reports)
    return [(r.state, r.label, r.due, r.received_on, "overdue" if r in overdue else "") for r in rows]


def request_rows(t: Tracker) -> list[tuple[Any, ...]]:
    return [
        (r.state, t.periods.rule(r.obligation).article, r.meeting, r.submitted_on, r.period_months, r.until,
         r.condition, r.outcome.value, r.outcome_on, r.granted_until,
         "\n\n".join(r.observations + (r.points_intro,) + r.closing),
         "\n".join(f"({chr(97 + i)}) {p}" for i, p in enumerate(r.points)))
        for r in t.requests
    ]  # fmt: skip


def next_meeting_lines(t: Tracker) -> list[str]:
    """The requests due for the next meeting, as sentences."""
    m = t.next_meeting
    if m is None:
        return ["No meeting of the treaty opens after this day in the database."]
    lines = [f"{m.meeting}, opening {un_date(m.opens)}: requests due by {un_date(m.request_due)}."]
    lines += [f"Submitted: {r.state}, {r.label}, until {un_date(r.until)} ({r.outcome.value})."
              for r in m.submitted]  # fmt: skip
    lines += [f"Expected: {d.state}, {d.label}, deadline {un_date(d.deadline)}." for d in m.expected]
    return lines


def no_obligations_line(t: Tracker, treaty: str) -> str:
    """What the tracker says when the convention sets no obligation it follows ("" when it sets some)."""
    if not t.periods.none:
        return ""
    return f"The {treaty} sets no obligation the tracker follows: its convention profile gives none."


def transparency_lines(t: Tracker) -> list[str]:
    f = t.transparency
    if t.periods.initial_report is None:
        return ["The convention sets no initial transparency report."]
    due = ", ".join(f.initial_due) or "none"
    return [
        f"Initial reports due in {f.year}: {len(f.initial_due)} ({due}); received on time: {len(f.on_time)}.",
        f"Initial reports overdue on {un_date(t.today)}: {f.overdue_initial}.",
    ]


def obligations_workbook(t: Tracker, out: str | Path) -> Iterator[Progress]:
    deadlines, reports, requests = deadline_rows(t), report_rows(t), request_rows(t)
    summary = [(line,) for line in next_meeting_lines(t) + transparency_lines(t)]
    sheets = [
        Sheet("Deadlines", DEADLINE_HEADER, (40, 32, 16, 16, 18, 14, 16, 50), iter(deadlines)),
        Sheet("Reports", REPORT_HEADER, (40, 22, 14, 14, 10), iter(reports)),
        Sheet("Extension requests", REQUEST_HEADER, (28, 8, 40, 12, 8, 14, 40, 14, 14, 14, 90, 90), iter(requests)),
        Sheet("Next meeting and figures", ("Summary",), (140,), iter(summary)),
    ]
    total: Sequence[Any] = deadlines + reports + requests + summary
    return write_sheets(sheets, out, len(total))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return un_date(value) if isinstance(value, dt.date) else str(value)


def tracker_blocks(t: Tracker, overdue: bool = False, due_for_next_meeting: bool = False) -> list[list[list[str]]]:
    """What the command line prints, by view: tables (a header, then rows) and sentences (one-cell rows)."""
    blocks: list[list[tuple[Any, ...]]] = []
    if due_for_next_meeting:
        blocks.append([(line,) for line in next_meeting_lines(t)])
    if overdue:
        blocks.append([REPORT_HEADER[:3], *(r[:3] for r in report_rows(t, overdue_only=True))])
    if not (overdue or due_for_next_meeting):
        blocks.append([DEADLINE_HEADER[:5], *(r[:5] for r in deadline_rows(t))])
        blocks.append([(line,) for line in transparency_lines(t)])
    return [[[_cell(c) for c in row] for row in block] for block in blocks]
