"""The application as it starts: the first start offers the demo, which loads off the main thread."""

import sys

from PySide6.QtWidgets import QApplication

from ui import app as app_module
from ui.dialogs.start_dialog import DEMO, StartDialog
from ui.main_window import MainWindow


def test_first_start_opens_the_demo_conference(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the application installs its own
    monkeypatch.setattr(StartDialog, "ask", classmethod(lambda cls, parent=None: (DEMO, True)))
    seen = {}

    def run_until_loaded(_self=None):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.meeting is not None, timeout=30_000)
        qtbot.waitUntil(lambda: not window.registration.reading.pending, timeout=30_000)  # read off the main thread
        seen["title"] = window.meeting.title
        seen["delegations"] = len(window.registration.delegation_model.rows)
        seen["database"] = window.services.db.display_name
        window.close()
        window.services.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_until_loaded)
    assert app_module.main([]) == 0
    assert seen["title"].startswith("Second Review Conference")
    assert seen["delegations"] == 88
    assert seen["database"].startswith(str(tmp_path / "data"))


def test_an_empty_file_becomes_a_database_only_when_the_secretary_says_so(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.confirm import confirm_empty_file

    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    assert confirm_empty_file(None, str(empty)) is False and "is empty (0 bytes)" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert confirm_empty_file(None, str(empty)) is True
    assert confirm_empty_file(None, str(tmp_path / "new.sqlite3")) is True  # a new name: nothing to ask
