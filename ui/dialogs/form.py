"""What every dialog shares: a form, a line that says what is wrong, OK enabled only when the form is valid,
and errors from the services shown next to the field they name."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.dates import FIRST_YEAR, parse_typed_date
from ccm_secretariat.domain.enums import MeetingFormat
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import DomainError, NotFoundError
from ui import colours
from ui.confirm import discard_confirmed
from ui.errors import describe

BAD_FIELD = "border: 1px solid #c00000;"


class DateEdit(QLineEdit):
    """A date field that takes the date as people type it ("14 Sep 2026", "14.09.2026", "2026-09-14"; see
    parse_typed_date) in one piece, shows it as the UN writes it (25 November 2020) once left, and opens a
    calendar with Alt+Down or its button. It never holds a date that was not typed or chosen: while the text is
    not a date, `date()` is an invalid QDate and `problem()` says why; Tab always moves to the next field."""

    def __init__(self, day: QDate, optional: bool = False):
        super().__init__()
        self._date = QDate()
        self.optional = optional  # may be left empty (no date), as a record without one is shown
        self.setPlaceholderText("14 Sep 2026")
        self.setToolTip("Type the date as you write it: 14 Sep 2026, 14.09.2026 or 2026-09-14 (Alt+Down: calendar)")
        pick = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown), QLineEdit.ActionPosition.TrailingPosition
        )
        pick.setToolTip("Choose the date on a calendar (Alt+Down)")
        pick.triggered.connect(self.show_calendar)
        self.textChanged.connect(self._typed)  # first, so that every other listener reads the new date
        self.editingFinished.connect(self._tidy)
        self.setDate(day)

    @property
    def dateChanged(self):
        """The text's own signal: the date changes only with the text. (A Python-declared Signal is avoided:
        each emit of one drops a reference to True with PySide6 6.12, and enough of them crash the program.)"""
        return self.textChanged

    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, day: QDate) -> None:
        self._set(QDate(day) if day.isValid() and day.year() >= FIRST_YEAR else QDate())
        day = self._date
        self.setText(un_date(dt.date(day.year(), day.month(), day.day())) if day.isValid() else "")

    def problem(self) -> str | None:
        """What is wrong with the text, or None when it is a date."""
        if self._date.isValid():
            return None
        text = self.text().strip()
        if not text:
            return None if self.optional else "type a date, such as 14 Sep 2026."
        return f"“{text}” is not a date: type it as 14 Sep 2026, 14.09.2026 or 2026-09-14 (a year from 1900)."

    def _set(self, day: QDate) -> None:
        self._date = day

    def _typed(self, text: str) -> None:
        found = parse_typed_date(text)
        self._set(QDate(found) if found is not None else QDate())

    def _tidy(self) -> None:
        if self._date.isValid():
            self.setDate(self._date)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        popup = QCalendarWidget(self)
        popup.setWindowFlags(Qt.WindowType.Popup)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.setMinimumDate(QDate(1900, 1, 1))
        if self._date.isValid():
            popup.setSelectedDate(self._date)

        def chosen(day: QDate) -> None:
            self.setDate(day)
            popup.close()
            self.setFocus()

        popup.activated.connect(chosen)
        popup.clicked.connect(chosen)
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        popup.setFocus()


def field_state(widget: QWidget) -> object:
    """What one field holds, as a person sees it: a check box's tick (its text is only its label), a field's
    text, a list's choice, or a row of ticks or choices (a document's languages) as each of them."""
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    for getter in ("text", "toPlainText", "currentText", "date", "time", "value"):
        if hasattr(widget, getter):
            return getattr(widget, getter)()
    return tuple(b.isChecked() for b in widget.findChildren(QAbstractButton) if b.isCheckable())


def date_edit(day: dt.date | QDate | None = None) -> DateEdit:
    return DateEdit(QDate(day) if day is not None else QDate.currentDate())


class TimeEdit(QTimeEdit):
    """A time field (10:00): typed as "10:00" or "1000"; Tab leaves it, rather than walking hour -> minute."""

    def __init__(self, time: QTime):
        super().__init__(time)
        self.setDisplayFormat("HH:mm")

    def event(self, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)  # the next field, not the minutes
            return True
        return super().event(event)


def time_edit(time: dt.time | QTime) -> TimeEdit:
    return TimeEdit(time if isinstance(time, QTime) else QTime(time.hour, time.minute))


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
        if isinstance(widget, DateEdit):
            widget.dateChanged.connect(self.revalidate)
        return widget

    def problems(self) -> tuple[str, str] | None:
        """(field, message) of the first thing wrong, checked as the user types; None when all is well."""
        return None

    def _problems(self) -> tuple[str, str] | None:
        """A date field that holds no date first (whatever the dialog checks), then the dialog's own checks."""
        for name, widget in self.fields.items():
            if isinstance(widget, DateEdit) and widget.isEnabled() and widget.problem():
                label = self.form.labelForField(widget)
                said = label.text().replace("&", "") if isinstance(label, QLabel) and label.text() else name
                return name, f"{said}: {widget.problem()}"
        return self.problems()

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
        """What the form holds (Escape asks when it differs from what the dialog opened with)."""
        return tuple(field_state(widget) for widget in self.fields.values())

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
            and not discard_confirmed(self, "Discard what you typed?")
        ):
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (tests, and callers that have asked already)."""
        super().reject()

    def revalidate(self, *_args) -> None:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        found = self._problems()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(found is None)
        if found is None or not (self.touched or self._tried):  # no error before anything was typed
            self.problem.setText("")
            return
        field, message = found
        self.problem.setText(message)
        if field in self.fields and message:  # no message yet (a field still being typed): no red either
            self.fields[field].setStyleSheet(BAD_FIELD)

    def submit(self):
        """Call the service; return the value the dialog produces. A DomainError keeps the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        self._tried = True
        found = self._problems()
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
