"""File → Export pack…: the folder the documents go into, typed or browsed for. It opens on a folder named after
the meeting inside the folder of the last export, and a folder that does not exist yet is created (Qt's own
folder dialog cannot make one from the keyboard, and refuses a name typed that does not exist)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ccm_secretariat.errors import ValidationError
from ui.dialogs.form import FormDialog


def proposed_folder(last_folder: str, symbol_prefix: str) -> Path:
    """`<last export folder>/<symbol> documents` ("CCM-CONF-2020 documents"), or the last folder itself when it
    is that folder already; the home folder when the last one is gone."""
    base = Path(last_folder) if last_folder and Path(last_folder).is_dir() else Path.home()
    name = re.sub(r"[^\w.-]+", "-", symbol_prefix).strip("-.") or "meeting"
    name = f"{name} documents"
    return base if base.name == name else base / name


def nearest_existing(path: Path) -> Path:
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


class PackFolderDialog(FormDialog):
    def __init__(self, proposed: Path, parent: QWidget | None = None):
        super().__init__("Export pack", parent)
        note = QLabel(
            "Every document of the meeting is written into this folder. A folder that does not exist yet is created."
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.folder = QLineEdit(str(proposed))
        self.folder.textChanged.connect(self.revalidate)
        self.folder.setAccessibleName("Folder")  # (its label is not beside it in the widget tree)
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        row = QWidget()
        beside = QHBoxLayout(row)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(self.folder, 1)
        beside.addWidget(self.browse_button)
        label = QLabel("&Folder:")
        label.setBuddy(self.folder)
        self.fields["folder"] = self.folder
        self.form.addRow(label, row)
        self.buttons.button(self.buttons.StandardButton.Ok).setText("&Write the documents")
        self.setMinimumWidth(560)
        self.folder.setFocus()
        self.revalidate()

    def chosen(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def browse(self) -> None:
        start = nearest_existing(self.chosen()) if self.folder.text().strip() else Path.home()
        folder = QFileDialog.getExistingDirectory(self, "Export pack: the folder to write in", str(start))
        if folder:
            self.folder.setText(folder)

    def problems(self):
        if not self.folder.text().strip():
            return "folder", "Give the folder to write the documents in."
        if self.chosen().exists() and not self.chosen().is_dir():
            return "folder", f"{self.chosen()} is a file, not a folder."
        return None

    def submit(self) -> Path:
        folder = self.chosen().absolute()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ValidationError(f"The folder {folder} cannot be created: {exc.strerror or exc}.", "folder") from exc
        return folder

    @classmethod
    def ask(cls, parent, proposed: Path) -> tuple[Path | None, bool]:
        dialog = cls(proposed, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
