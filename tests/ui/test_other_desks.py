"""Another desk's changes appear in this window (within the watcher's second), keeping the search typed, the
selection and the scroll; this desk's own changes are not announced as someone else's."""

import re

import pytest

from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.services import open_services
from ccm_secretariat.storage.watch import ChangeWatcher
from tests.backends import ON_POSTGRES, location


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
        seen["when"] = dialog.model.data(dialog.model.index(0, 0))
        seen["room"] = (dialog.table.columnWidth(0), dialog.table.sizeHintForColumn(0))
        dialog.export(str(tmp_path / "peru.xlsx"))
        dialog.accept()

    when_dialog(HistoryDialog, look)
    page.buttons["history"].click()
    assert seen["rows"] == ["Quispe", "Peru"] and seen["actions"] == ["added", "added"]  # newest first
    assert re.fullmatch(r"[1-9]\d? [A-Z][a-z]+ \d{4}, \d\d:\d\d", seen["when"]), seen["when"]  # 6 December 2026, 07:41
    assert seen["room"][0] >= seen["room"][1]  # the When column takes what its dates need
    assert load_workbook(tmp_path / "peru.xlsx").active.max_row == 3


@pytest.mark.skipif(not ON_POSTGRES, reason="rights are a server's: a SQLite file is read and written by its owner")
def test_a_reader_account_opens_the_desk_read_only_and_can_still_export(demo, qtbot, tmp_path, capsys):
    import uuid

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel

    from ccm_secretariat.cli import main
    from ccm_secretariat.errors import DatabaseError
    from ui.main_window import MainWindow
    from ui.settings import DeskSettings

    owner = location(demo)
    assert main(["--db", owner, "db", "roles"]) == 0
    assert 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "ccm_reader"' in capsys.readouterr().out
    assert main(["--db", owner, "db", "roles", "--apply"]) == 0
    reader = f"reader_{uuid.uuid4().hex[:6]}"
    with demo.db.engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{reader}" LOGIN IN ROLE ccm_reader')
        conn.commit()
    as_reader = open_services(demo.db.url.set(username=reader).render_as_string(hide_password=False))
    try:
        assert as_reader.db.read_only and not demo.db.read_only
        peru = next(d for d in as_reader.registration.delegations(1) if d.name == "Peru")
        with pytest.raises(DatabaseError, match="may read the database .* but not change it"):
            as_reader.registration.add_participant(peru.id, ParticipantInput("Quispe", "Luis"))
        window = MainWindow(
            as_reader, DeskSettings(QSettings(str(tmp_path / "d.ini"), QSettings.IniFormat)), synchronous=True
        )
        qtbot.addWidget(window)
        window.show()
        banner = window.findChild(QLabel, "readOnlyBanner")
        assert banner is not None and reader in banner.text()
        assert not window.registration.buttons["add_participant"].isEnabled()
        assert window.registration.buttons["history"].isEnabled()
        assert not window.obligations.buttons["Report received…"].isEnabled()
        assert window.obligations.buttons["Export workbook…"].isEnabled()
        from tests.ui.conftest import when_dialog
        from ui.dialogs.document_language_dialog import DocumentLanguageDialog

        when_dialog(DocumentLanguageDialog, lambda dialog: dialog.accept())  # the meeting's language, as offered
        window.export("participants", "xlsx", str(tmp_path / "w.xlsx"))
        assert (tmp_path / "w.xlsx").stat().st_size > 1000
        window.close()
    finally:
        as_reader.close()


def test_connect_to_a_server_asks_the_password_again_when_refused_and_never_stores_it(window, tmp_path):
    from PySide6.QtCore import QSettings

    from tests.ui.conftest import type_text, when_dialog
    from ui.dialogs.connect_dialog import ConnectDialog, without_password
    from ui.settings import DeskSettings

    assert (
        without_password("postgresql+psycopg://ana:s3cret@db.example.org:5433/ccm")
        == "postgresql+psycopg://ana@db.example.org:5433/ccm"
    )
    assert without_password("/home/ana/desk.sqlite3") == "/home/ana/desk.sqlite3"
    opened = []

    def open_database(location):  # records what the window would open, and stops there
        from ccm_secretariat.errors import DomainError

        opened.append(location)
        when_dialog(ConnectDialog, look_again)
        raise DomainError("The server refused the user name or the password: type them again.")

    window._open_database = open_database

    def fill(dialog: ConnectDialog):
        dialog.host.setText("db.example.org")
        dialog.database.setText("ccm_14msp")
        dialog.user.setText("ana")
        type_text(dialog.password, "s3cret")
        dialog.accept()

    again = {}

    def look_again(dialog: ConnectDialog):  # the same fields, the password to type again, and why
        again.update(
            problem=dialog.problem.text(),
            host=dialog.host.text(),
            user=dialog.user.text(),
            password=dialog.password.text(),
            focus=dialog.first_field is dialog.password,
        )
        dialog.discard()

    when_dialog(ConnectDialog, fill)
    window.connect_to_server()
    assert opened == ["postgresql+psycopg://ana:s3cret@db.example.org:5432/ccm_14msp"]
    stored = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    settings = DeskSettings(stored)
    settings.remember_database(opened[0])
    stored.sync()
    assert settings.recent_databases() == ["postgresql+psycopg://ana@db.example.org:5432/ccm_14msp"]
    assert again == {
        "problem": "The server refused the user name or the password: type them again.",
        "host": "db.example.org",
        "user": "ana",
        "password": "",
        "focus": True,
    }
    assert "s3cret" not in (tmp_path / "s.ini").read_text(errors="replace")
