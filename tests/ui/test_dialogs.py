"""Every dialog opens, lays out and refuses what it should, before any service is called."""

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import type_text
from ui.dialogs.agenda_item_dialog import AgendaItemDialog
from ui.dialogs.attendance_dialog import AttendanceDialog
from ui.dialogs.credentials_dialog import CredentialsDialog
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.dialogs.officer_dialog import OfficerDialog
from ui.dialogs.organisation_dialog import OrganisationDialog
from ui.dialogs.part_dialog import PartDialog
from ui.dialogs.plenary_dialog import PlenaryDialog


def ok(dialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()


def never(*_args):
    raise AssertionError("the dialog must not save")


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_dialogs_validate_as_you_type(qtbot, demo_meeting):
    meeting = shown(qtbot, MeetingDialog(never))
    assert not ok(meeting) and meeting.problem.text() == ""  # no error before anything was typed
    type_text(meeting.title_edit, "Fourteenth Meeting of States Parties")
    type_text(meeting.short, "14MSP")
    type_text(meeting.prefix, "ccm msp")
    assert not ok(meeting) and "prefix" in meeting.problem.text()
    meeting.prefix.clear()
    type_text(meeting.prefix, "CCM/MSP/2026")
    assert ok(meeting)

    plenary = shown(qtbot, PlenaryDialog(1, dt.date(2020, 11, 25), never))
    plenary.end.setTime(plenary.start.time().addSecs(-60))
    assert not ok(plenary) and "end after it starts" in plenary.problem.text()

    part = shown(qtbot, PartDialog(2, never))
    part.last.setDate(part.first.date().addDays(-1))
    assert not ok(part)

    item = shown(qtbot, AgendaItemDialog({1, 2}, never))
    item.number.setValue(2)
    assert not ok(item) and "item 2 already" in item.problem.text()

    officer = shown(qtbot, OfficerDialog(["Netherlands"], never))
    assert not ok(officer)
    officer.state.setCurrentText("Netherlands")
    assert ok(officer)

    organisation = shown(qtbot, OrganisationDialog(never))
    assert not ok(organisation)

    for dialog in (CredentialsDialog(3, never), AttendanceDialog(2, demo_meeting.parts, never)):
        qtbot.addWidget(dialog)
        assert ok(dialog)


def test_the_start_up_dialog_answers_an_alt_letter_per_choice(qtbot):
    """The first start at the keyboard: Alt+N, Alt+O and Alt+D each choose one thing (the walk checks the rest)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.dialogs.start_dialog import DEMO, NEW, OPEN, StartDialog

    for key, choice in ((Qt.Key.Key_N, NEW), (Qt.Key.Key_O, OPEN), (Qt.Key.Key_D, DEMO)):
        dialog = StartDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda dialog=dialog: QApplication.activeWindow() is dialog, timeout=2000)
        QTest.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda dialog=dialog: dialog.choice is not None, timeout=2000)  # (a mnemonic clicks late)
        assert (dialog.choice, dialog.result()) == (choice, StartDialog.DialogCode.Accepted)
