"""A whole database copied, checked by counts and contents: to the back end under test and back to a SQLite
file (on the PostgreSQL run: SQLite → PostgreSQL → SQLite, the laptop-to-server-and-home journey)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from ccm_secretariat.cli import main
from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.samples.synth import fictitious_members
from ccm_secretariat.services import open_services
from ccm_secretariat.storage.copying import _tables, copy_database, digest
from ccm_secretariat.storage.database import open_database
from tests import backends


@pytest.fixture
def laptop(tmp_path, demo_template):
    """A laptop's SQLite file: the demo, fictitious participants, a check-in, a seating draw, hostile text."""
    import shutil

    path = tmp_path / "laptop.sqlite3"
    shutil.copy(demo_template, path)
    s = open_services(path)
    m = s.meetings.list()[0]
    fictitious_members(s, m.id, 120)
    chile = next(d for d in s.registration.delegations(m.id) if d.name == "Chile")
    s.registration.add_participant(chile.id, ParticipantInput("O'Brien & <Søn> 😀", "مريم", "Ms."))
    first = s.roster.directory(m.id)[0]
    s.check_in.check_in(m.id, first.id, dt.date(2020, 11, 25))
    s.seating.draw(m.id, "Chile", rows=8, seats_per_row=12)
    s.close()
    return path


def _same(a, b) -> None:
    ea, eb = open_database(a), open_database(b)
    try:
        for table in _tables():
            assert digest(ea.engine, table) == digest(eb.engine, table), table.name
    finally:
        ea.close()
        eb.close()


def test_a_laptop_database_goes_to_the_server_and_comes_home_the_same(laptop, tmp_path):
    server = backends.create_database() if backends.ON_POSTGRES else str(tmp_path / "server.sqlite3")
    try:
        last = run_to_end(copy_database(laptop, server))
        assert "checked" in last.message
        _same(laptop, server)
        # The copy works as a desk: a new participant gets a new id after the copied ones.
        s = open_services(server)
        m = s.meetings.list()[0]
        peru = next(d for d in s.registration.delegations(m.id) if d.name == "Peru")
        before = max(p.id for p in s.roster.directory(m.id))
        assert s.registration.add_participant(peru.id, ParticipantInput("Quispe", "Luis")).id > before
        s.close()
        home = tmp_path / "home.sqlite3"
        run_to_end(copy_database(server, home))
        _same(server, home)
        with pytest.raises(ValidationError, match="holds meetings already"):
            run_to_end(copy_database(laptop, home))
    finally:
        if backends.ON_POSTGRES:
            backends.drop_database(server)


def test_db_copy_from_the_command_line(laptop, tmp_path, capsys):
    target = tmp_path / "copy.sqlite3"
    assert main(["--db", str(tmp_path / "any.sqlite3"), "db", "copy", "--from", str(laptop), "--to", str(target)]) == 0
    assert "rows in" in capsys.readouterr().out
    engine = sa.create_engine(f"sqlite:///{target}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM check_in")).scalar() == 1
    engine.dispose()
