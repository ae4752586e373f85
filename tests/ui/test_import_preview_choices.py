"""Issue 19's leftovers in the import preview of an Indico-style file (Affiliation and Country, no Delegation
column): "With its country" only for a row that goes nowhere yet, the delegation field shows where a matched row
goes, the reasons of the selected row are shown whole, and Escape asks before it drops the choices made."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import when_dialog
from tests.ui.test_import_affiliations_dialog import CSV
from ui.dialogs.import_mapping_dialog import MappingDialog
from ui.dialogs.import_preview_dialog import ImportPreviewDialog


def open_preview(window, tmp_path, act) -> None:
    path = tmp_path / "indico.csv"
    path.write_text(CSV, encoding="utf-8")
    when_dialog(MappingDialog, lambda d: d.accept())
    when_dialog(QMessageBox, lambda box: next(b for b in box.buttons() if "August" in b.text()).click())  # d/m
    when_dialog(ImportPreviewDialog, act)
    window.imports.import_file(str(path))


def select(dialog: ImportPreviewDialog, given: str) -> None:
    row = next(i for i, r in enumerate(dialog.model.rows) if r.given == given)
    dialog.table.setFocus()
    dialog.table.selectRow(row)


def test_with_its_country_is_offered_only_where_no_delegation_was_found(window, tmp_path):
    seen = {}

    def act(dialog: ImportPreviewDialog):
        for given in ("Ida", "Ian", "Pedro", "Ola", "Lena"):
            select(dialog, given)
            seen[given] = (dialog.country_button.isEnabled(), dialog.target.currentText())
        select(dialog, "Ida")
        seen["tooltip"] = dialog.country_button.toolTip()
        select(dialog, "Lena")
        seen["why"] = dialog.why.text()
        seen["why column"] = dialog.model.data(dialog.model.index(dialog.table.currentIndex().row(), 8))
        dialog.discard()

    open_preview(window, tmp_path, act)
    assert seen["Ida"] == (False, "Human Rights Watch (organisation)")  # matched by its affiliation
    assert seen["Ian"] == (False, "International Committee of the Red Cross (organisation)")
    assert seen["Pedro"] == (False, "Peru")
    assert seen["Ola"] == (False, "Norway")
    assert seen["Lena"] == (True, "Landmine Survivors Network")  # unknown: asked about
    assert "goes to Human Rights Watch (organisation) already" in seen["tooltip"]
    assert seen["why"] and seen["why"].replace("\n", " ") == seen["why column"]


def test_escape_in_the_preview_asks_once_choices_were_made(window, tmp_path, monkeypatch):
    asked = []
    answer = {"value": QMessageBox.StandardButton.No}

    def question(parent, title, text, *args):
        asked.append(text)
        return answer["value"]

    seen = {}

    def act(dialog: ImportPreviewDialog):
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        QTest.keyClick(dialog.table, Qt.Key.Key_Escape)  # no choice yet: closes at once
        seen["closed at once"] = (not dialog.isVisible(), list(asked))

    open_preview(window, tmp_path, act)

    def choose_then_escape(dialog: ImportPreviewDialog):
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        select(dialog, "Lena")
        dialog.country_button.click()  # a choice: Lena and Leo go with Belgium
        QTest.keyClick(dialog.table, Qt.Key.Key_Escape)
        seen["kept"] = (dialog.isVisible(), list(asked))
        answer["value"] = QMessageBox.StandardButton.Yes
        QTest.keyClick(dialog.table, Qt.Key.Key_Escape)
        seen["dropped"] = not dialog.isVisible()

    asked.clear()
    before = {d.name: d.participant_count for d in window.services.registration.delegations(window.meeting.id)}
    open_preview(window, tmp_path, choose_then_escape)
    assert seen["closed at once"] == (True, [])
    assert seen["kept"] == (True, ["Discard the choices you made in the preview?"])
    assert seen["dropped"]
    after = {d.name: d.participant_count for d in window.services.registration.delegations(window.meeting.id)}
    assert after == before  # nothing imported


def test_a_long_delegation_name_does_not_widen_the_preview_past_a_small_screen(qtbot):
    """At 200 % on 1920×1080 (960 pixels for a dialog) the delegation field took the width of the longest name it
    offers, and the preview scrolled sideways with "With its country" off its edge (issue 21)."""
    from ccm_secretariat.imports.plan import Plan
    from ccm_secretariat.imports.resolve import Target

    name = "Geneva International Centre for Humanitarian Demining and the Mine Action Support Group of Donors"
    dialog = ImportPreviewDialog("Import", Plan([]), [Target("organisation", 1, name)], lambda _c: Plan([]))
    qtbot.addWidget(dialog)
    assert dialog.layout().totalMinimumSize().width() < 800
    assert dialog.target.itemText(0) == f"{name} (organisation)"  # offered whole in its list
