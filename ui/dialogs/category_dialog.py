"""Set a delegation's category by hand: the reason is required, and the derived category is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from ccm_secretariat.domain.enums import Category
from ccm_secretariat.services.registration import DelegationRow
from ui.dialogs.form import FormDialog


class CategoryDialog(FormDialog):
    def __init__(
        self, delegation: DelegationRow, save: Callable[[Category | None, str], object], parent: QWidget | None = None
    ):
        super().__init__(f"Category — {delegation.name}", parent)
        self._save = save
        self._derived = delegation.derived_category
        self.add_field("derived", "From the treaty status", QLabel(Category(delegation.derived_category).label))
        self.category = QComboBox()
        for category in Category:
            if category.is_state == delegation.is_state:
                self.category.addItem(category.label, category)
        self.category.setCurrentIndex(self.category.findData(delegation.category))
        self.reason = QPlainTextEdit(delegation.override_reason)
        self.reason.setPlaceholderText("Why this delegation attends in another category (required)")
        self.reason.setFixedHeight(70)
        self.add_field("category", "Category at this meeting", self.category)
        self.add_field("reason", "Reason", self.reason)
        self.category.currentIndexChanged.connect(self.revalidate)
        self.reason.textChanged.connect(self.revalidate)
        self.setMinimumWidth(560)
        self.revalidate()

    def problems(self):
        if self.category.currentData() != self._derived and not self.reason.toPlainText().strip():
            return "reason", "Say why the category differs from the one the treaty status gives."
        return None

    def submit(self):
        category = self.category.currentData()
        return self._save(None if category == self._derived else category, self.reason.toPlainText())

    @classmethod
    def ask(cls, parent, delegation, save):
        dialog = cls(delegation, save, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
