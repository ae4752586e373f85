"""The registration page's list of people: a delegation's members in protocol order, or people across
delegations (search results, a figure's participants) with their delegation's column. The people selected stay
selected when the list is read again."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ccm_secretariat.services.roster import DirectoryRow
from ui.models.table import RowTableModel
from ui.pages.common import make_table
from ui.pages.registration_rows import MEMBER_COLUMNS, column

WIDTHS = {"Name": 190, "Role": 150, "Function": 200, "Affiliation": 200}
DELEGATION = column(MEMBER_COLUMNS, "Delegation")  # shown only for people across delegations
AFFILIATION = column(MEMBER_COLUMNS, "Affiliation")  # gives way to the delegation then
EMAIL = column(MEMBER_COLUMNS, "E-mail")


class MemberList(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model_ = RowTableModel(MEMBER_COLUMNS, self)
        make_table(self.model_, multi=True, name="Members of the delegation", table=self)
        header = self.horizontalHeader()
        for title, width in WIDTHS.items():
            header.resizeSection(column(MEMBER_COLUMNS, title), width)
        header.setSectionResizeMode(EMAIL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DELEGATION, QHeaderView.ResizeMode.Interactive)
        self.setColumnHidden(DELEGATION, True)
        self.kept: set[int] = set()  # the people selected (a model reset clears the selection without a signal)
        self.selectionModel().selectionChanged.connect(self._keep)
        self.model_.modelReset.connect(lambda: self.select_people(self.kept))

    def _keep(self, *_args) -> None:
        self.kept = {m.id for m in self.selected()}

    def show_rows(self, rows: list[DirectoryRow], across: bool) -> None:
        """List `rows`; `across`: people of several delegations, each with their delegation's name."""
        self.model_.set_rows(rows)
        self.show_delegation_column(across)

    def show_delegation_column(self, shown: bool) -> None:
        """Search results name each person's delegation: that column takes the affiliation's room and the rest,
        so that nothing is cut off at 1366 pixels."""
        header = self.horizontalHeader()
        self.setColumnHidden(DELEGATION, not shown)
        self.setColumnHidden(AFFILIATION, shown)
        header.setSectionResizeMode(
            EMAIL, QHeaderView.ResizeMode.Interactive if shown else QHeaderView.ResizeMode.Stretch
        )
        header.setSectionResizeMode(
            DELEGATION, QHeaderView.ResizeMode.Stretch if shown else QHeaderView.ResizeMode.Interactive
        )
        if shown:
            self.setColumnWidth(EMAIL, 190)

    def selected(self) -> list[DirectoryRow]:
        return [self.model_.row(i.row()) for i in self.selectionModel().selectedRows()]

    def select_people(self, ids: set[int]) -> bool:
        """Select exactly the listed people among `ids` (the first one current). False when the selection is the
        same as before (no selectionChanged comes then)."""
        selection, first = QItemSelection(), None
        last = self.model_.columnCount() - 1
        for row, m in enumerate(self.model_.rows):
            if m.id in ids:
                selection.select(self.model_.index(row, 0), self.model_.index(row, last))
                first = self.model_.index(row, 0) if first is None else first
        model = self.selectionModel()
        before = [m.id for m in self.selected()]
        if first is not None:
            model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return [m.id for m in self.selected()] != before
