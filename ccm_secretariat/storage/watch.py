"""Other desks' changes, noticed cheaply: the window asks every second whether anyone else has committed a
change, and refreshes what it shows when so.

On PostgreSQL each write transaction sends a notice on commit (LISTEN/NOTIFY, with the writing desk's id, so a
desk does not refresh for its own changes); the watcher listens on a connection of its own. On SQLite,
`PRAGMA data_version` on a connection of the watcher's own changes when any other connection commits; the
watcher reads it again right after each of this desk's own commits, so that only other desks' commits count.

A listening connection the server drops (a restart, a network cut) is made again, at most every RETRY seconds;
until then `live` is False (the window says so), and once it is back the desk refreshes once for what it
missed."""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import Any

from ccm_secretariat.storage.database import CHANGES_CHANNEL, Database

RETRY = 2.0  # seconds between two tries to listen again


class ChangeWatcher:
    def __init__(self, db: Database):
        self.db = db
        self._sqlite: sqlite3.Connection | None = None
        self._listener: Any = None  # psycopg.Connection while listening
        self._url: str | None = None  # a server's: where to listen again after a dropped connection
        self._retry_at = 0.0
        self._notices: list[Any] = []  # received by the listening connection, not read yet
        self._version: int | None = None
        self._lock = threading.Lock()  # own commits may come from a worker thread (an import)
        try:
            if db.sqlite_path is not None:
                self._sqlite = sqlite3.connect(f"file:{db.sqlite_path}?mode=ro", uri=True, check_same_thread=False)
                self._version = self._data_version()
                db.after_own_write.append(self._own_write)
            else:
                self._url = db.url.set(drivername="postgresql").render_as_string(hide_password=False)
                self._listen()
        except Exception:  # no watcher is no refresh, never a failure of the desk
            self._drop()

    def _listen(self) -> None:
        import psycopg

        listener = psycopg.connect(self._url or "", autocommit=True, connect_timeout=3)
        listener.add_notify_handler(self._notices.append)
        listener.execute(f"LISTEN {CHANGES_CHANNEL}")
        self._listener = listener

    def _drop(self) -> None:
        """Forget a listening connection that failed (it is made again by `changed_elsewhere`)."""
        if self._listener is not None:
            try:
                self._listener.close()
            except Exception:
                pass
        self._listener = None
        self._retry_at = time.monotonic() + RETRY

    @property
    def live(self) -> bool:
        """Whether other desks' changes are heard as they come (False: the server's connection is being made
        again, or the file cannot be watched)."""
        return self._sqlite is not None or self._listener is not None

    def _data_version(self) -> int:
        with self._lock:
            if self._sqlite is None:
                return 0
            return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _own_write(self) -> None:
        """This desk just committed: the file's new version is not news. (An other desk's commit in the same
        instant is then not announced; the refresh that follows this desk's own edit shows it anyway.)"""
        if self._sqlite is not None:
            try:
                self._version = self._data_version()
            except sqlite3.Error:
                pass

    def changed_elsewhere(self) -> bool:
        """True when another desk has committed a change since the last call."""
        try:
            if self._sqlite is not None:
                version = self._data_version()
                changed = version != self._version
                self._version = version
                return changed
        except Exception:
            return False
        if self._url is None:
            return False
        if self._listener is None:
            if time.monotonic() < self._retry_at:
                return False
            try:
                self._listen()
            except Exception:
                self._drop()
                return False
            return True  # listening again: what was missed meanwhile is shown by one refresh
        try:  # a round trip: delivers the notices received, and fails at once on a dropped connection
            self._listener.execute("SELECT 1")
        except Exception:
            self._drop()
            return False
        notices = self._notices[:]
        self._notices.clear()  # (in place: the listening connection's handler appends to this very list)
        return any(n.payload != self.db.desk_id for n in notices)

    def close(self) -> None:
        for connection in (self._sqlite, self._listener):
            if connection is not None:
                try:
                    connection.close()
                except Exception:
                    pass
        self._sqlite = self._listener = None
        self._url = None
        if self._own_write in self.db.after_own_write:
            self.db.after_own_write.remove(self._own_write)
