"""Rules that hold under concurrency and interruption: checks and inserts are one transaction on SQLite
(BEGIN IMMEDIATE), every rule is also a database constraint, and a migration is all or nothing."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3

import pytest
import sqlalchemy as sa

from ccm_secretariat.domain.enums import Role
from ccm_secretariat.errors import DuplicateError, NotFoundError
from ccm_secretariat.services import open_services
from ccm_secretariat.services.registration import ParticipantInput
from tests.backends import assert_refused, location


def _add_head(args):
    path, delegation_id, n, same_email = args
    services = open_services(path)
    try:
        email = "same@example.org" if same_email else f"p{n}@example.org"
        role = Role.REPRESENTATIVE if same_email else Role.HEAD
        services.registration.add_participant(
            delegation_id, ParticipantInput(f"Family{n}", f"Given{n}", role=role, email=email)
        )
        return "added"
    except DuplicateError as exc:
        return exc.field
    finally:
        services.close()


@pytest.mark.parametrize("same_email", [False, True], ids=["heads", "e-mails"])
def test_eight_desks_at_once_make_one_head_and_one_e_mail(services, delegation, same_email):
    path = location(services)
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        results = pool.map(_add_head, [(path, delegation.id, n, same_email) for n in range(8)])
    assert results.count("added") == 1
    assert results.count("email" if same_email else "role") == 7
    people = services.registration.participants(delegation.id)
    assert len(people) == 1
    assert len({p.position for p in people}) == len(people)


def test_the_database_refuses_what_the_services_refuse(services, delegation):
    reg = services.registration
    reg.add_participant(delegation.id, ParticipantInput("Uno", "Ana", role=Role.HEAD, email="Ana@Example.org"))
    base = (
        "INSERT INTO participant (delegation_id, meeting_id, position, salutation, given_names, family_name, "
        "function, affiliation, role, email, email_key, phone, gender, consent_to_publish, search_key) "
        "VALUES ({}, {}, {}, '', 'X', 'Y', '', '', '{}', '{}', {}, '', 'unspecified', false, 'x y')"
    )
    d, m = delegation.id, delegation.meeting_id
    for values, names in (
        ((d, m, 2, "head", "", "NULL"), "participant.delegation_id|uq_participant_head"),
        ((d, m, 2, "adviser", "ANA@example.org", "'ana@example.org'"), "email_key"),
        ((d, m, 1, "adviser", "", "NULL"), "participant.position|position"),
        ((d, m + 1, 2, "adviser", "", "NULL"), "foreign key"),
    ):
        assert_refused(services, base.format(*values), names)


def test_a_conflict_found_by_the_database_reads_as_a_message_without_personal_data(services, delegation):
    from ccm_secretariat.storage.constraints import integrity_error

    class Diag:
        constraint_name = "uq_participant_meeting_id_email_key"

    class PgError(Exception):
        diag = Diag()

    orig = PgError(
        "duplicate key value violates unique constraint; DETAIL: Key (meeting_id, email_key)=(1, "
        "ana@example.org) already exists."
    )
    error = integrity_error(sa.exc.IntegrityError("INSERT ...", {"email": "ana@example.org"}, orig))
    assert error.field == "email" and "ana@example.org" not in str(error)
    assert "registered already at this meeting" in error.message


def test_a_migration_that_fails_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    import shutil

    from ccm_secretariat.storage import database, schema

    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = schema.head_revision()
    (migrations / "versions" / "9999_fails.py").write_text(
        f'revision = "9999"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n"
        "def upgrade():\n    op.create_table('half', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    raise OSError(28, 'No space left on device')\n\n"
        "def downgrade():\n    pass\n"
    )
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    path = tmp_path / "new.sqlite3"
    with pytest.raises(OSError):
        database.open_database(path)
    with sqlite3.connect(path) as conn:  # the first open, killed half-way: the file holds no table at all
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
    monkeypatch.undo()
    database.open_database(path).close()  # and it opens as a new database afterwards


def _counts(services) -> tuple:
    with services.db.session() as s:
        return tuple(
            s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar()
            for t in ("meeting", "meeting_part", "delegation", "participant", "agenda_item", "document")
        )


def test_the_demo_is_loaded_whole_or_not_at_all(services, monkeypatch):
    from ccm_secretariat.samples.demo import existing_demo, load_demo

    before = _counts(services)
    job = load_demo(services)
    for _ in range(30):  # 28 delegations in, then the lid closes (Cancel)
        next(job)
    job.close()
    assert _counts(services) == before and existing_demo(services) is None

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(services.documents, "add", full_disk)
    with pytest.raises(OSError):
        for _ in load_demo(services):
            pass
    assert _counts(services) == before and existing_demo(services) is None
    monkeypatch.undo()
    for _ in load_demo(services):
        pass
    assert existing_demo(services) is not None


def test_a_synthetic_meeting_is_made_whole_or_not_at_all(services):
    from ccm_secretariat.samples.synth import synthesise

    before = _counts(services)
    job = synthesise(services, 12_000, seed=3)
    next(job), next(job), next(job)  # the meeting and 5,000 participants are in, uncommitted
    job.close()
    assert _counts(services) == before


def _all_rows(services) -> dict:
    with services.db.session() as s:
        return {
            t: s.execute(sa.text(f"SELECT * FROM {t} ORDER BY id")).all()
            for t in ("delegation", "participant", "attendance", "delegation_presence")
        }


def test_removing_and_restoring_a_delegation_puts_back_exactly_what_was_there(demo, demo_meeting):
    from ccm_secretariat.domain.enums import Attendance, CredentialsKind

    reg = demo.registration
    swiss = next(d for d in reg.delegations(demo_meeting.id) if d.name == "Switzerland")
    reg.set_credentials([swiss.id], True, CredentialsKind.COPY, dt.date(2020, 11, 20))
    reg.set_notes(swiss.id, "Credentials in original form to follow.")
    for n, role in enumerate((Role.ADVISER, Role.HEAD, Role.EXPERT)):
        reg.add_participant(
            swiss.id,
            ParticipantInput(
                f"Family{n}", "Given", role=role, email=f"s{n}@example.ch", attendance={1: Attendance.ONLINE}
            ),
        )
    before = _all_rows(demo)
    snapshot = reg.remove_delegation(swiss.id)
    # An id freed by the removal is never handed out again, so the restore cannot collide.
    other = reg.add_state_delegation(demo_meeting.id, "Tuvalu")
    assert other.id > swiss.id
    reg.remove_delegation(other.id)
    reg.restore(snapshot)
    assert _all_rows(demo) == before


def test_removing_several_participants_is_all_or_nothing(services, delegation):
    reg = services.registration
    people = [reg.add_participant(delegation.id, ParticipantInput(f"F{n}", "G")).id for n in range(3)]
    reg.remove_participant(people[1])
    before = _all_rows(services)
    with pytest.raises(NotFoundError, match="nothing was removed"):
        reg.remove_participants(people)
    assert _all_rows(services) == before


def test_derived_keys_fit_their_columns_even_when_folding_lengthens_a_name(services, delegation):
    from ccm_secretariat.orm import Delegation, Participant

    reg = services.registration
    long_name = "ß" * 300  # 300 characters typed, 600 once folded
    reg.rename_delegation(delegation.id, long_name)
    reg.add_participant(delegation.id, ParticipantInput("ﬃ" * 200, "ß" * 200))
    with services.db.session() as s:
        assert len(s.scalar(sa.select(Delegation.sort_key).where(Delegation.id == delegation.id))) <= 300
        assert len(s.scalar(sa.select(Participant.search_key).where(Participant.delegation_id == delegation.id))) <= 500
