"""The record panel beside the members table shows the person selected there (issue 19): after each selection
change, after Ctrl+Z of an edit and of a removal (and Ctrl+Shift+Z of the removal); nobody once that person is
gone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ccm_secretariat.domain.participants import ParticipantInput
from tests.ui.conftest import when_dialog
from tests.ui.test_keyboard import press


def _shown(page) -> int | None:
    """The panel's person, checked against the table: the one selected member, or nobody."""
    chosen = page.selected_members()
    expected = chosen[0].id if len(chosen) == 1 else None
    shown = page.panel.person.id if page.panel.person is not None else None
    assert shown == expected, f"the panel shows {shown}, the table selects {[m.id for m in chosen]}"
    if shown is None:
        assert page.panel.fields["function"].text() == ""
    return shown


def _peru(window, demo):
    page = window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    people = [
        demo.registration.add_participant(peru.id, ParticipantInput(family, given, function=function))
        for family, given, function in (("Quispe", "Luis", "Ambassador"), ("Rojas", "Ana", "Adviser"))
    ]
    window.refresh_current()
    page.select_delegation("Peru")
    return page, people


def test_the_panel_follows_the_keyboard_through_the_members(window, demo, qtbot):
    page, (quispe, rojas) = _peru(window, demo)
    press(qtbot, page.member_table, Qt.Key_Home)
    assert _shown(page) == quispe.id and page.panel.fields["function"].text() == "Ambassador"
    press(qtbot, page.member_table, Qt.Key_Down)
    assert _shown(page) == rojas.id and page.panel.fields["function"].text() == "Adviser"
    press(qtbot, page.member_table, Qt.Key_Up, Qt.ShiftModifier)  # two selected: nobody in particular
    assert _shown(page) is None
    press(qtbot, page.delegations, Qt.Key_Up)  # another delegation: its members, none selected
    assert _shown(page) is None


def test_the_panel_follows_undo_of_an_edit(window, demo, qtbot):
    from ui.dialogs.participant_dialog import ParticipantDialog

    page, (_quispe, rojas) = _peru(window, demo)
    page.member_table.selectRow(1)

    def edit(dialog: ParticipantDialog):
        dialog.function.setText("First Secretary")
        dialog.accept()

    when_dialog(ParticipantDialog, edit)
    page.edit_participant()
    assert _shown(page) == rojas.id and page.panel.fields["function"].text() == "First Secretary"
    press(qtbot, page.member_table, Qt.Key_Z, Qt.ControlModifier)
    assert demo.registration.participant(rojas.id).function == "Adviser"
    assert _shown(page) == rojas.id and page.panel.fields["function"].text() == "Adviser"


def test_the_panel_follows_undo_and_redo_of_a_removal(window, demo, qtbot, answer_yes):
    page, (_quispe, rojas) = _peru(window, demo)
    page.member_table.selectRow(1)
    press(qtbot, page.member_table, Qt.Key_Delete)
    assert _shown(page) is None and page.panel.name.text().startswith("<i>Select")
    press(qtbot, page.member_table, Qt.Key_Z, Qt.ControlModifier)  # back, and shown again
    assert demo.registration.participant(rojas.id).family_name == "Rojas"
    assert _shown(page) == rojas.id and page.panel.fields["function"].text() == "Adviser"
    press(qtbot, page.member_table, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # gone again
    assert _shown(page) is None


def test_the_panel_clears_when_undo_takes_the_delegation_away(window, demo, qtbot, answer_yes):
    page, (_quispe, _rojas) = _peru(window, demo)
    page.member_table.selectRow(0)
    press(qtbot, page.delegations, Qt.Key_Delete)  # the whole delegation removed: nobody shown
    assert _shown(page) is None
    press(qtbot, page.delegations, Qt.Key_Z, Qt.ControlModifier)
    page.select_delegation("Peru")
    page.member_table.selectRow(1)
    assert _shown(page) is not None
