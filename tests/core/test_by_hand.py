"""Issue 19: a person added by hand has a registration date, as an imported one has (the overview's
registrations over time and the workbook read it)."""

import datetime as dt

import sqlalchemy as sa

from ccm_secretariat.orm import Participant
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput


def test_a_person_added_by_hand_is_registered_today(services):
    meeting = services.meetings.create(
        MeetingInput(
            "Fourteenth Meeting",
            "14MSP",
            "CCM/MSP/2026",
            dt.date(2026, 9, 7),
            dt.date(2026, 9, 9),
            "",
            "",
            treaty="CCM",
        )
    )
    delegation = services.registration.add_state_delegation(meeting.id, "Chile")
    person = services.registration.add_participant(delegation.id, ParticipantInput("Rojas", "Ana"))
    with services.db.session() as s:
        assert s.scalar(sa.select(Participant.registration_date).where(Participant.id == person.id)) == dt.date.today()
