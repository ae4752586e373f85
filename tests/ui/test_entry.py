"""The one entry point: the command line's parser decides between a command and the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ccm_secretariat.application import DESKTOP_ID, VERSION
from ui.launcher import run

ROOT = Path(__file__).resolve().parents[2]


def test_an_unknown_command_is_an_error_that_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as done:
        run(["demoo"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'demoo'" in err and "'demo'" in err and "'export'" in err and "'db'" in err


def test_no_command_and_no_display_says_so_in_one_line(capsys, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert run([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("ccm-secretariat: no display to open the window on")


def test_a_command_runs_headless_and_the_script_says_its_version(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"ccm-secretariat {VERSION}")
    assert run(["--db", str(tmp_path / "x.sqlite3"), "meetings"]) == 0


def test_the_window_carries_the_applications_name_and_icon(window):
    from PySide6.QtWidgets import QApplication

    from ui.icons import SIZES, application_icon

    icon = application_icon()
    assert not icon.isNull() and sorted(s.width() for s in icon.availableSizes()) == list(SIZES)
    assert window.windowTitle().endswith(f"Secretariat Desk — {window.services.db.short_name}")  # readable
    assert DESKTOP_ID == "ccm-secretariat-desk" and (ROOT / "packaging" / f"{DESKTOP_ID}.desktop").is_file()
    assert QApplication.instance() is not None
