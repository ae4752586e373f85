"""Reading a table from a file: .xlsx, or CSV/TSV text, into a header and rows of text, with bounded memory.

Serves the reference data (status lists) and registrations alike. Text files may be UTF-8 (with or without a
byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode text"), or Windows-1252 when it reads as such
(imports/encoding.py: the rule, never a silent guess), or an encoding named; comma, semicolon or
tab separated; cells may hold quoted newlines. Workbooks are read in read-only mode after their zip directory
has been checked, so a zip bomb or a sheet that claims a million columns is refused before it costs memory.
Each problem names the file, the row and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ccm_secretariat.errors import ValidationError
from ccm_secretariat.storage.paused_gc import paused_gc

if TYPE_CHECKING:
    from typing import Any

MAX_COLUMNS = 200
MAX_ROWS = 250_000
MAX_TEXT_BYTES = 200 * 1024 * 1024
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
MAX_ZIP_RATIO = 200
MAX_SHARED = 10_000  # different texts remembered per column for sharing (below)
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the name a spreadsheet user sees."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Sheet:
    """A table as read: headers as written (made unique and non-empty), rows of text with their line numbers,
    and problems found in particular rows (a formula with no value, cells past the last header)."""

    name: str
    headers: list[str]
    rows: list[tuple[int, tuple[str, ...]]]
    problems: dict[int, list[str]] = field(default_factory=dict)
    encoding: str = ""

    def where(self, line: int, column: int | None = None) -> str:
        """'row 12' or 'row 12, column “E-mail” (C)' for messages."""
        if column is None:
            return f"row {line}"
        return f"row {line}, column “{self.headers[column]}” ({column_letter(column)})"


@dataclass(frozen=True)
class Row:
    """One data row of a reference file and its line (or sheet row) number, keyed by lower-case header."""

    line: int
    values: dict[str, str]


def read_table(path: Path) -> list[Row]:
    """A reference table ('#' lines are comments) as rows keyed by lower-case header."""
    sheet = read_sheet(path, comments=True)
    keys = [h.strip().lower() for h in sheet.headers]
    for line, problems in sheet.problems.items():
        raise ValidationError(f"{sheet.name}, row {line}: {problems[0]}", "file")
    return [Row(line, dict(zip(keys, cells))) for line, cells in sheet.rows]


def read_sheet(path: str | Path, *, comments: bool = False, encoding: str | None = None) -> Sheet:
    with paused_gc():
        return _read_sheet(Path(path), comments, encoding)


def _read_sheet(path: Path, comments: bool, encoding: str | None = None) -> Sheet:
    if not path.exists():
        raise ValidationError(f"{path} does not exist.", "file")
    if path.is_dir():
        raise ValidationError(f"{path} is a folder; choose a file.", "file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, comments)
    if suffix in (".csv", ".tsv", ".txt", ".tab"):
        return _read_text(path, "\t" if suffix in (".tsv", ".tab") else None, comments, encoding)
    if suffix == ".xls":
        raise ValidationError(f"{path.name} is an old Excel 97-2003 workbook; save it as .xlsx and try again.", "file")
    raise ValidationError(f"{path.name}: give a .tsv, .csv or .xlsx file.", "file")


# Text files -----------------------------------------------------------------------------------------------
def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was read in (the rule: imports/encoding.py)."""
    from ccm_secretariat.imports.encoding import decode as by_rule

    return by_rule(data, name, encoding)


def _sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line holds most of, outside quotes."""
    first = ""
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            first = line
            break
    counts = {d: 0 for d in ",;\t"}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_text(path: Path, delimiter: str | None, comments: bool, encoding: str | None = None) -> Sheet:
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise ValidationError(f"{path.name} is larger than {MAX_TEXT_BYTES // 2**20} MB; split it.", "file")
    text, encoding = decode(path.read_bytes(), path.name, encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or _sniff_delimiter(text))

    def numbered() -> Iterator[tuple[int, list[str]]]:
        # Rows are numbered as a spreadsheet shows the file (a cell with a line break is still one row).
        number = 0
        try:
            for number, cells in enumerate(reader, start=1):
                yield number, cells
        except csv.Error as exc:
            raise ValidationError(f"{path.name}, row {number + 1}: {exc} (a quote may be left open).", "file") from None

    return _assemble(path.name, numbered(), comments, encoding)


# Workbooks ------------------------------------------------------------------------------------------------
def _check_zip(path: Path) -> None:
    with path.open("rb") as f:
        head = f.read(8)
    if head == OLE_SIGNATURE:
        raise ValidationError(
            f"{path.name} is protected by a password (or is an old .xls workbook): open it in "
            "Excel, remove the password and save it as .xlsx.",
            "file",
        )
    if not zipfile.is_zipfile(path):
        raise ValidationError(
            f"{path.name} cannot be read as an Excel workbook: it is damaged, or not an .xlsx file.", "file"
        )
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValidationError(f"{path.name} is damaged: {exc}", "file") from None
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_UNZIPPED_BYTES or (unpacked > 20 * 2**20 and unpacked / packed > MAX_ZIP_RATIO):
        raise ValidationError(
            f"{path.name} unpacks to {unpacked // 2**20:,} MB from {packed // 2**10:,} KB: "
            "it is not a registration list the import will open.",
            "file",
        )


def _open_workbook(path: Path, data_only: bool) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(
            f"{path.name} cannot be read as an Excel workbook ({type(exc).__name__}: {exc}).", "file"
        ) from None


def _read_xlsx(path: Path, comments: bool) -> Sheet:
    _check_zip(path)
    workbook = _open_workbook(path, data_only=False)
    formulas: dict[tuple[int, int], str] = {}
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # trust the cells, not the dimension the file claims

        def rows() -> Iterator[tuple[int, list[str]]]:
            for number, cells in enumerate(sheet.iter_rows(), start=1):
                values = []
                for col, cell in enumerate(cells):
                    value = cell.value
                    if value is not None and cell.data_type == "f":
                        formulas[(number, col)] = str(value)
                        value = None
                    values.append(_cell_text(value))
                yield number, values

        result = _assemble(path.name, rows(), comments, "")
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(f"{path.name} is damaged ({type(exc).__name__}: {exc}).", "file") from None
    finally:
        workbook.close()
    if formulas:
        _fill_formula_values(path, result, formulas)
    return result


def _fill_formula_values(path: Path, sheet: Sheet, formulas: dict[tuple[int, int], str]) -> None:
    """Take the value Excel stored for each formula; a formula without one is a problem of its row."""
    lines = {line for line, _ in formulas}
    cached: dict[tuple[int, int], object] = {}
    workbook = _open_workbook(path, data_only=True)
    try:
        ws = workbook.worksheets[0]
        ws.reset_dimensions()
        for number, cells in enumerate(ws.iter_rows(values_only=True), start=1):
            if number in lines:
                for col, value in enumerate(cells):
                    if (number, col) in formulas:
                        cached[(number, col)] = value
    finally:
        workbook.close()
    index = {line: i for i, (line, _) in enumerate(sheet.rows)}
    for (line, col), formula in formulas.items():
        if line not in index:
            continue
        i = index[line]
        cells = list(sheet.rows[i][1])
        value = cached.get((line, col))
        if value is None:
            column = sheet.where(line, col) if col < len(sheet.headers) else f"row {line}"
            sheet.problems.setdefault(line, []).append(
                f"{column.split(', ', 1)[-1]} holds a formula ({formula[:60]}) with no stored value; "
                "open the file in Excel and save it, or paste the values."
            )
        elif col < len(cells):
            cells[col] = _cell_text(value).strip()
            sheet.rows[i] = (line, tuple(cells))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Both -------------------------------------------------------------------------------------------------------
class _SharedTexts:
    """One string for each text repeated down a column: a country, a date, an affiliation or a function recurs on
    thousands of rows of a large file, and each cell read is a string of its own (about a tenth of the memory of
    an import of 100,000 rows). A column whose texts hardly repeat (e-mails) stops being remembered once it has
    shown MAX_SHARED different ones."""

    def __init__(self) -> None:
        self.columns: list[dict[str, str] | None] = []

    def share(self, cells: list[str]) -> tuple[str, ...]:
        columns = self.columns
        while len(columns) < len(cells):
            columns.append({})
        for i, text in enumerate(cells):
            seen = columns[i]
            if seen is not None:
                cells[i] = seen.setdefault(text, text)
                if len(seen) > MAX_SHARED:
                    columns[i] = None
        return tuple(cells)


def _assemble(name: str, rows: Iterable[tuple[int, list[str]]], comments: bool, encoding: str) -> Sheet:
    headers: list[str] | None = None
    data: list[tuple[int, tuple[str, ...]]] = []
    problems: dict[int, list[str]] = {}
    shared = _SharedTexts()
    for line, cells in rows:
        if len(cells) > MAX_COLUMNS:
            if any(c.strip() for c in cells[MAX_COLUMNS:]):
                raise ValidationError(
                    f"{name}, row {line}: has values in {len(cells):,} columns; the import "
                    f"reads at most {MAX_COLUMNS}.",
                    "file",
                )
            cells = cells[:MAX_COLUMNS]
        stripped = [c.strip() for c in cells]
        if not any(stripped) or (comments and stripped[0].startswith("#")):
            continue
        if headers is None:
            if sum(1 for c in stripped if c) < 2 and not comments:
                continue  # a title above the table ("Registrations, 13MSP"), often merged across
            headers = _unique_headers(stripped)
            continue
        width = len(headers)
        if len(stripped) > width:
            extra = [i for i in range(width, len(stripped)) if stripped[i]]
            if extra:
                problems.setdefault(line, []).append(
                    f"has {len(stripped)} cells but the header has {width}; the cell in column "
                    f"{column_letter(extra[0])} (“{stripped[extra[0]][:40]}”) has no header."
                )
            stripped = stripped[:width]
        elif len(stripped) < width:
            stripped += [""] * (width - len(stripped))
        data.append((line, shared.share(stripped)))
        if len(data) > MAX_ROWS:
            raise ValidationError(f"{name} has more than {MAX_ROWS:,} rows; split it.", "file")
    if headers is None:
        raise ValidationError(f"{name} is empty: it has no header row.", "file")
    return Sheet(name, headers, data, problems, encoding)


def _unique_headers(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    seen: dict[str, int] = {}
    headers = []
    for i, text in enumerate(cells):
        text = " ".join(text.split()) or f"Column {column_letter(i)}"
        key = text.lower()
        if key in seen:
            seen[key] += 1
            text = f"{text} ({seen[key]})"
        else:
            seen[key] = 1
        headers.append(text)
    return headers
