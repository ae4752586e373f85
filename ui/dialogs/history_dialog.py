"""The history of a delegation and its members: who changed what, and when; exported as a workbook."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.exports.history_workbook import history_workbook
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services.history import HistoryEntry
from ui.models.table import Column, RowTableModel
from ui.pages.common import make_table

COLUMNS = [
    Column("When", lambda e: f"{un_date(e.at.date())}, {e.at:%H:%M}"),
    Column("Who", lambda e: e.by),
    Column("What", lambda e: e.what),
    Column("Action", lambda e: e.action),
    Column("Details", lambda e: e.details),
]


class HistoryDialog(QDialog):
    def __init__(self, title: str, entries: list[HistoryEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"History — {title}")
        self.title, self.entries = title, entries
        self.model = RowTableModel(COLUMNS, self)
        self.model.set_rows(entries)
        self.table = make_table(self.model, stretch_column=4, name="Changes")
        export = QPushButton("&Export…")
        export.clicked.connect(self.export)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(f"{len(entries)} change{'s' if len(entries) != 1 else ''}, newest first"))
        bar.addStretch()
        bar.addWidget(export)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        self.resize(980, 520)

    def export(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "Export the history", f"history-{self.title}.xlsx", "*.xlsx")
        if path:
            run_to_end(history_workbook(self.title, self.entries, path))
