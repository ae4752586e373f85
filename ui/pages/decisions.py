"""Decisions and recommendations: numbered paragraphs per agenda item, edited in place."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from ccm_secretariat.errors import ConflictError
from ccm_secretariat.report.model import plain, spans
from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingRow
from ui.dialogs.place_request_dialog import PlaceRequestDialog, describe_request
from ui.models.table import Column, RowTableModel
from ui.pages.common import button_row, make_table, select_row, selected_row
from ui.undo import UndoRecorder

GENERATED = "[The request of {request}: its paragraphs written from its record (Obligations page)]"


def columns(requests: dict[int, str]) -> list[Column]:
    """The table's columns; a request's place reads which request it is (`requests`: their descriptions)."""

    def paragraph(d) -> str:
        if d.request_id is None:
            return plain(d.text.split("\n")[0])
        return GENERATED.format(request=requests.get(d.request_id, "a request no longer recorded"))

    return [
        Column("No.", lambda d: d.position, align_right=True),
        Column("Item", lambda d: d.agenda_item_number or "", align_right=True),
        Column("Paragraph", paragraph),
    ]


def as_printed(text: str) -> str:
    """The paragraph as the report prints it: words between asterisks in italics."""
    return "<br>".join(
        "".join(f"<i>{escape(piece)}</i>" if emphasised else escape(piece) for piece, emphasised in spans(line))
        for line in text.split("\n")
    )


class DecisionsPage(QWidget):
    status = Signal(str)

    def __init__(self, services: Services, editor: UndoRecorder, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.editor = services, editor
        self.meeting: MeetingRow | None = None
        self.requests: dict[int, str] = {}  # the meeting's extension requests, described, by id
        self.model = RowTableModel(columns(self.requests), self)
        self.table = make_table(self.model, stretch_column=2, name="Decisions and recommendations")
        self.table.selectionModel().selectionChanged.connect(self.show_selected)
        self.item = QComboBox()
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("The text of the paragraph. Subparagraphs on lines of their own: (a) …, (b) …")
        self._saving = QTimer(self, singleShot=True, interval=900)
        self._saving.timeout.connect(self.save_text)
        self.text.textChanged.connect(self._saving.start)
        self.printed = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)  # the markup, shown as printed
        self.printed.setAccessibleName("As printed")
        self.text.textChanged.connect(self._show_printed)
        self._shown = None
        buttons, self.buttons = button_row(
            ("Add paragraph", self.add), ("Place a request…", self.place_request), ("Remove", self.remove)
        )
        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        item_label = QLabel("Agenda item for new paragraphs:")
        item_label.setBuddy(self.item)
        editor_layout.addWidget(item_label)
        editor_layout.addWidget(self.item)
        text_label = QLabel("Text (saved as you type):")
        text_label.setBuddy(self.text)
        editor_layout.addWidget(text_label)
        editor_layout.addWidget(self.text, 1)
        editor_layout.addWidget(QLabel("As printed (words between asterisks, *inter alia*, in italics):"))
        editor_layout.addWidget(self.printed)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(editor_box)
        splitter.setSizes([650, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    def set_meeting(self, meeting) -> None:
        self.meeting = meeting
        self.item.clear()
        self.item.addItem("—", None)
        if meeting:
            for i in self.services.agenda.items(meeting.id):
                self.item.addItem(f"{i.number}. {i.title}", i.id)
        self.reload()

    def reload(self) -> None:
        current = self._shown
        rows = self.services.agenda.decisions(self.meeting.id) if self.meeting else []
        self.requests.clear()
        if self.meeting is not None and self.meeting.first_day and any(r.request_id for r in rows):
            tracker = self.services.obligations.tracker(
                self.meeting.first_day, self.meeting.id, treaty=self.meeting.treaty
            )
            self.requests.update({r.id: describe_request(r) for r in tracker.requests})
        self.model.set_rows(rows)
        self.table.setColumnWidth(0, 44)
        self.table.setColumnWidth(1, 44)
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # the text box keeps what is being typed
        typing = self.text.hasFocus()
        for i, row in enumerate(self.model.rows):
            if current is not None and row.id == current.id:
                self.table.selectRow(i)
                if not typing:  # while typing, the text keeps the version it was read at: a change made
                    self._shown = row  # meanwhile at another desk is then refused, not overwritten
        selection.blockSignals(False)
        if self._shown is not None and self._shown.text != self.text.toPlainText() and not self.text.hasFocus():
            self.text.blockSignals(True)
            self.text.setPlainText(self._shown.text)
            self.text.blockSignals(False)
            self._show_printed()

    def show_selected(self, *_args) -> None:
        self.save_text()
        row = selected_row(self.table)
        self._shown = row
        self.text.blockSignals(True)
        self.text.setPlainText(row.text if row else "")
        self.text.blockSignals(False)
        self._show_printed()
        self.text.setEnabled(row is not None and row.request_id is None)  # a request's: from its record

    def _show_printed(self) -> None:
        self.printed.setText(as_printed(self.text.toPlainText()))

    def save_text(self) -> None:
        self._saving.stop()
        row = self._shown
        if row is None or not self.text.isEnabled():
            return
        new = self.text.toPlainText()
        if new.strip() == row.text.strip() or not new.strip():
            return
        agenda = self.services.agenda
        old = row.text
        self._shown = replace(row, text=new)
        seen = self.editor.seen(("decision", row.id), row.version)
        try:
            self.editor.perform_versioned(
                f"Edit paragraph {row.position}",
                lambda text, version: agenda.update_decision(row.id, text, version),
                new,
                old,
                seen,
            )
        except ConflictError as exc:  # another desk changed the paragraph: say so; the text typed stays
            self.status.emit(exc.message)
            self._shown = replace(
                row, version=seen["chain"]["version"]
            )  # a further edit applies over theirs, knowingly
            return
        self._shown = replace(self._shown, version=seen["chain"]["version"])

    def add(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        agenda = self.services.agenda
        index = self.model.rows.index(self._shown) + 1 if self._shown in self.model.rows else None
        # Undo takes it out; redo puts back the same paragraph (same id), so later steps still find it.
        row = self.editor.perform_addition(
            "Add a paragraph",
            lambda: agenda.add_decision(meeting.id, "New paragraph.", self.item.currentData(), index),
            agenda.remove_decision,
            lambda removed: agenda.restore_decision(meeting.id, removed),
        )
        for i, r in enumerate(self.model.rows):
            if r.id == row.id:
                select_row(self.table, i)
        self.text.setFocus()
        self.text.selectAll()

    def place_request(self) -> None:
        """An extension request submitted to this meeting, placed after the paragraph shown: the report writes its
        paragraphs there from its record."""
        meeting = self.meeting
        if meeting is None or meeting.first_day is None:
            return
        agenda = self.services.agenda
        tracker = self.services.obligations.tracker(meeting.first_day, meeting.id, treaty=meeting.treaty)
        placed = {d.request_id for d in self.model.rows}
        open_requests = [r for r in tracker.requests if r.meeting_id == meeting.id and r.id not in placed]
        index = self.model.rows.index(self._shown) + 1 if self._shown in self.model.rows else None

        def save(request_id: int):
            return self.editor.perform_addition(
                "Place a request's paragraphs",
                lambda: agenda.add_decision(meeting.id, "", self.item.currentData(), index, request_id=request_id),
                agenda.remove_decision,
                lambda removed: agenda.restore_decision(meeting.id, removed),
            )

        row, accepted = PlaceRequestDialog.ask(self, open_requests, save)
        if accepted:
            select_row(self.table, row.position - 1)

    def remove(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        row = selected_row(self.table)
        if row is None:
            return
        if (
            QMessageBox.question(self, "Remove paragraph", _removal_question(row, self.requests))
            != QMessageBox.StandardButton.Yes
        ):
            return
        agenda = self.services.agenda
        self._shown = None
        # The removal returns the paragraph; undo puts it back under the same id, version and number.
        self.editor.perform_removal(
            f"Remove paragraph {row.position}",
            ("decision", row.id),
            row.version,
            lambda version: agenda.remove_decision(row.id, version),
            lambda removed: agenda.restore_decision(meeting.id, removed),
        )


def _removal_question(row, requests: dict[int, str]) -> str:
    if row.request_id is None:
        return f"Remove paragraph {row.position}?"
    what = requests.get(row.request_id, "this request")
    return f"Take the paragraphs of {what} out of the report (the request stays on record)?"
