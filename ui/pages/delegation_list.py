"""The registration page's list of delegations under their category headings (several may be selected)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ccm_secretariat.services.registration import DelegationRow
from ui.models.grouped import GroupedRowsModel
from ui.pages.common import make_table, select_row
from ui.pages.registration_rows import DELEGATION_COLUMNS, column

WIDTHS = {"Members": 70, "Credentials": 112, "Present": 62}  # the delegation's name takes the rest


class DelegationList(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model_ = GroupedRowsModel(DELEGATION_COLUMNS, self)
        make_table(self.model_, multi=True, name="Delegations", table=self)
        header = self.horizontalHeader()
        for title, width in WIDTHS.items():
            header.resizeSection(column(DELEGATION_COLUMNS, title), width)
        header.setSectionResizeMode(column(DELEGATION_COLUMNS, "Delegation"), QHeaderView.ResizeMode.Stretch)

    def set_rows(self, rows: list[DelegationRow], keep: DelegationRow | None = None) -> None:
        """List `rows` under their headings; `keep` stays selected when it is still listed."""
        self.model_.set_rows(rows)
        self.clearSpans()
        columns = self.model_.columnCount()
        for row in self.model_.heading_rows():  # each category heading across the whole row
            self.setSpan(row, 0, 1, columns)
        if keep is not None:
            self.select_where(lambda d: d.id == keep.id, scroll=False)

    def select_where(self, wanted, scroll: bool = True) -> bool:
        """Select the first delegation listed for which `wanted(row)` holds (the only one selected)."""
        for i, d in enumerate(self.model_.rows):
            if wanted(d):
                row = self.model_.view_row(i)
                select_row(self, row)
                if scroll:
                    self.scrollTo(self.model_.index(row, 0))
                return True
        return False

    def selected(self) -> list[DelegationRow]:
        model = self.selectionModel()
        found = [self.model_.row(i.row()) for i in model.selectedRows()] if model else []
        return [d for d in found if d is not None]  # (a heading is never selected; kept safe all the same)
