import datetime as dt

import pytest

from ccm_secretariat.domain.enums import Attendance, CredentialsKind, Role, Rule
from ccm_secretariat.errors import ConflictError, DuplicateError, NotFoundError, ValidationError
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput


@pytest.fixture
def meeting(services):
    return services.meetings.create(
        MeetingInput(
            "Eleventh Meeting of States Parties to the Convention on Cluster Munitions",
            "11MSP",
            "CCM/MSP/2023",
            dt.date(2023, 9, 11),
            dt.date(2023, 9, 14),
            "Palais des Nations",
            "Geneva",
            body_name="Meeting",
            treaty="CCM",
        )
    )


def test_categories_follow_the_status_on_the_first_day(services, meeting):
    reg = services.registration
    for name in ["Nigeria", "South Sudan", "Angola", "Argentina", "Lithuania"]:
        reg.add_state_delegation(meeting.id, name)
    reg.add_organisation_delegation(meeting.id, "ICRC")
    reg.add_organisation_delegation(meeting.id, "Mines Advisory Group")
    got = {r.name: r.category for r in reg.delegations(meeting.id)}
    assert got == {
        "Nigeria": "state_party",  # deposit 28 February 2023, in force 1 August 2023
        "South Sudan": "ratified_not_in_force",  # acceded 3 August 2023, in force 1 February 2024
        "Angola": "signatory",
        "Argentina": "observer_state",
        "Lithuania": "state_party",
        "International Committee of the Red Cross": "rule_1_2",
        "Mines Advisory Group": "rule_1_3",
    }
    counts = reg.category_counts(meeting.id)
    assert counts["state_party"] == (2, 0)
    assert counts["rule_1_3"] == (1, 0)


def test_unknown_and_duplicate_delegations_are_refused(services, meeting):
    reg = services.registration
    with pytest.raises(ValidationError) as info:
        reg.add_state_delegation(meeting.id, "Freedonia")
    assert info.value.field == "state" and "Freedonia" in info.value.message
    reg.add_state_delegation(meeting.id, "Czech Republic")
    with pytest.raises(DuplicateError, match="Czechia is registered"):
        reg.add_state_delegation(meeting.id, "Czechia")
    with pytest.raises(ValidationError, match="not in the list of organisations"):
        reg.add_organisation_delegation(meeting.id, "Acme Lobby")


def test_name_as_the_meeting_writes_it_and_english_order(services, meeting):
    reg = services.registration
    for name in ["Croatia", "Côte d'Ivoire", "Costa Rica"]:
        reg.add_state_delegation(meeting.id, name)
    reg.add_state_delegation(meeting.id, "Czechia", name="Czech Republic")
    assert [r.name for r in reg.delegations(meeting.id)] == ["Costa Rica", "Côte d'Ivoire", "Croatia", "Czech Republic"]


def test_category_override_needs_a_reason_and_can_be_undone(services, meeting):
    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "Argentina")
    with pytest.raises(ValidationError) as info:
        reg.set_category(d.id, "signatory", "")
    assert info.value.field == "reason"
    with pytest.raises(ValidationError, match="does not apply"):
        reg.set_category(d.id, "rule_1_3", "why not")
    changed = reg.set_category(d.id, "signatory", "Signature deposited on the eve of the meeting")
    assert changed.category == "signatory" and changed.is_overridden
    assert changed.override_reason.startswith("Signature")
    back = reg.set_category(d.id, None)
    assert back.category == "observer_state" and not back.is_overridden and back.override_reason == ""


def test_organisation_rule_override_at_a_meeting(services, meeting):
    d = services.registration.add_organisation_delegation(meeting.id, "UNDP", Rule.RULE_1_3)  # by its rule; or its key
    assert d.category == "rule_1_3" and d.derived_category == "rule_1_2"
    by_key = services.registration.add_organisation_delegation(meeting.id, "UNICEF", "rule_1_3")
    assert (
        by_key.category == "rule_1_3"
        and by_key.override_reason == "Attends as “Organisations attending under rule 1(3)” at this meeting."
    )


def test_participants_in_protocol_order_and_hostile_names(services, meeting):
    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "Lebanon")
    reg.add_participant(d.id, ParticipantInput("Haddad", "Rana", "Ms.", role=Role.EXPERT))
    reg.add_participant(d.id, ParticipantInput("الخطيب", "محمد", "Mr.", role=Role.ADVISER))
    reg.add_participant(
        d.id,
        ParticipantInput(
            "Khoury",
            "Salim",
            "H.E. Mr.",
            "Ambassador",
            role=Role.HEAD,
            email="s.khoury@example.org",
            consent_to_publish=True,
        ),
    )
    reg.add_participant(d.id, ParticipantInput("<script>&amp; 😀", "=SUM(A1)", "Mx.", "R&D <lead>"))
    people = reg.participants(d.id)
    assert [p.role for p in people] == [Role.HEAD, Role.REPRESENTATIVE, Role.ADVISER, Role.EXPERT]
    assert people[0].display_name == "H.E. Mr. Salim Khoury"
    assert people[1].family_name == "<script>&amp; 😀" and people[1].given_names == "=SUM(A1)"
    assert people[2].full_name == "محمد الخطيب"
    assert reg.delegations(meeting.id)[0].participant_count == 4


def test_duplicate_people_and_bad_fields_are_refused(services, meeting):
    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "Peru")
    other = reg.add_state_delegation(meeting.id, "Chile")
    reg.add_participant(d.id, ParticipantInput("Müller", "Zoë", role=Role.HEAD, email="zoe@example.org"))
    with pytest.raises(DuplicateError) as info:
        reg.add_participant(d.id, ParticipantInput("MULLER", "Zoe"))
    assert info.value.field == "family_name"
    with pytest.raises(DuplicateError, match="delegation of Peru") as info:
        reg.add_participant(other.id, ParticipantInput("Rojas", "Ana", email="ZOE@example.org"))
    assert info.value.field == "email"
    with pytest.raises(DuplicateError, match="head of delegation already") as info:
        reg.add_participant(d.id, ParticipantInput("Quispe", "Luis", role=Role.HEAD))
    with pytest.raises(ValidationError) as info:
        reg.add_participant(d.id, ParticipantInput("  "))
    assert info.value.field == "family_name"
    with pytest.raises(ValidationError) as info:
        reg.add_participant(d.id, ParticipantInput("Quispe", email="not an address"))
    assert info.value.field == "email"
    with pytest.raises(ValidationError) as info:
        reg.add_participant(d.id, ParticipantInput("Quispe", phone="call me"))
    assert info.value.field == "phone"
    with pytest.raises(ValidationError, match="at most 200") as info:
        reg.add_participant(d.id, ParticipantInput("x" * 201))
    assert len(reg.participants(d.id)) == 1


def test_update_and_remove_participant(services, meeting):
    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "Peru")
    p = reg.add_participant(d.id, ParticipantInput("Quispe", "Luis"))
    updated = reg.update_participant(p.id, ParticipantInput("Quispe Mamani", "Luis", "Mr.", role=Role.HEAD))
    assert updated.family_name == "Quispe Mamani" and updated.role is Role.HEAD
    removed = reg.remove_participant(p.id)
    assert [r["family_name"] for r in removed.participants] == ["Quispe Mamani"]
    with pytest.raises(NotFoundError):
        reg.participant(p.id)
    reg.restore(removed)
    assert reg.participant(p.id).display_name == "Mr. Luis Quispe Mamani"


def test_credentials_and_attendance_for_many_at_once(services, meeting):
    reg = services.registration
    ids = [reg.add_state_delegation(meeting.id, n).id for n in ("Peru", "Chile", "Mexico")]
    with pytest.raises(ValidationError):
        reg.set_credentials(ids, True)
    assert reg.set_credentials(ids[:2], True, CredentialsKind.NOTE_VERBALE, dt.date(2023, 9, 1)) == 2
    rows = {r.name: r for r in reg.delegations(meeting.id)}
    assert rows["Peru"].credentials_kind is CredentialsKind.NOTE_VERBALE
    assert rows["Peru"].credentials_date == dt.date(2023, 9, 1)
    assert not rows["Mexico"].credentials_received
    with pytest.raises(NotFoundError):
        reg.set_credentials([ids[0], 99999], True, CredentialsKind.COPY)
    assert reg.delegation(ids[0]).credentials_kind is CredentialsKind.NOTE_VERBALE

    people = [reg.add_participant(ids[0], ParticipantInput(f"Person{i}")).id for i in range(3)]
    assert len(reg.set_attendance(people, 1, Attendance.ONLINE)) == 3
    assert reg.participant(people[0]).attendance == ((1, Attendance.ONLINE),)
    with pytest.raises(ValidationError, match="no part 2"):
        reg.set_attendance(people, 2, Attendance.IN_PERSON)
    assert reg.participant(people[0]).attendance == ((1, Attendance.ONLINE),)


def test_removing_a_delegation_removes_its_members(services, meeting):
    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "Peru")
    p = reg.add_participant(d.id, ParticipantInput("Quispe"))
    reg.remove_delegation(d.id)
    with pytest.raises(NotFoundError):
        reg.participant(p.id)


def test_attendance_and_its_undo_count_the_version_up_even_within_one_second(services, meeting):
    """Another desk holding the version read before must be refused after each of them (review of issue 20)."""
    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "Peru")
    person = reg.add_participant(d.id, ParticipantInput("Quispe")).id
    start = reg.participant(person).version
    after_set = reg.set_attendance([person], 1, Attendance.ONLINE, expected_versions={person: start})[person]
    after_undo = reg.restore_attendance({person: None}, 1, {person: after_set})[person]
    after_redo = reg.restore_attendance({person: Attendance.ONLINE}, 1, {person: after_undo})[person]
    assert start < after_set < after_undo < after_redo  # all within the same second, most likely
    with pytest.raises(ConflictError):
        reg.restore_attendance({person: None}, 1, {person: after_set})
