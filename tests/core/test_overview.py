"""The overview's figures against a meeting whose counts are known, and each figure's own delegations or people."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from ccm_secretariat.domain.enums import CredentialsKind, Gender
from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.orm import Participant
from ccm_secretariat.services.meetings import MeetingInput
from tests.core.meetings import fourteenth_msp

TODAY = dt.date(2026, 9, 8)  # the second day of the meeting


def known_meeting(services):
    """14MSP: Chile (3: 2 women, 1 man; original credentials), Costa Rica (1, not stated; none), Indonesia
    (signatory; 1 other; a copy), the ICRC (rule 1(2); 1 woman). Registered 1, 1, 3 and 1 on four days, one
    with no date; one Chilean checked in today; two badges printed. The 13MSP before it: Chile with one person."""
    reg = services.registration
    thirteenth = services.meetings.create(
        MeetingInput(
            "Thirteenth Meeting",
            "13MSP",
            "CCM/MSP/2025",
            dt.date(2025, 9, 15),
            dt.date(2025, 9, 17),
            "",
            "Geneva",
            treaty="CCM",
        )
    )
    earlier = reg.add_state_delegation(thirteenth.id, "Chile")
    reg.add_participant(earlier.id, ParticipantInput("Rojas", "Ana", gender=Gender.FEMALE))
    m = fourteenth_msp(services)
    chile = reg.add_state_delegation(m.id, "Chile")
    costa_rica = reg.add_state_delegation(m.id, "Costa Rica")
    indonesia = reg.add_state_delegation(m.id, "Indonesia")
    icrc = reg.add_organisation_delegation(m.id, "ICRC")
    reg.set_credentials([chile.id], True, CredentialsKind.ORIGINAL, dt.date(2026, 9, 1))
    reg.set_credentials([indonesia.id], True, CredentialsKind.NOTE_VERBALE, dt.date(2026, 9, 2))
    people = {
        "ana": reg.add_participant(chile.id, ParticipantInput("Pérez", "Ana", gender=Gender.FEMALE)),
        "eva": reg.add_participant(chile.id, ParticipantInput("Soto", "Eva", gender=Gender.FEMALE)),
        "luis": reg.add_participant(chile.id, ParticipantInput("Mora", "Luis", gender=Gender.MALE)),
        "kim": reg.add_participant(costa_rica.id, ParticipantInput("Vargas", "Kim")),
        "ari": reg.add_participant(indonesia.id, ParticipantInput("Wibowo", "Ari", gender=Gender.OTHER)),
        "sara": reg.add_participant(icrc.id, ParticipantInput("Keller", "Sara", gender=Gender.FEMALE)),
    }
    dates = {
        "ana": dt.date(2026, 8, 1),
        "eva": dt.date(2026, 8, 20),
        "luis": dt.date(2026, 9, 6),
        "kim": dt.date(2026, 9, 6),
        "ari": dt.date(2026, 9, 6),
        "sara": None,
    }
    with services.db.transaction() as s:
        for name, day in dates.items():
            s.execute(sa.update(Participant).where(Participant.id == people[name].id).values(registration_date=day))
    services.check_in.check_in(m.id, people["eva"].id, TODAY)
    services.badges.record_printed([people["ana"].id, people["sara"].id], "90x55")
    ids = {k: v.id for k, v in people.items()}
    return m, {"chile": chile.id, "costa_rica": costa_rica.id, "indonesia": indonesia.id, "icrc": icrc.id}, ids


def test_each_figure_counts_what_the_meeting_holds(services):
    m, d, p = known_meeting(services)
    o = services.overview.overview(m.id, today=TODAY)
    sp, sig, r12 = "state_party", "signatory", "rule_1_2"
    assert o.categories == (sp, sig, r12)
    assert [(f.label, f.count) for f in o.delegations] == [
        ("States Parties: delegations", 2),
        ("Signatory States: delegations", 1),
        ("Organisations attending under rule 1(2): delegations", 1),
    ]
    assert o.figure("delegations/state_party").delegation_ids == {d["chile"], d["costa_rica"]}
    assert [f.count for f in o.participants] == [4, 1, 1]
    assert o.figure("participants/state_party").participant_ids == {p["ana"], p["eva"], p["luis"], p["kim"]}
    assert o.previous_title == "Thirteenth Meeting" and o.previous == {sp: (1, 1)}

    assert [[f.count for f in bar.segments] for bar in o.credentials] == [[1, 0, 1], [0, 1, 0], [0, 0, 1]]
    assert o.figure("credentials/signatory/copy").delegation_ids == {d["indonesia"]}  # a note verbale
    assert o.missing_credentials.delegation_ids == {d["costa_rica"]}

    assert [[f.count for f in bar.segments] for bar in o.gender] == [[2, 1, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0]]
    assert o.figure("gender/state_party/female").participant_ids == {p["ana"], p["eva"]}

    assert o.registrations == ((dt.date(2026, 8, 1), 1), (dt.date(2026, 8, 20), 2), (dt.date(2026, 9, 6), 5))
    assert o.undated == 1 and o.first_day == dt.date(2026, 9, 7)

    assert [f.count for f in o.present_today] == [1, 0, 0]
    assert o.figure("today/state_party").participant_ids == {p["eva"]}
    assert o.badges_printed.participant_ids == {p["ana"], p["sara"]}
    assert o.badges_not_printed.count == 4
    assert {f.key for f in o.all_figures()} >= {"credentials/missing", "badges/printed", "today/rule_1_2"}


def test_the_demo_overview_matches_its_registration(demo, demo_meeting):
    o = demo.overview.overview(demo_meeting.id)
    rows = demo.registration.delegations(demo_meeting.id)
    for figure, category in zip(o.delegations, o.categories):
        assert figure.count == sum(1 for r in rows if r.category == category)
    assert sum(f.count for f in o.delegations) == 88
    assert o.previous_title == ""  # the demo is the only meeting
    assert sum(bar.total for bar in o.credentials) == 88
