"""The agenda (items that can be reordered, with lettered sub-items) and the programme of work (plenary meetings
by day, and the side events held alongside)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingRow
from ui.dialogs.agenda_item_dialog import AgendaItemDialog
from ui.dialogs.plenary_dialog import PlenaryDialog
from ui.dialogs.side_event_dialog import SideEventDialog
from ui.models.table import Column, RowTableModel
from ui.pages.common import button_row, make_table, selected_row
from ui.undo import UndoRecorder

ITEM_COLUMNS = [
    Column("No.", lambda i: i.number, align_right=True),
    Column("Title", lambda i: i.title),
    Column("Sub-items", lambda i: "; ".join(f"{letter} {t}" for letter, t in i.lettered)),
    Column("Status", lambda i: i.status.value.capitalize()),
]


def _held(p) -> str:
    marks = (["closed"] if p.closed else []) + ([p.format.value.replace("_", " ")] if p.format else [])
    return ", ".join(marks)


PLENARY_COLUMNS = [
    Column("No.", lambda p: p.number, align_right=True),
    Column("Day", lambda p: f"{p.date:%A} {p.date.day} {p.date:%B %Y}"),
    Column("Time", lambda p: f"{p.start_time:%H:%M}–{p.end_time:%H:%M}"),
    Column("Part", lambda p: p.part_number or "", align_right=True),
    Column("Agenda items", lambda p: ", ".join(map(str, p.agenda_item_numbers))),
    Column("Held", _held),
]
EVENT_COLUMNS = [
    Column("Day", lambda e: f"{e.date:%a} {e.date.day} {e.date:%b}"),
    Column("Time", lambda e: f"{e.start_time:%H:%M}–{e.end_time:%H:%M}"),
    Column("Side event", lambda e: e.title),
    Column("Organised by", lambda e: e.organiser or ""),
    Column("Room", lambda e: e.room or ""),
]


class AgendaPage(QWidget):
    status = Signal(str)

    def __init__(self, services: Services, editor: UndoRecorder, parent: QWidget | None = None):
        super().__init__(parent)
        self.letters: set[str] = set()  # Alt mnemonics taken on this page
        self.services, self.editor = services, editor
        self.meeting: MeetingRow | None = None
        self.items = RowTableModel(ITEM_COLUMNS, self)
        self.item_table = make_table(self.items, stretch_column=1, name="Agenda items")
        self.item_table.setProperty("stretchShare", 0.4)  # the title keeps room beside long sub-items (ui/tables.py)
        self.item_table.doubleClicked.connect(lambda _i: self.edit_item())
        self.plenaries = RowTableModel(PLENARY_COLUMNS, self)
        self.plenary_table = make_table(self.plenaries, stretch_column=4, name="Plenary meetings")
        self.plenary_table.setProperty("wholeColumns", [0, 1, 2])  # the number, the day and the time read whole
        self.plenary_table.doubleClicked.connect(lambda _i: self.edit_plenary())
        self.events = RowTableModel(EVENT_COLUMNS, self)
        self.event_table = make_table(self.events, stretch_column=2, name="Side events")
        self.event_table.doubleClicked.connect(lambda _i: self.edit_event())
        item_buttons, self.item_buttons = button_row(
            ("Add item…", self.add_item),
            ("Edit…", self.edit_item),
            ("Move up", lambda: self.move(-1)),
            ("Move down", lambda: self.move(1)),
            ("Remove", self.remove_item),
            used=self.letters,
        )
        plenary_buttons, self.plenary_buttons = button_row(
            ("Add plenary meeting…", self.add_plenary),
            ("Edit…", self.edit_plenary),
            ("Remove", self.remove_plenary),
            used=self.letters,
        )
        event_buttons, self.event_buttons = button_row(
            ("Add side event…", self.add_event),
            ("Edit…", self.edit_event),
            ("Remove", self.remove_event),
            used=self.letters,
        )
        agenda_box = QGroupBox("Agenda")
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addLayout(item_buttons)
        agenda_layout.addWidget(self.item_table)
        programme_box = QGroupBox("Programme of work")
        programme_layout = QVBoxLayout(programme_box)
        programme_layout.addLayout(plenary_buttons)
        programme_layout.addWidget(self.plenary_table, 2)
        events_box = QGroupBox("Side events")
        events_layout = QVBoxLayout(events_box)
        events_layout.addLayout(event_buttons)
        events_layout.addWidget(self.event_table)
        programme_layout.addWidget(events_box, 1)
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
        self.events.set_rows(self.services.agenda.side_events(self.meeting.id) if self.meeting else [])
        if selected is not None:
            for i, row in enumerate(self.items.rows):
                if row.id == selected.id:
                    self.item_table.selectRow(i)

    def add_item(self) -> None:
        if self.meeting is None:
            return
        agenda, meeting_id = self.services.agenda, self.meeting.id

        def save(number, title, status, sub_items):
            # Undo removes the item; redo puts it back under the same id, so later edits still find it.
            return self.editor.perform_addition(
                f"Add agenda item {number}",
                lambda: agenda.add_item(meeting_id, title, number, status, sub_items),
                agenda.remove_item,
                agenda.restore_item,
            )

        AgendaItemDialog.ask(self, {i.number for i in self.items.rows}, save)

    def edit_item(self) -> None:
        current = selected_row(self.item_table)
        if current is None:
            return
        agenda = self.services.agenda

        def update(values, version):
            number, title, status, sub_items = values
            return agenda.update_item(
                current.id, title=title, number=number, status=status, sub_items=sub_items, expected_version=version
            )

        seen = self.editor.seen(("agenda_item", current.id), current.version)

        def save(number, title, status, sub_items):
            return self.editor.perform_versioned(
                f"Edit agenda item {current.number}",
                update,
                (number, title, status, sub_items),
                (current.number, current.title, current.status, current.sub_items),
                seen,
            )

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
        self.editor.perform(
            f"Move agenda item “{current.title}”",
            lambda: agenda.move_item(current.id, target, renumber=True),
            lambda _r: agenda.move_item(current.id, index, renumber=True),
        )
        self.item_table.selectRow(target)

    def remove_item(self) -> None:
        current = selected_row(self.item_table)
        if current is None:
            return
        if (
            QMessageBox.question(self, "Remove agenda item", f"Remove item {current.number}, “{current.title}”?")
            != QMessageBox.StandardButton.Yes
        ):
            return
        agenda = self.services.agenda
        # Undo puts back the item under its own id, with its sub-items, plenary meetings and decisions.
        self.editor.perform(
            f"Remove agenda item {current.number}", lambda: agenda.remove_item(current.id), agenda.restore_item
        )

    def add_plenary(self) -> None:
        if self.meeting is None:
            return
        agenda = self.services.agenda
        next_number = max((p.number for p in self.plenaries.rows), default=0) + 1

        def save(number, date, start, end, items, closed, fmt):
            return self.editor.perform(
                f"Add plenary meeting {number}",
                lambda: agenda.set_plenary(self.meeting.id, number, date, start, end, items, closed, fmt),
                lambda row: agenda.remove_plenary(row.id),
            )

        PlenaryDialog.ask(self, next_number, self.meeting.first_day, save)

    def edit_plenary(self) -> None:
        current = selected_row(self.plenary_table)
        if current is None:
            return
        agenda, meeting_id = self.services.agenda, self.meeting.id

        def update(values, version):  # on the version this screen read: another desk's change is never overwritten
            return agenda.set_plenary(meeting_id, *values, plenary_id=current.id, expected_version=version)

        seen = self.editor.seen(("plenary_meeting", current.id), current.version)

        def save(number, date, start, end, items, closed, fmt):
            return self.editor.perform_versioned(
                f"Edit plenary meeting {current.number}",
                update,
                (number, date, start, end, items, closed, fmt),
                (
                    current.number,
                    current.date,
                    current.start_time,
                    current.end_time,
                    current.agenda_item_numbers,
                    current.closed,
                    current.format,
                ),
                seen,
            )

        PlenaryDialog.ask(self, current.number, current.date, save, current)

    def remove_plenary(self) -> None:
        current = selected_row(self.plenary_table)
        if current is None:
            return
        if (
            QMessageBox.question(self, "Remove plenary meeting", f"Remove plenary meeting {current.number}?")
            != QMessageBox.StandardButton.Yes
        ):
            return
        agenda, meeting_id = self.services.agenda, self.meeting.id
        # The removal returns the meeting; undo puts it back under the same id and version.
        self.editor.perform_removal(
            f"Remove plenary meeting {current.number}",
            ("plenary", current.id),
            current.version,
            lambda version: agenda.remove_plenary(current.id, version),
            lambda removed: agenda.restore_plenary(meeting_id, removed),
        )

    # Side events ---------------------------------------------------------------------------------------------
    def add_event(self) -> None:
        if self.meeting is None:
            return
        agenda, meeting_id = self.services.agenda, self.meeting.id

        def save(date, start, end, title, organiser, room):
            return self.editor.perform_addition(
                f"Add side event “{title.strip()}”",
                lambda: agenda.set_side_event(meeting_id, date, start, end, title, organiser, room),
                agenda.remove_side_event,
                lambda row: _put_back(agenda, meeting_id, row),
            )

        SideEventDialog.ask(self, self.meeting.first_day, save)

    def edit_event(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        current = selected_row(self.event_table)
        if current is None:
            return
        agenda, meeting_id = self.services.agenda, meeting.id

        def update(values, version):
            date, start, end, title, organiser, room = values
            return agenda.set_side_event(
                meeting_id, date, start, end, title, organiser, room, event_id=current.id, expected_version=version
            )

        seen = self.editor.seen(("side_event", current.id), current.version)

        def save(date, start, end, title, organiser, room):
            return self.editor.perform_versioned(
                f"Edit side event “{current.title}”",
                update,
                (date, start, end, title, organiser, room),
                (current.date, current.start_time, current.end_time, current.title, current.organiser, current.room),
                seen,
            )

        SideEventDialog.ask(self, current.date, save, current)

    def remove_event(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        current = selected_row(self.event_table)
        if current is None:
            return
        if (
            QMessageBox.question(self, "Remove side event", f"Remove the side event “{current.title}”?")
            != QMessageBox.StandardButton.Yes
        ):
            return
        agenda, meeting_id = self.services.agenda, meeting.id
        # The removal returns the side event; undo puts it back under its own id.
        self.editor.perform_removal(
            f"Remove side event “{current.title}”",
            ("side event", current.id),
            current.version,
            lambda version: agenda.remove_side_event(current.id, version),
            lambda removed: _put_back(agenda, meeting_id, removed),
        )


def _put_back(agenda, meeting_id: int, row):
    """A side event as it was, under its own id."""
    return agenda.set_side_event(
        meeting_id, row.date, row.start_time, row.end_time, row.title, row.organiser, row.room, row.id
    )
