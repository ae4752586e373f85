"""An organisation that the reference data lacks, to be added with the import that names it (not silently)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ccm_secretariat.domain.enums import Rule
from ccm_secretariat.imports.plan import NewOrganisation
from ui.dialogs.form import FormDialog

RULE_LABELS = {
    Rule.RULE_1_2: "Rule 1(2): named in the rules of procedure (UN, ICRC, IFRC, GICHD, CMC)",
    Rule.RULE_1_3: "Rule 1(3): other international, regional or non-governmental organisation",
}


class NewOrganisationDialog(FormDialog):
    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__("New organisation", parent)
        self.name = QLineEdit(name)
        self.acronym = QLineEdit()
        self.rule = QComboBox()
        for rule, label in RULE_LABELS.items():
            self.rule.addItem(label, rule)
        self.rule.setCurrentIndex(self.rule.findData(Rule.RULE_1_3))
        self.add_field("name", "&Name", self.name)
        self.add_field("acronym", "&Acronym", self.acronym)
        self.add_field("rule", "Attends &under", self.rule)
        self.name.textChanged.connect(self.revalidate)
        self.name.setFocus()
        self.setMinimumWidth(620)
        self.revalidate()

    def problems(self):
        if not self.name.text().strip():
            return "name", "Give the organisation's full name."
        if len(self.name.text().strip()) > 300:
            return "name", "The name is longer than 300 characters."
        if len(self.acronym.text().strip()) > 40:
            return "acronym", "The acronym is longer than 40 characters."
        return None

    def submit(self) -> NewOrganisation:
        # Qt hands a (str, Enum) member back as its plain string: made a Rule again here.
        return NewOrganisation(self.name.text().strip(), self.acronym.text().strip(), Rule(self.rule.currentData()))

    @classmethod
    def ask(cls, parent, name: str) -> tuple[NewOrganisation | None, bool]:
        dialog = cls(name, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
