"""The options of the list of participants: the day it is as at, provisional or final, its symbol, family names in
capitals and its language. Remembered per meeting, so that a list is issued again as it was."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from ccm_secretariat.documents.options import ParticipantsOptions
from ui.dialogs.form import FormDialog, date_edit
from ui.language_box import language_box


class ListOptionsDialog(FormDialog):
    def __init__(self, prefix: str, remembered: dict, language: str = "en", parent: QWidget | None = None):
        super().__init__("List of participants", parent)
        day = remembered.get("date")
        self.date = date_edit(dt.date.fromisoformat(day) if day else dt.date.today())
        self.provisional = QCheckBox("A provisional list (issued before the meeting ends)")
        self.provisional.setChecked(bool(remembered.get("provisional", False)))
        self.symbol = QLineEdit(remembered.get("symbol", ""))
        self.symbol.setPlaceholderText(f"e.g. {prefix}/INF.1 (final) or {prefix}/MISC.1 (provisional)")
        self.capitals = QComboBox()
        for label, value in (("As the meeting's settings say", None), ("In capitals", True), ("As typed", False)):
            self.capitals.addItem(label, value)
        self.capitals.setCurrentIndex(self.capitals.findData(remembered.get("capitals")))
        self.add_field("date", "As at", self.date)
        self.add_field("provisional", "", self.provisional)
        self.add_field("symbol", "Symbol", self.symbol)
        self.add_field("capitals", "Family names", self.capitals)
        self.language = language_box(language)
        self.add_field("language", "Language", self.language)
        self.setMinimumWidth(560)

    def submit(self) -> ParticipantsOptions:
        return ParticipantsOptions(
            date=self.date.date().toPython(),
            provisional=self.provisional.isChecked(),
            symbol=self.symbol.text().strip() or None,
            capitals=self.capitals.currentData(),
            language=self.language.currentData(),
        )

    @staticmethod
    def to_settings(options: ParticipantsOptions) -> dict:
        return {
            "date": options.date.isoformat() if options.date else "",
            "provisional": options.provisional,
            "symbol": options.symbol or "",
            "capitals": options.capitals,
        }

    @staticmethod
    def from_settings(remembered: dict, language: str | None = None) -> ParticipantsOptions:
        """The options last chosen for this meeting's list (the print preview uses them without asking), in
        `language` (None: the meeting's)."""
        day = remembered.get("date")
        return ParticipantsOptions(
            date=dt.date.fromisoformat(day) if day else None,
            provisional=bool(remembered.get("provisional", False)),
            symbol=remembered.get("symbol") or None,
            capitals=remembered.get("capitals"),
            language=language,
        )

    @classmethod
    def ask(
        cls, parent, prefix: str, remembered: dict, language: str = "en"
    ) -> tuple[ParticipantsOptions | None, bool]:
        dialog = cls(prefix, remembered, language, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
