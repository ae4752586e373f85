"""The agenda (items that can be reordered) and the programme of work (plenary meetings by day)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from ccm_secretariat.services import Services
from ui.dialogs.agenda_item_dialog import AgendaItemDialog
from ui.dialogs.plenary_dialog import PlenaryDialog
from ui.models.table import Column, RowTableModel
from ui.pages.common import button_row, make_table, selected_row
from ui.undo import Editor

ITEM_COLUMNS = [Column("No.", lambda i: i.number, align_right=True), Column("Title", lambda i: i.title),
                Column("Status", lambda i: i.status.value.capitalize())]
PLENARY_COLUMNS = [
    Column("No.", lambda p: p.number, align_right=True),
    Column("Day", lambda p: f"{p.date:%A} {p.date.day} {p.date:%B %Y}"),
    Column("Time", lambda p: f"{p.start_time:%H:%M}–{p.end_time:%H:%M}"),
    Column("Part", lambda p: p.part_number or "", align_right=True),
    Column("Agenda items", lambda p: ", ".join(map(str, p.agenda_item_numbers))),
]


class AgendaPage(QWidget):
    status = Signal(str)

    def __init__(self, services: Services, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.letters: set[str] = set()  # Alt mnemonics taken on this page
        self.services, self.editor, self.meeting = services, editor, None
        self.items = RowTableModel(ITEM_COLUMNS, self)
        self.item_table = make_table(self.items, stretch_column=1)
        self.item_table.doubleClicked.connect(lambda _i: self.edit_item())
        self.plenaries = RowTableModel(PLENARY_COLUMNS, self)
        self.plenary_table = make_table(self.plenaries, stretch_column=4)
        self.plenary_table.doubleClicked.connect(lambda _i: self.edit_plenary())
        item_buttons, self.item_buttons = button_row(("Add item…", self.add_item), ("Edit…", self.edit_item),
                                                     ("Move up", lambda: self.move(-1)),
                                                     ("Move down", lambda: self.move(1)),
                                                     ("Remove", self.remove_item), used=self.letters)
        plenary_buttons, self.plenary_buttons = button_row(("Add plenary meeting…", self.add_plenary),
                                                           ("Edit…", self.edit_plenary),
                                                           ("Remove", self.remove_plenary), used=self.letters)
        agenda_box = QGroupBox("Agenda")
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addLayout(item_buttons)
        agenda_layout.addWidget(self.item_table)
        programme_box = QGroupBox("Programme of work")
        programme_layout = QVBoxLayout(programme_box)
        programme_layout.addLayout(plenary_buttons)
        programme_layout.addWidget(self.plenary_table)
        layout = QHBoxLayout(self)
        layout.addWidget(agenda_box, 1)
        layout.addWidget(programme_box, 1)

    def set_meeting(self, meeting) -> None:
        self.meeting = meeting
        self.reload()

    def reload(self) -> None:
        selected = selected_row(self.item_table)
        self.items.set_rows(self.services.agenda.items(self.meeting.id) if self.meeting else [])
        self.plenaries.set_rows(self.services.agenda.plenaries(self.meeting.id) if self.meeting else [])
        self.item_table.setColumnWidth(0, 48)
        self.plenary_table.setColumnWidth(0, 48)
        self.plenary_table.setColumnWidth(1, 200)
        if selected is not None:
            for i, row in enumerate(self.items.rows):
                if row.id == selected.id:
                    self.item_table.selectRow(i)

    def add_item(self) -> None:
        if self.meeting is None:
            return
        agenda = self.services.agenda
        holder = {}

        def save(number, title, status):
            def do():
                row = agenda.add_item(self.meeting.id, title, number, status)
                holder["id"] = row.id
                return row
            return self.editor.perform(f"Add agenda item {number}", do, lambda _r: agenda.remove_item(holder["id"]))

        AgendaItemDialog.ask(self, {i.number for i in self.items.rows}, save)

    def edit_item(self) -> None:
        current = selected_row(self.item_table)
        if current is None:
            return
        agenda = self.services.agenda

        def save(number, title, status):
            return self.editor.perform(
                f"Edit agenda item {current.number}",
                lambda: agenda.update_item(current.id, title=title, number=number, status=status),
                lambda _r: agenda.update_item(current.id, title=current.title, number=current.number,
                                              status=current.status))

        AgendaItemDialog.ask(self, {i.number for i in self.items.rows}, save, current)

    def move(self, step: int) -> None:
        current = selected_row(self.item_table)
        if current is None:
            return
        index = self.items.rows.index(current)
        target = index + step
        if not 0 <= target < len(self.items.rows):
            return
        agenda = self.services.agenda
        self.editor.perform(f"Move agenda item “{current.title}”",
                            lambda: agenda.move_item(current.id, target, renumber=True),
                            lambda _r: agenda.move_item(current.id, index, renumber=True))
        self.item_table.selectRow(target)

    def remove_item(self) -> None:
        current = selected_row(self.item_table)
        if current is None:
            return
        if QMessageBox.question(self, "Remove agenda item", f"Remove item {current.number}, “{current.title}”?") \
                != QMessageBox.Yes:
            return
        agenda = self.services.agenda
        holder = {"id": current.id}

        def undo(_):
            holder["id"] = agenda.add_item(self.meeting.id, current.title, current.number, current.status).id

        self.editor.perform(f"Remove agenda item {current.number}", lambda: agenda.remove_item(holder["id"]), undo)

    def add_plenary(self) -> None:
        if self.meeting is None:
            return
        agenda = self.services.agenda
        next_number = max((p.number for p in self.plenaries.rows), default=0) + 1

        def save(number, date, start, end, items):
            return self.editor.perform(
                f"Add plenary meeting {number}",
                lambda: agenda.set_plenary(self.meeting.id, number, date, start, end, items),
                lambda row: agenda.remove_plenary(row.id))

        PlenaryDialog.ask(self, next_number, self.meeting.first_day, save)

    def edit_plenary(self) -> None:
        current = selected_row(self.plenary_table)
        if current is None:
            return
        agenda = self.services.agenda

        def save(number, date, start, end, items):
            return self.editor.perform(
                f"Edit plenary meeting {current.number}",
                lambda: agenda.set_plenary(self.meeting.id, number, date, start, end, items),
                lambda _r: agenda.set_plenary(self.meeting.id, current.number, current.date, current.start_time,
                                              current.end_time, current.agenda_item_numbers))

        PlenaryDialog.ask(self, current.number, current.date, save, current)

    def remove_plenary(self) -> None:
        current = selected_row(self.plenary_table)
        if current is None:
            return
        if QMessageBox.question(self, "Remove plenary meeting", f"Remove plenary meeting {current.number}?") \
                != QMessageBox.Yes:
            return
        agenda = self.services.agenda
        holder = {"id": current.id}

        def undo(_):
            holder["id"] = agenda.set_plenary(self.meeting.id, current.number, current.date, current.start_time,
                                              current.end_time, current.agenda_item_numbers).id

        self.editor.perform(f"Remove plenary meeting {current.number}", lambda: agenda.remove_plenary(holder["id"]),
                            undo)
