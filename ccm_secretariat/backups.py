"""Backups of a SQLite database: consistent copies (SQLite's online backup) in a private folder beside it, kept
in rotation, listed with what they hold, and restored after the current state has been backed up in its turn.

Taken when a database is opened (at most once a day), before every schema upgrade, import and meeting deletion,
and when the secretary asks."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ccm_secretariat.errors import DatabaseError
from ccm_secretariat.userdirs import create_private, private

log = logging.getLogger(__name__)

KEEP = int(os.environ.get("CCM_SECRETARIAT_BACKUPS_KEPT", "20"))  # how many backups of a database are kept
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<reason>[a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: dt.datetime
    reason: str
    size: int
    meetings: tuple[str, ...]
    participants: int

    @property
    def label(self) -> str:
        what = ", ".join(self.meetings) or "no meeting"
        return (
            f"{self.taken:%d %B %Y, %H:%M} — {self.reason.replace('-', ' ')} — {what}; "
            f"{self.participants:,} participant(s)"
        )


def folder_of(database: Path) -> Path:
    return private(database.parent / f"{database.stem}-backups")


def copy(source: Path, target: Path) -> None:
    """A consistent copy of a database that may be in use, created 0600."""
    target.parent.mkdir(parents=True, exist_ok=True)
    create_private(target)
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file, read without -shm
        finally:
            dst.close()
    finally:
        src.close()


def take(database: Path, reason: str, keep: int = KEEP) -> Path:
    """Back up `database` now; the oldest backups beyond `keep` are removed."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder_of(database) / f"{database.stem}.{stamp}.{reason}.sqlite3"
    copy(database, target)
    for old in [b.path for b in _files(database)][keep:]:
        old.unlink(missing_ok=True)
    log.info("Backed up %s as %s (%s)", database.name, target.name, reason)
    return target


def _files(database: Path) -> list[BackupInfo]:
    found = []
    folder = database.parent / f"{database.stem}-backups"
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if m and m.group("stem") == database.stem:
            found.append(
                BackupInfo(
                    path,
                    dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S-%f"),
                    m.group("reason"),
                    path.stat().st_size,
                    (),
                    0,
                )
            )
    return sorted(found, key=lambda b: b.taken, reverse=True)


def list_backups(database: Path) -> list[BackupInfo]:
    """Newest first, each with its meetings and number of participants (read without changing the file)."""
    result = []
    for info in _files(database):
        meetings: tuple[str, ...] = ()
        participants = 0
        try:
            conn = sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)
            try:
                meetings = tuple(r[0] for r in conn.execute("SELECT short_title FROM meeting ORDER BY id"))
                participants = conn.execute("SELECT count(*) FROM participant").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            meetings = ("(cannot be read)",)
        result.append(BackupInfo(info.path, info.taken, info.reason, info.size, meetings, participants))
    return result


def taken_today(database: Path) -> bool:
    today = dt.date.today()
    return any(b.taken.date() == today for b in _files(database))


def restore(database: Path, backup: Path) -> Path:
    """Replace the database's contents with the backup's, after backing up the current state; returns that
    backup. Close every connection to the database first (the desk reopens it)."""
    if not backup.is_file():
        raise DatabaseError(f"{backup} does not exist.")
    check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise DatabaseError(f"{backup.name} is damaged; choose another backup.")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{backup.name} is not a database backup ({exc}).") from None
    finally:
        check.close()
    before = take(database, "before-restore")
    copy(backup, database)
    return before


def holding(database: Path, table: str, row_id: int) -> list[Path]:
    """The backups in which a row (a participant erased for good) still exists."""
    found = []
    for info in _files(database):
        try:
            conn = sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)
            try:
                if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone():
                    found.append(info.path)
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            found.append(info.path)  # cannot be read: cannot be said not to hold it
    return found
