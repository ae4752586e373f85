"""The language of a document that asks nothing else before it is written (the agenda, the programme of work, the
list of documents, the registration workbook): the meeting's unless chosen, remembered per meeting."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.dialogs.form import FormDialog
from ui.language_box import language_box


class DocumentLanguageDialog(FormDialog):
    def __init__(self, title: str, chosen: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.language = language_box(chosen)
        self.add_field("language", "Language", self.language)
        self.setMinimumWidth(420)

    def submit(self) -> str:
        return str(self.language.currentData())

    @classmethod
    def ask(cls, parent, title: str, chosen: str) -> tuple[str | None, bool]:
        dialog = cls(title, chosen, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
