"""The registration workbook as it prints and reads: every sheet's page setup, print titles, header and footer,
readable cells, totals as formulas, charts below the table, properties; read back with openpyxl and, where
LibreOffice is installed, printed to PDF and read page by page."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from ccm_secretariat.application import APP_NAME
from ccm_secretariat.documents.reading import participants_workbook
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.samples.synth import synthesise
from tests.core.pdf_text import laid_out_pages


@pytest.fixture
def synthetic(services):
    run_to_end(synthesise(services, 60, 3))
    meeting = services.meetings.list()[0]
    with services.db.engine.begin() as conn:  # the registration system's dates, as an import brings them
        conn.execute(sa.text("UPDATE participant SET registration_date = :day"), {"day": dt.date(2026, 8, 14)})
    return services, meeting


def _workbook(synthetic, tmp_path, internal=False):
    services, meeting = synthetic
    out = tmp_path / ("internal.xlsx" if internal else "w.xlsx")
    run_to_end(participants_workbook(services, meeting.id, out, internal=internal))
    return out, meeting


def test_every_sheet_prints_one_page_wide_with_its_titles_header_and_footer(synthetic, tmp_path):
    out, meeting = _workbook(synthetic, tmp_path)
    wb = load_workbook(out)
    assert len(wb.sheetnames) >= 5
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9 and setup.orientation in ("landscape", "portrait"), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert ws.print_title_rows == "$1:$1", ws.title  # the header row on every page
        assert ws.page_margins.left < 0.7 and ws.page_margins.top > ws.page_margins.header
        for header, footer in ((ws.oddHeader, ws.oddFooter), (ws.evenHeader, ws.evenFooter)):
            assert header.left.text == meeting.short_title and header.right.text == "&A"  # the sheet's name
            assert footer.center.text == "Page &P of &N" and footer.right.text == "&D"
            assert not header.center.text  # only the internal workbook is marked
    assert wb["Participants"].page_setup.orientation == "landscape"
    assert wb["Documents"].page_setup.orientation == "landscape"
    props = wb.properties
    assert props.creator == APP_NAME and props.language == "en-GB"
    assert props.title == meeting.short_title and meeting.title in props.subject


def test_the_internal_workbook_says_internal_on_every_page(synthetic, tmp_path):
    out, _ = _workbook(synthetic, tmp_path, internal=True)
    wb = load_workbook(out)
    assert all("INTERNAL" in ws.oddHeader.center.text for ws in wb.worksheets)
    if shutil.which("soffice"):
        pages = _printed(out, tmp_path)
        assert len(pages) > 1 and all("INTERNAL" in page for page in pages)
        assert all("Page " in page and " of " in page for page in pages)


def _printed(path, tmp_path) -> list[str]:
    return laid_out_pages(path, tmp_path)


def test_participants_have_their_number_and_registration_date_and_long_text_wraps(synthetic, tmp_path):
    out, _ = _workbook(synthetic, tmp_path)
    ws = load_workbook(out)["Participants"]
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["Registered on", "Participant no."]
    assert all(c.font.b and c.font.name == "Calibri" and c.font.sz == 11 for c in ws[1])  # like the body
    rows = list(ws.iter_rows(min_row=2))
    assert all(r[-2].value == dt.datetime(2026, 8, 14) and r[-2].is_date for r in rows)
    numbers = [r[-1].value for r in rows]
    assert all(isinstance(n, int) for n in numbers) and len(set(numbers)) == len(numbers)
    widths = {i: ws.column_dimensions[c.column_letter].width for i, c in enumerate(ws[1])}
    long = [(r, i) for r in rows for i, c in enumerate(r) if isinstance(c.value, str) and len(c.value) > widths[i]]
    assert long  # synthetic affiliations are longer than their column
    for row, i in long:
        assert row[i].alignment.wrap_text
        assert ws.row_dimensions[row[0].row].height >= 30  # raised for the second line


def test_statistics_total_with_sum_formulas_outside_the_filter_and_charts_below_in_patterns(synthetic, tmp_path):
    out, _ = _workbook(synthetic, tmp_path)
    ws = load_workbook(out)["Statistics"]
    rows = list(ws.iter_rows())
    total = rows[-1]
    assert total[0].value == "Total" and all(c.font.b for c in total)
    last = len(rows) - 1
    assert [c.value for c in total[1:3]] == [f"=SUM(B2:B{last})", f"=SUM(C2:C{last})"]
    assert ws.auto_filter.ref.endswith(str(last))  # the filter stops above the total
    with zipfile.ZipFile(out) as z:
        drawing = next(z.read(n).decode() for n in z.namelist() if n.startswith("xl/drawings/drawing"))
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    anchors = [int(r) for r in re.findall(r"<from><col>0</col><colOff>0</colOff><row>(\d+)</row>", drawing)]
    assert len(anchors) == 2 and min(anchors) >= len(rows)  # below the table, in column A
    assert all("pattFill" in c for c in charts)
    if shutil.which("soffice"):  # LibreOffice works the formulas out: the totals are the sums
        pages = _printed(out, tmp_path)
        assert any("Total" in p for p in pages)
