"""Add or change a record of the meeting's history: its kind first, then the fields that kind uses (the others
are hidden), each labelled as the report uses it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ccm_secretariat.domain.events import DATE_FIELDS, MAX_LENGTH, REQUIRED, EventKind, MeetingEvent
from ui.dialogs.form import DateEdit, FormDialog, field_state
from ui.focus_order import reading_order

KIND_LABELS = {
    EventKind.PROVISIONS: "The convention's provisions on its meetings",
    EventKind.CONVENED: "Decision convening the meeting",
    EventKind.DESIGNATED: "Designation of the President",
    EventKind.REQUESTED: "General Assembly request",
    EventKind.PREPARATORY: "Preparatory meeting",
    EventKind.SILENCE: "Silence procedure",
    EventKind.STATEMENT: "Statement delivered",
    EventKind.VIDEO_MESSAGE: "Video message delivered",
    EventKind.ELECTION: "Basis of the Vice-Presidents' election",
    EventKind.RULES: "Rules of procedure confirmed",
    EventKind.ADOPTED: "Report adopted",
}

# Per kind: the fields it uses, each with the label the secretary reads (the report's own terms).
FIELDS: dict[EventKind, dict[str, str]] = {
    EventKind.PROVISIONS: {"reference": "Article"},
    EventKind.CONVENED: {
        "name": "Decided at (meeting)",
        "start": "To take place from",
        "end": "to",
        "venue": "Venue",
        "circumstances": "Condition",
        "reference": "In accordance with",
    },
    EventKind.DESIGNATED: {"name": "Designated at (meeting)", "reference": "Term by", "circumstances": "The term"},
    EventKind.REQUESTED: {"reference": "Resolution", "number": "Operative paragraph", "outcome": "Requested"},
    EventKind.PREPARATORY: {
        "number": "Number (1: the First)",
        "start": "Planned on",
        "on": "Held on",
        "venue": "Place",
        "circumstances": "Why not on the planned date",
        "outcome": "Done instead that day",
    },
    EventKind.SILENCE: {
        "start": "From",
        "end": "to",
        "number": "On preparatory meeting (0: this meeting)",
        "agreed_start": "Agreed: from",
        "agreed_end": "Agreed: to",
        "flag": "Agreed the meeting's parts",
        "venue": "Venue of the parts held in person",
    },
    EventKind.STATEMENT: {"on": "On", "name": "Who", "circumstances": "In the capacity of"},
    EventKind.VIDEO_MESSAGE: {"on": "On", "name": "Who", "circumstances": "In the capacity of"},
    EventKind.ELECTION: {"circumstances": "Basis"},
    EventKind.RULES: {"reference": "Document", "flag": "mutatis mutandis"},
    EventKind.ADOPTED: {
        "number": "At plenary meeting No.",
        "on": "On",
        "name": "Adopted by (as the report names it)",
        "outcome": "What was adopted",
        "reference": "As contained in (document)",
        "flag": "as orally amended",
    },
}
LONG_TEXT = ("circumstances", "outcome")


class LongLineEdit(QPlainTextEdit):
    """A long line of text shown wrapped over three lines: Tab moves on and Enter is the dialog's OK, as in a
    line field (a sentence's circumstances hold no line breaks; pasted ones become spaces)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog's OK
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return " ".join(self.toPlainText().split())

    def setText(self, text: str) -> None:
        self.setPlainText(text)


class OptionalDateEdit(DateEdit):
    """A date that may be left empty (a meeting not held yet); a text that is not a date is still refused."""

    def problem(self) -> str | None:
        return None if not self.text().strip() else super().problem()


class EventDialog(FormDialog):
    def __init__(self, save: Callable[[MeetingEvent], object], event: MeetingEvent | None, parent: QWidget | None):
        super().__init__("Change record" if event else "Add record", parent)
        self._save = save
        self._event = event
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.add_field("kind", "Kind", self.kind)
        self.dates = {name: OptionalDateEdit(QDate()) for name in DATE_FIELDS}
        lines = {name: QLineEdit(maxLength=most) for name, most in MAX_LENGTH.items()}  # as the database holds
        self.texts: dict[str, QLineEdit | LongLineEdit] = {**lines, **{name: LongLineEdit() for name in LONG_TEXT}}
        self.number = QSpinBox()
        self.number.setRange(0, 999)
        self.flag = QCheckBox()
        self.widgets: dict[str, QWidget] = {**self.dates, **self.texts, "number": self.number, "flag": self.flag}
        for name, widget in self.widgets.items():
            self.add_field(name, name, widget)
        if event is not None:
            self._fill(event)
        self.kind.currentIndexChanged.connect(self._show_fields)
        for widget in self.widgets.values():
            for signal in ("textChanged", "valueChanged", "toggled"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(self.revalidate)
                    break
        self._show_fields()
        self.setMinimumWidth(620)

    def _fill(self, e: MeetingEvent) -> None:
        self.kind.setCurrentIndex(self.kind.findData(e.kind))
        for name, edit in self.dates.items():
            day = getattr(e, name)
            edit.setDate(QDate(day.year, day.month, day.day) if day else QDate())
        for name, text in self.texts.items():
            text.setText(getattr(e, name))
        self.number.setValue(e.number or 0)
        self.flag.setChecked(e.flag)

    def _show_fields(self, *_args) -> None:
        used = FIELDS[self.kind.currentData()]
        required = REQUIRED[self.kind.currentData()]
        for name, widget in self.widgets.items():
            self.form.setRowVisible(widget, name in used)
            widget.setEnabled(name in used)
            label = self.form.labelForField(widget)
            if name in used and isinstance(label, QLabel):
                label.setText(used[name] + (" *" if name in required else ""))
        if self.isVisible():  # Tab goes through the fields now shown, in reading order
            self.form.activate()
            reading_order(self)
        self.revalidate()

    def snapshot(self) -> tuple:
        """What OK would save: the kind and the fields it uses, as typed (a field of another kind is hidden and
        not saved, so what it holds changes nothing)."""
        used = FIELDS[self.kind.currentData()]
        return (self.kind.currentData(), *(field_state(w) for name, w in self.widgets.items() if name in used))

    def _value(self, name: str) -> Any:
        widget = self.widgets[name]
        if not widget.isEnabled():
            return None
        if name in self.dates:
            day = self.dates[name].date()
            return dt.date(day.year(), day.month(), day.day()) if day.isValid() else None
        if name in self.texts:
            return self.texts[name].text()
        return self.number.value() or None if name == "number" else self.flag.isChecked()

    def event_value(self) -> MeetingEvent:
        values = {name: self._value(name) for name in self.widgets}
        given: dict[str, Any] = {k: v for k, v in values.items() if v is not None}
        base = self._event
        kept: dict[str, Any] = {"id": base.id, "position": base.position, "version": base.version} if base else {}
        return MeetingEvent(self.kind.currentData(), **given, **kept)

    def problems(self):
        kind = self.kind.currentData()
        for name in REQUIRED[kind]:
            value = self._value(name)
            if value in (None, "") or (isinstance(value, str) and not value.strip()):
                return name, f"{FIELDS[kind][name]}: give it (a {KIND_LABELS[kind].lower()} needs it)."
        return None

    def submit(self):
        return self._save(self.event_value())

    @classmethod
    def ask(cls, parent, save, event: MeetingEvent | None = None):
        dialog = cls(save, event, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
