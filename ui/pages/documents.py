"""The register of conference documents, in the natural order of their symbols."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from ccm_secretariat.domain.enums import DocumentType
from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingRow
from ui.dialogs.document_dialog import DocumentDialog
from ui.models.table import Column, RowTableModel
from ui.pages.common import button_row, make_table, selected_row
from ui.undo import UndoRecorder

COLUMNS = [
    Column("Symbol", lambda d: d.symbol),
    Column("Title", lambda d: d.title),
    Column("Series", lambda d: d.kind),
    Column("Date", lambda d: f"{d.issue_date.day} {d.issue_date:%B %Y}" if d.issue_date else ""),
    Column("Languages", lambda d: d.languages),
    Column("Item", lambda d: d.agenda_item_number or "", align_right=True),
    Column("Type", lambda d: "" if d.doc_type is DocumentType.OTHER else d.doc_type.label),
]


class DocumentsPage(QWidget):
    status = Signal(str)

    def __init__(self, services: Services, editor: UndoRecorder, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.editor = services, editor
        self.meeting: MeetingRow | None = None
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, stretch_column=1, name="Conference documents")
        # On a small screen the title keeps room, and the symbol, date, languages and item read whole: the series
        # and the type elide first (whole in their tooltips); the other columns fit their content (ui/tables.py).
        self.table.setProperty("stretchShare", 0.28)
        self.table.setProperty("wholeColumns", [0, 3, 4, 5])
        self.table.doubleClicked.connect(lambda _i: self.edit())
        buttons, self.buttons = button_row(("Add document…", self.add), ("Edit…", self.edit), ("Remove", self.remove))
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def set_meeting(self, meeting) -> None:
        self.meeting = meeting
        self.reload()

    def reload(self) -> None:
        rows = self.services.documents.list(self.meeting.id) if self.meeting else []
        self.model.set_rows(rows)  # the columns then fit their content and the title takes the rest (ui/tables.py)
        self.summary.setText(f"{len(rows)} documents")

    def _ask(self, save, initial=None):
        meeting = self.meeting
        if meeting is None:
            return
        numbers = [i.number for i in self.services.agenda.items(meeting.id)]
        existing = {d.symbol for d in self.model.rows}
        return DocumentDialog.ask(self, meeting.symbol_prefix, numbers, existing, save, initial)

    def add(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        docs = self.services.documents

        def save(data):
            # Undo takes it off the register; redo puts back the same entry (same id), so later steps find it.
            return self.editor.perform_addition(
                f"Add {data.symbol}",
                lambda: docs.add(meeting.id, data),
                docs.remove,
                lambda row: docs.restore(meeting.id, row),
            )

        row, accepted = self._ask(save)
        if accepted:
            self.status.emit(f"Added {row.symbol} to the register.")

    def edit(self) -> None:
        current = selected_row(self.table)
        if current is None:
            return
        docs = self.services.documents
        before = current.as_input()

        seen = self.editor.seen(("document", current.id), current.version)

        def save(data):
            return self.editor.perform_versioned(
                f"Edit {current.symbol}",
                lambda values, version: docs.update(current.id, values, version),
                data,
                before,
                seen,
            )

        self._ask(save, current)

    def remove(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        current = selected_row(self.table)
        if current is None:
            return
        if (
            QMessageBox.question(self, "Remove document", f"Remove {current.symbol} from the register?")
            != QMessageBox.StandardButton.Yes
        ):
            return
        docs = self.services.documents
        # The removal returns the entry; undo puts it back under the same id and version.
        self.editor.perform_removal(
            f"Remove {current.symbol}",
            ("document", current.id),
            current.version,
            lambda version: docs.remove(current.id, version),
            lambda row: docs.restore(meeting.id, row),
        )
