"""File → Import registrations…, driven as a secretary drives it: the file, the mapping (one column corrected),
the preview (one unresolved row matched by hand, a new organisation, a duplicate decided), the import, its
report and its undo."""

from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from ccm_secretariat.domain.enums import Rule
from ccm_secretariat.imports.columns import Field
from ccm_secretariat.imports.plan import Finding, NewOrganisation, Outcome
from tests.ui.conftest import when_dialog
from ui.dialogs.import_mapping_dialog import MappingDialog
from ui.dialogs.import_preview_dialog import ImportPreviewDialog

CSV = """Prénom,Nom,Courriel,Pays,Organisation représentée,Fonction
Ana,Lopez,ana@example.es,Espagne,,Counsellor
Bo,Lindqvist,bo@example.se,Suède,,Ambassador
Cy,Ng,cy@example.org,Suisse,Survivor Corps,Campaigner
Di,Ho,di@example.org,Suisse,Survivor Corps,Adviser
Ed,Smith,ed@example.org,Ruritania,,Delegate
Ana,LOPEZ,,Espagne,,Legal adviser
"""


def test_import_walk_through(window, tmp_path, monkeypatch):
    path = tmp_path / "inscriptions.csv"
    path.write_text(CSV, encoding="utf-8")
    services = window.services
    meeting = window.meeting
    before = {d.name: d.participant_count for d in services.registration.delegations(meeting.id)}
    report = tmp_path / "report.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), "*.xlsx"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    seen = {}

    def map_columns(dialog: MappingDialog):
        column = dialog.sheet.headers.index("Organisation représentée")
        assert dialog.boxes[column].currentData() is None  # not a header the application knows
        seen["detected"] = {dialog.sheet.headers[i]: f for i, f in dialog.mapping().items()}
        # Two columns mapped to one field: refused as the secretary chooses.
        dialog.boxes[column].setCurrentIndex(dialog.boxes[column].findData(Field.COUNTRY))
        seen["twice"] = (dialog.problem.text(), dialog.buttons.button(QDialogButtonBox.Ok).isEnabled())
        dialog.boxes[column].setCurrentIndex(dialog.boxes[column].findData(Field.DELEGATION))
        assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
        dialog.accept()

    def preview(dialog: ImportPreviewDialog):
        lines = {r.line: r for r in dialog.plan.rows}
        seen["first"] = {n: (r.finding, r.outcome) for n, r in lines.items()}
        # Row 6: Ruritania is no State: matched by hand to Sweden.
        dialog.filter.setCurrentIndex(3)  # Unresolved
        assert [r.line for r in dialog.model.rows] == [4, 5, 6]
        dialog.table.selectRow(2)
        dialog.target.setCurrentIndex(dialog.target.findText("Sweden"))
        dialog.match_selected()
        # Rows 4 and 5: Survivor Corps is added as a rule 1(3) organisation (both rows at once).
        dialog.table.selectRow(0)
        dialog.add_organisation(dialog.selected(), NewOrganisation("Survivor Corps", "SC", Rule.RULE_1_3))
        # Row 7: "Ana LOPEZ" is a possible duplicate of row 2; she is another person.
        dialog.filter.setCurrentIndex(2)  # Duplicates
        assert [r.line for r in dialog.model.rows] == [7]
        dialog.table.selectRow(0)
        dialog.decision.setCurrentIndex(dialog.decision.findData(Outcome.ADD))
        dialog.decide_selected()
        seen["summary"] = dialog.summary.text()
        seen["ok"] = dialog.buttons.button(QDialogButtonBox.Ok).text()
        dialog.accept()

    when_dialog(MappingDialog, map_columns)
    when_dialog(ImportPreviewDialog, preview)
    window.imports.import_file(str(path))

    assert seen["detected"] == {
        "Prénom": Field.GIVEN_NAMES,
        "Nom": Field.FAMILY_NAME,
        "Courriel": Field.EMAIL,
        "Pays": Field.COUNTRY,
        "Fonction": Field.FUNCTION,
    }
    assert "are both mapped to Country" in seen["twice"][0] and not seen["twice"][1]
    assert seen["first"][6] == (Finding.UNRESOLVED, Outcome.REFUSE)
    assert seen["first"][7] == (Finding.POSSIBLE_DUPLICATE, Outcome.SKIP)
    assert seen["summary"] == "6 to add; 0 to update; 0 to skip; 0 refused (found: 1 possible duplicate)."
    assert seen["ok"] == "&Import 6 rows"

    after = {d.name: (d.participant_count, d.category) for d in services.registration.delegations(meeting.id)}
    assert after["Survivor Corps"] == (2, "rule_1_3")
    assert after["Sweden"][0] == before.get("Sweden", 0) + 2
    assert after["Spain"][0] == before.get("Spain", 0) + 2
    ws = openpyxl.load_workbook(report)["Import"]
    assert [ws.cell(r, 2).value for r in range(2, 8)] == ["added"] * 6
    # The whole import is one undo step, and undo restores exactly; redo brings it back.
    assert window.undo_stack.undoText() == "Import from inscriptions.csv"
    window.undo_action.trigger()
    assert {d.name: d.participant_count for d in services.registration.delegations(meeting.id)} == before
    assert not any(o.name == "Survivor Corps" for o in services.reference.organisations())
    window.redo_action.trigger()
    assert {d.name: d.participant_count for d in services.registration.delegations(meeting.id)}["Sweden"] == before.get(
        "Sweden", 0
    ) + 2
    # The mapping is remembered for the next file with the same columns.
    assert (
        services.imports.mapping_for(["Prénom", "Nom", "Courriel", "Pays", "Organisation représentée", "Fonction"])[1]
        is True
    )


def test_carry_over_reads_the_other_meeting_off_the_main_thread_then_previews_it(window, qtbot):
    """File → Carry over: the other meeting read as a task (as a file is), then the preview of what would come in."""
    import datetime as dt

    from ccm_secretariat.services.meetings import MeetingInput
    from ccm_secretariat.services.registration import ParticipantInput
    from ui.dialogs.import_preview_dialog import ImportPreviewDialog

    services, demo = window.services, window.meeting
    chile = next(d for d in services.registration.delegations(demo.id) if d.name == "Chile")
    services.registration.add_participant(chile.id, ParticipantInput("Rojas", "Ana"))
    new = services.meetings.create(
        MeetingInput(
            "Eleventh Meeting of States Parties",
            "11MSP",
            "CCM/MSP/2023",
            dt.date(2023, 9, 11),
            dt.date(2023, 9, 14),
            treaty="CCM",
        )  # fmt: skip
    )
    window.reload_meetings(prefer=new.id)
    seen = []

    def look(dialog: ImportPreviewDialog):
        seen.append(dialog.windowTitle())
        dialog.discard()

    when_dialog(ImportPreviewDialog, look)
    window.imports.carry_over(from_meeting=demo.id)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert services.registration.delegations(new.id) == []  # nothing came in: the preview was closed
