"""Two secretaries at one database (issue 20, points 14, 18 and 21-23): the window here, the other desk a second
connection of its own; on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.services import open_services
from tests.backends import ON_POSTGRES, location
from tests.ui.conftest import type_text, when_dialog


def _rojas(window, demo):
    page = window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    person = demo.registration.add_participant(peru.id, ParticipantInput("Rojas", "Ana", function="Adviser"))
    window.refresh_current()
    page.select_delegation("Peru")
    page.member_table.selectRow(0)
    assert page.panel.person.id == person.id
    return person


def test_a_refresh_never_touches_the_field_being_typed_in(window, demo):
    person = _rojas(window, demo)
    panel = window.registration.panel
    phone = panel.fields["phone"]
    phone.setFocus()
    type_text(phone, "+41 22")
    other = open_services(location(demo))  # another desk commits a change to the same person
    other.registration.update_participant(
        person.id, replace(other.registration.participant(person.id).as_input(), function="Counsellor")
    )
    other.close()
    window.refresh_from_elsewhere()
    assert phone.text() == "+41 22" and phone.hasFocus()  # not emptied under the cursor
    assert "what you are typing is kept" in panel.problem.text()
    assert panel.fields["function"].text() == "Counsellor"  # the rest of the record is the other desk's
    type_text(phone, " 917 12 34")
    QTest.keyClick(phone, Qt.Key_Return)
    saved = demo.registration.participant(person.id)
    assert saved.phone == "+41 22 917 12 34" and saved.function == "Counsellor"  # merged, nothing lost


def test_a_refresh_while_typing_in_a_field_the_other_desk_changed_saves_nothing_unknowingly(window, demo):
    person = _rojas(window, demo)
    panel = window.registration.panel
    function = panel.fields["function"]
    function.setFocus()
    QTest.keyClick(function, Qt.Key_End)
    type_text(function, " to the Mission")
    other = open_services(location(demo))
    other.registration.update_participant(
        person.id, replace(other.registration.participant(person.id).as_input(), function="Counsellor")
    )
    other.close()
    window.refresh_from_elsewhere()
    QTest.keyClick(function, Qt.Key_Return)
    assert "another desk changed Function to “Counsellor”; yours was not saved" in panel.problem.text()
    assert demo.registration.participant(person.id).function == "Counsellor"
    QTest.keyClick(function, Qt.Key_Return)  # Enter again: saved over it, knowingly
    assert demo.registration.participant(person.id).function == "Adviser to the Mission"


def test_a_participant_removed_at_another_desk_says_who_and_when_and_cancel_closes(window, demo):
    from ui.dialogs.participant_dialog import ParticipantDialog

    person = _rojas(window, demo)
    page = window.registration
    seen = {}

    def edit(dialog: ParticipantDialog):
        other = open_services(location(demo))
        other.registration.remove_participants([person.id])
        other.close()
        dialog.function.setText("First Secretary")
        dialog.accept()
        seen["message"] = dialog.problem.text()
        asked = []
        QMessageBox.question = lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
        dialog.reject()  # Cancel: the way out, with no question and no message again
        seen["closed"] = not dialog.isVisible() and not asked

    when_dialog(ParticipantDialog, edit)
    page.edit_participant()
    assert "This participant was removed by " in seen["message"] and " on " in seen["message"], seen
    assert "no longer exists" not in seen["message"] and seen["closed"]
    assert [p.family_name for p in page.members.get(person.delegation_id, [])] == []


def test_the_title_bar_names_the_database_readably(window, demo):
    title = window.windowTitle()
    if ON_POSTGRES:
        assert f"{demo.db.url.database} on " in title and "%2F" not in title and "postgresql" not in title
    else:
        assert title.endswith(demo.db.sqlite_path.name)


@pytest.mark.skipif(not ON_POSTGRES, reason="a server's connection; a SQLite file has none to lose")
def test_a_lost_connection_gives_the_desk_s_message_with_a_way_forward(window, demo, monkeypatch):
    from tests.backends import _admin

    person = _rojas(window, demo)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *a: shown.append((title, text)))
    admin = _admin()
    with admin.connect() as conn:  # the server ends every connection of the desk's database, as a restart does
        conn.execute(
            sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
            {"d": demo.db.url.database},
        )
    admin.dispose()
    panel = window.registration.panel
    panel.fields["phone"].setText("+41 22 917 12 34")
    panel.fields["phone"].editingFinished.emit()  # the desk reconnects by itself: saved
    assert demo.registration.participant(person.id).phone == "+41 22 917 12 34"
    from ui.errors import show_error

    lost = sa.exc.OperationalError("UPDATE participant", {}, Exception("the connection is lost"))
    show_error(window, "Unexpected error", lost)
    assert shown == [
        (
            "The database",
            shown[0][1],
        )
    ]
    assert "was lost in the middle" in shown[0][1] and "Try again" in shown[0][1]
    assert "the connection is lost" not in shown[0][1]


def test_a_reader_s_keyboard_opens_no_editor(window, demo, monkeypatch):
    page = window.registration
    _rojas(window, demo)
    opened = []
    for name in ("add_participant", "edit_participant", "remove_participant", "add_delegation", "change_category"):
        monkeypatch.setattr(page, name, lambda name=name: opened.append(name))
    window.become_read_only()
    for table in (page.member_table, page.delegations):
        table.setFocus()
        for key in (Qt.Key_Insert, Qt.Key_Delete, Qt.Key_F2):
            QTest.keyClick(table, key)
    QTest.mouseDClick(
        page.member_table.viewport(),
        Qt.LeftButton,
        pos=page.member_table.visualRect(page.member_model.index(0, 0)).center(),
    )
    assert opened == []
    panel = page.panel
    assert all(f.isReadOnly() and not f.isEnabled() for f in panel.fields.values()) and not panel.consent.isEnabled()
    page.member_table.selectRow(0)  # selecting again keeps the panel closed to typing
    assert all(not f.isEnabled() for f in panel.fields.values())


def test_the_attendance_undo_goes_through_the_version_check(window, demo):
    """Issue 20, point 14: this desk sets a person's attendance; another desk then changes her; Undo here is
    refused with who and when, and the other desk's change stays. With no one in between, Undo puts back
    exactly what was there (no attendance record at all)."""
    from ccm_secretariat.domain.enums import Attendance
    from ui.dialogs.attendance_dialog import AttendanceDialog

    page = window.registration
    added = _rojas(window, demo)

    def online(dialog: AttendanceDialog):
        dialog.mode.setCurrentIndex(dialog.mode.findData(Attendance.ONLINE))
        dialog.accept()

    when_dialog(AttendanceDialog, online)
    page.buttons["attendance"].click()
    assert demo.registration.participant(added.id).attendance == ((1, Attendance.ONLINE),)
    window.undo_action.trigger()  # no one in between: exactly as before
    assert demo.registration.participant(added.id).attendance == ()
    window.redo_action.trigger()
    assert demo.registration.participant(added.id).attendance == ((1, Attendance.ONLINE),)

    other = open_services(location(demo))  # the other desk changes her meanwhile
    person = other.registration.participant(added.id)
    other.registration.update_participant(
        added.id, replace(person.as_input(), function="Counsellor", attendance={1: Attendance.IN_PERSON})
    )
    other.close()
    window.undo_action.trigger()
    assert "was changed by" in window.statusBar().currentMessage()
    now = demo.registration.participant(added.id)
    assert now.function == "Counsellor" and now.attendance == ((1, Attendance.IN_PERSON),)


def test_ok_again_after_a_refused_save_applies_only_this_desk_s_changes(window, demo):
    """Point 17: the other desk changes the Function; this desk's dialog, opened before, changes the e-mail and
    is refused; the form then shows the other desk's Function (marked), and OK again saves only the e-mail."""
    from ui.dialogs.participant_dialog import ParticipantDialog

    person = _rojas(window, demo)
    seen = {}

    def edit(dialog: ParticipantDialog):
        other = open_services(location(demo))
        other.registration.update_participant(
            person.id, replace(other.registration.participant(person.id).as_input(), function="Counsellor")
        )
        other.close()
        dialog.email.setText("ana.rojas@example.org")
        dialog.accept()
        seen["message"] = dialog.problem.text()
        seen["function"] = dialog.function.text()
        seen["marked"] = dialog.function.toolTip()
        dialog.accept()  # OK again

    when_dialog(ParticipantDialog, edit)
    window.registration.edit_participant()
    assert "was changed by" in seen["message"] and "Function: “Adviser” → “Counsellor”" in seen["message"]
    assert seen["function"] == "Counsellor" and "other desk" in seen["marked"]
    saved = demo.registration.participant(person.id)
    assert saved.function == "Counsellor" and saved.email == "ana.rojas@example.org"  # the other desk's change kept


def test_the_panel_follows_the_desk_s_own_save_and_the_list(window, demo, answer_yes):
    """Point 19: a save in the dialog shows at once in the panel (and who changed it), the next in-place edit is
    not refused as another desk's, and a person removed from the list leaves the panel."""
    from ui.dialogs.participant_dialog import ParticipantDialog

    person = _rojas(window, demo)
    page, panel = window.registration, window.registration.panel

    def edit(dialog: ParticipantDialog):
        dialog.function.setText("First Secretary")
        dialog.accept()

    when_dialog(ParticipantDialog, edit)
    page.edit_participant()
    assert panel.person is not None and panel.person.id == person.id
    assert panel.fields["function"].text() == "First Secretary"
    assert f"Last changed: {demo.db.user}" in panel.details.text()
    panel.fields["phone"].setText("+41 22 917 12 34")
    panel.fields["phone"].editingFinished.emit()
    assert panel.problem.text() == "" and demo.registration.participant(person.id).phone == "+41 22 917 12 34"
    page.remove_participant()  # answered yes
    assert panel.person is None and panel.fields["function"].text() == ""


@pytest.mark.skipif(not ON_POSTGRES, reason="LISTEN on a server; a SQLite file is watched without a connection")
def test_live_refresh_comes_back_after_the_server_drops_the_connection_and_says_when_not_live(
    window, demo, monkeypatch
):
    """Point 20: the server ends the listening connection (as a restart does); the window says it is not
    live; once listening again, the other desk's change made meanwhile appears."""
    from ccm_secretariat.storage import watch
    from tests.backends import _admin

    person = _rojas(window, demo)
    watcher = window.watcher
    assert watcher.live and not window.not_live.isVisibleTo(window)
    admin = _admin()
    with admin.connect() as conn:
        conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": watcher._listener.info.backend_pid})
    admin.dispose()
    window.check_for_changes()
    assert not watcher.live and window.not_live.isVisibleTo(window)
    other = open_services(location(demo))  # the other desk's change while this one is not listening
    other.registration.update_participant(
        person.id, replace(other.registration.participant(person.id).as_input(), function="Counsellor")
    )
    other.close()
    monkeypatch.setattr(watch.time, "monotonic", lambda: 1e12)  # the retry is due
    window.check_for_changes()
    assert watcher.live and not window.not_live.isVisibleTo(window)
    assert window.registration.panel.fields["function"].text() == "Counsellor"  # shown without switching pages


def test_a_backup_that_could_not_be_made_is_said_in_the_window(window):
    window.services.db.warnings.append("Warning: No backup of demo.sqlite3 could be made (the disk is full).")
    window.check_for_changes()
    assert window.statusBar().currentMessage().startswith("Warning: No backup of demo.sqlite3 could be made")
    assert window.services.db.warnings == []
