"""When a treaty enters into force for a State, and when a withdrawal takes effect, as the treaties write it.

- "on the first day of the sixth month after the date on which that State has deposited" (CCM and APMBC, Art. 17):
  `FIRST_DAY_OF_NTH_MONTH`, n = 6 (deposit 27 September 2019 -> 1 March 2020);
- "on the ninetieth day following the date of deposit" (ATT Art. 22, TPNW Art. 15): `DAYS_AFTER`, n = 90;
- "six months after the date on which that State has deposited" (CCW Art. 5): `MONTHS_AFTER`, n = 6 (a day that the
  later month lacks gives its last day: 31 August -> 28 or 29 February);
- "on the date of the deposit" (BWC Art. XIV): `ON_DEPOSIT`.
An instrument deposited before the treaty's general entry into force takes effect on that date (or on its own rule,
if later). A withdrawal has its own delay, counted the same ways from the notification.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import Enum


class Counting(str, Enum):
    FIRST_DAY_OF_NTH_MONTH = "first_day_of_nth_month_after"
    DAYS_AFTER = "days_after"
    MONTHS_AFTER = "months_after"
    ON_DEPOSIT = "on_deposit"


def first_day_of_month_after(day: dt.date, months: int) -> dt.date:
    """The first day of the `months`-th month after the month of `day` (deposit 27 Sep 2019, 6 -> 1 Mar 2020)."""
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` months later, or the last day of that month when it is shorter (31 Aug -> 28 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def count_from(day: dt.date, counting: Counting, n: int) -> dt.date:
    """The date `n` (months or days) after `day`, counted as `counting` says."""
    if counting is Counting.FIRST_DAY_OF_NTH_MONTH:
        return first_day_of_month_after(day, n)
    if counting is Counting.DAYS_AFTER:
        return day + dt.timedelta(days=n)
    if counting is Counting.MONTHS_AFTER:
        return months_after(day, n)
    return day


_WORDS = {
    Counting.FIRST_DAY_OF_NTH_MONTH: "the first day of month {n} after {what}",
    Counting.DAYS_AFTER: "the {n}th day after {what}",
    Counting.MONTHS_AFTER: "{n} months after {what}",
    Counting.ON_DEPOSIT: "on {what}",
}


@dataclass(frozen=True)
class EntryIntoForceRule:
    """How a treaty enters into force for a State that deposits its instrument of ratification or accession."""

    counting: Counting
    n: int = 0
    general: dt.date | None = None  # the treaty's own entry into force
    source: str = ""  # "Article 17 (2)"

    def for_deposit(self, deposit: dt.date | None) -> dt.date | None:
        if deposit is None:
            return None
        own = count_from(deposit, self.counting, self.n)
        if self.general is not None and own < self.general:
            return self.general
        return own

    def describe(self) -> str:
        text = _WORDS[self.counting].format(n=self.n, what="the deposit")
        if self.general is not None:
            text += f"; in force generally from {self.general.isoformat()}"
        return text + (f" ({self.source})" if self.source else "")


@dataclass(frozen=True)
class WithdrawalRule:
    """When a State's withdrawal takes effect after it notifies it."""

    counting: Counting
    n: int = 0
    source: str = ""

    def effective(self, notification: dt.date) -> dt.date:
        return count_from(notification, self.counting, self.n)

    def describe(self) -> str:
        text = _WORDS[self.counting].format(n=self.n, what="the notification")
        return text + (f" ({self.source})" if self.source else "")
