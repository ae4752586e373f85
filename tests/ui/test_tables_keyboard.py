"""Tables at the keyboard, on every page: Tab and Shift+Tab leave a table (arrow keys move inside it), and a
table reached by Tab has a current row, so that Down works at once. Cut text shows whole in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from ui.tables import configure_view, cut_header, cut_text


def key(qtbot, k, modifier=Qt.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), k, modifier)


def tables_of(window):
    for n in range(window.pages.count()):
        window.pages.setCurrentIndex(n)
        QApplication.processEvents()
        for table in window.pages.widget(n).findChildren(QTableView):
            if table.isVisible() and table.model().rowCount() >= 2:
                yield window.pages.tabText(n), table


def test_tab_leaves_every_table_and_a_table_reached_by_tab_answers_down(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    checked = []
    for page, table in tables_of(window):
        name = f"{page}: {table.accessibleName()}"
        table.setFocus()
        for _ in range(3):  # (cell by cell before: 40 presses never left the import preview's table)
            key(qtbot, Qt.Key_Tab)
            assert QApplication.focusWidget() is not table, name
            key(qtbot, Qt.Key_Backtab)
            if QApplication.focusWidget() is table:
                break
        assert QApplication.focusWidget() is table, f"{name}: Shift+Tab does not come back"
        key(qtbot, Qt.Key_Backtab)
        assert QApplication.focusWidget() is not table, f"{name}: Shift+Tab stays in the table"
        table.clearSelection()
        table.selectionModel().setCurrentIndex(QModelIndex(), table.selectionModel().SelectionFlag.NoUpdate)
        key(qtbot, Qt.Key_Tab)  # back into the table, as a person does
        assert QApplication.focusWidget() is table, name
        first = table.currentIndex().row()
        assert first >= 0, f"{name}: no current row after Tab"
        key(qtbot, Qt.Key_Down)
        assert table.currentIndex().row() > first, f"{name}: Down did nothing"
        key(qtbot, Qt.Key_End)  # the last row (a table of rows: not the row's last cell)
        assert table.currentIndex().row() == table.model().rowCount() - 1, name
        key(qtbot, Qt.Key_Home)
        assert table.currentIndex().row() <= first, name
        checked.append(name)
    assert len(checked) >= 8, checked  # delegations, members, parts, officers, agenda …, documents, states


def test_a_cut_cell_shows_its_whole_text(qtbot):
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Function", "Affiliation"])
    model.setItem(0, 0, QStandardItem("Deputy Permanent Representative"))
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    configure_view(table)
    table.setColumnWidth(0, 40)  # narrower than the function
    index = model.index(0, 0)
    assert cut_text(table, index) == "Deputy Permanent Representative"
    assert cut_header(table.horizontalHeader(), 0) == "Function"
    table.setColumnWidth(0, 900)
    assert cut_text(table, index) == "" and cut_header(table.horizontalHeader(), 0) == ""
    assert table.textElideMode() == Qt.TextElideMode.ElideRight and not table.tabKeyNavigation()
    assert "Columns: Function, Affiliation" in table.accessibleDescription()
