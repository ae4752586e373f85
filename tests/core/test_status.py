import datetime as dt

import pytest

from ccm_secretariat.domain.status import StatusFacts, entry_into_force_for, first_day_of_month_after, status_on

CCM_GENERAL = dt.date(2010, 8, 1)


def ccm(signature=None, deposit=None, withdrawal=None) -> StatusFacts:
    return StatusFacts(signature, deposit, entry_into_force_for(deposit, CCM_GENERAL, 6), withdrawal)


@pytest.mark.parametrize(
    "deposit, expected",
    [
        (dt.date(2019, 9, 27), dt.date(2020, 3, 1)),  # Maldives
        (dt.date(2020, 8, 6), dt.date(2021, 2, 1)),  # Niue
        (dt.date(2020, 1, 27), dt.date(2020, 7, 1)),  # Sao Tome and Principe
        (dt.date(2010, 5, 4), dt.date(2010, 11, 1)),  # United Kingdom: after the 30th deposit
        (dt.date(2008, 12, 3), CCM_GENERAL),  # Ireland: before the general entry into force
        (dt.date(2010, 2, 16), CCM_GENERAL),  # the 30th instruments
        (dt.date(2025, 9, 5), dt.date(2026, 3, 1)),  # Vanuatu
        (dt.date(2023, 8, 3), dt.date(2024, 2, 1)),  # South Sudan
    ],
)
def test_entry_into_force_is_first_day_of_sixth_month_after_deposit(deposit, expected):
    assert entry_into_force_for(deposit, CCM_GENERAL, 6) == expected


def test_month_arithmetic_crosses_years():
    assert first_day_of_month_after(dt.date(2020, 12, 31), 6) == dt.date(2021, 6, 1)
    assert first_day_of_month_after(dt.date(2020, 7, 1), 6) == dt.date(2021, 1, 1)


def test_day_before_and_day_of_entry_into_force():
    maldives = ccm(None, dt.date(2019, 9, 27))
    assert status_on(dt.date(2020, 2, 29), maldives) == "ratified_not_in_force"
    assert status_on(dt.date(2020, 3, 1), maldives) == "party"


def test_signatory_before_deposit_and_observer_before_signature():
    nigeria = ccm(dt.date(2009, 6, 12), dt.date(2023, 2, 28))
    assert status_on(dt.date(2009, 6, 11), nigeria) == "not_signatory"
    assert status_on(dt.date(2009, 6, 12), nigeria) == "signatory"
    assert status_on(dt.date(2023, 2, 27), nigeria) == "signatory"
    assert status_on(dt.date(2023, 2, 28), nigeria) == "ratified_not_in_force"
    assert status_on(dt.date(2023, 8, 1), nigeria) == "party"


def test_withdrawal_takes_effect_on_its_date():
    lithuania = ccm(dt.date(2008, 12, 3), dt.date(2011, 3, 24), dt.date(2025, 3, 6))
    assert status_on(dt.date(2025, 3, 5), lithuania) == "party"
    assert status_on(dt.date(2025, 3, 6), lithuania) == "not_signatory"


def test_signed_and_ratified_the_same_day():
    holy_see = ccm(dt.date(2008, 12, 3), dt.date(2008, 12, 3))
    assert status_on(dt.date(2008, 12, 2), holy_see) == "not_signatory"
    assert status_on(dt.date(2008, 12, 3), holy_see) == "ratified_not_in_force"
    assert status_on(dt.date(2010, 7, 31), holy_see) == "ratified_not_in_force"
    assert status_on(dt.date(2010, 8, 1), holy_see) == "party"


def test_accession_without_signature_and_no_status():
    cuba = ccm(None, dt.date(2016, 4, 6))
    assert status_on(dt.date(2016, 4, 5), cuba) == "not_signatory"
    assert status_on(dt.date(2016, 10, 1), cuba) == "party"
    assert status_on(dt.date(2020, 1, 1), None) == "not_signatory"
