"""Delegations under their category headings, as the documents list them: one heading a category (with its
counts) over its delegations, instead of the category repeated on every row. `rows` stays the delegations
alone; the view's rows are the headings and the delegations, and `row(view_row)` maps back (None on a
heading). Headings can be neither selected nor reached with the arrow keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ccm_secretariat.domain.enums import Category
from ccm_secretariat.domain.prose import counted
from ui.models.table import Column, RowTableModel

HEADING_BACKGROUND = QBrush(QColor("#e4e9f0"))


class GroupedRowsModel(RowTableModel):
    def __init__(self, columns: Sequence[Column], parent: Any = None):
        super().__init__(columns, parent)
        self._view: list[tuple[Category, int, int] | int] = []  # a heading, or an index into rows
        self.headings: dict[Category, str] = {}  # the meeting's convention's heading of each category
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self._view = []
        current = None
        for i, d in enumerate(rows):
            if d.category != current:
                current = d.category
                members = [r for r in rows if r.category == current]
                self._view.append((current, len(members), sum(r.participant_count for r in members)))
            self._view.append(i)
        self.endResetModel()

    def row(self, index: int):
        """The delegation on view row `index`, or None on a heading."""
        entry = self._view[index]
        return None if isinstance(entry, tuple) else self.rows[entry]

    def view_row(self, delegation_index: int) -> int:
        """The view's row of `rows[delegation_index]`."""
        return self._view.index(delegation_index)

    def heading_rows(self) -> list[int]:
        return [n for n, entry in enumerate(self._view) if isinstance(entry, tuple)]

    def heading_text(self, index: int) -> str:
        entry = self._view[index]
        assert isinstance(entry, tuple)
        category, delegations, people = entry
        heading = self.headings.get(category) or Category(category).label
        return f"{heading} — {counted(delegations, 'delegation')}, {counted(people, 'participant')}"

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._view)

    def flags(self, index):
        if index.isValid() and isinstance(self._view[index.row()], tuple):
            return Qt.ItemFlag.NoItemFlags  # a heading: not selectable, skipped by the arrow keys
        return super().flags(index)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if isinstance(self._view[index.row()], tuple):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.heading_text(index.row()) if index.column() == 0 else ""
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole:
                return HEADING_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("black"))
            return None
        return super().data(index, role)
