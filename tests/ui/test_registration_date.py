"""The participant dialog's registration date: typed as every date field takes dates, saved, and undone exactly
(a person with no registration date keeps none when another field is edited)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ccm_secretariat.domain.participants import ParticipantInput
from tests.ui.conftest import when_dialog
from tests.ui.test_redo_keys import setup_function, teardown_function  # noqa: F401  (no key held)
from ui.dialogs.participant_dialog import ParticipantDialog


def _open_peru_member(window, qtbot, registration_date=None):
    reg, page = window.services.registration, window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    person = reg.add_participant(peru.id, ParticipantInput("Quispe", "Luis", function="Counsellor"))
    if registration_date is not False:
        reg.update_participant(person.id, dataclasses.replace(person.as_input(), registration_date=registration_date))
    page.reload()
    page.select_delegation("Peru")
    page.select_people({person.id})
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return person.id


def _wait_for(condition) -> None:
    for _ in range(200):
        if condition():
            return
        QTest.qWait(10)
    raise AssertionError("never came")


def _press(widget, key, modifier=Qt.NoModifier) -> None:
    widget.window().activateWindow()
    _wait_for(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus()
    QTest.keyClick(widget, key, modifier)


def _type_date(dialog, typed: str) -> None:
    """Tab into the field from the one before it, type, Tab out, then Enter: as a person does."""
    dialog.activateWindow()
    _wait_for(dialog.isActiveWindow)
    dialog.consent.setFocus()
    QTest.keyClick(dialog.consent, Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.registered
    dialog.registered.selectAll()
    QTest.keyClicks(dialog.registered, typed)
    QTest.keyClick(dialog.registered, Qt.Key_Tab)
    assert dialog.registered.text() == "2 August 2026"
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Return)


def test_the_registration_date_is_typed_saved_undone_and_redone(window, qtbot):
    reg = window.services.registration
    pid = _open_peru_member(window, qtbot, dt.date(2026, 7, 30))
    seen = {}

    def change(dialog):
        seen["shown"] = dialog.registered.text()
        _type_date(dialog, "02.08.2026")

    when_dialog(ParticipantDialog, change)
    _press(window.registration.member_table, Qt.Key_F2)
    assert seen["shown"] == "30 July 2026"
    assert reg.participant(pid).registration_date == dt.date(2026, 8, 2)
    _press(window.registration.member_table, Qt.Key_Z, Qt.ControlModifier)
    assert reg.participant(pid).registration_date == dt.date(2026, 7, 30)
    window.redo_action.trigger()
    assert reg.participant(pid).registration_date == dt.date(2026, 8, 2)


def test_a_person_without_a_registration_date_keeps_none_and_gets_one_only_when_typed(window, qtbot):
    reg = window.services.registration
    pid = _open_peru_member(window, qtbot, None)
    assert reg.participant(pid).registration_date is None

    def other_field(dialog):
        assert dialog.registered.text() == ""  # shown as it is: no date
        dialog.function.setText("Minister Counsellor")
        dialog.accept()

    when_dialog(ParticipantDialog, other_field)
    _press(window.registration.member_table, Qt.Key_F2)
    row = reg.participant(pid)
    assert row.function == "Minister Counsellor" and row.registration_date is None

    when_dialog(ParticipantDialog, lambda dialog: _type_date(dialog, "2 Aug 2026"))
    _press(window.registration.member_table, Qt.Key_F2)
    assert reg.participant(pid).registration_date == dt.date(2026, 8, 2)
    window.undo_action.trigger()
    assert reg.participant(pid).registration_date is None  # exactly as before: none, not today


def test_a_participant_added_by_hand_is_registered_on_the_day_typed(window, qtbot):
    reg, page = window.services.registration, window.registration
    page.select_delegation("Peru")

    def add(dialog):
        assert dialog.registered.text() == dt.date.today().strftime("%-d %B %Y")  # today unless changed
        QTest.keyClicks(dialog.family, "Mamani")
        _type_date(dialog, "2026-08-02")

    when_dialog(ParticipantDialog, add)
    page.buttons["add_participant"].click()
    added = [p for p in reg.participants(page.selected_delegation().id) if p.family_name == "Mamani"]
    assert [p.registration_date for p in added] == [dt.date(2026, 8, 2)]
