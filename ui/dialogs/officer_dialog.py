"""Add an officer of the meeting: a person with a description, or a State (Vice-Presidents)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from ccm_secretariat.domain.enums import OfficerRole
from ui.dialogs.form import FormDialog

# The usual titles and what each officer is; a title typed in another language or words is another officer
# ("participated in the work of …") unless the kind below says otherwise.
ROLES = [
    ("President", OfficerRole.PRESIDENT),
    ("Vice-President", OfficerRole.VICE_PRESIDENT),
    ("Secretary-General of the Conference", OfficerRole.SECRETARY_GENERAL),
    ("Secretary of the Conference", OfficerRole.SECRETARY),
    ("Secretary-General of the Meeting", OfficerRole.SECRETARY_GENERAL),
    ("Secretary of the Meeting", OfficerRole.SECRETARY),
    ("Director of the Implementation Support Unit", OfficerRole.OTHER),
]
KINDS = [
    (OfficerRole.PRESIDENT, "President"),
    (OfficerRole.VICE_PRESIDENT, "Vice-President"),
    (OfficerRole.SECRETARY_GENERAL, "Secretary-General"),
    (OfficerRole.SECRETARY, "Secretary"),
    (OfficerRole.OTHER, "Other officer"),
]


class OfficerDialog(FormDialog):
    def __init__(self, state_names: list[str], save: Callable, parent: QWidget | None = None):
        super().__init__("Add officer", parent)
        self._save = save
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a title typed is this officer's, not a new entry
        # Usual titles suggested below the field, never written into it while typing: "Secr…" stays what is typed.
        self.role.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        for title, kind in ROLES:
            self.role.addItem(title, kind)
        # What the report says of the officer follows the kind, whatever the words of the title.
        self.kind = QComboBox()
        for kind, label in KINDS:
            self.kind.addItem(label, kind)
        self._kind_chosen = False
        self.role.currentTextChanged.connect(self._kind_of_title)  # chosen or typed
        self._kind_of_title()
        self._kind_chosen = False  # the first title shown is no one's choice yet
        self.kind.activated.connect(self._kind_picked)
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
            ("kind", "Kind", self.kind),
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

    def _kind_of_title(self, *_args) -> None:
        """A usual title chosen or typed sets its kind, and other words for it then keep that kind ("Secrétaire de
        la Conférence"); a title typed over the first one shown, before any choice, is another officer (never
        a second President by default), until its kind is chosen."""
        index = self.role.findText(self.role.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self._kind_chosen = True
            self.kind.setCurrentIndex(self.kind.findData(self.role.itemData(index)))
        elif not self._kind_chosen:
            self.kind.setCurrentIndex(self.kind.findData(OfficerRole.OTHER))

    def _kind_picked(self, _index: int) -> None:
        self._kind_chosen = True

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
            OfficerRole(self.kind.currentData()),
        )

    @classmethod
    def ask(cls, parent, state_names, save):
        dialog = cls(state_names, save, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
