"""Issue 19, in the window: an Indico-style file (Affiliation and Country, no Delegation column). The file's
d/m dates are asked about once; the preview shows every row's affiliation, the delegation it joins and how that
was decided; an unknown organisation is asked about, and the secretary puts it with its country."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ccm_secretariat.imports.plan import Finding
from tests.ui.conftest import when_dialog
from ui.dialogs.import_mapping_dialog import MappingDialog
from ui.dialogs.import_preview_dialog import COLUMNS, ImportPreviewDialog

CSV = """First Name,Last Name,Email,Affiliation,Country,Registration date
Ida,Watch,ida@example.org,Human Rights Watch,United States,02/08/2026
Ian,Cross,ian@example.org,ICRC,Switzerland,03/08/2026
Pedro,Ministry,pedro@example.org,Ministry of Foreign Affairs of Peru,Switzerland,03/08/2026
Ola,Nordmann,ola@example.org,,Norway,04/08/2026
Lena,Survivor,lena@example.org,Landmine Survivors Network,Belgium,04/08/2026
Leo,Survivor,leo@example.org,Landmine Survivors Network,Belgium,05/08/2026
"""


def test_the_preview_says_where_each_row_goes_and_asks_about_an_unknown_organisation(window, tmp_path, monkeypatch):
    path = tmp_path / "indico.csv"
    path.write_text(CSV, encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)  # no report
    services, meeting = window.services, window.meeting
    seen = {}

    def dates(box: QMessageBox):
        seen["question"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        next(b for b in box.buttons() if b.text() == "8 February 2026").click()  # the file is month first

    def preview(dialog: ImportPreviewDialog):
        headers = [dialog.model.headerData(i, Qt.Horizontal) for i in range(len(COLUMNS))]
        assert headers[5:8] == ["Affiliation", "Delegation", "Decided by"]
        model = dialog.model
        shown = {
            model.data(model.index(i, 3)): tuple(model.data(model.index(i, c)) for c in (5, 6, 7))
            for i in range(model.rowCount())
        }
        seen["shown"] = shown
        lena = next(i for i, r in enumerate(model.rows) if r.given == "Lena")
        dialog.table.selectRow(lena)
        seen["unknown"] = (model.rows[lena].finding, dialog.country_button.isEnabled())
        dialog.country_button.click()  # both rows of the same affiliation go with Belgium
        seen["after"] = {r.given: (r.delegation, r.decided_by.value) for r in dialog.plan.rows}
        dialog.accept()

    when_dialog(MappingDialog, lambda d: d.accept())
    when_dialog(QMessageBox, dates)
    when_dialog(ImportPreviewDialog, preview)
    window.imports.import_file(str(path))

    assert "02/08/2026" in seen["question"] and seen["buttons"] == ["Cancel", "&2 August 2026", "8 February 2026"]
    assert seen["shown"]["Ida"] == ("Human Rights Watch", "Human Rights Watch (organisation)", "affiliation")
    assert seen["shown"]["Ian"] == ("ICRC", "International Committee of the Red Cross (organisation)", "affiliation")
    assert seen["shown"]["Pedro"] == ("Ministry of Foreign Affairs of Peru", "Peru", "affiliation")
    assert seen["shown"]["Ola"] == ("", "Norway", "country")
    assert seen["shown"]["Lena"] == ("Landmine Survivors Network", "Landmine Survivors Network", "affiliation")
    assert seen["unknown"] == (Finding.UNRESOLVED, True)
    assert seen["after"]["Lena"] == seen["after"]["Leo"] == ("Belgium", "by hand")
    got = {d.name: d.participant_count for d in services.registration.delegations(meeting.id)}
    assert got["Human Rights Watch"] >= 1 and got["Belgium"] >= 2 and "United States" not in got
    with services.db.session() as s:
        day = s.scalar(sa.text("SELECT registration_date FROM participant WHERE email = 'ida@example.org'"))
    assert str(day)[:10] == str(dt.date(2026, 2, 8))  # read month first, as answered


def test_a_new_organisation_comes_back_with_its_rule_and_the_affiliation_as_its_name(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ccm_secretariat.domain.enums import Rule
    from ccm_secretariat.reference.profiles import profile
    from ui.dialogs.new_organisation_dialog import NewOrganisationDialog

    dialog = NewOrganisationDialog("Friends of the Earth Zanzibar", profile("CCM"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.rule.itemText(i) for i in range(dialog.rule.count())] == [
        "Organisations attending under rule 1(2)",
        "Organisations attending under rule 1(3)",
    ]  # the CCM profile's words
    assert dialog.admits.text().endswith("approved by the Meeting; pursuant to rule 1 (3) of the rules of procedure.")
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter accepts with the rule as offered
    value = dialog.result_value
    assert value is not None and value.rule is Rule.RULE_1_3
    assert value.category == "rule_1_3" and value.label == "Friends of the Earth Zanzibar (new organisation)"


def test_escape_at_the_date_question_decides_nothing(window):
    """02/08/2026: 2 August or 8 February? Escape is Cancel, never one of the two readings (review of issue 19)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import when_dialog

    when_dialog(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    assert window.imports.date_order("02/08/2026") is None
    answers = []
    for role in (QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.NoRole):  # the two readings

        def choose(box, role=role):
            next(b for b in box.buttons() if box.buttonRole(b) == role).click()

        when_dialog(QMessageBox, choose)
        answers.append(window.imports.date_order("02/08/2026"))
    assert sorted(a.month_first for a in answers) == [False, True]
