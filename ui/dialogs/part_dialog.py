"""Add or change a part of the meeting (dates, format, venue)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QSpinBox, QWidget

from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.services.meetings import PartRow
from ui.dialogs.form import FormDialog


class PartDialog(FormDialog):
    def __init__(self, next_number: int, save: Callable, initial: PartRow | None = None,
                 parent: QWidget | None = None):
        super().__init__("Edit part" if initial else "Add part", parent)
        self._save = save
        self.number = QSpinBox()
        self.number.setRange(1, 9)
        self.number.setValue(initial.number if initial else next_number)
        self.number.setEnabled(initial is None)
        self.first = QDateEdit(QDate(initial.start_date) if initial else QDate.currentDate())
        self.last = QDateEdit(QDate(initial.end_date) if initial else QDate.currentDate())
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMMM yyyy")
            edit.dateChanged.connect(self.revalidate)
        self.format = QComboBox()
        for fmt in MeetingFormat:
            self.format.addItem(fmt.value.replace("_", " ").capitalize(), fmt)
        if initial:
            self.format.setCurrentIndex(self.format.findData(initial.format))
        self.venue = QLineEdit(initial.venue if initial else "")
        for name, label, widget in (("number", "Part", self.number), ("start_date", "First day", self.first),
                                    ("end_date", "Last day", self.last), ("format", "Format", self.format),
                                    ("venue", "Venue", self.venue)):
            self.add_field(name, label, widget)
        self.revalidate()

    def problems(self):
        if self.last.date() < self.first.date():
            return "end_date", "The last day is before the first."
        return None

    def submit(self):
        return self._save(self.number.value(), self.first.date().toPython(), self.last.date().toPython(),
                          self.format.currentData(), self.venue.text())

    @classmethod
    def ask(cls, parent, next_number, save, initial=None):
        dialog = cls(next_number, save, initial, parent)
        accepted = dialog.exec() == FormDialog.Accepted
        return dialog.result_value, accepted
