"""Treaty status of a State and the participation category it gives on a date.

A treaty enters into force for a State by its convention's rule (its profile's `EntryIntoForceRule`); a withdrawal
takes effect on its own date. The standing (party, ratified not in force, signatory, not a signatory) is therefore
computed for the meeting's first day, never stored as a fixed flag; the convention's profile says which category
each standing gives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ccm_secretariat.domain.entry_into_force import Counting, EntryIntoForceRule, first_day_of_month_after

__all__ = ["StatusFacts", "entry_into_force_for", "first_day_of_month_after", "status_on"]


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
