"""The obligations tracker: deadlines by State and obligation, overdue reports, the requests due for the
meeting, and the figures of a transparency paragraph. Read in one service call into plain values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.exports.obligations_workbook import (
    next_meeting_lines,
    no_obligations_line,
    obligations_workbook,
    transparency_lines,
)
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services import Services
from ccm_secretariat.services.tracker import Tracker
from ui.dialogs.report_received_dialog import ReportReceivedDialog
from ui.models.table import Column, RowTableModel
from ui.pages.common import button_row, make_table
from ui.undo import UndoRecorder

ALL_STATES = "All States with a record or a request"


def _day(value: dt.date | None) -> str:
    return un_date(value) if value else ""


DEADLINES = [
    Column("State", lambda d: d.state),
    Column("Obligation", lambda d: d.label),
    Column("Original deadline", lambda d: _day(d.original)),
    Column("Deadline in force", lambda d: _day(d.deadline) + (" (extended)" if d.extended else "")),
    Column("Status", lambda d: d.status),
    Column("Compliance declared", lambda d: d.compliance_meeting or _day(d.compliance_declared_on)),
]
REPORTS = [
    Column("State", lambda r: r.state),
    Column("Report", lambda r: r.label),
    Column("Due", lambda r: _day(r.due)),
]


class ObligationsPage(QWidget):
    status = Signal(str)

    def __init__(
        self, services: Services, editor: UndoRecorder, parent: QWidget | None = None, today: dt.date | None = None
    ):
        super().__init__(parent)
        self.services, self.editor = services, editor
        self.meeting = None
        self.today = today  # None: the real day
        self.tracker: Tracker | None = None
        self.state_box = QComboBox()
        self.state_box.setAccessibleName("State")
        self.state_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setAccessibleName("Year of the transparency figures")
        self.year_box.valueChanged.connect(lambda _v: self.reload())
        state_label, year_label = QLabel("&State:"), QLabel("Transparency figures for &year:")
        state_label.setBuddy(self.state_box)
        year_label.setBuddy(self.year_box)
        buttons, self.buttons = button_row(
            ("Report received…", self.report_received), ("Export workbook…", self.export), used={"s", "y"}
        )
        self.deadlines = RowTableModel(DEADLINES, self)
        self.deadline_table = make_table(self.deadlines, stretch_column=5, name="Deadlines by State and obligation")
        self.deadline_table.setProperty("stretchShare", 0.16)  # "Compliance declared" names a meeting (ui/tables.py)
        self.overdue = RowTableModel(REPORTS, self)
        self.overdue_table = make_table(self.overdue, stretch_column=1, name="Reports overdue")
        self.overdue_table.setProperty("stretchShare", 0.4)  # "Annual report 2025" whole beside long State names
        self.overdue_label = QLabel()
        self.none_text = QLabel()  # a convention that sets no obligation the tracker follows says so
        self.none_text.setWordWrap(True)
        self.none_text.hide()
        self.meeting_text = QLabel()
        self.figures_text = QLabel()
        for label in (self.meeting_text, self.figures_text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QGridLayout()
        top.addWidget(state_label, 0, 0)
        top.addWidget(self.state_box, 0, 1)
        top.addWidget(year_label, 0, 2)
        top.addWidget(self.year_box, 0, 3)
        top.addLayout(buttons, 0, 4)
        reports = QWidget()
        reports_layout = QVBoxLayout(reports)
        reports_layout.addWidget(self.overdue_label)
        reports_layout.addWidget(self.overdue_table, 1)
        texts = QWidget()
        texts_layout = QVBoxLayout(texts)
        texts_layout.addWidget(QLabel("<b>Requests due for the meeting</b>"))
        texts_layout.addWidget(self.meeting_text)
        texts_layout.addWidget(QLabel("<b>Transparency figures</b>"))
        texts_layout.addWidget(self.figures_text)
        texts_layout.addStretch()
        self.texts_area = QScrollArea()  # on a small screen the requests and figures scroll, never cut off
        self.texts_area.setWidget(texts)
        self.texts = texts
        self.texts_area.setWidgetResizable(True)
        self.texts_area.setFrameShape(QFrame.Shape.NoFrame)
        self.texts_area.setAccessibleName("Requests due for the meeting and transparency figures")
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(reports)
        lower.addWidget(self.texts_area)
        lower.setStretchFactor(0, 1)  # the overdue reports take half the width: their three columns read whole
        lower.setStretchFactor(1, 1)
        lower.setSizes([660, 660])
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.addWidget(QLabel("<b>Deadlines by State and obligation</b>"))
        upper_layout.addWidget(self.deadline_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([380, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.none_text)
        layout.addWidget(split, 1)
        self.split = split

    def _fit_texts(self) -> None:
        """The wrapped texts as tall as they need at the area's width (a scroll area shrinks a widget of wrapped
        labels to its view otherwise, and cuts them off)."""
        layout = self.texts.layout()
        if layout is not None:
            self.texts.setMinimumHeight(layout.heightForWidth(max(self.texts_area.viewport().width(), 1)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_texts()

    def day(self) -> dt.date:
        return self.today or dt.date.today()

    def set_meeting(self, meeting) -> None:
        changed = self.meeting is None or meeting is None or self.meeting.treaty != meeting.treaty
        self.meeting = meeting
        if self.state_box.count() == 0 or changed:  # the States Parties of the meeting's convention
            self.state_box.blockSignals(True)
            self.state_box.clear()
            self.state_box.addItem(ALL_STATES, None)
            for state in self.services.reference.states(meeting.treaty) if meeting is not None else ():
                if state.entry_into_force is not None:
                    self.state_box.addItem(state.name, state.name)
            self.state_box.blockSignals(False)
            self.year_box.blockSignals(True)
            self.year_box.setValue(self.day().year - 1)
            self.year_box.blockSignals(False)
        if self.isVisible():  # hidden, it is read when shown (the window reloads the page it turns to)
            self.reload()

    def reload(self) -> None:
        if self.meeting is None:
            return
        t = self.services.obligations.tracker(
            self.day(), meeting_id=self.meeting.id, state=self.state_box.currentData(), year=self.year_box.value()
        )
        self.tracker = t
        none = no_obligations_line(t, self.meeting.treaty)
        self.none_text.setText(none)
        self.none_text.setVisible(bool(none))
        self.split.setVisible(not none)
        self.deadlines.set_rows(list(t.deadlines))
        self.overdue.set_rows(list(t.overdue_reports))
        self.overdue_label.setText(f"<b>Reports overdue on {un_date(t.today)}</b>: {len(t.overdue_reports)}")
        self.meeting_text.setText("\n".join(next_meeting_lines(t)))
        self.figures_text.setText("\n".join(transparency_lines(t)))
        self._fit_texts()

    def report_received(self) -> None:
        """Record a transparency report received (one undoable action; its undo is version-checked)."""
        service = self.services.obligations
        if self.meeting is None or self.tracker is None or self.tracker.periods.initial_report is None:
            self.status.emit("The meeting's convention sets no transparency report.")
            return
        treaty = self.meeting.treaty
        names = [self.state_box.itemData(i) for i in range(1, self.state_box.count())]
        chosen = self.state_box.currentData()
        states = [chosen] + [n for n in names if n != chosen] if chosen else names

        def save(state: str, received: dt.date, year: int | None):
            what = f"{state}'s initial report" if year is None else f"{state}'s annual report for {year}"
            return self.editor.perform(
                f"Record {what}",
                lambda: service.add_report(state, received, year, treaty=treaty),
                lambda report_id: service.remove_report(report_id, expected_version=1),
                self.reload,
            )

        _id, accepted = ReportReceivedDialog.ask(self, states, self.day(), save, chosen)
        if accepted:
            self.status.emit("Recorded the report received.")

    def export(self, path: str | None = None) -> None:
        if self.tracker is None:
            return
        if not path:
            default = str(Path.home() / "obligations.xlsx")
            path, _ = QFileDialog.getSaveFileName(self, "Export the tracker", default, "*.xlsx")
        if path:
            run_to_end(obligations_workbook(self.tracker, path))
            self.status.emit(f"Wrote {path}.")
