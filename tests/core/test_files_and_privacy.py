"""Files on a laptop that others may use: private modes, nothing left behind by a killed export, damaged and
odd files refused with a message, exports that never replace a link or a device."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest

from ccm_secretariat.errors import DatabaseError, DomainError
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.storage.database import open_database
from tests.backends import sqlite_only
from tests.conftest import ROOT


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@sqlite_only  # file modes of a SQLite file, its journal and backups
def test_the_database_its_journal_and_its_backups_are_private(services, tmp_path):
    from ccm_secretariat.storage.database import default_database_path

    path = services.db.sqlite_path
    services.meetings.list()
    assert mode(path) == 0o600
    assert mode(path.with_name(path.name + "-wal")) == 0o600
    assert mode(services.db.backup()) == 0o600
    loose = tmp_path / "loose.sqlite3"
    open_database(loose).close()
    os.chmod(loose, 0o644)
    open_database(loose).close()  # an older file is tightened when opened
    assert mode(loose) == 0o600
    default = default_database_path()
    assert mode(default.parent) == 0o700


def test_a_killed_export_leaves_nothing_behind_after_the_next_start(tmp_path):
    from ccm_secretariat.storage import pending

    target = tmp_path / "list.xlsx"
    script = textwrap.dedent(f"""
        import os, sys, tempfile
        sys.path.insert(0, {str(ROOT)!r})
        from ccm_secretariat.storage.pending import prepare_process
        from ccm_secretariat.exports.atomic import atomic_path
        prepare_process()
        with atomic_path({str(target)!r}) as temporary:
            temporary.write_text("ana@example.org")
            spool = tempfile.NamedTemporaryFile(delete=False, prefix="openpyxl.")
            spool.write(b"ana@example.org"); spool.flush()
            print(temporary, spool.name, flush=True)
            os.kill(os.getpid(), 9)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=os.environ.copy())
    part, spool = done.stdout.split()
    assert os.path.exists(part) and os.path.exists(spool)
    assert mode(os.path.dirname(spool)) == 0o700
    removed = pending.clean_leftovers()
    assert not os.path.exists(part) and not os.path.exists(spool)
    assert {str(p) for p in removed} >= {part, spool}
    assert not target.exists()


def test_exports_write_through_links_and_refuse_what_is_not_a_file(tmp_path):
    real = tmp_path / "real.pdf"
    real.write_text("old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    with atomic_path(link) as temporary:
        temporary.write_text("new")
    assert link.is_symlink() and real.read_text() == "new"
    hard = tmp_path / "hard.pdf"
    os.link(real, hard)
    with atomic_path(real) as temporary:
        temporary.write_text("newer")
    assert hard.read_text() == "newer" and os.stat(hard).st_ino == os.stat(real).st_ino
    for target, message in (
        (tmp_path, "is a folder"),
        ("", "give the name of the file"),
        ("/dev/null", "not a regular file"),
    ):
        with pytest.raises(DomainError, match=message):
            with atomic_path(target):
                pass
    if os.geteuid() != 0:  # root may write anything
        os.chmod(real, 0o444)
        with pytest.raises(DomainError, match="read-only"):
            with atomic_path(real):
                pass


def test_a_damaged_database_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "scribbled.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 6)):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="damaged|Restore a backup"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_foreign_file_is_left_truly_untouched(tmp_path):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    before = other.read_bytes()
    with pytest.raises(DatabaseError, match="not made by the secretariat desk"):
        open_database(other)
    assert other.read_bytes() == before and not other.with_name("other.sqlite3-wal").exists()
    alembic_app = tmp_path / "alembic-app.sqlite3"
    with sqlite3.connect(alembic_app) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseError, match="belongs to another application"):
        open_database(alembic_app)


def test_addresses_that_are_not_databases(tmp_path):
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)
    with pytest.raises(DatabaseError, match="not a database the application can use"):
        open_database("foo://somewhere/db")


@sqlite_only  # reads the SQLite file's bytes; a server's storage is the server's
def test_a_participant_erased_for_good_leaves_no_trace_in_the_file(services, tmp_path):
    import datetime as dt

    from ccm_secretariat.services.meetings import MeetingInput
    from ccm_secretariat.services.registration import ParticipantInput

    meeting = services.meetings.create(
        MeetingInput("M", "M", "CCM/MSP/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 2), "", "Geneva", treaty="CCM")
    )
    d = services.registration.add_state_delegation(meeting.id, "Chile")
    person = services.registration.add_participant(
        d.id,
        ParticipantInput("Zyxwvutsrq", "Erasable", email="erasable.zyxwvutsrq@example.org", phone="+41 22 000 11 22"),
    )
    backup = services.db.backup()
    erasure = services.registration.erase_participant(person.id)
    assert erasure.backups == [backup]  # the secretary is told which backups still hold the person
    assert erasure.remains == ""  # nothing else does
    path = services.db.sqlite_path
    raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    assert b"zyxwvutsrq" not in raw.lower() and b"000 11 22" not in raw


def test_documents_for_distribution_follow_the_umask_and_the_internal_workbook_stays_private(
    demo, demo_meeting, tmp_path
):
    from ccm_secretariat.documents.reading import participants_workbook
    from ccm_secretariat.progress import run_to_end

    old = os.umask(0o022)
    try:
        run_to_end(participants_workbook(demo, demo_meeting.id, tmp_path / "shared.xlsx"))
        run_to_end(participants_workbook(demo, demo_meeting.id, tmp_path / "internal.xlsx", internal=True))
    finally:
        os.umask(old)
    assert mode(tmp_path / "shared.xlsx") == 0o644
    assert mode(tmp_path / "internal.xlsx") == 0o600


def test_errors_never_carry_the_values_of_a_row(services):
    import sqlalchemy as sa

    with pytest.raises(sa.exc.StatementError) as info:
        with services.db.engine.connect() as conn:
            conn.execute(sa.text("SELECT * FROM nowhere WHERE email = :e"), {"e": "secret.person@example.org"})
    assert "secret.person@example.org" not in str(info.value)


def test_erase_for_good_says_what_remains_and_makes_it_go_where_the_back_end_allows(services):
    """Issue 20, point 8. SQLite: another connection holding a read transaction keeps the old page in the file;
    the desk says so, and the values go once the reader is done and the desk closes. PostgreSQL: VACUUM of the
    touched tables (the owner's right) is run, and what the server still keeps is said."""
    import datetime as dt

    import sqlalchemy as sa

    from ccm_secretariat.services.meetings import MeetingInput
    from ccm_secretariat.services.registration import ParticipantInput

    meeting = services.meetings.create(
        MeetingInput("M", "M", "CCM/MSP/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 2), "", "Geneva", treaty="CCM")
    )
    d = services.registration.add_state_delegation(meeting.id, "Chile")
    person = services.registration.add_participant(
        d.id, ParticipantInput("Qwertzuiop", "Erasable", email="erasable.qwertzuiop@example.org", phone="+41 22 999")
    )
    path = services.db.sqlite_path
    if path is None:
        erasure = services.registration.erase_participant(person.id)
        assert erasure.remains.startswith("The table files no longer hold them (VACUUM was run).")
        assert "write-ahead log keeps them" in erasure.remains
        with services.db.engine.connect() as conn:
            vacuumed = conn.execute(
                sa.text("SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'participant'")
            ).scalar()
        assert vacuumed
        return
    services.db.checkpoint()  # the person's row is in the database file itself now

    def raw() -> bytes:
        return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()).lower()

    assert b"qwertzuiop" in raw()
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM participant").fetchone()  # a read transaction, as another window holds
    try:
        erasure = services.registration.erase_participant(person.id)
        assert erasure.remains.startswith("Another window or program is reading this database")
        assert b"qwertzuiop" in raw()  # still there, as the desk said
    finally:
        reader.rollback()
        reader.close()
    services.close()  # the desk closing checkpoints again, now that the reader is done
    assert b"qwertzuiop" not in raw() and b"22 999" not in raw()


def test_an_erasure_whose_clean_up_fails_is_still_an_erasure(services, monkeypatch):
    """The erasure is committed before the traces are cleared: a failed checkpoint or VACUUM is said, never raised
    as if the erasure itself had failed (the window would then keep an undo that could bring the person back)."""
    import datetime as dt

    import sqlalchemy as sa

    from ccm_secretariat.errors import NotFoundError
    from ccm_secretariat.services import registration
    from ccm_secretariat.services.meetings import MeetingInput
    from ccm_secretariat.services.registration import ParticipantInput

    meeting = services.meetings.create(
        MeetingInput("M", "M", "CCM/MSP/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 2), "", "Geneva", treaty="CCM")
    )
    d = services.registration.add_state_delegation(meeting.id, "Peru")
    person = services.registration.add_participant(d.id, ParticipantInput("Quispe", email="q@example.org"))

    def failing(_db):
        raise sa.exc.OperationalError("VACUUM", {}, Exception("disk I/O error"))

    monkeypatch.setattr(registration, "scrub", failing)
    erasure = services.registration.erase_participant(person.id)
    assert "was erased, but the database file could not be cleared of their traces (disk I/O error)" in erasure.remains
    with pytest.raises(NotFoundError):
        services.registration.participant(person.id)
