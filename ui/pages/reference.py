"""Reference data: States with their treaty status and category on the meeting's first day; organisations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLineEdit, QSplitter, QVBoxLayout, QWidget

from ccm_secretariat.domain.names import fold
from ccm_secretariat.domain.status import status_on
from ccm_secretariat.progress import Progress, result_of
from ccm_secretariat.services import Services
from ui.dialogs.organisation_dialog import KIND_LABELS, OrganisationDialog
from ui.errors import show_error
from ui.models.table import Column, RowTableModel
from ui.pages.common import button_row, make_table
from ui.tasks import TaskRunner
from ui.undo import UndoRecorder

SIDE_BY_SIDE = 1600  # the width (logical pixels) from which States and organisations sit side by side


def _d(day) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


class ReferencePage(QWidget):
    status = Signal(str)

    def __init__(
        self, services: Services, editor: UndoRecorder, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.tasks = tasks or TaskRunner(self, synchronous=True)  # long work off the main thread
        self.letters: set[str] = set()  # Alt mnemonics taken on this page
        self.services, self.editor, self.meeting = services, editor, None
        self.all_states = []
        columns = [
            Column("State", lambda s: s.name),
            Column("Code", lambda s: s.iso3),
            Column("Signature", lambda s: _d(s.signature)),
            Column("Instrument", lambda s: s.instrument.value.capitalize() if s.instrument else ""),
            Column("Deposit", lambda s: _d(s.deposit)),
            Column("In force", lambda s: _d(s.entry_into_force)),
            Column("Withdrawal", lambda s: _d(s.withdrawal_effective)),
            Column(
                "This meeting's category",
                lambda s: (
                    self.meeting.profile.for_status(status_on(self.meeting.first_day, s.facts)).view
                    if self.meeting and self.meeting.first_day
                    else ""
                ),
            ),
        ]
        self.states = RowTableModel(columns, self)
        self.state_table = make_table(self.states, stretch_column=0, name="States and their treaty status")
        self.state_table.setProperty("stretchShare", 0.24)  # long names ("Bolivia (Plurinational State of)")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find a State")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        state_buttons, self.state_buttons = button_row(("Import a status list…", self.import_status), used=self.letters)
        self.organisations = RowTableModel(
            [
                Column("Organisation", lambda o: o.name),
                Column("Acronym", lambda o: o.acronym),
                Column("Kind", lambda o: KIND_LABELS[o.kind]),
                Column("Rule", lambda o: o.default_rule.value),
            ],
            self,
        )
        self.org_table = make_table(self.organisations, stretch_column=0, name="Organisations")
        org_buttons, self.org_buttons = button_row(("Add organisation…", self.add_organisation), used=self.letters)
        self.states_box = states_box = QGroupBox("States and the status of the Convention")
        states_layout = QVBoxLayout(states_box)
        states_layout.addLayout(state_buttons)
        states_layout.addWidget(self.filter)
        states_layout.addWidget(self.state_table)
        orgs_box = QGroupBox("Organisations")
        orgs_layout = QVBoxLayout(orgs_box)
        orgs_layout.addLayout(org_buttons)
        orgs_layout.addWidget(self.org_table)
        self.splitter = QSplitter()
        self.splitter.addWidget(states_box)
        self.splitter.addWidget(orgs_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side only where both tables have the room their dates and names need; else one above the other
        (at 125 % on a 1366-pixel screen, the dates lost their years)."""
        super().resizeEvent(event)
        wide = self.width() >= SIDE_BY_SIDE
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            whole = self.width() if wide else self.height()
            self.splitter.setSizes([whole * 3 // 5, whole * 2 // 5])

    def set_meeting(self, meeting) -> None:
        self.meeting = meeting
        if self.isVisible():  # hidden, it is read when shown (the window reloads the page it turns to)
            self.reload()

    def _treaty(self) -> dict[str, str]:
        """The meeting's convention (the reference service's own choice with no meeting)."""
        return {"treaty": self.meeting.treaty} if self.meeting is not None else {}

    def reload(self) -> None:
        self.all_states = self.services.reference.states(**self._treaty())
        if self.meeting is not None:
            self.states_box.setTitle(f"States and the status of the {self.meeting.profile.full_name}")
        self._filter()
        self.organisations.set_rows(self.services.reference.organisations())

    def _filter(self, *_args) -> None:
        text = fold(self.filter.text().strip())
        self.states.set_rows(
            [s for s in self.all_states if not text or text in fold(s.name) or any(text in fold(a) for a in s.aliases)]
        )

    def import_status(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a status list", "", "Status lists (*.tsv *.csv *.xlsx);;All files (*)"
        )
        if not path:
            return
        reference, treaty = self.services.reference, self._treaty()

        def read():  # off the main thread, as every long job of the desk
            yield Progress(0, 1, f"Importing {Path(path).name}")
            yield Progress(1, 1, result=reference.import_status(path, treaty.get("treaty", "")))

        def done(last) -> None:
            counts = result_of(last, dict)
            self.reload()
            added, changed, unchanged = counts["added"], counts["changed"], counts["unchanged"]
            self.status.emit(f"Imported {path}: {added} added, {changed} changed, {unchanged} unchanged.")

        self.tasks.run("Import a status list", read, done, lambda exc: show_error(self, "Import a status list", exc))

    def add_organisation(self) -> None:
        reference = self.services.reference

        row, accepted = OrganisationDialog.ask(self, reference.add_organisation)
        if accepted:
            self.reload()
            self.status.emit(f"Added {row.name_with_acronym} to the organisations.")
