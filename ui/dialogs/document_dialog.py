"""Add or edit a document of the register; the symbol is checked as you type."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ccm_secretariat.domain.enums import DocumentType
from ccm_secretariat.domain.symbols import parse_symbol
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.services.documents import LANGUAGES, DocumentInput, DocumentRow
from ui.dialogs.form import FormDialog, date_edit


class SymbolEdit(QLineEdit):
    """The symbol: while it holds only the meeting's prefix, the keyboard enters it after the prefix with nothing
    selected, so that the number typed first follows the prefix instead of replacing it."""

    def __init__(self, text: str, prefix: str):
        super().__init__(text)
        self._prefix = prefix

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.text() == self._prefix:
            self.end(False)


class DocumentDialog(FormDialog):
    def __init__(
        self,
        prefix: str,
        agenda_numbers: list[int],
        existing: set[str],
        save: Callable[[DocumentInput], object],
        initial: DocumentRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__("Edit document" if initial else "Add document", parent)
        self._save, self._prefix = save, prefix
        self._existing = existing - ({initial.symbol} if initial else set())
        self.symbol = SymbolEdit(initial.symbol if initial else f"{prefix}/", f"{prefix}/")
        self.kind = QLabel()
        self.title_edit = QLineEdit(initial.title if initial else "")
        # Which of the desk's own documents it is: the agenda, the report … take their symbol and date from it.
        self.doc_type = QComboBox()
        for doc_type in DocumentType:
            self.doc_type.addItem(doc_type.label, doc_type)
        self.doc_type.setCurrentIndex(self.doc_type.findData(initial.doc_type if initial else DocumentType.OTHER))
        self.dated = QCheckBox("Issued on")
        self.date = date_edit(initial.issue_date if initial else None)
        self.dated.setChecked(bool(initial and initial.issue_date))
        self.languages = {code: QCheckBox(code) for code in LANGUAGES}
        chosen = set((initial.languages if initial else "AR EN ES FR RU ZH").split())
        for code, box in self.languages.items():
            box.setChecked(code in chosen)
        self.agenda = QComboBox()
        self.agenda.addItem("—", None)
        for n in agenda_numbers:
            self.agenda.addItem(f"Item {n}", n)
        if initial and initial.agenda_item_number is not None:
            self.agenda.setCurrentIndex(self.agenda.findData(initial.agenda_item_number))
        self.submitted = QLineEdit(initial.submitted_by if initial else "")
        self.add_field("symbol", "Symbol", self.symbol)
        self.add_field("kind", "Series", self.kind)
        self.add_field("title", "Title", self.title_edit)
        self.add_field("doc_type", "Type", self.doc_type)
        self.add_field("date", "", self.dated)
        self.add_field("issue_date", "Date", self.date)
        row = QWidget()
        langs = QHBoxLayout(row)
        langs.setContentsMargins(0, 0, 0, 0)
        for box in self.languages.values():
            langs.addWidget(box)
            box.toggled.connect(self.revalidate)
        self.add_field("languages", "Languages", row)
        self.add_field("agenda_item", "Agenda item", self.agenda)
        self.add_field("submitted_by", "Submitted by", self.submitted)
        self.symbol.textChanged.connect(self.revalidate)
        self.title_edit.textChanged.connect(self.revalidate)
        self.dated.toggled.connect(self.date.setEnabled)
        self.date.setEnabled(self.dated.isChecked())
        self.setMinimumWidth(620)
        self.revalidate()

    def problems(self):
        symbol = self.symbol.text().strip()
        try:
            parts = parse_symbol(symbol, self._prefix)
        except ValidationError as exc:
            self.kind.setText("")
            return "symbol", exc.message
        self.kind.setText(parts.kind)
        if symbol in self._existing:
            return "symbol", f"{symbol} is in the register already."
        if not self.title_edit.text().strip():
            return "title", "Give the document's title."
        if not any(box.isChecked() for box in self.languages.values()):
            return "languages", "Tick at least one language."
        return None

    def submit(self):
        return self._save(
            DocumentInput(
                symbol=self.symbol.text(),
                title=self.title_edit.text(),
                issue_date=self.date.date().toPython() if self.dated.isChecked() else None,
                languages=" ".join(c for c, box in self.languages.items() if box.isChecked()),
                agenda_item_number=self.agenda.currentData(),
                submitted_by=self.submitted.text(),
                doc_type=DocumentType(self.doc_type.currentData()),
            )
        )

    @classmethod
    def ask(cls, parent, prefix, agenda_numbers, existing, save, initial=None):
        dialog = cls(prefix, agenda_numbers, existing, save, initial, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
