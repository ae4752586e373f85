"""The meeting's details: titles, symbol prefix, venue, parts, officers and the wording of the report."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.prose import un_date_range
from ccm_secretariat.errors import DomainError
from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingRow
from ui import colours
from ui.dialogs.officer_dialog import OfficerDialog
from ui.dialogs.part_dialog import PartDialog
from ui.errors import describe
from ui.language_box import DOCUMENT_LANGUAGES
from ui.models.table import Column, RowTableModel
from ui.pages.common import button_row, make_table, selected_row
from ui.undo import UndoRecorder

FIELDS = (
    ("title", "Title"),
    ("short_title", "Short title"),
    ("symbol_prefix", "Symbol prefix"),
    ("venue", "Venue"),
    ("city", "City"),
    ("body_name", "Referred to as"),
)
SETTINGS = (
    ("serial_comma_states", "Serial comma in lists of States (“Angola, Cyprus, and Indonesia”)"),
    ("serial_comma_organisations", "Serial comma in lists of organisations"),
    ("capitalise_family_names", "Family names in capitals in the list of participants"),
)


class MeetingPage(QWidget):
    status = Signal(str)
    renamed = Signal()

    def __init__(self, services: Services, editor: UndoRecorder, parent: QWidget | None = None):
        super().__init__(parent)
        self.letters: set[str] = set()  # Alt mnemonics taken on this page
        self.services, self.editor = services, editor
        self.meeting: MeetingRow | None = None
        details = QGroupBox("Meeting")
        form = QFormLayout(details)
        self.edits: dict[str, QLineEdit] = {}
        for name, label in FIELDS:
            edit = QLineEdit()
            edit.editingFinished.connect(lambda name=name: self.save_field(name))
            self.edits[name] = edit
            form.addRow(label, edit)
        self.treaty = QLabel()
        form.addRow("Treaty", self.treaty)
        self.problem = QLabel()
        self.problem.setStyleSheet(colours.style("error"))
        form.addRow("", self.problem)
        wording = QGroupBox("Wording of the report and the list")
        wording_layout = QVBoxLayout(wording)
        self.checks: dict[str, QCheckBox] = {}
        for name, label in SETTINGS:
            box = QCheckBox(label)
            box.toggled.connect(lambda on, name=name: self.save_setting(name, on))
            self.checks[name] = box
            wording_layout.addWidget(box)
        # The documents' language unless an export says otherwise (the list, agenda, programme, documents).
        self.language = QComboBox()
        for code, label in DOCUMENT_LANGUAGES:
            self.language.addItem(label, code)
        self.language.setAccessibleName("Language of the documents")
        self.language.currentIndexChanged.connect(lambda i: self.save_setting("language", self.language.itemData(i)))
        language_row = QHBoxLayout()
        language_label = QLabel("Language of the documents")
        language_label.setBuddy(self.language)
        language_row.addWidget(language_label)
        language_row.addWidget(self.language, 1)
        wording_layout.addLayout(language_row)
        # The meeting's title as documents in that language print it (else the title as recorded).
        self.local_title = QLineEdit()
        self.local_title.setPlaceholderText("the title as documents in this language print it (empty: as recorded)")
        self.local_title.setAccessibleName("Title in the language of the documents")
        self.local_title.editingFinished.connect(self.save_local_title)
        title_label = QLabel("Title in that language")
        title_label.setBuddy(self.local_title)
        title_row = QHBoxLayout()
        title_row.addWidget(title_label)
        title_row.addWidget(self.local_title, 1)
        wording_layout.addLayout(title_row)
        self.parts = RowTableModel(
            [
                Column("Part", lambda p: p.number, align_right=True),
                Column("Dates", lambda p: un_date_range(p.start_date, p.end_date)),
                Column("Format", lambda p: p.format.value.replace("_", " ")),
                Column("Venue", lambda p: p.venue),
            ],
            self,
        )
        self.part_table = make_table(self.parts, stretch_column=1, name="Parts of the meeting")
        part_buttons, _ = button_row(("Add part…", self.add_part), ("Edit…", self.edit_part), used=self.letters)
        parts_box = QGroupBox("Parts")
        parts_layout = QVBoxLayout(parts_box)
        parts_layout.addLayout(part_buttons)
        parts_layout.addWidget(self.part_table)
        self.officers = RowTableModel(
            [
                Column("Role", lambda o: o.role),
                Column("Officer", lambda o: o.person or o.state_name),
                Column("Description", lambda o: o.description),
            ],
            self,
        )
        self.officer_table = make_table(self.officers, stretch_column=2, name="Officers")
        self.officer_table.setProperty("stretchShare", 0.3)  # the columns fit their content; names read whole
        self.officer_table.setProperty("wholeColumns", [1])
        officer_buttons, _ = button_row(
            ("Add officer…", self.add_officer), ("Remove", self.remove_officer), used=self.letters
        )
        officers_box = QGroupBox("Officers")
        officers_layout = QVBoxLayout(officers_box)
        officers_layout.addLayout(officer_buttons)
        officers_layout.addWidget(self.officer_table)
        left = QVBoxLayout()
        left.addWidget(details)
        left.addWidget(wording)
        left.addWidget(parts_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(officers_box, 1)

    def set_meeting(self, meeting) -> None:
        self.meeting = meeting
        self.reload()

    def reload(self) -> None:
        if self.meeting is None:
            return
        self.meeting = self.services.meetings.get(self.meeting.id)
        m = self.meeting
        for name, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setText(getattr(m, name))
            edit.setCursorPosition(0)
            edit.setStyleSheet("")
            edit.blockSignals(False)
        self.treaty.setText(m.treaty_title)
        for name, box in self.checks.items():
            box.blockSignals(True)
            box.setChecked(getattr(m.settings, name))
            box.blockSignals(False)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(m.settings.language)))
        self.language.blockSignals(False)
        english = m.settings.language == "en"
        self.local_title.setEnabled(not english and self.language.isEnabled())
        self.local_title.setText("" if english else m.settings.titles.get(m.settings.language, ""))
        self.parts.set_rows(list(m.parts))
        self.officers.set_rows(list(m.officers))

    def save_field(self, name: str) -> None:
        if self.meeting is None:
            return
        value = self.edits[name].text()
        old = getattr(self.meeting, name)
        if value == old:
            return
        meetings, meeting_id = self.services.meetings, self.meeting.id
        seen = self.editor.seen(("meeting", meeting_id), self.meeting.version)
        try:
            self.editor.perform_versioned(
                f"Change the {name.replace('_', ' ')}",
                lambda v, version: meetings.update(meeting_id, version, **{name: v}),
                value,
                old,
                seen,
            )
        except DomainError as exc:
            self.problem.setText(describe(exc))
            self.edits[name].setStyleSheet("border: 1px solid #c00000;")
            return
        self.problem.setText("")
        self.renamed.emit()

    def save_setting(self, name: str, on: bool | str | dict[str, str]) -> None:
        meetings, meeting_id = self.services.meetings, self.meeting.id
        old = self.meeting.settings.to_dict()
        new = {**old, name: on}
        seen = self.editor.seen(("meeting", meeting_id), self.meeting.version)
        try:
            self.editor.perform_versioned(
                "Change the wording settings",
                lambda v, version: meetings.update(meeting_id, version, settings=v),
                new,
                old,
                seen,
            )
        except DomainError as exc:
            self.problem.setText(describe(exc))

    def save_local_title(self) -> None:
        """The title in the documents' language (settings.titles), one undoable step."""
        m = self.meeting
        if m is None or m.settings.language == "en":
            return
        titles = dict(m.settings.titles)
        text = " ".join(self.local_title.text().split())
        if text == titles.get(m.settings.language, ""):
            return
        if text:
            titles[m.settings.language] = text
        else:
            titles.pop(m.settings.language, None)
        self.save_setting("titles", titles)

    def add_part(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        meetings, meeting_id = self.services.meetings, meeting.id

        def save(number, first, last, fmt, venue):
            return self.editor.perform(
                f"Add part {number}",
                lambda: meetings.set_part(meeting_id, number, first, last, fmt, venue),
                lambda _r: meetings.remove_part(meeting_id, number),
            )

        PartDialog.ask(self, max((p.number for p in self.parts.rows), default=0) + 1, save)

    def edit_part(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        current = selected_row(self.part_table)
        if current is None:
            return
        meetings, meeting_id = self.services.meetings, meeting.id

        def save(number, first, last, fmt, venue):
            return self.editor.perform(
                f"Change part {number}",
                lambda: meetings.set_part(meeting_id, number, first, last, fmt, venue),
                lambda _r: meetings.set_part(
                    meeting_id, number, current.start_date, current.end_date, current.format, current.venue
                ),
            )

        PartDialog.ask(self, current.number, save, current)

    def add_officer(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        meetings, meeting_id = self.services.meetings, meeting.id
        names = [s.name for s in self.services.reference.states()]

        def save(role, salutation, name, description, state, kind):
            return self.editor.perform(
                f"Add {role}",
                lambda: meetings.add_officer(
                    meeting_id, role, salutation=salutation, name=name, description=description, state=state, kind=kind
                ),
                lambda row: meetings.remove_officer(row.id),
            )

        OfficerDialog.ask(self, names, save)

    def remove_officer(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        current = selected_row(self.officer_table)
        if current is None:
            return
        if (
            QMessageBox.question(
                self, "Remove officer", f"Remove {current.person or current.state_name} ({current.role})?"
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        meetings, meeting_id = self.services.meetings, meeting.id
        # The removal returns the officer; undo puts them back under the same id and in the same place.
        self.editor.perform(
            f"Remove {current.role}",
            lambda: meetings.remove_officer(current.id),
            lambda removed: meetings.restore_officer(meeting_id, removed),
        )
