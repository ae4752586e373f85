"""Rights on a shared desk, with the real roles (issue 20, points 12 and 13): `db roles --apply` says honestly
what it did, whoever runs it; the change log is append-only for the writer role, only the owner can prune it,
and erasing a person for good still works for a writer."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from ccm_secretariat.cli import main
from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.errors import DomainError
from ccm_secretariat.services import open_services
from tests.backends import ON_POSTGRES, location

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="roles are a server's: a SQLite file has its owner only")


def _login(demo, role: str) -> str:
    """A new login in `role` (ccm_writer or ccm_reader); returns the URL of the demo database as that login."""
    name = f"{role.split('_')[1]}_{uuid.uuid4().hex[:6]}"
    with demo.db.engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{name}" LOGIN IN ROLE {role}')
        conn.commit()
    return demo.db.url.set(username=name).render_as_string(hide_password=False)


@pytest.fixture
def roles(demo, capsys):
    assert main(["--db", location(demo), "db", "roles", "--apply"]) == 0
    assert "Made the roles ccm_writer and ccm_reader" in capsys.readouterr().out
    return {"writer": _login(demo, "ccm_writer"), "reader": _login(demo, "ccm_reader")}


def test_db_roles_apply_says_what_it_did_whoever_runs_it(demo, roles, capsys):
    for who in ("writer", "reader"):
        assert main(["--db", roles[who], "db", "roles", "--apply"]) == 1
        err = capsys.readouterr().err
        assert "Only the owner of the desk's tables" in err and "Nothing was granted" in err, err
        assert "Traceback" not in err and "Made the roles" not in err


def test_the_change_log_is_append_only_for_the_writer(demo, demo_meeting, roles):
    writer = open_services(roles["writer"])
    try:
        peru = next(d for d in writer.registration.delegations(demo_meeting.id) if d.name == "Peru")
        added = writer.registration.add_participant(peru.id, ParticipantInput("Quispe", "Luis", email="lq@x.org"))
        with writer.db.engine.connect() as conn:  # the writer's own connection, its own rights
            assert conn.execute(sa.text("SELECT count(*) FROM change_log WHERE row_id = :i"), {"i": added.id}).scalar()
            for statement in (
                "UPDATE change_log SET by = 'someone else'",
                "DELETE FROM change_log",
                "TRUNCATE change_log",
            ):
                with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                    conn.exec_driver_sql(statement)
                conn.rollback()
            with pytest.raises(sa.exc.ProgrammingError, match="must be owner"):  # the owner's function only
                conn.exec_driver_sql("DROP FUNCTION ccm_forget_erased(integer, text)")
            conn.rollback()
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):  # the badge key stays
                conn.exec_driver_sql("UPDATE desk_secret SET value = 'x'")
            conn.rollback()
        # The owner's function forgets entries only as it erases a person who exists: the history of someone
        # removed earlier (Remove, as any writer may) cannot be wiped through it.
        removed = writer.registration.add_participant(peru.id, ParticipantInput("Mamani", "Rosa", email="rm@x.org"))
        writer.registration.remove_participant(removed.id)
        count = "SELECT count(*) FROM change_log WHERE table_name = 'participant' AND row_id = :i"
        with writer.db.engine.connect() as conn:
            before = conn.execute(sa.text(count), {"i": removed.id}).scalar()
            assert before >= 2  # added, removed
            with pytest.raises(sa.exc.DBAPIError, match="does not exist: nothing was erased"):
                conn.execute(sa.text("SELECT ccm_forget_erased(:i, 'x')"), {"i": removed.id})
            conn.rollback()
            assert conn.execute(sa.text(count), {"i": removed.id}).scalar() == before
        # Erasing for good still works for a writer, and leaves only that someone was erased.
        erasure = writer.registration.erase_participant(added.id)
        assert "until its autovacuum passes" in erasure.remains  # VACUUM is the owner's: said, not pretended
        with writer.db.engine.connect() as conn:
            actions = conn.execute(
                sa.text("SELECT action, details FROM change_log WHERE table_name = 'participant' AND row_id = :i"),
                {"i": added.id},
            ).all()
        assert [a for a, _ in actions] == ["erased"] and "Quispe" not in repr(actions)
    finally:
        writer.close()
    with demo.db.engine.connect() as conn:  # the owner can prune it
        conn.exec_driver_sql("DELETE FROM change_log WHERE action = 'erased'")
        conn.commit()


def test_a_reader_cannot_read_the_key_that_makes_badge_codes(demo, roles):
    reader = open_services(roles["reader"])
    try:
        with reader.db.engine.connect() as conn:
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                conn.exec_driver_sql("SELECT value FROM desk_secret")
        with pytest.raises(DomainError, match="a reader's account"):
            reader.badges.code(1)
    finally:
        reader.close()
