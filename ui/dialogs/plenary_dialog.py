"""Add or edit a plenary meeting of the programme of work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.services.agenda import PlenaryRow
from ui.dialogs.form import FormDialog, date_edit, time_edit


class PlenaryDialog(FormDialog):
    def __init__(
        self,
        next_number: int,
        first_day,
        save: Callable,
        initial: PlenaryRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__("Edit plenary meeting" if initial else "Add plenary meeting", parent)
        self._save = save
        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.number.setValue(initial.number if initial else next_number)
        self.date = date_edit(initial.date if initial else first_day)
        self.start = time_edit(initial.start_time if initial else QTime(10, 0))
        self.end = time_edit(initial.end_time if initial else QTime(13, 0))
        for edit in (self.start, self.end):
            edit.timeChanged.connect(self.revalidate)
        self.items = QLineEdit(", ".join(map(str, initial.agenda_item_numbers)) if initial else "")
        self.items.setPlaceholderText("agenda item numbers, e.g. 1, 2, 3")
        self.add_field("number", "Number", self.number)
        self.add_field("date", "Date", self.date)
        self.add_field("start_time", "Starts", self.start)
        self.add_field("end_time", "Ends", self.end)
        self.closed = QCheckBox("A closed (private) meeting")
        self.closed.setChecked(bool(initial and initial.closed))
        self.format = QComboBox()
        self.format.addItem("As its part of the meeting", None)
        for fmt in MeetingFormat:
            self.format.addItem(fmt.value.replace("_", " ").capitalize(), fmt)
        self.format.setCurrentIndex(self.format.findData(initial.format) if initial and initial.format else 0)
        self.add_field("agenda_items", "Agenda items", self.items)
        self.add_field("closed", "", self.closed)
        self.add_field("format", "Held", self.format)
        self.items.textChanged.connect(self.revalidate)
        self.revalidate()

    def _numbers(self) -> tuple[int, ...] | None:
        pieces = [p for p in self.items.text().replace(";", ",").replace(" ", ",").split(",") if p]
        if not all(p.isdigit() for p in pieces):
            return None
        return tuple(sorted({int(p) for p in pieces}))

    def problems(self):
        if self.end.time() <= self.start.time():
            return "end_time", "The meeting must end after it starts."
        if self._numbers() is None:
            return "agenda_items", "List agenda item numbers separated by commas."
        return None

    def submit(self):
        return self._save(
            self.number.value(),
            self.date.date().toPython(),
            self.start.time().toPython(),
            self.end.time().toPython(),
            self._numbers(),
            self.closed.isChecked(),
            self.format.currentData(),
        )

    @classmethod
    def ask(cls, parent, next_number, first_day, save, initial=None):
        dialog = cls(next_number, first_day, save, initial, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
