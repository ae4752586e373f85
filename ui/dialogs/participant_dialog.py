"""Add or edit a participant: validated as you type; the service has the last word on duplicates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QWidget

from ccm_secretariat.domain.enums import SALUTATIONS, Attendance, Gender, Role
from ccm_secretariat.domain.participants import EMAIL, ParticipantInput, SameNameError
from ccm_secretariat.errors import ConflictError
from ccm_secretariat.services.meetings import PartRow
from ccm_secretariat.services.registration import ParticipantRow
from ui.dialogs.form import DateEdit, FormDialog

ATTENDANCE_LABELS = {
    None: "—",
    Attendance.IN_PERSON: "In person",
    Attendance.ONLINE: "Online",
    Attendance.ABSENT: "Absent",
}


class ParticipantDialog(FormDialog):
    def __init__(
        self,
        delegation: str,
        parts: tuple[PartRow, ...],
        save: Callable[..., object],  # (values, same_name_ok=False) -> the row saved
        initial: ParticipantRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(f"{'Edit' if initial else 'Add'} participant — {delegation}", parent)
        self._save = save
        self._shown = initial  # the record as this form last showed it (to tell this desk's changes from others')
        self.salutation = QComboBox()
        self.salutation.setEditable(True)
        self.salutation.addItems(["", *SALUTATIONS])
        self.given = QLineEdit()
        self.family = QLineEdit()
        self.function = QLineEdit()
        self.affiliation = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role)
        self.role.setCurrentIndex(self.role.findData(Role.REPRESENTATIVE))
        self.gender = QComboBox()
        for gender in Gender:
            self.gender.addItem(gender.value.capitalize() if gender != Gender.UNSPECIFIED else "Not stated", gender)
        self.gender.setCurrentIndex(self.gender.findData(Gender.UNSPECIFIED))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.consent = QCheckBox("May be printed in the list of participants")
        # Read as every date field reads dates; today for a new person, empty for a record that has none.
        self.registered = DateEdit(QDate.currentDate() if initial is None else QDate(), optional=True)
        self.add_field("salutation", "Salutation", self.salutation)
        self.add_field("given_names", "Given names", self.given)
        self.add_field("family_name", "Family name", self.family)
        self.add_field("function", "Function or title", self.function)
        self.add_field("affiliation", "Affiliation", self.affiliation)
        self.add_field("role", "Role in the delegation", self.role)
        self.add_field("gender", "Gender", self.gender)
        self.add_field("email", "E-mail", self.email)
        self.add_field("phone", "Telephone", self.phone)
        self.add_field("consent", "Contact details", self.consent)
        self.add_field("registration_date", "Registered on", self.registered)
        self.attendance: dict[int, QComboBox] = {}
        for part in parts:
            box = QComboBox()
            for mode, label in ATTENDANCE_LABELS.items():
                box.addItem(label, mode)
            self.attendance[part.number] = box
            self.add_field(f"part_{part.number}", f"Attendance, part {part.number}", box)
        if initial is not None:
            self._fill(initial)
        for widget in (self.given, self.family, self.email, self.phone):
            widget.textChanged.connect(self.revalidate)
        self.family.setFocus() if initial else self.salutation.setFocus()
        self.setMinimumWidth(520)
        self.revalidate()

    def _fill(self, p: ParticipantRow) -> None:
        self.salutation.setCurrentText(p.salutation)
        self.given.setText(p.given_names)
        self.family.setText(p.family_name)
        self.function.setText(p.function)
        self.affiliation.setText(p.affiliation)
        self.role.setCurrentIndex(self.role.findData(p.role))
        self.gender.setCurrentIndex(self.gender.findData(p.gender))
        self.email.setText(p.email)
        self.phone.setText(p.phone)
        self.consent.setChecked(p.consent_to_publish)
        self.registered.setDate(QDate(p.registration_date) if p.registration_date else QDate())
        for number, mode in p.attendance:
            if number in self.attendance:
                box = self.attendance[number]
                box.setCurrentIndex(box.findData(mode))

    def merge(self, current: ParticipantRow) -> list[str]:
        """After a refused save: show the other desk's current value in each field this desk did not change
        (marked), so that OK again applies only what this desk changed. Returns the fields taken over."""
        shown, typed = self._shown, self.value()
        self._shown = current
        if shown is None:
            return []
        setters: dict[str, Callable[[object], None]] = {
            "salutation": lambda v: self.salutation.setCurrentText(str(v)),
            "given_names": lambda v: self.given.setText(str(v)),
            "family_name": lambda v: self.family.setText(str(v)),
            "function": lambda v: self.function.setText(str(v)),
            "affiliation": lambda v: self.affiliation.setText(str(v)),
            "role": lambda v: self.role.setCurrentIndex(self.role.findData(v)),
            "gender": lambda v: self.gender.setCurrentIndex(self.gender.findData(v)),
            "email": lambda v: self.email.setText(str(v)),
            "phone": lambda v: self.phone.setText(str(v)),
            "consent_to_publish": lambda v: self.consent.setChecked(bool(v)),
            "registration_date": lambda v: self.registered.setDate(QDate(v) if isinstance(v, dt.date) else QDate()),
        }
        taken = []
        for name, put in setters.items():
            theirs, before = getattr(current, name), getattr(shown, name)
            if theirs != before and getattr(typed, name) == before:
                put(theirs)
                field = self.fields.get("consent" if name == "consent_to_publish" else name)
                if field is not None:
                    field.setStyleSheet("background: #FFF2B3;")
                    field.setToolTip("Changed at the other desk: its value now")
                taken.append(name)
        return taken

    def problems(self):
        if not self.family.text().strip():
            return "family_name", "Give the family name (as the note verbale writes it)."
        email = self.email.text().strip()
        if email and not EMAIL.match(email):
            return "email", f"“{email}” is not an e-mail address."
        if self.phone.text().strip() and not re.match(
            r"^[+0-9 ().\-/]*(\s*(ext\.?|x)\s*[0-9]+)?$", self.phone.text().strip(), re.I
        ):
            return "phone", "A telephone number has digits, spaces and + ( ) - . / only."
        return None

    def value(self) -> ParticipantInput:
        attendance = {n: box.currentData() for n, box in self.attendance.items() if box.currentData() is not None}
        day = self.registered.date()
        registered = dt.date(day.year(), day.month(), day.day()) if day.isValid() else None
        return ParticipantInput(
            family_name=self.family.text(),
            given_names=self.given.text(),
            salutation=self.salutation.currentText(),
            function=self.function.text(),
            affiliation=self.affiliation.text(),
            role=self.role.currentData(),
            email=self.email.text(),
            phone=self.phone.text(),
            gender=self.gender.currentData(),
            consent_to_publish=self.consent.isChecked(),
            attendance=attendance,
            registration_date=registered,
        )

    def submit(self):
        """Save; when someone of the same name is in the delegation already, ask whether this is a different
        person (real delegations have namesakes) before adding them."""
        try:
            return self._save(self.value())
        except ConflictError as exc:
            if isinstance(exc.current, ParticipantRow):
                self.merge(exc.current)
            raise
        except SameNameError as exc:
            answer = QMessageBox.question(
                self,
                "Same name",
                f"{exc.message}\n\nIs this a different person with the same name?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                raise
            return self._save(self.value(), True)

    @classmethod
    def ask(cls, parent, delegation: str, parts, save, initial=None):
        dialog = cls(delegation, parts, save, initial, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
