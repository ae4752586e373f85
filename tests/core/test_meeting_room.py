"""The meeting room's core: badge codes, the seating order worked out by hand, the room filled, check-in at the
door, badges recorded as printed, and what the database refuses by itself."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_secretariat.domain.badge_code import badge_code, next_generation, read_code
from ccm_secretariat.domain.enums import Attendance
from ccm_secretariat.domain.names import un_sort_key
from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.domain.seating import Room, Seated, from_the_draw, place, seating_order
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.services import open_services
from ccm_secretariat.services.check_in import Outcome
from ccm_secretariat.services.meetings import MeetingInput
from tests.backends import assert_refused
from tests.core.meetings import fourteenth_msp

SP, SIG, OBS, ORG = "state_party", "signatory", "observer_state", "rule_1_3"


def seated(names, category=SP, start=1):
    return [Seated(start + i, n, un_sort_key(n), category) for i, n in enumerate(names)]


KEY = b"a database's own key"


def test_a_badge_code_is_digits_with_a_keyed_mac_that_catches_slips_and_forgeries():
    code = badge_code(KEY, 4321)
    assert code.isdigit() and code.startswith("432101") and len(code) == 4 + 2 + 10
    assert read_code(KEY, code) == (4321, 1) and read_code(KEY, f" {code} ") == (4321, 1)
    assert read_code(KEY, badge_code(KEY, 123456, 7)) == (123456, 7)
    for i in range(len(code)):  # every single wrong digit
        for digit in "0123456789":
            if digit != code[i]:
                assert read_code(KEY, code[:i] + digit + code[i + 1 :]) is None
    for i in range(len(code) - 1):  # every swap of two neighbouring digits that changes the code
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
        if swapped != code:
            assert read_code(KEY, swapped) is None
    for bad in ("", "abc", "12", "٠٠٠١٩٦", "0001 96x", "000195", "4321" + "01" + "0" * 10):
        assert read_code(KEY, bad) is None
    assert read_code(b"another database's key", code) is None  # another database's badge, or a forgery
    assert badge_code(KEY, 4321, 2) != code and next_generation(98) == 99
    with pytest.raises(ValueError):  # starting again at 1 would make the newest badge look older than the others
        next_generation(99)
    assert read_code(KEY, "1" * 5000) is None  # a hostile length is simply not a code


STATES = ["Austria", "Costa Rica", "Côte d'Ivoire", "Croatia", "Ghana", "Mexico", "Zambia"]


@pytest.mark.parametrize(
    "drawn, expected",
    [
        ("Afghanistan", STATES),  # at the start of the alphabet: no wrap
        ("Côte d'Ivoire", ["Côte d'Ivoire", "Croatia", "Ghana", "Mexico", "Zambia", "Austria", "Costa Rica"]),
        ("Dominica", ["Ghana", "Mexico", "Zambia", "Austria", "Costa Rica", "Côte d'Ivoire", "Croatia"]),  # not here
        ("Zimbabwe", STATES),  # after the last: wraps round to the first
        ("Zambia", ["Zambia", "Austria", "Costa Rica", "Côte d'Ivoire", "Croatia", "Ghana", "Mexico"]),
    ],
)
def test_the_seating_starts_from_the_state_drawn_and_wraps_round(drawn, expected):
    shuffled = seated(list(reversed(STATES)))
    assert [d.name for d in from_the_draw(shuffled, un_sort_key(drawn))] == expected


def test_categories_follow_each_other_and_a_category_of_one_is_seated():
    delegations = (
        seated(["Peru", "Chile", "Norway"], SP)
        + seated(["Angola"], SIG, 10)
        + seated(["China", "Qatar", "India"], OBS, 20)
        + seated(["Mines Advisory Group", "CMC"], ORG, 30)
    )
    order = [d.name for d in seating_order(delegations, un_sort_key("Nepal"))]
    assert order == ["Norway", "Peru", "Chile", "Angola", "Qatar", "China", "India", "CMC", "Mines Advisory Group"]


def test_the_room_is_filled_row_by_row_and_a_delegation_is_never_split():
    order = seated(["A", "B", "C", "D", "E"], SP) + seated(["F", "G"], OBS, 10)
    seats = place(order, Room(blocks=2, rows=3, seats_per_row=5), {SP: 2, OBS: 1})
    where = {}
    for s in seats:
        where.setdefault(s.delegation.name, []).append((s.row, s.block, s.number))
    # Row 1: block 1 has A (1-2), B (3-4), a seat left empty; block 2 has C, D; row 2 block 1: E, F, G.
    assert where == {
        "A": [(1, 1, 1), (1, 1, 2)],
        "B": [(1, 1, 3), (1, 1, 4)],
        "C": [(1, 2, 1), (1, 2, 2)],
        "D": [(1, 2, 3), (1, 2, 4)],
        "E": [(2, 1, 1), (2, 1, 2)],
        "F": [(2, 1, 3)],
        "G": [(2, 1, 4)],
    }
    with pytest.raises(ValidationError, match="has 6 seats .* need 14"):
        place(order, Room(1, 2, 3), {SP: 2, OBS: 2})
    with pytest.raises(ValidationError, match="only 1"):
        place(order, Room(1, 20, 1), {SP: 2})


@pytest.fixture
def meeting(services):
    m = fourteenth_msp(services)
    reg = services.registration
    for name, people in (
        ("Switzerland", ["Muller"]),
        ("Costa Rica", ["Solís"]),
        ("Côte d'Ivoire", ["Kouassi"]),
        ("Croatia", []),
        ("China", ["Li"]),
    ):
        d = reg.add_state_delegation(m.id, name)
        for family in people:
            reg.add_participant(d.id, ParticipantInput(family, "Ana"))
    return m


def test_the_plan_seats_who_takes_part_from_the_draw_and_keeps_the_draw(services, meeting):
    seating = services.seating
    fitted = seating.draw(meeting.id, "Croatia")  # no room given: one is made that seats everyone taking part
    taking_part = [d for d in services.registration.delegations(meeting.id) if d.took_part]
    assert fitted.room.seats_per_row == 20 and fitted.room.rows >= 2
    assert len(seating.layout(meeting.id).delegations_in_seat_order()) == len(taking_part)
    plan = seating.draw(meeting.id, "Costa Rica", rows=4, seats_per_row=6, seats={SP: 2}, today=dt.date(2026, 8, 1))
    assert (plan.first_state, plan.drawn_on, plan.drawn_by_desk) == ("Costa Rica", dt.date(2026, 8, 1), False)
    names = [d.name for d in seating.layout(meeting.id).delegations_in_seat_order()]
    categories = {d.name: d.category for d in services.registration.delegations(meeting.id)}
    parties = [n for n in names if categories[n] == SP]
    assert parties[:3] == ["Costa Rica", "Côte d'Ivoire", "Switzerland"] and "Croatia" not in names
    seating.set_room(meeting.id, include_registered=True, rows=5)
    layout = seating.layout(meeting.id)
    assert "Croatia" in [d.name for d in layout.delegations_in_seat_order()]
    assert layout.plan.first_state == "Costa Rica" and layout.plan.room.rows == 5
    desk = seating.draw(meeting.id)
    assert desk.drawn_by_desk and desk.first_state in {s.name for s in services.reference.states()}
    with pytest.raises(ValidationError, match="between 1 and 200"):
        seating.set_room(meeting.id, rows=0)


def test_check_in_at_the_door(services, meeting):
    people = {p.family_name: p for p in services.roster.directory(meeting.id)}
    check = services.check_in
    services.badges.record_printed([p.id for p in people.values()], "90x55")
    muller = services.badges.code(people["Muller"].id)
    day = dt.date(2026, 9, 8)
    first = check.scan(meeting.id, muller, day)
    assert first.ok and first.message == "Ana Muller — Switzerland"
    again = check.scan(meeting.id, muller, day)
    assert again.outcome is Outcome.ALREADY and "checked in for 8 September 2026 (recorded on " in again.message
    assert check.scan(meeting.id, muller, dt.date(2026, 9, 9)).ok  # the next day is another check-in
    assert check.scan(meeting.id, muller[:-1] + str((int(muller[-1]) + 1) % 10), day).outcome is Outcome.UNKNOWN
    assert check.scan(meeting.id, services.badges.code(999_999), day).outcome is Outcome.UNKNOWN
    assert check.scan(meeting.id, muller, dt.date(2026, 9, 30)).outcome is Outcome.NOT_A_MEETING_DAY
    other = services.meetings.create(
        MeetingInput(
            "Fifteenth Meeting of States Parties",
            "15MSP",
            "CCM/MSP/2027",
            dt.date(2027, 9, 6),
            dt.date(2027, 9, 8),
            "",
            "Geneva",
            body_name="Meeting",
            treaty="CCM",
        )
    )
    wrong = check.scan(other.id, muller, dt.date(2027, 9, 6))
    assert wrong.outcome is Outcome.OTHER_MEETING and "14MSP" in wrong.message
    li = check.check_in(meeting.id, people["Li"].id, day)
    assert check.counts(meeting.id, day) == {SP: 1, OBS: 1}
    roster = services.roster.roster(meeting.id)
    li_row = next(p for ps in roster.members.values() for p in ps if p.id == people["Li"].id)
    assert li_row.attendance == ((1, Attendance.IN_PERSON),)
    check.undo(li)
    assert sum(check.counts(meeting.id, day).values()) == 1
    roster = services.roster.roster(meeting.id)
    assert next(p for ps in roster.members.values() for p in ps if p.id == people["Li"].id).attendance == ()
    assert services.roster.roster(meeting.id).check_ins == {day: {SP: 1}, dt.date(2026, 9, 9): {SP: 1}}


def test_only_printed_badges_check_in_and_a_reprint_revokes_the_old_one(services, meeting, tmp_path):
    from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
    from ccm_secretariat.orm import DeskSecret
    from ccm_secretariat.progress import run_to_end

    people = {p.family_name: p for p in services.roster.directory(meeting.id)}
    check, day = services.check_in, dt.date(2026, 9, 7)
    muller, li = people["Muller"], people["Li"]
    # What an attacker computes without the key: the old scheme (number and ISO 7064 check digits), or a MAC
    # under a guessed key, for a participant never printed and for one that does not exist.
    old_scheme = f"{muller.id:04d}{(1 - muller.id * 100) % 97:02d}"
    for forged in (old_scheme, badge_code(b"guessed", muller.id), badge_code(b"", 20_000)):
        assert check.scan(meeting.id, forged, day).outcome is Outcome.UNKNOWN
    # Computed with the key itself, but never printed: still no.
    never_printed = check.scan(meeting.id, services.badges.code(muller.id), day)
    assert never_printed.outcome is Outcome.UNKNOWN and "not on any badge the desk printed" in never_printed.message
    # Printed through the export: it checks in.
    chosen = ExportOptions(participant_ids=(muller.id, li.id))
    run_to_end(DOCUMENTS["badges"].job(services, meeting.id, "pdf", tmp_path / "b.pdf", chosen))
    first = services.badges.record_of(muller.id)
    assert first.generation == 1 and check.scan(meeting.id, first.code, day).ok
    # A reprint that revokes: the old badge no longer checks in, the new one does.
    chosen = ExportOptions(participant_ids=(muller.id,), revoke_old=True)
    last = run_to_end(DOCUMENTS["badges"].job(services, meeting.id, "pdf", tmp_path / "b2.pdf", chosen))
    assert "1 of them reprinted" in last.message
    second = services.badges.record_of(muller.id)
    assert second.generation == 2 and second.code != first.code
    replaced = check.scan(meeting.id, first.code, dt.date(2026, 9, 8))
    assert replaced.outcome is Outcome.REPLACED and "replaced by a reprint" in replaced.message
    assert check.scan(meeting.id, second.code, dt.date(2026, 9, 8)).ok
    # A reprint without revoking keeps the code; codes do not reveal the key and each database has its own.
    again = ExportOptions(participant_ids=(li.id,))
    run_to_end(DOCUMENTS["badges"].job(services, meeting.id, "pdf", tmp_path / "b3.pdf", again))
    assert services.badges.record_of(li.id).code == services.badges.code(li.id, 1)
    other = open_services(tmp_path / "another.sqlite3")
    with services.db.session() as s, other.db.session() as t:
        key, other_key = s.get(DeskSecret, "badge").value, t.get(DeskSecret, "badge").value
    other.close()
    assert len(key) == 64 and key != other_key and other.badges.code(muller.id) != services.badges.code(muller.id)


def test_badges_printed_are_recorded_and_reprints_counted(services, meeting):
    ids = [p.id for p in services.roster.directory(meeting.id)]
    badges = services.badges
    assert badges.record_printed(ids[:2], "90x55") == 0
    assert badges.record_printed(ids, "90x55") == 2
    printed = badges.printed(meeting.id)
    assert {i: r.times_printed for i, r in printed.items()} == {**{i: 1 for i in ids[2:]}, ids[0]: 2, ids[1]: 2}
    badges.set_colour(meeting.id, SP, "#00ff00")
    assert badges.colours(meeting.id)[SP] == "#00FF00"
    with pytest.raises(ValidationError, match="RRGGBB"):
        badges.set_colour(meeting.id, SP, "green")
    badges.set_colour(meeting.id, SP, None)
    assert badges.colours(meeting.id)[SP] == "#1F4E9A"


def test_the_database_refuses_a_bad_room_a_bad_colour_and_a_second_check_in(services, meeting):
    services.seating.draw(meeting.id, "Chile", rows=3, seats_per_row=4)
    pid = services.roster.directory(meeting.id)[0].id
    services.check_in.check_in(meeting.id, pid, dt.date(2026, 9, 7))
    for sql, names in (
        (f"UPDATE seating_plan SET rows = 0 WHERE meeting_id = {meeting.id}", "rows_range"),
        (f"INSERT INTO seat_allowance VALUES ({meeting.id}, 'state_party', 13)", "seats_range"),
        (f"INSERT INTO category_colour VALUES ({meeting.id}, 'state_party', 'green')", "hex_colour"),
        (
            f"INSERT INTO check_in (participant_id, day, at) VALUES ({pid}, '2026-09-07', '2026-09-07 09:00')",
            "check_in.participant_id|uq_check_in_participant_id_day",
        ),
        (
            "INSERT INTO badge_print (participant_id, printed_at, layout) VALUES (99999, '2026-09-07', 'x')",
            "foreign key",
        ),
    ):
        assert_refused(services, sql, names)


def test_the_demo_is_seated_by_a_draw_with_no_room_given(demo, demo_meeting, capsys):
    from ccm_secretariat.cli import main
    from tests.core.test_room_documents import location

    assert main(["--db", location(demo), "seating", "draw", "--state", "Croatia"]) == 0
    out = capsys.readouterr().out
    assert "Seating starts from Croatia" in out and "No room was given: one of " in out and "was made to fit" in out
    layout = demo.seating.layout(demo_meeting.id)
    assert len(layout.delegations_in_seat_order()) == sum(
        1 for d in demo.registration.delegations(demo_meeting.id) if d.took_part
    )
