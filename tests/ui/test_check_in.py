"""The Check-in page driven as at the door: a scanner types the code and Enter, a clerk types a name and
chooses it; the answers, today's counts, Ctrl+Z. And the room's print dialogs from the window."""

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from ccm_secretariat.samples.synth import fictitious_members
from tests.ui.conftest import type_text, when_dialog
from ui.dialogs.room_print_dialog import RoomPrintDialog
from ui.dialogs.seating_dialog import SeatingDialog


def scan(page, text: str) -> None:
    """As a scanner does it: the characters as key events, then Enter."""
    type_text(page.field, text)
    QTest.keyClick(page.field, Qt.Key_Return)


def test_scans_and_names_at_the_door(window, qtbot):
    meeting = window.meeting
    fictitious_members(window.services, meeting.id, 40)
    people = window.services.roster.directory(meeting.id)
    window.services.badges.record_printed([p.id for p in people], "90x55")  # only printed badges check in
    badge_code = window.services.badges.code
    window.activateWindow()
    QTest.keyClick(window, Qt.Key_8, Qt.AltModifier)
    page = window.check_in
    assert window.pages.currentWidget() is page
    page.day.setDate(QDate(2020, 11, 25))
    qtbot.waitUntil(lambda: page.field.hasFocus())

    first = people[0]
    scan(page, badge_code(first.id))
    assert page.last.ok and page.answer.text() == f"{first.display_name} — {first.delegation}"
    assert page.total.text() == "<b>1</b>"
    scan(page, badge_code(first.id))
    assert not page.last.ok and "was checked in for 25 November 2020 (recorded on " in page.answer.text()
    scan(page, "12345678")
    assert "is not a badge code" in page.answer.text() and page.total.text() == "<b>1</b>"
    assert page.field.text() == "" and page.field.hasFocus()

    second = people[1]
    type_text(page.field, f"{second.display_name} — {second.delegation}")
    QTest.keyClick(page.field, Qt.Key_Return)
    assert page.last.ok and page.last.participant_id == second.id
    assert page.total.text() == "<b>2</b>"
    category = next(
        d.category for d in window.services.registration.delegations(meeting.id) if d.id == second.delegation_id
    )
    assert page.count_labels[category].text() != "0"

    # Ctrl+Z takes back the last check-in, and the counts follow.
    QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert page.total.text() == "<b>1</b>"
    assert window.services.check_in.counts(meeting.id, dt.date(2020, 11, 25)) in (
        {"state_party": 1},
        {category: 1},
    )
    # A day outside the meeting says so.
    page.day.setDate(QDate(2020, 12, 25))
    scan(page, badge_code(second.id))
    assert "is not a day of" in page.answer.text()


def test_badges_for_the_selected_participants_and_a_seating_plan_from_the_window(
    window, qtbot, tmp_path, answer_yes, monkeypatch
):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    meeting = window.meeting
    fictitious_members(window.services, meeting.id, 30)
    window.pages.setCurrentWidget(window.registration)  # (the overview is the first page)
    window.refresh_current()
    page = window.registration
    page.delegations.selectRow(page.delegation_model.view_row(0))  # the first delegation, under its heading
    page.member_table.selectAll()
    chosen = [p.id for p in page.selected_members()]
    assert chosen

    def choose(dialog: RoomPrintDialog):
        assert dialog.buttons_by_name["participants"].isChecked()
        dialog.accept()

    when_dialog(RoomPrintDialog, choose)
    window.export("badges", "pdf", str(tmp_path / "b.pdf"))
    assert window.services.badges.printed(meeting.id).keys() == set(chosen)

    def room(dialog: SeatingDialog):
        dialog.state.setCurrentText("Costa Rica")
        dialog.rows.setValue(6)
        dialog.accept()

    when_dialog(SeatingDialog, room)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "s.pdf"), "*.pdf"))
    window.export("seating", "pdf")
    assert window.services.seating.plan(meeting.id).first_state == "Costa Rica"
    assert "starting from Costa Rica" in " ".join(PdfReader(tmp_path / "s.pdf").pages[0].extract_text().split())


def test_badge_colours_chosen_per_meeting(window, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    from ui.dialogs.badge_colours_dialog import BadgeColoursDialog

    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))

    def pick(dialog: BadgeColoursDialog):
        dialog.swatches["observer_state"].click()
        assert dialog.swatches["observer_state"].text() == "#123456"
        dialog.accept()

    when_dialog(BadgeColoursDialog, pick)
    window.edit_badge_colours()
    colours = window.services.badges.colours(window.meeting.id)
    assert colours["observer_state"] == "#123456" and colours["state_party"] == "#1F4E9A"


def test_a_name_chosen_from_the_list_leaves_the_field_empty_for_the_next_badge(window, qtbot):
    """A clerk types part of a name, picks it from the completer's list with the arrow keys and Enter; the next
    badge scanned must not be typed after that name."""
    meeting = window.meeting
    fictitious_members(window.services, meeting.id, 5)
    people = window.services.roster.directory(meeting.id)
    window.services.badges.record_printed([p.id for p in people], "90x55")
    window.activateWindow()
    QTest.keyClick(window, Qt.Key_8, Qt.AltModifier)
    page = window.check_in
    page.day.setDate(QDate(2020, 11, 25))
    qtbot.waitUntil(lambda: page.field.hasFocus())
    person = people[2]
    type_text(page.field, person.family_name[:5])
    popup = page.completer.popup()
    page.completer.setCompletionPrefix(person.family_name[:5])
    page.completer.complete()
    qtbot.waitUntil(popup.isVisible)
    row = next(
        i
        for i in range(page.completer.completionCount())
        if page.completer.setCurrentRow(i) and person.family_name in page.completer.currentCompletion()
    )
    popup.setCurrentIndex(page.completer.completionModel().index(row, 0))
    QTest.keyClick(popup, Qt.Key_Return)
    qtbot.waitUntil(lambda: page.last is not None and page.last.ok)
    assert page.last.participant_id == person.id
    qtbot.wait(50)
    assert page.field.text() == ""
    scan(page, window.services.badges.code(people[3].id))
    assert page.last.ok and page.last.participant_id == people[3].id
