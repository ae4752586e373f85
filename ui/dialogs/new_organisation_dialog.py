"""An organisation that the reference data lacks, to be added with the import that names it (not silently), in
one of the organisation categories of the meeting's convention (named, and its rule worded, as its profile does)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ccm_secretariat.domain.enums import Rule
from ccm_secretariat.imports.plan import NewOrganisation
from ccm_secretariat.reference.profiles import CategoryProfile, ConventionProfile
from ui.categories import add_categories, category_index
from ui.dialogs.form import FormDialog


def _admits(category: CategoryProfile) -> str:
    """Whom the category's rule admits, and how a document cites it, in the profile's words."""
    said = f"{category.admits[:1].upper()}{category.admits[1:]}; " if category.admits else ""
    return f"{said}{category.rule_wording}."


class NewOrganisationDialog(FormDialog):
    def __init__(self, name: str, profile: ConventionProfile, parent: QWidget | None = None):
        super().__init__("New organisation", parent)
        self.name = QLineEdit(name)
        self.acronym = QLineEdit()
        self.rule = QComboBox()
        self._organisations = {c.key: c for c in profile.categories if not c.is_state}
        add_categories(self.rule, self._organisations.values())
        self.admits = QLabel()
        self.admits.setWordWrap(True)
        self.rule.currentIndexChanged.connect(self._say_whom)
        # The last of them, as a rule of procedure admits organisations it does not name.
        self.rule.setCurrentIndex(category_index(self.rule, list(self._organisations)[-1]))
        self._say_whom()
        self.add_field("name", "&Name", self.name)
        self.add_field("acronym", "&Acronym", self.acronym)
        self.add_field("rule", "A&ttends as", self.rule)
        self.add_field("admits", "", self.admits)
        self.name.textChanged.connect(self.revalidate)
        self.name.setFocus()
        self.setMinimumWidth(620)
        self.revalidate()

    def _say_whom(self, *_args) -> None:
        self.admits.setText(_admits(self._organisations[self.rule.currentData()]))

    def problems(self):
        if not self.name.text().strip():
            return "name", "Give the organisation's full name."
        if len(self.name.text().strip()) > 300:
            return "name", "The name is longer than 300 characters."
        if len(self.acronym.text().strip()) > 40:
            return "acronym", "The acronym is longer than 40 characters."
        return None

    def submit(self) -> NewOrganisation:
        key = self.rule.currentData()
        named = key == next(iter(self._organisations))  # the first: those the rules of procedure name
        rule = Rule.RULE_1_2 if named else Rule.RULE_1_3  # the reference data's default, for other conventions
        return NewOrganisation(self.name.text().strip(), self.acronym.text().strip(), rule, key)

    @classmethod
    def ask(cls, parent, name: str, profile: ConventionProfile) -> tuple[NewOrganisation | None, bool]:
        dialog = cls(name, profile, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
