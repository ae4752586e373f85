"""Add or change a part of the meeting (dates, format, venue)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from ccm_secretariat.services.meetings import PartRow
from ui.dialogs.form import FormDialog, date_edit, format_combo


class PartDialog(FormDialog):
    def __init__(self, next_number: int, save: Callable, initial: PartRow | None = None, parent: QWidget | None = None):
        super().__init__("Edit part" if initial else "Add part", parent)
        self._save = save
        self.number = QSpinBox()
        self.number.setRange(1, 9)
        self.number.setValue(initial.number if initial else next_number)
        self.number.setEnabled(initial is None)
        self.first = date_edit(initial.start_date if initial else None)
        self.last = date_edit(initial.end_date if initial else None)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self.revalidate)
        self.format = format_combo(initial.format if initial else None)
        self.venue = QLineEdit(initial.venue if initial else "")
        for name, label, widget in (
            ("number", "Part", self.number),
            ("start_date", "First day", self.first),
            ("end_date", "Last day", self.last),
            ("format", "Format", self.format),
            ("venue", "Venue", self.venue),
        ):
            self.add_field(name, label, widget)
        self.revalidate()

    def problems(self):
        if self.last.date() < self.first.date():
            return "end_date", "The last day is before the first."
        return None

    def submit(self):
        return self._save(
            self.number.value(),
            self.first.date().toPython(),
            self.last.date().toPython(),
            self.format.currentData(),
            self.venue.text(),
        )

    @classmethod
    def ask(cls, parent, next_number, save, initial=None):
        dialog = cls(next_number, save, initial, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
