"""The keyboard first: every dialog opens with the keyboard in its first field, typing goes there, Enter
accepts a valid form, and Escape asks before it throws away what was typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from tests.ui.conftest import when_dialog
from ui.dialogs.agenda_item_dialog import AgendaItemDialog
from ui.dialogs.delegation_dialog import DelegationDialog
from ui.dialogs.document_dialog import DocumentDialog
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.dialogs.officer_dialog import OfficerDialog
from ui.dialogs.participant_dialog import ParticipantDialog


def key(widget, k, text: str = "") -> None:
    for kind in (QEvent.KeyPress, QEvent.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, k, Qt.NoModifier, text))


def typed(dialog, text: str) -> None:
    """Type at wherever the dialog's keyboard focus is, as a person does."""
    for ch in text:
        key(dialog.focusWidget(), Qt.Key_unknown, ch)


def test_a_new_meeting_typed_from_the_first_key_to_enter(window):
    seen = {}

    def fill(dialog: MeetingDialog):
        seen["focus"] = dialog.focusWidget() is dialog.title_edit
        typed(dialog, "Fourteenth Meeting of States Parties")
        key(dialog.focusWidget(), Qt.Key_Tab)
        typed(dialog, "14MSP")
        key(dialog.focusWidget(), Qt.Key_Tab)
        typed(dialog, "CCM/MSP/2026")
        key(dialog.focusWidget(), Qt.Key_Return)  # Enter accepts
        if dialog.isVisible():
            seen["left open"] = (
                dialog.problem.text(),
                dialog.title_edit.text(),
                dialog.short.text(),
                dialog.prefix.text(),
            )
            dialog.discard()

    when_dialog(MeetingDialog, fill)
    window.new_meeting()
    assert seen["focus"] and "left open" not in seen, seen
    assert window.meeting.short_title == "14MSP" and window.meeting.symbol_prefix == "CCM/MSP/2026"


OPENERS = {
    "new meeting": (MeetingDialog, lambda w: w.new_meeting()),
    "register delegation": (DelegationDialog, lambda w: w.registration.add_delegation()),
    "add participant": (
        ParticipantDialog,
        lambda w: (w.registration.select_delegation("Peru"), w.registration.add_participant()),
    ),
    "add agenda item": (AgendaItemDialog, lambda w: (w.pages.setCurrentWidget(w.agenda), w.agenda.add_item())),
    "add document": (DocumentDialog, lambda w: (w.pages.setCurrentWidget(w.documents), w.documents.add())),
    "add officer": (OfficerDialog, lambda w: (w.pages.setCurrentWidget(w.meeting_page), w.meeting_page.add_officer())),
}


@pytest.mark.parametrize("name", list(OPENERS))
def test_every_dialog_starts_in_its_first_field_and_escape_asks_first(window, monkeypatch, name):
    cls, open_it = OPENERS[name]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    seen = {}

    def act(dialog):
        focus = dialog.focusWidget()
        seen["in a field"] = focus is not None and not isinstance(focus, QAbstractButton) and dialog.isAncestorOf(focus)
        seen["no error yet"] = dialog.problem.text() == ""
        typed(dialog, "x")
        key(dialog.focusWidget(), Qt.Key_Escape)  # a slip: the dialog asks, and stays
        seen["still open"] = dialog.isVisible()
        dialog.discard()

    when_dialog(cls, act)
    open_it(window)
    assert seen == {"in a field": True, "no error yet": True, "still open": True}, seen
    assert asked == ["Discard what you typed?"]


def press(qtbot, widget, k, modifier=Qt.NoModifier) -> None:
    """A key pressed in the active window (a closed modal dialog leaves none active offscreen)."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    widget.setFocus()
    qtbot.keyClick(widget, k, modifier)


def test_each_advertised_shortcut_does_what_it_says(window, qtbot, answer_yes, monkeypatch):
    from ccm_secretariat.services.registration import ParticipantInput

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page = window.registration
    reg = window.services.registration
    # Ctrl+F: the search; Escape there clears it.
    press(qtbot, page.delegations, Qt.Key_F, Qt.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "peru")
    assert page.search.text() == "peru"
    qtbot.keyClick(page.search, Qt.Key_Escape)
    assert page.search.text() == ""
    # Delete on the delegations removes the selected one; Ctrl+Z brings it back; Ctrl+Shift+Z removes it again.
    page.select_delegation("Peru")
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    reg.add_participant(peru.id, ParticipantInput("Quispe", "Luis"))
    page.reload()
    page.select_delegation("Peru")
    press(qtbot, page.delegations, Qt.Key_Delete)
    assert all(d.name != "Peru" for d in reg.delegations(window.meeting.id))
    press(qtbot, page.delegations, Qt.Key_Z, Qt.ControlModifier)
    assert reg.delegation(peru.id).participant_count == 1
    press(qtbot, page.delegations, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert all(d.name != "Peru" for d in reg.delegations(window.meeting.id))
    press(qtbot, page.delegations, Qt.Key_Z, Qt.ControlModifier)
    page.select_delegation("Peru")
    # Insert on the delegations registers one; on the members, adds one; F2 and Enter edit a member.
    opened = []
    for table, k, cls in (
        (page.delegations, Qt.Key_Insert, DelegationDialog),
        (page.member_table, Qt.Key_Insert, ParticipantDialog),
        (page.member_table, Qt.Key_F2, ParticipantDialog),
        (page.member_table, Qt.Key_Return, ParticipantDialog),
    ):
        if table is page.member_table:
            page.member_table.selectRow(0)
            assert page.selected_delegation() is not None and page.member_model.rowCount() == 1
        when_dialog(cls, lambda d, k=k: (opened.append((k, type(d).__name__, d.windowTitle())), d.discard()))
        press(qtbot, table, k)
    assert [(k, name) for k, name, _ in opened] == [
        (Qt.Key_Insert, "DelegationDialog"),
        (Qt.Key_Insert, "ParticipantDialog"),
        (Qt.Key_F2, "ParticipantDialog"),
        (Qt.Key_Return, "ParticipantDialog"),
    ]
    assert opened[2][2].startswith("Edit participant")
    # Delete on the members removes the selected member.
    page.member_table.selectRow(0)
    press(qtbot, page.member_table, Qt.Key_Delete)
    assert reg.participants(peru.id) == []
    # Ctrl+N: a new meeting; Ctrl+I: import registrations (the file dialog, here declined).
    when_dialog(MeetingDialog, lambda d: (opened.append("meeting"), d.discard()))
    press(qtbot, page.delegations, Qt.Key_N, Qt.ControlModifier)
    assert opened[-1] == "meeting"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (opened.append("import"), ("", ""))[1])
    press(qtbot, page.delegations, Qt.Key_I, Qt.ControlModifier)
    assert opened[-1] == "import"


def test_dates_are_typed_as_people_type_them_and_tab_moves_to_the_next_field(qtbot):
    import datetime as dt

    from PySide6.QtCore import QDate

    from ui.dialogs.form import parse_typed_date
    from ui.dialogs.meeting_dialog import proposed_first_day

    for text in ("14 Sep 2026", "14 September 2026", "September 14, 2026", "14/09/2026", "14.09.2026", "2026-09-14"):
        assert parse_typed_date(text) == dt.date(2026, 9, 14), text
    assert parse_typed_date("31/02/2026") is None and parse_typed_date("soon") is None
    dialog = MeetingDialog(lambda data: data)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first.setFocus()
    dialog.first.selectAll()
    for ch in "14/09/2026":
        key(dialog.first, Qt.Key_unknown, ch)
    assert dialog.first.date() == QDate(2026, 9, 14)
    key(dialog.first, Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.last or dialog.last.isAncestorOf(dialog.focusWidget())
    # A new meeting's dates are proposed weeks ahead, on a Monday, after the meetings already held.
    first = proposed_first_day(dt.date(2027, 1, 20), today=dt.date(2026, 11, 27))
    assert first == dt.date(2027, 1, 25) and first.weekday() == 0
    assert proposed_first_day(None, today=dt.date(2026, 11, 27)) == dt.date(2027, 1, 25)


def test_escape_asks_after_only_a_tick_was_changed(window, monkeypatch):
    """A check box's text is its label and never changes: the tick is what Escape compares (the participant's
    consent, ticked with the space bar and nothing else)."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    seen = {}

    def act(dialog: ParticipantDialog):
        dialog.consent.setFocus()
        key(dialog.consent, Qt.Key_Space)
        seen["ticked"] = dialog.consent.isChecked()
        key(dialog.focusWidget(), Qt.Key_Escape)
        seen["still open"] = dialog.isVisible()
        dialog.discard()

    when_dialog(ParticipantDialog, act)
    OPENERS["add participant"][1](window)
    assert seen == {"ticked": True, "still open": True} and asked == ["Discard what you typed?"]
