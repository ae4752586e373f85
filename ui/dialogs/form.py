"""What every dialog shares: a form, a line that says what is wrong, OK enabled only when the form is valid,
and errors from the services shown next to the field they name."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.errors import DomainError, NotFoundError
from ui import colours
from ui.errors import describe

BAD_FIELD = "border: 1px solid #c00000;"


_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9


def parse_typed_date(text: str) -> dt.date | None:
    """A date as people type it: "14 Sep 2026", "14 September 2026", "September 14, 2026", "14/09/2026",
    "14.09.2026" (day first, as outside the United States), "2026-09-14". None when it is not one."""
    words = re.findall(r"[A-Za-z]+|\d+", text)
    try:
        if len(words) == 3 and all(w.isdigit() for w in words):
            a, b, c = (int(w) for w in words)
            return dt.date(a, b, c) if len(words[0]) == 4 else dt.date(c, b, a)
        if len(words) == 3:
            numbers = [int(w) for w in words if w.isdigit()]
            month = next((_MONTHS.get(w.lower()) for w in words if not w.isdigit()), None)
            if month is None or len(numbers) != 2:
                return None
            day, year = sorted(numbers)  # the year is the larger number
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None


class DateEdit(QDateEdit):
    """A date field with a calendar that shows dates as the UN writes them (25 November 2020) and takes them as
    people type them (see parse_typed_date); Tab moves to the next field, not to the next part of the date."""

    def __init__(self, day: QDate):
        super().__init__(day)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMMM yyyy")

    def validate(self, text: str, pos: int):
        if parse_typed_date(text) is not None:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def dateTimeFromText(self, text: str):
        day = parse_typed_date(text)
        return super().dateTimeFromText(text) if day is None else QDateTime(QDate(day), QTime(0, 0))

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


def date_edit(day: dt.date | QDate | None = None) -> QDateEdit:
    return DateEdit(QDate(day) if day is not None else QDate.currentDate())


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
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem = QLabel()
        self.problem.setStyleSheet(colours.style("error"))  # readable on a light and a dark palette
        self.problem.setWordWrap(True)
        self.problem.setMinimumHeight(self.problem.fontMetrics().height() * 2)  # no reflow when a message appears
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self._initial: tuple | None = None
        self._tried = False
        self.gone = False  # the record edited was removed meanwhile (a NotFoundError on OK)
        self.first_field: QWidget | None = None  # where the keyboard starts, when not the first text field
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

    # The keyboard ---------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        """The keyboard starts in the first field (never on a button, where the first space would close the
        dialog and lose the form); what the form holds now is what Escape compares against."""
        super().showEvent(event)
        if self._initial is None:
            self._initial = self.snapshot()
            focused = self.focusWidget()
            if focused is None or isinstance(focused, QAbstractButton):
                first = self.first_field or next(
                    (w for w in self._field_stops() if w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus),
                    None,
                )
                if first is not None:
                    first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_stops(self):
        """Where the keyboard may start: each field but a button, or for a group of choices (Print badges'
        "Print") its choice that is checked (arrow keys move between them; space never closes the dialog)."""
        for widget in self.fields.values():
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                yield from [b for b in widget.findChildren(QRadioButton) if b.isChecked()][:1]
            elif not isinstance(widget, QAbstractButton):
                yield widget

    def snapshot(self) -> tuple:
        values = []
        for widget in self.fields.values():
            for getter in ("text", "toPlainText", "currentText", "isChecked", "date", "time", "value"):
                if hasattr(widget, getter):
                    values.append(getattr(widget, getter)())
                    break
        return tuple(values)

    @property
    def touched(self) -> bool:
        return self._initial is not None and self.snapshot() != self._initial

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(), QAbstractButton):
            self.accept()  # Enter accepts a valid form, and says what is wrong with an invalid one
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Escape or Cancel: after a question when something was typed, so that nothing is lost by a slip."""
        if (
            self.touched
            and not self.gone  # the record was removed meanwhile: nothing typed can be saved; Cancel just closes
            and QMessageBox.question(
                self,
                self.windowTitle(),
                "Discard what you typed?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (tests, and callers that have asked already)."""
        super().reject()

    def revalidate(self, *_args) -> None:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        found = self.problems()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(found is None)
        if found is None or not (self.touched or self._tried):  # no error before anything was typed
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
        self._tried = True
        found = self.problems()
        if found is not None:
            self.revalidate()
            if found[0] in self.fields:
                self.fields[found[0]].setFocus()
            return
        try:
            self.result_value = self.submit()
        except DomainError as exc:
            self.gone = isinstance(exc, NotFoundError)
            self.problem.setText(describe(exc))
            if exc.field in self.fields:
                self.fields[exc.field].setStyleSheet(BAD_FIELD)
                self.fields[exc.field].setFocus()
            return
        super().accept()
