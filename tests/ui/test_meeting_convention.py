"""The new meeting dialog chooses the convention: typed at the keyboard, the meeting follows that convention's
profile (its categories' headings on the registration page)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import when_dialog
from tests.ui.test_keyboard import key, typed
from ui.dialogs.meeting_dialog import MeetingDialog


def test_a_new_meeting_of_the_att_is_chosen_at_the_keyboard(window, tmp_path):
    seen = {}

    def fill(dialog: MeetingDialog):
        seen["proposed"] = dialog.treaty.currentData()  # the current meeting's convention
        typed(dialog, "Sixth Conference of States Parties to the Arms Trade Treaty")
        key(dialog.focusWidget(), Qt.Key_Tab)
        typed(dialog, "CSP6")
        key(dialog.focusWidget(), Qt.Key_Tab)
        typed(dialog, "ATT/CSP6/2020")
        for _ in range(20):  # on to the Convention field, as a person tabs
            if dialog.focusWidget() is dialog.treaty:
                break
            key(dialog.focusWidget(), Qt.Key_Tab)
        seen["reached"] = dialog.focusWidget() is dialog.treaty
        typed(dialog, "ATT")
        seen["tooltip"] = dialog.treaty.itemData(dialog.treaty.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        key(dialog.focusWidget(), Qt.Key_Return)
        if dialog.isVisible():
            seen["left open"] = dialog.problem.text()
            dialog.discard()

    when_dialog(MeetingDialog, fill)
    window.new_meeting()
    assert seen["proposed"] == "CCM" and seen["reached"] and "left open" not in seen, seen
    assert seen["tooltip"].startswith("the 90th day after the deposit")
    assert window.meeting.treaty == "ATT" and window.meeting.profile.full_name == "Arms Trade Treaty"
    # The registration page heads the delegations with the ATT's headings.
    status = tmp_path / "att.tsv"
    status.write_text(
        "state\tsignature_date\tinstrument\tdeposit_date\nChina\t\taccession\t2020-07-06\n", encoding="utf-8"
    )
    window.services.reference.import_status(status, "ATT")
    window.services.registration.add_state_delegation(window.meeting.id, "China")
    window.services.registration.add_organisation_delegation(window.meeting.id, "ICRC")
    window.registration.set_meeting(window.meeting)
    model = window.registration.delegation_model
    headings = [model.heading_text(n) for n in model.heading_rows()]
    assert headings == [
        "States Parties — 1 delegation, 0 participants",  # in force for China on the meeting's first day
        "International organisations attending as observers — 1 delegation, 0 participants",
    ], headings
    # The reference page shows the ATT's status list, and each State's category at this meeting in its words.
    page = window.reference
    window.pages.setCurrentWidget(page)  # (a hidden page reads the meeting when it is shown)
    assert page.states_box.title() == "States and the status of the Arms Trade Treaty"
    china = next(n for n, s in enumerate(page.states.rows) if s.name == "China")
    shown = [page.states.data(page.states.index(china, c)) for c in range(page.states.columnCount())]
    assert shown[5] == "4 Oct 2020", shown  # in force on the 90th day after its deposit
    assert shown[-1] == "States Parties"
    japan = next(n for n, s in enumerate(page.states.rows) if s.name == "Japan")
    assert page.states.data(page.states.index(japan, page.states.columnCount() - 1)) == "Other observer States"


def test_the_examples_follow_the_convention_chosen(qtbot):
    dialog = MeetingDialog(lambda data: data, treaty="CCM")
    qtbot.addWidget(dialog)
    assert dialog.prefix.placeholderText() == "e.g. CCM/MSP/2026"
    assert "Convention on Cluster Munitions" in dialog.title_edit.placeholderText()
    dialog.treaty.setCurrentIndex(dialog.treaty.findData("TPNW"))
    assert dialog.prefix.placeholderText() == "e.g. TPNW/MSP/2026"
    assert dialog.title_edit.placeholderText() == (
        "e.g. Fourteenth Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons"
    )
