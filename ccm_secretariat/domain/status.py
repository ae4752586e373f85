"""Treaty status of a State and the participation category it gives on a date.

For the CCM (Article 17): the Convention entered into force generally on 1 August 2010; for a State that
deposits its instrument later, it enters into force on the first day of the sixth month after the deposit.
A withdrawal takes effect on its own date. The category is therefore computed for the meeting's first day,
never stored as a fixed flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ccm_secretariat.domain.entry_into_force import Counting, EntryIntoForceRule, first_day_of_month_after
from ccm_secretariat.domain.enums import Category

__all__ = ["StatusFacts", "category_on", "entry_into_force_for", "first_day_of_month_after", "status_on"]


def entry_into_force_for(
    deposit: dt.date | None, general_entry_into_force: dt.date | None, months_after_deposit: int
) -> dt.date | None:
    """Entry into force for a State that deposited on `deposit`, under the CCM's kind of rule (the first day of the
    n-th month after deposit); other treaties' rules: `EntryIntoForceRule` in the convention's profile."""
    return EntryIntoForceRule(
        Counting.FIRST_DAY_OF_NTH_MONTH, months_after_deposit, general_entry_into_force
    ).for_deposit(deposit)


@dataclass(frozen=True)
class StatusFacts:
    """What the depositary records for one State under one treaty."""

    signature: dt.date | None = None
    deposit: dt.date | None = None
    entry_into_force: dt.date | None = None
    withdrawal_effective: dt.date | None = None


def status_on(day: dt.date, status: StatusFacts | None) -> str:
    """A State's standing under a treaty on `day`: "party" (in force for it), "ratified_not_in_force",
    "signatory" or "not_signatory"; a convention's profile says which category each gives."""
    if status is None:
        return "not_signatory"
    if status.withdrawal_effective is not None and status.withdrawal_effective <= day:
        return "not_signatory"
    if status.deposit is not None and status.deposit <= day:
        if status.entry_into_force is not None and status.entry_into_force <= day:
            return "party"
        return "ratified_not_in_force"
    if status.signature is not None and status.signature <= day:
        return "signatory"
    return "not_signatory"


_CCM_CATEGORIES = {
    "party": Category.STATE_PARTY,
    "ratified_not_in_force": Category.RATIFIED_NOT_IN_FORCE,
    "signatory": Category.SIGNATORY,
    "not_signatory": Category.OBSERVER_STATE,
}


def category_on(day: dt.date, status: StatusFacts | None) -> Category:
    """The category of a State's delegation at a meeting that opens on `day`, under the CCM's categories."""
    return _CCM_CATEGORIES[status_on(day, status)]
