"""Backups of a SQLite database: consistent copies (SQLite's online backup) in a private folder beside it, kept
in rotation, listed with what they hold, and restored after the current state has been backed up in its turn.

Taken when a database is opened (at most once a day), before every schema upgrade, import and meeting deletion,
and when the secretary asks. A backup is written under a temporary name (`NAME.….partial`), checked (SQLite's
quick check) and only then renamed to its final name, so a killed or failed backup never looks like one: the
rotation counts only good backups, and what a killed backup left behind is removed at the next start."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ccm_secretariat.domain.prose import counted, un_date
from ccm_secretariat.environment import BACKUPS_KEPT
from ccm_secretariat.errors import DatabaseError
from ccm_secretariat.storage.userdirs import create_private, private

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<reason>[a-z0-9-]+)\.sqlite3$")
PARTIAL = ".partial"  # a backup being written; never listed, removed at the next start
SQLITE_HEADER = b"SQLite format 3\x00"


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
            f"{un_date(self.taken.date())}, {self.taken:%H:%M} — {self.reason.replace('-', ' ')} — {what}; "
            f"{counted(self.participants, 'participant')}"
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


def _checked(path: Path) -> bool:
    """True when `path` is a whole SQLite database that passes the quick check."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)


def take(database: Path, reason: str, keep: int | None = None) -> Path:
    """Back up `database` now (written under a temporary name, checked, then renamed); the oldest good backups
    beyond `keep` (by default environment.BACKUPS_KEPT) are removed. A backup that cannot be made raises
    DatabaseError and leaves nothing behind."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder_of(database) / f"{database.stem}.{stamp}.{reason}.sqlite3"
    partial = target.with_name(target.name + PARTIAL)
    try:
        copy(database, partial)
        if not _checked(partial):
            raise DatabaseError(f"The backup of {database.name} did not pass SQLite's check; it was not kept.")
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        _remove(partial)
        full = "full" in str(exc) or getattr(exc, "errno", None) == errno.ENOSPC
        why = "the disk is full" if full else f"{type(exc).__name__}: {exc}"
        raise DatabaseError(f"No backup of {database.name} could be made ({why}).") from None
    except BaseException:
        _remove(partial)
        raise
    keep = BACKUPS_KEPT.number() if keep is None else keep
    for old in [b.path for b in _files(database) if _whole(b.path)][keep:]:
        _remove(old)
    log.info("Backed up %s as %s (%s)", database.name, target.name, reason)
    return target


def _whole(path: Path) -> bool:
    """A backup that was completed: a SQLite file with no journal beside it (the quick check was made when it was
    taken; a file from an older version that was killed half-way fails this)."""
    if path.with_name(path.name + "-journal").exists():
        return False
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER and path.stat().st_size % 512 == 0
    except OSError:
        return False


def remove_leftovers(database: Path) -> list[Path]:
    """Remove what killed or failed backups left in the backup folder (temporary files and journals); returns
    them. Called when a database is opened."""
    folder = database.parent / f"{database.stem}-backups"
    if not folder.is_dir():
        return []
    removed = []
    for path in sorted(folder.iterdir()):
        if not path.name.startswith(f"{database.stem}."):
            continue
        if path.name.endswith("-journal"):  # a backup killed half-way: the journal and what it belongs to
            removed += [p for p in (path.with_name(path.name[: -len("-journal")]), path) if p.exists()]
        elif path.name.endswith(PARTIAL):
            removed.append(path)
    removed = list(dict.fromkeys(removed))
    for path in removed:
        path.unlink(missing_ok=True)
    if removed:
        log.warning("Removed %d file(s) left by unfinished backups of %s", len(removed), database.name)
    return removed


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
    """Whether a good backup was taken today (a damaged one does not count)."""
    today = dt.date.today()
    return any(b.taken.date() == today and _whole(b.path) for b in _files(database))


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
