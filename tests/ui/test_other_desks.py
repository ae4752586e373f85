"""Another desk's changes appear in this window (within the watcher's second), keeping the search typed, the
selection and the scroll; this desk's own changes are not announced as someone else's."""

from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.services import open_services
from ccm_secretariat.watch import ChangeWatcher
from tests.backends import location


def test_the_watcher_hears_other_desks_only(demo, demo_meeting):
    watcher = ChangeWatcher(demo.db)
    try:
        assert not watcher.changed_elsewhere()
        peru = next(d for d in demo.registration.delegations(demo_meeting.id) if d.name == "Peru")
        demo.registration.add_participant(peru.id, ParticipantInput("Mine", "Own"))
        assert not watcher.changed_elsewhere()  # this desk's own change
        other = open_services(location(demo))
        other.registration.add_participant(peru.id, ParticipantInput("Theirs", "Other"))
        other.close()
        assert watcher.changed_elsewhere()
        assert not watcher.changed_elsewhere()  # heard once
    finally:
        watcher.close()


def test_another_desks_registration_appears_keeping_the_search_and_selection(window, demo, qtbot):
    page = window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    demo.registration.add_participant(peru.id, ParticipantInput("Quispe", "Luis"))
    window.refresh_current()
    page.search.setText("qui")
    page.member_table.selectRow(0)
    assert [p.family_name for p in page.selected_members()] == ["Quispe"]
    other = open_services(location(demo))
    other.registration.add_participant(peru.id, ParticipantInput("Quispe Mamani", "Rosa"))
    other.close()
    qtbot.waitUntil(lambda: page.member_model.rowCount() == 2, timeout=4000)  # the timer's refresh
    assert page.search.text() == "qui"
    assert [p.family_name for p in page.selected_members()] == ["Quispe"]
    assert "another desk" in window.statusBar().currentMessage()


def test_the_history_of_a_delegation_in_the_desk(window, demo, tmp_path):
    from openpyxl import load_workbook

    from tests.ui.conftest import when_dialog
    from ui.dialogs.history_dialog import HistoryDialog

    page = window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    demo.registration.add_participant(peru.id, ParticipantInput("Quispe", "Luis"))
    window.refresh_current()
    page.select_delegation("Peru")
    seen = {}

    def look(dialog: HistoryDialog):
        seen["rows"] = [dialog.model.data(dialog.model.index(r, 2)) for r in range(dialog.model.rowCount())]
        seen["actions"] = [dialog.model.data(dialog.model.index(r, 3)) for r in range(dialog.model.rowCount())]
        dialog.export(str(tmp_path / "peru.xlsx"))
        dialog.accept()
    when_dialog(HistoryDialog, look)
    page.buttons["history"].click()
    assert seen["rows"] == ["Quispe", "Peru"] and seen["actions"] == ["added", "added"]  # newest first
    assert load_workbook(tmp_path / "peru.xlsx").active.max_row == 3
