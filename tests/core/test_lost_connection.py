"""A connection lost after an import committed (issue 20, point 6, PostgreSQL): the server ends the desk's
connection while the column mapping is being remembered; the messages say exactly that the import was saved and
only the mapping was not."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from ccm_secretariat.cli import main as cli
from ccm_secretariat.orm import Participant
from tests.backends import ON_POSTGRES, _admin, location
from tests.core.meetings import fourteenth_msp

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="a server's connection; a SQLite file has none to lose")


@pytest.fixture
def connection_killed_on_mapping():
    """The server terminates the connection that writes the remembered mapping, as a restart would."""
    admin = _admin()
    killed = []

    def kill(conn, _cursor, statement, *_args):
        if not killed and statement.lstrip().upper().startswith(
            ("INSERT INTO IMPORT_MAPPING", "UPDATE IMPORT_MAPPING")
        ):
            pid = conn.connection.dbapi_connection.info.backend_pid
            with admin.connect() as a:
                a.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            killed.append(pid)

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", kill)
    yield killed
    sa.event.remove(sa.engine.Engine, "before_cursor_execute", kill)
    admin.dispose()


def test_an_import_saved_before_the_connection_dropped_is_reported_as_saved(
    services, tmp_path, capsys, connection_killed_on_mapping
):
    fourteenth_msp(services)
    path = tmp_path / "r.csv"
    path.write_text(
        "First Name,Last Name,Email,Country\n" + "".join(f"G{i},F{i},g{i}@example.org,Chile\n" for i in range(20)),
        encoding="utf-8",
    )
    code = cli(["--db", location(services), "import", "registrations", str(path), "--meeting", "14MSP"])
    captured = capsys.readouterr()
    assert connection_killed_on_mapping, "the connection was not cut"
    assert code == 0 and "added 20, updated 0, skipped 0, refused 0" in captured.out, captured
    assert "The import was saved (added 20, updated 0, skipped 0, refused 0); only the column mapping was not" in (
        captured.err
    )
    assert "that change was not saved" not in captured.err and "Traceback" not in captured.err
    with services.db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Participant)) == 20
