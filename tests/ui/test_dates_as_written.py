"""Dates the desk writes on screen read as the UN writes them: "6 December 2026", never "06 December 2026"
(the record panel's last change, the running total a screen reader reads, the services' messages)."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.services.meetings import MeetingInput

EARLY = dt.datetime(2026, 12, 6, 7, 41)  # a day with one digit


def test_the_record_panel_says_when_a_person_was_last_changed_as_dates_are_written(window, demo, monkeypatch):
    import ccm_secretariat.orm.stamps as stamps

    monkeypatch.setattr(stamps, "_now", lambda: EARLY)
    page = window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    demo.registration.add_participant(peru.id, ParticipantInput("Rojas", "Ana"))
    window.refresh_current()
    page.select_delegation("Peru")
    page.member_table.selectRow(0)
    said = page.panel.details.text()
    assert ", 6 December 2026, 07:41" in said and "06 December" not in said, said


def test_the_running_total_reads_its_days_as_dates_are_written(qtbot):
    from ui.charts import CumulativeLine

    line = CumulativeLine()
    qtbot.addWidget(line)
    line.set_points(((dt.date(2026, 9, 1), 3), (dt.date(2026, 9, 14), 5)), None)
    said = line.accessibleDescription()
    assert said == "Running total by registration date: 1 September 2026: 3; 14 September 2026: 5"


def test_the_services_name_days_as_dates_are_written(demo):
    with pytest.raises(ValidationError, match=r"the last day \(2 September 2030\) is before the first \(4 September"):
        demo.meetings.create(
            MeetingInput(
                "A meeting", "M", "CCM/MSP/2030", dt.date(2030, 9, 4), dt.date(2030, 9, 2), "", "Geneva", "CCM"
            )
        )
    meeting = demo.meetings.list()[0]
    with pytest.raises(ValidationError, match=r": 1 January 2019 falls in no part of the meeting\.$"):
        demo.agenda.set_side_event(meeting.id, dt.date(2019, 1, 1), dt.time(13), dt.time(14), "Lunch", "ICRC")
