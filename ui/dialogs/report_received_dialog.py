"""Record a transparency report received: the State, initial or the year an annual report covers, the date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from ui.dialogs.form import FormDialog, date_edit


class ReportReceivedDialog(FormDialog):
    def __init__(
        self,
        states: list[str],
        today: dt.date,
        save: Callable[[str, dt.date, int | None], object],
        parent=None,
        chosen: str | None = None,
    ):
        super().__init__("Report received", parent)
        self._save = save
        self.state = QComboBox()
        self.state.addItems(states)
        self.state.setCurrentIndex(states.index(chosen) if chosen in states else -1)  # no State by default
        self.state.currentIndexChanged.connect(self.revalidate)
        self.kind = QComboBox()
        self.kind.addItems(["Annual report", "Initial report"])
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year - 1)
        self.received = date_edit(today)
        self.add_field("state", "State", self.state)
        self.add_field("kind", "Report", self.kind)
        self.add_field("year", "Year covered", self.year)
        self.add_field("received", "Received on", self.received)
        self.kind.currentIndexChanged.connect(lambda _i: self.year.setEnabled(self.kind.currentIndex() == 0))
        self.setMinimumWidth(480)
        self.revalidate()

    def problems(self):
        if self.state.currentIndex() < 0:  # (Enter at once never records the first State's report)
            return "state", "Choose the State whose report was received."
        return None  # a report recorded already is refused by the service, named

    def year_covered(self) -> int | None:
        return self.year.value() if self.kind.currentIndex() == 0 else None

    def submit(self):
        received = cast(dt.date, self.received.date().toPython())
        return self._save(self.state.currentText(), received, self.year_covered())

    @classmethod
    def ask(cls, parent: QWidget, states: list[str], today: dt.date, save, chosen=None) -> tuple[object, bool]:
        dialog = cls(states, today, save, parent, chosen)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
