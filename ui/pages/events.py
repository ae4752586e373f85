"""The meeting's history: the records the report's introduction and the work of the meeting are written from
(the convention's provisions, the decision that convened the meeting, the preparatory meetings, the silence
procedures, the messages delivered ...), in the order the report tells them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from ccm_secretariat.domain.events import MeetingEvent
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingRow
from ui.dialogs.event_dialog import KIND_LABELS, EventDialog
from ui.models.table import Column, RowTableModel
from ui.pages.common import button_row, make_table, select_row, selected_row
from ui.undo import UndoRecorder


def _id(e: MeetingEvent) -> int:
    assert e.id is not None  # a record read from the database
    return e.id


def _when(e: MeetingEvent) -> str:
    if e.on:
        return un_date(e.on)
    if e.start and e.end and e.start != e.end:
        return f"{un_date(e.start)} – {un_date(e.end)}"
    return un_date(e.start) if e.start else ""


def _what(e: MeetingEvent) -> str:
    parts = [e.name, f"No. {e.number}" if e.number else "", e.reference, e.venue, e.circumstances, e.outcome]
    return " · ".join(p for p in parts if p)


COLUMNS = [
    Column("No.", lambda e: e.position, align_right=True),
    Column("Kind", lambda e: KIND_LABELS[e.kind]),
    Column("When", _when),
    Column("What", _what),
]


class EventsPage(QWidget):
    status = Signal(str)

    def __init__(self, services: Services, editor: UndoRecorder, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.editor = services, editor
        self.meeting: MeetingRow | None = None
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, stretch_column=3, name="The meeting's history")
        # The columns fit their content (a range of dates reads whole); the rest is the record's (ui/tables.py).
        self.table.setProperty("stretchShare", 0.35)
        self.table.setProperty("wholeColumns", [0, 2])
        self.table.doubleClicked.connect(lambda _i: self.edit())
        for key, slot in (
            (Qt.Key.Key_Return, self.edit),
            (Qt.Key.Key_Enter, self.edit),
            (Qt.Key.Key_F2, self.edit),
            (Qt.Key.Key_Delete, self.remove),
            (Qt.Key.Key_Insert, self.add),
        ):  # as on the registration page: the keys act on the selected record
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        buttons, self.buttons = button_row(
            ("Add record…", self.add),
            ("Edit…", self.edit),
            ("Move up", lambda: self.move_record(-1)),
            ("Move down", lambda: self.move_record(1)),
            ("Remove", self.remove),
        )
        hint = QLabel(
            "The report's introduction and the work of the meeting are written from these records, in this order."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

    def set_meeting(self, meeting) -> None:
        self.meeting = meeting
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.services.events.list(self.meeting.id) if self.meeting else [])

    def add(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        events = self.services.events

        def save(event: MeetingEvent) -> MeetingEvent:
            # Undo takes it out; redo puts back the same record (same id and place), so later steps find it.
            return self.editor.perform_addition(
                f"Add a record ({KIND_LABELS[event.kind].lower()})",
                lambda: events.add(meeting.id, event),
                events.remove,
                lambda removed: events.restore(meeting.id, removed),
            )

        row, accepted = EventDialog.ask(self, save)
        if accepted:
            select_row(self.table, row.position - 1)
            self.status.emit(f"Added the record {row.position}.")

    def edit(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        events = self.services.events
        seen = self.editor.seen(("event", row.id), row.version)

        def save(event: MeetingEvent) -> MeetingEvent:
            return self.editor.perform_versioned(
                f"Change the record {row.position}",
                lambda value, version: events.update(row.id, value, version),
                event,
                row,
                seen,
            )

        EventDialog.ask(self, save, row)
        select_row(self.table, next((i for i, e in enumerate(self.model.rows) if e.id == row.id), 0))

    def move_record(self, step: int) -> None:
        """The record one place up or down (the report tells the records in this order)."""
        row = selected_row(self.table)
        if row is None:
            return
        events = self.services.events
        moved = self.editor.perform(
            f"Move the record {row.position} {'up' if step < 0 else 'down'}",
            lambda: events.move(_id(row), step),
            lambda _r: events.move(_id(row), -step),
        )
        select_row(self.table, moved.position - 1)

    def remove(self) -> None:
        meeting = self.meeting
        row = selected_row(self.table)
        if meeting is None or row is None:
            return
        what = f" ({_what(row)[:80]})" if _what(row) else ""
        asked = QMessageBox.question(self, "Remove record", f"Remove the record {row.position}{what}?")
        if asked != QMessageBox.StandardButton.Yes:
            return
        events = self.services.events
        # The removal returns the record; undo puts it back under the same id, version and place.
        self.editor.perform_removal(
            f"Remove the record {row.position}",
            ("event", _id(row)),
            row.version,
            lambda version: events.remove(_id(row), version),
            lambda removed: events.restore(meeting.id, removed),
        )
