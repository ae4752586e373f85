"""Add an officer of the meeting: a person with a description, or a State (Vice-Presidents)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ui.dialogs.form import FormDialog

ROLES = [
    "President",
    "Vice-President",
    "Secretary-General of the Conference",
    "Secretary of the Conference",
    "Secretary-General of the Meeting",
    "Secretary of the Meeting",
    "Director of the Implementation Support Unit",
]


class OfficerDialog(FormDialog):
    def __init__(self, state_names: list[str], save: Callable, parent: QWidget | None = None):
        super().__init__("Add officer", parent)
        self._save = save
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.addItems(ROLES)
        self.salutation = QComboBox()
        self.salutation.setEditable(True)
        self.salutation.addItems(["", "Mr.", "Ms.", "H.E. Mr.", "H.E. Ms.", "Dr."])
        self.name = QLineEdit()
        self.description = QLineEdit()
        self.description.setPlaceholderText(
            "e.g. Ambassador and Permanent Representative of … to the Conference on Disarmament"
        )
        self.state = QComboBox()
        self.state.setEditable(True)
        self.state.addItems(["", *state_names])
        for name, label, widget in (
            ("role", "Role", self.role),
            ("salutation", "Salutation", self.salutation),
            ("name", "Name", self.name),
            ("description", "Description", self.description),
            ("state", "or a State", self.state),
        ):
            self.add_field(name, label, widget)
        self.name.textChanged.connect(self.revalidate)
        self.state.currentTextChanged.connect(self.revalidate)
        self.setMinimumWidth(620)
        self.revalidate()

    def problems(self):
        if not self.name.text().strip() and not self.state.currentText().strip():
            return "name", "An officer is a person (give the name) or a State."
        return None

    def submit(self):
        return self._save(
            self.role.currentText(),
            self.salutation.currentText(),
            self.name.text(),
            self.description.text(),
            self.state.currentText(),
        )

    @classmethod
    def ask(cls, parent, state_names, save):
        dialog = cls(state_names, save, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
