"""Every setting the desk keeps between sessions, declared once (QSettings under the hood)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from ccm_secretariat.application import APP_ID

RECENT_LIMIT = 8


def _key(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:12]


class DeskSettings:
    def __init__(self, settings: QSettings | None = None):
        self._s = settings or QSettings(APP_ID, "desk")

    # The database last opened, and the ones before it.
    @property
    def last_database(self) -> str:
        return str(self._s.value("database/last", "") or "")

    def remember_database(self, location: str) -> None:
        from ui.dialogs.connect_dialog import without_password

        location = without_password(location)  # a server's password is asked each time, never stored
        self._s.setValue("database/last", location)
        recent = [location] + [r for r in self.recent_databases() if r != location]
        self._s.setValue("database/recent", recent[:RECENT_LIMIT])

    def recent_databases(self) -> list[str]:
        value = self._s.value("database/recent", []) or []
        return [value] if isinstance(value, str) else [str(v) for v in value]

    @property
    def last_meeting(self) -> int | None:
        value = self._s.value("meeting/last")
        return int(value) if value not in (None, "") else None

    @last_meeting.setter
    def last_meeting(self, meeting_id: int | None) -> None:
        self._s.setValue("meeting/last", "" if meeting_id is None else meeting_id)

    # The options of the list of participants, per meeting (keyed by the database too: ids repeat across files).
    def list_options(self, database: str, meeting_id: int) -> dict:
        value = self._s.value(f"lists/{_key(database)}/{meeting_id}", {})
        return dict(value) if isinstance(value, dict) else {}

    def remember_list_options(self, database: str, meeting_id: int, options: dict) -> None:
        self._s.setValue(f"lists/{_key(database)}/{meeting_id}", options)

    # The language each kind of document was last exported in, per meeting (empty: the meeting's).
    def document_language(self, database: str, meeting_id: int, kind: str) -> str:
        return str(self._s.value(f"languages/{_key(database)}/{meeting_id}/{kind}", "") or "")

    def remember_document_language(self, database: str, meeting_id: int, kind: str, language: str) -> None:
        self._s.setValue(f"languages/{_key(database)}/{meeting_id}/{kind}", language)

    # The folder the last document was saved in: the next save dialog opens there.
    @property
    def last_folder(self) -> str:
        return str(self._s.value("files/last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._s.setValue("files/last_folder", folder)

    # Window layout.
    def geometry(self) -> QByteArray | None:
        return self._s.value("window/geometry")

    def state(self) -> QByteArray | None:
        return self._s.value("window/state")

    def save_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def sync(self) -> None:
        self._s.sync()
