"""Fields that take what a secretary types (issue 19): a date typed in one piece after Tab, in any of the ways
people write it, and nothing else; a time field that Tab leaves."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from ccm_secretariat.reference.profiles import profile
from tests.ui.conftest import when_dialog
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.dialogs.plenary_dialog import PlenaryDialog


@pytest.fixture(autouse=True)
def _no_questions(answer_yes):
    """A failing test closes its dialog without a question box holding the run."""


def shown(qtbot, dialog):
    """The dialog as a person sees it: shown and the active window (so that Tab selects a field's text)."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def tab_into(dialog, before, expected) -> None:
    """Tab from `before` and check the keyboard lands in `expected`, as a person sees it."""
    before.setFocus()
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Tab)
    assert dialog.focusWidget() is expected


def new_meeting_at_its_first_day(qtbot) -> MeetingDialog:
    """A new meeting typed from its first field, Tab after each, up to its first day (Tab selects the date)."""
    dialog = shown(qtbot, MeetingDialog(lambda data: data))
    dialog.title_edit.setFocus()
    for field, typed in (
        (dialog.title_edit, "Fourteenth Meeting of States Parties"),
        (dialog.short, "14MSP"),
        (dialog.prefix, "CCM/MSP/2026"),
    ):
        assert dialog.focusWidget() is field
        QTest.keyClicks(field, typed)
        QTest.keyClick(field, Qt.Key_Tab)
        assert field.text() == typed
    for field in (dialog.venue, dialog.city, dialog.body):  # the defaults kept (Palais des Nations, Geneva)
        assert dialog.focusWidget() is field
        QTest.keyClick(field, Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.first
    return dialog


@pytest.mark.parametrize("typed", ["14 Sep 2026", "14.09.2026", "2026-09-14", "14/09/2026", "September 14, 2026"])
def test_a_date_typed_after_tab_is_the_date_typed(qtbot, typed):
    dialog = new_meeting_at_its_first_day(qtbot)
    QTest.keyClicks(dialog.focusWidget(), typed)  # Tab selected the whole date: typing replaces it
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.last  # nothing spilled into the next field
    assert dialog.first.date() == QDate(2026, 9, 14)
    assert dialog.first.text() == "14 September 2026"  # shown as the UN writes it once left
    QTest.keyClicks(dialog.focusWidget(), "17 Sep 2026")
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Return)
    assert dialog.result_value.first_day == dt.date(2026, 9, 14)
    assert dialog.result_value.last_day == dt.date(2026, 9, 17)


@pytest.mark.parametrize("typed", ["14 Sep 20", "14.09.26", "1 Jan 1752", "31/02/2026", "soon"])
def test_a_date_field_never_holds_a_date_that_was_not_typed(qtbot, typed):
    dialog = new_meeting_at_its_first_day(qtbot)
    QTest.keyClicks(dialog.focusWidget(), typed)
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Tab)
    assert not dialog.first.date().isValid()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "First day" in dialog.problem.text() and f"“{typed}” is not a date" in dialog.problem.text()
    assert dialog.first.text() == typed  # nothing silently changed
    QTest.keyClick(dialog.last, Qt.Key_Return)
    assert dialog.result_value is None and dialog.focusWidget() is dialog.first


def test_tab_leaves_a_time_field_and_reaches_the_agenda_items(qtbot):
    saved = []
    dialog = shown(qtbot, PlenaryDialog(3, dt.date(2026, 9, 14), lambda data: saved.append(data) or data))
    tab_into(dialog, dialog.date, dialog.start)
    QTest.keyClicks(dialog.focusWidget(), "09:30")
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.end  # not the start's minutes
    QTest.keyClicks(dialog.focusWidget(), "12:45")
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.items
    assert (dialog.start.time(), dialog.end.time()) == (QTime(9, 30), QTime(12, 45))
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Backtab)
    assert dialog.focusWidget() is dialog.end  # and back the same way


def test_ctrl_z_in_a_line_edit_undoes_the_last_desk_action_and_the_banner_follows(window, qtbot):
    from ccm_secretariat.samples.synth import fictitious_members
    from tests.ui.conftest import type_text

    meeting = window.meeting
    fictitious_members(window.services, meeting.id, 3)
    person = window.services.roster.directory(meeting.id)[0]
    window.services.badges.record_printed([person.id], "standard")  # only a printed badge checks in
    code = window.services.badges.code(person.id)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key_8, Qt.AltModifier)
    page = window.check_in
    page.day.setDate(QDate(2020, 11, 25))
    qtbot.waitUntil(page.field.hasFocus)
    type_text(page.field, code)
    QTest.keyClick(page.field, Qt.Key_Return)
    assert page.last.ok and page.total.text() == "<b>1</b>"
    # The focus is still in the check-in field (a line edit): Ctrl+Z is the desk's undo, as Edit → Undo.
    assert page.field.hasFocus()
    QTest.keyClick(page.field, Qt.Key_Z, Qt.ControlModifier)
    assert page.total.text() == "<b>0</b>"
    assert page.answer.text() == f"Check-in of {person.display_name} undone."  # the banner follows
    QTest.keyClick(page.field, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # and redo
    assert page.total.text() == "<b>1</b>" and page.answer.text().startswith(person.display_name)
    # Text being typed is the field's own to take back first.
    type_text(page.field, "Ab")
    QTest.keyClick(page.field, Qt.Key_Z, Qt.ControlModifier)
    assert page.field.text() == "" and page.total.text() == "<b>1</b>"
    # A day that is not one of the meeting's is refused with the meeting's dates.
    page.day.setDate(QDate(2020, 12, 25))
    type_text(page.field, code)
    QTest.keyClick(page.field, Qt.Key_Return)
    assert not page.last.ok and "25 December 2020 is not a day of" in page.answer.text()
    assert "held 25\u201327 November 2020" in page.answer.text()


def test_the_save_dialog_opens_in_the_last_folder_used(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked = []
    folder = tmp_path / "out"
    folder.mkdir()

    def save_as(_parent, _title, where, _filter):
        asked.append(where)
        return str(folder / f"list-{len(asked)}.xlsx"), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    from ui.dialogs.document_language_dialog import DocumentLanguageDialog

    for _ in range(2):
        when_dialog(DocumentLanguageDialog, lambda dialog: dialog.accept())  # the meeting's language, as offered
        window.export("participants", "xlsx")
    assert not asked[0].startswith(str(folder))
    assert asked[1].startswith(str(folder) + "/")  # the second opens where the first was saved
    assert (folder / "list-2.xlsx").exists()


def test_credentials_of_one_delegation_name_it(window):
    from ui.dialogs.credentials_dialog import CredentialsDialog

    page = window.registration
    page.select_delegation("Chile")
    when_dialog(CredentialsDialog, lambda dialog: dialog.accept())
    page.set_credentials()
    assert window.undo_stack.undoText() == "Credentials of Chile"


def test_a_state_field_waits_to_say_not_in_the_list_and_enter_takes_the_single_suggestion(qtbot, services):
    from ui.dialogs.delegation_dialog import DelegationDialog

    saved = []
    reference = services.reference
    dialog = DelegationDialog(
        reference.states(), reference.organisations(), set(), lambda *args: saved.append(args) or args, profile("CCM")
    )
    shown(qtbot, dialog)
    dialog.state.setFocus()
    QTest.keyClicks(dialog.focusWidget(), "Tuva")
    assert dialog.problem.text() == ""  # still being typed
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    popup = dialog.state.completer().popup()
    if popup.isVisible():
        QTest.keyClick(popup, Qt.Key_Escape)  # the suggestions put away
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Tab)  # left: now it says so
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=2000)
    assert dialog.problem.text() == "“Tuva” is not in the list; choose one of its entries."
    dialog.state.setFocus()
    QTest.keyClick(dialog.focusWidget(), Qt.Key_Return)  # the one suggestion left, Tuvalu
    tuvalu = next(s.id for s in reference.states() if s.name == "Tuvalu")
    assert saved == [("state", tuvalu, "", None)]


def test_a_button_that_cannot_act_is_disabled_and_says_why(window):
    page = window.registration
    page.delegations.clearSelection()
    add, erase = page.buttons["add_participant"], page.buttons["erase_participant"]
    assert not add.isEnabled() and add.toolTip() == "Select a delegation first"
    assert not erase.isEnabled() and erase.toolTip() == "Select the one participant to erase"
    page.select_delegation("Chile")
    assert add.isEnabled() and add.toolTip() == "Add a member to Chile"


def test_after_registering_a_delegation_the_keyboard_is_in_its_members(window, qtbot):
    from ui.dialogs.delegation_dialog import DelegationDialog

    def register(dialog: DelegationDialog):
        dialog.state.setCurrentIndex(dialog.state.findText("Tuvalu"))
        dialog.accept()

    page = window.registration
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_dialog(DelegationDialog, register)
    page.add_delegation()
    assert page.selected_delegation().name == "Tuvalu"
    assert window.focusWidget() is page.member_table


def test_exporting_an_empty_agenda_asks_first(qtbot, services, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ccm_secretariat.services.meetings import MeetingInput
    from ui.main_window import MainWindow
    from ui.settings import DeskSettings

    empty = services.meetings.create(
        MeetingInput(
            "An empty meeting", "EMPTY", "CCM/MSP/2030", dt.date(2030, 9, 2), dt.date(2030, 9, 4), "", "", treaty="CCM"
        )
    )
    window = MainWindow(services, DeskSettings(QSettings(str(tmp_path / "e.ini"), QSettings.IniFormat)), True)
    qtbot.addWidget(window)
    window.reload_meetings(prefer=empty.id)
    asked, saved = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: saved.append(a) or ("", ""))
    window.export("agenda", "pdf")
    window.export("programme", "docx")
    assert asked == [
        "The agenda has no item yet: the provisional agenda would be empty. Export it anyway?",
        "The programme of work has no meeting yet: the provisional programme of work would be empty. Export it anyway?",
    ]
    assert saved == []  # declined: no save dialog, nothing written
