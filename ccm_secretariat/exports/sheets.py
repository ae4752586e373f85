"""Writing sheets of rows into an .xlsx workbook (openpyxl write-only: 100,000 rows stay quick and small).

Real dates as dates, a frozen and bold header row, filters on, set widths, and any text that begins with =, +,
- or @ stored as text with a quote prefix, so that no spreadsheet program runs it. The file is written beside
its target and renamed into place at the end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter

from ccm_secretariat.application import PRODUCER, VERSION
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.progress import Progress

FORMULA_FIRST = frozenset("=+-@\t\r")


@dataclass(frozen=True)
class Sheet:
    title: str
    header: tuple[str, ...]
    widths: tuple[int, ...]
    rows: Iterator[Sequence[Any]]
    # Native Excel charts over the rows written: (worksheet, rows written) -> [(chart, anchor cell)].
    charts: Callable[[Any, int], list[tuple[Any, str]]] | None = None


def write_sheets(all_sheets: list[Sheet], out: str | Path, total: int, private: bool = False) -> Iterator[Progress]:
    """Write the sheets; yields progress counted in rows out of `total`, the last item with the path."""
    total = max(1, total)
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Secretariat"
    workbook.properties.description = f"Made with {PRODUCER}"
    workbook.properties.version = VERSION
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DCE6F1")
    wrap = Alignment(vertical="top", wrap_text=True)
    done = 0
    with atomic_path(out, private) as temporary:
        for sheet in all_sheets:
            ws = workbook.create_sheet(sheet.title)
            for i, width in enumerate(sheet.widths, start=1):
                ws.column_dimensions[get_column_letter(i)].width = width
            ws.freeze_panes = "A2"
            header = []
            for title in sheet.header:
                cell = WriteOnlyCell(ws, title)
                cell.font, cell.fill, cell.alignment = bold, fill, wrap
                header.append(cell)
            ws.append(header)
            count = 0
            for row in sheet.rows:
                ws.append(_safe_row(ws, row))
                count += 1
                if count % 5000 == 0:
                    done += 5000
                    yield Progress(min(done, total), total, sheet.title)
            done += count % 5000
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{count + 1}"
            for chart, anchor in sheet.charts(ws, count) if sheet.charts else ():
                ws.add_chart(chart, anchor)
        workbook.save(temporary)
    yield Progress(total, total, f"{len(all_sheets)} sheets", Path(out))


def _safe_row(ws: Any, row: Sequence[Any]) -> list[Any]:
    """Plain values as they are; dates as dates; formula-like text as quoted text (one pass, no calls for the
    plain cells that make up nearly all of a large workbook)."""
    row = list(row)
    for i, value in enumerate(row):
        kind = value.__class__
        if kind is str:
            if value and value[0] in FORMULA_FIRST:
                row[i] = _quoted(ws, value)
        elif kind is dt.date or kind is dt.datetime:
            cell = WriteOnlyCell(ws, value)
            cell.number_format = "d mmmm yyyy"
            row[i] = cell
    return row


def _quoted(ws: Any, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    cell.data_type = "s"
    cell._style = StyleArray()  # openpyxl has no public setter for quotePrefix
    cell._style.quotePrefix = 1
    return cell
