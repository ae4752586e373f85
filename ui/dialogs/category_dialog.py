"""Set a delegation's category by hand: the reason is required, and the derived category is shown. The choices
and their names are the meeting's convention's (its profile)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from ccm_secretariat.reference.profiles import ConventionProfile
from ccm_secretariat.services.registration import DelegationRow
from ui.categories import add_categories, category_index
from ui.dialogs.form import FormDialog


class CategoryDialog(FormDialog):
    def __init__(
        self,
        delegation: DelegationRow,
        save: Callable[[str | None, str], object],
        profile: ConventionProfile,
        parent: QWidget | None = None,
    ):
        super().__init__(f"Participation category — {delegation.name}", parent)
        self._save = save
        self._derived = delegation.derived_category
        derived = QLabel(profile.category(delegation.derived_category).view)
        derived.setWordWrap(True)
        self.add_field("derived", "From the treaty status", derived)
        self.category = QComboBox()
        add_categories(self.category, (c for c in profile.categories if c.is_state == delegation.is_state))
        self.category.setCurrentIndex(category_index(self.category, delegation.category))
        self.reason = QPlainTextEdit(delegation.override_reason)
        self.reason.setPlaceholderText("Why this delegation attends in another category (required)")
        self.reason.setFixedHeight(70)
        self.reason.setTabChangesFocus(True)  # a sentence or two: Tab goes on to OK, as in every other field
        self.add_field("category", "Attends at this meeting as", self.category)
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
    def ask(cls, parent, delegation, save, profile):
        dialog = cls(delegation, save, profile, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
