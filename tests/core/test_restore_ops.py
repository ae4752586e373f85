"""Undo puts a removed record back as it was: the same id (so later steps on the undo stack find it), the same
version and the same place, for every record whose removal the desk can undo (issue 22: the inverse operations
live in the services, not in the pages)."""

import datetime as dt

import pytest

from ccm_secretariat.domain.events import EventKind, MeetingEvent
from ccm_secretariat.errors import ConflictError


def test_a_decision_paragraph_comes_back_with_its_id_version_and_number(demo, demo_meeting):
    agenda, mid = demo.agenda, demo_meeting.id
    before = agenda.decisions(mid)
    third = before[2]
    agenda.update_decision(third.id, third.text + " More.", third.version)
    edited = agenda.decisions(mid)[2]
    removed = agenda.remove_decision(edited.id, edited.version)
    assert [d.position for d in agenda.decisions(mid)] == list(range(1, len(before)))  # no gap left
    back = agenda.restore_decision(mid, removed)
    assert (back.id, back.version, back.position, back.text) == (edited.id, edited.version, 3, edited.text)
    assert [d.id for d in agenda.decisions(mid)] == [d.id for d in before]
    request_place = next(d for d in before if d.request_id is not None)  # a request's place comes back whole
    back = agenda.restore_decision(mid, agenda.remove_decision(request_place.id))
    assert (back.request_id, back.text) == (request_place.request_id, "")


def test_a_plenary_meeting_and_an_officer_come_back_under_their_own_ids(demo, demo_meeting):
    agenda, meetings, mid = demo.agenda, demo.meetings, demo_meeting.id
    ninth = next(p for p in agenda.plenaries(mid) if p.number == 9)
    removed = agenda.remove_plenary(ninth.id, ninth.version)
    assert ninth.id not in [p.id for p in agenda.plenaries(mid)]
    back = agenda.restore_plenary(mid, removed)
    assert back == ninth
    with pytest.raises(ConflictError):  # the version check still holds on the restored meeting
        agenda.remove_plenary(ninth.id, ninth.version + 1)
    president = next(o for o in meetings.get(mid).officers if o.role == "President")
    back_officer = meetings.restore_officer(mid, meetings.remove_officer(president.id))
    assert back_officer == president
    assert meetings.get(mid).officers[0] == president  # in its place


def test_a_history_record_comes_back_in_its_place_with_its_version(demo, demo_meeting):
    events, mid = demo.events, demo_meeting.id
    before = events.list(mid)
    fourth = before[3]
    removed = events.remove(fourth.id, fourth.version)
    back = events.restore(mid, removed)
    assert back == fourth
    assert events.list(mid) == before
    added = events.add(mid, MeetingEvent(EventKind.STATEMENT, on=dt.date(2020, 11, 26), name="Ms. A. Example"))
    again = events.restore(mid, events.remove(added.id))
    assert again == added
