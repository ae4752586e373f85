"""The document dialog's Type and the officer dialog's Kind, chosen at the keyboard: what the report and the
meeting's documents find their register entries and officers by."""

from PySide6.QtCore import Qt

from ccm_secretariat.domain.enums import DocumentType, OfficerRole
from tests.ui.conftest import type_text, when_dialog
from ui.dialogs.document_dialog import DocumentDialog
from ui.dialogs.officer_dialog import OfficerDialog


def press(qtbot, dialog, key, times: int = 1) -> None:
    """Keys at wherever the dialog's keyboard focus is, as a person presses them."""
    for _ in range(times):
        qtbot.keyClick(dialog.focusWidget(), key)


def tab_to(qtbot, dialog, widget, limit: int = 20) -> None:
    """Tab through the dialog as a person does until `widget` has the keyboard."""
    for _ in range(limit):
        if dialog.focusWidget() is widget:
            return
        press(qtbot, dialog, Qt.Key_Tab)
    raise AssertionError(f"Tab never reached {widget}")


def test_a_document_is_registered_as_the_programme_and_undo_keeps_its_type(qtbot, window, demo, demo_meeting):
    page = window.documents
    window.pages.setCurrentWidget(page)

    def fill(dialog: DocumentDialog):
        dialog.symbol.clear()
        type_text(dialog.symbol, "CCM/CONF/2020/17")
        type_text(dialog.title_edit, "Programme de travail provisoire")
        tab_to(qtbot, dialog, dialog.doc_type)
        press(qtbot, dialog, Qt.Key_Down, 2)  # Other document → Agenda → Programme of work
        dialog.accept()

    when_dialog(DocumentDialog, fill)
    page.buttons["Add document…"].click()
    added = next(d for d in demo.documents.list(demo_meeting.id) if d.symbol == "CCM/CONF/2020/17")
    assert added.doc_type is DocumentType.PROGRAMME
    assert [page.model.columns[-1].value(d) for d in page.model.rows if d.id == added.id] == ["Programme of work"]

    agenda = next(d for d in page.model.rows if d.symbol == "CCM/CONF/2020/1")
    assert agenda.doc_type is DocumentType.AGENDA
    page.table.selectRow(page.model.rows.index(agenda))

    def retype(dialog: DocumentDialog):
        assert dialog.doc_type.currentData() == DocumentType.AGENDA
        tab_to(qtbot, dialog, dialog.doc_type)
        press(qtbot, dialog, Qt.Key_Up)
        dialog.accept()

    when_dialog(DocumentDialog, retype)
    page.edit()
    assert demo.documents.get(agenda.id).doc_type is DocumentType.OTHER
    window.undo_action.trigger()
    assert demo.documents.get(agenda.id).doc_type is DocumentType.AGENDA  # undo puts back the type too


def test_an_officer_title_in_other_words_keeps_the_kind_chosen(qtbot, window, demo, demo_meeting):
    window.pages.setCurrentWidget(window.meeting_page)

    def fill(dialog: OfficerDialog):
        dialog.role.setFocus()
        press(qtbot, dialog, Qt.Key_Down, 3)  # President → … → Secretary of the Conference
        assert dialog.kind.currentData() == OfficerRole.SECRETARY  # follows the usual title
        dialog.role.lineEdit().selectAll()
        type_text(dialog.role, "Secrétaire de la Conférence")
        type_text(dialog.name, "Ines Lutz")
        dialog.accept()

    when_dialog(OfficerDialog, fill)
    window.meeting_page.add_officer()
    officer = demo.meetings.get(demo_meeting.id).officers[-1]
    assert (officer.role, officer.name, officer.kind) == (
        "Secrétaire de la Conférence",
        "Ines Lutz",
        OfficerRole.SECRETARY,
    )


def test_a_title_typed_over_the_first_one_shown_is_another_officer_not_a_second_president(
    qtbot, window, demo, demo_meeting
):
    """The dialog opens on "President"; a new secretary types "Rapporteur" over it and presses Enter: the kind
    shown (and saved) is "Other officer", never the President's; typed exactly, a usual title sets its kind."""
    window.pages.setCurrentWidget(window.meeting_page)
    seen = {}

    def fill(dialog: OfficerDialog):
        assert (
            dialog.focusWidget() in (dialog.role, dialog.role.lineEdit()) and dialog.role.currentText() == "President"
        )
        dialog.role.lineEdit().selectAll()
        type_text(dialog.role, "Rapporteur")
        seen["kind"] = dialog.kind.currentText()
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Tab)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Tab)  # Kind, then Salutation
        type_text(dialog.focusWidget(), "Ms.")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Tab)
        type_text(dialog.focusWidget(), "Ines Lutz")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Return)
        assert not dialog.isVisible(), dialog.problem.text()

    when_dialog(OfficerDialog, fill)
    window.meeting_page.add_officer()
    assert seen == {"kind": "Other officer"}
    officer = demo.meetings.get(demo_meeting.id).officers[-1]
    assert (officer.role, officer.name, officer.kind) == ("Rapporteur", "Ines Lutz", OfficerRole.OTHER)
    assert [o.name for o in demo.meetings.get(demo_meeting.id).officers if o.kind is OfficerRole.PRESIDENT] == [
        "Félix Baumann"
    ]

    def typed_exactly(dialog: OfficerDialog):
        dialog.role.lineEdit().selectAll()
        type_text(dialog.role, "Vice-Presiden")
        assert dialog.kind.currentData() == OfficerRole.OTHER
        type_text(dialog.role, "t")
        assert dialog.kind.currentData() == OfficerRole.VICE_PRESIDENT
        seen["Vice-President"] = True
        dialog.role.lineEdit().selectAll()
        type_text(dialog.role, "Présidente")
        assert dialog.kind.currentData() == OfficerRole.VICE_PRESIDENT  # other words for the title chosen
        dialog.discard()

    when_dialog(OfficerDialog, typed_exactly)
    window.meeting_page.add_officer()
    assert seen["Vice-President"]


def test_a_kind_chosen_after_a_title_in_other_words_is_kept_while_the_title_is_typed_on(
    qtbot, window, demo, demo_meeting
):
    window.pages.setCurrentWidget(window.meeting_page)

    def fill(dialog: OfficerDialog):
        dialog.role.lineEdit().selectAll()
        type_text(dialog.role, "Présidente")
        assert dialog.kind.currentData() == OfficerRole.OTHER  # not the President's until chosen
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Tab)
        assert dialog.focusWidget() is dialog.kind
        qtbot.keyClick(dialog.kind, Qt.Key_Home)  # the first kind: President
        qtbot.keyClick(dialog.kind, Qt.Key_Tab, Qt.ShiftModifier)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_End)
        type_text(dialog.role, " de la Conférence")
        assert dialog.kind.currentData() == OfficerRole.PRESIDENT
        dialog.discard()

    when_dialog(OfficerDialog, fill)
    window.meeting_page.add_officer()
