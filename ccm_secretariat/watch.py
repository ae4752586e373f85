"""Other desks' changes, noticed cheaply: the window asks every second whether anyone else has committed a
change, and refreshes what it shows when so.

On PostgreSQL each write transaction sends a notice on commit (LISTEN/NOTIFY, with the writing desk's id, so a
desk does not refresh for its own changes); the watcher listens on a connection of its own. On SQLite,
`PRAGMA data_version` on a connection of the watcher's own changes when any other connection commits; the
watcher reads it again right after each of this desk's own commits, so that only other desks' commits count."""

from __future__ import annotations

import sqlite3
import threading

from ccm_secretariat.database import CHANGES_CHANNEL, Database


class ChangeWatcher:
    def __init__(self, db: Database):
        self.db = db
        self._sqlite: sqlite3.Connection | None = None
        self._listener = None
        self._version: int | None = None
        self._lock = threading.Lock()  # own commits may come from a worker thread (an import)
        try:
            if db.sqlite_path is not None:
                self._sqlite = sqlite3.connect(f"file:{db.sqlite_path}?mode=ro", uri=True, check_same_thread=False)
                self._version = self._data_version()
                db.after_own_write.append(self._own_write)
            else:
                import psycopg

                url = db.url.set(drivername="postgresql").render_as_string(hide_password=False)
                self._listener = psycopg.connect(url, autocommit=True)
                self._listener.execute(f"LISTEN {CHANGES_CHANNEL}")
        except Exception:  # no watcher is no refresh, never a failure of the desk
            self.close()

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
            if self._listener is not None:
                notices = list(self._listener.notifies(timeout=0, stop_after=10_000))
                return any(n.payload != self.db.desk_id for n in notices)
        except Exception:
            return False
        return False

    def close(self) -> None:
        for connection in (self._sqlite, self._listener):
            if connection is not None:
                try:
                    connection.close()
                except Exception:
                    pass
        self._sqlite = self._listener = None
        if self._own_write in self.db.after_own_write:
            self.db.after_own_write.remove(self._own_write)
