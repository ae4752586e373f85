import sqlite3

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ccm_secretariat.environment import BACKUPS_KEPT
from ccm_secretariat.errors import DatabaseError
from ccm_secretariat.orm import Base
from ccm_secretariat.services import open_services
from ccm_secretariat.services.registration import ParticipantInput
from ccm_secretariat.storage.database import head_revision, open_database
from tests.backends import sqlite_only


def test_migrating_an_empty_database_gives_exactly_the_models(tmp_path):
    db = open_database(tmp_path / "new.sqlite3")
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []
    db.close()


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path):
    db = open_database(tmp_path / "x.sqlite3")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_damaged_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match="damaged or of another kind"):
        open_database(path)


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    with pytest.raises(DatabaseError, match="not made by the secretariat desk"):
        open_database(path)


def test_a_locked_database_gives_a_clear_message_and_loses_nothing(tmp_path, demo_template):
    import shutil

    path = tmp_path / "locked.sqlite3"
    shutil.copy(demo_template, path)
    services = open_services(path, busy_timeout_ms=50)
    meeting = services.meetings.list()[0]
    delegation = services.registration.delegations(meeting.id)[0]
    blocker = sqlite3.connect(path, timeout=0.05)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="locked"):
            services.registration.add_participant(delegation.id, ParticipantInput("Doe", "Jane"))
    finally:
        blocker.rollback()
        blocker.close()
    assert services.registration.participants(delegation.id) == []
    services.registration.add_participant(delegation.id, ParticipantInput("Doe", "Jane"))
    assert len(services.registration.participants(delegation.id)) == 1
    services.close()


@sqlite_only  # the desk's own backups are of a SQLite file; a server has its own
def test_backups_copy_the_data_rotate_list_and_restore(tmp_path, demo, demo_meeting, monkeypatch):
    from ccm_secretariat.storage import backups

    copy = demo.db.backup()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM delegation").fetchone()[0] == 88
    path = demo.db.sqlite_path
    monkeypatch.setenv(BACKUPS_KEPT.name, "3")  # read when a backup is taken, not when the module was imported
    for _ in range(4):
        backups.take(path, "manual", keep=3)
    listed = backups.list_backups(path)
    assert len(listed) == 3 and listed[0].taken >= listed[-1].taken
    assert listed[0].meetings == (demo_meeting.short_title,) and listed[0].reason == "manual"
    swiss = next(d for d in demo.registration.delegations(demo_meeting.id) if d.name == "Switzerland")
    demo.registration.remove_delegation(swiss.id)
    demo.close()
    before = backups.restore(path, listed[0].path)
    assert before.name.endswith(".before-restore.sqlite3")
    restored = open_services(path)
    assert any(d.name == "Switzerland" for d in restored.registration.delegations(demo_meeting.id))
    restored.close()


def test_reference_data_is_loaded_once(tmp_path):
    path = tmp_path / "ref.sqlite3"
    for _ in range(2):
        s = open_services(path)
        with s.db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM state")).scalar() == 197
        s.close()


def test_an_older_database_is_copied_before_it_is_upgraded(tmp_path, monkeypatch):
    import shutil

    from ccm_secretariat.storage import schema

    path = tmp_path / "old.sqlite3"
    open_database(path).close()  # at the newest revision
    head = head_revision()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO treaty (short_name, title, months_after_deposit) VALUES ('CCM', 'Convention', 6)")
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9999_note.py").write_text(
        f'revision = "9999"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n"
        "def upgrade():\n    op.create_table('note', sa.Column('id', sa.Integer, primary_key=True))\n\n"
        "def downgrade():\n    op.drop_table('note')\n"
    )
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    db = open_database(path)
    with db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "9999"
        assert conn.exec_driver_sql("SELECT count(*) FROM treaty").scalar() == 1
    db.close()
    backups = list((tmp_path / "old-backups").glob(f"old.*.before-upgrade-from-{head}.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
        assert conn.execute("SELECT count(*) FROM treaty").fetchone()[0] == 1


def test_a_first_wave_database_keeps_its_data_through_migration_0002(tmp_path):
    from alembic import command

    from ccm_secretariat.storage import schema

    path = tmp_path / "wave1.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    cfg = schema.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO organisation (id, name, acronym, sort_key, kind, default_rule) "
            "VALUES (1, 'Org', '', 'org', 'ngo', '1(3)')"
        )
    db = open_database(path)
    with db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert conn.exec_driver_sql("SELECT name FROM organisation").scalar() == "Org"
        columns = {c["name"] for c in sa.inspect(conn).get_columns("participant")}
        assert "registration_date" in columns
        assert sa.inspect(conn).has_table("import_mapping")
    db.close()
