import subprocess
import sys
from pathlib import Path

import pytest

from ccm_secretariat.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]


def test_meeting_create_list_and_errors(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    assert cli(["--db", db, "meetings"]) == 0
    assert "No meeting yet" in capsys.readouterr().out
    args = [
        "--db",
        db,
        "meeting",
        "create",
        "--title",
        "Thirteenth Meeting of States Parties",
        "--short-title",
        "13MSP",
        "--prefix",
        "CCM/MSP/2025",
        "--first-day",
        "2025-09-15",
        "--last-day",
        "2025-09-17",
        "--city",
        "Geneva",
    ]
    assert cli(args) == 1  # no convention named: the desk asks for one, never takes the CCM for granted
    assert "treaty: say which convention the meeting is of: --treaty, one of" in capsys.readouterr().err
    args += ["--treaty", "CCM"]
    assert cli(args) == 0
    assert "Created meeting 1" in capsys.readouterr().out
    assert cli(args) == 1
    assert "symbol_prefix: a meeting with the symbol prefix CCM/MSP/2025 exists already" in capsys.readouterr().err
    assert cli(["--db", db, "meetings"]) == 0
    assert "15-17 September 2025" in capsys.readouterr().out
    assert cli(["--db", db, "delegations", "--meeting", "nope"]) == 1
    assert "No meeting is called “nope”" in capsys.readouterr().err


def test_states_import_reports_the_bad_line(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    bad = tmp_path / "status.tsv"
    bad.write_text("state\tsignature_date\tinstrument\tdeposit_date\nNarnia\t\taccession\t2026-01-01\n")
    with pytest.raises(SystemExit) as exited:  # a status list is always a convention's: --treaty is required
        cli(["--db", db, "states", "import", str(bad)])
    assert exited.value.code == 2 and "the following arguments are required: --treaty" in capsys.readouterr().err
    assert cli(["--db", db, "states", "import", "--treaty", "CCM", str(bad)]) == 1
    assert "line 2: “Narnia” is not a State" in capsys.readouterr().err
    good = tmp_path / "ok.tsv"
    good.write_text("state\tsignature_date\tinstrument\tdeposit_date\nTonga\t\taccession\t2026-01-01\n")
    assert cli(["--db", db, "states", "import", "--treaty", "CCM", str(good)]) == 0
    assert "1 added" in capsys.readouterr().out


def test_damaged_database_is_an_error_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("garbage" * 50)
    assert cli(["--db", str(bad), "meetings"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err


def test_synth_is_reproducible_and_spans_scripts(tmp_path, capsys):
    from ccm_secretariat.services import open_services

    db = tmp_path / "s.sqlite3"
    assert cli(["--db", str(db), "synth", "--participants", "2000", "--seed", "7"]) == 0
    assert cli(["--db", str(db), "synth", "--participants", "2000", "--seed", "7"]) == 0
    s = open_services(db)
    first, second = s.meetings.list()
    one = s.registration.delegations(first.id)
    two = s.registration.delegations(second.id)
    assert sum(r.participant_count for r in one) == 2000
    assert [(r.name, r.participant_count) for r in one] == [(r.name, r.participant_count) for r in two]
    categories = {r.category for r in one}
    assert len(categories) >= 4
    names = " ".join(p.full_name for r in one[:60] for p in s.registration.participants(r.id))
    assert any("\u0600" <= ch <= "\u06ff" for ch in names) or any("\u0400" <= ch <= "\u04ff" for ch in names)
    s.close()
    assert cli(["--db", str(db), "synth", "--participants", "0"]) == 1


def test_entry_point_runs_headless(tmp_path):
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "m.sqlite3"), "meetings"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "No meeting yet" in out.stdout


def test_core_imports_no_qt():
    code = (
        "import sys, importlib, pkgutil\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'): raise ImportError('Qt blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import ccm_secretariat\n"
        "for m in pkgutil.walk_packages(ccm_secretariat.__path__, 'ccm_secretariat.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
