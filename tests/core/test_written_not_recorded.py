"""What was written and what was not, said exactly (issue 20, points 9 and 10), on both back ends."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from ccm_secretariat.documents.registry import DOCUMENTS
from ccm_secretariat.errors import DomainError
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services import open_services
from ccm_secretariat.services.registration import ParticipantInput
from tests.backends import ON_POSTGRES, location
from tests.core.meetings import fourteenth_msp


def test_badges_written_under_another_process_s_lock_say_the_printing_was_not_recorded(services, tmp_path):
    meeting = fourteenth_msp(services)
    chile = services.registration.add_state_delegation(meeting.id, "Chile")
    for name in ("Rojas", "Soto"):
        services.registration.add_participant(chile.id, ParticipantInput(name, "Ana"))
    desk = open_services(location(services), busy_timeout_ms=50)
    if ON_POSTGRES:
        blocker = services.db.engine.connect()
        blocker.exec_driver_sql("BEGIN")
        blocker.exec_driver_sql("LOCK TABLE badge_print IN EXCLUSIVE MODE")
    else:
        blocker = sqlite3.connect(services.db.sqlite_path, timeout=0.05)
        blocker.execute("BEGIN IMMEDIATE")  # another program writes: reads go on, a write waits and gives up
    out = tmp_path / "badges.pdf"
    try:
        with pytest.raises(DomainError) as refused:
            run_to_end(DOCUMENTS["badges"].job(desk, meeting.id, "pdf", out))
    finally:
        blocker.rollback()
        blocker.close()
        desk.close()
    message = refused.value.message
    assert message.startswith(f"The badges were written to {out} (2 badges on 1 sheet), but their printing was not")
    assert "locked" in message and "print the same badges again" in message
    assert "nothing was changed" not in message.lower()
    assert len(PdfReader(out).pages) == 1  # the file is there
    assert services.badges.printed(meeting.id) == {}  # and the printing is not recorded
    with services.db.session() as s:
        assert s.scalar(sa.text("SELECT count(*) FROM badge_print")) == 0


CHILD_EXPORT = """
import resource, signal, sys
sys.path.insert(0, {root!r})
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
limit = int(sys.argv[3])
if limit:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from ccm_secretariat.cli import main
sys.exit(main(["--db", sys.argv[1], "export", "participants", "--format", "xlsx", "--out", sys.argv[2]]))
"""


def _export_in_child(services, out, limit: int = 0, env=None):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])
    return subprocess.run(
        [sys.executable, "-c", CHILD_EXPORT.format(root=root), location(services), str(out), str(limit)],
        capture_output=True,
        text=True,
        env=dict(os.environ, **(env or {})),
    )


@pytest.fixture
def big_meeting(services):
    from ccm_secretariat.samples.synth import synthesise

    run_to_end(synthesise(services, 2000, 1))
    services.db.backup("daily")  # the day's backup is made: the child's warnings would be about it otherwise
    return services


def test_a_workbook_export_with_no_room_in_the_temporary_folder_gives_one_message(big_meeting, tmp_path):
    out = tmp_path / "registration.xlsx"
    # The sheets are spooled to temporary files first; the desk's log gets a folder of its own, since the test
    # session's log may already be larger than the limit (its appends would fail first).
    child = _export_in_child(big_meeting, out, limit=60_000, env={"XDG_STATE_HOME": str(tmp_path / "state")})
    assert child.returncode == 1
    lines = child.stderr.strip().splitlines()
    assert len(lines) == 1, child.stderr
    assert "registration.xlsx was not written: the temporary folder" in lines[0] and "is full" in lines[0]
    assert not out.exists() and not list(tmp_path.glob(".registration.xlsx.*"))


def test_a_workbook_export_to_a_full_disk_gives_one_message(big_meeting, tmp_path):
    import os
    import subprocess

    disk = tmp_path / "small-disk"
    disk.mkdir()
    mounted = os.geteuid() == 0 and (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(disk)], capture_output=True).returncode
        == 0
    )
    if not mounted:
        pytest.skip("a small disk needs a tmpfs, which only root can mount here")
    try:
        child = _export_in_child(big_meeting, disk / "registration.xlsx")
    finally:
        subprocess.run(["umount", str(disk)], check=True)
    assert child.returncode == 1
    lines = child.stderr.strip().splitlines()
    assert lines == [
        "ccm-secretariat: out: The disk is full: registration.xlsx was not written (the old file, if any, is as "
        "it was). Free some space and try again."
    ], child.stderr
