"""Meetings the tests make: one call each, the same dates and names everywhere."""

import datetime as dt

from ccm_secretariat.services.meetings import MeetingInput


def fourteenth_msp(services, title: str = "Fourteenth Meeting of States Parties"):
    """A three-day Meeting of States Parties in Geneva, 7-9 September 2026."""
    return services.meetings.create(
        MeetingInput(
            title,
            "14MSP",
            "CCM/MSP/2026",
            dt.date(2026, 9, 7),
            dt.date(2026, 9, 9),
            "",
            "Geneva",
            body_name="Meeting",
            treaty="CCM",
        )
    )
