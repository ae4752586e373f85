"""The obligations tracker per convention: each convention's obligations (articles, periods, reports, extensions)
come from its profile's [obligations]; the CCM's are the desk's as they were, the APMBC's as its text writes them,
and a convention whose profile gives none has none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ccm_secretariat.domain.obligations import Obligation, completion_deadline
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.reference.profiles import CONVENTIONS_DIR, ProfileError, load_profiles, profile
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.obligations import RecordInput, RequestInput

D = dt.date
ART3, ART4 = Obligation.DESTRUCTION, Obligation.CLEARANCE
CCM_TEXT = (CONVENTIONS_DIR / "ccm.toml").read_text(encoding="utf-8")


def test_the_ccm_profile_gives_the_obligations_the_desk_followed():
    o = profile("CCM").obligations
    assert [o.label(k) for k in Obligation] == [
        "Article 3: stockpile destruction",
        "Article 4: clearance",
        "Article 7.1: initial report",
        "Article 7.2: annual report",
    ]
    assert (o.rule(ART3).years, o.rule(ART4).years, o.rule(ART4).from_hostilities) == (8, 10, True)
    assert (o.longest_extension_months(ART3), o.longest_extension_months(ART4)) == (48, 60)  # 3.3, 4.5
    assert o.initial_report is not None and o.initial_report.days == 180
    assert o.annual_report is not None and (o.annual_report.month, o.annual_report.day) == (4, 30)
    assert o.request_months_before_meeting == 9


def test_the_apmbc_profile_gives_its_own_articles_and_periods():
    o = profile("APMBC").obligations
    assert (o.label(ART3), o.label(ART4)) == ("Article 4: stockpile destruction", "Article 5: clearance")
    start = D(2011, 7, 1)
    assert completion_deadline(start, o.rule(ART3)) == D(2015, 7, 1)  # Article 4: four years
    assert completion_deadline(start, o.rule(ART4)) == D(2021, 7, 1)  # Article 5.1: ten years
    assert completion_deadline(start, o.rule(ART4), hostilities_ended=D(2015, 1, 1)) == D(2021, 7, 1)  # no 4.1 (b)
    assert (o.longest_extension_months(ART3), o.longest_extension_months(ART4)) == (0, 120)  # 5.3: ten years


def test_conventions_whose_profiles_give_no_obligations_have_none():
    for short_name in ("ATT", "BWC", "CCW", "TPNW"):
        o = profile(short_name).obligations
        assert o.none and o.articles == () and o.initial_report is None, short_name


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("years = 8\n", 'years = "eight"\n'), "ccm.toml: obligations.destruction: “years” should be a int"),
        (("years = 8\n", "years = 0\n"), "ccm.toml: obligations.destruction: “years” should be a number from 1"),
        (("days = 180\n", ""), "ccm.toml: obligations.initial_report: the field “days” is missing"),
        (("month = 4\nday = 30\n", "month = 2\nday = 29\n"), "obligations.annual_report: month 2, day 29 is not"),
        (("extension_years = 4\n", "extension_years = -1\n"), "obligations.destruction: “extension_years” should be"),
        (("requests_due_months_before = 9\n", ""), "obligations: the field “requests_due_months_before” is missing"),
        (("[obligations.clearance]", "[obligations.clearing]"), "ccm.toml: obligations: gives only"),
        (('article = "7.1"\n', ""), "ccm.toml: obligations.initial_report: the field “article” is missing"),
    ],
)
def test_a_broken_obligations_part_is_refused_naming_the_file_and_the_field(tmp_path: Path, change, message):
    old, new = change
    assert old in CCM_TEXT
    text = CCM_TEXT.replace('status_file = "ccm_status.tsv"\n', "").replace(old, new, 1)
    (tmp_path / "ccm.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profiles(tmp_path)


def _meeting(services, treaty: str, day: dt.date, prefix: str) -> int:
    m = services.meetings.create(MeetingInput("Meeting", "M", prefix, day, day, "", "Geneva", treaty=treaty))
    return m.id


def test_an_att_meeting_shows_no_ccm_obligation(demo):
    att = _meeting(demo, "ATT", D(2020, 10, 3), "ATT/CSP6/2020")
    t = demo.obligations.tracker(D(2020, 11, 20), att, year=2019)
    assert t.periods.none
    assert (t.deadlines, t.reports, t.requests, t.transparency.initial_due) == ((), (), (), ())
    ccm = demo.obligations.tracker(D(2020, 11, 20), year=2019, treaty="CCM")  # the same day, the CCM's
    assert ccm.deadlines and ccm.transparency.initial_due
    with pytest.raises(ValidationError, match="the ATT sets no stockpile destruction obligation"):
        demo.obligations.add_request(RequestInput("Peru", ART3, D(2024, 4, 1), meeting_id=att))
    with pytest.raises(ValidationError, match="the ATT sets no initial transparency report to record"):
        demo.obligations.add_report("Japan", D(2020, 1, 1), treaty="ATT")
    with pytest.raises(ValidationError, match="name the convention"):
        demo.obligations.tracker(D(2020, 11, 20))


def _apmbc(services, tmp_path: Path) -> int:
    path = tmp_path / "apmbc.tsv"
    path.write_text(
        "state\tsignature_date\tinstrument\tdeposit_date\nTuvalu\t\taccession\t2011-01-13\n", encoding="utf-8"
    )
    services.reference.import_status(path, "APMBC")  # in force 1 July 2011 (Article 17.2: the sixth month)
    return _meeting(services, "APMBC", D(2016, 11, 28), "APLC/MSP.15/2016")


def test_an_apmbc_states_stockpile_deadline_is_four_years_after_its_entry_into_force(services, tmp_path):
    meeting = _apmbc(services, tmp_path)
    t = services.obligations.tracker(D(2016, 1, 1), meeting, state="Tuvalu")
    rows = {d.obligation: d for d in t.deadlines}
    assert (rows[ART3].original, rows[ART3].label) == (D(2015, 7, 1), "Article 4: stockpile destruction")
    assert (rows[ART4].original, rows[ART4].label) == (D(2021, 7, 1), "Article 5: clearance")
    assert [(r.label, r.due) for r in t.reports] == [  # Article 7.1: 180 days; 7.2: by 30 April, none received
        ("Initial report", D(2011, 12, 28)),
        *((f"Annual report {year}", D(year + 1, 4, 30)) for year in range(2011, 2015)),
    ]
    services.obligations.set_record(
        RecordInput("Tuvalu", ART4, applies=True, hostilities_ended=D(2014, 1, 1)), treaty="APMBC"
    )
    t = services.obligations.tracker(D(2016, 1, 1), meeting, state="Tuvalu")
    assert next(d for d in t.deadlines if d.obligation is ART4).original == D(2021, 7, 1)  # no Article 4.1 (b)
    # Article 5.3: up to ten years a request; Article 4: none.
    with pytest.raises(ValidationError, match="120 months at most"):
        services.obligations.add_request(RequestInput("Tuvalu", ART4, D(2031, 8, 1), 121, meeting_id=meeting))
    assert services.obligations.add_request(RequestInput("Tuvalu", ART4, D(2031, 7, 1), 120, meeting_id=meeting))
    with pytest.raises(ValidationError, match="the APMBC provides for no extension under Article 4: stockpile"):
        services.obligations.add_request(RequestInput("Tuvalu", ART3, D(2017, 7, 1), 24, meeting_id=meeting))
