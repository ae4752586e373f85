"""Ctrl+Shift+Z redoes as Edit → Redo does: the members stay listed after the redo of an edit or a removal."""

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ccm_secretariat.domain.participants import ParticipantInput
from tests.ui.test_keyboard import press


def _peru_with_two(window):
    _release_keys()
    reg, page = window.services.registration, window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    reg.add_participant(peru.id, ParticipantInput("Quispe", "Luis"))
    reg.add_participant(peru.id, ParticipantInput("Mamani", "Rosa"))
    page.reload()
    page.select_delegation("Peru")
    return peru


def test_redo_of_an_edit_by_its_key_keeps_the_members_listed(window, qtbot):
    page = window.registration
    peru = _peru_with_two(window)
    reg = window.services.registration
    page.member_table.selectRow(0)
    person = page.selected_members()[0]
    reg.update_participant(person.id, dataclasses.replace(reg.participant(person.id).as_input(), function="Counsellor"))
    page.reload()
    page.select_delegation("Peru")
    page.member_table.selectRow(0)
    # The edit of the page itself (through the dialog's save) with undo and redo by the keys.
    from tests.ui.conftest import when_dialog
    from ui.dialogs.participant_dialog import ParticipantDialog

    def change(dialog):
        dialog.function.setText("First Secretary")
        dialog.accept()

    when_dialog(ParticipantDialog, change)
    press(qtbot, page.member_table, Qt.Key_F2)
    assert reg.participant(person.id).function == "First Secretary"
    for modifier, expected in (
        (Qt.ControlModifier, "Counsellor"),
        (Qt.ControlModifier | Qt.ShiftModifier, "First Secretary"),
    ):
        press(qtbot, page.member_table, Qt.Key_Z, modifier)
        assert reg.participant(person.id).function == expected
        assert page.selected_delegation().id == peru.id
        assert page.member_model.rowCount() == 2, [m.display_name for m in page.member_model.rows]


def test_redo_of_a_removal_by_its_key_shows_what_edit_redo_shows(window, qtbot, answer_yes):
    page = window.registration
    reg = window.services.registration
    peru = _peru_with_two(window)
    press(qtbot, page.delegations, Qt.Key_Delete)
    assert all(d.name != "Peru" for d in reg.delegations(window.meeting.id))
    shown = []
    for redo in (
        window.redo_action.trigger,
        lambda: press(qtbot, page.delegations, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier),
    ):
        press(qtbot, page.delegations, Qt.Key_Z, Qt.ControlModifier)
        assert reg.delegation(peru.id).participant_count == 2
        page.select_delegation("Peru")
        assert page.member_model.rowCount() == 2
        page.delegations.setFocus()
        redo()
        assert all(d.name != "Peru" for d in reg.delegations(window.meeting.id))
        chosen = page.selected_delegation()
        shown.append((chosen.name if chosen else None, [m.display_name for m in page.member_model.rows]))
        if chosen is not None:
            assert page.member_model.rowCount() == chosen.participant_count
    assert shown[0] == shown[1]


def _release_keys() -> None:
    """The keys' modifiers stay the application's state after a key click (an earlier test's Ctrl+Z too): a
    release with none, so that selecting a row is not a Ctrl+click."""
    from PySide6.QtTest import QTest

    for widget in QApplication.topLevelWidgets():
        QTest.keyRelease(widget, Qt.Key_Control, Qt.NoModifier)
        break


def setup_function(_function):
    _release_keys()


def teardown_function(_function):
    _release_keys()
