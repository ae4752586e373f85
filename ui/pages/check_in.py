"""Check-in at the door: one field takes a scanned badge (the scanner types the code and Enter) or a typed name
with completion; the answer shows large (who it is and their category's colour, or why not); today's counts by
category below. Works without the mouse; Ctrl+Z takes back the last check-in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.enums import Category
from ccm_secretariat.services import Services
from ccm_secretariat.services.check_in import CheckInResult
from ccm_secretariat.services.meetings import MeetingRow
from ui import colours
from ui.dialogs.form import date_edit
from ui.undo import UndoRecorder


class CheckInPage(QWidget):
    status = Signal(str)

    def __init__(self, services: Services, editor: UndoRecorder, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.editor = services, editor
        self.meeting: MeetingRow | None = None
        self._categories: dict[int, str] = {}  # delegation -> category, read when the page is shown
        self._names: dict[str, int] = {}  # "Name — Delegation" -> participant
        self._colours: dict[str, str] = {}
        self.last: CheckInResult | None = None

        self.field = QLineEdit()
        self.field.setPlaceholderText("Scan a badge, or type a name and choose it")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.field.setFont(big)
        self.field.returnPressed.connect(self.enter)
        self.completer = QCompleter(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.field.setCompleter(self.completer)
        self.day = date_edit(dt.date.today())
        self.day.setToolTip("The day check-ins count for (today, unless you are practising)")
        self.day.dateChanged.connect(lambda _d: self.reload())

        self.band = QFrame()
        self.band.setFixedHeight(14)
        self.answer = QLabel("Ready.")
        answer_font = QFont(self.font())
        answer_font.setPointSizeF(answer_font.pointSizeF() * 2.2)
        answer_font.setBold(True)
        self.answer.setFont(answer_font)
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)

        self.counts_box = QGroupBox("Checked in on this day")
        self.counts = QFormLayout(self.counts_box)
        self.count_labels: dict[Category, QLabel] = {}
        for category in Category:
            label = QLabel("0")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.count_labels[category] = label
            self.counts.addRow(category.label, label)
        self.total = QLabel("0")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.counts.addRow("<b>Total</b>", self.total)

        top = QHBoxLayout()
        label = QLabel("&Badge or name:")
        label.setBuddy(self.field)
        top.addWidget(label)
        top.addWidget(self.field, 1)
        day_label = QLabel("Da&y:")
        day_label.setBuddy(self.day)
        top.addWidget(day_label)
        top.addWidget(self.day)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.band)
        layout.addWidget(self.answer)
        layout.addWidget(self.detail)
        self.counts_box.setMaximumWidth(520)
        row = QHBoxLayout()
        row.addWidget(self.counts_box)
        row.addStretch()
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch()

    # The meeting and its people ----------------------------------------------------------------------
    def set_meeting(self, meeting) -> None:
        self.meeting = meeting
        self._names, self._categories = {}, {}
        if meeting is not None:
            today = dt.date.today()
            inside = meeting.first_day and meeting.first_day <= today <= meeting.last_day
            self.day.setDate(QDate(today if inside or meeting.first_day is None else meeting.first_day))
        if self.isVisible():
            self.read_people()
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.read_people()  # registrations may have changed on another page
        self.reload()
        self.field.setFocus()

    def read_people(self) -> None:
        if self.meeting is None:
            return
        delegations = self.services.registration.delegations(self.meeting.id)
        self._categories = {d.id: d.category for d in delegations}
        self._colours = self.services.badges.colours(self.meeting.id)
        self._names = {}
        for p in self.services.roster.directory(self.meeting.id):
            key = f"{p.display_name} — {p.delegation}"
            self._names[key if key not in self._names else f"{key} ({p.id})"] = p.id
        self.completer.setModel(QStringListModel(list(self._names), self.completer))

    def reload(self) -> None:
        if self.meeting is None or not self.day.date().isValid():  # a day half typed counts nothing yet
            return
        if not self._categories:
            self._categories = {d.id: d.category for d in self.services.registration.delegations(self.meeting.id)}
        by_category: dict[str, int] = {}
        for delegation_id, n in self.services.check_in.day_counts(self.meeting.id, self.checking_day()).items():
            category = self._categories.get(delegation_id)
            if category is not None:
                by_category[category] = by_category.get(category, 0) + n
        for category, label in self.count_labels.items():
            label.setText(f"{by_category.get(category, 0):,}")
            row_visible = category is not Category.RATIFIED_NOT_IN_FORCE or by_category.get(category)
            label.setVisible(bool(row_visible))
            self.counts.labelForField(label).setVisible(bool(row_visible))
        self.total.setText(f"<b>{sum(by_category.values()):,}</b>")

    def checking_day(self) -> dt.date:
        return self.day.date().toPython()

    # A scan ----------------------------------------------------------------------------------------------
    def enter(self) -> None:
        text = self.field.text().strip()
        self.field.setText("")  # (not clear(): that is the field's own undo step, and Ctrl+Z is the desk's here)
        # A name chosen from the completer's list with Enter is written back into the field after this: emptied
        # again once it has been, so that the next badge scanned is not typed after it.
        QTimer.singleShot(0, lambda: self.field.setText(""))
        if not text or self.meeting is None:
            return
        if not self.day.date().isValid():
            self.show_result(None, f"Type the day the check-in counts for: {self.day.problem()}")
            return
        check_in = self.services.check_in
        meeting_id, day = self.meeting.id, self.checking_day()
        participant = self._names.get(text)
        if participant is None and not text.replace(" ", "").isdigit():
            matches = [pid for name, pid in self._names.items() if text.casefold() in name.casefold()]
            if len(matches) != 1:
                self.show_result(
                    None,
                    f"“{text}”: {'no one' if not matches else f'{len(matches)} people'} "
                    f"by that name. Type more of the name and choose it from the list.",
                )
                return
            participant = matches[0]
        result = (
            check_in.check_in(meeting_id, participant, day)
            if participant is not None
            else check_in.scan(meeting_id, text, day)
        )
        if result.ok:
            self.editor.record(
                f"Check in {result.name}",
                lambda: self._shown(check_in.check_in(meeting_id, result.participant_id, day)),
                self._undone,
                result,
                after=self.reload,
            )
        self.show_result(result)

    def _shown(self, result: CheckInResult) -> CheckInResult:
        """Redone: the banner says so again."""
        self.show_result(result)
        return result

    def _undone(self, result: CheckInResult) -> None:
        """Undone (Ctrl+Z, Edit → Undo): the banner follows, so that it never shows a check-in that is gone."""
        self.services.check_in.undo(result)
        self.show_result(None, f"Check-in of {result.name} undone.")

    def show_result(self, result: CheckInResult | None, message: str | None = None) -> None:
        self.last = result
        ok = result is not None and result.ok
        category = self._categories.get(result.delegation_id) if result is not None and result.delegation_id else None
        colour = self._colours.get(category, "#1F4E9A") if ok and category else ("#2E7D32" if ok else "#B00020")
        self.band.setStyleSheet(f"background: {colour};")
        self.answer.setText(result.message if result is not None else message)
        self.answer.setStyleSheet("" if ok else colours.style("error"))
        self.detail.setText(
            f"{Category(category).singular}"
            if ok and category
            else ("" if result is None or result.ok else result.outcome.value.capitalize())
        )
        self.status.emit(("Checked in: " if ok else "Not checked in: ") + self.answer.text())
        self.reload()
        self.field.setFocus()
