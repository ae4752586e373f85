"""The registration desk driven through its real widgets and dialogs."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ccm_secretariat.domain.enums import Role
from ccm_secretariat.domain.participants import ParticipantInput
from tests.ui.conftest import type_text, when_dialog
from tests.ui.test_keyboard import key, typed
from ui.dialogs.category_dialog import CategoryDialog
from ui.dialogs.delegation_dialog import DelegationDialog
from ui.dialogs.participant_dialog import ParticipantDialog


def test_counts_per_category_are_in_view(window):
    counts = window.registration.counts.text()
    for text in (
        "States Parties</b> 60",
        "Signatory States</b> 3",
        "Other observer States</b> 13",
        "Rule 1(2) organisations</b> 6",
        "Rule 1(3) organisations</b> 6",
    ):
        assert text in counts
    assert len(window.registration.delegation_model.rows) == 88


def test_register_a_state_and_two_participants_then_undo_and_redo(window, qtbot, answer_yes):
    page = window.registration
    seen = {}

    def fill_delegation(dialog: DelegationDialog):
        dialog.state.setCurrentText("Tuvalu")
        seen["ok_enabled"] = dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
        dialog.accept()

    when_dialog(DelegationDialog, fill_delegation)
    page.buttons["add_delegation"].click()
    assert seen["ok_enabled"]
    tuvalu = next(d for d in window.services.registration.delegations(window.meeting.id) if d.name == "Tuvalu")
    assert tuvalu.category == "observer_state"
    assert page.selected_delegation().name == "Tuvalu"

    def fill_head(dialog: ParticipantDialog):
        dialog.salutation.setCurrentText("H.E. Ms.")
        type_text(dialog.given, "Talia")
        type_text(dialog.family, "Teo")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.HEAD))
        type_text(dialog.email, "talia.teo@")
        seen["bad_email"] = (dialog.problem.text(), dialog.buttons.button(QDialogButtonBox.Ok).isEnabled())
        type_text(dialog.email, "example.org")
        dialog.accept()

    when_dialog(ParticipantDialog, fill_head)
    page.buttons["add_participant"].click()
    assert "is not an e-mail address" in seen["bad_email"][0] and not seen["bad_email"][1]

    def fill_second(dialog: ParticipantDialog):
        type_text(dialog.given, "Seini")
        type_text(dialog.family, "Müller-Ōta")
        type_text(dialog.function, "Counsellor & Legal Adviser <Pacific>")
        dialog.accept()

    when_dialog(ParticipantDialog, fill_second)
    page.buttons["add_participant"].click()
    members = window.services.registration.participants(tuvalu.id)
    assert [(p.display_name, p.role) for p in members] == [
        ("H.E. Ms. Talia Teo", Role.HEAD),
        ("Seini Müller-Ōta", Role.REPRESENTATIVE),
    ]
    assert page.member_model.rowCount() == 2
    assert members[1].function == "Counsellor & Legal Adviser <Pacific>"

    window.undo_action.trigger()
    assert len(window.services.registration.participants(tuvalu.id)) == 1
    assert page.member_model.rowCount() == 1
    window.redo_action.trigger()
    assert [p.family_name for p in window.services.registration.participants(tuvalu.id)] == ["Teo", "Müller-Ōta"]
    assert window.statusBar().currentMessage() == "Redone: Add Müller-Ōta to Tuvalu"
    assert window.undo_stack.count() == 3 and window.undo_stack.index() == 3


def test_a_namesake_is_refused_unless_the_secretary_says_it_is_another_person(window, monkeypatch):
    page = window.registration
    page.select_delegation("Peru")
    messages, asked = [], []
    answer = {"value": QMessageBox.No}
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or answer["value"])

    def fill(dialog: ParticipantDialog, family="Quispe"):
        type_text(dialog.given, "Luis")
        type_text(dialog.family, family)
        dialog.accept()
        if dialog.isVisible():
            messages.append(dialog.problem.text())
            dialog.discard()

    when_dialog(ParticipantDialog, fill)
    page.buttons["add_participant"].click()
    when_dialog(ParticipantDialog, lambda d: fill(d, "QUISPE"))
    page.buttons["add_participant"].click()
    assert "is already a member of the delegation of Peru" in asked[0]
    assert messages and "already a member of the delegation of Peru" in messages[0]
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    assert len(window.services.registration.participants(peru.id)) == 1

    answer["value"] = QMessageBox.Yes  # "a different person with the same name"
    when_dialog(ParticipantDialog, lambda d: fill(d, "Quispe"))
    page.buttons["add_participant"].click()
    assert [p.family_name for p in window.services.registration.participants(peru.id)] == ["Quispe", "Quispe"]
    window.undo_action.trigger()
    assert len(window.services.registration.participants(peru.id)) == 1


def test_change_a_category_with_a_reason(window):
    page = window.registration
    page.select_delegation("Argentina")
    seen = {}

    def change(dialog: CategoryDialog):
        seen["derived"] = dialog.fields["derived"].text()
        seen["offered"] = [dialog.category.itemText(i) for i in range(dialog.category.count())]
        dialog.category.setFocus()
        key(dialog.category, Qt.Key_Up)  # from Other observer States, up past the States not yet in force
        key(dialog.category, Qt.Key_Up)
        seen["without_reason"] = (dialog.buttons.button(QDialogButtonBox.Ok).isEnabled(), dialog.problem.text())
        key(dialog.category, Qt.Key_Tab)
        typed(dialog, "Signed on the eve of the meeting; the status list is not yet updated.")
        key(dialog.focusWidget(), Qt.Key_Tab)
        key(dialog.focusWidget(), Qt.Key_Return)

    when_dialog(CategoryDialog, change)
    page.buttons["category"].click()
    assert seen["derived"] == "Other observer States"  # the CCM profile's words
    assert seen["offered"] == [
        "States Parties",
        "Signatory States",
        "States that have ratified or acceded but for which the Convention is not yet in force",
        "Other observer States",
    ]
    assert seen["without_reason"][0] is False and "Say why" in seen["without_reason"][1]
    argentina = next(d for d in page.delegation_rows if d.name == "Argentina")
    assert argentina.category == "signatory" and argentina.override_reason.startswith("Signed")
    assert "Signatory States</b> 4" in page.counts.text()
    window.undo_action.trigger()
    argentina = next(d for d in page.delegation_rows if d.name == "Argentina")
    assert argentina.category == "observer_state"


def test_search_as_you_type_ignores_accents_and_case(window, demo, demo_meeting):
    from ccm_secretariat.services.registration import ParticipantInput

    reg = demo.registration
    rows = {d.name: d for d in reg.delegations(demo_meeting.id)}
    reg.add_participant(rows["Germany"].id, ParticipantInput("Müller", "Jürgen", "Mr.", "Counsellor"))
    reg.add_participant(rows["Côte d'Ivoire"].id, ParticipantInput("Kouassi", "Awa", "Ms.", "First Secretary"))
    page = window.registration
    page.reload()
    type_text(page.search, "muller")
    assert [m.family_name for m in page.member_model.rows] == ["Müller"]
    assert [d.name for d in page.delegation_model.rows] == ["Germany"]
    page.search.clear()
    type_text(page.search, "COTE")
    assert [d.name for d in page.delegation_model.rows] == ["Côte d'Ivoire"]
    assert [m.family_name for m in page.member_model.rows] == ["Kouassi"]
    page.search.clear()
    assert len(page.delegation_model.rows) == 88


def test_undoing_a_removal_restores_the_delegation_exactly_and_older_edits_still_apply(window, answer_yes):
    from ccm_secretariat.domain.enums import CredentialsKind
    from ccm_secretariat.services.registration import ParticipantInput

    page = window.registration
    reg = window.services.registration
    swiss = next(d for d in page.delegation_rows if d.name == "Switzerland")
    reg.set_credentials([swiss.id], True, CredentialsKind.ORIGINAL)
    page.select_delegation("Switzerland")

    def fill(dialog: ParticipantDialog):
        type_text(dialog.given, "Anna")
        type_text(dialog.family, "Example")
        dialog.accept()

    when_dialog(ParticipantDialog, fill)
    page.buttons["add_participant"].click()
    (anna,) = reg.participants(swiss.id)
    page.select_delegation("Switzerland")
    page.buttons["remove_delegation"].click()
    assert all(d.name != "Switzerland" for d in reg.delegations(window.meeting.id))
    window.undo_action.trigger()  # the removal
    restored = reg.delegation(swiss.id)
    assert restored.credentials_kind == CredentialsKind.ORIGINAL and restored.participant_count == 1
    assert reg.participants(swiss.id) == [anna]  # same id, same place
    window.undo_action.trigger()  # the addition of Anna: found under her id
    assert reg.participants(swiss.id) == []
    window.redo_action.trigger()
    assert reg.participants(swiss.id) == [anna]
    reg.update_participant(anna.id, ParticipantInput("Example", "Anna", function="Counsellor"))
    assert reg.participant(anna.id).function == "Counsellor"


def test_mark_delegations_present_and_undo(window):
    from ui.dialogs.presence_dialog import PresenceDialog

    page = window.registration
    reg = window.services.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    reg.set_presence([peru.id], 1, False)
    page.reload()
    page.select_delegation("Peru")
    when_dialog(PresenceDialog, lambda d: d.accept())
    page.buttons["presence"].click()
    assert reg.delegation(peru.id).present_parts == (1,)
    window.undo_action.trigger()
    assert reg.delegation(peru.id).present_parts == ()


def test_an_edit_on_a_stale_screen_is_refused_then_applied_again_on_purpose(window, demo, answer_yes):
    """Two desks: this one opens Ana Rojas; another changes her function meanwhile. OK here says who changed
    what and saves nothing; OK again applies this desk's change over the current values, knowingly."""
    from dataclasses import replace

    from ccm_secretariat.services import open_services
    from tests.backends import location
    from ui.dialogs.participant_dialog import ParticipantDialog

    page = window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    demo.registration.add_participant(peru.id, ParticipantInput("Rojas", "Ana", function="Adviser"))
    window.refresh_current()
    page.select_delegation("Peru")
    page.member_table.selectRow(0)
    assert [p.family_name for p in page.selected_members()] == ["Rojas"]
    seen = {}

    def edit(dialog: ParticipantDialog):
        other = open_services(location(demo))  # the other desk
        person = other.registration.participants(peru.id)[0]
        other.registration.update_participant(person.id, replace(person.as_input(), function="Counsellor"))
        other.close()
        dialog.function.setText("First Secretary")
        dialog.accept()
        seen["message"] = dialog.problem.text()
        seen["open"] = dialog.isVisible()
        assert demo.registration.participants(peru.id)[0].function == "Counsellor"  # nothing overwritten
        dialog.accept()  # applied again, on purpose, over the current values

    when_dialog(ParticipantDialog, edit)
    page.edit_participant()
    assert seen["open"] and "was changed by" in seen["message"]
    assert "Function: “Adviser” → “Counsellor”" in seen["message"]
    assert demo.registration.participants(peru.id)[0].function == "First Secretary"
    # Undo puts back what this desk replaced (the other desk's value), on the version it now holds.
    window.undo_action.trigger()
    assert demo.registration.participants(peru.id)[0].function == "Counsellor"
    # An undo on a stale screen is refused too: another desk changes her again, and Redo says so.
    other = open_services(location(demo))
    person = other.registration.participants(peru.id)[0]
    other.registration.update_participant(person.id, replace(person.as_input(), function="Ambassador"))
    other.close()
    window.redo_action.trigger()
    assert "was changed by" in window.statusBar().currentMessage()
    assert demo.registration.participants(peru.id)[0].function == "Ambassador"


def test_delegations_are_grouped_under_their_category_headings(window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    page = window.registration
    model, view = page.delegation_model, page.delegations
    headings = model.heading_rows()
    assert [model.heading_text(r) for r in headings] == [
        "States Parties — 60 delegations, 0 participants",
        "Signatory States — 3 delegations, 0 participants",
        "Other observer States — 13 delegations, 0 participants",
        "Organisations attending under rule 1(2) — 6 delegations, 0 participants",
        "Organisations attending under rule 1(3) — 6 delegations, 0 participants",
    ]
    assert model.rowCount() == 88 + 5 and view.columnSpan(headings[1], 0) == model.columnCount()
    assert "Category" not in [c.header for c in model.columns]  # the heading says it once
    assert not model.flags(model.index(headings[1], 0)) & Qt.ItemFlag.ItemIsSelectable
    # The arrow keys pass over a heading: from the last State Party to the first signatory.
    last_party = headings[1] - 1
    view.setFocus()
    view.selectRow(last_party)
    view.setCurrentIndex(model.index(last_party, 0))
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert page.selected_delegation().category == "signatory"
    chosen = page.selected_delegation()
    # A search keeps the grouping and the selection; clearing it too.
    page.search.setText("a")
    assert page.selected_delegation() == chosen
    assert all(model.row(r) is None for r in model.heading_rows())
    page.search.clear()
    assert page.selected_delegation() == chosen
    # Credentials as a mark that reads in black and white.
    marks = {model.data(model.index(model.view_row(i), 2)) for i in range(len(model.rows))}
    assert marks <= {"■ original", "◧ copy", "◧ note verbale", "□ none"}


def test_the_participant_panel_shows_the_whole_record_and_edits_in_place(window, demo, demo_meeting):
    from ccm_secretariat.domain.enums import Attendance, Gender
    from ccm_secretariat.domain.participants import ParticipantInput
    from ccm_secretariat.services import open_services
    from tests.backends import location

    reg = demo.registration
    chile = next(d for d in reg.delegations(demo_meeting.id) if d.name == "Chile")
    person = reg.add_participant(
        chile.id,
        ParticipantInput(
            "Rojas Ortúzar",
            "Ana María",
            "Ms.",
            "Counsellor & Legal Adviser <Disarmament>",
            "Permanent Mission of Chile to the United Nations Office at Geneva",
            email="a.rojas@example.cl",
            gender=Gender.FEMALE,
            consent_to_publish=True,
            attendance={1: Attendance.ONLINE},
        ),
    )
    page = window.registration
    page.reload()
    page.select_delegation("Chile")
    page.member_table.selectRow(0)
    panel = page.panel
    assert panel.person.id == person.id
    assert "Ms. Ana María Rojas Ortúzar" in panel.name.text()
    assert panel.fields["function"].text() == "Counsellor & Legal Adviser <Disarmament>"  # whole, not cut off
    assert panel.fields["affiliation"].text().endswith("United Nations Office at Geneva")
    assert panel.consent.isChecked()
    assert "part 1: online" in panel.details.text() and "not printed yet" in panel.details.text()

    # In place: the function, saved when the field is left; undo puts it back.
    panel.fields["function"].setText("Minister Counsellor")
    panel.fields["function"].editingFinished.emit()
    assert reg.participant(person.id).function == "Minister Counsellor"
    assert page.selected_members()[0].id == person.id and panel.fields["function"].text() == "Minister Counsellor"
    window.undo_action.trigger()
    assert reg.participant(person.id).function == "Counsellor & Legal Adviser <Disarmament>"
    # The dialog's checks: a bad e-mail is refused with the reason, and nothing is saved.
    panel.fields["email"].setText("not-an-address")
    panel.fields["email"].editingFinished.emit()
    assert "E-mail" in panel.problem.text() and reg.participant(person.id).email == "a.rojas@example.cl"
    # Another desk changed the person meanwhile: refused, and said.
    page.member_table.selectRow(0)
    other = open_services(location(demo))
    changed = reg.participant(person.id)
    from dataclasses import replace

    other.registration.update_participant(
        person.id, replace(changed.as_input(), phone="+41 22 000 00 00"), expected_version=changed.version
    )
    other.close()
    panel.consent.setChecked(False)
    assert "was changed by" in panel.problem.text()
    assert reg.participant(person.id).consent_to_publish is True


def test_the_record_panel_never_shows_someone_the_list_does_not(window, qtbot):
    """A person open in the panel, then a search that leaves them out, or another meeting chosen: the panel is
    emptied, so typing there cannot change someone who is not on screen (found trying the desk)."""
    from ccm_secretariat.services.registration import ParticipantInput

    page, reg, meeting = window.registration, window.services.registration, window.meeting
    chile = next(d for d in reg.delegations(meeting.id) if d.name == "Chile")
    anna = reg.add_participant(chile.id, ParticipantInput("Muster", "Anna"))
    reg.add_participant(chile.id, ParticipantInput("Beispiel", "Bruno"))
    page.reload()
    page.select_delegation("Chile")
    row = next(i for i, p in enumerate(page.member_table.model_.rows) if p.id == anna.id)
    page.member_table.selectRow(row)
    assert page.panel.person is not None and page.panel.person.id == anna.id
    page.search.setText("Beispiel")
    assert page.panel.person is None or page.panel.person.id != anna.id
    page.search.setText("")
    page.set_meeting(None)
    assert page.panel.person is None


def test_a_convention_without_a_status_list_says_so_where_states_are_registered(window, qtbot):
    import datetime as dt

    from ccm_secretariat.services.meetings import MeetingInput

    page = window.registration
    assert page.no_status.isHidden()  # the CCM's status is shipped
    att = window.services.meetings.create(
        MeetingInput(
            "Sixth Conference of States Parties",
            "CSP6",
            "ATT/CSP6/2020",
            dt.date(2020, 8, 17),
            dt.date(2020, 8, 21),
            treaty="ATT",
        )  # fmt: skip
    )
    page.set_meeting(window.services.meetings.get(att.id))
    assert not page.no_status.isHidden() and "states import --treaty ATT" in page.no_status.text()
