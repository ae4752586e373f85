"""Mark delegations present (or not) at a part of the meeting, whether or not their members are named."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from ccm_secretariat.services.meetings import PartRow
from ui.dialogs.form import FormDialog


class PresenceDialog(FormDialog):
    def __init__(
        self, count: int, parts: tuple[PartRow, ...], save: Callable[[int, bool], object], parent: QWidget | None = None
    ):
        super().__init__(f"Present — {count} delegation{'s' if count != 1 else ''}", parent)
        self._save = save
        self.part = QComboBox()
        for p in parts:
            self.part.addItem(f"Part {p.number}", p.number)
        self.present = QComboBox()
        self.present.addItem("Present (took part)", True)
        self.present.addItem("Not present", False)
        self.add_field("part", "Part of the meeting", self.part)
        self.add_field("present", "The delegation was", self.present)

    def submit(self):
        return self._save(self.part.currentData(), self.present.currentData())

    @classmethod
    def ask(cls, parent, count, parts, save):
        dialog = cls(count, parts, save, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
