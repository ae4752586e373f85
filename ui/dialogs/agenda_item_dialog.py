"""Add or edit an agenda item, with its sub-items (one a line; lettered (a), (b), … in the agenda)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ccm_secretariat.domain.enums import AgendaStatus
from ccm_secretariat.orm.agenda import MAX_SUB_ITEMS
from ccm_secretariat.services.agenda import AgendaItemRow
from ui.dialogs.form import FormDialog


class AgendaItemDialog(FormDialog):
    def __init__(
        self,
        taken: set[int],
        save: Callable[[int, str, AgendaStatus, list[str]], object],
        initial: AgendaItemRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__("Edit agenda item" if initial else "Add agenda item", parent)
        self._save = save
        self._taken = taken - ({initial.number} if initial else set())
        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.number.setValue(initial.number if initial else max(taken, default=0) + 1)
        self.title_edit = QLineEdit(initial.title if initial else "")
        self.status = QComboBox()
        for status in AgendaStatus:
            self.status.addItem(status.value.capitalize(), status)
        if initial:
            self.status.setCurrentIndex(self.status.findData(initial.status))
        self.add_field("number", "Number", self.number)
        self.add_field("title", "Title", self.title_edit)
        self.sub_items = QPlainTextEdit("\n".join(initial.sub_items) if initial else "")
        self.sub_items.setPlaceholderText("One sub-item a line; they are lettered (a), (b), … in the agenda")
        self.sub_items.setTabChangesFocus(True)
        self.sub_items.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        self.add_field("status", "Status", self.status)
        self.add_field("sub_items", "Sub-items", self.sub_items)
        self.sub_items.textChanged.connect(self.revalidate)
        self.first_field = self.title_edit  # the number is filled in already
        self.number.valueChanged.connect(self.revalidate)
        self.title_edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(560)
        self.revalidate()

    def problems(self):
        if self.number.value() in self._taken:
            return "number", f"The agenda has an item {self.number.value()} already."
        if not self.title_edit.text().strip():
            return "title", "Give the item's title."
        if len(self.sub_item_titles()) > MAX_SUB_ITEMS:
            return "sub_items", f"An item has at most {MAX_SUB_ITEMS} sub-items, (a) to (z)."
        return None

    def sub_item_titles(self) -> list[str]:
        return [line.strip() for line in self.sub_items.toPlainText().splitlines() if line.strip()]

    def submit(self):
        return self._save(
            self.number.value(), self.title_edit.text(), self.status.currentData(), self.sub_item_titles()
        )

    @classmethod
    def ask(cls, parent, taken, save, initial=None):
        dialog = cls(taken, save, initial, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
