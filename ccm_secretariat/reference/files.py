"""Reading tables of reference data: TSV, CSV or xlsx, with '#' comment lines, into dicts per row."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ccm_secretariat.errors import ValidationError

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
REFERENCE_DIR = RESOURCES / "reference"


@dataclass(frozen=True)
class Row:
    """One data row and its line (or sheet row) number in the file, for messages."""

    line: int
    values: dict[str, str]


def read_table(path: Path) -> list[Row]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise ValidationError(f"{path} does not exist.", "file")
    if suffix == ".xlsx":
        return list(_read_xlsx(path))
    if suffix in (".tsv", ".txt", ".tab"):
        return list(_read_delimited(path, "\t"))
    if suffix == ".csv":
        return list(_read_delimited(path, None))
    raise ValidationError(f"{path.name}: give a .tsv, .csv or .xlsx file.", "file")


def _read_delimited(path: Path, delimiter: str | None) -> Iterator[Row]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(f"{path.name} is not UTF-8 text (byte {exc.start}); save it as UTF-8.", "file") from exc
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise ValidationError(f"{path.name} has no header row.", "file")
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(lines[0][1], delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader([line for _, line in lines], delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    for (number, _), cells in zip(lines[1:], reader):
        yield Row(number, {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)})


def _read_xlsx(path: Path) -> Iterator[Row]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a damaged file
        raise ValidationError(f"{path.name} cannot be read as an Excel workbook: {exc}", "file") from exc
    try:
        sheet = workbook.worksheets[0]
        header: list[str] | None = None
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            values = ["" if c is None else _cell_text(c) for c in cells]
            if not any(values) or values[0].startswith("#"):
                continue
            if header is None:
                header = [v.strip().lower() for v in values]
                continue
            yield Row(number, {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)})
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def parse_date(text: str, row: Row, column: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValidationError(f"line {row.line}: “{text}” is not a date; write it as YYYY-MM-DD.", column) from None


def require_columns(rows: list[Row], columns: tuple[str, ...], file_name: str) -> None:
    if not rows:
        raise ValidationError(f"{file_name} has no data rows.", "file")
    missing = [c for c in columns if c not in rows[0].values]
    if missing:
        raise ValidationError(f"{file_name} lacks the column(s) {', '.join(missing)}.", "file")
