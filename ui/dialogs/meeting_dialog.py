"""Create a new meeting: titles, symbol prefix, place and dates, and the convention it serves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ccm_secretariat.domain.symbols import normalise_prefix
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.reference.profiles import shipped_profiles
from ccm_secretariat.services.meetings import MeetingInput
from ui.dialogs.form import FormDialog, date_edit, format_combo


def proposed_first_day(busy_until: dt.date | None, today: dt.date | None = None) -> dt.date:
    """A Monday at least eight weeks ahead (the documents go out six weeks before) and after the meetings the
    database holds already; a secretary changes it, but it is never today."""
    start = max((today or dt.date.today()) + dt.timedelta(weeks=8), (busy_until or dt.date.min) + dt.timedelta(days=1))
    return start + dt.timedelta(days=(7 - start.weekday()) % 7)


def convention_combo(current: str | None) -> QComboBox:
    """The conventions of the shipped profiles; `current` (the latest meeting's) chosen, else the first that ships
    a status list."""
    box = QComboBox()
    profiles = shipped_profiles()
    for short_name, convention in profiles.items():
        box.addItem(f"{short_name} — {convention.full_name}", short_name)
        box.setItemData(box.count() - 1, convention.entry_into_force.describe(), Qt.ItemDataRole.ToolTipRole)
    chosen = current if current in profiles else next((p.short_name for p in profiles.values() if p.status_file), None)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    box.setToolTip("The convention whose categories, headings and rules the meeting follows.")
    # The box as wide as a short entry, its list as wide as the longest (a full title is long: the CCW's).
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(32)
    box.view().setMinimumWidth(box.view().sizeHintForColumn(0))
    return box


class MeetingDialog(FormDialog):
    def __init__(
        self,
        save: Callable[[MeetingInput], object],
        parent: QWidget | None = None,
        busy_until: dt.date | None = None,
        treaty: str | None = None,
    ):
        super().__init__("New meeting", parent)
        self._save = save
        self.title_edit = QLineEdit()
        self.short = QLineEdit()
        self.short.setPlaceholderText("e.g. 14MSP")
        self.prefix = QLineEdit()
        self.venue = QLineEdit("Palais des Nations")
        self.city = QLineEdit("Geneva")
        self.body = QComboBox()
        self.body.setEditable(True)
        self.body.addItems(["Meeting", "Conference"])
        self.body.setToolTip("How the report refers to the body: “the Conference”, “the Meeting”.")
        first = proposed_first_day(busy_until)
        self.first = date_edit(first)
        self.last = date_edit(first + dt.timedelta(days=3))
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self.revalidate)
        self.format = format_combo()
        self.treaty = convention_combo(treaty)
        self.treaty.currentIndexChanged.connect(self._suggest)
        self._suggest()
        for name, label, widget in (
            ("title", "Title", self.title_edit),
            ("short_title", "Short title", self.short),
            ("symbol_prefix", "Symbol prefix", self.prefix),
            ("venue", "Venue", self.venue),
            ("city", "City", self.city),
            ("body_name", "Referred to as", self.body),
            ("first_day", "First day", self.first),
            ("last_day", "Last day", self.last),
            ("format", "Format", self.format),
            ("treaty", "Convention", self.treaty),
        ):
            self.add_field(name, label, widget)
        for edit in (self.title_edit, self.short, self.prefix):
            edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(640)
        self.revalidate()

    def _suggest(self, *_args) -> None:
        """The examples in the empty fields follow the convention chosen."""
        convention = shipped_profiles()[self.treaty.currentData()]
        self.title_edit.setPlaceholderText(
            f"e.g. Fourteenth {convention.meeting_names[0]} to the {convention.full_name}"
        )
        self.prefix.setPlaceholderText(f"e.g. {convention.short_name}/MSP/2026")

    def problems(self):
        if not self.title_edit.text().strip():
            return "title", "Give the meeting's full title."
        if not self.short.text().strip():
            return "short_title", "Give a short title (14MSP, 3RC)."
        try:
            normalise_prefix(self.prefix.text())
        except ValidationError as exc:
            return "symbol_prefix", exc.message
        if self.last.date() < self.first.date():
            return "last_day", "The last day is before the first."
        return None

    def submit(self):
        return self._save(
            MeetingInput(
                title=self.title_edit.text(),
                short_title=self.short.text(),
                symbol_prefix=self.prefix.text(),
                first_day=self.first.date().toPython(),
                last_day=self.last.date().toPython(),
                venue=self.venue.text(),
                city=self.city.text(),
                body_name=self.body.currentText(),
                format=self.format.currentData(),
                treaty=self.treaty.currentData(),
            )
        )

    @classmethod
    def ask(cls, parent, save, busy_until: dt.date | None = None, treaty: str | None = None):
        dialog = cls(save, parent, busy_until, treaty)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
