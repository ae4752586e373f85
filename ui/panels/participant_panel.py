"""The selected participant's whole record beside the members table, readable without widening a column: name,
role, function, affiliation, contact details and consent, attendance per part, the badge. Function,
affiliation, e-mail, telephone and consent are edited in place: each change is saved when the field is left,
through the same service (the same checks) and with the same undo as the dialog; Edit… opens the dialog for
the rest. The delegation's notes head the panel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ccm_secretariat.domain.enums import Attendance
from ccm_secretariat.domain.prose import un_date_time
from ccm_secretariat.errors import ConflictError, DomainError
from ccm_secretariat.services import Services
from ccm_secretariat.services.registration import ParticipantRow
from ui import colours
from ui.errors import describe
from ui.undo import UndoRecorder

EDITABLE = (("function", "Function"), ("affiliation", "Affiliation"), ("email", "E-mail"), ("phone", "Telephone"))
MODES = {Attendance.IN_PERSON: "in person", Attendance.ONLINE: "online", Attendance.ABSENT: "absent"}


class ParticipantPanel(QWidget):
    status = Signal(str)

    def __init__(
        self, services: Services, editor: UndoRecorder, after: Callable[[int], None], parent: QWidget | None = None
    ):
        """`after(delegation_id)` refreshes the members table once a change is saved or undone."""
        super().__init__(parent)
        self.services, self.editor, self._after = services, editor, after
        self.person: ParticipantRow | None = None
        self.read_only = False  # a reader's account: shown, never edited
        self.typed_over: dict[str, object] = {}  # a field being typed in when a refresh came: its value before
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("delegationNotes")
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label in EDITABLE:
            edit = QLineEdit()
            edit.editingFinished.connect(lambda name=name: self.save(name))
            self.fields[name] = edit
            form.addRow(label, edit)
        self.consent = QCheckBox("Contact details may be published")
        self.consent.toggled.connect(lambda _on: self.save("consent_to_publish"))
        form.addRow("", self.consent)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(colours.style("error"))
        self.edit_button = QPushButton("Edit everything…")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.notes)
        layout.addWidget(self.name)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.problem)
        layout.addWidget(self.edit_button)
        layout.addStretch(1)
        self.show_person(None)

    def show_person(self, person_id: int | None, notes: str = "") -> None:
        """Read the participant afresh (None: nobody selected) and show the whole record."""
        self.notes.setText(f"Delegation's notes: {notes}" if notes else "")
        self.notes.setVisible(bool(notes))
        before = self.person
        self.person = self.services.registration.participant(person_id) if person_id is not None else None
        p = self.person
        for widget in (*self.fields.values(), self.consent, self.edit_button):
            widget.setEnabled(p is not None and not self.read_only)
        self.problem.setText("")
        # A refresh never touches the field being typed in: it is left as typed, and saved when left (on the
        # record as it is now: the other desk's changes to the other fields are kept).
        typing = {
            name: getattr(before, name)
            for name, edit in self.fields.items()
            if before is not None and p is not None and before.id == p.id and edit.hasFocus() and edit.isModified()
        }
        for name, value in typing.items():  # the value when the typing began (a second refresh keeps it)
            self.typed_over.setdefault(name, value)
        if typing:
            self.problem.setText(
                "Another desk changed this record while you typed; what you are typing is kept and saved when you "
                "leave the field."
            )
        if p is None:
            self.name.setText("<i>Select a participant to see the whole record.</i>")
            self.details.setText("")
            for edit in self.fields.values():
                edit.clear()
            return
        lines = [f"<b>{escape(p.display_name)}</b>", escape(p.role.label), escape(p.function), escape(p.affiliation)]
        self.name.setText("<br>".join(line for line in lines if line))  # the whole text, wrapped
        for name, edit in self.fields.items():
            if name in typing:
                continue
            edit.blockSignals(True)
            edit.setText(getattr(p, name))
            edit.setCursorPosition(0)
            edit.blockSignals(False)
        self.consent.blockSignals(True)
        self.consent.setChecked(p.consent_to_publish)
        self.consent.blockSignals(False)
        badge = self.services.badges.record_of(p.id)
        printed = (
            f"printed {badge.times_printed} time{'s' if badge.times_printed > 1 else ''}, last "
            f"{un_date_time(badge.last_printed)}"
            if badge.last_printed
            else "not printed yet"
        )
        parts = ", ".join(f"part {n}: {MODES.get(mode, str(mode))}" for n, mode in p.attendance) or "none recorded"
        changed = f"{escape(p.changed_by)}, {un_date_time(p.changed_at)}" if p.changed_at else "—"
        self.details.setText(
            f"Gender: {escape(p.gender.value.replace('unspecified', 'not stated'))}<br>"
            f"Attendance: {escape(parts)}<br>Badge {escape(badge.code)}: {escape(printed)}<br>"
            f"Last changed: {changed}"
        )

    def set_read_only(self) -> None:
        """A reader's account: the record is shown, nothing in it can be typed or ticked."""
        self.read_only = True
        for edit in self.fields.values():
            edit.setReadOnly(True)
        for widget in (*self.fields.values(), self.consent, self.edit_button):
            widget.setEnabled(False)

    def save(self, name: str) -> None:
        """Save one field in place, on the version shown (another desk's later change is refused, and said)."""
        p = self.person
        if p is None or self.read_only:
            return
        value: object = self.consent.isChecked() if name == "consent_to_publish" else self.fields[name].text()
        if name in self.fields:
            self.fields[name].setModified(False)  # saved (or refused) now: no longer "being typed"
        if name in self.typed_over and getattr(p, name) != self.typed_over.pop(name):
            self.problem.setText(  # the other desk changed this very field: shown, nothing overwritten unknowingly
                f"While you typed, another desk changed {dict(EDITABLE).get(name, name)} to “{getattr(p, name)}”; "
                "yours was not saved. Press Enter in the field to save yours over it."
            )
            return
        if value == getattr(p, name):
            return
        reg, pid, delegation_id = self.services.registration, p.id, p.delegation_id
        changes: dict[str, Any] = {name: value}
        before, after = p.as_input(), replace(p.as_input(), **changes)
        seen = self.editor.seen(("participant", pid), p.version)
        label = dict(EDITABLE).get(name, "Consent")
        try:
            self.editor.perform_versioned(
                f"{label} of {p.family_name}",
                lambda data, version: reg.update_participant(pid, data, True, expected_version=version),
                after,
                before,
                seen,
                after=lambda: self._after(delegation_id),
            )
        except ConflictError as exc:
            self.problem.setText(describe(exc))
            return
        except DomainError as exc:  # the same checks as the dialog: the field stays as typed, with the reason
            self.problem.setText(describe(exc))
            if name in self.fields:
                self.fields[name].setStyleSheet("border: 1px solid #c00000;")
            return
        if name in self.fields:
            self.fields[name].setStyleSheet("")
        self.status.emit(f"Saved: {label.lower()} of {p.display_name}.")
