"""The meeting's history as records, and the report's introduction written from them (the seed's 1-8)."""

import dataclasses
import datetime as dt
import re

import pytest
import sqlalchemy as sa

from ccm_secretariat.domain.enums import OfficerRole
from ccm_secretariat.domain.events import EventKind, MeetingEvent
from ccm_secretariat.errors import ConflictError, DomainError, ValidationError
from ccm_secretariat.report.events import DayTeller, introduction, messages
from ccm_secretariat.report.events_en import EnglishEvents


def seed_paragraph_whole(seed: str, number: int) -> tuple[str, tuple[str, ...]]:
    """The seed's paragraph `number` with the text a page break cut off (paragraph 5 runs on after the page
    footer's blank lines), and its lettered items ("- (a) ...")."""
    block = re.search(rf"^{number}\. (.*?)(?=^\d+\. |^[IVX]+\. |^Annex|\Z)", seed, re.M | re.S).group(1)
    lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
    items = tuple(line[2:] for line in lines if line.startswith("- "))
    text = " ".join(line for line in lines if not line.startswith("- "))
    return text, items


def intro(services, meeting):
    return introduction(services.events.list(meeting.id), services.meetings.get(meeting.id), EnglishEvents())


def test_the_introduction_is_the_seeds_paragraphs_1_to_8_word_for_word(demo, demo_meeting, seed_text):
    paragraphs = intro(demo, demo_meeting)
    assert len(paragraphs) == 8
    for number, paragraph in enumerate(paragraphs, 1):
        assert (paragraph.text, paragraph.items) == seed_paragraph_whole(seed_text, number), number
    assert paragraphs[0].items[0] == "(a) To review the operation and status of this Convention;"


def test_changing_a_record_changes_every_sentence_that_states_it(demo, demo_meeting):
    events = {e.kind: e for e in demo.events.list(demo_meeting.id)}
    convened = events[EventKind.CONVENED]
    demo.events.update(
        convened.id, dataclasses.replace(convened, start=dt.date(2020, 11, 30), end=dt.date(2020, 12, 4)), 1
    )
    president = next(o for o in demo.meetings.get(demo_meeting.id).officers if o.role == "President")
    demo.meetings.remove_officer(president.id)
    demo.meetings.add_officer(
        demo_meeting.id, "President", salutation="Ms.", name="Ana Example", kind=OfficerRole.PRESIDENT
    )
    texts = [p.text for p in intro(demo, demo_meeting)]
    assert "would take place from 30 November to 4 December 2020 at the Palais des Nations" in texts[2]
    assert texts[3].startswith("At the same Meeting, the States Parties also designated Ms. Ana Example as President")
    assert "In accordance with the decision taken at the First Review Conference, her term commenced" in texts[3]


def test_a_preparatory_meeting_held_as_planned_and_one_moved_by_a_single_procedure(services):
    from ccm_secretariat.services.meetings import MeetingInput

    meeting = services.meetings.create(
        MeetingInput(
            "Tenth Meeting of States Parties to the Convention on Cluster Munitions",
            "10MSP",
            "CCM/MSP/2022",
            dt.date(2022, 8, 30),
            dt.date(2022, 9, 1),
            city="Geneva",
            treaty="CCM",
        )
    )
    add = services.events.add
    add(meeting.id, MeetingEvent(EventKind.PREPARATORY, number=1, start=dt.date(2022, 6, 1), on=dt.date(2022, 6, 1)))
    add(meeting.id, MeetingEvent(EventKind.PREPARATORY, number=2, start=dt.date(2022, 7, 1), on=dt.date(2022, 7, 8)))
    add(
        meeting.id,
        MeetingEvent(
            EventKind.SILENCE,
            number=2,
            start=dt.date(2022, 6, 20),
            end=dt.date(2022, 6, 24),
            agreed_start=dt.date(2022, 7, 8),
            agreed_end=dt.date(2022, 7, 8),
        ),
    )
    texts = [p.text for p in intro(services, meeting)]
    assert texts[0] == "The First Preparatory Meeting took place on 1 June 2022."
    assert texts[1] == (
        "The Second Preparatory Meeting planned on 1 July 2022 could not take place. Through a silence procedure "
        "that lasted from 20 to 24 June 2022, the States Parties agreed to hold this Meeting on 8 July 2022. The "
        "Second Preparatory Meeting was therefore held on that date."
    )


def test_messages_say_on_the_same_day_when_they_follow_each_other(demo, demo_meeting, seed_text):
    from tests.core.test_report import seed_paragraph

    days = DayTeller(EnglishEvents())
    texts = messages(demo.events.list(demo_meeting.id), "Conference", EnglishEvents(), days)
    # The seed omits the comma after a name its sentence puts a capacity after (paragraph 19 only; 20 has it).
    expected_19 = seed_paragraph(seed_text, 19).replace("Nakamitsu High", "Nakamitsu, High")
    assert texts == [expected_19, seed_paragraph(seed_text, 20)]
    assert days.on(dt.date(2020, 11, 25)) == "On the same day"
    days.interrupt()
    assert days.on(dt.date(2020, 11, 25)) == "On 25 November 2020"


def test_records_are_checked_by_the_service_and_by_the_database(services, demo_meeting=None):
    from ccm_secretariat.services.meetings import MeetingInput

    meeting = services.meetings.create(
        MeetingInput("A meeting", "Meeting", "X/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 3), treaty="CCM")
    )
    with pytest.raises(ValidationError) as missing:
        services.events.add(meeting.id, MeetingEvent(EventKind.REQUESTED, reference="80/1", outcome="to convene"))
    assert missing.value.field == "number"
    with pytest.raises(ValidationError) as backwards:
        services.events.add(
            meeting.id, MeetingEvent(EventKind.SILENCE, start=dt.date(2026, 5, 9), end=dt.date(2026, 5, 2))
        )
    assert backwards.value.field == "end"
    with pytest.raises(DomainError), services.db.transaction() as s:  # the same rule, in the database
        s.execute(
            sa.text(
                "INSERT INTO meeting_event (meeting_id, position, kind, name, reference, venue, circumstances, "
                "outcome, flag, version) VALUES (:m, 1, 'requested', '', '80/1', '', '', 'to convene', false, 1)"
            ),
            {"m": meeting.id},
        )
    assert services.events.list(meeting.id) == []


def test_removing_and_adding_back_keeps_the_order_and_a_stale_change_is_refused(services):
    from ccm_secretariat.services.meetings import MeetingInput

    meeting = services.meetings.create(
        MeetingInput("A meeting", "Meeting", "X/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 3), treaty="CCM")
    )
    for n in (1, 2, 3):
        services.events.add(meeting.id, MeetingEvent(EventKind.PREPARATORY, number=n, start=dt.date(2026, n, 1)))
    second = services.events.list(meeting.id)[1]
    removed = services.events.remove(second.id, second.version)
    assert [e.number for e in services.events.list(meeting.id)] == [1, 3]
    services.events.add(meeting.id, removed)  # undo: back in its place
    assert [(e.number, e.position) for e in services.events.list(meeting.id)] == [(1, 1), (2, 2), (3, 3)]
    first = services.events.list(meeting.id)[0]
    services.events.update(first.id, dataclasses.replace(first, venue="Geneva"), first.version)
    with pytest.raises(ConflictError):
        services.events.update(first.id, dataclasses.replace(first, venue="Vienna"), first.version)
    assert services.events.list(meeting.id)[0].venue == "Geneva"
