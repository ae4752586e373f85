"""Register a delegation: a State (by its UN short name, with the name this meeting writes) or an organisation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QRadioButton, QWidget

from ccm_secretariat.reference.profiles import ConventionProfile
from ccm_secretariat.services.reference import OrganisationRow, StateRow
from ui.categories import add_categories
from ui.dialogs.form import FormDialog


def _searchable(box: QComboBox) -> None:
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = box.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


class DelegationDialog(FormDialog):
    def __init__(
        self,
        states: list[StateRow],
        organisations: list[OrganisationRow],
        registered: set[str],
        save: Callable[[str, int, str, str | None], object],
        profile: ConventionProfile,
        parent: QWidget | None = None,
    ):
        super().__init__("Register a delegation", parent)
        self._save = save
        self.is_state = QRadioButton("A State")
        self.is_org = QRadioButton("An organisation")
        self.is_state.setChecked(True)
        # One of the two, each a stop of its own in the order of the screen (as one exclusive group, Qt made them
        # a single stop, and Tab never reached "A State" once "An organisation" had been visited).
        for one, other in ((self.is_state, self.is_org), (self.is_org, self.is_state)):
            one.setAutoExclusive(False)
            one.toggled.connect(lambda checked, other=other: other.setChecked(not checked))
        self.state = QComboBox()
        for s in states:
            self.state.addItem(s.name, s.id)
        _searchable(self.state)
        self.state.setCurrentIndex(-1)
        self.name = QLineEdit()
        self.name.setPlaceholderText("as this meeting writes it (leave empty for the UN short name)")
        self.organisation = QComboBox()
        for o in organisations:
            self.organisation.addItem(o.name_with_acronym, o.id)
        _searchable(self.organisation)
        self.organisation.setCurrentIndex(-1)
        self.rule = QComboBox()
        self.rule.addItem("Its usual category", None)
        add_categories(self.rule, (c for c in profile.categories if not c.is_state))  # the convention's words
        self._registered = registered
        self.add_field("kind_state", "", self.is_state)
        self.add_field("state", "State", self.state)
        self.add_field("name", "Name at this meeting", self.name)
        self.add_field("kind_org", "", self.is_org)
        self.add_field("organisation", "Organisation", self.organisation)
        self.add_field("rule", "Attends as", self.rule)
        for signal in (self.is_state.toggled, self.state.currentTextChanged, self.organisation.currentTextChanged):
            signal.connect(self.revalidate)
        for box in (self.state, self.organisation):
            edit = box.lineEdit()
            if edit is not None:
                edit.editingFinished.connect(self.revalidate)  # "not in the list" once the field is left
        self.is_state.toggled.connect(self._enable)
        self._enable()
        self.setMinimumWidth(520)
        self.revalidate()

    def _enable(self, *_args) -> None:
        state = self.is_state.isChecked()
        for w in (self.state, self.name):
            w.setEnabled(state)
        for w in (self.organisation, self.rule):
            w.setEnabled(not state)

    def _chosen(self, box: QComboBox) -> int | None:
        index = box.findText(box.currentText(), Qt.MatchFlag.MatchFixedString)
        return box.itemData(index) if index >= 0 else None

    def problems(self):
        box, field, what = (
            (self.state, "state", "State")
            if self.is_state.isChecked()
            else (self.organisation, "organisation", "organisation")
        )
        if not box.currentText().strip():
            return field, f"Choose the {what} from the list."
        if self._chosen(box) is None:
            if self.focusWidget() in (box, box.lineEdit()) and not self._tried:
                return field, ""  # still being typed: OK waits, the message until the field is left
            return field, f"“{box.currentText()}” is not in the list; choose one of its entries."
        if box.currentText() in self._registered:
            return field, f"{box.currentText()} is registered at this meeting already."
        return None

    def accept(self) -> None:
        """Enter with a single suggestion left takes it ("chil" + Enter registers Chile)."""
        box = self.state if self.is_state.isChecked() else self.organisation
        typed = box.currentText().strip().casefold()
        if typed and self._chosen(box) is None:
            found = [i for i in range(box.count()) if typed in box.itemText(i).casefold()]
            if len(found) == 1:
                box.setCurrentIndex(found[0])
        super().accept()

    def submit(self):
        if self.is_state.isChecked():
            return self._save("state", self._chosen(self.state), self.name.text(), None)
        key = self.rule.currentData()
        return self._save("organisation", self._chosen(self.organisation), "", key or None)  # a category key

    @classmethod
    def ask(cls, parent, states, organisations, registered, save, profile):
        dialog = cls(states, organisations, registered, save, profile, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
