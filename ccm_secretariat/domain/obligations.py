"""A State Party's time-bound obligations, computed from its treaty status (no database).

The periods are the treaty's and are given as data (`TreatyPeriods`); the CCM's are the default:
- Article 3.2: destroy the stockpiles "as soon as possible but not later than eight years after the entry into
  force of this Convention for that State Party"; 3.3: an extension "by a period of up to four years", and in
  exceptional circumstances additional extensions of up to four years.
- Article 4.1 (a): clear remnants in areas under its jurisdiction or control at entry into force "not later than
  ten years from that date"; 4.1 (b): remnants that came after entry into force, "not later than ten years after
  the end of the active hostilities during which such cluster munitions became cluster munition remnants";
  4.5: an extension of up to five years; 4.8: additional extensions of up to five years.
- Article 7.1: the initial report "not later than 180 days after the entry into force of this Convention for
  that State Party"; 7.2: annual updates "covering the previous calendar year", "not later than 30 April of each
  year".
- Article 17.2: entry into force for a State on the first day of the sixth month after its deposit (computed once,
  in `ccm_secretariat.domain.status.entry_into_force_for`); a withdrawal (Article 20) ends the obligations on the
  day it takes effect.
A granted extension replaces the deadline; a later granted one replaces that again (the latest grant holds).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from ccm_secretariat.domain.status import StatusFacts


class Obligation(enum.Enum):
    DESTRUCTION = "3"  # Article 3: stockpile destruction
    CLEARANCE = "4"  # Article 4: clearance and destruction of remnants
    INITIAL_REPORT = "7.1"
    ANNUAL_REPORT = "7.2"

    @property
    def label(self) -> str:
        return OBLIGATION_LABELS[self]


OBLIGATION_LABELS = {
    Obligation.DESTRUCTION: "Article 3: stockpile destruction",
    Obligation.CLEARANCE: "Article 4: clearance",
    Obligation.INITIAL_REPORT: "Article 7.1: initial report",
    Obligation.ANNUAL_REPORT: "Article 7.2: annual report",
}
ARTICLES = (Obligation.DESTRUCTION, Obligation.CLEARANCE)  # the two that a request can extend


class Outcome(enum.Enum):
    PENDING = "pending"
    RECOMMENDED = "recommended"  # recommended to take a decision to grant
    GRANTED = "granted"
    GRANTED_SHORTER = "granted shorter"  # granted for a shorter period than requested
    REFUSED = "refused"

    @property
    def moves_deadline(self) -> bool:
        return self in (Outcome.GRANTED, Outcome.GRANTED_SHORTER)


@dataclass(frozen=True)
class TreatyPeriods:
    destruction_years: int = 8
    clearance_years: int = 10
    initial_report_days: int = 180
    annual_report_month_day: tuple[int, int] = (4, 30)
    request_months_before_meeting: int = 9
    destruction_extension_years: int = 4  # Article 3.3: "a period of up to four years", each request
    clearance_extension_years: int = 5  # Articles 4.5 and 4.8: "up to five years", each request

    def longest_extension_months(self, obligation: Obligation) -> int:
        years = (
            self.destruction_extension_years if obligation is Obligation.DESTRUCTION else self.clearance_extension_years
        )
        return 12 * years


CCM_PERIODS = TreatyPeriods()


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February goes to 28 February in a common year (a deadline "not later
    than" n years after a day is never put beyond n years)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Grant:
    """A granted extension: the deadline it sets and the day it was granted."""

    obligation: Obligation
    until: dt.date
    granted_on: dt.date


def deadline_in_force(original: dt.date, grants: Iterable[Grant], obligation: Obligation) -> dt.date:
    """The deadline after the extensions granted for `obligation`: the latest grant replaces the earlier ones."""
    own = sorted((g for g in grants if g.obligation is obligation), key=lambda g: (g.granted_on, g.until))
    return own[-1].until if own else original


def destruction_deadline(entry_into_force: dt.date, periods: TreatyPeriods = CCM_PERIODS) -> dt.date:
    return add_years(entry_into_force, periods.destruction_years)


def clearance_deadline(
    entry_into_force: dt.date, hostilities_ended: dt.date | None = None, periods: TreatyPeriods = CCM_PERIODS
) -> dt.date:
    """Article 4.1 (a), or 4.1 (b) when the remnants came after entry into force (the end of those hostilities)."""
    if hostilities_ended is not None and hostilities_ended > entry_into_force:
        return add_years(hostilities_ended, periods.clearance_years)
    return add_years(entry_into_force, periods.clearance_years)


def initial_report_due(entry_into_force: dt.date, periods: TreatyPeriods = CCM_PERIODS) -> dt.date:
    return entry_into_force + dt.timedelta(days=periods.initial_report_days)


def annual_report_due(year_covered: int, periods: TreatyPeriods = CCM_PERIODS) -> dt.date:
    month, day = periods.annual_report_month_day
    return dt.date(year_covered + 1, month, day)


def annual_reports_due(
    entry_into_force: dt.date, withdrawal: dt.date | None, through: dt.date, periods: TreatyPeriods = CCM_PERIODS
) -> list[tuple[int, dt.date]]:
    """(year covered, due date) of each annual report due up to `through`: the first is the first 30 April after
    the initial report's deadline; none falls due once a withdrawal has taken effect."""
    first_initial = initial_report_due(entry_into_force, periods)
    out = []
    year = entry_into_force.year
    while (due := annual_report_due(year, periods)) <= through:
        if withdrawal is not None and due >= withdrawal:
            break
        if due > first_initial:
            out.append((year, due))
        year += 1
    return out


def in_force_on(status: StatusFacts, day: dt.date) -> bool:
    """A State Party on `day`: in force for it, and not withdrawn."""
    eif, withdrawn = status.entry_into_force, status.withdrawal_effective
    return eif is not None and eif <= day and (withdrawn is None or withdrawn > day)


def obligation_ended(status: StatusFacts, deadline: dt.date) -> bool:
    """A withdrawal that took effect on or before the deadline ends the obligation."""
    return status.withdrawal_effective is not None and status.withdrawal_effective <= deadline


def initial_reports_due_in(
    year: int, statuses: dict[str, StatusFacts], periods: TreatyPeriods = CCM_PERIODS
) -> list[str]:
    """The States whose initial report fell due in `year` (the figures of a transparency paragraph)."""
    names = []
    for name, status in statuses.items():
        eif = status.entry_into_force
        if eif is None:
            continue
        due = initial_report_due(eif, periods)
        if due.year == year and not obligation_ended(status, due):
            names.append(name)
    return names


def request_due(meeting_opens: dt.date, periods: TreatyPeriods = CCM_PERIODS) -> dt.date:
    """The day by which a request to be considered at a meeting is expected (nine months before it opens)."""
    return add_months(meeting_opens, -periods.request_months_before_meeting)


def needs_request_at(deadline: dt.date, meeting_opens: dt.date) -> bool:
    """A deadline that expires before the following annual meeting must be extended at this one (Articles 3.3
    and 4.6: a request is submitted before the deadline expires)."""
    return deadline < add_years(meeting_opens, 1)
