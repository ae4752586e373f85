"""Set attendance for one part of the meeting for many participants at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from ccm_secretariat.domain.enums import Attendance
from ccm_secretariat.services.meetings import PartRow
from ui.dialogs.form import FormDialog
from ui.dialogs.participant_dialog import ATTENDANCE_LABELS


class AttendanceDialog(FormDialog):
    def __init__(
        self,
        count: int,
        parts: tuple[PartRow, ...],
        save: Callable[[int, Attendance], object],
        parent: QWidget | None = None,
    ):
        super().__init__(f"Attendance — {count} participant{'s' if count != 1 else ''}", parent)
        self._save = save
        self.part = QComboBox()
        for p in parts:
            self.part.addItem(f"Part {p.number}", p.number)
        self.mode = QComboBox()
        for mode in Attendance:
            self.mode.addItem(ATTENDANCE_LABELS[mode], mode)
        self.add_field("part", "Part of the meeting", self.part)
        self.add_field("mode", "Attendance", self.mode)

    def submit(self):
        return self._save(self.part.currentData(), self.mode.currentData())

    @classmethod
    def ask(cls, parent, count, parts, save):
        dialog = cls(count, parts, save, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
