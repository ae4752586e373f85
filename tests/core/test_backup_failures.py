"""Backups that are killed or run out of disk (issue 20, points 3 and 4): a killed backup never looks like one,
the rotation counts only good backups, leftovers go at the next start; an automatic backup that cannot be made
is a warning, never the end of what the secretary asked for."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ccm_secretariat.cli import main as cli
from ccm_secretariat.errors import DatabaseError
from ccm_secretariat.storage import backups
from ccm_secretariat.storage.database import open_database
from tests.backends import sqlite_only

ROOT = Path(__file__).resolve().parents[2]

# The child takes one backup and is killed (SIGKILL, by itself) at a moment given by argv[2]: half-way through the
# copy (pages written, the journal open), or once the copy is complete but before it is checked and renamed.
KILLED_BACKUP = f"""
import os, signal, sqlite3, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from ccm_secretariat.storage import backups

def die(*_):
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[2] == "half-way":
    def copy(source, target):
        src, dst = sqlite3.connect(str(source)), sqlite3.connect(str(target))
        src.backup(dst, pages=1, progress=lambda status, remaining, total: die() if total - remaining > 4 else None)
    backups.copy = copy
else:
    backups._checked = lambda path: die()
backups.take(Path(sys.argv[1]), "manual", keep=3)
"""


def _killed_backup(path: Path, moment: str) -> None:
    child = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(path), moment], capture_output=True)
    assert child.returncode == -9, child.stderr.decode()


def _folder_names(path: Path) -> set[str]:
    return {p.name for p in backups.folder_of(path).iterdir()}


@sqlite_only  # the desk's own backups are of a SQLite file; a server has its own
def test_killed_backups_are_never_listed_counted_or_kept(demo):
    path = demo.db.sqlite_path
    demo.close()
    for old in backups.folder_of(path).iterdir():
        old.unlink()
    good = [backups.take(path, "manual", keep=3) for _ in range(2)]
    for moment in ("half-way", "before-rename", "half-way"):
        _killed_backup(path, moment)
    left = _folder_names(path) - {g.name for g in good}
    assert left and all(backups.PARTIAL in name for name in left)  # what the kills left, under temporary names
    assert [b.path for b in backups.list_backups(path)] == good[::-1]  # none of them listed
    assert all("(cannot be read)" not in b.label for b in backups.list_backups(path))
    third = backups.take(path, "manual", keep=3)  # the rotation counts good backups only: both older ones stay
    assert [b.path for b in backups.list_backups(path)] == [third, *good[::-1]]
    open_database(path).close()  # the next start removes the leftovers
    assert _folder_names(path) == {third.name, *(g.name for g in good)}


@sqlite_only
def test_a_killed_backup_is_not_the_day_s_backup_and_an_old_broken_one_is_cleared(demo):
    path = demo.db.sqlite_path
    demo.close()
    for old in backups.folder_of(path).iterdir():
        old.unlink()
    # What an older version left: a half-written file under a backup's final name, with its journal.
    broken = backups.folder_of(path) / f"{path.stem}.20260101-090000-000000.daily.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    broken.with_name(broken.name + "-journal").write_bytes(b"\x00" * 512)
    _killed_backup(path, "before-rename")
    assert not backups.taken_today(path)
    db = open_database(path)  # removes the leftovers, then takes the day's backup
    db.close()
    listed = backups.list_backups(path)
    assert [b.reason for b in listed] == ["daily"] and listed[0].taken.date() == listed[0].taken.today().date()
    assert _folder_names(path) == {listed[0].path.name}


@pytest.fixture
def full_backup_disk(monkeypatch):
    """A disk with room for almost nothing where backups are written: SQLite's page limit on the backup's file,
    so the copy fails as on a full disk (SQLITE_FULL, "database or disk is full")."""
    real = sqlite3.connect

    def connect(database, *args, **kwargs):
        conn = real(database, *args, **kwargs)
        if str(database).endswith(backups.PARTIAL):
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


@sqlite_only
def test_a_full_disk_makes_no_backup_and_leaves_nothing(demo, full_backup_disk):
    path = demo.db.sqlite_path
    before = _folder_names(path)
    with pytest.raises(DatabaseError, match=r"No backup of demo\.sqlite3 could be made \(the disk is full\)"):
        backups.take(path, "manual")
    assert _folder_names(path) == before


@sqlite_only
def test_an_import_goes_on_with_a_warning_when_its_backup_cannot_be_made(
    demo, demo_meeting, tmp_path, capsys, full_backup_disk
):
    registrations = tmp_path / "r.csv"
    registrations.write_text("First Name,Last Name,Email,Country\nAna,Pérez,ana@example.org,Chile\n", "utf-8")
    db = str(demo.db.sqlite_path)
    demo.close()
    code = cli(["--db", db, "import", "registrations", str(registrations), "--meeting", demo_meeting.short_title])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "added 1, updated 0, skipped 0, refused 0" in captured.out
    assert "Warning: No backup of demo.sqlite3 could be made (the disk is full). The work goes on without it." in (
        captured.err
    )
    assert "Traceback" not in captured.err


@sqlite_only
def test_the_first_open_of_the_day_with_a_full_disk_opens_with_a_warning(demo, full_backup_disk, capsys):
    path = demo.db.sqlite_path
    demo.close()
    for old in backups.folder_of(path).iterdir():
        old.unlink()  # no backup today yet
    assert cli(["--db", str(path), "meetings"]) == 0
    captured = capsys.readouterr()
    assert "2RC" in captured.out or "Review Conference" in captured.out
    assert "Warning: No backup of demo.sqlite3 could be made (the disk is full)" in captured.err
    assert not backups.list_backups(path)
