"""A State Party's time-bound obligations, computed from its treaty status (no database).

Which obligations a convention sets, under which articles, and their periods are the convention's and come from
its profile's `[obligations]` (`TreatyPeriods`; a convention whose profile gives none has none). The CCM's, for
example: Article 3.2, destroy the stockpiles "not later than eight years after the entry into force of this
Convention for that State Party", 3.3 extensions "by a period of up to four years"; Article 4.1 (a), clear
remnants "not later than ten years from that date", 4.1 (b) for remnants that came later "ten years after the end
of the active hostilities", 4.5 and 4.8 extensions of up to five years; Article 7.1, the initial report "not later
than 180 days after the entry into force", 7.2 annual updates "not later than 30 April of each year", covering the
previous calendar year.
Entry into force for a State is computed once (`ccm_secretariat.domain.status.entry_into_force_for`); a withdrawal
ends the obligations on the day it takes effect. A granted extension replaces the deadline; a later granted one
replaces that again (the latest grant holds).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from ccm_secretariat.domain.status import StatusFacts


class Obligation(enum.Enum):
    """The kinds of time-bound obligation the tracker follows. The stored values are keys (the CCM's article
    numbers, kept as the database's); the article a convention sets each under is its profile's (`TreatyPeriods`)."""

    DESTRUCTION = "3"  # stockpile destruction
    CLEARANCE = "4"  # clearance and destruction of remnants
    INITIAL_REPORT = "7.1"
    ANNUAL_REPORT = "7.2"


OBLIGATION_NAMES = {
    Obligation.DESTRUCTION: "stockpile destruction",
    Obligation.CLEARANCE: "clearance",
    Obligation.INITIAL_REPORT: "initial report",
    Obligation.ANNUAL_REPORT: "annual report",
}


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
class ArticleRule:
    """An obligation to complete work within a number of years of entry into force (stockpiles, clearance)."""

    article: str  # as the convention numbers it: "3"
    years: int
    extension_years: int = 0  # the longest extension one request may ask for; 0: none can be asked for
    from_hostilities: bool = False  # remnants that came after entry into force count from the hostilities' end


@dataclass(frozen=True)
class ReportRule:
    """A transparency report: the initial one within `days` of entry into force, or the annual one by
    (`month`, `day`) of each year, covering the previous calendar year."""

    article: str
    days: int = 0
    month: int = 0
    day: int = 0


@dataclass(frozen=True)
class TreatyPeriods:
    """A convention's time-bound obligations (its profile's `[obligations]`); one it does not set is None."""

    destruction: ArticleRule | None = None
    clearance: ArticleRule | None = None
    initial_report: ReportRule | None = None
    annual_report: ReportRule | None = None
    request_months_before_meeting: int = 0  # requests are expected this many months before the meeting

    @property
    def articles(self) -> tuple[Obligation, ...]:
        """The obligations to complete work that the convention sets (recorded per State, extended by request)."""
        return tuple(o for o, rule in ((Obligation.DESTRUCTION, self.destruction),
                                       (Obligation.CLEARANCE, self.clearance)) if rule is not None)  # fmt: skip

    @property
    def none(self) -> bool:
        return not self.articles and self.initial_report is None and self.annual_report is None

    def rule(self, obligation: Obligation) -> ArticleRule:
        found = self.destruction if obligation is Obligation.DESTRUCTION else None
        found = self.clearance if obligation is Obligation.CLEARANCE else found
        if found is None:
            raise ValueError(f"the convention sets no {OBLIGATION_NAMES[obligation]} obligation.")
        return found

    def label(self, obligation: Obligation) -> str:
        """ "Article 3: stockpile destruction", with the article the convention sets it under."""
        rule: ArticleRule | ReportRule | None = {
            Obligation.DESTRUCTION: self.destruction, Obligation.CLEARANCE: self.clearance,
            Obligation.INITIAL_REPORT: self.initial_report, Obligation.ANNUAL_REPORT: self.annual_report,
        }[obligation]  # fmt: skip
        return f"Article {rule.article}: {OBLIGATION_NAMES[obligation]}" if rule else OBLIGATION_NAMES[obligation]

    def longest_extension_months(self, obligation: Obligation) -> int:
        """The longest extension one request may ask for (0: the convention provides for none)."""
        return 12 * self.rule(obligation).extension_years


NO_OBLIGATIONS = TreatyPeriods()


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


def completion_deadline(
    entry_into_force: dt.date, rule: ArticleRule, hostilities_ended: dt.date | None = None
) -> dt.date:
    """`rule.years` after entry into force; for remnants that came after it, when the rule says so (the CCM's
    Article 4.1 (b)), that many years after the end of those hostilities."""
    if rule.from_hostilities and hostilities_ended is not None and hostilities_ended > entry_into_force:
        return add_years(hostilities_ended, rule.years)
    return add_years(entry_into_force, rule.years)


def initial_report_due(entry_into_force: dt.date, rule: ReportRule) -> dt.date:
    return entry_into_force + dt.timedelta(days=rule.days)


def annual_report_due(year_covered: int, rule: ReportRule) -> dt.date:
    return dt.date(year_covered + 1, rule.month, rule.day)


def annual_reports_due(
    entry_into_force: dt.date, withdrawal: dt.date | None, through: dt.date, periods: TreatyPeriods
) -> list[tuple[int, dt.date]]:
    """(year covered, due date) of each annual report due up to `through`: the first is the first due date after
    the initial report's deadline; none falls due once a withdrawal has taken effect."""
    if periods.annual_report is None:
        return []
    initial = periods.initial_report
    first_initial = initial_report_due(entry_into_force, initial) if initial else entry_into_force
    out = []
    year = entry_into_force.year
    while (due := annual_report_due(year, periods.annual_report)) <= through:
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


def initial_reports_due_in(year: int, statuses: dict[str, StatusFacts], rule: ReportRule) -> list[str]:
    """The States whose initial report fell due in `year` (the figures of a transparency paragraph)."""
    names = []
    for name, status in statuses.items():
        eif = status.entry_into_force
        if eif is None:
            continue
        due = initial_report_due(eif, rule)
        if due.year == year and not obligation_ended(status, due):
            names.append(name)
    return names


def request_due(meeting_opens: dt.date, periods: TreatyPeriods) -> dt.date:
    """The day by which a request to be considered at a meeting is expected (the CCM: nine months before)."""
    return add_months(meeting_opens, -periods.request_months_before_meeting)


def needs_request_at(deadline: dt.date, meeting_opens: dt.date) -> bool:
    """A deadline that expires before the following annual meeting must be extended at this one (Articles 3.3
    and 4.6: a request is submitted before the deadline expires)."""
    return deadline < add_years(meeting_opens, 1)
