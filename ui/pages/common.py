"""Small pieces the pages share: a table view set up the same way, a row of buttons."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView

from ui.tables import configure_view


def make_table(
    model, stretch_column: int | None = None, multi: bool = False, name: str = "", table: QTableView | None = None
) -> QTableView:
    """A table of rows; `name` is what a screen reader calls it (its columns are its description: ui/tables.py).
    `table`: a view of a subclass to set up (a new QTableView when None)."""
    table = QTableView() if table is None else table
    table.setModel(model)
    table.setAccessibleName(name)
    configure_view(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    table.setWordWrap(False)
    if stretch_column is not None:
        table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table


MENU_LETTERS = set("fexrh")  # File, Edit, Room, Export, Help: Alt+these open the menus


def with_mnemonic(text: str, used: set[str]) -> str:
    """The text with an Alt mnemonic on its first letter that the page and the menus do not use yet."""
    for i, ch in enumerate(text):
        if ch.isalpha() and ch.lower() not in used and ch.lower() not in MENU_LETTERS:
            used.add(ch.lower())
            return f"{text[:i]}&{text[i:]}"
    return text


def button_row(
    *buttons: tuple[str, object], used: set[str] | None = None
) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    """A row of buttons, found by their text; each gets an Alt mnemonic (`used`: the letters the page's other
    rows have taken)."""
    used = set() if used is None else used
    layout = QHBoxLayout()
    found = {}
    for text, slot in buttons:
        button = QPushButton(with_mnemonic(text, used))
        button.clicked.connect(slot)
        layout.addWidget(button)
        found[text] = button
    layout.addStretch()
    return layout, found


def select_row(table: QTableView, row: int) -> None:
    """Select exactly this row and make it current, whatever keys are held: QTableView.selectRow extends or
    toggles the selection while Shift or Ctrl is down, so a redo by Ctrl+Shift+Z unselected the row it reselected
    (and the members' list went empty)."""
    model = table.model()
    index = model.index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(index, flags)


def selected_row(table: QTableView):
    rows = table.selectionModel().selectedRows()
    return table.model().row(rows[0].row()) if rows else None
