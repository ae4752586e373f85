"""An ATT meeting in the window: every category the window names or offers is the ATT profile's (its headings,
short names, organisation categories and colours), never the CCM's words or the code's fallback labels."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QColorDialog, QLabel

from ccm_secretariat.domain.enums import Rule
from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.reference.profiles import profile
from ccm_secretariat.samples.synth import fictitious_members
from ccm_secretariat.services.meetings import MeetingInput
from tests.ui.conftest import when_dialog
from tests.ui.test_keyboard import key, press, typed
from ui.dialogs.badge_colours_dialog import BadgeColoursDialog
from ui.dialogs.category_dialog import CategoryDialog
from ui.dialogs.delegation_dialog import DelegationDialog
from ui.dialogs.new_organisation_dialog import NewOrganisationDialog
from ui.dialogs.room_print_dialog import RoomPrintDialog
from ui.dialogs.seating_dialog import SeatingDialog

ATT = profile("ATT")
RATIFIED = "States that have ratified or acceded but for which the Treaty is not yet in force"  # the ATT's words


def items(box) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


@pytest.fixture
def att(window, tmp_path):
    """The window on an ATT meeting of 17–21 August 2020: Japan a State Party, China's accession not yet in force
    (its 90 days run to 4 October), Brazil an observer State, the ICRC and the African Union."""
    services = window.services
    status = tmp_path / "att.tsv"
    status.write_text(
        "state\tsignature_date\tinstrument\tdeposit_date\n"
        "Japan\t2013-06-03\tratification\t2014-05-09\nChina\t\taccession\t2020-07-06\n",
        encoding="utf-8",
    )
    services.reference.import_status(status, "ATT")
    meeting = services.meetings.create(
        MeetingInput(
            "Sixth Conference of States Parties to the Arms Trade Treaty",
            "CSP6",
            "ATT/CSP6/2020",
            dt.date(2020, 8, 17),
            dt.date(2020, 8, 21),
            treaty="ATT",
        )
    )
    for state in ("Japan", "China", "Brazil"):
        services.registration.add_state_delegation(meeting.id, state)
    for organisation in ("ICRC", "African Union"):
        services.registration.add_organisation_delegation(meeting.id, organisation)
    window.reload_meetings(prefer=meeting.id)
    assert window.meeting.treaty == "ATT"
    return window


def test_the_category_dialog_of_an_att_meeting_offers_the_att_headings(att, qtbot):
    page = att.registration
    page.select_delegation("China")
    seen = {}

    def change(dialog: CategoryDialog):
        seen["derived"] = dialog.fields["derived"].text()
        seen["offered"] = items(dialog.category)
        dialog.category.setFocus()
        QTest.keyClick(dialog.category, Qt.Key_Up)  # from the States not yet in force up to Signatory States
        QTest.keyClick(dialog.category, Qt.Key_Tab)
        typed(dialog, "Signed before its accession; seated with the signatories at its request.")
        QTest.keyClick(dialog.focusWidget(), Qt.Key_Tab)
        seen["then"] = dialog.focusWidget().text()
        QTest.mouseClick(dialog.focusWidget(), Qt.LeftButton)

    when_dialog(CategoryDialog, change)
    press(qtbot, page.delegations, Qt.Key_F2)
    assert seen["derived"] == RATIFIED and seen["then"] == "OK"
    assert seen["offered"] == ["States Parties", "Signatory States", RATIFIED, "Other observer States"]
    china = next(d for d in page.delegation_rows if d.name == "China")
    assert china.category == "signatory" and china.override_reason.startswith("Signed before")

    page.select_delegation("International Committee of the Red Cross")

    def organisation(dialog: CategoryDialog):
        seen["organisation"] = items(dialog.category)
        dialog.discard()

    when_dialog(CategoryDialog, organisation)
    press(qtbot, page.delegations, Qt.Key_F2)
    assert seen["organisation"] == [
        "International organisations attending as observers",
        "Other organisations attending as observers",
    ]


def test_the_registration_page_counts_filters_and_heads_in_the_att_words(att):
    page = att.registration
    assert items(page.category) == ["All categories"] + [c.view for c in ATT.categories]
    counts = page.counts.text()
    for text in (
        "States Parties</b> 1",
        "Ratified, not in force</b> 1",  # shown: China is in it
        "Other observer States</b> 1",
        "International organisations</b> 1",
        "Other organisations</b> 1",
    ):
        assert text in counts, counts
    assert "Rule 1(" not in counts
    page.category.setFocus()
    for _ in range(5):  # down the list to the ATT's first organisation category
        key(page.category, Qt.Key_Down)
    assert page.category.currentText() == "International organisations attending as observers"
    assert [d.name for d in page.delegation_model.rows] == ["International Committee of the Red Cross"]
    model = page.delegation_model
    assert [model.heading_text(n) for n in model.heading_rows()] == [
        "International organisations attending as observers — 1 delegation, 0 participants"
    ]
    page.select_delegation("International Committee of the Red Cross")
    assert "(International organisations) — 0 members" in page.members_title.text()


def test_the_badge_colours_dialog_lists_the_att_categories_with_their_colours(att, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    seen = {}

    def pick(dialog: BadgeColoursDialog):
        labels = [dialog.form.labelForField(dialog.fields[c.key]).text() for c in ATT.categories]
        seen["labels"] = labels
        seen["colours"] = {k: s.text() for k, s in dialog.swatches.items()}
        seen["name"] = dialog.swatches["rule_1_2"].accessibleName()
        dialog.swatches["rule_1_3"].setFocus()
        QTest.keyClick(dialog.swatches["rule_1_3"], Qt.Key_Space)  # the colour chooser, answered #123456
        seen["chosen"] = dialog.swatches["rule_1_3"].text()
        dialog.accept()

    when_dialog(BadgeColoursDialog, pick)
    att.edit_badge_colours()
    assert seen["labels"] == [c.short for c in ATT.categories] and seen["chosen"] == "#123456"
    assert seen["colours"] == {c.key: c.colour for c in ATT.categories}  # the ATT profile's own bands
    assert seen["name"] == "International organisations attending as observers: badge colour #B22222"
    colours = att.services.badges.colours(att.meeting.id)
    assert colours["rule_1_3"] == "#123456" and colours["observer_state"] == "#F2C200"


def test_the_seating_dialog_names_the_att_categories(att):
    seen = {}

    def room(dialog: SeatingDialog):
        grid = dialog.per_category
        seen["keys"] = list(grid)
        seen["names"] = [grid[k].accessibleName() for k in grid]
        spins = list(grid.values())
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() in spins]
        grid["rule_1_2"].setFocus()
        grid["rule_1_2"].selectAll()
        typed(dialog, "3")
        key(dialog.focusWidget(), Qt.Key_Return)

    when_dialog(SeatingDialog, room)
    assert att.edit_seating()
    assert seen["keys"] == [c.key for c in ATT.categories]
    assert seen["labels"] == [c.short for c in ATT.categories]
    assert seen["names"][4] == "Seats a delegation: International organisations attending as observers"
    assert att.services.seating.plan(att.meeting.id).seats["rule_1_2"] == 3


def test_badges_of_one_att_category_are_chosen_by_its_att_heading(att, tmp_path):
    reg = att.services.registration
    rows = {d.name: d for d in reg.delegations(att.meeting.id)}
    reg.add_participant(rows["African Union"].id, ParticipantInput("Okonkwo", "Adaeze", "Ms.", "Adviser"))
    reg.add_participant(rows["Japan"].id, ParticipantInput("Tanaka", "Hiroshi", "Mr.", "Counsellor"))
    seen = {}

    def choose(dialog: RoomPrintDialog):
        seen["offered"] = items(dialog.category)
        dialog.category.setFocus()
        key(dialog.category, Qt.Key_End)  # the last: Other organisations; the choice "One category:" with it
        seen["checked"] = dialog.chosen()
        dialog.category.setFocus()
        key(dialog.category, Qt.Key_Return)

    when_dialog(RoomPrintDialog, choose)
    att.export("badges", "pdf", str(tmp_path / "badges.pdf"))
    assert seen["offered"] == [c.view for c in ATT.categories]
    assert seen["checked"] == "category"
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "badges.pdf").pages)
    assert "OKONKWO" in text and "TANAKA" not in text
    assert "OBSERVER ORGANISATION" in text and "STATE PARTY" not in text  # the ATT profile's band


def test_a_new_organisation_at_an_att_meeting_is_offered_the_att_categories(qtbot):
    dialog = NewOrganisationDialog("Control Arms Coalition", ATT)
    qtbot.addWidget(dialog)
    dialog.show()
    assert items(dialog.rule) == [
        "International organisations attending as observers",
        "Other organisations attending as observers",
    ]
    assert dialog.rule.currentText() == "Other organisations attending as observers"
    assert dialog.admits.text() == (
        "Non-governmental organisations and other institutions admitted under the rules of procedure; "
        "in accordance with the rules of procedure."
    )
    assert "1(3)" not in dialog.admits.text() and "1 (3)" not in dialog.admits.text()
    dialog.rule.setFocus()
    QTest.keyClick(dialog.rule, Qt.Key.Key_Up)
    assert dialog.admits.text().startswith("The United Nations, international and regional organisations")
    QTest.keyClick(dialog.rule, Qt.Key.Key_Return)
    value = dialog.result_value
    assert value is not None and value.rule is Rule.RULE_1_2  # stored under the ATT's first organisation category


def test_registering_an_organisation_offers_the_att_categories(att):
    page = att.registration
    seen = {}

    def register(dialog: DelegationDialog):
        seen["rules"] = items(dialog.rule)
        seen["label"] = dialog.form.labelForField(dialog.rule).text()
        dialog.discard()

    when_dialog(DelegationDialog, register)
    page.buttons["add_delegation"].click()
    assert seen["rules"] == [
        "Its usual category",
        "International organisations attending as observers",
        "Other organisations attending as observers",
    ]
    assert seen["label"] == "Attends as"


def test_an_organisation_registered_in_a_chosen_att_category_attends_in_it(att):
    """The review's finding: the window handed the CCM's rule numbers to the service, which the ATT refused."""
    page = att.registration

    def register(dialog: DelegationDialog):
        QTest.keyClick(dialog.is_org, Qt.Key_Space)
        dialog.organisation.setFocus()
        QTest.keyClicks(dialog.organisation, "UNICEF")
        dialog.rule.setFocus()
        QTest.keyClick(dialog.rule, Qt.Key_End)  # "Other organisations attending as observers"
        QTest.keyClick(dialog.rule, Qt.Key_Return)

    when_dialog(DelegationDialog, register)
    page.buttons["add_delegation"].click()
    unicef = next(d for d in att.services.registration.delegations(att.meeting.id) if "UNICEF" in d.name_with_acronym)
    heading = att.meeting.profile.category(unicef.category).view
    assert heading == "Other organisations attending as observers" and unicef.is_overridden
    assert unicef.override_reason == "Attends as “Other organisations attending as observers” at this meeting."


def test_the_check_in_page_counts_in_the_att_categories(att, qtbot):
    meeting = att.meeting
    fictitious_members(att.services, meeting.id, 10)
    people = att.services.roster.directory(meeting.id)
    att.services.badges.record_printed([p.id for p in people], "90x55")
    att.activateWindow()
    QTest.keyClick(att, Qt.Key_8, Qt.AltModifier)
    page = att.check_in
    page.day.setDate(QDate(2020, 8, 17))
    qtbot.waitUntil(lambda: page.field.hasFocus())
    shown = [page.counts.labelForField(label).text() for label in page.count_labels.values() if label.isVisibleTo(page)]
    assert shown == [
        "States Parties",
        "Signatory States",
        "Other observer States",
        "International organisations",
        "Other organisations",
    ]  # fmt: skip  (no one is in the ATT's passing category today)
    icrc = next(p for p in people if p.delegation == "International Committee of the Red Cross")
    QTest.keyClicks(page.field, att.services.badges.code(icrc.id))
    QTest.keyClick(page.field, Qt.Key_Return)
    assert page.last is not None and page.last.ok
    assert page.detail.text() == "International organisations attending as observers"
    assert page.count_labels["rule_1_2"].text() == "1"
    assert page.band.styleSheet() == "background: #B22222;"  # the ATT profile's band
