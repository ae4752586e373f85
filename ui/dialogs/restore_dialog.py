"""File → Restore from backup: the backups of this database, newest first, with what each holds."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ccm_secretariat.storage.backups import BackupInfo


class RestoreDialog(QDialog):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        for b in backups:
            item = QListWidgetItem(b.label)
            item.setToolTip(str(b.path))
            self.list.addItem(item)
        self.backups = backups
        note = QLabel(
            "The database is replaced by the backup you choose. Its present state is backed up first, "
            "so a restore can itself be undone by restoring that backup."
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Restore")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(
            lambda row: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(row >= 0)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.list.setCurrentRow(0 if backups else -1)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(backups))
        self.list.setFocus()

    def chosen(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self.backups[row] if row >= 0 else None

    @classmethod
    def ask(cls, parent, backups: list[BackupInfo]) -> tuple[BackupInfo | None, bool]:
        dialog = cls(backups, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.chosen(), accepted and dialog.chosen() is not None
