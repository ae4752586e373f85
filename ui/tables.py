"""Every table and list of the desk set up the same way for the keyboard, for small screens and for a screen
reader: Tab and Shift+Tab leave it (arrow keys move inside), a table reached by Tab has a current row at once,
columns narrow to fit the view rather than run off its edge, a cut text ends in "…" and shows whole in a
tooltip, and the table describes its columns to a screen reader."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip, QWidget
from shiboken6 import isValid

WATCHED = (QEvent.Type.FocusIn, QEvent.Type.Resize, QEvent.Type.ToolTip, QEvent.Type.KeyPress, QEvent.Type.Show)
MIN_COLUMN = 60  # a column is never narrowed below this (its header still elides, with a tooltip)
CELL_MARGIN = 8  # the room a cell's text needs beyond its advance (the style's margins)
ROWS_MEASURED = 0  # rows measured beyond those in view when columns are fitted (Qt's default: 1,000)


def configure_view(view: QAbstractItemView) -> None:
    """Idempotent: the keyboard, eliding, tooltips and the description (see the module's docstring)."""
    if view.property("ccmConfigured"):
        return
    view.setProperty("ccmConfigured", True)
    view.setTabKeyNavigation(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    keeper = _ViewKeeper(view)
    view.installEventFilter(keeper)
    view.viewport().installEventFilter(keeper)
    if isinstance(view, QTableView):
        view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        view.horizontalHeader().setResizeContentsPrecision(ROWS_MEASURED)  # a search listing 100,000 people
        view.horizontalHeader().viewport().installEventFilter(keeper)
    model = view.model()
    if model is not None:
        describe_columns(view, model)
        model.modelReset.connect(lambda: _refit(view))


def _refit(view: QAbstractItemView) -> None:
    if isValid(view) and isinstance(view, QTableView):  # (the model may outlive its view)
        fit_columns(view)


def describe_columns(view: QAbstractItemView, model: QAbstractItemModel) -> None:
    """What a screen reader says after the table's name: its columns, and how to move."""
    if view.accessibleDescription():
        return
    count = view.horizontalHeader().count() if isinstance(view, QTableView) else 0
    columns = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(count)]
    columns = [c for c in columns if c]
    what = f"Columns: {', '.join(columns)}. " if len(columns) > 1 else ""
    view.setAccessibleDescription(f"{what}Arrow keys move between rows; Tab leaves the table.")


def first_selectable(view: QAbstractItemView) -> QModelIndex:
    model = view.model()
    for row in range(model.rowCount() if model is not None else 0):
        index = model.index(row, 0)
        if model.flags(index) & Qt.ItemFlag.ItemIsSelectable and not (
            isinstance(view, QTableView) and view.isRowHidden(row)
        ):
            return index
    return QModelIndex()


def give_current_row(view: QAbstractItemView) -> None:
    """A view reached by the keyboard has a current row, so that Down, PageDown, Home and End work at once: the
    first selected row, or else the first row (then selected, so that it shows where the keyboard is)."""
    selection = view.selectionModel()
    if selection is None or view.currentIndex().isValid():
        return
    rows = selection.selectedRows() or selection.selectedIndexes()
    if rows:
        selection.setCurrentIndex(rows[0], QItemSelectionModel.SelectionFlag.NoUpdate)
        return
    index = first_selectable(view)
    if index.isValid():
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            flags |= QItemSelectionModel.SelectionFlag.Rows
        if view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
            flags = QItemSelectionModel.SelectionFlag.NoUpdate
        selection.setCurrentIndex(index, flags)


def cut_text(view: QAbstractItemView, index: QModelIndex) -> str:
    """The cell's whole text when the cell is too narrow to show it, else ""."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None or index.data(Qt.ItemDataRole.ToolTipRole):
        return ""
    text = str(text)
    room = view.visualRect(index).width() - CELL_MARGIN
    return text if view.fontMetrics().horizontalAdvance(text) > room else ""


def cut_header(header: QHeaderView, section: int) -> str:
    model = header.model()
    if model is None or section < 0 or model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole):
        return ""
    text = str(model.headerData(section, header.orientation()) or "")
    room = header.sectionSize(section) - 2 * CELL_MARGIN
    return text if header.fontMetrics().horizontalAdvance(text) > room else ""


def fit_columns(table: QTableView) -> None:
    """Columns sized to their content within the view: each column that is not stretched takes what its
    header and cells need (up to 45 % of the view); when together they are wider than the view, the widest
    narrow (never below MIN_COLUMN) until all of them show, their texts elided, but for those its table's
    "wholeColumns" property names. A stretched column takes the rest, as before, and at least the share of the
    view its table's "stretchShare" property asks for."""
    if not table.isVisible():  # fitted when shown: a hidden table's size hint reads every row (100,000 of them)
        table.setProperty("ccmRefit", True)
        return
    table.setProperty("ccmRefit", False)
    header = table.horizontalHeader()
    room = table.viewport().width()
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    if room <= 0 or not columns:
        return
    fixed = [c for c in columns if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive]
    stretched = [c for c in columns if c not in fixed]
    widest_allowed = max(MIN_COLUMN, int(room * 0.45))
    widths = {
        c: min(widest_allowed, max(MIN_COLUMN, header.sectionSizeHint(c), table.sizeHintForColumn(c))) for c in fixed
    }
    share = int(room * float(table.property("stretchShare") or 0))  # a table may keep its stretched column wider
    room -= sum(max(MIN_COLUMN, header.sectionSizeHint(c), share) for c in stretched)
    excess = sum(widths.values()) - room
    kept = set(table.property("wholeColumns") or ())  # never narrowed: what a row is known by (a symbol, a date)
    narrowed = [c for c in widths if c not in kept]
    while excess > 0 and narrowed:
        widest = max(narrowed, key=lambda c: widths[c])
        second = max((widths[c] for c in narrowed if c != widest), default=MIN_COLUMN)
        cut = min(excess, max(1, widths[widest] - max(second, MIN_COLUMN)), widths[widest] - MIN_COLUMN)
        if cut <= 0:
            break
        widths[widest] -= cut
        excess -= cut
    for column, width in widths.items():
        if width != header.sectionSize(column):
            header.resizeSection(column, width)


class _ViewKeeper(QObject):
    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in WATCHED or not isValid(self.view):
            return False  # (and nothing while the view is being destroyed)
        if watched is self.view and kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._home_end(event)
        if watched is self.view and kind == QEvent.Type.FocusIn:
            if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):  # type: ignore[attr-defined]
                give_current_row(self.view)
        elif watched is self.view.viewport() and kind == QEvent.Type.Resize:
            _refit(self.view)
        elif watched is self.view and kind == QEvent.Type.Show and self.view.property("ccmRefit"):
            _refit(self.view)  # its rows changed while it was hidden
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and isinstance(watched, QWidget):
            return self._tooltip(watched, event)
        return False

    def _home_end(self, event: QKeyEvent) -> bool:
        """In a table of rows, Home and End go to the first and last row and select it, as Down and Up do (a
        Ctrl+Home sent instead would move without selecting in a table that selects several rows)."""
        if (
            event.key() not in (Qt.Key.Key_Home, Qt.Key.Key_End)
            or event.modifiers() != Qt.KeyboardModifier.NoModifier
            or self.view.selectionBehavior() != QAbstractItemView.SelectionBehavior.SelectRows
        ):
            return False
        cursor = (
            QAbstractItemView.CursorAction.MoveHome
            if event.key() == Qt.Key.Key_Home
            else QAbstractItemView.CursorAction.MoveEnd
        )
        index = self.view.moveCursor(cursor, Qt.KeyboardModifier.ControlModifier)
        selection = self.view.selectionModel()
        if index.isValid() and selection is not None:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            if self.view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
                flags = QItemSelectionModel.SelectionFlag.NoUpdate
            selection.setCurrentIndex(index, flags)
            self.view.scrollTo(index)
        return True

    def _tooltip(self, watched: QWidget, event: QHelpEvent) -> bool:
        if watched is self.view.viewport():
            index = self.view.indexAt(event.pos())
            text = cut_text(self.view, index) if index.isValid() else ""
        elif isinstance(self.view, QTableView) and watched is self.view.horizontalHeader().viewport():
            header = self.view.horizontalHeader()
            text = cut_header(header, header.logicalIndexAt(event.pos()))
        else:
            return False
        if not text:
            return False  # the model's own tooltip, if any
        QToolTip.showText(event.globalPos(), text, watched)
        return True
