"""The main window's File menu for databases and meetings: a new meeting, deleting one, the demo, opening a
database file or a server, backing up and restoring."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ccm_secretariat.domain.prose import counted, un_date_time
from ccm_secretariat.errors import DomainError
from ccm_secretariat.samples.demo import existing_demo, load_demo
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.errors import describe, show_error
from ui.window_base import WindowBase


class DatabaseActions(WindowBase):
    """Part of MainWindow (ui/main_window.py): it uses the window's services, settings, tasks and pages."""

    def new_meeting(self) -> None:
        ends = [p.end_date for m in self.services.meetings.list() for p in m.parts]
        treaty = self.meeting.treaty if self.meeting is not None else None
        row, accepted = MeetingDialog.ask(self, self.services.meetings.create, max(ends, default=None), treaty)
        if accepted:
            self.reload_meetings(prefer=row.id)
            self.say(f"Created {row.title}.")

    def delete_meeting(self) -> None:
        if self.meeting is None:
            return
        m = self.meeting
        counts = self.services.registration.category_counts(m.id)
        delegations = sum(d for d, _ in counts.values())
        people = sum(p for _, p in counts.values())
        backed_up = self.services.db.sqlite_path is not None
        safety = (
            "The database is backed up first; this cannot be undone but from that backup (File → Restore from backup)."
            if backed_up
            else "This cannot be undone but from the server's own backups."
        )
        if (
            QMessageBox.question(
                self,
                "Delete this meeting",
                f"Delete {m.title} ({m.symbol_prefix}) with its {counted(delegations, 'delegation')}, "
                f"{counted(people, 'participant')}, agenda and documents? {safety}",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            self.services.meetings.delete(m.id)
        except DomainError as exc:
            show_error(self, "Delete this meeting", exc)
            return
        self.undo_stack.clear()  # its steps name a meeting that is gone
        self.reload_meetings()
        self.say(f"Deleted {m.short_title}" + ("; the database was backed up first." if backed_up else "."))

    def open_demo(self, practice: bool = False) -> None:
        found = existing_demo(self.services, practice=practice)
        if found is not None:
            self.reload_meetings(prefer=found.id)
            return
        what = "the practice copy of the demo" if practice else "the demo conference"

        def done(_last):
            loaded = existing_demo(self.services, practice=practice)
            self.reload_meetings(prefer=loaded.id if loaded is not None else None)
            self.say(f"Opened {what}.")

        self.tasks.run(
            f"Loading {what}",
            lambda: load_demo(self.services, practice=practice),
            done,
            lambda exc: show_error(self, "The demo conference could not be loaded", exc),
        )

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a database", "", "Secretariat databases (*.sqlite3 *.db);;All files (*)"
        )
        if path:
            self.switch_database(path)

    def connect_to_server(self, known: str | None = None) -> None:
        from ui.dialogs.connect_dialog import ConnectDialog, without_password

        problem = ""
        while True:  # a refused password or an unreachable server: the dialog again, saying why
            location, accepted = ConnectDialog.ask(self, known, problem)
            if not accepted or location is None:
                return
            problem = self.switch_database(location, quietly=True)
            if not problem:
                return
            known = without_password(location)

    def switch_database(self, location: str, quietly: bool = False) -> str:
        """Open `location` in a new window in place of this one; what went wrong, or "" (`quietly`: said by the
        caller, not in a message box)."""
        from ui.confirm import confirm_empty_file

        if self._open_database is None or not confirm_empty_file(self, location):
            return ""
        try:
            services = self._open_database(location)
        except DomainError as exc:
            if not quietly:
                show_error(self, "Cannot open the database", exc)
            return describe(exc)
        self.settings.remember_database(location)

        # A window like this one (its class: this module is a part of it) on the other database.
        window: Any = type(self)
        replacement = window(services, self.settings, self.tasks.synchronous, self._open_database)
        replacement.show()
        self.close()
        self.services.close()
        return ""

    def back_up(self) -> None:
        try:
            path = self.services.db.backup()
        except DomainError as exc:
            show_error(self, "Back up", exc)
            return
        self.say(f"Backed up to {path}")

    def restore_backup(self) -> None:
        from ccm_secretariat.storage import backups
        from ui.dialogs.restore_dialog import RestoreDialog

        path = self.services.db.sqlite_path
        if path is None:
            QMessageBox.information(self, "Restore", "Restore a server database with the server's own tools.")
            return
        chosen, accepted = RestoreDialog.ask(self, backups.list_backups(path))
        if (
            not accepted
            or chosen is None
            or QMessageBox.question(
                self,
                "Restore",
                f"Replace the database with the backup of {un_date_time(chosen.taken)}?",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.tasks.wait()
        self.watch_timer.stop()
        self.watcher.close()  # its connection to the file would hold the restore back
        self.services.close()
        try:
            before = backups.restore(path, chosen.path)
        except DomainError as exc:
            show_error(self, "Restore", exc)
        else:
            self.say(f"Restored; the state before was backed up to {before.name}.")
        if self._open_database is not None:
            self.switch_database(str(path))
