"""The main window: the meeting switcher and the registration view (the fuller desk arrives with issue 4)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QMainWindow, QMessageBox, QTableView,
                               QVBoxLayout, QWidget)

from ccm_secretariat.demo import load_demo
from ccm_secretariat.domain.enums import Category
from ccm_secretariat.services import Services
from ccm_secretariat.services.registration import DelegationRow


class DelegationTableModel(QAbstractTableModel):
    HEADERS = ("Category", "Delegation", "Participants", "Credentials")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[DelegationRow] = []

    def set_rows(self, rows: list[DelegationRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        row = self._rows[index.row()]
        return (row.category.label, row.name_with_acronym, str(row.participant_count),
                "yes" if row.credentials_received else "")[index.column()]


class MainWindow(QMainWindow):
    def __init__(self, services: Services):
        super().__init__()
        self.services = services
        self.setWindowTitle(f"CCM Secretariat Desk — {services.db.display_name}")
        self.meeting_box = QComboBox()
        self.meeting_box.currentIndexChanged.connect(self.refresh)
        self.counts = QLabel()
        self.model = DelegationTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        top = QHBoxLayout()
        top.addWidget(QLabel("Meeting:"))
        top.addWidget(self.meeting_box, 1)
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        body = QWidget()
        body.setLayout(layout)
        self.setCentralWidget(body)
        self.resize(1200, 760)
        self.reload_meetings()

    def reload_meetings(self) -> None:
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for m in self.services.meetings.list():
            self.meeting_box.addItem(f"{m.short_title} ({m.symbol_prefix})", m.id)
        self.meeting_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        meeting_id = self.meeting_box.currentData()
        if meeting_id is None:
            self.model.set_rows([])
            self.counts.setText("No meeting yet.")
            return
        self.model.set_rows(self.services.registration.delegations(meeting_id))
        counts = self.services.registration.category_counts(meeting_id)
        self.counts.setText("   ".join(f"{c.label}: {counts[c][0]}" for c in Category if counts[c][0]))

    def offer_demo_if_empty(self) -> None:
        if self.services.meetings.list():
            return
        answer = QMessageBox.question(self, "No meeting yet",
                                      "This database holds no meeting. Open the demo conference "
                                      "(CCM Second Review Conference, 2020)?")
        if answer == QMessageBox.Yes:
            for _ in load_demo(self.services):
                pass
            self.reload_meetings()
