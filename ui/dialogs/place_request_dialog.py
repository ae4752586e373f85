"""Place an extension request in the decisions: the report writes there, from the request's record, its assessment,
the observations, the reporting points and the closing paragraphs (chapter IV)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.services.tracker import RequestRow
from ui.dialogs.form import FormDialog


def describe_request(r: RequestRow) -> str:
    """ "Bulgaria, Article 3: stockpile destruction, until 1 October 2022 (recommended)"."""
    return f"{r.state}, {r.label}, until {un_date(r.until)} ({r.outcome.value})"


class PlaceRequestDialog(FormDialog):
    def __init__(self, requests: Sequence[RequestRow], save: Callable[[int], object], parent: QWidget | None = None):
        super().__init__("Place a request's paragraphs", parent)
        self._save = save
        self.request = QComboBox()
        for r in requests:
            self.request.addItem(describe_request(r), r.id)
        self.add_field("request", "Extension request", self.request)
        self.setMinimumWidth(560)
        self.revalidate()
        found = self.problems()
        if found is not None:  # nothing to choose: said at once (no typing would ever bring the message)
            self.problem.setText(found[1])

    def problems(self):
        if self.request.count() == 0:
            return "request", "Every request submitted to this meeting has its place already (or none is recorded)."
        return None

    def submit(self):
        return self._save(self.request.currentData())

    @classmethod
    def ask(cls, parent, requests, save):
        dialog = cls(requests, save, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
