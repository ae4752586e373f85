"""The obligation rules, one test per rule, from a State's treaty status (no database), with the periods the
CCM's profile gives (its `[obligations]`)."""

import datetime as dt

from ccm_secretariat.domain import obligations as rules
from ccm_secretariat.domain.obligations import (
    Grant,
    Obligation,
    add_months,
    add_years,
    completion_deadline,
    deadline_in_force,
    needs_request_at,
    obligation_ended,
)
from ccm_secretariat.domain.status import StatusFacts, entry_into_force_for
from ccm_secretariat.reference.profiles import profile

D = dt.date
GENERAL = D(2010, 8, 1)
CCM = profile("CCM").obligations
assert CCM.initial_report is not None and CCM.annual_report is not None


def destruction_deadline(start: dt.date) -> dt.date:
    return completion_deadline(start, CCM.rule(Obligation.DESTRUCTION))


def clearance_deadline(start: dt.date, hostilities_ended: dt.date | None = None) -> dt.date:
    return completion_deadline(start, CCM.rule(Obligation.CLEARANCE), hostilities_ended)


def initial_report_due(start: dt.date) -> dt.date:
    return rules.initial_report_due(start, CCM.initial_report)


def annual_report_due(year: int) -> dt.date:
    return rules.annual_report_due(year, CCM.annual_report)


def annual_reports_due(start: dt.date, withdrawal: dt.date | None, through: dt.date) -> list[tuple[int, dt.date]]:
    return rules.annual_reports_due(start, withdrawal, through, CCM)


def initial_reports_due_in(year: int, statuses: dict[str, StatusFacts]) -> list[str]:
    return rules.initial_reports_due_in(year, statuses, CCM.initial_report)


def request_due(opens: dt.date) -> dt.date:
    return rules.request_due(opens, CCM)


def eif(deposit: dt.date) -> dt.date:
    """Entry into force for a State that deposited on `deposit` (the code's one computation of it)."""
    result = entry_into_force_for(deposit, GENERAL, 6)
    assert result is not None
    return result


def test_entry_into_force_on_the_first_of_a_month_sets_every_deadline_from_that_day():
    # Bulgaria deposited on 6 April 2011: in force 1 October 2011 (Article 17.2).
    start = eif(D(2011, 4, 6))
    assert start == D(2011, 10, 1)
    assert destruction_deadline(start) == D(2019, 10, 1)  # Article 3.2: eight years
    assert clearance_deadline(start) == D(2021, 10, 1)  # Article 4.1 (a): ten years
    assert initial_report_due(start) == D(2012, 3, 29)  # Article 7.1: 180 days (2012 is a leap year)
    # A deposit on the first of a month still waits for the sixth month after it.
    assert eif(D(2018, 8, 1)) == D(2019, 2, 1)
    # Before the general entry into force, the general date holds (Croatia, 17 August 2009).
    assert eif(D(2009, 8, 17)) == GENERAL
    assert clearance_deadline(GENERAL) == D(2020, 8, 1)  # Croatia's and Montenegro's 1 August 2020


def test_a_29_february_goes_to_28_february_and_180_days_count_it():
    assert add_years(D(2024, 2, 29), 10) == D(2034, 2, 28)  # never beyond the period
    assert add_years(D(2024, 2, 29), 8) == D(2032, 2, 29)
    assert clearance_deadline(D(2020, 1, 1), hostilities_ended=D(2024, 2, 29)) == D(2034, 2, 28)
    assert initial_report_due(D(2020, 1, 1)) == D(2020, 6, 29)  # through 29 February 2020
    assert initial_report_due(D(2019, 1, 1)) == D(2019, 6, 30)
    assert initial_report_due(D(2010, 8, 1)) == D(2011, 1, 28)  # the first States Parties' date
    assert add_months(D(2021, 8, 31), 6) == D(2022, 2, 28)
    assert add_months(D(2023, 11, 30), 3) == D(2024, 2, 29)


def test_annual_reports_by_30_april_cover_the_previous_calendar_year():
    assert annual_report_due(2019) == D(2020, 4, 30)
    start = D(2019, 12, 1)  # initial report due 29 May 2020: no annual report is due before it
    assert annual_reports_due(start, None, D(2022, 5, 1)) == [(2020, D(2021, 4, 30)), (2021, D(2022, 4, 30))]
    assert annual_reports_due(GENERAL, None, D(2012, 4, 30))[0] == (2010, D(2011, 4, 30))
    assert annual_reports_due(start, None, D(2021, 4, 29)) == []


def test_a_withdrawal_ends_the_obligations():
    # Lithuania: deposit 24 March 2011, in force 1 September 2011, withdrawal effective 6 March 2025.
    start = eif(D(2011, 3, 24))
    withdrawn = StatusFacts(D(2008, 12, 3), D(2011, 3, 24), start, D(2025, 3, 6))
    years = [y for y, _d in annual_reports_due(start, withdrawn.withdrawal_effective, D(2030, 1, 1))]
    assert years[-1] == 2023  # due 30 April 2024; the one due 30 April 2025 falls after the withdrawal
    assert obligation_ended(withdrawn, D(2025, 3, 6))
    assert not obligation_ended(withdrawn, D(2025, 3, 5))
    assert initial_reports_due_in(2012, {"Withdrawn": withdrawn}) == ["Withdrawn"]
    late = StatusFacts(None, D(2020, 1, 10), D(2020, 7, 1), D(2020, 10, 1))  # withdrawn before its report was due
    assert initial_reports_due_in(2020, {"Late": late}) == []


def test_a_later_granted_extension_replaces_the_earlier_deadline():
    original = destruction_deadline(eif(D(2011, 4, 6)))  # 1 October 2019
    first = Grant(Obligation.DESTRUCTION, D(2020, 10, 1), granted_on=D(2019, 9, 4))
    renewed = Grant(Obligation.DESTRUCTION, D(2022, 10, 1), granted_on=D(2021, 9, 21))
    other = Grant(Obligation.CLEARANCE, D(2030, 1, 1), granted_on=D(2022, 1, 1))
    assert deadline_in_force(original, [], Obligation.DESTRUCTION) == D(2019, 10, 1)
    assert deadline_in_force(original, [first], Obligation.DESTRUCTION) == D(2020, 10, 1)
    assert deadline_in_force(original, [renewed, first, other], Obligation.DESTRUCTION) == D(2022, 10, 1)
    # Peru: in force 1 March 2013; 37 months from 1 March 2021 is 1 April 2024 (the seed's paragraph 36).
    peru = destruction_deadline(eif(D(2012, 9, 26)))
    assert (peru, add_months(peru, 37)) == (D(2021, 3, 1), D(2024, 4, 1))


def test_remnants_after_entry_into_force_count_from_the_end_of_the_hostilities():
    start = eif(D(2010, 11, 5))  # Lebanon: 1 May 2011
    assert clearance_deadline(start) == D(2021, 5, 1)
    assert clearance_deadline(start, hostilities_ended=D(2024, 11, 27)) == D(2034, 11, 27)  # Article 4.1 (b)
    assert clearance_deadline(start, hostilities_ended=D(2006, 8, 14)) == D(2021, 5, 1)  # before: 4.1 (a)
    assert destruction_deadline(start) == D(2019, 5, 1)  # Article 3 is not moved by hostilities


def test_requests_are_due_nine_months_before_the_meeting_and_needed_for_deadlines_before_the_next_one():
    opens = D(2020, 11, 25)
    assert request_due(opens) == D(2020, 2, 25)
    assert needs_request_at(D(2021, 3, 1), opens)
    assert not needs_request_at(D(2021, 11, 25), opens)
    assert needs_request_at(D(2019, 10, 1), opens)  # expired already
