"""A participation category is a key of the meeting's convention profile (migration 0018): existing rows come
through the upgrade unchanged, the database refuses an empty key, and the services refuse a key the meeting's
convention does not have."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command

from ccm_secretariat.errors import ValidationError
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput
from ccm_secretariat.storage import schema
from ccm_secretariat.storage.database import head_revision
from ccm_secretariat.storage.sqlite_file import pragma
from tests.backends import assert_refused

STORED = (
    "SELECT 'delegation', category_override FROM delegation WHERE category_override IS NOT NULL "
    "UNION ALL SELECT 'colour', category FROM category_colour "
    "UNION ALL SELECT 'seats', category FROM seat_allowance "
    "UNION ALL SELECT 'organisation', category FROM organisation_rule ORDER BY 1, 2"
)


def _meeting_with_every_category_column(services):
    meeting = services.meetings.create(
        MeetingInput(
            "Meeting", "M", "CCM/MSP/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 3), "", "Geneva", treaty="CCM"
        )
    )
    reg = services.registration
    chile = reg.add_state_delegation(meeting.id, "Chile")
    reg.add_participant(chile.id, ParticipantInput("Rojas", "Ana", "Ms.", "Delegate"))
    reg.set_category(chile.id, "observer_state", "Attends as an observer this once.")
    services.badges.set_colour(meeting.id, "rule_1_3", "#123456")
    services.seating.draw(meeting.id, "Chile", rows=4, seats_per_row=10, seats={"state_party": 2})
    icrc = next(o for o in services.reference.organisations() if o.acronym == "ICRC")
    services.reference.set_organisation_rule(icrc.id, "CCM", "1(3)")
    return meeting


def _migrate(services, revision: str, down: bool = False) -> None:
    """As the desk migrates (storage.schema.upgrade): on SQLite with the foreign keys off, so that a table the
    migration rebuilds does not cascade-delete the rows that refer to it."""
    services.db.engine.dispose()
    cfg = schema.alembic_config()
    with services.db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            pragma(conn, "PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)
        if sqlite:
            pragma(conn, "PRAGMA foreign_keys=ON")
    services.db.engine.dispose()


MEMBERS = "SELECT (SELECT count(*) FROM participant), (SELECT count(*) FROM delegation)"


def _members(services) -> tuple[int, int]:
    with services.db.engine.connect() as conn:
        return tuple(conn.exec_driver_sql(MEMBERS).one())


def _stored(services) -> list[tuple[str, str]]:
    with services.db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(STORED)]


def test_every_stored_category_comes_through_the_upgrade_from_0017_unchanged(services):
    meeting = _meeting_with_every_category_column(services)
    before = _stored(services)
    assert before == [
        ("colour", "rule_1_3"),
        ("delegation", "observer_state"),
        ("organisation", "rule_1_3"),
        ("seats", "state_party"),
    ]
    members = _members(services)
    assert members[0] >= 1
    _migrate(services, "0017", down=True)
    assert _stored(services) == before and _members(services) == members  # no participant lost with the rebuild
    _migrate(services, "head")
    assert _members(services) == members
    with services.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
    assert _stored(services) == before
    row = services.registration.delegations(meeting.id)[0]
    assert (row.name, row.category, row.derived_category) == ("Chile", "observer_state", "state_party")
    assert services.badges.colours(meeting.id)["rule_1_3"] == "#123456"
    with services.db.engine.connect() as conn:
        autoincrement = (
            conn.dialect.name != "sqlite"
            or "AUTOINCREMENT"
            in conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'delegation'").scalar()
        )
    assert autoincrement  # a removed delegation's id is still never given again


@pytest.mark.parametrize(
    ("sql", "constraint"),
    [
        ("UPDATE delegation SET category_override = ''", "category_override_key"),
        ("UPDATE category_colour SET category = ''", "category_colour_category_key"),
        ("UPDATE seat_allowance SET category = ''", "seat_allowance_category_key"),
        ("UPDATE organisation_rule SET category = ''", "organisation_rule_category_key"),
    ],
)
def test_the_database_refuses_an_empty_category_key(services, sql, constraint):
    _meeting_with_every_category_column(services)
    assert_refused(services, sql, f"{constraint}|CHECK constraint failed")


def test_the_database_stores_any_key_of_a_profile(services):
    meeting = _meeting_with_every_category_column(services)
    with services.db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO category_colour (meeting_id, category, colour) VALUES (:m, 'guests_of_honour', '#000000')"
            ),
            {"m": meeting.id},
        )


def test_the_services_refuse_a_category_the_meetings_convention_lacks(services):
    meeting = _meeting_with_every_category_column(services)
    chile = services.registration.delegations(meeting.id)[0]
    with pytest.raises(ValidationError, match="the CCM has no participation category “guests”"):
        services.registration.set_category(chile.id, "guests", "a reason")
    with pytest.raises(ValidationError, match="the CCM has no participation category “guests”"):
        services.badges.set_colour(meeting.id, "guests", "#000000")
    with pytest.raises(ValidationError, match="the CCM has no participation category “guests”"):
        services.seating.draw(meeting.id, "Chile", seats={"guests": 2})
    with pytest.raises(
        ValidationError, match="the CCM has no organisation category “7”; its organisation categories are"
    ):
        services.registration.add_organisation_delegation(meeting.id, "ICRC", "7")
    assert services.registration.delegations(meeting.id)[0].category == "observer_state"


def test_a_category_the_profile_no_longer_has_leaves_nobody_out(services):
    """A secretariat's own profile edited after delegations were set by hand in one of its categories: they are
    listed in the category their status gives, counted, and in the documents (the review found Peru left out of
    the list of participants and the counts raising)."""
    meeting = _meeting_with_every_category_column(services)
    with services.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE delegation SET category_override = 'guests'")
        conn.exec_driver_sql("UPDATE organisation_rule SET category = 'guests'")
    chile = services.registration.delegations(meeting.id)[0]
    assert (chile.name, chile.category, chile.is_overridden) == ("Chile", "state_party", False)
    assert services.registration.category_counts(meeting.id)["state_party"][0] >= 1
    listed = dict(services.roster.roster(meeting.id).by_category())
    assert "Chile" in [d.name for d in listed["state_party"]]
