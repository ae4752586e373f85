"""Add or edit a side event of the programme of work: its day and hours, its title, who organises it, where."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLineEdit, QWidget

from ccm_secretariat.services.agenda import SideEventRow
from ui.dialogs.form import FormDialog, date_edit, time_edit


class SideEventDialog(FormDialog):
    def __init__(self, first_day, save: Callable, initial: SideEventRow | None = None, parent: QWidget | None = None):
        super().__init__("Edit side event" if initial else "Add side event", parent)
        self._save = save
        self.title_edit = QLineEdit(initial.title if initial else "")
        self.title_edit.setPlaceholderText("e.g. Victim assistance in practice")
        self.date = date_edit(initial.date if initial else first_day)
        self.start = time_edit(initial.start_time if initial else QTime(13, 15))
        self.end = time_edit(initial.end_time if initial else QTime(14, 45))
        for edit in (self.start, self.end):
            edit.timeChanged.connect(self.revalidate)
        self.organiser = QLineEdit(initial.organiser or "" if initial else "")
        self.organiser.setPlaceholderText("e.g. ICRC, or the Permanent Mission of Chile")
        self.room = QLineEdit(initial.room or "" if initial else "")
        self.room.setPlaceholderText("e.g. Room XXIII")
        self.add_field("title", "Title", self.title_edit)
        self.add_field("date", "Date", self.date)
        self.add_field("start_time", "Starts", self.start)
        self.add_field("end_time", "Ends", self.end)
        self.add_field("organiser", "Organised by", self.organiser)
        self.add_field("room", "Room", self.room)
        self.first_field = self.title_edit
        self.title_edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(520)
        self.revalidate()

    def problems(self):
        if not self.title_edit.text().strip():
            return "title", "Give the event's title."
        if self.end.time() <= self.start.time():
            return "end_time", "The event must end after it starts."
        return None

    def submit(self):
        return self._save(
            self.date.date().toPython(),
            self.start.time().toPython(),
            self.end.time().toPython(),
            self.title_edit.text(),
            self.organiser.text(),
            self.room.text(),
        )

    @classmethod
    def ask(cls, parent, first_day, save, initial=None):
        dialog = cls(first_day, save, initial, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
