"""Record credentials for one or many delegations at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ccm_secretariat.domain.enums import CredentialsKind
from ui.dialogs.form import FormDialog, date_edit

KIND_LABELS = {
    CredentialsKind.ORIGINAL: "Original",
    CredentialsKind.COPY: "Copy",
    CredentialsKind.NOTE_VERBALE: "Note verbale",
}


class CredentialsDialog(FormDialog):
    def __init__(
        self, count: int, save: Callable[[bool, CredentialsKind | None, dt.date], object], parent: QWidget | None = None
    ):
        super().__init__(f"Credentials — {count} delegation{'s' if count != 1 else ''}", parent)
        self._save = save
        self.received = QCheckBox("Received")
        self.received.setChecked(True)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.date = date_edit()
        self.add_field("received", "Credentials", self.received)
        self.add_field("credentials_kind", "Kind", self.kind)
        self.add_field("date", "Received on", self.date)
        self.received.toggled.connect(lambda on: (self.kind.setEnabled(on), self.date.setEnabled(on)))

    def submit(self):
        return self._save(
            self.received.isChecked(),
            self.kind.currentData() if self.received.isChecked() else None,
            self.date.date().toPython(),
        )

    @classmethod
    def ask(cls, parent, count, save):
        dialog = cls(count, save, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
