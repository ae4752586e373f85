"""Bad registration files: each gets a clear message naming the file, row and column, memory stays bounded,
and the database is exactly as it was."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
import sqlalchemy as sa

from ccm_secretariat.cli import main
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.imports import columns
from ccm_secretariat.imports.plan import Outcome
from ccm_secretariat.imports.tables import read_sheet
from ccm_secretariat.services.meetings import MeetingInput
from tests.backends import location


@pytest.fixture
def meeting(services):
    return services.meetings.create(
        MeetingInput(
            "Thirteenth Meeting",
            "13MSP",
            "CCM/MSP/2025",
            dt.date(2025, 9, 15),
            dt.date(2025, 9, 17),
            "",
            "Geneva",
            treaty="CCM",
        )
    )


def refused(path, message):
    with pytest.raises(ValidationError) as info:
        read_sheet(path)
    assert message in info.value.message, info.value.message
    assert path.name in info.value.message


def test_empty_and_header_only_files(services, tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    refused(tmp_path / "empty.csv", "is empty: it has no header row")
    (tmp_path / "blank.csv").write_text("\n\n,,\n")
    refused(tmp_path / "blank.csv", "is empty")
    (tmp_path / "header.csv").write_text("First Name,Last Name,Country\n")
    sheet = read_sheet(tmp_path / "header.csv")
    with pytest.raises(ValidationError, match="header.csv has a header row but no registrations"):
        services.imports.incoming(sheet, columns.detect(sheet.headers))


def test_workbooks_that_are_not_what_they_claim(tmp_path):
    (tmp_path / "locked.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    refused(tmp_path / "locked.xlsx", "protected by a password")
    (tmp_path / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"garbage" * 50)
    refused(tmp_path / "corrupt.xlsx", "cannot be read as an Excel workbook")
    with zipfile.ZipFile(tmp_path / "notexcel.xlsx", "w") as z:
        z.writestr("hello.txt", "hello")
    refused(tmp_path / "notexcel.xlsx", "cannot be read as an Excel workbook")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    refused(tmp_path / "old.xls", "old Excel 97-2003 workbook")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            block = b"\0" * (1 << 20)
            for _ in range(420):
                f.write(block)
    assert path.stat().st_size < 2 * 2**20
    refused(path, "unpacks to 420 MB")


def test_a_sheet_that_claims_a_million_columns(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["First Name", "Last Name", "Country"])
    ws.append(["Ana", "Lopez", "Spain"])
    wb.save(tmp_path / "claims.xlsx")
    # Rewrite the sheet's dimension to claim A1:XFD1048576: the reader trusts the cells, not the claim.
    src = zipfile.ZipFile(tmp_path / "claims.xlsx")
    with zipfile.ZipFile(tmp_path / "lying.xlsx", "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("sheet1.xml"):
                data = data.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>')
                assert b"XFD1048576" in data
            out.writestr(item, data)
    sheet = read_sheet(tmp_path / "lying.xlsx")
    assert sheet.headers == ["First Name", "Last Name", "Country"] and len(sheet.rows) == 1
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["First Name", "Last Name", "Country"])
    ws.cell(2, 16384, "far away")
    wb.save(tmp_path / "wide.xlsx")
    refused(tmp_path / "wide.xlsx", "row 2: has values in 16,384 columns")


def test_merged_headers_blank_rows_ragged_rows_and_formulas(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Registrations for the Thirteenth Meeting"])
    ws.merge_cells("A1:E1")
    ws.append(["Name", None, "Country", "Email", "Registration date"])
    ws.merge_cells("A2:B2")
    ws.append(["Ana", "LOPEZ", "Spain", "ana@example.es", dt.datetime(2025, 8, 14, 9, 30)])
    ws.append([])
    ws.append([])
    ws.append(["Bo", "LI", "China", '=A6&"@example.cn"', "2025-08-15"])
    ws.append(["Cy", "NG", "Singapore", "cy@example.sg", "2025-08-15", "stray"])
    wb.save(tmp_path / "messy.xlsx")
    sheet = read_sheet(tmp_path / "messy.xlsx")
    assert sheet.headers == ["Name", "Column B", "Country", "Email", "Registration date"]
    assert [line for line, _ in sheet.rows] == [3, 6, 7]  # rows keep the numbers the spreadsheet shows
    assert sheet.rows[0][1][4] == "2025-08-14 09:30:00"
    assert 'column “Email” (D) holds a formula (=A6&"@example.cn") with no stored value' in sheet.problems[6][0]
    assert "the cell in column F (“stray”) has no header" in sheet.problems[7][0]


def test_text_encodings_delimiters_and_quoted_newlines(tmp_path):
    (tmp_path / "semi.csv").write_bytes("Prénom;Nom;Pays\r\nZoë;Müller;Suisse\r\n".encode("utf-8-sig"))
    sheet = read_sheet(tmp_path / "semi.csv")
    assert (sheet.encoding, sheet.headers, sheet.rows) == (
        "UTF-8",
        ["Prénom", "Nom", "Pays"],
        [(2, ("Zoë", "Müller", "Suisse"))],
    )
    (tmp_path / "utf16.txt").write_bytes("Name\tCountry\nJosé Ruiz\tPeru\n".encode("utf-16"))
    assert read_sheet(tmp_path / "utf16.txt").rows == [(2, ("José Ruiz", "Peru"))]
    (tmp_path / "utf16-nobom.csv").write_bytes("Name,Country\n".encode("utf-16-le"))
    refused(tmp_path / "utf16-nobom.csv", "not a text file the import can read")
    (tmp_path / "nl.csv").write_text(
        'Name,Position,Country\n"Ana Lopez","Counsellor\nLegal affairs",Spain\nBo Li,Adviser,China\n', encoding="utf-8"
    )
    sheet = read_sheet(tmp_path / "nl.csv")
    assert sheet.rows == [(2, ("Ana Lopez", "Counsellor\nLegal affairs", "Spain")), (3, ("Bo Li", "Adviser", "China"))]


def test_a_text_repeated_down_a_column_is_kept_once_and_every_cell_reads_as_written(tmp_path, monkeypatch):
    # 100,000 rows naming the same few countries and dates must not hold 100,000 copies of each (the import's
    # memory); a column whose texts do not repeat stops being remembered, and still reads cell for cell.
    monkeypatch.setattr("ccm_secretariat.imports.tables.MAX_SHARED", 3)
    lines = ["Email,Country,Registration date"] + [
        f"p{n}@example.org, {'Chile' if n % 2 else 'Côte d’Ivoire'} ,2026-09-0{n % 3 + 1}" for n in range(8)
    ]
    (tmp_path / "r.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [cells for _line, cells in read_sheet(tmp_path / "r.csv").rows]
    assert [r[0] for r in rows] == [f"p{n}@example.org" for n in range(8)]
    assert [r[1] for r in rows] == ["Côte d’Ivoire", "Chile"] * 4
    assert [r[2] for r in rows] == [f"2026-09-0{n % 3 + 1}" for n in range(8)]
    assert rows[1][1] is rows[3][1] and rows[0][1] is rows[6][1]  # one string each, however many rows
    assert rows[0][2] is rows[3][2]


def test_a_mapping_that_cannot_be_imported(tmp_path):
    headers = ["Email", "Courriel", "Nom", "Pays"]
    with pytest.raises(ValidationError, match="“Email” and “Courriel” are both mapped to E-mail"):
        columns.check(
            headers,
            {0: columns.Field.EMAIL, 1: columns.Field.EMAIL, 2: columns.Field.FAMILY_NAME, 3: columns.Field.COUNTRY},
        )
    with pytest.raises(ValidationError, match="no column is mapped to the family name"):
        columns.check(headers, {0: columns.Field.EMAIL, 3: columns.Field.COUNTRY})
    with pytest.raises(ValidationError, match="no column says which delegation"):
        columns.check(headers, {2: columns.Field.FAMILY_NAME})


def test_bad_rows_are_named_and_nothing_is_written(services, meeting, tmp_path):
    long_function = "x" * 10_000
    path = tmp_path / "bad.csv"
    path.write_text(
        "First Name,Last Name,Country,Position,Email,Registration date\n"
        f"Ana,Lopez,Spain,{long_function},ana@example.es,2025-08-14\n"
        ",,Spain,,,\n"
        "Bo,Li,China,,bo@example,2025-08-14\n"
        "Cy,Ng,Singapore,,,14 August\n"
        "Di,Ho,Viet Nam,,di@example.vn,2025-08-14\n",
        encoding="utf-8",
    )
    with services.db.session() as s:
        before = s.execute(sa.text("SELECT count(*) FROM participant")).scalar()
    sheet = read_sheet(path)
    plan = services.imports.preview(meeting.id, services.imports.incoming(sheet, columns.detect(sheet.headers)))
    messages = [r.message for r in plan.rows if r.outcome == Outcome.REFUSE]
    assert messages == [
        "row 2, column “Position” (D): the function is 10000 characters long; at most 300 fit.",
        "row 3, column “Last Name” (B): no name is given.",
        "row 4, column “Email” (E): the e-mail “bo@example” is not an e-mail address.",
        "row 5, column “Registration date” (F): “14 August” is not a date "
        "(write 2025-08-14, 14.08.2025 or 14 Aug 2025).",
    ]
    out, err = io.StringIO(), io.StringIO()
    db = location(services)
    assert main(["--db", db, "import", "registrations", str(path)], out, err) == 3
    assert out.getvalue() == "added 0, updated 0, skipped 0, refused 4\n"
    with services.db.session() as s:
        assert s.execute(sa.text("SELECT count(*) FROM participant")).scalar() == before


def test_the_command_line(services, meeting, tmp_path, capsys):
    path = tmp_path / "in.csv"
    path.write_text(
        "Nom,Prénom,Pays,Délégation\nLopez,Ana,Spain,\nNg,Cy,Switzerland,Survivor Corps\nLi,Bo,Freedonia,\n",
        encoding="utf-8",
    )
    db = location(services)
    report = tmp_path / "report.xlsx"
    assert main(["--db", db, "import", "registrations", str(path), "--dry-run", "--report", str(report)]) == 3
    out, err = capsys.readouterr()
    assert out == "would add 1, update 0, skip 0, refuse 2 (a dry run: nothing written)\n"  # the plan's counts
    assert "“Survivor Corps” is not a State or an organisation" in err
    assert openpyxl.load_workbook(report)["Import (not written)"].cell(2, 2).value == "to add"
    code = main(["--db", db, "import", "registrations", str(path), "--new-organisations", "1(3)", "--partial"])
    out, _ = capsys.readouterr()
    assert (code, out) == (3, "added 2, updated 0, skipped 0, refused 1\n")  # Freedonia is a country: not created
    assert main(["--db", db, "import", "registrations", str(path), "--partial", "--new-organisations", "1(3)"]) == 3
    out, _ = capsys.readouterr()
    assert out == "added 0, updated 0, skipped 2, refused 1\n"
    assert (
        main(["--db", db, "import", "registrations", str(path), "--map", "Pays=", "--map", "Délégation=country"]) == 3
    )
    out, err = capsys.readouterr()
    assert "Délégation → country" in err
    names = {r.name for r in services.registration.delegations(meeting.id)}
    assert names == {"Spain", "Survivor Corps"}
