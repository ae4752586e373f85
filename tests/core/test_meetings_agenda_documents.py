import datetime as dt

import pytest

from ccm_secretariat.domain.enums import AgendaStatus, MeetingFormat
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.services.documents import DocumentInput
from ccm_secretariat.services.meetings import MeetingInput, ReportSettings
from tests.backends import assert_refused


@pytest.fixture
def meeting(services):
    return services.meetings.create(
        MeetingInput(
            "Twelfth Meeting of States Parties to the Convention on Cluster Munitions",
            "12MSP",
            "CCM/MSP/2024",
            dt.date(2024, 9, 10),
            dt.date(2024, 9, 13),
            "Palais des Nations",
            "Geneva",
            body_name="Meeting",
            treaty="CCM",
        )
    )


def test_meeting_validation(services, meeting):
    with pytest.raises(ValidationError) as info:
        services.meetings.create(
            MeetingInput("T", "S", "CCM/MSP/2030", dt.date(2030, 9, 5), dt.date(2030, 9, 1), treaty="CCM")
        )
    assert info.value.field == "last_day"
    with pytest.raises(DuplicateError) as info:
        services.meetings.create(
            MeetingInput("T", "S", "CCM/MSP/2024/", dt.date(2024, 9, 1), dt.date(2024, 9, 2), treaty="CCM")
        )
    assert info.value.field == "symbol_prefix"
    with pytest.raises(ValidationError) as info:
        services.meetings.create(
            MeetingInput(" ", "S", "CCM/MSP/2031", dt.date(2031, 9, 1), dt.date(2031, 9, 2), treaty="CCM")
        )
    assert info.value.field == "title"
    assert services.meetings.find("12msp").id == meeting.id
    assert services.meetings.find("CCM/MSP/2024").id == meeting.id


def test_parts_officers_and_settings(services, meeting):
    m = services.meetings
    m.set_part(meeting.id, 2, dt.date(2025, 2, 4), dt.date(2025, 2, 5), MeetingFormat.HYBRID)
    with pytest.raises(ValidationError, match="overlap part 1"):
        m.set_part(meeting.id, 3, dt.date(2024, 9, 12), dt.date(2024, 9, 20), MeetingFormat.VIRTUAL)
    m.add_officer(meeting.id, "President", salutation="Ms.", name="Ana Pérez", description="Ambassador")
    m.add_officer(meeting.id, "Vice-President", state="Netherlands")
    with pytest.raises(ValidationError, match="Ruritania"):
        m.add_officer(meeting.id, "Vice-President", state="Ruritania")
    row = m.update(meeting.id, settings=ReportSettings(serial_comma_states=False))
    assert row.settings.serial_comma_states is False
    assert [p.number for p in row.parts] == [1, 2] and row.last_day == dt.date(2025, 2, 5)
    assert [o.person or o.state_name for o in row.officers] == ["Ms. Ana Pérez", "Netherlands"]


def test_agenda_reorder_renumbers(services, meeting):
    a = services.agenda
    titles = ["Opening of the Meeting", "Election of the President", "Adoption of the agenda", "Closing"]
    items = [a.add_item(meeting.id, t) for t in titles]
    assert [i.number for i in items] == [1, 2, 3, 4]
    moved = a.move_item(items[2].id, 1)
    assert [(i.number, i.title) for i in moved] == [
        (1, "Opening of the Meeting"),
        (2, "Adoption of the agenda"),
        (3, "Election of the President"),
        (4, "Closing"),
    ]
    with pytest.raises(DuplicateError):
        a.add_item(meeting.id, "Again", number=2)
    a.update_item(moved[0].id, status=AgendaStatus.ADOPTED)
    assert a.items(meeting.id)[0].status is AgendaStatus.ADOPTED


def test_plenary_meetings_validate_times_dates_and_items(services, meeting):
    a = services.agenda
    a.add_item(meeting.id, "Opening")
    row = a.set_plenary(meeting.id, 1, dt.date(2024, 9, 10), dt.time(10), dt.time(13), (1,))
    assert row.agenda_item_numbers == (1,) and row.part_number == 1
    with pytest.raises(ValidationError) as info:
        a.set_plenary(meeting.id, 2, dt.date(2024, 9, 10), dt.time(15), dt.time(14))
    assert info.value.field == "end_time"
    with pytest.raises(ValidationError, match="falls in no part"):
        a.set_plenary(meeting.id, 2, dt.date(2024, 10, 1), dt.time(10), dt.time(13))
    with pytest.raises(ValidationError, match="no item 7"):
        a.set_plenary(meeting.id, 2, dt.date(2024, 9, 11), dt.time(10), dt.time(13), (7,))
    assert len(a.plenaries(meeting.id)) == 1


def test_decision_paragraphs_in_order(services, meeting):
    a = services.agenda
    item = a.add_item(meeting.id, "Decisions")
    a.add_decision(meeting.id, "Second.", item.id)
    a.add_decision(meeting.id, "First.", item.id, index=0)
    assert [d.text for d in a.decisions(meeting.id)] == ["First.", "Second."]
    assert a.decisions(meeting.id)[0].agenda_item_number == 1


def test_document_register(services, meeting):
    docs = services.documents
    for symbol in [
        "CCM/MSP/2024/10",
        "CCM/MSP/2024/2",
        "CCM/MSP/2024/WP.1",
        "CCM/MSP/2024/L.1",
        "CCM/MSP/2024/2/Corr.1",
    ]:
        docs.add(meeting.id, DocumentInput(symbol, f"Title of {symbol}", languages="en, fr"))
    assert [d.symbol for d in docs.list(meeting.id)] == [
        "CCM/MSP/2024/2",
        "CCM/MSP/2024/2/Corr.1",
        "CCM/MSP/2024/10",
        "CCM/MSP/2024/L.1",
        "CCM/MSP/2024/WP.1",
    ]
    limited = docs.list(meeting.id)[3]
    assert limited.distribution.value == "limited" and limited.languages == "EN FR"
    with pytest.raises(ValidationError) as info:
        docs.add(meeting.id, DocumentInput("CCM/MSP/2024/WP1", "Bad"))
    assert info.value.field == "symbol"
    with pytest.raises(DuplicateError, match="in the register already"):
        docs.add(meeting.id, DocumentInput("CCM/MSP/2024/2", "Again"))
    with pytest.raises(ValidationError) as info:
        docs.add(meeting.id, DocumentInput("CCM/MSP/2024/3", "X", languages="EN DE"))
    assert info.value.field == "languages"
    with pytest.raises(ValidationError, match="no item 4"):
        docs.add(meeting.id, DocumentInput("CCM/MSP/2024/3", "X", agenda_item_number=4))
    assert len(docs.list(meeting.id)) == 5


def test_sub_items_closed_meetings_and_side_events_are_kept_and_checked_twice(services, meeting):
    a = services.agenda
    item = a.add_item(meeting.id, "Review", sub_items=[" Universalization ", "", "Clearance"])
    assert item.sub_items == ("Universalization", "Clearance")
    assert item.lettered == (("(a)", "Universalization"), ("(b)", "Clearance"))
    assert a.update_item(item.id, sub_items=["Clearance", "Universalization", "Victim assistance"]).lettered == (
        ("(a)", "Clearance"),
        ("(b)", "Universalization"),
        ("(c)", "Victim assistance"),
    )
    with pytest.raises(ValidationError, match="at most 26") as info:
        a.update_item(item.id, sub_items=[f"Sub-item {i}" for i in range(27)])
    assert info.value.field == "sub_items"
    assert a.items(meeting.id)[0].sub_items == ("Clearance", "Universalization", "Victim assistance")

    p = a.set_plenary(
        meeting.id, 1, dt.date(2024, 9, 10), dt.time(10), dt.time(13), (1,), closed=True, format=MeetingFormat.HYBRID
    )
    assert (p.closed, p.format, p.part_format, p.held) == (
        True,
        MeetingFormat.HYBRID,
        MeetingFormat.IN_PERSON,
        MeetingFormat.HYBRID,
    )
    with pytest.raises(ValidationError, match="falls in no part") as info:
        a.set_side_event(meeting.id, dt.date(2024, 9, 30), dt.time(13), dt.time(14), "Late")
    with pytest.raises(ValidationError, match="ends") as info:
        a.set_side_event(meeting.id, dt.date(2024, 9, 10), dt.time(13), dt.time(13), "Empty")
    assert info.value.field == "end_time"
    event = a.set_side_event(
        meeting.id, dt.date(2024, 9, 10), dt.time(13, 15), dt.time(14, 30), "Briefing", organiser="GICHD"
    )
    removed = a.remove_side_event(event.id)
    assert a.side_events(meeting.id) == []
    assert (
        a.set_side_event(
            meeting.id,
            removed.date,
            removed.start_time,
            removed.end_time,
            removed.title,
            removed.organiser,
            removed.room,
            event_id=removed.id,
        )
        == event
    )

    # What the services refuse, the database refuses too.
    for sql, names in (
        (
            f"INSERT INTO agenda_sub_item (agenda_item_id, position, title) VALUES ({item.id}, 27, 'x')",
            "position_lettered",
        ),
        (
            f"INSERT INTO agenda_sub_item (agenda_item_id, position, title) VALUES ({item.id}, 1, 'x')",
            "agenda_sub_item.agenda_item_id|uq_agenda_sub_item_agenda_item_id_position",
        ),
        (f"INSERT INTO agenda_sub_item (agenda_item_id, position, title) VALUES ({item.id}, 4, '')", "title_given"),
        (
            f"INSERT INTO side_event (meeting_id, date, start_time, end_time, title) "
            f"VALUES ({meeting.id}, '2024-09-10', '14:00:00.000000', '13:00:00.000000', 'x')",
            "ends_after_start",
        ),
    ):
        assert_refused(services, sql, names)


def test_removing_an_agenda_item_and_undoing_it_puts_back_exactly_what_was_there(services, meeting):
    a = services.agenda
    a.add_item(meeting.id, "Opening")
    item = a.add_item(meeting.id, "Review", sub_items=["Universalization", "Clearance"])
    a.add_item(meeting.id, "Closing")
    a.set_plenary(meeting.id, 1, dt.date(2024, 9, 10), dt.time(10), dt.time(13), (1, 2))
    a.set_plenary(meeting.id, 2, dt.date(2024, 9, 11), dt.time(10), dt.time(13), (2, 3))
    decision = a.add_decision(meeting.id, "The Meeting welcomed …", agenda_item_id=item.id)
    before = (a.items(meeting.id), a.plenaries(meeting.id), a.decisions(meeting.id))

    removed = a.remove_item(item.id)
    assert [i.number for i in a.items(meeting.id)] == [1, 3]
    assert [p.agenda_item_numbers for p in a.plenaries(meeting.id)] == [(1,), (3,)]
    assert a.decisions(meeting.id)[0].agenda_item_id is None and removed.decision_ids == (decision.id,)

    a.restore_item(removed)
    assert (a.items(meeting.id), a.plenaries(meeting.id), a.decisions(meeting.id)) == before


def test_removals_of_parts_officers_paragraphs_and_documents(services, meeting):
    """Each removal the desk offers (and undoes by adding back): what goes, what stays, what is refused."""
    from ccm_secretariat.errors import ConflictError, NotFoundError

    m, a, docs = services.meetings, services.agenda, services.documents
    m.set_part(meeting.id, 2, dt.date(2025, 2, 4), dt.date(2025, 2, 5), MeetingFormat.HYBRID)
    m.remove_part(meeting.id, 2)
    assert [p.number for p in m.get(meeting.id).parts] == [1]
    with pytest.raises(ValidationError, match="keeps at least one part"):
        m.remove_part(meeting.id, 1)
    m.set_part(meeting.id, 2, dt.date(2025, 2, 4), dt.date(2025, 2, 5), MeetingFormat.HYBRID)
    with pytest.raises(NotFoundError, match="no part 3"):
        m.remove_part(meeting.id, 3)

    president = m.add_officer(meeting.id, "President", name="Ana Pérez")
    m.add_officer(meeting.id, "Vice-President", state="Netherlands")
    m.remove_officer(president.id)
    assert [o.role for o in m.get(meeting.id).officers] == ["Vice-President"]
    with pytest.raises(NotFoundError, match="no longer exists|This officer was removed by .* on "):  # who, when
        m.remove_officer(president.id)

    first = a.add_decision(meeting.id, "The Meeting adopted its agenda.")
    second = a.add_decision(meeting.id, "The Meeting thanked the President.")
    changed = a.update_decision(second.id, "The Meeting thanked its President.")
    with pytest.raises(ConflictError, match="Nothing was saved"):
        a.remove_decision(second.id, second.version)  # a screen that read it before the change
    removed = a.remove_decision(second.id, changed.version)
    assert removed.text == "The Meeting thanked its President."
    assert [d.text for d in a.decisions(meeting.id)] == [first.text]

    doc = docs.add(meeting.id, DocumentInput("CCM/MSP/2024/1", "Provisional agenda"))
    newer = docs.update(doc.id, DocumentInput("CCM/MSP/2024/1", "Agenda"))
    with pytest.raises(ConflictError):
        docs.remove(doc.id, doc.version)
    assert docs.remove(doc.id, newer.version).title == "Agenda"
    assert docs.list(meeting.id) == []


def test_one_transaction_saves_several_calls_or_none(services, meeting):
    a = services.agenda
    with pytest.raises(ValidationError):
        with a.one_transaction():
            a.add_item(meeting.id, "Opening")
            a.add_item(meeting.id, "")  # refused: the first is taken back too
    assert a.items(meeting.id) == []
    with a.one_transaction():
        a.add_item(meeting.id, "Opening")
        a.add_item(meeting.id, "Election of the President")
    assert [i.title for i in a.items(meeting.id)] == ["Opening", "Election of the President"]
