"""Fixtures the core tests share."""

import datetime as dt

import pytest

from ccm_secretariat.services.meetings import MeetingInput


@pytest.fixture
def delegation(services):
    meeting = services.meetings.create(
        MeetingInput(
            "Meeting", "M", "CCM/MSP/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 3), "", "Geneva", treaty="CCM"
        )
    )
    return services.registration.add_state_delegation(meeting.id, "Chile")
