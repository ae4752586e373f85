"""Several desks at once, with real processes on the same database (a SQLite file, or the PostgreSQL server on
that run): a stale edit is refused and says who changed the person and when; nothing is overwritten; desks
adding to one delegation at the same moment leave protocol order with no gap and no duplicate."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from dataclasses import replace

import pytest

from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.errors import ConflictError
from ccm_secretariat.services import open_services
from tests.backends import ON_POSTGRES, location

WHO_AND_WHEN = (
    r"was changed by \S+ on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d after this screen read it\. Nothing was saved"
)


def _edit(args):
    """Another desk, in its own process: changes the function on the version it read."""
    where, participant_id, version, function = args
    services = open_services(where)
    try:
        data = replace(services.registration.participant(participant_id).as_input(), function=function)
        services.registration.update_participant(participant_id, data, expected_version=version)
        return "saved"
    except ConflictError as exc:
        return exc.message
    finally:
        services.close()


def _add(args):
    where, delegation_id, desk, count = args
    services = open_services(where)
    try:
        for n in range(count):
            services.registration.add_participant(delegation_id, ParticipantInput(f"Desk{desk}", f"Person{n}"))
        return count
    finally:
        services.close()


def test_a_stale_edit_is_refused_and_says_who_and_when(services, delegation):
    reg = services.registration
    person = reg.add_participant(delegation.id, ParticipantInput("Rojas", "Ana", function="Adviser"))
    assert person.version == 1 and person.changed_by == services.db.user and person.changed_at is not None
    seen = reg.participant(person.id)  # both desks show version 1
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        first = pool.map(_edit, [(location(services), person.id, seen.version, "Counsellor")])
        second = pool.map(_edit, [(location(services), person.id, seen.version, "Minister")])
    assert first == ["saved"]
    assert "Ana Rojas was changed by" in second[0] and "Nothing was saved" in second[0]
    now = reg.participant(person.id)
    assert (now.function, now.version) == ("Counsellor", 2)  # the second desk overwrote nothing
    # Applying the change again, on the version now shown, goes through.
    again = reg.update_participant(
        person.id, replace(now.as_input(), function="Minister"), expected_version=now.version
    )
    assert (again.function, again.version) == ("Minister", 3)
    with pytest.raises(ConflictError) as info:
        reg.update_participant(person.id, seen.as_input(), expected_version=seen.version)  # an old screen's undo
    assert info.value.current.function == "Minister"


def test_desks_adding_to_one_delegation_at_once_keep_protocol_order(services, delegation):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        added = pool.map(_add, [(location(services), delegation.id, desk, 6) for desk in range(4)])
    assert sum(added) == 24
    people = services.roster.directory(delegation.meeting_id)
    assert sorted(p.position for p in people) == list(range(1, 25))


def test_the_history_says_who_changed_what_and_when_and_an_erasure_leaves_no_details(
    services, delegation, tmp_path, capsys
):
    from openpyxl import load_workbook

    from ccm_secretariat.cli import main

    reg = services.registration
    person = reg.add_participant(delegation.id, ParticipantInput("Rojas", "Ana", function="Adviser"))
    reg.update_participant(person.id, replace(person.as_input(), function="Counsellor"))
    other = open_services(location(services))  # another desk removes a second person, then puts them back
    second = other.registration.add_participant(delegation.id, ParticipantInput("Soto", "Luis"))
    other.registration.restore(other.registration.remove_participant(second.id))
    other.close()
    history = services.history.delegation(delegation.id)
    actions = [(e.what, e.action) for e in reversed(history)]
    assert actions[:2] == [("Chile", "added"), ("Rojas", "added")]
    assert ("Rojas", "changed") in actions and ("Soto", "removed") in actions and ("Soto", "put back") in actions
    change = next(e for e in history if e.action == "changed")
    assert change.details == "function: Adviser → Counsellor" and change.by == services.db.user
    assert (
        main(["--db", location(services), "history", "--delegation", "Chile", "--out", str(tmp_path / "h.xlsx")]) == 0
    )
    rows = list(load_workbook(tmp_path / "h.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("When", "Who", "What", "Action", "Details") and len(rows) == len(history) + 1
    # Erased for good: the log keeps that someone was erased, not who they were or what they held.
    reg.erase_participant(person.id)
    assert [(e.action, e.details) for e in services.history.participant(person.id)] == [("erased", "")]
    assert main(["--db", location(services), "history", "--participant", str(person.id)]) == 0
    assert "Rojas" not in capsys.readouterr().out


@pytest.mark.skipif(not ON_POSTGRES, reason="a server's faults; a file's are tested in test_messages_not_tracebacks")
def test_a_servers_faults_read_as_messages_with_a_way_forward(services, delegation):
    import sqlalchemy as sa

    from ccm_secretariat.errors import DatabaseError
    from tests import backends

    url = services.db.url
    with pytest.raises(DatabaseError, match="cannot be reached: check its address .* local copy"):
        open_services("postgresql+psycopg://desk@127.0.0.1:1/ccm")
    with pytest.raises(DatabaseError, match="has no database “no_such_meeting”"):
        open_services(url.set(database="no_such_meeting").render_as_string(hide_password=False))
    # The server drops every connection of this desk (a restart, a network cut): the next action reconnects.
    with sa.create_engine(backends.SERVER, isolation_level="AUTOCOMMIT").connect() as admin:
        admin.execute(
            sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"), {"d": url.database}
        )
    added = services.registration.add_participant(delegation.id, ParticipantInput("After", "Restart"))
    assert services.registration.participant(added.id).family_name == "After"
    # A database made by a newer version, and one that is not the desk's, are left untouched.
    newer = backends.create_database()
    try:
        open_services(newer).close()
        engine = sa.create_engine(newer)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
        engine.dispose()
        with pytest.raises(DatabaseError, match="newer version of the application"):
            open_services(newer)
    finally:
        backends.drop_database(newer)
    other = backends.create_database()
    try:
        engine = sa.create_engine(other)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE invoices (id int PRIMARY KEY)")
        engine.dispose()
        with pytest.raises(DatabaseError, match="not made by the secretariat desk"):
            open_services(other)
    finally:
        backends.drop_database(other)


def test_a_delegation_changed_at_another_desk_refuses_a_stale_category_or_credentials(services, delegation):
    from ccm_secretariat.domain.enums import CredentialsKind

    reg = services.registration
    seen = reg.delegation(delegation.id)
    other = open_services(location(services))
    other.registration.set_credentials([delegation.id], True, CredentialsKind.ORIGINAL, dt.date(2026, 8, 30))
    other.close()
    with pytest.raises(ConflictError, match="Chile was changed by .*Nothing was saved"):
        reg.set_category(delegation.id, "observer_state", "Not yet a party", expected_version=seen.version)
    with pytest.raises(ConflictError):
        reg.set_credentials([delegation.id], False, expected_versions={delegation.id: seen.version})
    now = reg.delegation(delegation.id)
    assert now.credentials_kind is CredentialsKind.ORIGINAL and now.category is seen.category  # nothing lost
    changed = reg.set_category(delegation.id, "observer_state", "Not yet a party", expected_version=now.version)
    assert changed.version == now.version + 1 and changed.category == "observer_state"


def _add_items(args):
    where, meeting_id, desk, count = args
    services = open_services(where)
    try:
        for n in range(count):
            services.agenda.add_item(meeting_id, f"Item of desk {desk}, {n}")
            services.agenda.add_decision(meeting_id, f"Decision of desk {desk}, {n}")
        return count
    finally:
        services.close()


def test_desks_adding_agenda_items_and_decisions_at_once_never_share_a_number(services, delegation):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_add_items, [(location(services), delegation.meeting_id, desk, 5) for desk in range(4)])
    items = services.agenda.items(delegation.meeting_id)
    assert sorted(i.number for i in items) == list(range(1, 21))
    assert sorted(i.position for i in items) == list(range(1, 21))
    assert sorted(d.position for d in services.agenda.decisions(delegation.meeting_id)) == list(range(1, 21))


def test_the_meetings_other_records_refuse_a_stale_save_too(services, delegation):
    from ccm_secretariat.services.documents import DocumentInput

    meeting_id = delegation.meeting_id
    a, docs = services.agenda, services.documents
    item = a.add_item(meeting_id, "Opening", sub_items=["Welcome"])
    paragraph = a.add_decision(meeting_id, "The Meeting thanked the host.")
    doc = docs.add(meeting_id, DocumentInput("CCM/MSP/2026/1", "Provisional agenda"))
    other = open_services(location(services))  # another desk changes all three
    other.agenda.update_item(item.id, sub_items=["Welcome", "Statements"])  # sub-items alone count too
    other.agenda.update_decision(paragraph.id, "The Meeting thanked Switzerland.")
    other.documents.update(doc.id, DocumentInput("CCM/MSP/2026/1", "Agenda"))
    other.close()
    for stale in (
        lambda: a.update_item(item.id, title="Opening of the Meeting", expected_version=item.version),
        lambda: a.update_decision(paragraph.id, "Thanks.", expected_version=paragraph.version),
        lambda: docs.update(doc.id, DocumentInput("CCM/MSP/2026/1", "Old"), expected_version=doc.version),
    ):
        with pytest.raises(ConflictError, match=WHO_AND_WHEN):  # named from the change log
            stale()
    assert a.items(meeting_id)[0].sub_items == ("Welcome", "Statements")
    assert a.decisions(meeting_id)[0].text == "The Meeting thanked Switzerland."
    assert docs.get(doc.id).title == "Agenda"
    now = a.items(meeting_id)[0]
    assert (
        a.update_item(item.id, title="Opening of the Meeting", expected_version=now.version).version == now.version + 1
    )


def test_plenaries_side_events_the_meeting_and_removals_refuse_a_stale_save(services, delegation):
    from ccm_secretariat.orm import ChangeLog

    meeting_id = delegation.meeting_id
    a = services.agenda
    a.add_item(meeting_id, "Opening")
    a.add_item(meeting_id, "Statements")
    day = dt.date(2026, 9, 1)
    plenary = a.set_plenary(meeting_id, 1, day, dt.time(10), dt.time(13), (1,))
    event = a.set_side_event(meeting_id, day, dt.time(13, 15), dt.time(14, 45), "Victim assistance", "ICRC")
    meeting = services.meetings.get(meeting_id)
    other = open_services(location(services))  # another desk changes each of them
    other.agenda.set_plenary(
        meeting_id, 1, day, dt.time(10), dt.time(13), (1, 2), plenary_id=plenary.id, expected_version=plenary.version
    )  # the items it takes up alone count too
    other.agenda.set_side_event(
        meeting_id,
        day,
        dt.time(13),
        dt.time(14, 45),
        "Victim assistance",
        "ICRC",
        event_id=event.id,
        expected_version=event.version,
    )
    other.meetings.update(meeting_id, meeting.version, venue="Palais des Nations")
    other.close()
    stale = (
        lambda: a.set_plenary(
            meeting_id, 1, day, dt.time(15), dt.time(18), (1,), plenary_id=plenary.id, expected_version=plenary.version
        ),
        lambda: a.remove_plenary(plenary.id, plenary.version),
        lambda: a.set_side_event(
            meeting_id,
            day,
            dt.time(13, 30),
            dt.time(14, 45),
            "Victim assistance",
            event_id=event.id,
            expected_version=event.version,
        ),
        lambda: a.remove_side_event(event.id, event.version),
        lambda: services.meetings.update(meeting_id, meeting.version, venue="CICG"),
    )
    for save in stale:
        with pytest.raises(ConflictError, match=WHO_AND_WHEN):
            save()
    [now] = a.plenaries(meeting_id)
    assert (now.start_time, now.agenda_item_numbers) == (dt.time(10), (1, 2))
    assert a.side_events(meeting_id)[0].start_time == dt.time(13)
    assert services.meetings.get(meeting_id).venue == "Palais des Nations"
    # On the version now shown, each goes through; a renumbered plenary is the same meeting, not a second one.
    moved = a.set_plenary(
        meeting_id, 2, day, dt.time(15), dt.time(18), (2,), plenary_id=now.id, expected_version=now.version
    )
    assert [(p.id, p.number) for p in a.plenaries(meeting_id)] == [(now.id, 2)]
    a.set_plenary(meeting_id, 1, day, dt.time(10), dt.time(13), (1,))
    from ccm_secretariat.errors import DuplicateError

    with pytest.raises(DuplicateError, match="plenary meeting 1 already"):
        a.set_plenary(
            meeting_id, 1, day, dt.time(15), dt.time(18), (2,), plenary_id=moved.id, expected_version=moved.version
        )
    a.remove_side_event(event.id, a.side_events(meeting_id)[0].version)
    assert a.side_events(meeting_id) == []
    # The change log holds who changed each of the meeting's records, and when.
    with services.db.transaction(write=False) as s:
        logged = {(e.table_name, e.action) for e in s.query(ChangeLog).filter(ChangeLog.by != "")}
    assert {
        ("agenda_item", "added"),
        ("plenary_meeting", "changed"),
        ("side_event", "removed"),
        ("meeting", "changed"),
        ("side_event", "changed"),
    } <= logged


@pytest.mark.skipif(not ON_POSTGRES, reason="a server's password; a file has none")
def test_a_wrong_password_is_refused_with_a_message_and_the_right_one_opens(services):
    """The test cluster (scripts/pg_cluster.sh) asks this one role for its password, as a real server does."""
    import sqlalchemy as sa

    from ccm_secretariat.errors import DatabaseError
    from tests import backends

    url = services.db.url
    with sa.create_engine(backends.SERVER, isolation_level="AUTOCOMMIT").connect() as admin:
        if not admin.scalar(sa.text("SELECT 1 FROM pg_roles WHERE rolname = 'ccm_password_check'")):
            admin.execute(sa.text("CREATE ROLE ccm_password_check LOGIN PASSWORD 'right-one'"))
        admin.execute(sa.text("GRANT pg_read_all_data TO ccm_password_check"))
        rule = admin.scalar(
            sa.text("SELECT auth_method FROM pg_hba_file_rules WHERE 'ccm_password_check' = ANY(user_name) LIMIT 1")
        )
    if rule is None:
        pytest.skip("this server lets every role in without a password (start it with scripts/pg_cluster.sh)")
    as_user = url.set(username="ccm_password_check")
    with pytest.raises(DatabaseError, match="refused the user name or the password: type them again"):
        open_services(as_user.set(password="wrong-one").render_as_string(hide_password=False))
    with pytest.raises(DatabaseError, match="refused the user name or the password"):
        open_services(as_user.render_as_string(hide_password=False))  # none given
    reader = open_services(as_user.set(password="right-one").render_as_string(hide_password=False))
    try:
        assert reader.db.read_only and reader.meetings.list() == services.meetings.list()
    finally:
        reader.close()


def test_an_undo_of_presence_after_another_desks_change_is_refused_and_changes_nothing(services, delegation):
    """Presence is part of the delegation's record: marking it counts the version up, and its undo goes through
    the version check like every other restore (all or none)."""
    reg = services.registration
    peru = reg.add_state_delegation(delegation.meeting_id, "Peru")
    shown = {d.id: reg.delegation(d.id).version for d in (delegation, peru)}
    before, after = reg.change_presence(list(shown), 1, True, expected_versions=shown)
    assert before == {delegation.id: False, peru.id: False}
    assert all(after[i] > shown[i] for i in shown)
    other = open_services(location(services))  # another desk marks Peru not present
    other.registration.set_presence([peru.id], 1, False)
    other.close()
    with pytest.raises(ConflictError, match="Peru " + WHO_AND_WHEN):
        reg.restore_presence(before, 1, after)
    assert [reg.delegation(i).present_parts for i in (delegation.id, peru.id)] == [(1,), ()]  # Chile not undone alone
    with pytest.raises(ConflictError):  # a stale mark is refused too
        reg.set_presence([peru.id], 1, True, expected_versions={peru.id: after[peru.id]})
    now = {i: reg.delegation(i).version for i in shown}
    assert reg.restore_presence(before, 1, now) and [reg.delegation(i).present_parts for i in shown] == [(), ()]
