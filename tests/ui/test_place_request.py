"""Chapter IV from the tracker's records by the secretary's own hand: an extension request placed in the decisions
from the Decisions page; the report writes its paragraphs there; a request has one place."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.report.builder import build_report
from tests.ui.conftest import when_dialog
from ui.dialogs.place_request_dialog import PlaceRequestDialog


def _assessments(services, meeting_id) -> list[str]:
    return [p.text for p in build_report(services, meeting_id).paragraphs() if "assessed the request" in p.text]


def test_a_request_removed_from_the_decisions_is_placed_again_from_the_page(window, qtbot, monkeypatch):
    services, meeting = window.services, window.meeting
    page = window.decisions
    window.pages.setCurrentWidget(page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    bulgaria = next(i for i, d in enumerate(page.model.rows) if d.request_id is not None)
    page.table.selectRow(bulgaria)
    page.buttons["Remove"].click()
    assert len(_assessments(services, meeting.id)) == 4
    page.table.selectRow(bulgaria - 1)  # after the paragraph before it, where it was

    def choose(dialog: PlaceRequestDialog):
        texts = [dialog.request.itemText(i) for i in range(dialog.request.count())]
        assert texts == ["Bulgaria, Article 3: stockpile destruction, until 1 October 2022 (recommended)"]
        dialog.request.setFocus()
        qtbot.keyClick(dialog.request, Qt.Key_Return)

    when_dialog(PlaceRequestDialog, choose)
    page.buttons["Place a request…"].click()
    assessments = _assessments(services, meeting.id)
    assert len(assessments) == 5 and "submitted by Bulgaria" in assessments[0]
    texts = [p.text for p in build_report(services, meeting.id).paragraphs()]
    assert texts.index(assessments[0]) == 28  # the seed's paragraph 29 again


def test_a_request_has_one_place_and_belongs_to_the_meetings_convention(demo, demo_meeting):
    placed = next(d for d in demo.agenda.decisions(demo_meeting.id) if d.request_id is not None)
    with pytest.raises(DuplicateError) as twice:
        demo.agenda.add_decision(demo_meeting.id, "", request_id=placed.request_id)
    assert "paragraph" in twice.value.message
    with pytest.raises(ValidationError):
        demo.agenda.add_decision(demo_meeting.id, "", request_id=99999)


def test_with_every_request_placed_the_dialog_says_so_at_once(window, qtbot):
    """The demo's five requests all have their place: the dialog opens on an empty list, and says why at once
    (OK stays disabled; before, nothing said so until Enter was pressed)."""
    from tests.ui.test_keyboard import press

    page = window.decisions
    qtbot.keyClick(window, Qt.Key_6, Qt.AltModifier)
    seen = {}

    def look(dialog: PlaceRequestDialog):
        seen["said"] = dialog.problem.text()
        seen["count"] = dialog.request.count()
        QApplication.processEvents()
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key_Escape)  # nothing chosen: closes without asking
        seen["closed"] = not dialog.isVisible()
        if dialog.isVisible():
            dialog.discard()

    when_dialog(PlaceRequestDialog, look)
    press(qtbot, page.buttons["Place a request…"], Qt.Key_Space)
    assert seen == {
        "said": "Every request submitted to this meeting has its place already (or none is recorded).",
        "count": 0,
        "closed": True,
    }
