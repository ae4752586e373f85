"""Writing sheets of rows into an .xlsx workbook (openpyxl write-only: 100,000 rows stay quick and small).

Real dates as dates, a frozen and bold header row, filters on, set widths, and any text that begins with =, +,
- or @ stored as text with a quote prefix, so that no spreadsheet program runs it. The file is written beside
its target and renamed into place at the end."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from ccm_secretariat.application import PRODUCER, VERSION
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
    titles: set[str] = set()
    with atomic_path(out, private) as temporary, _discarded_on_failure(workbook, out):
        for sheet in all_sheets:
            title = sheet_title(sheet.title, titles)
            titles.add(title)
            ws = workbook.create_sheet(title)
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
