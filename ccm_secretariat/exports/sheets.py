"""Writing sheets of rows into an .xlsx workbook (openpyxl write-only: 100,000 rows stay quick and small).

Real dates as dates, a frozen and bold header row, filters on, set widths, long text wrapped in a raised row,
and any text that begins with =, +, - or @ stored as text with a quote prefix, so that no spreadsheet program
runs it (the workbook's own totals are `Formula`s). Every sheet prints: A4 on its side when wide, one page wide,
the header row on every page, a header with the meeting and the sheet's name, page x of y and the date below.
The file is written beside its target and renamed into place at the end."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.writer.excel import ExcelWriter

from ccm_secretariat.application import APP_NAME, VERSION
from ccm_secretariat.errors import DomainError
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.progress import Progress

FORMULA_FIRST = frozenset("=+-@\t\r")
_NOT_IN_TITLES = re.compile(r"[\\/*?:\[\]\x00-\x1f\x7f]")


def sheet_title(name: str, taken: set[str] | None = None) -> str:
    """A valid sheet title made from any name: without the characters Excel refuses (\\ / * ? : [ ]) and control
    characters, no apostrophe at either end, at most 31 characters, never empty, and (given the titles `taken`
    already, case ignored) unique."""
    title = _NOT_IN_TITLES.sub(" ", name).strip().strip("'").strip()[:31].strip() or "Sheet"
    n = 1
    while taken is not None and title.casefold() in {t.casefold() for t in taken}:
        n += 1
        suffix = f" ({n})"
        title = title[: 31 - len(suffix)].rstrip() + suffix
    return title


HEADER_FONT = Font(name="Calibri", size=11, bold=True)
WRAP = Alignment(wrap_text=True)  # at the foot of the row like the other cells: their text in line with its last
LINE_HEIGHT = 15  # points, a line of Calibri 11
WIDE = 100  # characters of column width beyond which a sheet prints on its side


class Formula(str):
    """A formula the workbook means (a total's =SUM(…)), written as a formula, unlike text that looks like one."""


@dataclass(frozen=True)
class Sheet:
    title: str
    header: tuple[str, ...]
    widths: tuple[int, ...]
    rows: Iterator[Sequence[Any]]
    # Native Excel charts over the rows written: (worksheet, rows written) -> [(chart, anchor cell)].
    charts: Callable[[Any, int], list[tuple[Any, str]]] | None = None
    total_row: bool = False  # the last row is a total: bold, and outside the filter


@dataclass(frozen=True)
class Print:
    """What every printed page of the workbook says: the meeting above, and a mark ("INTERNAL") if any."""

    title: str = ""
    mark: str = ""
    subject: str = ""
    footer: str = "Page &P of &N"  # in the workbook's language ("Page &P sur &N")
    language: str = "en-GB"  # the workbook's language property


def _escape(text: str) -> str:
    return text.replace("&", "&&")  # & starts a code in a header or footer


def _print_setup(ws: Any, sheet: Sheet, page: Print) -> None:
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape" if sum(sheet.widths) > WIDE else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # one page wide, as many long as it takes
    ws.print_title_rows = "1:1"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.gridLines = False
    for header, footer in ((ws.oddHeader, ws.oddFooter), (ws.evenHeader, ws.evenFooter)):
        header.left.text = _escape(page.title)
        if page.mark:
            header.center.text = f'&"Calibri,Bold"{_escape(page.mark)}'
        header.right.text = "&A"  # the sheet's name
        footer.center.text = page.footer
        footer.right.text = "&D"
        header.left.size = header.right.size = footer.center.size = footer.right.size = 9


def _header_row(ws: Any, sheet: Sheet) -> list[Any]:
    fill = PatternFill("solid", fgColor="DCE6F1")
    wrap = Alignment(vertical="center", wrap_text=True)
    cells = []
    for title in sheet.header:
        cell = WriteOnlyCell(ws, title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, fill, wrap
        cells.append(cell)
    lines = max((_lines(t, w) for t, w in zip(sheet.header, sheet.widths)), default=1)
    ws.row_dimensions[1].height = LINE_HEIGHT * lines
    return cells


def _lines(text: str, width: int) -> int:
    """Lines a text takes in a wrapped cell `width` characters wide, at most (a word that does not fit on the
    line's end goes to the next; Calibri's letters are narrower than the digits the width counts)."""
    return max(1, math.ceil(len(text) / width))


def write_sheets(
    all_sheets: list[Sheet], out: str | Path, total: int, private: bool = False, page: Print = Print()
) -> Iterator[Progress]:
    """Write the sheets; yields progress counted in rows out of `total`, the last item with the path."""
    total = max(1, total)
    workbook = Workbook(write_only=True)
    props = workbook.properties
    props.creator, props.lastModifiedBy, props.title, props.subject = APP_NAME, APP_NAME, page.title, page.subject
    props.language, props.description, props.version = page.language, f"Made with {APP_NAME} {VERSION}", VERSION
    done = 0
    titles: set[str] = set()
    with atomic_path(out, private) as temporary, _discarded_on_failure(workbook, out):
        for sheet in all_sheets:
            title = sheet_title(sheet.title, titles)
            titles.add(title)
            ws = workbook.create_sheet(title)
            for i, width in enumerate(sheet.widths, start=1):
                ws.column_dimensions[get_column_letter(i)].width = width
            ws.freeze_panes = "A2"
            _print_setup(ws, sheet, page)
            ws.append(_header_row(ws, sheet))
            writer = _RowWriter(ws, sheet.widths)
            count = 0
            for row in _with_total(sheet):
                writer.append(row)
                count += 1
                if count % 5000 == 0:
                    done += 5000
                    yield Progress(min(done, total), total, sheet.title)
            done += count % 5000
            filtered = count - 1 if sheet.total_row and count else count
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{filtered + 1}"
            for chart, anchor in sheet.charts(ws, count) if sheet.charts else ():
                ws.add_chart(chart, anchor)
        _save(workbook, temporary)
    yield Progress(total, total, f"{len(all_sheets)} sheets", Path(out))


def _save(workbook: Workbook, path: Path) -> None:
    """openpyxl's save, with the zip archive closed here when writing fails (left open, the garbage collector
    closes it later and prints an "Exception ignored" traceback of the same full disk)."""
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
    try:
        ExcelWriter(workbook, archive).save()
    except BaseException:
        if archive.fp is not None:
            with contextlib.suppress(Exception):
                archive.fp.close()
            archive.fp = None
        raise


@contextlib.contextmanager
def _discarded_on_failure(workbook: Workbook, out: str | Path) -> Iterator[None]:
    """When writing fails (a full disk, a full temporary folder, a cancel): close the sheets' half-written
    streams here, quietly, so that the one message about it is all the secretary sees (left to the garbage
    collector, each stream prints an "Exception ignored" traceback); lxml's own write errors become that
    message."""
    try:
        yield
    except BaseException as exc:
        for ws in getattr(workbook, "_sheets", ()):
            for stream in (getattr(ws, "_rows", None), getattr(getattr(ws, "_writer", None), "xf", None)):
                with contextlib.suppress(Exception):
                    stream.close() if stream is not None else None
        if isinstance(exc, etree.LxmlError):
            raise DomainError(
                f"{Path(out).name} was not written: the temporary folder ({tempfile.gettempdir()}) is full or "
                "cannot be written. Free some space and try again.",
                "out",
            ) from None
        raise


def _with_total(sheet: Sheet) -> Iterator[Sequence[Any]]:
    """The sheet's rows, the total (the last one) in bold cells when the sheet has one."""
    if not sheet.total_row:
        yield from sheet.rows
        return
    last = None
    for row in sheet.rows:
        if last is not None:
            yield last
        last = row
    if last is not None:
        yield [_Bold(value) for value in last]


class _Bold:
    def __init__(self, value: Any):
        self.value = value


def _style(
    ws: Any, number_format: str = "", font: Font | None = None, quoted: bool = False, wrap: bool = False
) -> StyleArray:
    """A cell format with a number format, font or quote prefix, or wrapping its text."""
    probe = WriteOnlyCell(ws, "")
    probe._style = StyleArray()
    if wrap:
        probe.alignment = WRAP
    if number_format:
        probe.number_format = number_format
    if font:
        probe.font = font
    style: StyleArray = probe._style
    style.quotePrefix = int(quoted)  # openpyxl has no public setter for quotePrefix
    return style


class _RowWriter:
    """Appends rows: plain values as they are (nearly every cell of a large workbook, in one pass and no calls);
    dates as dates; formula-like text quoted; text longer than its column wrapped, its row raised to fit it."""

    def __init__(self, ws: Any, widths: Sequence[int]):
        self.ws, self.widths, self.row = ws, list(widths), 1
        self.date, self.bold = _style(ws, "d mmmm yyyy"), _style(ws, font=HEADER_FONT)
        self.quoted, self.wrap = _style(ws, quoted=True), _style(ws, wrap=True)
        # Wrapped texts repeat (a delegation's name on each of its members' rows): one cell each, and its lines.
        self.wrapped: dict[tuple[str, int], tuple[Cell, int]] = {}

    def append(self, row: Sequence[Any]) -> None:
        ws, widths = self.ws, self.widths
        row = list(row)
        lines = 1
        for i, value in enumerate(row):
            kind = value.__class__
            if kind is str:
                if value and value[0] in FORMULA_FIRST:
                    row[i] = cell = Cell(ws, 1, 1, None, self.quoted)
                    cell._value, cell.data_type = value, "s"  # text, never a formula
                elif i < len(widths) and len(value) > widths[i]:
                    row[i], taken = self._wrapped(value, widths[i])
                    lines = max(lines, taken)
            elif kind is dt.date or kind is dt.datetime:
                row[i] = Cell(ws, 1, 1, value, self.date)
            elif kind is _Bold:
                row[i] = Cell(ws, 1, 1, value.value, self.bold)
        self.row += 1
        if lines > 1:
            # The row's attributes as openpyxl's writer reads them (a RowDimension costs 50 µs to make).
            ws.row_dimensions[self.row] = {"ht": str(LINE_HEIGHT * lines), "customHeight": "1"}
            ws.append(row)
            del ws.row_dimensions[self.row]  # written with the row: 100,000 of them need not stay in memory
        else:
            ws.append(row)

    def _wrapped(self, text: str, width: int) -> tuple[Cell, int]:
        """A wrapping cell of the text and the lines it takes (one cell a text: the writer writes each cell as it
        comes and only reads it)."""
        key = (text, width)
        found = self.wrapped.get(key)
        if found is None:
            found = (Cell(self.ws, 1, 1, text, self.wrap), _lines(text, width))
            if len(self.wrapped) >= 20_000:
                self.wrapped.clear()
            self.wrapped[key] = found
        return found
