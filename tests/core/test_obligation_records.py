"""The obligations tracker's records: the demo's requests as the seed states them, extensions moving deadlines,
version-checked edits, the change log, and the transparency figures computed from the bundled treaty status."""

import datetime as dt
import json
import re

import pytest
import sqlalchemy as sa

from ccm_secretariat.domain.obligations import Obligation, Outcome
from ccm_secretariat.errors import ConflictError, DuplicateError, ValidationError
from ccm_secretariat.orm import ChangeLog
from ccm_secretariat.services.obligations import RecordInput, RequestInput

D = dt.date
ART3, ART4 = Obligation.DESTRUCTION, Obligation.CLEARANCE


def seed_paragraphs(seed_text: str) -> dict[int, str]:
    """The seed's numbered paragraphs, each on one line (a page break inside one joined)."""
    body = seed_text[seed_text.index("\n25. ") : seed_text.index("\nAnnex")]
    paragraphs: dict[int, str] = {}
    number = 0
    for block in re.split(r"\n\s*\n|\n(?=\d+\. )|\n(?=- \()", body):
        block = " ".join(block.split())
        if m := re.match(r"(\d+)\. (.*)", block):
            number = int(m.group(1))
            paragraphs[number] = m.group(2)
        elif block and block[0].islower() and number:
            paragraphs[number] += " " + block
    return paragraphs


def test_the_demo_holds_the_five_requests_of_2020_with_their_dates(demo):
    t = demo.obligations.tracker(D(2020, 11, 20), treaty="CCM")
    asked = {(r.state, r.obligation.value, r.period_months, r.until) for r in t.requests}
    assert asked == {
        ("Bulgaria", "3", None, D(2022, 10, 1)),
        ("Peru", "3", 37, D(2024, 4, 1)),
        ("Bosnia and Herzegovina", "4", 18, D(2022, 9, 1)),
        ("Chile", "4", 12, D(2022, 6, 1)),
        ("Lebanon", "4", None, D(2026, 5, 1)),
    }
    assert {r.outcome for r in t.requests} == {Outcome.RECOMMENDED}
    chile = next(r for r in t.requests if r.state == "Chile")
    assert chile.condition.startswith("pending the provision of a detailed work plan and budget")
    # The original deadlines follow from the bundled treaty status; a recommendation does not move them.
    by_state = {(d.state, d.obligation): d for d in t.deadlines}
    assert by_state["Peru", ART3].deadline == D(2021, 3, 1)
    assert by_state["Bosnia and Herzegovina", ART4].deadline == D(2021, 3, 1)
    assert by_state["Chile", ART4].deadline == D(2021, 6, 1)
    assert by_state["Lebanon", ART4].deadline == D(2021, 5, 1)
    assert by_state["Bulgaria", ART3].original == D(2019, 10, 1)
    for state in ("Croatia", "Montenegro"):
        row = by_state[state, ART4]
        assert (row.original, row.status) == (D(2020, 8, 1), "completed")
        assert row.compliance_meeting.startswith("Second Review Conference")


def test_the_demo_requests_carry_the_seeds_observations_and_lettered_points(demo, seed_text):
    seed = seed_paragraphs(seed_text)
    requests = {r.state: r for r in demo.obligations.tracker(D(2020, 11, 20), treaty="CCM").requests}
    expected = {  # state: (observations, the points' paragraph, closing, number of points)
        "Bulgaria": ((30, 31, 32, 33), 34, (35,), 4),
        "Peru": ((37, 38, 39, 40), 41, (42, 43), 5),
        "Bosnia and Herzegovina": ((47,), 48, (49,), 3),
        "Chile": ((51, 52), 53, (54,), 5),
        "Lebanon": ((56, 57), 58, (59,), 6),
    }
    for state, (observations, points, closing, count) in expected.items():
        r = requests[state]
        assert r.observations == tuple(seed[n] for n in observations)
        assert r.points_intro == seed[points]
        assert r.closing == tuple(seed[n] for n in closing)
        assert len(r.points) == count
        for letter, point in zip("abcdef", r.points):
            assert f"({letter}) {point}" in seed_text.replace("- (", "(")
    assert requests["Peru"].points[3].startswith("Resource mobilization efforts including external financing")
    assert requests["Lebanon"].points[4].startswith("Information on Lebanon's efforts on addressing")


def test_a_granted_extension_moves_the_deadline_and_a_later_one_renews_it(services):
    def deadline():
        t = services.obligations.tracker(D(2021, 1, 1), state="Bulgaria", treaty="CCM")
        return next(d for d in t.deadlines if d.obligation is ART3)

    services.obligations.set_record(RecordInput("Bulgaria", ART3, applies=True), treaty="CCM")
    assert (deadline().original, deadline().deadline, deadline().status) == (D(2019, 10, 1), D(2019, 10, 1), "overdue")
    first = services.obligations.add_request(
        RequestInput("Bulgaria", ART3, D(2020, 10, 1), 12, meeting_name="9MSP"), treaty="CCM"
    )
    services.obligations.set_outcome(first, Outcome.GRANTED, D(2019, 9, 4))
    assert deadline().deadline == D(2020, 10, 1)
    second = services.obligations.add_request(
        RequestInput("Bulgaria", ART3, D(2022, 10, 1), meeting_name="2RC"), treaty="CCM"
    )
    services.obligations.set_outcome(second, Outcome.RECOMMENDED, D(2020, 11, 27))
    assert deadline().deadline == D(2020, 10, 1)  # recommended only
    services.obligations.set_outcome(second, Outcome.GRANTED_SHORTER, D(2021, 9, 21), granted_until=D(2021, 10, 1))
    assert (deadline().deadline, deadline().extended, deadline().status) == (D(2021, 10, 1), True, "open")
    with pytest.raises(ValidationError, match="shorter period"):
        services.obligations.set_outcome(second, Outcome.GRANTED_SHORTER, D(2021, 9, 21), granted_until=D(2023, 1, 1))
    with pytest.raises(ValidationError, match="date"):
        services.obligations.set_outcome(second, Outcome.GRANTED, None)


def test_edits_are_version_checked_and_logged(services):
    record_id = services.obligations.set_record(RecordInput("Chile", ART4, applies=True), treaty="CCM")
    services.obligations.set_record(
        RecordInput("Chile", ART4, applies=True, notes="survey"), expected_version=1, treaty="CCM"
    )
    with pytest.raises(ConflictError):
        services.obligations.set_record(RecordInput("Chile", ART4, applies=False), expected_version=1, treaty="CCM")
    request_id = services.obligations.add_request(
        RequestInput("Chile", ART4, D(2022, 6, 1), 12, meeting_name="2RC", observations=("One.",)), treaty="CCM"
    )
    services.obligations.update_request(
        request_id, RequestInput("Chile", ART4, D(2022, 6, 1), 12, meeting_name="2RC", observations=("One.", "Two.")), 1
    )
    with pytest.raises(ConflictError):
        services.obligations.update_request(
            request_id, RequestInput("Chile", ART4, D(2023, 6, 1), meeting_name="2RC"), 1
        )
    t = services.obligations.tracker(D(2021, 1, 1), state="Chile", treaty="CCM")
    assert t.requests[0].observations == ("One.", "Two.") and t.requests[0].until == D(2022, 6, 1)
    with services.db.transaction(write=False) as s:
        log = s.execute(sa.select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.action, ChangeLog.details)).all()
    assert ("obligation_record", record_id, "changed", json.dumps({"notes": ["", "survey"]})) in log
    assert any(e.table_name == "extension_request" and e.action == "added" for e in log)
    with pytest.raises(ValidationError, match="sets no initial report obligation"):
        services.obligations.set_record(RecordInput("Chile", Obligation.INITIAL_REPORT), treaty="CCM")
    with pytest.raises(ValidationError, match="meeting"):
        services.obligations.add_request(RequestInput("Chile", ART4, D(2022, 6, 1)), treaty="CCM")
    # Articles 3.3 and 4.5: up to four and five years a request.
    with pytest.raises(ValidationError, match="48 months at most"):
        services.obligations.add_request(
            RequestInput("Peru", ART3, D(2025, 4, 1), 49, meeting_name="2RC"), treaty="CCM"
        )
    with pytest.raises(ValidationError, match="60 months at most"):
        services.obligations.add_request(
            RequestInput("Chile", ART4, D(2026, 7, 1), 61, meeting_name="2RC"), treaty="CCM"
        )
    assert services.obligations.add_request(
        RequestInput("Chile", ART4, D(2026, 6, 1), 60, meeting_name="10MSP"), treaty="CCM"
    )


def test_reports_received_overdue_and_refused_twice(services):
    services.obligations.add_report("Philippines", D(2019, 12, 20), treaty="CCM")
    services.obligations.add_report("Namibia", D(2019, 8, 15), treaty="CCM")  # late: due 31 July 2019
    with pytest.raises(DuplicateError, match="initial report"):
        services.obligations.add_report("Philippines", D(2020, 1, 5), treaty="CCM")
    services.obligations.add_report("Philippines", D(2021, 4, 1), year_covered=2020, treaty="CCM")
    t = services.obligations.tracker(D(2021, 5, 1), year=2019, treaty="CCM")
    assert t.transparency.initial_due == ("Gambia", "Namibia", "Philippines", "Sri Lanka")
    assert t.transparency.on_time == ("Philippines",)
    overdue = {(r.state, r.label) for r in t.overdue_reports}
    assert ("Philippines", "Initial report") not in overdue
    assert ("Philippines", "Annual report 2020") not in overdue
    assert ("Gambia", "Initial report") in overdue and ("Gambia", "Annual report 2020") in overdue
    assert t.transparency.overdue_initial == len(t.transparency.overdue_initial_states)
    assert "Gambia" in t.transparency.overdue_initial_states
    assert "Namibia" not in t.transparency.overdue_initial_states


def test_2019_initial_reporting_deadlines_are_the_seeds_four_states(demo, seed_text):
    """The seed's paragraph 62: "in 2019 all four States Parties with initial reporting deadlines (Gambia
    Namibia, Philippines and Sri Lanka)" -- computed from the bundled treaty status."""
    figures = demo.obligations.tracker(D(2020, 11, 25), year=2019, treaty="CCM").transparency
    assert figures.initial_due == ("Gambia", "Namibia", "Philippines", "Sri Lanka")
    assert "(Gambia Namibia, Philippines and Sri Lanka)" in seed_text
    assert len(figures.initial_due) == 4 and "all four States Parties" in seed_text


def test_requests_due_for_the_meeting(demo, demo_meeting):
    t = demo.obligations.tracker(D(2020, 1, 1), meeting_id=demo_meeting.id)
    due = t.next_meeting
    assert due is not None and due.opens == D(2020, 11, 25) and due.request_due == D(2020, 2, 25)
    assert [r.state for r in due.submitted] == ["Bosnia and Herzegovina", "Bulgaria", "Chile", "Lebanon", "Peru"]
    assert due.expected == ()
    demo.obligations.set_record(RecordInput("Iraq", ART4, applies=True), treaty="CCM")  # in force 1 November 2013: 2023
    demo.obligations.set_record(
        RecordInput("Afghanistan", ART4, applies=True), treaty="CCM"
    )  # 1 March 2022: the next meeting
    demo.obligations.set_record(
        RecordInput("Austria", ART4, applies=True), treaty="CCM"
    )  # 1 August 2020, and no request
    demo.obligations.set_record(RecordInput("Germany", ART3, applies=False), treaty="CCM")
    later = demo.obligations.tracker(D(2020, 1, 1), meeting_id=demo_meeting.id)
    assert later.next_meeting is not None
    assert [(d.state, d.deadline) for d in later.next_meeting.expected] == [("Austria", D(2020, 8, 1))]
    assert demo.obligations.tracker(D(2026, 1, 1), treaty="CCM").next_meeting is None  # no meeting after that day


def test_the_obligations_command_and_its_views(tmp_path, capsys):
    from ccm_secretariat.cli import main as cli

    db = str(tmp_path / "o.sqlite3")
    assert cli(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert cli(["--db", db, "obligations", "--as-at", "2020-11-20"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["State", "Obligation", "Original", "deadline", "Deadline", "in", "force", "Status"]
    assert out[1].split("  ")[0] == "Bosnia and Herzegovina"
    assert "Initial reports due in 2019: 4 (Gambia, Namibia, Philippines, Sri Lanka); received on time: 4." in out
    assert cli(["--db", db, "obligations", "--as-at", "2020-01-01", "--due-for-next-meeting"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("opening 25 November 2020: requests due by 25 February 2020.")
    assert "Submitted: Chile, Article 4: clearance, until 1 June 2022 (recommended)." in out
    assert cli(["--db", db, "obligations", "--state", "Sri Lanka", "--overdue", "--as-at", "2020-11-20"]) == 0
    out = [line.split("  ")[0] for line in capsys.readouterr().out.splitlines()]
    assert out[0] == "State" and set(out[1:]) == {"Sri Lanka"}
    xlsx = tmp_path / "t.xlsx"
    assert cli(["--db", db, "obligations", "--state", "Peru", "--out", str(xlsx), "--as-at", "2020-11-20"]) == 0
    assert "Wrote" in capsys.readouterr().out and xlsx.stat().st_size > 0
    assert cli(["--db", db, "obligations", "--state", "Atlantis"]) == 1
    assert "Atlantis" in capsys.readouterr().err


def test_a_report_or_a_request_removed_after_a_version_check(services):
    report = services.obligations.add_report("Namibia", D(2019, 7, 1), treaty="CCM")
    request = services.obligations.add_request(
        RequestInput("Chile", ART4, D(2022, 6, 1), 12, meeting_name="2RC"), treaty="CCM"
    )
    services.obligations.set_outcome(request, Outcome.RECOMMENDED, D(2020, 11, 27))
    with pytest.raises(ConflictError):
        services.obligations.remove_request(request, expected_version=1)
    services.obligations.remove_request(request, expected_version=2)
    services.obligations.remove_report(report, expected_version=1)
    t = services.obligations.tracker(D(2020, 1, 1), state="Chile", treaty="CCM")
    assert (
        t.requests == ()
        and services.obligations.tracker(D(2020, 1, 1), year=2019, treaty="CCM").transparency.on_time == ()
    )
    with services.db.transaction(write=False) as s:
        removed = s.scalars(sa.select(ChangeLog.table_name).where(ChangeLog.action == "removed")).all()
    assert sorted(removed) == ["extension_request", "transparency_report"]


def test_the_database_refuses_a_shorter_grant_without_its_date(services):
    """The service's rule is the database's too (a shorter grant without its date would fall back to the longer
    period requested)."""
    import sqlalchemy as sa

    request_id = services.obligations.add_request(
        RequestInput("Chile", ART4, D(2022, 6, 1), 12, meeting_name="2RC"), treaty="CCM"
    )
    with services.db.engine.connect() as conn:
        with pytest.raises(sa.exc.IntegrityError):
            conn.execute(
                sa.text("UPDATE extension_request SET outcome = 'granted shorter', outcome_on = :d WHERE id = :i"),
                {"d": D(2021, 9, 21), "i": request_id},
            )
        conn.rollback()


def test_a_request_giving_only_its_date_is_held_to_the_longest_extension(services):
    """Articles 3.3 and 4.5: up to four and five years a request, counted from the deadline it extends (the
    original one, or the one a granted request set) when the request states no period."""
    ob = services.obligations
    with pytest.raises(ValidationError, match="48 months at most: from 1 March 2021, until 1 March 2025 at the latest"):
        ob.add_request(RequestInput("Peru", ART3, D(2025, 3, 2), meeting_name="2RC"), treaty="CCM")
    peru = ob.add_request(RequestInput("Peru", ART3, D(2025, 3, 1), meeting_name="2RC"), treaty="CCM")
    with pytest.raises(ValidationError, match="60 months at most: from 1 June 2021, until 1 June 2026"):
        ob.add_request(RequestInput("Chile", ART4, D(2026, 6, 2), meeting_name="2RC"), treaty="CCM")
    assert ob.add_request(RequestInput("Chile", ART4, D(2026, 6, 1), meeting_name="2RC"), treaty="CCM")
    # Article 4.1 (b): remnants after entry into force count from the end of the hostilities recorded.
    ob.set_record(RecordInput("Lebanon", ART4, applies=True, hostilities_ended=D(2024, 11, 27)), treaty="CCM")
    assert ob.add_request(RequestInput("Lebanon", ART4, D(2039, 11, 27), meeting_name="15MSP"), treaty="CCM")
    # A renewed extension counts from the deadline the granted one set (Bulgaria: 1 October 2019, then 2020).
    first = ob.add_request(RequestInput("Bulgaria", ART3, D(2020, 10, 1), 12, meeting_name="9MSP"), treaty="CCM")
    ob.set_outcome(first, Outcome.GRANTED, D(2019, 9, 4))
    with pytest.raises(ValidationError, match="from 1 October 2020, until 1 October 2024 at the latest"):
        ob.add_request(RequestInput("Bulgaria", ART3, D(2024, 10, 2), meeting_name="2RC"), treaty="CCM")
    assert ob.add_request(RequestInput("Bulgaria", ART3, D(2024, 10, 1), meeting_name="2RC"), treaty="CCM")
    # A change to the date is checked as well, against the request's own deadline (not itself).
    with pytest.raises(ValidationError, match="until 1 March 2025 at the latest"):
        ob.update_request(peru, RequestInput("Peru", ART3, D(2025, 4, 1), meeting_name="2RC"), expected_version=1)
    ob.update_request(peru, RequestInput("Peru", ART3, D(2024, 4, 1), meeting_name="2RC"), expected_version=1)


def test_every_annual_report_not_received_is_overdue_not_only_the_latest(services):
    ob = services.obligations
    ob.add_report("Philippines", D(2019, 12, 20), treaty="CCM")  # in force 1 July 2019: initial due 28 Dec 2019
    ob.add_report("Philippines", D(2022, 4, 1), year_covered=2021, treaty="CCM")
    t = ob.tracker(D(2023, 5, 2), state="Philippines", treaty="CCM")
    overdue = [r.label for r in t.overdue_reports]
    # The first annual report covers 2019 (due 30 April 2020, after the initial report's 28 December 2019); 2021's
    # is received: the earlier ones missing are overdue as well as the latest.
    assert overdue == ["Annual report 2019", "Annual report 2020", "Annual report 2022"]
    received = [r.label for r in t.reports if r.received_on is not None]
    assert received == ["Initial report"]  # a received annual report that is not the latest is not listed
    ob.add_report("Philippines", D(2023, 6, 1), year_covered=2022, treaty="CCM")  # late, but received
    t = ob.tracker(D(2023, 6, 2), state="Philippines", treaty="CCM")
    assert [r.label for r in t.overdue_reports] == ["Annual report 2019", "Annual report 2020"]
    assert [r.label for r in t.reports] == ["Initial report", "Annual report 2019", "Annual report 2020",
                                            "Annual report 2022"]  # fmt: skip


def test_a_withdrawal_ends_the_tracked_obligations(services):
    """Lithuania: in force 1 September 2011, withdrawal effective 6 March 2025 (Article 20)."""
    ob = services.obligations
    ob.set_record(RecordInput("Lithuania", ART4, applies=True), treaty="CCM")  # 1 September 2021
    t = ob.tracker(D(2026, 6, 1), state="Lithuania", treaty="CCM")
    assert [r.label for r in t.reports][-1] == "Annual report 2023"  # due 30 April 2024; 2025's after it
    by = {d.obligation: d for d in t.deadlines}
    assert (by[ART4].deadline, by[ART4].status) == (D(2021, 9, 1), "overdue")  # ran out before it withdrew
    assert (by[ART3].deadline, by[ART3].status) == (D(2019, 9, 1), "overdue")
    extension = ob.add_request(RequestInput("Lithuania", ART4, D(2026, 9, 1), 60, meeting_name="9MSP"), treaty="CCM")
    ob.set_outcome(extension, Outcome.GRANTED, D(2020, 9, 4))
    by = {d.obligation: d for d in ob.tracker(D(2026, 6, 1), state="Lithuania", treaty="CCM").deadlines}
    assert (by[ART4].deadline, by[ART4].status) == (D(2026, 9, 1), "ended by withdrawal")


def test_the_obligations_command_says_a_convention_sets_none(tmp_path, capsys):
    from ccm_secretariat.cli import main as cli

    db = str(tmp_path / "o.sqlite3")
    create = ["--db", db, "meeting", "create", "--treaty", "ATT", "--title", "Sixth Conference of States Parties"]
    assert cli([*create, "--short-title", "CSP6", "--prefix", "ATT/CSP6/2020", "--first-day", "2020-10-03",
                "--last-day", "2020-10-07"]) == 0  # fmt: skip
    capsys.readouterr()
    assert cli(["--db", db, "obligations", "--meeting", "ATT/CSP6/2020"]) == 0
    assert (
        capsys.readouterr().out
        == "The ATT sets no obligation the tracker follows: its convention profile gives none.\n"
    )
    assert cli(["--db", db, "obligations", "--treaty", "CCM", "--state", "Peru", "--as-at", "2020-11-20"]) == 0
    assert "Article 3: stockpile destruction" in capsys.readouterr().out  # a convention named, not the meeting's
