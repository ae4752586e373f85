"""Small pieces the pages share: a table view set up the same way, a row of buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView


def make_table(model, stretch_column: int | None = None, multi: bool = False) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.ExtendedSelection if multi else QAbstractItemView.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    table.setWordWrap(False)
    if stretch_column is not None:
        table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.Stretch)
    return table


def button_row(*buttons: tuple[str, object]) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    layout = QHBoxLayout()
    found = {}
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(slot)
        layout.addWidget(button)
        found[text] = button
    layout.addStretch()
    return layout, found


def selected_row(table: QTableView):
    rows = table.selectionModel().selectedRows()
    return table.model().row(rows[0].row()) if rows else None
