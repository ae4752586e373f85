"""Entry into force and withdrawal as each treaty words it: the first day of the n-th month, n days, n months, on
deposit, and the general entry into force for instruments deposited before it."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_secretariat.domain.entry_into_force import Counting, EntryIntoForceRule, WithdrawalRule

D = dt.date
CCM = EntryIntoForceRule(Counting.FIRST_DAY_OF_NTH_MONTH, 6, D(2010, 8, 1))
APMBC = EntryIntoForceRule(Counting.FIRST_DAY_OF_NTH_MONTH, 6, D(1999, 3, 1))
ATT = EntryIntoForceRule(Counting.DAYS_AFTER, 90, D(2014, 12, 24))
TPNW = EntryIntoForceRule(Counting.DAYS_AFTER, 90, D(2021, 1, 22))
CCW = EntryIntoForceRule(Counting.MONTHS_AFTER, 6, D(1983, 12, 2))
BWC = EntryIntoForceRule(Counting.ON_DEPOSIT, 0, D(1975, 3, 26))


@pytest.mark.parametrize(
    ("rule", "deposit", "expected"),
    [
        (CCM, D(2019, 9, 27), D(2020, 3, 1)),  # Niue's, as the seed counts it
        (CCM, D(2020, 7, 1), D(2021, 1, 1)),  # deposited on a 1st: the sixth month after July
        (CCM, D(2020, 12, 31), D(2021, 6, 1)),
        (APMBC, D(2020, 2, 29), D(2020, 8, 1)),
        (APMBC, D(1998, 9, 16), D(1999, 3, 1)),  # before the general entry into force
        (ATT, D(2020, 7, 6), D(2020, 10, 4)),  # China: the 90th day
        (ATT, D(2014, 5, 9), D(2014, 12, 24)),  # Japan: before the general entry into force
        (ATT, D(2019, 12, 2), D(2020, 3, 1)),  # across 29 February
        (TPNW, D(2021, 1, 1), D(2021, 4, 1)),
        (TPNW, D(2020, 10, 24), D(2021, 1, 22)),  # the 50th instrument: the general entry into force
        (CCW, D(2019, 8, 31), D(2020, 2, 29)),  # the later month is shorter: its last day, in a leap year
        (CCW, D(2018, 8, 31), D(2019, 2, 28)),
        (CCW, D(2020, 3, 1), D(2020, 9, 1)),
        (CCW, D(2019, 12, 31), D(2020, 6, 30)),
        (BWC, D(2020, 2, 29), D(2020, 2, 29)),  # on deposit
        (BWC, D(1973, 5, 1), D(1975, 3, 26)),
    ],
)
def test_entry_into_force_for_a_deposit(rule: EntryIntoForceRule, deposit: dt.date, expected: dt.date) -> None:
    assert rule.for_deposit(deposit) == expected


def test_no_deposit_means_no_entry_into_force() -> None:
    assert ATT.for_deposit(None) is None


def test_a_rule_without_general_entry_into_force_counts_from_the_deposit() -> None:
    assert EntryIntoForceRule(Counting.DAYS_AFTER, 90).for_deposit(D(1990, 1, 1)) == D(1990, 4, 1)


@pytest.mark.parametrize(
    ("rule", "notified", "expected"),
    [
        (WithdrawalRule(Counting.MONTHS_AFTER, 6), D(2024, 9, 6), D(2025, 3, 6)),  # Lithuania's withdrawal
        (WithdrawalRule(Counting.MONTHS_AFTER, 6), D(2023, 8, 31), D(2024, 2, 29)),
        (WithdrawalRule(Counting.DAYS_AFTER, 90), D(2024, 1, 1), D(2024, 3, 31)),
        (WithdrawalRule(Counting.MONTHS_AFTER, 12), D(2024, 2, 29), D(2025, 2, 28)),
        (WithdrawalRule(Counting.ON_DEPOSIT), D(2024, 2, 29), D(2024, 2, 29)),
    ],
)
def test_withdrawal_takes_effect_after_its_own_delay(
    rule: WithdrawalRule, notified: dt.date, expected: dt.date
) -> None:
    assert rule.effective(notified) == expected


def test_rules_describe_themselves() -> None:
    assert ATT.describe() == "the 90th day after the deposit; in force generally from 2014-12-24"
    assert CCM.describe().startswith("the first day of month 6 after the deposit")
    assert BWC.describe().startswith("on the deposit")
    assert WithdrawalRule(Counting.MONTHS_AFTER, 6, "Article 20 (2)").describe() == (
        "6 months after the notification (Article 20 (2))"
    )
