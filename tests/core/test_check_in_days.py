"""Issue 19: "already checked in today" names the day, and a day that is not the meeting's is refused with the
meeting's dates rather than recorded."""

import datetime as dt

from ccm_secretariat.services.check_in import Outcome
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput


def test_the_check_in_answers_name_the_day(services):
    today = dt.date.today()
    meeting = services.meetings.create(
        MeetingInput(
            "A meeting held today",
            "TODAY",
            "CCM/MSP/2099",
            today,
            today + dt.timedelta(days=1),
            "",
            "Geneva",
            treaty="CCM",
        )
    )
    delegation = services.registration.add_state_delegation(meeting.id, "Chile")
    person = services.registration.add_participant(delegation.id, ParticipantInput("Rojas", "Ana"))
    assert services.check_in.check_in(meeting.id, person.id, today).ok
    again = services.check_in.check_in(meeting.id, person.id, today)
    assert again.outcome is Outcome.ALREADY
    assert f"was checked in today, {today.day} {today:%B} {today.year}, at" in again.message
    later = today + dt.timedelta(days=30)
    refused = services.check_in.check_in(meeting.id, person.id, later)
    assert refused.outcome is Outcome.NOT_A_MEETING_DAY and not refused.ok
    assert f"{later.day} {later:%B} {later.year} is not a day of the meeting (TODAY), held " in refused.message
    assert services.check_in.counts(meeting.id, later) == {}
