"""Inputs that used to end in a traceback: each is now one line that says what to do, and nothing changes."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from ccm_secretariat.cli import main
from ccm_secretariat.errors import DatabaseError
from tests.backends import location, sqlite_only


@pytest.fixture
def db(demo):
    return location(demo)


def run(args, capsys) -> tuple[int, str]:
    code = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) >= 1
    return code, err


def test_addresses_and_outputs_that_are_folders_or_nothing(db, tmp_path, capsys):
    code, err = run(["--db", str(tmp_path), "meetings"], capsys)
    assert code == 1 and "is a folder" in err
    code, err = run(["--db", "foo://x/y", "meetings"], capsys)
    assert code == 1 and "not a database the application can use" in err
    for out, message in ((str(tmp_path), "is a folder"), ("", "give the name of the file")):
        code, err = run(["--db", db, "export", "participants", "--format", "pdf", "--out", out], capsys)
        assert code == 1 and message in err


def test_status_lists_that_used_to_crash(db, tmp_path, capsys):
    huge = tmp_path / "huge.csv"
    huge.write_text("state,signature_date,instrument,deposit_date\nAngola," + "x" * 140_000 + ",,\n")
    far = tmp_path / "far.tsv"
    far.write_text("state\tsignature_date\tinstrument\tdeposit_date\nAngola\t2008-12-03\tratification\t9999-12-31\n")
    garbage = tmp_path / "garbage.tsv"
    garbage.write_text("state\tsignature_date\tinstrument\tdeposit_date\nAngola\t2008-12-03garbage\t\t\n")
    folder = tmp_path / "a-folder.tsv"
    folder.mkdir()
    for path, message in (
        (huge, "huge.csv, row 2"),
        (far, "not a plausible date"),
        (garbage, "“2008-12-03garbage” is not a date"),
        (folder, "is a folder"),
    ):
        code, err = run(["--db", db, "states", "import", "--treaty", "CCM", str(path)], capsys)
        assert code == 1 and message in err, err


@sqlite_only  # fills the disk with SQLite's max_page_count
def test_a_full_disk_during_a_synthetic_meeting_and_an_export(demo, tmp_path, capsys, monkeypatch):
    from ccm_secretariat.progress import run_to_end
    from ccm_secretariat.samples.synth import synthesise

    before = demo.meetings.list()

    @sa.event.listens_for(demo.db.engine, "begin")
    def small_disk(conn):  # SQLite's own "database or disk is full", as on a full disk
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 20}")

    with pytest.raises(DatabaseError, match="is full: free some space"):
        run_to_end(synthesise(demo, 20_000, 9))
    sa.event.remove(demo.db.engine, "begin", small_disk)
    assert demo.meetings.list() == before

    def no_space(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    target = tmp_path / "list.pdf"
    target.write_text("the old list")
    code, err = run(["--db", location(demo), "export", "participants", "--format", "pdf", "--out", str(target)], capsys)
    assert code == 1 and "disk is full" in err and target.read_text() == "the old list"


def test_a_status_workbook_that_claims_a_million_columns_is_read_by_its_cells(demo, tmp_path):
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["state", "signature_date", "instrument", "deposit_date"])
    ws.append(["Angola", "2008-12-03", "", ""])
    wb.save(tmp_path / "honest.xlsx")
    with zipfile.ZipFile(tmp_path / "honest.xlsx") as src, zipfile.ZipFile(tmp_path / "status.xlsx", "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("sheet1.xml"):
                data = data.replace(b'<dimension ref="A1:D2"/>', b'<dimension ref="A1:XFD1048576"/>')
            out.writestr(item, data)
    counts = demo.reference.import_status(tmp_path / "status.xlsx", "CCM")
    assert counts["added"] + counts["changed"] + counts["unchanged"] == 1
