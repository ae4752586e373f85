"""What every dialog shares: a form, a line that says what is wrong, OK enabled only when the form is valid,
and errors from the services shown next to the field they name."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ccm_secretariat.domain.enums import MeetingFormat

from ccm_secretariat.errors import DomainError
from ui.errors import describe

ERROR_STYLE = "color: #a40000;"
BAD_FIELD = "border: 1px solid #c00000;"


def date_edit(day: dt.date | QDate | None = None) -> QDateEdit:
    """A date field with a calendar, showing dates as the UN writes them (25 November 2020)."""
    edit = QDateEdit(QDate(day) if day is not None else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    return edit


def format_combo(current: MeetingFormat | None = None) -> QComboBox:
    box = QComboBox()
    for fmt in MeetingFormat:
        box.addItem(fmt.value.replace("_", " ").capitalize(), fmt)
    if current is not None:
        box.setCurrentIndex(box.findData(current))
    return box


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        self.result_value = None

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        self.fields[name] = widget
        self.form.addRow(label, widget)
        return widget

    def problems(self) -> tuple[str, str] | None:
        """(field, message) of the first thing wrong, checked as the user types; None when all is well."""
        return None

    def revalidate(self, *_args) -> None:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        found = self.problems()
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(found is None)
        if found is None:
            self.problem.setText("")
            return
        field, message = found
        self.problem.setText(message)
        if field in self.fields:
            self.fields[field].setStyleSheet(BAD_FIELD)

    def submit(self):
        """Call the service; return the value the dialog produces. A DomainError keeps the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.problems() is not None:
            self.revalidate()
            return
        try:
            self.result_value = self.submit()
        except DomainError as exc:
            self.problem.setText(describe(exc))
            if exc.field in self.fields:
                self.fields[exc.field].setStyleSheet(BAD_FIELD)
                self.fields[exc.field].setFocus()
            return
        super().accept()
