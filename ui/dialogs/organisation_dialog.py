"""Add an organisation to the reference list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ccm_secretariat.domain.enums import OrganisationKind, Rule
from ui.dialogs.form import FormDialog

KIND_LABELS = {
    OrganisationKind.UN: "United Nations entity",
    OrganisationKind.RED_CROSS: "Red Cross / Red Crescent",
    OrganisationKind.INTERNATIONAL: "Other international organisation",
    OrganisationKind.REGIONAL: "Regional organisation",
    OrganisationKind.NGO: "Non-governmental organisation",
    OrganisationKind.ACADEMIC: "Academic institution",
    OrganisationKind.OTHER: "Other",
}


class OrganisationDialog(FormDialog):
    def __init__(self, save: Callable, parent: QWidget | None = None):
        super().__init__("Add organisation", parent)
        self._save = save
        self.name = QLineEdit()
        self.acronym = QLineEdit()
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(self.kind.findData(OrganisationKind.NGO))
        self.rule = QComboBox()
        for rule in Rule:
            self.rule.addItem(f"Rule {rule.value}", rule)
        self.rule.setCurrentIndex(1)
        for name, label, widget in (
            ("name", "Name", self.name),
            ("acronym", "Acronym", self.acronym),
            ("kind", "Kind", self.kind),
            ("rule", "Attends under", self.rule),
        ):
            self.add_field(name, label, widget)
        self.name.textChanged.connect(self.revalidate)
        self.setMinimumWidth(560)
        self.revalidate()

    def problems(self):
        if not self.name.text().strip():
            return "name", "Give the organisation's full name."
        return None

    def submit(self):
        return self._save(self.name.text(), self.acronym.text(), self.kind.currentData(), self.rule.currentData())

    @classmethod
    def ask(cls, parent, save):
        dialog = cls(save, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
